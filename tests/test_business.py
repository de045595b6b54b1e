"Business-model summaries: cleaning, token budgets, traceability, aspect order and coverage, the fixture table of issue 19, the call profiles and bad input."
import re
from functools import lru_cache
from pathlib import Path
import pandas as pd
import pytest
from teum_cxdo.core import InputError, TeumCxdoError
from teum_cxdo.corpus import load_text
from teum_cxdo.transcripts import load_call
from teum_cxdo.business import (ASPECTS, CONTENT, OPENING, count_tokens, clean_filing, filing_blocks, filing_sentences,
                                aspect_terms, aspect_scores, aspect_coverage, summary_sentences, summarize_business_model,
                                business_model_profile, traceable, key_phrase, call_profile, business_profiles,
                                compare_business_models)

FIX = Path(__file__).parent / 'fixtures'
SYNTH = (FIX / 'synthetic_10k.txt').read_text(encoding='utf-8')
VARIANT = (FIX / '10k_variant_layouts.txt').read_text(encoding='utf-8')
TEUM = load_text('teum_2017_10k')
EXP = pd.read_csv(FIX / '10k_expectations.csv', keep_default_na=False)   # issue 19: hand-made expectations per fixture
KINDS = sorted(EXP.fixture.unique())                                       # 10k_manufacturer, 10k_bank, ... (six)
FIXTURES = {k: (FIX / f'{k}.txt').read_text(encoding='utf-8') for k in KINDS}
TEXTS = {'synthetic': SYNTH, 'variant': VARIANT, 'teum': TEUM} | FIXTURES
ORDER = [OPENING, *ASPECTS]
GLYPHS = '[•·●○◦▪▫■□‣⁃∙►▸➢➤✓✔]'
XREF = re.compile(r'\b(?:Notes?\s+[A-Z0-9]{1,2}\b|Item\s+\d+[A-Z]?\b|Part\s+[IV]+\b|incorporated (?:herein )?by reference)')
def note(aspect, word='no'): return f'The business description gives {word} details of {ASPECTS[aspect][0]}.'
def ws(s): return ' '.join(s.split())
def surface(s): return ws(re.sub(GLYPHS, ' ', s))       # a raw span as sentence text: bullet glyphs dropped

@lru_cache(maxsize=None)
def sents(name): return filing_sentences(TEXTS[name])

@lru_cache(maxsize=None)
def summary(name, n=512): return summary_sentences(TEXTS[name], n)

def rows(check): return [tuple(r) for r in EXP[EXP.check == check][['fixture', 'aspect', 'text']].itertuples(index=False)]
def ids(check): return [f'{f}:{a + ":" if a else ""}{t[:30]}' for f, a, t in rows(check)]

# --- tokens

@pytest.mark.parametrize('text,n', [("Pareteum's", 3), ('$1,479,587', 6), ('Communications-as-a-Service', 7),
                                    ('Revenue rose 16%.', 5), ('', 0), ('\n \xa0', 0)])
def test_count_tokens(text, n): assert count_tokens(text) == n

# --- cleaning

def test_clean_synthetic_rules():
    c = clean_filing(SYNTH)
    assert not c.startswith('Prompt') and 'Summarize' not in c                       # preamble
    assert '## Overview\n' in c and '## Financing\n' in c and '# Item 1. Business\n' in c   # underlined headings
    assert not re.search(r'--\+|\||•|https?://|\xa0|^12$|^-$', c, re.M)               # rules, glyphs, URL, page number
    assert '\n\nThe Relay cloud platform for voice, messaging and video.\n\n' in c     # bullet item → sentence with period
    assert '\n\nWe recruit resellers in new regions through a referral program.\n\n' in c   # `Phase 1: |` cell
    assert 'based in Denver, Colorado.' in c                                          # hard-wrapped paragraph joined
    assert 'Phase 1' not in c

