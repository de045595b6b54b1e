"""Throughput of `teum_cxdo.transcripts.parse_transcript` on large synthetic inputs, one core, and whether it is linear.

Builds transcripts of >= 50 MB in each layout from real call text:
- `bullet`: the CXDO call body (doubled speaker lines, Chinese translations) repeated under its page header;
- `participants-unlabeled`: the TEUM roster and headings, then the TEUM call body (no speaker names) repeated;
- `labeled`: the CXDO call's English turns rendered as `Name -- Title` lines with blank-line paragraphs, repeated.
Each is parsed at a quarter, half and all of the size: constant MB/s across sizes means linear time. The baseline is a
plain regex tokenisation of the same text (`len(WORD_RE.findall(text))`, the package's word pattern); the script
prints MB/s and the ratio parse time / baseline time.

Usage: python benchmarks/bench_transcripts.py [MB]     (default 50)
"""
import os, platform, sys, time
from teum_cxdo.core import WORD_RE
from teum_cxdo.corpus import load_text
from teum_cxdo.transcripts import parse_transcript

def repeat(head:list, body:str, mb:float)->str:
    "The lines `head`, then `body` repeated to at least `mb` megabytes."
    return '\n'.join(head + [body] * (int(mb * 1e6 / len(body.encode('utf-8'))) + 1))

def inputs(mb:float)->dict:
    "A transcript of at least `mb` MB in each layout, built from the bundled calls."
    teum, cxdo = load_text('teum_2017q2_call').split('\n'), load_text('cxdo_2023q2_call').split('\n')
    turns = parse_transcript('\n'.join(cxdo))
    labeled = '\n\n'.join(f"{s}{' -- ' + t if t else ''}\n\n" + tx.replace('\n', '\n\n') for s, t, tx in zip(turns.speaker, turns.title, turns.text))
    return {'bullet': repeat(cxdo[:6], '\n'.join(cxdo[6:]), mb), 'participants-unlabeled': repeat(teum[:12], '\n'.join(teum[12:]), mb),
            'labeled': repeat(['Crexendo Q2 2023 earnings call (rendered as labeled text)', ''], labeled, mb)}

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
    for layout, text in inputs(mb).items():
        for frac in (0.25, 0.5, 1):
            part = text[:text.rfind('\n', 0, int(len(text) * frac))] if frac < 1 else text   # whole lines
            size = len(part.encode('utf-8')) / 1e6
            tp, turns = best(lambda: parse_transcript(part))
            assert turns.attrs['layout'] == layout and len(turns) > 100
            line = f'{layout:24s} {size:6.1f} MB  parse {tp:6.1f} s = {size / tp:5.1f} MB/s'
            if frac == 1:
                tb, _ = best(lambda: len(WORD_RE.findall(part)), 2)
                line += f'   baseline {tb:5.1f} s = {size / tb:5.1f} MB/s   ratio {tp / tb:4.1f}x'
            rows.append((layout, size, tp, size / tp)); print(line + f'   {len(turns):,} turns', flush=True)
    return rows

if __name__ == '__main__': main(float(sys.argv[1]) if len(sys.argv) > 1 else 50)
