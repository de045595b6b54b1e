"""The speed-ups of issue 16 change no result: every `text.PrefixScan` (a big regex tried only where one of its literal
prefixes occurs) gives exactly the matches of the regex's own scan, so does every `text.LiteralGate` (a regex not
run on a text whose `fold` holds none of the strings every match holds; `fold` is `str.lower` where that is the same),
and the shortcut rules (courtesy, restarts, segment mentions, word counts per chunk, the value scan's
dropped re-check, a turn's tail read only for what the document keeps) equal the rules they replace; `csv_text`
writes `to_csv`'s bytes. Checked on random text, on Unicode characters that `re.I` matches to ASCII letters (`ſ` → s,
the Kelvin sign `K` → k, `ı`/`İ` → i) or that `\\d` matches (`٣`), and exhaustively on every sentence (and every line) of
every fixture and bundled document. Speed itself is measured in `benchmarks/bench_pipeline.py`, never here."""
import re
from pathlib import Path
import pytest
from hypothesis import given, settings, HealthCheck, strategies as st
import teum_cxdo.metrics   # noqa: F401  (builds the metric-keyword scan)
import teum_cxdo.numbers   # noqa: F401  (builds the value and period scans)
from teum_cxdo.text import PREFIX_SCANS, PrefixScan, fold, literal_prefixes, is_courtesy, split_sentences, COURTESY_WORDS
from teum_cxdo.metrics import METRICS
from teum_cxdo.text import GATES

ROOT = Path(__file__).parent.parent
DOCS = sorted((ROOT / 'tests' / 'fixtures').glob('*.txt')) + sorted((ROOT / 'teum_cxdo' / 'data').glob('*.txt'))
TRAPS = {'s': 'ſ', 'k': 'K', 'i': 'ıİ', 'K': 'K', 'S': 'ſ', 'I': 'İı', '1': '١۱１', '2': '٢２', '0': '٠０', '9': '٩'}


def matches(it):
    "What a scan yields, comparable: span, matched text, last group and all groups of each match."
    return [(m.span(), m.group(), m.lastgroup, m.groups()) for m in it]


