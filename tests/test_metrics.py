"""Tests of `teum_cxdo.metrics` on fixture sentences and calls written for these tests (not copied from the bundled calls)."""
from pathlib import Path
import pandas as pd
import pytest
from teum_cxdo.core import InputError, TeumCxdoError
from teum_cxdo.transcripts import parse_transcript
from teum_cxdo.metrics import (find_values, find_periods, sentence_metrics, extract_metrics, conflicts, flag_conflicts,
                               evaluate, load_gold, backlog_horizon, COLUMNS)

FIXTURES = Path(__file__).parent / 'fixtures'


def facts(sentence, period='Q3 2024'):
    "(metric, value, unit, period, basis, kind) of each row of `sentence`."
    return [(r['metric'], r['value'], r['unit'], r['period'], r['basis'], r['kind']) for r in sentence_metrics(sentence, period)]


# ---- number formats
@pytest.mark.parametrize('text,value,unit', [
    ('$4.7 million', 4.7e6, 'USD'), ('$812,000', 812000.0, 'USD'), ('$0.11', 0.11, 'USD'), ('$2.345 million', 2.345e6, 'USD'),
    ('$1.2 billion', 1.2e9, 'USD'), ('$3,250,118', 3250118.0, 'USD'), ('17%', 17.0, '%'), ('12.5 percent', 12.5, '%'),
    ('1.8 million end users', 1.8e6, 'count'), ('415 licensees', 415.0, 'count'), ('seven new customers', 7.0, 'count'),
    ('140 full-time employees', 140.0, 'count'), ('$(0.07)', -0.07, 'USD'), ('$38.5M', 38.5e6, 'USD'),
    ('80 basis points', 0.8, 'pp'), ('2.5 percentage points', 2.5, 'pp'), ('four-fold', 4.0, 'x'), ('tripled', 3.0, 'x'),
    ('125 mid-market customers', 125.0, 'count')])
def test_number_formats(text, value, unit):
    v = find_values(text)
    assert len(v) == 1
    assert v[0]['value'] == pytest.approx(value) and v[0]['unit'] == unit


def test_non_metric_numbers_are_ignored():
    assert find_values('a five-year deal signed in Q3 2024, our 12-month plan, the 2019 award and 4G service') == []


@pytest.mark.parametrize('text,low,high', [('62% to 64%', 62, 64), ('low-50s', 50, 53), ('mid- to high-80s', 84, 89),
                                            ('high single digits', 7, 9), ('low double digits', 10, 13),
                                            ('between $40 million and $44 million', 40e6, 44e6), ('$61 million to $63 million', 61e6, 63e6),
                                            ('$18-20 million', 18e6, 20e6), ('high-teens', 17, 19), ('between 4% and 6%', 4, 6)])
def test_ranges_have_low_high_and_midpoint(text, low, high):
    v = find_values(text)[0]
    assert (v['low'], v['high']) == (low, high)
    assert v['value'] == pytest.approx((low + high) / 2)


def test_a_change_then_a_level_is_not_a_range():
    assert [v['value'] for v in find_values('rose $0.8 million to $5.3 million')] == [0.8e6, 5.3e6]
    assert [v['value'] for v in find_values('from 41% to 44%')] == [41.0, 44.0]
    assert len(find_values('the 38% to 40% range')) == 1


def test_count_words_between_number_and_noun():
    assert find_values('125 mid-market customers')[0]['mods'] == ['mid-market']
    assert find_values('our 3 biggest customers, 5 of our clients, 2031 new users') == []


# ---- periods
def test_periods_resolve_against_the_document_period():
    labs = [(p[2], p[3]) for p in find_periods('in the third quarter of 2023, the 9-month period, year-to-date, Q1 and '
                                               'the year ended December 31, 2022', 'Q3 2024')]
    assert labs == [('Q3 2023', ''), ('9M 2024', ''), ('Q1 2024', ''), ('FY 2022', '')]


