"The `teum-cxdo` console script as a user runs it: output, exit codes, one-line errors."
import subprocess, sys, shutil
import pytest

def run(*args, input=None):
    exe = shutil.which('teum-cxdo') or None
    cmd = [exe] if exe else [sys.executable, '-c', 'import sys; from teum_cxdo.cli import main; sys.exit(main())']
    return subprocess.run(cmd + list(args), capture_output=True, text=True, input=input, timeout=300)

def test_bare_command_prints_manifest():
    r = run()
    assert r.returncode == 0, r.stderr
    for d in ('teum_2017q2_call', 'teum_2017_10k', 'cxdo_2023q2_call'): assert d in r.stdout

def test_unknown_subcommand_exits_2():
    r = run('frobnicate')
    assert r.returncode == 2 and 'invalid choice' in r.stderr

def test_help_works():
    r = run('--help')
    assert r.returncode == 0 and 'usage: teum-cxdo' in r.stdout

FIX = __import__('pathlib').Path(__file__).parent / 'fixtures'

def _one_line_error(r):
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert r.stderr.startswith('teum-cxdo: error: ') and r.stderr.count('\n') == 1 and 'Traceback' not in r.stderr

def test_turns_writes_csv_of_turns():
    r = run('turns', str(FIX / 'labeled_call.txt'))
    assert r.returncode == 0, r.stderr
    import io, pandas as pd
    t = pd.read_csv(io.StringIO(r.stdout))
    assert list(t.columns) == ['turn', 'speaker', 'title', 'role', 'section', 'text', 'n_words']
    assert list(t.turn) == list(range(len(t))) and set(t.role) <= {'management', 'analyst', 'operator'}

@pytest.mark.parametrize('enc', ['latin-1', 'utf-16'])
def test_turns_reads_other_encodings(tmp_path, enc):
    text = (FIX / 'labeled_call.txt').read_text(encoding='utf-8')
    if enc == 'latin-1': text = text.encode('latin-1', 'replace').decode('latin-1') + '\nCafé société.\n'
    p = tmp_path / 'call.txt'; p.write_bytes(text.encode(enc))
    r = run('turns', str(p))
    assert r.returncode == 0, r.stderr
    import io, pandas as pd
    got, ref = (pd.read_csv(io.StringIO(x.stdout)) for x in (r, run('turns', str(FIX / 'labeled_call.txt'))))
    assert list(got.speaker) == list(ref.speaker)
    if enc == 'latin-1': assert got.text.iloc[-1].endswith('Café société.')

@pytest.mark.parametrize('content', [b'', b'\n\n  \n', b'\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR', b'Item 1. Business\n\nWe sell software.\n',
                                     'Participants\nCORPORATE PARTICIPANTS\nJane Roe — Chief Executive Officer, Acme\n'.encode()])
def test_turns_bad_input_is_one_line_exit_2(tmp_path, content):
    p = tmp_path / 'bad.txt'; p.write_bytes(content)
    _one_line_error(run('turns', str(p)))

def test_missing_file_is_one_line_exit_2(tmp_path):
    _one_line_error(run('turns', str(tmp_path / 'nope.txt')))
