"Corpus mode: bounded memory, input order, reruns replace tables, failures recorded, per-file work is a pure function."
import pandas as pd
from pathlib import Path
from teum_cxdo.pipeline import map_bounded, run_corpus, analyze_text, tone_by_call
from teum_cxdo.core import InputError

FIX = Path(__file__).parent / 'fixtures'

def _slow_square(x):
    import time; time.sleep(0.01 * (x % 3)); return x * x

def test_map_bounded_keeps_order_and_window():
    consumed, done = [], []
    def items():
        for i in range(40):
            consumed.append(i); yield i
    for it, res, err in map_bounded(_slow_square, items(), workers=2, window=4):
        done.append(it)
        assert len(consumed) - len(done) <= 4          # never more than `window` items taken but not yet returned
        assert res == it * it and err is None
    assert done == list(range(40))

def _boom(x):
    if x == 2: raise InputError('bad item')
    return x

def test_map_bounded_returns_errors_instead_of_raising():
    res = list(map_bounded(_boom, range(4), workers=2))
    assert [r for _, r, _ in res] == [0, 1, None, 3] and res[2][2] == 'InputError: bad item'

def test_analyze_text_is_pure():
    text = (FIX / 'bullet_call.txt').read_text(encoding='utf-8')
    a, b = analyze_text(text, doc_id='x'), analyze_text(text, doc_id='x')
    for k in a: pd.testing.assert_frame_equal(a[k], b[k])

def test_rerun_replaces_tables(tmp_path):
    src = tmp_path / 'calls'; src.mkdir()
    (src / 'a.txt').write_bytes((FIX / 'labeled_call.txt').read_bytes())
    run_corpus(src, tmp_path / 'out', workers=1, progress=False)
    first = pd.read_csv(tmp_path / 'out' / 'turns.csv')
    run_corpus(src, tmp_path / 'out', workers=1, progress=False)
    pd.testing.assert_frame_equal(pd.read_csv(tmp_path / 'out' / 'turns.csv'), first)   # not appended twice

def test_parallel_equals_serial(tmp_path):
    src = tmp_path / 'calls'; src.mkdir()
    for n in ('labeled_call.txt', 'bullet_call.txt', 'unlabeled_call.txt', 'inline_call.txt'): (src / n).write_bytes((FIX / n).read_bytes())
    run_corpus(src, tmp_path / 's', workers=1, progress=False); run_corpus(src, tmp_path / 'p', workers=2, progress=False)
    for t in ('turns', 'sentences', 'metrics', 'turn_tone', 'tone_by_call'):
        assert (tmp_path / 's' / f'{t}.csv').read_bytes() == (tmp_path / 'p' / f'{t}.csv').read_bytes(), t

def test_tone_by_call_of_a_corpus_that_failed_entirely(tmp_path):
    src = tmp_path / 'calls'; src.mkdir()
    (src / 'x.txt').write_bytes(b'\x00\x01\x02')
    c = run_corpus(src, tmp_path / 'out', workers=1, progress=False)
    assert c == dict(files=1, failed=1, words=0)
    assert tone_by_call(tmp_path / 'out').empty and (tmp_path / 'out' / 'index.html').exists()

def test_output_does_not_depend_on_batch_size(tmp_path):
    src = tmp_path / 'calls'; src.mkdir()
    for n in ('labeled_call.txt', 'bullet_call.txt', 'unlabeled_call.txt', 'inline_call.txt', 'unlabeled_call_2.txt'):
        (src / n).write_bytes((FIX / n).read_bytes())
    (src / 'zz_bad.txt').write_bytes(b'\x00\x01')
    run_corpus(src, tmp_path / 'a', workers=1, progress=False, batch=1)
    run_corpus(src, tmp_path / 'b', workers=2, progress=False, batch=2)
    for t in ('turns', 'sentences', 'metrics', 'turn_tone', 'tone_by_call', 'errors'):
        assert (tmp_path / 'a' / f'{t}.csv').read_bytes() == (tmp_path / 'b' / f'{t}.csv').read_bytes(), t
    one = analyze_text((FIX / 'bullet_call.txt').read_text(encoding='utf-8'), doc_id='bullet_call')['sentences']
    got = pd.read_csv(tmp_path / 'a' / 'sentences.csv')
    assert (got.doc_id == 'bullet_call').sum() == len(one)          # every sentence of the file, once

def test_same_name_in_two_subfolders_stays_apart(tmp_path):
    src = tmp_path / 'calls'
    for sub, n in (('2023', 'labeled_call.txt'), ('2024', 'bullet_call.txt')):
        (src / sub).mkdir(parents=True); (src / sub / 'acme.txt').write_bytes((FIX / n).read_bytes())
    c = run_corpus(src, tmp_path / 'out', workers=1, progress=False, batch=2)
    t = pd.read_csv(tmp_path / 'out' / 'turns.csv')
    assert c['failed'] == 0 and sorted(t.doc_id.unique()) == ['2023/acme', '2024/acme']
    one = analyze_text((FIX / 'bullet_call.txt').read_text(encoding='utf-8'), doc_id='2024/acme')['turns']
    assert (t.doc_id == '2024/acme').sum() == len(one)

def test_a_file_failing_inside_a_batch_is_isolated(tmp_path, monkeypatch):
    import teum_cxdo.pipeline as R
    real = R.analyze_calls
    def picky(calls):   # the batch step fails whenever the call 'b' is in it
        if any(c['doc_id'][:1] == ['b'] for c, _ in calls): raise InputError('b is bad')
        return real(calls)
    monkeypatch.setattr(R, 'analyze_calls', picky)
    src = tmp_path / 'calls'; src.mkdir()
    for n, f in (('a', 'labeled_call.txt'), ('b', 'bullet_call.txt'), ('c', 'unlabeled_call.txt')):
        (src / f'{n}.txt').write_bytes((FIX / f).read_bytes())
    c = run_corpus(src, tmp_path / 'out', workers=1, progress=False, batch=3)
    errs = pd.read_csv(tmp_path / 'out' / 'errors.csv')
    assert c['failed'] == 1 and errs.file.str.endswith('b.txt').all() and 'b is bad' in errs.error[0]
    assert sorted(pd.read_csv(tmp_path / 'out' / 'turns.csv').doc_id.unique()) == ['a', 'c']