@pytest.mark.parametrize('text,doc,label', [('as of December 31, 2024', 'Q4 2024', 'Q4 2024'), ('as of December 31, 2024', 'Q2 2024', 'FY 2024'),
                                            ('compared with the third quarter', 'Q1 2025', 'Q3 2024'), ('in the third quarter', 'Q1 2025', 'Q3 2025'),
                                            ('at the start of 2019', 'Q3 2020', 'Q1 2019'), ('versus 2023', 'Q4 2024', 'FY 2023')])
def test_period_traps(text, doc, label):
    assert [p[2] for p in find_periods(text, doc)] == [label]


def test_lowercase_month_words_are_not_months():
    assert find_periods('revenue may march higher', 'Q2 2024') == []


# ---- sentences: levels, changes, prior periods
def test_growth_change_level_and_prior_period_rows():
    s = 'Revenue for the third quarter grew 18% or $1.1 million to $7.2 million compared to $6.1 million for the third quarter of 2023.'
    assert facts(s) == [('revenue_growth', 18.0, '%', 'Q3 2024', 'YoY', 'actual'),
                        ('revenue_growth', 1.1e6, 'USD', 'Q3 2024', 'YoY', 'actual'),
                        ('revenue', 7.2e6, 'USD', 'Q3 2024', '', 'actual'),
                        ('revenue', 6.1e6, 'USD', 'Q3 2023', '', 'actual')]


def test_same_period_prior_year_follows_the_year_to_date_period():
    s = 'Year-to-date operating expenses were $30.4 million for the 9-month period compared to $28.0 million for the same period of the prior year.'
    assert facts(s) == [('operating_expenses', 30.4e6, 'USD', '9M 2024', 'YTD', 'actual'),
                        ('operating_expenses', 28.0e6, 'USD', '9M 2023', 'YTD', 'actual')]


def test_sequential_change_is_qoq_and_decrease_is_negative():
    assert facts('Subscribers declined 3% sequentially.') == [('subscribers_growth', -3.0, '%', 'Q3 2024', 'QoQ', 'actual')]


# ---- negatives from words
def test_negatives_from_words():
    s = ('We recorded a net loss of $1.3 million, or $0.06 loss per basic and diluted share, and an EBITDA loss of $250,000, '
         'versus net income of $400,000 in the third quarter of 2023.')
    got = [(m, v, p) for m, v, _, p, _, _ in facts(s)]
    assert got == [('net_income', -1.3e6, 'Q3 2024'), ('eps', -0.06, 'Q3 2024'), ('ebitda', -250000.0, 'Q3 2024'),
                   ('net_income', 400000.0, 'Q3 2023')]


def test_cash_used_and_negative_cash_flows_are_negative():
    assert facts('Cash used for operating activities was $2.2 million.')[0][:2] == ('operating_cash_flow', -2.2e6)
    assert facts('We had negative cash flows of $310,000 in the second quarter.')[0][1:4] == (-310000.0, 'USD', 'Q2 2024')
    assert facts('Positive cash flows from operating activities of $505,000.')[0][1] == 505000.0


def test_eps_after_a_net_loss_is_negative_even_without_the_word_loss():
    assert facts('Net loss was $4.0 million, or $0.12 per share.')[1][:2] == ('eps', -0.12)


