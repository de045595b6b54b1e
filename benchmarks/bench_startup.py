"""Start-up time of the command line and of importing each module, best of 5 (run outside the repository, so that
`PYTHONPATH` decides which copy of the package is imported).

Times `teum-cxdo --help`, the rejection of an empty file (`teum-cxdo turns empty.txt`, exit 2) and of a binary file,
and `import teum_cxdo.<module>` for the heavy modules, each in a fresh interpreter. With `--compare DIR`, runs the same
commands with another copy of the package first on `PYTHONPATH` (e.g. an older version unpacked with `git archive`)
so both are measured in the same run.

Usage: python benchmarks/bench_startup.py [--compare DIR]
"""
import os, subprocess, sys, tempfile, time
from pathlib import Path

CLI = 'import sys; from teum_cxdo.cli import main; sys.exit(main(sys.argv[1:]))'
MODULES = ['cli', 'core', 'transcripts', 'sentiment', 'topics', 'pipeline', 'runs', 'study']

def best(cmd, env, k=5)->float:
    "Fastest wall time of `k` runs of `cmd`."
    ts = []
    for _ in range(k):
        t = time.perf_counter(); subprocess.run(cmd, env=env, capture_output=True, cwd=tempfile.gettempdir()); ts.append(time.perf_counter() - t)
    return min(ts)

def measure(env)->dict:
    with tempfile.TemporaryDirectory() as d:
        empty, binary = Path(d, 'empty.txt'), Path(d, 'bin.txt')
        empty.write_text(''); binary.write_bytes(b'\x89PNG\r\n\x1a\n\x00\x00')
        out = {'teum-cxdo --help': best([sys.executable, '-c', CLI, '--help'], env),
               'reject an empty file': best([sys.executable, '-c', CLI, 'turns', str(empty)], env),
               'reject a binary file': best([sys.executable, '-c', CLI, 'turns', str(binary)], env)}
    for m in MODULES: out[f'import teum_cxdo.{m}'] = best([sys.executable, '-c', f'import teum_cxdo.{m}'], env)
    return out

if __name__ == '__main__':
    base = dict(os.environ)
    rows = {'this version': measure(base)}
    if '--compare' in sys.argv:
        other = sys.argv[sys.argv.index('--compare') + 1]
        rows = {'compared version': measure({**base, 'PYTHONPATH': other}), **rows}
    names = list(rows)
    print(f"{'seconds (best of 5)':32s}" + ''.join(f'{n:>18s}' for n in names))
    for k in rows[names[-1]]:
        print(f'{k:32s}' + ''.join(f"{rows[n].get(k, float('nan')):18.3f}" for n in names))