def assert_same(text):
    for sc in PREFIX_SCANS:
        assert matches(sc.finditer(text)) == matches(sc.rx.finditer(text)), (sc, text)
        a, b = sc.search(text), sc.rx.search(text)
        assert (a and a.span()) == (b and b.span()), (sc, text)
    n = len(text)
    for g in GATES:   # a `LiteralGate` skips a text only where its regex finds nothing, also on a part of it (`pos`, `endpos`)
        for pos, end in ((0, n), (n // 3, n), (0, 2 * n // 3), (n // 4, 3 * n // 4)):
            assert matches(g.finditer(text, pos, end)) == matches(g.rx.finditer(text, pos, end)), (g, text, pos, end)
            a, b = g.search(text, pos, end), g.rx.search(text, pos, end)
            assert (a and a.span()) == (b and b.span()), (g, text, pos, end)
        assert matches(g.finditer(text)) == matches(g.rx.finditer(text)), (g, text)
    assert matches(teum_cxdo.numbers._value_matches(text)) == matches(teum_cxdo.numbers._VALUE_MENTION.finditer(text)), text   # not tried inside a digit run
    if teum_cxdo.numbers._VALUE_MENTION.search(text): assert teum_cxdo.numbers._MAY_HOLD_VALUE.search(text), text   # so `find_values` need not ask
    kw = lambda it: [(m.span(), m.group(), m.lastgroup) for m in it]   # only the alternatives that can start at a place are tried there
    assert kw(teum_cxdo.metrics._KEYWORD_ALTS.finditer(text)) == kw(teum_cxdo.metrics._METRIC_KEYWORD.finditer(text)), text


def test_the_scans_exist():
    assert len(PREFIX_SCANS) >= 4 and all(sc.prefixes and '' not in sc.prefixes for sc in PREFIX_SCANS)
    assert len(GATES) >= 10 and all(g.needs and '' not in g.needs for g in GATES)


# ---- the fold is the regex engine's own case-insensitive matching
def test_fold_matches_the_regex_engine():
    every = ''.join(map(chr, range(0x110000)))
    folded = fold(every)
    assert len(folded) == len(every)
    changed = {c: f for c, f in zip(every, folded) if c != f}
    for a in 'abcdefghijklmnopqrstuvwxyz':
        engine = set(re.findall(a, every, re.I))          # every character `re.I` lets match the letter
        assert engine == {a} | {c for c, f in changed.items() if f == a}, a
    digits = set(re.findall(r'\d', every))
    assert {c for c, f in changed.items() if f == '\0'} == digits - set('0123456789')
    assert set(changed.values()) <= set('abcdefghijklmnopqrstuvwxyz\0')


def test_fold_traps():
    assert fold('ſafe Harbor, KPI, İncome, ınterest, ٣') == 'safe harbor, kpi, income, interest, \0'


def test_prefixes_of_simple_patterns():
    assert literal_prefixes(re.compile(r'\bnet (?:income|loss)', re.I)) == ['net in', 'net lo']
    assert literal_prefixes(re.compile(r'Q[1-4]|(?-i:May)\b', re.I)) == ['q1', 'q2', 'q3', 'q4', 'may']
    assert literal_prefixes(re.compile(r'\d+%'), 1) == sorted(set('0123456789\0'))
    assert len(literal_prefixes(re.compile(r'\d+%'), 2)) == 11 * 11 + 11   # `\d\d` and `\d%`
    with pytest.raises(ValueError): PrefixScan(re.compile(r'(?:x)?\w'))


# ---- property test: random text, real-looking fragments, Unicode traps
def _fragments():
    "Words the scans start at (their prefixes and the METRICS keywords' words), numbers, periods and filler."
    words = {p.replace('\0', '٣') for sc in PREFIX_SCANS for p in sc.prefixes} | {w for g in GATES for w in g.needs}
    words |= {w for _, p in METRICS for w in re.findall(r'[a-z][a-z&-]+', p)}
    words |= set('$3.2 million 43% 1,250 €12 US$ (0.05) 2023 1999 Q2 FY24 mid-teens high-60s three-fold doubled 150 basis points '
                 'first quarter second half same period prior year a year ago December 31, 2023 March of 2021 since year-to-date '
                 'versus compared to from over the this that and of in our we revenue EBITDA margin -- . , ; ? ! " ( ) [ph]'.split())
    return sorted(words)

FRAGMENTS = _fragments()

def _trap(draw, w):
    "`w` with some characters swapped for ones `re.I` or `\\d` treats as the same, and some case flips."
    out = []
    for c in w:
        r = draw(st.integers(0, 9))
        out.append(draw(st.sampled_from(TRAPS[c])) if r == 0 and c in TRAPS else c.upper() if r == 1 else c)
    return ''.join(out)

@st.composite
def sentences(draw):
    parts = draw(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=18))
    seps = draw(st.lists(st.sampled_from([' ', ' ', ' ', '', '-', ', ', '\n', '  ']), min_size=len(parts), max_size=len(parts)))
    text = ''.join(_trap(draw, p) + s for p, s in zip(parts, seps))
    return draw(st.sampled_from(['', 'The ', 'And ', '$'])) + text

@settings(max_examples=600, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(sentences())
def test_scans_equal_full_scan_on_fragments(text):
    assert_same(text)

@settings(max_examples=400, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec='utf-8', exclude_categories=['Cs']), max_size=80))
def test_scans_equal_full_scan_on_random_text(text):
    assert_same(text)

@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet='aeiklmnopqrstuvQ0123$%-. ſKıİ٣', max_size=60))
def test_scans_equal_full_scan_on_trap_alphabet(text):
    assert_same(text)

@settings(max_examples=400, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(['0', '1', '2', '9', '19', '2020', ',', '.', '%', '$', 'x', ' ', '-fold', ' bps', ' percent', ' to ',
                                 ' million', ' users', 'between ', ' and ', '٣', '(', ')']), max_size=20).map(''.join))
def test_scans_equal_full_scan_on_numbers(text):
    assert_same(text)


# ---- exhaustive: every sentence and every line of every fixture and bundled document
@pytest.mark.parametrize('path', DOCS, ids=lambda p: p.name)
def test_scans_equal_full_scan_on_every_sentence(path):
    text = path.read_text(encoding='utf-8', errors='replace')
    lines = [x for x in text.split('\n') if x.strip()]
    for piece in split_sentences(text):
        assert_same(piece)
        assert_same(''.join(TRAPS.get(c, c)[0] for c in piece))   # the same text with every trap character swapped in
        assert_same(piece.replace("'", '’').replace('"', '”').replace('-', '—'))   # curly quotes and dashes: folded by `str.lower`
    for piece in lines: assert_same(piece)   # several sentences at once (their characters' variants are tried above)


