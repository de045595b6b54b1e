"""Corpus runs on a process pool vs a local Dask cluster: throughput, scheduler overhead per task, peak memory, and an
extrapolation (labelled as such) to a 400,000-call universe.

The corpus is the *cold* synthetic corpus of `bench_pipeline.py` (`build_cold`: varied calls in which no sentence repeats,
so no cache helps), `N` calls (default 2,000). Both executors run the same
`run_corpus` with 2 workers and the default batches; every time is the best of 3 (each run writes a fresh output and
starts fresh workers). Scheduler overhead per task is measured with no-op tasks (1,000 of them) through each executor.
Peak memory: the client's own maximum RSS, and the largest worker's (process-pool children via `getrusage`, Dask
workers via `client.run`).

Usage: python benchmarks/bench_scale.py [N]
"""
import os, platform, resource, shutil, sys, tempfile, time
from pathlib import Path
sys.path.insert(0, str(Path(__file__).parent))
from bench_pipeline import build_cold
from teum_cxdo.runs import run_corpus, pool_map, dask_map

REAL_CALL_WORDS = 7_800   # words per real call: 10.7 M words in the 1,378 real calls of issue 16

def best(f, k=3):
    "`(seconds, result)` of the fastest of `k` calls of `f`."
    runs = []
    for _ in range(k):
        t0 = time.perf_counter(); r = f(); runs.append((time.perf_counter() - t0, r))
    return min(runs, key=lambda x: x[0])

def fresh(path:Path)->Path:
    "`path`, emptied: every timed run writes a new output (a rerun into a complete output would do nothing)."
    shutil.rmtree(path, ignore_errors=True)
    return path

def _noop(x): return x

def overhead(n=1000)->dict:
    "Seconds per task of `n` no-op tasks: process pool vs local Dask cluster (2 workers each)."
    from distributed import Client, LocalCluster
    t0 = time.perf_counter(); list(pool_map(_noop, list(range(n)), workers=2)); pool = (time.perf_counter() - t0) / n
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=':0') as c, Client(c) as client:
        list(dask_map(_noop, list(range(20)), client))      # warm up
        t0 = time.perf_counter(); list(dask_map(_noop, list(range(n)), client)); dask = (time.perf_counter() - t0) / n
    return dict(pool=pool, dask=dask)

def dask_run(src:Path, out:Path)->tuple:
    "`run_corpus` on a fresh local Dask cluster; `(counts, largest worker peak RSS in MB)`."
    from distributed import Client, LocalCluster
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=':0') as c, Client(c) as client:
        counts = run_corpus(src, fresh(out), progress=False, scheduler=c.scheduler_address, say=lambda m: None)
        rss = max(client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss).values()) / 1024
    return counts, rss

def main(n=2000):
    print(f'python {platform.python_version()}, {os.cpu_count()} cpus, {n} cold calls')
    with tempfile.TemporaryDirectory() as d:
        d = Path(d); build_cold(d / 'calls', n)
        tp, rp = best(lambda: run_corpus(d / 'calls', fresh(d / 'pool'), workers=2, progress=False))
        pool_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        td, (rd, dask_rss) = best(lambda: dask_run(d / 'calls', d / 'dask'))
        for t in ('turns', 'sentences', 'metrics', 'turn_tone'):
            assert (d / 'pool' / f'{t}.csv').read_bytes() == (d / 'dask' / f'{t}.csv').read_bytes(), t
        w = rp['words']
        print(f'process pool : {tp:7.1f} s  {w / tp:10,.0f} words/s  {n / tp:7.1f} calls/s  largest worker peak RSS {pool_rss:6.0f} MB')
        print(f'Dask cluster : {td:7.1f} s  {w / td:10,.0f} words/s  {n / td:7.1f} calls/s  largest worker peak RSS {dask_rss:6.0f} MB '
              f'(cluster start-up included)')
        print(f'ratio Dask / pool throughput: {tp / td:.2f}   tables identical: True')
        print(f'client peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB')
        o = overhead()
        print(f"scheduler overhead per task (no-op): pool {o['pool'] * 1e3:.2f} ms, Dask {o['dask'] * 1e3:.2f} ms; "
              f"tasks here are batches of {rp['files'] // rp['batches']} calls taking ~{tp / rp['batches'] * 2 * 1e3:.0f} ms each")
        per_worker = w / tp / 2   # words/s per worker; the synthetic calls are short, real ones are not
        hours = lambda k: 400_000 * REAL_CALL_WORDS / (per_worker * k) / 3600
        say = lambda h: f'{h:.1f} h' if h >= 1 else f'{h * 60:.0f} min' if h * 60 >= 1 else f'{h * 3600:.0f} s'
        print(f'EXTRAPOLATION (not measured): at {per_worker:,.0f} words/s per worker and {REAL_CALL_WORDS:,} words per real call '
              f'(these synthetic calls: {w / n:,.0f}), 400,000 calls take ' + ', '.join(say(hours(k)) for k in (2, 16, 64, 256))
              + ' on 2, 16, 64, 256 workers (scheduler overhead per task and output writing in one process not included)')

if __name__ == '__main__': main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
