"Decoding user files and the shared word count."
import pytest
from teum_cxdo.core import decode_text, read_text, count_words, InputError

TEXT = 'Operator: Welcome to the Café call — revenue rose 16%.\nJane Roe: Thanks.'

@pytest.mark.parametrize('enc', ['utf-8', 'utf-8-sig', 'utf-16', 'utf-16-le', 'cp1252'])
def test_decodes_common_encodings(enc):
    data = TEXT.encode(enc)
    if enc == 'utf-16-le': data = b'\xff\xfe' + data  # a BOM tells the byte order
    assert decode_text(data) == TEXT

def test_latin1_without_dashes():
    assert decode_text('Crème brûlée, São Paulo'.encode('latin-1')) == 'Crème brûlée, São Paulo'

def test_crlf_normalised():
    assert decode_text(b'a\r\nb\rc') == 'a\nb\nc'

@pytest.mark.parametrize('data', [b'\x00\x01\x02\x03binary', bytes(range(256)) * 4, b'\x7fELF\x02\x01\x01\x00\x00'])
def test_binary_is_rejected(data):
    with pytest.raises(InputError, match='binary'): decode_text(data)

def test_missing_file(tmp_path):
    with pytest.raises(InputError, match='no such file'): read_text(tmp_path / 'x.txt')

def test_count_words():
    assert count_words("We don't expect $1,479,587 in 2017-2018, i.e. 3.5x.") == 8
    assert count_words('  ') == 0