# ---- the shortcut rules
_WORD, _MARKS = re.compile(r"[A-Za-z][A-Za-z'’\-]*"), re.compile(r'\[[^\]\n]{0,40}\]|\(\d\d:\d\d\)')

def courtesy_before(text):
    "`is_courtesy` as written before issue 16: all words read first."
    ws = _WORD.findall(_MARKS.sub(' ', text).replace('’', "'"))
    if not ws or len(ws) > 12: return False
    return all(w.lower() in COURTESY_WORDS or (w[0].isupper() and i > 0) for i, w in enumerate(ws))

COURTESY_BITS = sorted(COURTESY_WORDS) + ['Thanks', 'Ashok', 'Revenue', 'rose', '[ph]', '(33:17)', '[indiscernible words]', 'you’re', ',', '.', '?']

@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(COURTESY_BITS), max_size=16), st.sampled_from([' ', ', ', '']))
def test_courtesy_shortcut(words, sep):
    t = sep.join(words)
    assert is_courtesy(t) == courtesy_before(t)

def test_courtesy_shortcut_on_every_sentence():
    for path in DOCS:
        for s in split_sentences(path.read_text(encoding='utf-8', errors='replace')): assert is_courtesy(s) == courtesy_before(s), s


# ---- segment mentions: the first-word shortcut equals the full scan
from teum_cxdo.metrics import _mentions, _segment_pattern, _CAUSE

def mentions_before(s, names):
    "`metrics._mentions` as written before the shortcut: the names' regex over the whole sentence."
    p = _segment_pattern(names)
    return tuple((m.start(), m.end(), ' '.join(m.group().split()).lower()) for m in p.finditer(s) if not _CAUSE.search(s[max(0, m.start() - 30):m.start()])) if p else ()

NAMES = [(), ('data center',), ('data center', 'automotive', 'industrial and iot'), ('ſoftware',), ('kiosk', 'consumer\nbanking'), ('us', 'u.s. retail')]
BITS = ['Data', 'Center', 'data  center', 'DATA\nCENTER', 'Automotive', 'automotives', 'Industrial and IoT', 'software', 'Software', 'Kiosk',
        'KIOSK', 'Consumer\nBanking', 'consumer banking', 'US', 'U.S. Retail', 'driven by', 'excluding', ' ', ', ', '.', 'revenue', '$3 million', 'é']

@settings(max_examples=800, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(BITS), max_size=14), st.sampled_from(NAMES))
def test_mentions_shortcut(bits, names):
    s = ' '.join(bits)
    assert _mentions.__wrapped__(s, names) == mentions_before(s, names), (s, names)

def test_mentions_shortcut_on_every_sentence():
    from teum_cxdo.metrics import _segment_names
    for path in DOCS:
        text = path.read_text(encoding='utf-8', errors='replace')
        names = _segment_names(text.split('\n\n')) + ('data center', 'services')
        for s in split_sentences(text): assert _mentions.__wrapped__(s, names) == mentions_before(s, names), (path, s)


# ---- `fold` by `str.lower` where that is the same as the table
from teum_cxdo.text import _FOLD

@settings(max_examples=600, deadline=None, derandomize=True)
@given(st.text(alphabet=st.characters(codec='utf-8', exclude_categories=['Cs']), max_size=60))
def test_fold_equals_the_table_on_random_text(t):
    assert fold(t) == t.translate(_FOLD), t

@settings(max_examples=600, deadline=None, derandomize=True)
@given(st.text(alphabet='aZ ’“”—–…é' + 'ÉΣσςſKİı٣１ﬁ', max_size=30))
def test_fold_equals_the_table_on_trap_text(t):
    assert fold(t) == t.translate(_FOLD), t
    assert_same(t)


# ---- `count_words` per whitespace-free chunk equals one scan of the whole text
from teum_cxdo.core import WORD_RE, count_words

@settings(max_examples=600, deadline=None, derandomize=True)
@given(st.text(alphabet=st.characters(codec='utf-8', exclude_categories=['Cs']), max_size=80))
def test_count_words_by_chunks_on_random_text(t):
    assert count_words(t) == len(WORD_RE.findall(t)), t

@settings(max_examples=600, deadline=None, derandomize=True)
@given(st.text(alphabet="ab9_.,-'’ \n\t\u00a0\u2028\x1c\x85٣Ωé$%", max_size=40))
def test_count_words_by_chunks_on_trap_text(t):
    assert count_words(t) == len(WORD_RE.findall(t)), t


