"""Decoding tables for `teum_cxdo.core`: every common encoding round-trips, every binary input is refused.

The unit checks of the module (errors, Latin-1, line endings, `read_text`, `count_words`) live in `nbs/00_core.ipynb`."""
import pytest
from teum_cxdo.core import decode_text, InputError

TEXT = 'Operator: Welcome to the Café call — revenue rose 16%.\nJane Roe: Thanks.'

@pytest.mark.parametrize('enc', ['utf-8', 'utf-8-sig', 'utf-16', 'utf-16-le', 'cp1252'])
def test_decodes_common_encodings(enc):
    data = TEXT.encode(enc)
    if enc == 'utf-16-le': data = b'\xff\xfe' + data  # a BOM tells the byte order
    assert decode_text(data) == TEXT

@pytest.mark.parametrize('data', [b'\x00\x01\x02\x03binary', bytes(range(256)) * 4, b'\x7fELF\x02\x01\x01\x00\x00'])
def test_binary_is_rejected(data):
    with pytest.raises(InputError, match='binary'): decode_text(data)