def test_clean_bundled_rules():
    c = clean_filing(TEUM)
    assert not re.search(r'Prompt:|--\+|^\s*[Ø§]|\|\s|^\d+$|^-$|https?://', c, re.M)
    assert '### Managed Services Platform\n' in c and '## Business Model\n' in c
    assert '\n\nSmart defense.\n\n' in c

def test_clean_variant_layouts():
    b = filing_blocks(VARIANT)
    assert b[b.kind == 'prompt'].text.str.len().gt(0).sum() == 3                       # two wrapped lines and `Text:`
    assert b[b.kind == 'page'].text.tolist() == ['Table of Contents', 'Page 3 of 40', 'Table of Contents', '- 4 -']
    assert b[b.kind == 'heading'].text.tolist() == ['PART I', 'ITEM 1. BUSINESS', 'General', 'Products', 'Distribution',
                                                     'Liquidity', 'Human Capital']
    assert b[b.kind == 'heading'].level.tolist() == [1, 1, 2, 2, 2, 2, 2]
    assert b[b.kind == 'item'].text.tolist() == [
        'Harborview Register, a cloud point-of-sale application for restaurants and retailers.',   # `•` + wrapped line
        'Harborview Pay, an integrated card processing service.',
        'Harborview Insights, a reporting tool for multi-location merchants.',                     # `- Item`
        'Online ordering and delivery integrations for restaurants.']                              # `ü |` cell
    assert b[b.kind == 'table'].text.tolist() == ['Segment | 2022 | 2021', 'Payments | $41.2 | $33.9', 'Software | $12.7 | $10.1']
    assert b[b.kind == 'url'].text.tolist() == ['https://www.harborview.example/investors']
    c = clean_filing(VARIANT)
    assert c.startswith('# PART I\n\n# ITEM 1. BUSINESS\n\n## General\n\nHarborview Payments Corp.')
    assert 'Segment | 2022 | 2021\nPayments | $41.2 | $33.9\n' in c                      # table rows kept together
    assert not re.search(r'Instructions|Table of Contents|Page 3|^- 4 -$|^=+$|•|ü|--\+|https?://', c, re.M)
    assert not filing_sentences(VARIANT).sentence.str.contains(r'\||\$41').any()

@pytest.mark.parametrize('name', TEXTS)
def test_every_line_accounted_for(name):
    "Every non-blank line overlaps a block; blocks never overlap (a glued heading and its sentence share a line) and come in order."
    text, b = TEXTS[name], filing_blocks(TEXTS[name])
    spans = list(zip(b.start, b.end))
    for m in re.finditer(r'(?m)^.*\S.*$', text):
        assert any(s < m.end() and m.start() < e for s, e in spans), m.group()
    assert (b.start.values[1:] >= b.end.values[:-1]).all()
    assert set(b.kind) <= set(CONTENT) | {'prompt', 'page', 'rule', 'url'}

@pytest.mark.parametrize('name', TEXTS)
def test_clean_is_idempotent(name):
    c = clean_filing(TEXTS[name])
    assert clean_filing(c) == c
    assert filing_sentences(c).sentence.tolist() == sents(name).sentence.tolist()   # the markdown reads back to the same sentences

@pytest.mark.parametrize('name', TEXTS)
def test_sentences_are_raw_spans(name):
    text, fs = TEXTS[name], sents(name)
    assert len(fs) > 5
    for r in fs.itertuples(): assert r.sentence in (surface(text[r.start:r.end]), surface(text[r.start:r.end]) + '.')

def test_offsets_survive_crlf():
    crlf = SYNTH.replace('\n', '\r\n')
    fs = filing_sentences(crlf)
    assert fs.sentence.tolist() == filing_sentences(SYNTH).sentence.tolist()
    for r in fs.itertuples(): assert ws(crlf[r.start:r.end]) in (r.sentence, r.sentence[:-1])

