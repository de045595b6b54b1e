"""Corpus runs as a user and an operator meet them: reruns, batch sizes, isolation of bad files, interruption by SIGINT and
SIGKILL followed by a rerun, two runs into one folder, and the same tables on a real Dask cluster."""
import json, os, signal, subprocess, sys, time
from pathlib import Path
import pandas as pd
import pytest
from teum_cxdo.runs import run_corpus, tone_by_call, pool_map, STAGING, LOCK, MANIFEST
from teum_cxdo.pipeline import analyze_text, CALL_TABLES
from teum_cxdo.core import InputError

FIX = Path(__file__).parent / 'fixtures'
CALLS = ('labeled_call.txt', 'bullet_call.txt', 'unlabeled_call.txt', 'inline_call.txt', 'unlabeled_call_2.txt')

def corpus(tmp_path, names=CALLS, copies=1, repeat=1)->Path:
    "A folder of fixture calls (`copies` of each, with unique names; each file the call `repeat` times over, for longer tasks)."
    src = tmp_path / 'calls'; src.mkdir(exist_ok=True)
    for k in range(copies):
        for n in names: (src / f'{k:03d}_{n}').write_bytes(b'\n\n'.join([(FIX / n).read_bytes()] * repeat))
    return src

def tables(out:Path)->dict: return {t: (out / f'{t}.csv').read_bytes() for t in CALL_TABLES + ('tone_by_call',)}

def _slow_square(x):
    time.sleep(0.01 * (x % 3)); return x * x

def test_pool_map_bounded_window_and_every_item():
    got = sorted(pool_map(_slow_square, list(range(40)), workers=2, window=4))
    assert got == [(i, i * i, None) for i in range(40)]

def test_rerun_replaces_tables_and_is_up_to_date(tmp_path):
    src = corpus(tmp_path, CALLS[:1])
    run_corpus(src, tmp_path / 'out', workers=1, progress=False)
    first = tables(tmp_path / 'out')
    said = []
    run_corpus(src, tmp_path / 'out', workers=1, progress=False, say=said.append)
    assert tables(tmp_path / 'out') == first and 'up to date' in said[0]        # not appended twice, not redone

def test_output_does_not_depend_on_workers_or_batch_size(tmp_path):
    src = corpus(tmp_path); (src / 'zz_bad.txt').write_bytes(b'\x00\x01')
    run_corpus(src, tmp_path / 'a', workers=1, progress=False, batch=1)
    run_corpus(src, tmp_path / 'b', workers=2, progress=False, batch=2)
    c = run_corpus(src, tmp_path / 'c', workers=2, progress=False)              # the default: batches by size
    assert tables(tmp_path / 'a') == tables(tmp_path / 'b') == tables(tmp_path / 'c')
    assert (tmp_path / 'a' / 'errors.csv').read_bytes() == (tmp_path / 'b' / 'errors.csv').read_bytes() == (tmp_path / 'c' / 'errors.csv').read_bytes()
    assert c['batches'] == c['files'] == 6   # fewer files than four batches per worker: each file is a batch
    one = analyze_text((FIX / 'bullet_call.txt').read_text(encoding='utf-8'), doc_id='000_bullet_call')['sentences']
    assert (pd.read_csv(tmp_path / 'a' / 'sentences.csv').doc_id == '000_bullet_call').sum() == len(one)   # every sentence, once

def test_a_corpus_that_failed_entirely(tmp_path):
    src = tmp_path / 'calls'; src.mkdir(); (src / 'x.txt').write_bytes(b'\x00\x01\x02')
    c = run_corpus(src, tmp_path / 'out', workers=1, progress=False)
    assert (c['files'], c['failed'], c['words']) == (1, 1, 0)
    assert tone_by_call(tmp_path / 'out').empty and (tmp_path / 'out' / 'index.html').exists()
    assert pd.read_csv(tmp_path / 'out' / 'turns.csv').empty and 'courtesy' in pd.read_csv(tmp_path / 'out' / 'turns.csv').columns

