"Business-model summaries: cleaning, token budgets, traceability, aspect order, the call profiles and bad input."
import re
from pathlib import Path
import pytest
from teum_cxdo.core import InputError, TeumCxdoError
from teum_cxdo.corpus import load_text
from teum_cxdo.business import (ASPECTS, count_tokens, clean_filing, filing_blocks, filing_sentences, summary_sentences,
                                summarize_business_model, business_model_profile, traceable, key_phrase, call_profile,
                                compare_business_models)

FIXTURE = Path(__file__).parent / 'fixtures' / 'synthetic_10k.txt'
SYNTH = FIXTURE.read_text(encoding='utf-8')
TEUM = load_text('teum_2017_10k')
NOTE = 'The business description gives no details of financing.'
ORDER = list(ASPECTS)

def ws(s): return ' '.join(s.split())

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

@pytest.mark.parametrize('text', [SYNTH, TEUM])
def test_sentences_are_raw_spans(text):
    fs = filing_sentences(text)
    assert len(fs) > 5
    for r in fs.itertuples(): assert r.sentence in (ws(text[r.start:r.end]), ws(text[r.start:r.end]) + '.')

def test_offsets_survive_crlf():
    crlf = SYNTH.replace('\n', '\r\n')
    fs = filing_sentences(crlf)
    assert fs.sentence.tolist() == filing_sentences(SYNTH).sentence.tolist()
    for r in fs.itertuples(): assert ws(crlf[r.start:r.end]) in (r.sentence, r.sentence[:-1])

def test_preamble_only_first_line():
    text = 'Overview\n--------\n\nPrompt: this is part of the text and stays.\n'
    assert 'Prompt: this is part' in clean_filing(text)
    assert filing_blocks('Instruction: summarise the following.\n\nOur customers are banks.\n').text.tolist() == ['Our customers are banks.']

# --- the summary

@pytest.mark.parametrize('text', [SYNTH, TEUM], ids=['synthetic', 'teum'])
@pytest.mark.parametrize('n', [60, 128, 512])
def test_budget_order_traceability(text, n):
    t = summary_sentences(text, n)
    s = summarize_business_model(text, n)
    assert s == ' '.join(t.sentence)
    assert count_tokens(s) <= n and t.n_tokens.sum() == count_tokens(s)
    assert '\n' not in s and not re.search(r'[Ø§•|#]|--', s)
    idx = t.aspect.map(ORDER.index)
    assert idx.is_monotonic_increasing
    clean = ws(clean_filing(text))
    for r in t.itertuples():
        if r.source == '': assert r.sentence == NOTE; continue
        assert traceable(r.sentence, r.source)
        assert ws(r.source) in clean
        assert r.source in (ws(text[r.start:r.end]), ws(text[r.start:r.end]) + '.')

def test_teum_summary_covers_all_aspects_and_says_no_financing():
    t = summary_sentences(TEUM)
    assert list(dict.fromkeys(t.aspect)) == ORDER
    assert t[t.aspect == 'financing'].sentence.tolist() == [NOTE]
    assert (t.source == '').sum() == 1
    assert 250 <= t.n_tokens.sum() <= 512
    assert any('88% of our revenue' in s for s in t.sentence)

def test_synthetic_financing_is_extracted_not_noted():
    t = summary_sentences(SYNTH, 512)
    fin = t[t.aspect == 'financing'].sentence.tolist()
    assert any('credit agreement' in s for s in fin) and NOTE not in fin
    assert list(dict.fromkeys(t.aspect)) == ORDER
    assert not any('Nasdaq' in s for s in t.sentence)          # parenthetical trimmed

def test_deterministic():
    assert summarize_business_model(TEUM) == summarize_business_model(TEUM)

def test_bytes_input():
    assert summarize_business_model(SYNTH.encode('utf-8'), 128) == summarize_business_model(SYNTH, 128)

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
    assert p.aspect.astype(str).tolist() == [a for a in ORDER[:4] for _ in range(2)]
    assert (p.groupby('aspect', observed=True).score.apply(lambda s: s.is_monotonic_decreasing)).all()
    assert all(ws(ph) in ws(s) or traceable(ph, s, max_gaps=4) for ph, s in zip(p.phrase, p.sentence))

def test_key_phrase():
    s = 'We improved our cash flow by restructuring our credit agreement with Atalaya Capital Management, our senior secured lender.'
    assert key_phrase(s, 'financing') == 'cash flow by restructuring our credit agreement'
    assert key_phrase('Nothing relevant here.', 'financing') == ''

def test_call_profiles_use_management_only():
    for tk in ('TEUM', 'CXDO'):
        p = call_profile(tk)
        assert p.aspect.nunique() == 5
    cx = call_profile('CXDO')
    assert not cx.speaker.str.contains('Analyst|Operator').any()
    assert cx[cx.aspect == 'financing'].sentence.str.contains('building|debt').any()

def test_compare_business_models():
    c = compare_business_models()
    assert c.shape == (5, 6) and c.index.tolist() == ORDER
    assert c.loc['financing', ('phrase', 'TEUM 10-K')] == '(not described)'
    assert 'Atalaya' in c.loc['financing', ('sentence', 'TEUM call')]
    assert 'agent' in c.loc['channels', ('sentence', 'CXDO call')]

# --- bad input

@pytest.mark.parametrize('bad', ['', '   \n\xa0\n', 'abc\x00def', b'\x00\x01\x02\x03binary', b'\xff\xfe\x00\xd8',
                                 'The cat sat on the mat. It was a sunny day and nobody was in a hurry.'])
def test_bad_input(bad):
    with pytest.raises(InputError): summarize_business_model(bad)

def test_not_text():
    with pytest.raises(InputError, match='expected'): summarize_business_model(42)

@pytest.mark.parametrize('n,msg', [(0, 'max_tokens'), (-5, 'max_tokens'), (5, 'too small')])
def test_bad_budget(n, msg):
    with pytest.raises(InputError, match=msg): summarize_business_model(SYNTH, n)

def test_backend():
    seen = {}
    def backend(text, n): seen.update(text=text, n=n); return 'A short answer.'
    assert summarize_business_model(TEUM, 100, backend=backend) == 'A short answer.'
    assert seen['n'] == 100 and seen['text'].startswith('# Item 1.')
    with pytest.raises(TeumCxdoError, match='backend'): summarize_business_model(TEUM, 10, backend=lambda t, n: t)