def test_preamble_only_at_the_start():
    text = 'Overview\n--------\n\nPrompt: this is part of the text and stays.\n'
    assert 'Prompt: this is part' in clean_filing(text)
    assert filing_blocks('Instruction: summarise the following.\n\nOur customers are banks.\n').query("kind in @CONTENT").text.tolist() == ['Our customers are banks.']
    # a prompt running straight into the filing stops at the first heading
    b = filing_blocks('Prompt: summarize the text below\nItem 1. Business\n\nWe sell to banks.\n')
    assert b.kind.tolist() == ['prompt', 'heading', 'paragraph']

# --- issue 19: the fixture table (tests/fixtures/10k_expectations.csv), one test per row

@pytest.mark.parametrize('fixture,aspect,heading', rows('heading'), ids=ids('heading'))
def test_fixture_heading_is_not_sentence_text(fixture, aspect, heading):
    glued = re.compile(re.escape(heading) + r'(?:\s+[A-Z•]|\.?$)')
    assert not [s for s in sents(fixture).sentence if glued.match(s)]
    assert not [s for s in summary(fixture).sentence if glued.match(s)]
    b = filing_blocks(FIXTURES[fixture])
    assert heading.rstrip('.') in set(b[b.kind == 'heading'].text)               # it is a heading block instead

@pytest.mark.parametrize('fixture,aspect,text', rows('bullet'), ids=ids('bullet'))
def test_fixture_bullets_are_sentences(fixture, aspect, text):
    hit = [s for s in sents(fixture).sentence if text in s]
    assert len(hit) == 1 and not re.search(GLYPHS, hit[0])
    if text.startswith('On '): assert hit[0].startswith(text)                   # `•On August 3, ...` opens its own sentence

@pytest.mark.parametrize('fixture,aspect,pair', rows('splice'), ids=ids('splice'))
def test_fixture_no_splice_across_a_table(fixture, aspect, pair):
    lead, nxt = pair.split(' || ')
    s = sents(fixture).sentence
    assert s.str.contains(lead, regex=False).sum() == 1 and s.str.contains(nxt, regex=False).sum() == 1
    assert not [x for x in s if lead in x and nxt in x]

@pytest.mark.parametrize('fixture,aspect,cell', rows('table'), ids=ids('table'))
def test_fixture_table_rows_are_not_sentences(fixture, aspect, cell):
    assert not sents(fixture).sentence.str.contains(cell, regex=False).any()

@pytest.mark.parametrize('fixture,aspect,text', rows('not_chosen'), ids=ids('not_chosen'))
def test_fixture_never_chosen(fixture, aspect, text):
    assert not [s for s in summary(fixture).sentence if text in s]

@pytest.mark.parametrize('fixture,aspect,text', rows('not_for'), ids=ids('not_for'))
def test_fixture_not_chosen_for_aspect(fixture, aspect, text):
    t = summary(fixture)
    assert not [s for s in t[t.aspect == aspect].sentence if text in s]

@pytest.mark.parametrize('fixture,aspect,alternatives', rows('evidence'), ids=ids('evidence'))
def test_fixture_aspect_evidence(fixture, aspect, alternatives):
    t = summary(fixture)
    assert any(x in s for s in t[t.aspect == aspect].sentence for x in alternatives.split('|'))

@pytest.mark.parametrize('fixture,aspect,alternatives', rows('opening'), ids=ids('opening'))
def test_fixture_opening_says_what_the_company_is(fixture, aspect, alternatives):
    t = summary(fixture)
    assert t.aspect[0] == OPENING and t.source[0] != ''
    assert any(x in t.sentence[0] for x in alternatives.split('|'))

@pytest.mark.parametrize('fixture', KINDS)
def test_fixture_cross_references_are_never_candidates(fixture):
    "`Refer to Note Q ...`, `... is provided in Note P`, `See Item 7 ...`: pointers, not content, so never candidates."
    xrefs = sents(fixture).sentence[lambda s: s.str.contains(XREF)]
    assert len(xrefs) >= 2
    assert not aspect_scores(sents(fixture)).sentence.isin(set(xrefs)).any()

