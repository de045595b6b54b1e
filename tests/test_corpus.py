"The bundled corpus: manifest, checksums and the package data a fresh install ships."
import hashlib
import pytest
from teum_cxdo import corpus
from teum_cxdo.core import CorpusError, TeumCxdoError

def test_manifest_lists_three_documents():
    m = corpus.documents()
    assert list(m.doc_id) == ['teum_2017q2_call', 'teum_2017_10k', 'cxdo_2023q2_call']
    assert set(m.kind) == {'call', '10-K'} and set(m.ticker) == {'TEUM', 'CXDO'}
    assert {'company', 'fiscal_period', 'date', 'source_file', 'sha256'} <= set(m.columns)

def test_every_document_matches_its_checksum():
    for r in corpus.documents().itertuples():
        assert hashlib.sha256(corpus.load_bytes(r.doc_id)).hexdigest() == r.sha256
        assert len(corpus.load_text(r.doc_id)) > 10_000

def test_unknown_document_is_a_clear_error():
    with pytest.raises(CorpusError, match='expected one of'): corpus.load_text('nope')
    assert issubclass(CorpusError, TeumCxdoError)

def test_tampered_file_fails_checksum(tmp_path):
    for f in corpus.DATA.iterdir():
        if f.is_file(): (tmp_path / f.name).write_bytes(f.read_bytes())
    p = tmp_path / 'teum_2017q2_call.txt'
    p.write_bytes(p.read_bytes() + b' ')
    with pytest.raises(CorpusError, match='checksum mismatch'): corpus.load_text('teum_2017q2_call', data=tmp_path)
    (tmp_path / 'teum_2017_10k_business.txt').unlink()
    with pytest.raises(CorpusError, match='missing'): corpus.load_text('teum_2017_10k', data=tmp_path)