def test_a_file_failing_inside_a_batch_is_isolated(tmp_path, monkeypatch):
    import teum_cxdo.pipeline as P
    real = P.analyze_calls
    def picky(calls, scorers=None):   # the joint step fails whenever the call 'b' is in it (any exception, not only ours)
        if any(c['doc_id'][:1] == ['b'] for c, _ in calls): raise ZeroDivisionError('b is bad')
        return real(calls, scorers)
    monkeypatch.setattr(P, 'analyze_calls', picky)
    src = tmp_path / 'calls'; src.mkdir()
    for n, f in (('a', 'labeled_call.txt'), ('b', 'bullet_call.txt'), ('c', 'unlabeled_call.txt')): (src / f'{n}.txt').write_bytes((FIX / f).read_bytes())
    c = run_corpus(src, tmp_path / 'out', workers=1, progress=False, batch=3)
    errs = pd.read_csv(tmp_path / 'out' / 'errors.csv')
    assert c['failed'] == 1 and errs.file.str.endswith('b.txt').all() and errs.error[0] == 'ZeroDivisionError: b is bad'
    assert sorted(pd.read_csv(tmp_path / 'out' / 'turns.csv').doc_id.unique()) == ['a', 'c']

def test_symlinks_in_out_are_replaced_not_followed(tmp_path):
    src, out = corpus(tmp_path, CALLS[:1]), tmp_path / 'out'; out.mkdir()
    victim = tmp_path / 'victim.csv'; victim.write_text('keep me')
    (out / 'turns.csv').symlink_to(victim); (out / STAGING).symlink_to(tmp_path)
    run_corpus(src, out, workers=1, progress=False)
    assert victim.read_text() == 'keep me' and not (out / 'turns.csv').is_symlink() and (tmp_path / 'calls').exists()

# --- the command line, interrupted -------------------------------------------------------------------------------

def cli(*args, **kw):
    "The command line in a new process, with Ctrl-C's default even if this process ignores it (as a background job does: Python then keeps ignoring it)."
    return subprocess.Popen([sys.executable, '-c', 'import sys; from teum_cxdo.cli import main; sys.exit(main())', *map(str, args)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL), **kw)

def wait_for_parts(out:Path, n:int, timeout=120):
    "Wait until the run into `out` has saved `n` batches."
    t = time.time()
    while len(list((out / STAGING / 'parts').glob('*.json'))) < n if (out / STAGING / 'parts').exists() else True:
        if time.time() - t > timeout: raise TimeoutError('the run saved no batches')
        time.sleep(0.05)

def children(pid:int)->list:
    return [int(p) for p in subprocess.run(['pgrep', '-P', str(pid)], capture_output=True, text=True).stdout.split()]

@pytest.mark.parametrize('sig', [signal.SIGINT, signal.SIGKILL])
def test_interrupted_run_keeps_the_old_output_and_resumes(tmp_path, sig):
    src, out = corpus(tmp_path, CALLS, copies=6, repeat=3), tmp_path / 'out'   # tasks long enough that the signal comes mid-run
    assert cli('report', '--input', src, '--out', out, '-q', '--workers', 2, '--batch', 1).wait(300) == 0
    complete = tables(out)
    (src / 'new_call.txt').write_bytes((FIX / 'labeled_call.txt').read_bytes().replace(b'Acme', b'Zenith'))
    p = cli('report', '--input', src, '--out', out, '-q', '--workers', 2, '--batch', 1)
    wait_for_parts(out, 3)
    workers = children(p.pid)
    os.kill(p.pid, sig)
    rc, (_, err) = p.wait(60), p.communicate()
    if sig == signal.SIGINT:
        assert rc == 130 and err.strip().endswith('interrupted (rerun the same command to resume)') and 'Traceback' not in err
    time.sleep(1.0)
    assert not [w for w in workers if os.path.exists(f'/proc/{w}') and 'zombie' not in open(f'/proc/{w}/status').read().lower()], 'workers outlived their parent'
    assert tables(out) == complete                                       # the previous complete output is untouched
    r = cli('report', '--input', src, '--out', out, '-q', '--workers', 2, '--batch', 1)
    assert r.wait(300) == 0, r.stderr.read()
    assert 'resuming an interrupted run' in r.communicate()[1]
    fresh = tmp_path / 'fresh'
    assert cli('report', '--input', src, '--out', fresh, '-q', '--workers', 1, '--batch', 1).wait(300) == 0
    assert tables(out) == tables(fresh) and not (out / STAGING).exists() and not (out / LOCK).exists()