@pytest.mark.parametrize('fixture', KINDS)
def test_fixture_summary(fixture):
    "Within budget, continuous prose, ≥ 90% traceable sentences, no cross-reference, every described aspect covered."
    text, t = FIXTURES[fixture], summary(fixture)
    s = ' '.join(t.sentence)
    assert count_tokens(s) <= 512 and '\n' not in s and not re.search(GLYPHS + r'|\||#|--', s)
    assert sum(bool(r.source) and traceable(r.sentence, text[r.start:r.end]) for r in t.itertuples()) >= 0.9 * len(t)
    assert not t.sentence.str.contains(XREF).any()
    present = set(EXP[(EXP.fixture == fixture) & (EXP.check == 'present')].aspect)
    assert present <= set(t[t.source != ''].aspect)
    assert t.aspect.map(ORDER.index).is_monotonic_increasing

# --- aspects and scores

def test_aspect_terms_are_specific():
    assert aspect_terms('using multiple communications channels and technology partners')['channels'] == []
    assert aspect_terms('through our dealer channel and referral partners')['channels'] == ['dealer channel', 'referral partners']
    assert aspect_terms('we closed the sale of our building in Tempe')['financing'] == ['sale of our building']
    assert aspect_terms('our cash balance was $4.2 million')['financing'] == []
    assert aspect_terms('We served 14,200 merchant locations')['customers'] == ['merchant', 'served']

def test_quality_factors_order_sentences():
    s = pd.DataFrame({'sentence': ['We sell our platform through resellers and master agents.',
                                   'We will sell our platform through resellers and master agents.',
                                   'Our award-winning, innovative platform is sold through resellers and master agents.',
                                   'This platform is sold through resellers and master agents.']})
    sc = aspect_scores(s).query("aspect == 'channels'").set_index('sid')
    assert sc.score[0] > max(sc.score[1], sc.score[2], sc.score[3])
    assert sc.standalone.tolist() == [True, True, True, False]

def test_wrong_direction_is_not_a_candidate():
    s = pd.DataFrame({'sentence': ['Tidewater pays network affiliation fees to the broadcast networks.',
                                   'We sell our platform on subscription fees to enterprises.',
                                   'Two customers accounted for 12% and 9% of our accounts receivable at year end.',
                                   'We repaid our term loan with the proceeds of the sale.']})
    sc = aspect_scores(s)
    assert set(sc[sc.aspect == 'revenue'].sid) == {1} and set(sc[sc.aspect == 'financing'].sid) == {3}

def test_aspect_coverage():
    sc = pd.DataFrame({'aspect': ['revenue', 'revenue', 'customers'], 'weight': [1.0, 2.5, 1.0]})
    assert aspect_coverage(sc).to_dict() == {'revenue': 'described', 'customers': 'thin', 'products': 'absent',
                                             'channels': 'absent', 'financing': 'absent'}

# --- the summary

@pytest.mark.parametrize('name', ['synthetic', 'variant', 'teum', '10k_bank', '10k_holding'])
@pytest.mark.parametrize('n', [60, 128, 512])
def test_budget_order_traceability(name, n):
    text = TEXTS[name]
    t = summary(name, n)
    s = summarize_business_model(text, n)
    assert s == ' '.join(t.sentence)
    assert count_tokens(s) <= n and t.n_tokens.sum() == count_tokens(s)
    assert '\n' not in s and not re.search(r'[Ø§•ü|#]|--', s)
    assert t.aspect.map(ORDER.index).is_monotonic_increasing
    clean = ws(clean_filing(text))
    for r in t.itertuples():
        if r.source == '': assert r.sentence in (note(r.aspect), note(r.aspect, 'few')); continue
        assert traceable(r.sentence, r.source)
        assert ws(r.source) in clean
        assert r.source in (surface(text[r.start:r.end]), surface(text[r.start:r.end]) + '.')

