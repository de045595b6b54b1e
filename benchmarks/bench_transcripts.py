"""Throughput of `teum_cxdo.transcripts.parse_transcript` on large synthetic inputs, one core.

Builds >= 50 MB transcripts in the `bullet` layout (the CXDO call body repeated under its page header) and in the
`participants-unlabeled` layout (the TEUM roster and headings, then the TEUM call body repeated), parses each, and
compares with a plain regex tokenisation of the same text (`len(WORD_RE.findall(text))`, the package's word pattern)
as baseline. Prints MB/s and the ratio parse time / baseline time.

Usage: python benchmarks/bench_transcripts.py [MB]     (default 50)
"""
import os, platform, sys, time
from teum_cxdo.core import WORD_RE
from teum_cxdo.corpus import load_text
from teum_cxdo.transcripts import parse_transcript

def build(doc_id:str, head_lines:int, mb:float)->str:
    "The first `head_lines` lines of `doc_id`, then its remaining lines repeated to at least `mb` megabytes."
    lines = load_text(doc_id).split('\n')
    body = '\n'.join(lines[head_lines:])
    return '\n'.join(lines[:head_lines] + [body] * (int(mb * 1e6 / len(body.encode('utf-8'))) + 1))

def best(f, n=1):
    "Best wall time of `n` runs of `f`, and its last result."
    ts = []
    for _ in range(n):
        t0 = time.perf_counter(); r = f(); ts.append(time.perf_counter() - t0)
    return min(ts), r

def main(mb:float=50):
    if hasattr(os, 'sched_setaffinity'): os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})   # one core
    print(f'python {platform.python_version()} on {platform.processor() or platform.machine()}, {os.cpu_count()} cpus visible, pinned to 1')
    rows = []
    for layout, doc_id, head in [('bullet', 'cxdo_2023q2_call', 6), ('participants-unlabeled', 'teum_2017q2_call', 12)]:
        text = build(doc_id, head, mb)
        size = len(text.encode('utf-8')) / 1e6
        tb, nwords = best(lambda: len(WORD_RE.findall(text)), 2)
        tp, turns = best(lambda: parse_transcript(text))
        assert turns.attrs['layout'] == layout and len(turns) > 1000
        rows.append((layout, size, tp, size / tp, tb, size / tb, tp / tb, len(turns)))
        print(f'{layout:24s} {size:6.1f} MB  parse {tp:6.1f} s = {size / tp:5.1f} MB/s   baseline {tb:5.1f} s = {size / tb:5.1f} MB/s'
              f'   ratio {tp / tb:4.1f}x   {len(turns):,} turns')
    return rows

if __name__ == '__main__': main(float(sys.argv[1]) if len(sys.argv) > 1 else 50)