# ---- a turn's word count as the sum of its sentences' (`text.word_counts`): no word spans two sentences
from teum_cxdo.text import word_counts

@settings(max_examples=600, deadline=None, derandomize=True)
@given(st.text(alphabet="aB9_.?!,-'’\"”)]([ \n\t\u00a0\u2028\x1c\x85٣Ωé$%", max_size=60))
def test_word_counts_by_sentences_on_trap_text(t):
    assert word_counts([t]) == [count_words(t)], t

@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(alphabet=st.characters(codec='utf-8', exclude_categories=['Cs']), max_size=80))
def test_word_counts_by_sentences_on_random_text(t):
    assert word_counts([t]) == [count_words(t)], t

def test_word_counts_by_sentences_on_every_document():
    "Every fixture and bundled document, whole and paragraph by paragraph."
    for path in DOCS:
        text = path.read_text(encoding='utf-8', errors='replace')
        texts = [text] + text.split('\n\n')
        assert word_counts(texts) == [count_words(t) for t in texts], path.name


# ---- segment subjects: `_SUBJECT` tried only where its matches start
from teum_cxdo.metrics import _subject_matches, _SUBJECT

SUBJECT_BITS = ['Data Center', 'revenue', 'sales', 'grew', '.', ': ', '; ', '\n', ', and ', ', while ', ',', 'In Aerospace', 'At Retail', ', ',
                'Consumer Banking', 'operating income', ' ', 'x', 'We', 'net sales', 'Q2']

@settings(max_examples=800, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(SUBJECT_BITS), max_size=16), st.sampled_from(['', ' ']))
def test_subject_matches_equal_the_full_scan(bits, sep):
    t = sep.join(bits)
    assert [(m.span(), m.groups()) for m in _subject_matches(t)] == [(m.span(), m.groups()) for m in _SUBJECT.finditer(t)], t

def test_subject_matches_on_every_document():
    for path in DOCS:
        t = path.read_text(encoding='utf-8', errors='replace')
        for piece in [t] + t.split('\n\n'):
            assert [(m.span(), m.groups()) for m in _subject_matches(piece)] == [(m.span(), m.groups()) for m in _SUBJECT.finditer(piece)], path


# ---- segment names: the operator's words are searched for a name only where `fold` finds the name
from teum_cxdo.metrics import _segment_names

SAID = 'Data Center revenue grew 12%. Kiosk sales rose 3%. In Harlow & Finch, orders fell. Aerospace operating income rose.'
OPERATOR_BITS = ['Welcome to the', 'data center', 'Data  Center', 'kiosk', 'kiosks', 'harlow & finch', 'Harlow', 'aerospace', 'call', '.', ',']

@st.composite
def operator_words(draw):
    return ' '.join(_trap(draw, w) for w in draw(st.lists(st.sampled_from(OPERATOR_BITS), max_size=8)))

@settings(max_examples=500, deadline=None, derandomize=True)
@given(operator_words())
def test_segment_names_operator_shortcut(op):
    "A name the operator says (the regex, in any case, also with `ſ`, `K`, `İ`, `ı` for `s`, `k`, `i`) is dropped, and only such a name."
    expected = tuple(n for n in _segment_names([SAID]) if not re.search(rf'\b{re.escape(n)}\b', op, re.I))
    assert _segment_names([SAID], op) == expected, op


# ---- CSV: `csv_text` joins the fields itself; its bytes are `to_csv`'s
import pandas as pd
from teum_cxdo.output import csv_text, CSV_OPTIONS

CSV_TEXT = st.text(alphabet='a ,"\n\r\t\'é’\x00;|', max_size=12)
CSV_FLOAT = st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from([0.0, -0.0, 0.1 + 0.2, 5e-324, 1e16])

@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 6).flatmap(lambda n: st.tuples(st.lists(CSV_TEXT | st.none(), min_size=n, max_size=n), st.lists(CSV_FLOAT, min_size=n, max_size=n),
                                                      st.lists(st.integers(-10**12, 10**12), min_size=n, max_size=n), st.lists(st.booleans(), min_size=n, max_size=n),
                                                      st.lists(CSV_TEXT | st.integers() | CSV_FLOAT | st.booleans() | st.none(), min_size=n, max_size=n))),
       st.sampled_from(['text', 'a,b', 'say "hi"', 'line\nend']))