@pytest.mark.parametrize('name', TEXTS)
def test_no_dangling_anaphora(name):
    t = summary(name)
    bare = t.sentence.str.match(r'(?i)(?:this|these|that|those|it|they|such)\b')
    assert (t.follows >= bare).all()                      # only sentences that follow their antecedent open that way
    fs = sents(name).set_index('start')
    for i in t.index[t.follows]:
        assert i > 0 and t.aspect[i - 1] == t.aspect[i]
        prev, cur = fs.loc[t.start[i - 1]], fs.loc[t.start[i]]
        assert prev.block == cur.block and fs.index.get_loc(t.start[i]) == fs.index.get_loc(t.start[i - 1]) + 1

def test_teum_summary_content():
    t = summary('teum')
    assert t.n_tokens.sum() >= 250                         # the budget is used (its limit is checked in the notebook)
    assert any('88% of our revenue' in s for s in t.sentence)
    assert any('three complementary platform suites' in s for s in t.sentence)
    assert any('direct sales' in s for s in t[t.aspect == 'channels'].sentence)
    assert not t.sentence.str.contains(r'Winner|Award|accolade', case=False).any()    # no award list

def test_synthetic_financing_is_extracted_not_noted():
    t = summary_sentences(SYNTH, 512)
    fin = t[t.aspect == 'financing'].sentence.tolist()
    assert any('credit agreement' in s for s in fin) and note('financing') not in fin
    assert list(dict.fromkeys(t.aspect)) == ORDER
    assert not any('Nasdaq' in s for s in t.sentence)          # parenthetical trimmed

def test_variant_describes_merchants_and_skips_the_pointer():
    t = summary('variant')
    assert any('merchant' in s or 'retailers' in s for s in t[t.aspect == 'customers'].sentence)
    assert not t.sentence.str.contains('Item 7').any()

def test_deterministic():
    assert summarize_business_model(TEUM) == summarize_business_model(TEUM)
    assert summary_sentences(VARIANT).equals(summary_sentences(VARIANT))

def test_bytes_input():
    assert summarize_business_model(SYNTH.encode('utf-8'), 128) == summarize_business_model(SYNTH, 128)
    assert summarize_business_model(VARIANT.encode('cp1252', errors='replace'), 128) == summarize_business_model(
        VARIANT.encode('cp1252', errors='replace').decode('cp1252'), 128)

def test_sentence_table_input():
    "A `filing_sentences` table gives the same summary as the raw text it was read from."
    assert summary_sentences(sents('10k_retailer'), 256).equals(summary('10k_retailer', 256))

# --- traceability checker

def test_traceable():
    src = 'However, Pareteum (NYSE: TEUM) continues to win new long-term contractual business.'
    assert traceable('Pareteum continues to win new long-term contractual business.', src)
    assert not traceable('Pareteum continues to win new contractual deals.', src)
    assert not traceable('Business continues to win Pareteum.', src)
    assert not traceable('a b c d e f', 'a x b x c x d x e x f', max_gaps=4)

# --- profiles and comparison

def test_profile_columns_and_phrases():
    p = business_model_profile(TEUM, k=2)
    assert {'aspect', 'sentence', 'score', 'phrase', 'start', 'end'} <= set(p.columns)
    assert p.aspect.astype(str).tolist() == [a for a in ASPECTS for _ in range(2)]
    assert (p.groupby('aspect', observed=True).score.apply(lambda s: s.is_monotonic_decreasing)).all()
    assert all(ws(ph) in ws(s) or traceable(ph, s, max_gaps=4) for ph, s in zip(p.phrase, p.sentence))

def test_key_phrase():
    s = 'We improved our cash flow by restructuring our credit agreement with Atalaya Capital Management, our senior secured lender.'
    assert key_phrase(s, 'financing') == 'credit agreement with Atalaya Capital'
    assert key_phrase('Nothing relevant here.', 'financing') == ''

