"""`teum-cxdo turns FILE` on awkward files, run in-process: other encodings parse exactly like UTF-8, bad input is one line
on stderr and exit code 2, never a traceback. (The subprocess checks of the same command are in `test_cli.py`.)"""
import io
from pathlib import Path
import pandas as pd
import pytest
from teum_cxdo.cli import main
from teum_cxdo.corpus import load_text
from teum_cxdo.transcripts import parse_transcript

FIX = Path(__file__).resolve().parent / 'fixtures'

def turns_cli(tmp_path, capsys, data:bytes, name='call.txt'):
    "Exit code, stdout and stderr of `teum-cxdo turns` on a file `name` holding `data`."
    p = tmp_path / name; p.write_bytes(data)
    code = main(['turns', str(p)])
    out, err = capsys.readouterr()
    return code, out, err

def table(out:str)->pd.DataFrame: return pd.read_csv(io.StringIO(out), keep_default_na=False)

@pytest.mark.parametrize('enc', ['utf-16', 'utf-16-be', 'utf-8-sig'])
def test_teum_in_other_encodings_parses_like_utf8(tmp_path, capsys, enc):
    teum = load_text('teum_2017q2_call')
    ref = parse_transcript(teum)
    data = b'\xfe\xff' + teum.encode('utf-16-be') if enc == 'utf-16-be' else teum.encode(enc)   # with its byte-order mark
    code, out, err = turns_cli(tmp_path, capsys, data)
    got = table(out)
    assert code == 0 and err == '' and list(got.speaker) == list(ref.speaker) and list(got.n_words) == list(ref.n_words)

def test_latin1_names_survive(tmp_path, capsys):
    text = (FIX / 'labeled_fool.txt').read_text(encoding='utf-8').replace('Priya Nair', 'Priya Nuñez').replace('Cobalt', 'Côbalt')
    code, out, err = turns_cli(tmp_path, capsys, text.encode('latin-1'))
    got = table(out)
    assert code == 0 and err == '' and 'Priya Nuñez' in set(got.speaker) and got.text[0].count('Côbalt') == 1

@pytest.mark.parametrize('data,says', [
    ('\n'.join(load_text('teum_2017q2_call').split('\n')[:12]).encode(), 'expected a call transcript'),   # the roster only
    (bytes(range(256)) * 4, 'binary'),                                                                      # random bytes
    (load_text('teum_2017_10k').encode(), 'expected a call transcript')], ids=['header_only', 'random', '10k'])
def test_bad_input_is_one_line_exit_2(tmp_path, capsys, data, says):
    code, out, err = turns_cli(tmp_path, capsys, data)
    assert code == 2 and out == '' and err.startswith('teum-cxdo: error: ') and err.count('\n') == 1 and says in err
    assert 'Traceback' not in err

def test_inline_titled_and_empty_labels_keep_every_word(tmp_path, capsys):
    "`Name -- Title: text` on one line and `Name -- : text` are labels with speech after them; no word of speech is dropped (issue 13)."
    lines = ['Acme Corp Q1 2025 Earnings Call', 'Operator: Good day, and welcome to the Acme call.',
             'John Smith -- Chief Executive Officer: Revenue was $12.4 million, up 5%.',
             'Operator: Our first question comes from Ann Lee with Summit Research.',
             'Ann Lee -- Summit Research -- Analyst: What drove margins?', 'John Smith -- : Mostly mix.', 'Operator: That concludes the call.']
    code, out, err = turns_cli(tmp_path, capsys, '\n'.join(lines).encode())
    got = table(out)
    assert code == 0 and err == ''
    assert list(got.speaker) == ['Operator', 'John Smith', 'Operator', 'Ann Lee', 'John Smith', 'Operator']
    assert list(got.role) == ['operator', 'management', 'operator', 'analyst', 'management', 'operator']
    assert list(got.text) == [l.split(': ', 1)[1] for l in lines[1:]]
