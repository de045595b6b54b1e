"Every public function that returns a table crossing a module boundary returns exactly the columns `schema.TABLES` declares."
from pathlib import Path
import pandas as pd
import pytest
from teum_cxdo.schema import TABLES, ROLES, SECTIONS, check_columns, columns
from teum_cxdo.corpus import documents, load_text
from teum_cxdo.transcripts import split_transcript, parse_transcript
from teum_cxdo.sentiment import score_columns, tone_columns, score_turns, turn_tone
from teum_cxdo.metrics import extract_metrics
from teum_cxdo.topics import passages, passages_of
from teum_cxdo.text import flagged_sentences
from teum_cxdo.business import filing_sentences, summary_sentences
from teum_cxdo.pipeline import analyze_text, analyze_calls, call_columns

FIX = Path(__file__).parent / 'fixtures'
CALLS = ['labeled_call.txt', 'bullet_call.txt', 'unlabeled_call.txt', 'inline_call.txt']

@pytest.fixture(scope='module')
def tables():
    return analyze_calls([call_columns((FIX / f).read_text(encoding='utf-8'), doc_id=f[:-4]) for f in CALLS])

def test_vocabularies():
    assert ROLES == ('management', 'analyst', 'operator', 'filing') and SECTIONS == ('presentation', 'qa')
    for t, cols in TABLES.items():
        assert len({c.name for c in cols}) == len(cols), t                    # no column twice
        assert all(c.dtype in ('str', 'int', 'float', 'bool', 'object') for c in cols), t
        assert all(c.meaning for c in cols), t

def test_documents(): check_columns(documents(), 'documents')

@pytest.mark.parametrize('name', CALLS)
def test_parsed_turns_and_dropped(name):
    turns, dropped = split_transcript((FIX / name).read_text(encoding='utf-8'))
    check_columns(turns, 'parsed_turns'); check_columns(dropped, 'dropped')
    assert set(turns.role) <= set(ROLES) and set(turns.section) <= set(SECTIONS)

def test_pipeline_tables(tables):
    check_columns(tables['turns'], 'turns')
    check_columns(tables['sentences'], 'sentences', extra=score_columns())
    check_columns(tables['turn_tone'], 'turn_tone', extra=tone_columns())
    check_columns(tables['metrics'], 'metrics')
    assert set(tables['turns'].role) <= set(ROLES)

def test_one_scorer_reaches_every_table(tables):
    one = analyze_text((FIX / CALLS[0]).read_text(encoding='utf-8'), scorers=['lm_tone'])
    check_columns(one['sentences'], 'sentences', extra=score_columns('lm_tone'))
    check_columns(one['turn_tone'], 'turn_tone', extra=['lm_tone'])

def test_step_functions(tables):
    t = parse_transcript((FIX / CALLS[0]).read_text(encoding='utf-8'))
    s = score_turns(t.assign(doc_id='d', company='X')[['doc_id', 'company'] + [c for c in t if c != 'lines']])
    check_columns(turn_tone(s), 'turn_tone', extra=tone_columns())
    check_columns(extract_metrics(t, 'X', 'd', 'Q2 2024'), 'metrics')
    check_columns(passages(t, 'X', 'd'), 'passages')
    check_columns(passages_of(tables['sentences']), 'passages')

def test_filing_tables():
    text = load_text('teum_2017_10k')
    check_columns(filing_sentences(text), 'filing_sentences')
    check_columns(summary_sentences(text), 'summary')

def test_check_columns_says_what_is_wrong(tables):
    with pytest.raises(ValueError, match="missing \\['courtesy'\\]"): check_columns(tables['turns'].drop(columns='courtesy'), 'turns')