# ---- phrasings of other companies' calls (one row each: metric, value, unit, period, basis, kind)
@pytest.mark.parametrize('sentence,want', [
    ('Revenue for the quarter was $61.8 million, up 9% year-over-year.',
     [('revenue', 61.8e6, 'USD', 'Q3 2024', '', 'actual'), ('revenue_growth', 9.0, '%', 'Q3 2024', 'YoY', 'actual')]),
    ('GAAP net loss of $(0.11) per share.', [('eps', -0.11, 'USD/share', 'Q3 2024', '', 'actual')]),
    ('Adjusted EBITDA was negative $0.7 million.', [('adjusted_ebitda', -0.7e6, 'USD', 'Q3 2024', '', 'actual')]),
    ('We ended the quarter with $31.9 million in cash and equivalents.', [('cash', 31.9e6, 'USD', 'Q3 2024', '', 'actual')]),
    ('We expect revenue in the range of $64 million to $66 million for Q4.', [('revenue', 65e6, 'USD', 'Q4 2024', '', 'guidance')]),
    ('Gross margin expanded 90 basis points to 58.4%.',
     [('gross_margin_growth', 0.9, 'pp', 'Q3 2024', '', 'actual'), ('gross_margin', 58.4, '%', 'Q3 2024', '', 'actual')]),
    ('ARR grew 22%.', [('arr_growth', 22.0, '%', 'Q3 2024', '', 'actual')]),
    ('We closed the quarter with a headcount of 412.', [('employees', 412.0, 'count', 'Q3 2024', '', 'actual')]),
    ('Adjusted EBITDA was $8.1 million, representing a margin of 13.2%.',
     [('adjusted_ebitda', 8.1e6, 'USD', 'Q3 2024', '', 'actual'), ('adjusted_ebitda_margin', 13.2, '%', 'Q3 2024', '', 'actual')]),
    ('Operating income was $4.4 million, or 7.1% of revenue.',
     [('operating_income', 4.4e6, 'USD', 'Q3 2024', '', 'actual'), ('operating_margin', 7.1, '%', 'Q3 2024', '', 'actual')]),
    ('On a non-GAAP basis, EPS was $0.27.', [('non_gaap_eps', 0.27, 'USD/share', 'Q3 2024', '', 'actual')]),
    ('Free cash flow was $2.6 million and capital expenditures were $1.1 million.',
     [('free_cash_flow', 2.6e6, 'USD', 'Q3 2024', '', 'actual'), ('capex', 1.1e6, 'USD', 'Q3 2024', '', 'actual')]),
    ('Average revenue per user was $51.20, up from $49.80 a year ago.',
     [('arpu', 51.2, 'USD', 'Q3 2024', '', 'actual'), ('arpu', 49.8, 'USD', 'Q3 2023', '', 'actual')]),
    ('Sales rose 14% compared to a year ago.', [('revenue_growth', 14.0, '%', 'Q3 2024', 'YoY', 'actual')]),
    ('We had 73 enterprise customers, versus 61 in the second quarter.',
     [('customers', 73.0, 'count', 'Q3 2024', '', 'actual'), ('customers', 61.0, 'count', 'Q2 2024', '', 'actual')]),
    ('Our book-to-bill ratio was 1.1.', [('book_to_bill', 1.1, 'ratio', 'Q3 2024', '', 'actual')]),
    ('Deferred revenue was $12.0 million.', [('deferred_revenue', 12e6, 'USD', 'Q3 2024', '', 'actual')]),
])
def test_other_companies_phrasings(sentence, want):
    assert facts(sentence) == want


def test_revenue_share_and_cost_share_of_revenue():
    assert facts('Subscription revenue represented 81% of total revenue.') == [('revenue_share', 81.0, '%', 'Q3 2024', '', 'actual')]
    assert facts('Sales and marketing was $3.0 million; R&D expenses were $2.2 million, or 15% of revenue.')[-1][:3] == \
        ('rd_expense', 15.0, '% of revenue')


def test_large_amount_after_per_share_keyword_is_not_eps():
    assert facts('Diluted EPS was $0.09, compared with a loss of $1.3 million a year ago.') == \
        [('eps', 0.09, 'USD/share', 'Q3 2024', '', 'actual')]


# ---- guidance, targets, qualifiers, segments
def test_guidance_and_target_kinds():
    rows = sentence_metrics('We expect gross margin to hover around 61% to 63%, and our goal is to return to the 65% range.', 'Q3 2024')
    assert [(r['metric'], r['value'], r['kind'], r['period']) for r in rows] == [('gross_margin', 62.0, 'guidance', ''),
                                                                                 ('gross_margin', 65.0, 'target', '')]


def test_qualifiers():
    rows = sentence_metrics('We now serve more than 500 licensees and approximately 2.4 million end users.', 'Q3 2024')
    assert [(r['metric'], r['value'], r['qualifier']) for r in rows] == [('licensees', 500.0, '>'), ('end_users', 2.4e6, '~')]


