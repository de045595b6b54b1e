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

# --- the step commands and the report -------------------------------------------------------------------------------
import io, hashlib
import pandas as pd
from pathlib import Path

def _csv(r):
    assert r.returncode == 0, r.stderr
    return pd.read_csv(io.StringIO(r.stdout))

@pytest.mark.parametrize('cmd', ['corpus', 'turns', 'sentiment', 'topics', 'metrics', 'summarize', 'report'])
def test_every_subcommand_has_help(cmd):
    r = run(cmd, '--help')
    assert r.returncode == 0 and r.stdout.startswith(f'usage: teum-cxdo {cmd}')

def test_sentiment_levels():
    f = str(FIX / 'labeled_call.txt')
    s, t, roles = _csv(run('sentiment', f)), _csv(run('sentiment', f, '--level', 'turns')), _csv(run('sentiment', f, '--level', 'roles'))
    turns = _csv(run('turns', f))
    assert s.n_words.sum() == turns.n_words.sum()                  # every word in one scored sentence
    assert len(t) == len(turns) and s.fin_tone.between(-1, 1).all() and set(s.fin_label) <= {'positive', 'neutral', 'negative'}
    assert set(roles.scorer) == {'fin_tone', 'lm_tone', 'polarity'} and (roles.ci_low <= roles['diff']).all()

def test_sentiment_without_analysts_is_an_error():
    _one_line_error(run('sentiment', str(FIX / 'unlabeled_no_qa.txt'), '--level', 'roles'))

def test_metrics_of_a_call():
    m = _csv(run('metrics', str(FIX / 'labeled_call.txt'), '--company', 'ZZZ', '--period', 'Q4 2024'))
    assert len(m) and (m.company == 'ZZZ').all() and {'metric', 'value', 'unit', 'sentence'} <= set(m.columns)

def test_topics_of_several_calls():
    files = [str(FIX / n) for n in ('labeled_call.txt', 'bullet_call.txt', 'unlabeled_call.txt', 'unlabeled_call_2.txt')]
    t = _csv(run('topics', *files, '--n-topics', '2', '-q'))
    assert list(t.columns[:4]) == ['topic', 'label', 'top_terms', 'size'] and len(t) == 2
    p = _csv(run('topics', *files, '--n-topics', '2', '--passages', '-q'))
    assert t['size'].sum() == len(p) and set(p.topic) <= set(t.topic)

def test_summarize_a_filing():
    r = run('summarize', str(FIX / 'synthetic_10k.txt'), '--max-tokens', '120')
    assert r.returncode == 0, r.stderr
    from teum_cxdo.business import count_tokens
    assert 0 < count_tokens(r.stdout) <= 120 and '\n' not in r.stdout.strip()
    _one_line_error(run('summarize', str(FIX / 'synthetic_10k.txt'), '--max-tokens', '0'))

def _digest(d): return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(Path(d).iterdir())}

def test_report_of_the_study_is_complete_offline_and_deterministic(tmp_path):
    a, b = tmp_path / 'a', tmp_path / 'b'
    r = run('report', '--out', str(a))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == str(a / 'index.html')
    html = (a / 'index.html').read_text(encoding='utf-8')
    assert html.count('data:image/png;base64,') >= 6 and '<script' not in html and 'src="http' not in html
    for t in ('turns', 'sentences', 'role_tests', 'topics', 'metrics', 'comparison', 'business'): assert (a / f'{t}.csv').exists(), t
    assert run('report', '--out', str(b)).returncode == 0
    assert _digest(a) == _digest(b)

def test_report_of_a_folder_of_calls(tmp_path):
    src = tmp_path / 'calls'; src.mkdir()
    for n in ('labeled_call.txt', 'bullet_call.txt', 'inline_call.txt'): (src / n).write_bytes((FIX / n).read_bytes())
    (src / 'notes.txt').write_text('Item 1. Business\n\nWe sell software.\n')
    r = run('report', '--input', str(src), '--out', str(tmp_path / 'out'))
    assert r.returncode == 0, r.stderr
    assert '%' in r.stderr and '4 transcripts, 1 failed' in r.stderr          # progress bar and counts on stderr
    out = tmp_path / 'out'
    assert sorted(pd.read_csv(out / 'turns.csv').doc_id.unique()) == ['bullet_call', 'inline_call', 'labeled_call']
    assert pd.read_csv(out / 'errors.csv').file.str.endswith('notes.txt').all()
    assert len(pd.read_csv(out / 'tone_by_call.csv')) == 3 and (out / 'index.html').exists()

def test_report_bad_input_folder(tmp_path):
    _one_line_error(run('report', '--input', str(tmp_path / 'nope'), '--out', str(tmp_path / 'o')))
    _one_line_error(run('report', '--input', str(tmp_path), '--out', str(tmp_path / 'o')))

def test_freezes_heap_only_as_console_script():
    "`main()` (the console script) freezes the heap before the process exits; `main(argv)` leaves a caller's heap collectable."
    code = ('import gc, sys; from teum_cxdo.cli import main; n = gc.get_freeze_count(); '
            "main(['turns', sys.argv[1]]); a = gc.get_freeze_count(); sys.argv[1:] = ['turns', sys.argv[1]]; main(); "
            'print(n, a, gc.get_freeze_count() > a, file=sys.stderr)')
    r = subprocess.run([sys.executable, '-c', code, str(FIX / 'labeled_call.txt')], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert r.stderr.split() == ['0', '0', 'True'], r.stderr