def test_call_profiles_use_management_only():
    for tk in ('TEUM', 'CXDO'):
        p = call_profile(tk)
        assert p.aspect.nunique() == 5
        assert set(p.speaker) <= set(load_call(tk).query("role == 'management'").speaker)
    cx = call_profile('CXDO', k=5)
    assert cx[cx.aspect == 'financing'].sentence.str.contains('sale of our building').any()
    assert cx[cx.aspect == 'channels'].sentence.str.contains('master agent').any()
    assert cx[cx.aspect == 'channels'].sentence.str.contains('dealer').any()
    assert cx[cx.aspect == 'revenue'].sentence.str.contains('segment revenue').any()
    te = call_profile('TEUM')
    assert te[te.aspect == 'financing'].sentence.str.contains('credit agreement').any()

def test_compare_business_models():
    c = compare_business_models()
    assert c.shape == (5, 6) and c.index.tolist() == list(ASPECTS)
    assert c.loc['financing', ('sentence', 'TEUM 10-K')].startswith('Pareteum is in fast-growth mode')
    assert 'Atalaya' in c.loc['financing', ('sentence', 'TEUM call')]
    assert 'agent' in c.loc['channels', ('sentence', 'CXDO call')]
    long = business_profiles(2)
    assert list(long.columns) == ['source', 'aspect', 'rank', 'phrase', 'sentence', 'score']
    assert long.groupby('source').size().to_dict() == {'CXDO call': 10, 'TEUM 10-K': 10, 'TEUM call': 10}

# --- bad input

@pytest.mark.parametrize('bad', ['', '   \n\xa0\n', 'abc\x00def', b'\x00\x01\x02\x03binary', b'\xff\xfe\x00\xd8',
                                 'The cat sat on the mat. It was a sunny day and nobody was in a hurry.',
                                 'Our customers are happy.'])
def test_bad_input(bad):
    with pytest.raises(InputError): summarize_business_model(bad)

@pytest.mark.parametrize('bad', [42, None, ['text'], 3.5])
def test_not_text(bad):
    with pytest.raises(InputError, match='expected the text of a filing'): summarize_business_model(bad)

@pytest.mark.parametrize('n,msg', [(0, 'max_tokens must be'), (-5, 'max_tokens must be'), (512.0, 'max_tokens must be'),
                                   ('512', 'max_tokens must be'), (True, 'max_tokens must be'), (None, 'max_tokens must be'),
                                   (5, 'too small')])
def test_bad_budget(n, msg):
    with pytest.raises(InputError, match=msg): summarize_business_model(SYNTH, n)

def test_bad_knobs():
    with pytest.raises(InputError, match='per_aspect'): summary_sentences(SYNTH, 128, per_aspect=0)
    with pytest.raises(InputError, match='k must be'): business_model_profile(SYNTH, k=0)

def test_backend():
    seen = {}
    def backend(text, n): seen.update(text=text, n=n); return 'A short answer.'
    assert summarize_business_model(TEUM, 100, backend=backend) == 'A short answer.'
    assert seen['n'] == 100 and seen['text'].startswith('# Item 1.')
    with pytest.raises(TeumCxdoError, match='backend'): summarize_business_model(TEUM, 10, backend=lambda t, n: t)
    with pytest.raises(TeumCxdoError, match='backend'): summarize_business_model(TEUM, 10, backend=lambda t, n: None)
    with pytest.raises(InputError, match='max_tokens'): summarize_business_model(TEUM, 0, backend=backend)

def test_passing_mention_is_few_details_not_none():
    t = summary_sentences('• We sell software to enterprises through resellers.\n'
                          '• We earn subscription fees and usage-based fees from customers.\n')
    assert t[t.aspect == 'customers'].sentence.tolist() == [note('customers', 'few')]   # mentioned, but only in passing
    assert t[t.aspect == 'financing'].sentence.tolist() == [note('financing')]          # never mentioned