def test_respectively_assigns_segments_in_order():
    rows = sentence_metrics('Software margins and product margins were 71% and 29%, respectively.', 'Q3 2024')
    assert [(r['segment'], r['value']) for r in rows] == [('software', 71.0), ('product', 29.0)]


def test_segment_revenue_and_new_counts():
    assert [(r['metric'], r['segment'], r['value']) for r in sentence_metrics('Product revenue increased to $900,000.', 'Q3 2024')] \
        == [('revenue', 'product', 900000.0)]
    assert facts('We signed 12 new customers in the quarter.')[0][:3] == ('customers_growth', 12.0, 'count')


def test_same_number_in_one_sentence_is_counted_once():
    assert len(sentence_metrics('Revenue was $5.0 million -- $5.0 million for the quarter.', 'Q3 2024')) == 1


def test_no_keyword_no_row():
    assert sentence_metrics('We won the award for the third time and closed $3 million of financing.', 'Q3 2024') == []


def test_generic_revenue_line_and_count_segments():
    rows = sentence_metrics('Hardware revenue was $4.1 million and we added 9 government customers.', 'Q3 2024')
    assert [(r['metric'], r['segment']) for r in rows] == [('revenue', 'hardware'), ('customers_growth', 'government')]


# ---- tables, conflicts, evaluation
def turns(*texts, role='management'):
    return pd.DataFrame({'speaker': [f'S{i}' for i in range(len(texts))], 'role': role, 'text': list(texts)})


def test_extract_metrics_columns_and_provenance():
    t = extract_metrics(turns('Total revenue was $10.5 million for the quarter.', 'Cash was $3.0 million.'), 'ACME', period='Q3 2024')
    assert list(t.columns) == COLUMNS
    assert t[['metric', 'value', 'speaker']].values.tolist() == [['revenue', 10.5e6, 'S0'], ['cash', 3e6, 'S1']]
    assert t.sentence.tolist() == ['Total revenue was $10.5 million for the quarter.', 'Cash was $3.0 million.']
    assert (t.company == 'ACME').all()


def test_conflicting_statements_are_flagged_not_picked():
    t = extract_metrics(turns('Revenue increased $2.1 million to $9.0 million compared to $6.9 million for the third quarter of 2023.',
                              'Revenue grew by $2.0 million to $9.0 million compared to $6.9 million for the third quarter of 2023.',
                              'Gross margin was 48% for the quarter.', 'Gross margin was about 50% for the quarter.'),
                        'ACME', period='Q3 2024')
    c = conflicts(t)
    assert c[['metric', 'unit']].values.tolist() == [['revenue_growth', 'USD']]
    assert c['values'][0] == [2.0e6, 2.1e6]
    f = flag_conflicts(t)
    assert f.conflict.tolist() == [True, False, False, True, False, False, False, False]


def test_rounding_and_different_facts_are_not_conflicts():
    t = extract_metrics(turns('Net loss was $612,000 for the quarter.', 'Our net loss for the quarter was $0.6 million.',
                              'Total revenue was $20.4 million and subscription revenue was $16.0 million.',
                              'We expect revenue of $21 million to $22 million next quarter.'), 'ACME', period='Q3 2024')
    assert conflicts(t).empty
    t = extract_metrics(turns('Net loss was $612,000 for the quarter.', 'Our net loss for the quarter was $0.7 million.'), 'ACME', period='Q3 2024')
    assert conflicts(t)['values'].tolist() == [[-700000.0, -612000.0]]


def test_analyst_numbers_do_not_create_conflicts():
    t = pd.concat([extract_metrics(turns('Cash was $3.0 million.'), 'ACME', period='Q3 2024'),
                   extract_metrics(turns('Was cash $30 million?', role='analyst'), 'ACME', period='Q3 2024')])
    assert len(t) == 2 and conflicts(t).empty


