"""The column-wise built-in scorers give exactly what the per-text reference gives (issue 16).

References: `TextBlob(t).sentiment` for `polarity`/`subjectivity`, `lm_counts` for the LM columns, `count_words` for
`n_words`, `fin_tone` (via `explain`) for `fin_tone`. Every check is exact equality of floats (no tolerance).
Property tests score whole random batches, so that texts of every kind (plain, negated, rewritten, comparing, with
events or emoticons) meet in one batch. With `TEUM_CXDO_PRE` set to a folder holding a copy of the package from before
the change (`git archive <commit> teum_cxdo | tar -x -C DIR`), the last test also compares every sentence of every
fixture with that copy, in a separate process."""
import json, os, pickle, subprocess, sys
from pathlib import Path
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings, HealthCheck, strategies as st
from textblob import TextBlob
import teum_cxdo.sentiment as S
from teum_cxdo.core import count_words
from teum_cxdo.corpus import DATA, doc_ids, load_text
from teum_cxdo.text import split_sentences

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = dict(deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

def fixture_sentences()->list:
    "Every sentence of the bundled documents and of every text fixture, and every labelled sentence."
    docs = [load_text(d) for d in doc_ids()] + [p.read_text(encoding='utf-8') for p in sorted((ROOT / 'tests' / 'fixtures').glob('*.txt'))]
    labels = [s for f in sorted((DATA / 'labels').glob('*.csv')) for s in pd.read_csv(f).get('sentence', pd.Series(dtype=str)).dropna()]
    return list(dict.fromkeys([s for d in docs for s in split_sentences(d)] + labels))

def same(a, b)->bool:
    "Equal values, and equal signs of zero."
    a, b = np.asarray(a), np.asarray(b)
    return a.shape == b.shape and bool(np.all(a == b)) and (a.dtype.kind != 'f' or bool(np.all(np.signbit(a) == np.signbit(b))))

def check_batch(texts:list):
    "Every built-in column of `score_sentences(texts)` equals its per-text reference."
    df = S.score_sentences(texts)
    assert same(df.n_words, [count_words(t) for t in texts])
    tb = [tuple(TextBlob(t).sentiment) for t in texts]
    assert same(df.polarity, [p for p, _ in tb]) and same(df.subjectivity, [s for _, s in tb])
    assert same(df[[f'lm_{k}' for k in S.LM_CATEGORIES]].to_numpy(), [list(S.lm_counts(t)) for t in texts])
    fin = [S.fin_tone(t) for t in texts]
    assert same(df.fin_tone, fin) and list(df.fin_label) == list(S.label_tone(fin))

# --- random texts ------------------------------------------------------------------------------------------------------
TB_WORDS = ("good bad great poor terrible nice happy sad best worst strong weak amazing awful fine well better worse "
            "excellent disappointing very really extremely quite so too much more most highly significantly slightly "
            "terribly absolutely not no never n't don't isn't can't hardly barely without").split()
MARKS = ". , ! ? ; : ( ) ' \" “ ” ‘ ’ - ... (!) ( ! ) :) :( :-) :D ;) :'( <3 ♥ xD x D o.O :s :/ 8) =) END-OF-SENTENCE Mr. U.S. e.g.".split(' ')
ODD = ['İstanbul', 'Kelvin', 'ΣΑΣ', 'naïve', 'café', '\u00a0', '\t', '\n\n', '\r\n', '٣', '_', '²', 'x_y', '\x00', '\x01']
FIN_WORDS = sorted(S.UP)[:40] + sorted(S.DOWN)[:40] + sorted(S.BETTER) + sorted(S.WORSE) + sorted(S.GOOD)[:50] + sorted(S.BAD)[:30] \
    + sorted(S.NEGATORS) + sorted(S.GROWTH_WORDS) + sorted(S.ADJECTIVES) + sorted(S.CONNECT) + sorted(S.CLAUSE_WORDS) + sorted(S.LM_SKIP)[:8] \
    + sorted(S.DESCRIPTIVE)[:8] + ['below', 'above', 'to', 'the', 'a', 'of', 'by', 'in', 'may', 'could', 'approximately', 'lawsuit', 'loss',
       'losses', 'gains', 'impairment', 'Revenue', 'COSTS', 'Growth']
AMOUNTS = ['$3.2', '12%', '5 million', '4.0', 'EUR', 'eur', 'mn', 'mln', '$ 109', '2007', '(2007:', '0 .50', 'EUR0', '1,250', '8.8',
           'per cent', 'pct', '%', 'million', '€12', '£3', 'bn', '43', '20']
PHRASE_BITS = ['thank you', 'good morning', 'year-over-year', 'year on year', 'per share', 'market share', 'up to', 'picked up',
               'hit by', 'set up', 'the company added', 'cash used in operating activities', 'sales cycle', 'write-downs',
               'raw material prices', 'energy costs', 'strong dollar', 'order book', 'share capital', 'charge-offs',
               'non-performing loans', 'oil reserves', 'reserve release', 'built reserves', 'preserve liquidity',
               'growing uncertainty', 'rising risks', 'heightened volatility', 'cannot', 'won’t']
EVENTS = ['signed a contract', 'won the order', 'new customers', 'launched', 'opened', 'break-even', 'record high', 'upgraded',
          'layoffs', 'laid off', 'closed the plant', 'shut down', 'bankruptcy', 'downgraded', 'postponed', 'lawsuit',
          'swung to a loss', 'missed estimates', 'headwinds', 'price pressure', 'failed to meet', 'no dividend',
          'not pay a dividend', 'lost a customer', 'will supply', 'contract worth', 'returned to profit', 'turned a profit']
SEPARATORS = [' ', ' ', ' ', '', '  ', '\n', ', ']

def texts_of(words):
    "Strategy: lists of texts made of `words` joined by assorted separators."
    text = st.lists(st.tuples(st.sampled_from(words), st.sampled_from(SEPARATORS)), max_size=18).map(lambda ws: ''.join(w + s for w, s in ws))
    return st.lists(text, min_size=1, max_size=40)

@settings(max_examples=500, **SETTINGS)
@given(texts_of(TB_WORDS + MARKS + ODD + ['revenue', 'the', 'a', 'is']))
def test_textblob_words_negations_emoticons(texts): check_batch(texts)

@settings(max_examples=500, **SETTINGS)
@given(texts_of(FIN_WORDS + AMOUNTS + PHRASE_BITS + EVENTS + MARKS[:12]))
def test_fin_rules_words_amounts_phrases_events(texts): check_batch(texts)

@settings(max_examples=200, **SETTINGS)
@given(st.lists(st.text(alphabet=st.characters(codec='utf-8', exclude_categories=['Cs']), max_size=60), min_size=1, max_size=20))
def test_any_unicode(texts): check_batch(texts)

def test_every_fixture_sentence():
    "Every sentence of every fixture and bundled document, scored as one batch and in small batches."
    texts = fixture_sentences()
    assert len(texts) > 5000
    check_batch(texts)
    for i in range(0, 400, 40): check_batch(texts[i:i + 40])

def test_direct_scorer_calls_and_empty():
    "A built-in scorer called on its own (no shared batch), on an empty list, on texts holding every separator."
    texts = ["Revenue rose 16% to $3.2 million.", "Thank you.", "", "We don't expect growth; costs rose."]
    got = S.SCORERS['fin_tone'].score(texts)
    assert same(got['fin_tone'], [S.fin_tone(t) for t in texts])
    assert all(len(v) == 0 for v in S.SCORERS['polarity'].score([]).values())
    nasty = [''.join(S._SEPS) + ' good', 'bad \x00', 'fine']   # no free separator: scored text by text
    assert S._Batch(nasty).sep is None
    check_batch(nasty)

def test_texts_that_come_back():
    "Texts met again in later calls are remembered, and give the same rows as when scored afresh (`add_scores` too)."
    rng = np.random.default_rng(3)
    pool = fixture_sentences()[:300] + ['Thank you.', 'Good morning.', '']
    calls = [[pool[i] for i in rng.integers(len(pool), size=80)] for _ in range(12)]
    for c in calls: check_batch(c)
    remembered = S._memo().rows.get(tuple(S._BUILTIN), {})
    assert any(t in remembered for c in calls for t in c)
    for c in calls[-3:]:
        df = S.score_sentences(c)
        sents = pd.DataFrame({'text': c, 'n_words': df.n_words})
        assert S.add_scores(sents).drop(columns='text').equals(df)

def test_replaced_rules_empty_the_memo(monkeypatch):
    "Replacing a rule set (as a user may) gives the per-text results, not ones remembered from the old rules."
    t = ["Widgets rose sharply.", "Widgets fell."]
    check_batch(t)
    monkeypatch.setattr(S, 'GOOD', S.GOOD | {'widgets'})
    check_batch(t)
    assert S.score_sentences(t).fin_tone.tolist()[0] > 0

def test_weights_that_are_not_exact_sums(monkeypatch):
    "With weights whose sums depend on the order, `fin_tone` is computed text by text."
    monkeypatch.setattr(S, 'W_EVENT', 1.3)
    assert not S._exact_sums()
    check_batch(["The company signed a new contract and grew.", "Growth."])

def test_rewrites_equal_rewrite():
    "The texts `_fin_rewrites` tries (trigger and pattern start shown in their chunks), with only those phrases, come out as `_rewrite` makes them; the others are unchanged by it."
    rng = np.random.default_rng(0)
    bits = [w for w in PHRASE_BITS + FIN_WORDS[:60] + AMOUNTS] + ["n't", '(', '$', '-', 'Thank', 'YEAR-over-Year', 'Per  Share']
    texts = [' '.join(rng.choice(bits, rng.integers(1, 10))) for _ in range(6000)]
    got = S._fin_rewrites(S._Batch(texts))
    want = {i: S._rewrite(t.lower()) for i, t in enumerate(texts) if S._rewrite(t.lower()) != t.lower()}
    assert got == want

def test_pre_change_package(tmp_path):
    "Every fixture sentence scores the same as with the package before issue 16 (`TEUM_CXDO_PRE`), in another process."
    pre = os.environ.get('TEUM_CXDO_PRE')
    if not pre: pytest.skip('set TEUM_CXDO_PRE to a copy of the package from before the change')
    texts = fixture_sentences()
    (tmp_path / 'texts.pkl').write_bytes(pickle.dumps(texts))
    code = ("import pickle, sys; from teum_cxdo.sentiment import score_sentences; "
            "score_sentences(pickle.load(open(sys.argv[1], 'rb'))).to_pickle(sys.argv[2])")
    subprocess.run([sys.executable, '-c', code, str(tmp_path / 'texts.pkl'), str(tmp_path / 'old.pkl')], check=True,
                   env={**os.environ, 'PYTHONPATH': pre}, cwd=tmp_path)   # not the repository: `-c` puts the working folder first
    check = subprocess.run([sys.executable, '-c', 'import teum_cxdo.sentiment as s; print(s.__file__)'], capture_output=True, text=True,
                           env={**os.environ, 'PYTHONPATH': pre}, cwd=tmp_path, check=True).stdout
    assert Path(check.strip()).resolve().is_relative_to(Path(pre).resolve()), check
    old, new = pd.read_pickle(tmp_path / 'old.pkl'), S.score_sentences(texts)
    assert list(old.columns) == list(new.columns)
    for c in new.columns: assert same(new[c].to_numpy(), old[c].to_numpy()), c