def test_csv_text_equals_to_csv(cols, name):
    text, floats, ints, bools, mixed = cols
    df = pd.DataFrame({name: pd.Series(text, dtype='str'), 'f': pd.Series(floats, dtype=float), 'i': pd.Series(ints, dtype='int64'),
                       'b': pd.Series(bools, dtype=bool), 'o': pd.Series(mixed, dtype=object), 'n': pd.array([None if i % 3 == 0 else i for i in ints], dtype='Int64')})
    assert ''.join(csv_text(df)) == df.to_csv(**CSV_OPTIONS), df

def test_csv_text_on_the_pipeline_tables():
    from teum_cxdo.pipeline import analyze_text
    for path in sorted((ROOT / 'tests' / 'fixtures').glob('metrics_*.txt'))[:4]:
        for name, df in analyze_text(path.read_text(encoding='utf-8'), doc_id=path.stem).items():
            assert ''.join(csv_text(df)) == df.to_csv(**CSV_OPTIONS), (path, name)
    one = pd.DataFrame({'x': ['', 'a', None]})   # one column: an empty row is `""` (left to pandas)
    assert ''.join(csv_text(one)) == one.to_csv(**CSV_OPTIONS) == 'x\n""\na\n""\n'
    twice = pd.DataFrame([[1, 'a,b', 2.5, True]], columns=['x', 'x', 'y', 'x'])   # columns sharing a name
    assert ''.join(csv_text(twice)) == twice.to_csv(**CSV_OPTIONS) == 'x,x,y,x\n1,"a,b",2.5,True\n'


# ---- metrics: a turn's sentences after its last one with a number are read only for what the document keeps
import teum_cxdo.metrics as M
from teum_cxdo.pipeline import call_columns, _call_metrics
from teum_cxdo.core import LayoutError
from teum_cxdo.schema import FILING

def _every_sentence_turn(sents, company_said, doc):
    "`metrics._turn_metrics` as it was: every sentence's cues read and its context carried, to the end of the turn."
    out, metric, ctx_period, c, pending = [], '', '', M._Carry(segments=doc.segments), []
    for j, sent in enumerate(sents):
        usd, per, ref, ahead = M._cues(sent, doc.period)
        if pending and (usd or M._DIGIT.search(sent) or M.find_values(sent)): metric, pending = M._last_metric(pending, metric), []
        hits = tuple((k, doc.known[k]) for k in usd if doc.known.get(k) is not None)
        found = M._guarded(sent, doc.period, metric, ctx_period, doc.question if j < 3 else '', hits, c._replace(margin=doc.margin)) if M._has_number(sent) else ()
        out += [(sent, r) for r in found]
        if company_said: M._remember_values(doc.known, found)
        M._note_document(doc, sent)
        pending.append((sent, found))
        ctx_period = per if per else ctx_period if ref else ''
        c = M._carried(c, sent, found, ahead)
    return out

def test_turn_tail_skipped_changes_nothing(monkeypatch):
    calls = []
    for p in DOCS:   # calls turn by turn; filings (and other text) as one turn
        t = p.read_text(encoding='utf-8', errors='replace')
        try: calls.append(call_columns(t, p.stem))
        except LayoutError: calls.append((dict(doc_id=[p.stem], company=[''], turn=[0], speaker=[''], role=[FILING], text=[t]), ''))
    calls = [c for c in calls if c[0]['turn']]
    said = ['Backlog was $84 million. Backlog is what we expect to recognize over the next twelve months.', 'What drove the spread?',
            'Deposits repriced slowly. Our net interest margin held up well.', 'And margins?', 'Margin was 3.1% in the quarter.']
    calls.append((dict(doc_id=['tails'], company=['ACME'], turn=list(range(5)), speaker=['CFO', 'An'] * 2 + ['CFO'], role=['management', 'analyst'] * 2 + ['management'],
                       text=said), 'Q3 2024'))   # the horizon and the margin kind are said after the last number of their turns
    fast = _call_metrics(calls)
    tails = fast[fast.doc_id == 'tails']
    assert tails.metric.tolist() == ['backlog', 'net_interest_margin'] and tails.horizon_months.tolist()[0] == 12
    monkeypatch.setattr(M, '_turn_metrics', _every_sentence_turn)
    full = _call_metrics(calls)
    assert len(full) > 500 and full.horizon_months.notna().any()   # many facts, and a backlog horizon among them
    pd.testing.assert_frame_equal(fast, full)