def test_evaluate_counts():
    t = extract_metrics(turns('Total revenue was $10.5 million for the quarter.', 'Cash was $3.0 million.'), 'ACME', period='Q3 2024')
    gold = pd.DataFrame({'company': ['ACME', 'ACME'], 'metric': ['revenue', 'backlog'], 'value': [10.52e6, 1e6], 'period': ['Q3 2024'] * 2})
    e = evaluate(t, gold)
    assert (e['n_rows'], e['n_rows_ok'], e['n_facts'], e['n_facts_ok']) == (2, 1, 2, 1)
    assert e['missed'].metric.tolist() == ['backlog'] and e['false_positives'].metric.tolist() == ['cash']


def test_context_across_sentences_and_turns():
    t = extract_metrics(pd.DataFrame({'role': ['management', 'analyst', 'management'], 'speaker': ['CEO', 'An', 'CFO'], 'text': [
        'Our revenue backlog reached $84 million. Backlog is the contract value we expect to recognize over the next 48 months.',
        'How is the services business growing? Is it double-digit?',
        'We expect high single digits this year. When we say we went from $70 million to $84 million, about $50 million of '
        'that is services. The remaining $34 million is cloud.']}), 'ACME', period='Q3 2024')
    m = t[t.role == 'management']
    got = list(zip(m.metric, m.value, m.period, m.kind, m.segment))
    assert got == [('backlog', 84e6, 'Q3 2024', 'actual', ''), ('revenue_growth', 8.0, 'FY 2024', 'guidance', 'service'),
                   ('backlog', 70e6, 'Q3 2023', 'actual', ''), ('backlog', 84e6, 'Q3 2024', 'actual', ''),
                   ('backlog', 50e6, 'Q3 2024', 'actual', 'service'), ('backlog', 34e6, 'Q3 2024', 'actual', 'cloud')]
    assert (m[m.metric == 'backlog'].horizon_months == 48).all() and m[m.metric != 'backlog'].horizon_months.isna().all()


@pytest.mark.parametrize('name', ['calls', 'heldout', 'fresh'])
def test_whole_calls_of_other_companies(name):
    "Fact lists written by reading five synthetic calls (see the notebook for first-try scores)."
    calls = {'NWCL': 'Q2 2024', 'BPNK': 'Q4 2023', 'HLDV': 'Q3 2024', 'KSTL': 'Q1 2025', 'ORPY': 'Q2 2025'}
    gold = load_gold(FIXTURES / f'metrics_{name}_gold.csv')
    m = pd.concat([extract_metrics(parse_transcript((FIXTURES / f'metrics_call_{t.lower()}.txt').read_text()), t, doc_id=t, period=calls[t])
                   for t in gold.company.unique()], ignore_index=True)
    e = evaluate(m, gold)
    assert e['precision'] >= 0.95 and e['recall'] >= 0.95, (e['missed'], e['false_positives'])
    assert conflicts(m).empty


def test_backlog_horizon_from_text():
    assert backlog_horizon('Our backlog represents contracted revenue over the next 48 months.')[0] == 48
    assert backlog_horizon('Backlog is a rolling three-year view of signed contracts.')[0] == 36


# ---- bad input
@pytest.mark.parametrize('bad,msg', [(pd.DataFrame({'text': []}), 'empty'), (pd.DataFrame({'body': ['x']}), 'no `text` column'),
                                     ('Revenue was $1 million.', 'expected a pandas DataFrame'),
                                     (pd.DataFrame({'text': ['ok', None]}), 'must hold strings')])
def test_bad_turns(bad, msg):
    with pytest.raises(InputError, match=msg): extract_metrics(bad, 'ACME')


def test_bad_company_is_a_package_error():
    with pytest.raises(TeumCxdoError, match='ticker'): extract_metrics(turns('Cash was $1 million.'), 42)

def test_unicode_case_folding_does_not_crash():
    "`re.I` matches 'ſix' (long s) as the number word 'six': the value must be read, not raise."
    from teum_cxdo.metrics import find_values
    assert [v['value'] for v in find_values('We added ſix customers.')] == [6.0]
