"""Labelled-sentence tables for `teum_cxdo.sentiment`: negation flips, direction of change, news formats.

Each row is one sentence and the label (or sign) `fin_tone` must give it. The unit checks of the module (the LM
dictionary and counts, TextBlob equality, the scorer registry, `score_sentences`, turn tone, `compare_roles`,
`tone_by_group`, the frozen held-out set) live in `nbs/07_sentiment.ipynb`; the equality of the column-wise scorers
with the per-text ones, in `tests/test_scorer_equivalence.py`."""
import pytest
from teum_cxdo.sentiment import explain, fin_tone, label_tone

def label(t): return label_tone(fin_tone(t)).item()

@pytest.mark.parametrize('t', ["The results were good.", "Revenue increased.", "Margins improved."])
def test_negation_flips(t):
    neg = t.replace('were', 'were not').replace('increased', 'did not increase').replace('improved', 'have not improved')
    assert fin_tone(t) > 0 > fin_tone(neg)

@pytest.mark.parametrize('t,lab', [
    ("Net loss narrowed.", 'positive'), ("Net loss narrowed to $0.5 million.", 'positive'),
    ("Margins declined to 58%.", 'negative'), ("Costs rose.", 'negative'), ("Costs rose sharply.", 'negative'),
    ("Revenue up 16%.", 'positive'), ("Revenue was up 16%.", 'positive'),
    ("Total revenue increased 43% to $12.7 million.", 'positive'),
    ("Total revenue increased 43% to $12.7 million compared to $8.8 million.", 'positive'), ("We reduced debt.", 'positive'),
    ("Revenue did not increase.", 'negative'), ("The results were not good.", 'negative'),
    ("Operating expenses increased 18% due to higher personnel costs.", 'negative'),
    ("Operating profit rose to EUR 12.4 mn from EUR 9.8 mn.", 'positive'),
    ("Our cash balance was $4.2 million compared to $5.5 million.", 'negative'),
    ("Our cash balance was $4.2 million compared to $5.5 million at year end.", 'negative'),
    ("EBITDA was $383,000 compared to a loss of $232,000.", 'positive'),
    ("Operating loss totalled EUR 0.3 mn compared to a profit of EUR 2.1 mn.", 'negative'),
    ("Cash used for financing activities of $486,000 compared to cash provided by investing activities of $20,000.", 'neutral'),
    ("Cash used in operating activities was $673,000 compared to $2.6 million a year ago.", 'positive'),
    ("The company will cut 250 jobs.", 'negative'), ("The sales cycle has lengthened.", 'negative'),
    ("The company signed a three-year contract with a large operator.", 'positive'),
    ("The company's headquarters are in Tampere, Finland.", 'neutral'), ("The company is headquartered in Helsinki.", 'neutral')])
def test_direction_of_change(t, lab):
    assert label(t) == lab, (t, explain(t))

# --- news formats ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize('t,lab', [
    ("Net sales grew to EUR 64.3 mn ( EUR 58.0 mn ) .", 'positive'),           # prior period in parentheses
    ("Comparable operating profit was EUR 18.4 mn ( 11.2 ) .", 'positive'),     # bare prior figure takes the unit
    ("Pre-tax profit was EUR 0.4 mn ( EUR 2.2 mn ) .", 'negative'),
    ("Pre-tax profit was EUR 0.4 mn ( 2.2 ) .", 'negative'),
    ("Operating profit was EUR 3.1 mn (2007: EUR 4.0 mn).", 'negative'),
    ("Net sales totalled EUR 85 mn ( 2007 ) .", 'neutral'),                      # a year is not a prior figure
    ("Sales totalled EUR 85 mn ( 2007 ) .", 'neutral'),
    ("Net profit rose 11 pct to 82.2 mln euro ( $ 109 mln ) .", 'positive'),     # a conversion is not a comparison
    ("Orders received rose by 12 % to EUR 210.6 mn .", 'positive'),
    ("Diluted EPS fell to EUR0 .12 from EUR0 .50 .", 'negative'),               # tokenised spacing inside amounts
    ("The company 's order book stood at 1.3 bln euro , up by 14.6 pct on the year .", 'positive'),
    ("The company 's share capital was increased by EUR 120,000 .", 'neutral'),
    ("The company 's share capital was increased by EUR 1,000 .", 'neutral'),
    ("Luoto shares slid 5.5 pct after the results .", 'negative'), ("Shares of the company slid 5.5 pct .", 'negative'),
    ("The new technology will enable operators to cut their network costs by up to 30 % .", 'positive'),
    ("Operating profit was hurt by higher raw material prices .", 'negative'),
    ("Volumes recovered strongly after a weak start to the year .", 'positive'),
    ("The value of the contract is about EUR 11 mn , the company added .", 'neutral'),
    ("Kontio received a EUR 11 million order for steel structures .", 'positive'),
    ("The company has started negotiations on possible temporary lay-offs .", 'negative'),
    ("The sale was made to an undisclosed buyer .", 'neutral'), ("The deal was for an undisclosed sum .", 'neutral'),
    ("The company 's shares closed unchanged at EUR 6.70 .", 'neutral'),
    ("The company said it would not pay a dividend .", 'negative'),
    ("The company did not win the order .", 'negative'),
    ("Net sales by business segment are presented in the table below .", 'neutral'),
    ("Revenue rose but costs rose faster .", 'neutral')])                         # clause words: the two changes cancel
def test_news_formats(t, lab):
    assert label(t) == lab, (t, explain(t))

# --- credit and liquidity (issue 17) ---------------------------------------------------------------------------------
@pytest.mark.parametrize('t,lab', [
    ("We increased the reserve by $93 million.", 'negative'), ("Net charge-offs rose to 1.2% of loans.", 'negative'),
    ("Net charge offs declined to 0.4% of average loans.", 'positive'), ("Write-offs increased.", 'negative'),
    ("Provisions for credit losses increased to $40 million.", 'negative'), ("The allowance for loan losses increased.", 'negative'),
    ("Delinquencies rose in the quarter.", 'negative'), ("Non-performing loans declined 10%.", 'positive'),
    ("NPLs fell to 1.1% of the book.", 'positive'), ("We released reserves of $20 million.", 'positive'),
    ("The reserve release added to earnings.", 'positive'), ("Reserve builds continued in the quarter.", 'negative'),
    ("We recorded write-downs of $12 million.", 'negative'), ("Impairments increased.", 'negative'),
    ("Proved reserves increased 10%.", 'positive'), ("Oil and gas reserves declined.", 'negative'),
    ("We took steps to preserve liquidity amid the growing uncertainty.", 'neutral'),
    ("We are focused on protecting our liquidity.", 'neutral'), ("We will conserve liquidity.", 'neutral'),
    ("Liquidity increased to $2 billion.", 'positive'),
    ("Given the critical nature of the service, customers renew.", 'neutral'), ("This is a critical time for the company.", 'neutral')])
def test_credit_and_liquidity(t, lab):
    assert label(t) == lab, (t, explain(t))

@pytest.mark.parametrize('t', ["We took steps to preserve liquidity amid the growing uncertainty.", "We expect heightened volatility.",
                               "There is increasing macroeconomic uncertainty.", "Rising risks in the portfolio."])
def test_growing_uncertainty_is_never_positive(t):
    assert fin_tone(t) <= 0, explain(t)