def test_two_runs_into_one_folder(tmp_path):
    src, out = corpus(tmp_path, CALLS, copies=40), tmp_path / 'out'
    a = cli('report', '--input', src, '--out', out, '-q', '--workers', 1, '--batch', 1)
    wait_for_parts(out, 1)
    b = cli('report', '--input', src, '--out', out, '-q')
    rc_b, (_, err_b) = b.wait(60), b.communicate()
    assert a.poll() is None, 'the first run ended before the second one started: make the corpus larger'
    assert a.wait(300) == 0
    assert rc_b == 2 and 'another run (pid' in err_b and err_b.count('\n') == 1

# --- Dask --------------------------------------------------------------------------------------------------------

distributed = pytest.importorskip('distributed')

def test_dask_local_cluster_gives_the_process_pool_tables(tmp_path):
    src = corpus(tmp_path, CALLS, copies=2); (src / 'bad.txt').write_bytes(b'\x00 no')
    run_corpus(src, tmp_path / 'pool', workers=2, progress=False, batch=2)
    said = []
    run_corpus(src, tmp_path / 'dask', workers=2, progress=False, batch=2, scheduler='dask', say=said.append)
    assert tables(tmp_path / 'dask') == tables(tmp_path / 'pool') and any('dashboard' in m for m in said)
    assert (tmp_path / 'dask' / 'errors.csv').read_bytes() == (tmp_path / 'pool' / 'errors.csv').read_bytes()

def test_dask_worker_killed_mid_run_output_still_complete(tmp_path):
    from distributed import Client, LocalCluster
    src = corpus(tmp_path, CALLS, copies=8, repeat=3)   # tasks long enough that the kill comes mid-run
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=':0') as cluster, Client(cluster) as client:
        import threading
        pids, killed = client.run(os.getpid), []
        def kill_one():   # SIGKILL one worker process once the run is under way; the nanny restarts it, the scheduler reruns its task
            wait_for_parts(tmp_path / 'out', 2)
            pid = sorted(pids.values())[0]; os.kill(pid, signal.SIGKILL); killed.append((tmp_path / 'out' / MANIFEST).exists())
        th = threading.Thread(target=kill_one); th.start()
        c = run_corpus(src, tmp_path / 'out', progress=False, batch=1, scheduler=cluster.scheduler_address)
        th.join()
    run_corpus(src, tmp_path / 'pool', workers=2, progress=False, batch=1)
    assert killed == [False] and c['failed'] == 0, (killed, (tmp_path / 'out' / 'errors.csv').read_text())   # killed before the run had finished and tables(tmp_path / 'out') == tables(tmp_path / 'pool')

def test_a_corpus_run_never_imports_matplotlib(tmp_path):
    "The summary page draws its histogram as SVG: a run does not pay for importing matplotlib (0.3 s)."
    src = corpus(tmp_path, CALLS[:2])
    code = ('import sys; from teum_cxdo.runs import run_corpus; '
            "run_corpus(sys.argv[1], sys.argv[2], workers=1, progress=False); print('matplotlib' in sys.modules, file=sys.stderr)")
    r = subprocess.run([sys.executable, '-c', code, str(src), str(tmp_path / 'out')], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0 and r.stderr.split()[-1] == 'False', r.stderr
    page = (tmp_path / 'out' / 'index.html').read_text(encoding='utf-8')
    assert '<svg role="img" aria-label="Histogram of the per-call management' in page and '<img' not in page
