"""Sentence splitting of one long line is linear: seconds per MB for single lines of 0.1 to 8 MB (best of 3), against the
earlier abbreviation check that searched back from the start of the line at every boundary (quadratic; run to 0.4 MB).

Usage: python benchmarks/bench_split.py [max_mb]   (default 8)
"""
import re, sys, time
from unittest import mock
import teum_cxdo.text as T

UNIT = ("Revenue was $3.2 million in Q2, up 16% from Q1. Mr. Turner of Acme Corp. said the U.S. business grew... "
        "And e.g. margins held at 58% vs. 55%. ")
_PREV_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)$")

def old_vetoed(text:str, end:int)->bool:
    "The earlier check: a regex search from the start of the line to the period."
    if text[end-1] != '.' or text[end-3:end] == '...': return False
    m = _PREV_WORD.search(text, 0, end-1)
    if not m: return False
    w = m.group(1).lower().rstrip('.')
    return w in T.ABBREVIATIONS or (len(w) == 1 and m.group(1)[0].isupper())

def line(mb:float)->str:
    "One line of about `mb` MB; each copy of the unit is made unique so no cache helps."
    return ''.join(UNIT.replace('Q2', f'Q{i % 4 + 1} {i}') for i in range(int(mb * 1e6 / len(UNIT)) + 1))

def best(f, k=3)->float:
    ts = []
    for _ in range(k): t = time.perf_counter(); f(); ts.append(time.perf_counter() - t)
    return min(ts)

if __name__ == '__main__':
    top = float(sys.argv[1]) if len(sys.argv) > 1 else 8
    split = T._spans.__wrapped__                     # the splitter without its memo
    print(f"{'MB':>6} {'sentences':>10} {'s':>8} {'s/MB':>7} {'old s':>8} {'old s/MB':>9}")
    for mb in [m for m in (0.1, 0.2, 0.4, 1, 2, 4, 8) if m <= top]:
        text = line(mb); size = len(text) / 1e6
        n, s = len(split(text)), best(lambda: split(text))
        old = ''
        if mb <= 0.4:
            new = split(text)
            with mock.patch.object(T, '_vetoed', old_vetoed):
                assert split(text) == new                # the same sentences
                o = best(lambda: split(text), 1); old = f"{o:8.2f} {o / size:9.2f}"
        print(f"{size:6.2f} {n:10,d} {s:8.3f} {s / size:7.3f} {old}")
