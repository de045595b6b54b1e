"Transcripts to speaker turns: layouts, roles, sections, conservation of lines, bad input."
import re
from pathlib import Path
import pandas as pd
import pytest
from teum_cxdo.core import TeumCxdoError, InputError, LayoutError, CorpusError, count_words
from teum_cxdo.corpus import DATA, load_text
from teum_cxdo.transcripts import LAYOUTS, parse_transcript, split_transcript, load_call, conservation_errors

FIX = Path(__file__).resolve().parent / 'fixtures'
FIXTURES = {'unlabeled_call.txt': 'participants-unlabeled', 'unlabeled_no_qa.txt': 'participants-unlabeled',
            'unlabeled_call_2.txt': 'participants-unlabeled', 'labeled_roster_call.txt': 'labeled',
            'bullet_call.txt': 'bullet', 'bullet_no_translation.txt': 'bullet',
            'labeled_call.txt': 'labeled', 'inline_call.txt': 'labeled'}
COLUMNS = ['turn', 'speaker', 'title', 'role', 'section', 'text', 'n_words', 'lines']

def fixture(name): return (FIX / name).read_text(encoding='utf-8')

def inputs():
    "Every transcript the tests know: the fixtures and the two bundled calls."
    return [(n, fixture(n)) for n in FIXTURES] + [('TEUM', load_text('teum_2017q2_call')), ('CXDO', load_text('cxdo_2023q2_call'))]

def pieces(text, turns, dropped):
    "Independent of the library: the text found for each input line, in the order turns and dropped give it."
    got = {}
    for i, s in zip(dropped.line, dropped.text): got.setdefault(i, []).append(s)
    for ls, tx in zip(turns.lines, turns.text):
        for i, s in zip(ls, tx.split('\n')): got.setdefault(i, []).append(s)
    return got

@pytest.mark.parametrize('name,text', inputs(), ids=lambda x: x if len(x) < 40 else '')
def test_every_nonblank_line_kept_once_in_order(name, text):
    turns, dropped = split_transcript(text)
    norm = lambda s: ' '.join(s.strip().lstrip('•').split())
    want = {i: norm(l) for i, l in enumerate(text.split('\n')) if l.strip()}
    got = pieces(text, turns, dropped)
    assert sorted(got) == sorted(want)                                      # no line missing, none invented
    assert all(norm(' '.join(got[i])) == want[i] for i in want)             # each line's text exactly once
    order = [i for ls in turns.lines for i in ls]
    assert order == sorted(order) and len(order) == len(set(order))        # turns in call order
    assert conservation_errors(text, turns, dropped) == []

def test_conservation_check_catches_a_lost_line():
    text = fixture('bullet_call.txt')
    turns, dropped = split_transcript(text)
    assert len(conservation_errors(text, turns, dropped.iloc[1:])) == 1
    assert conservation_errors(text, turns.iloc[::-1], dropped) == ['turn paragraphs are not in call order']

@pytest.mark.parametrize('name,layout', FIXTURES.items())
def test_layout_detected_and_columns(name, layout):
    turns = parse_transcript(fixture(name))
    assert turns.attrs['layout'] == layout
    assert list(turns.columns) == COLUMNS
    assert list(turns.turn) == list(range(len(turns)))
    assert set(turns.role) <= {'management', 'analyst', 'operator'} and set(turns.section) <= {'presentation', 'qa'}
    assert list(turns.n_words) == [count_words(t) for t in turns.text]
    assert (turns.section == 'qa').is_monotonic_increasing                  # once in Q&A, stays in Q&A

def seq(name):
    d = parse_transcript(fixture(name))
    return [f'{s}/{r[0]}/{c[0]}' for s, r, c in zip(d.speaker, d.role, d.section)]

def test_unlabeled_call_speakers_roles_sections():
    assert seq('unlabeled_call.txt') == [
        'Operator/o/p', 'Tom Reed/m/p', 'Jane Harper/m/p', 'Sam Patel/m/p', 'Operator/o/q', 'Mark Ellis/a/q',
        'Jane Harper/m/q', 'Sam Patel/m/q', 'Mark Ellis/a/q', 'Jane Harper/m/q', 'Mark Ellis/a/q', 'Jane Harper/m/q',
        'Mark Ellis/a/q', 'Operator/o/q', 'Priya/a/q', 'Jane Harper/m/q', 'Priya/a/q', 'Sam Patel/m/q', 'Priya/a/q',
        'Operator/o/q', 'Jane Harper/m/q', 'Operator/o/q']

def test_unlabeled_interrupted_answer_resumes():
    d = parse_transcript(fixture('unlabeled_call.txt'))
    right = d.index[d.text == 'Right.'][0]
    assert d.role[right] == 'analyst' and d.speaker[right - 1] == d.speaker[right + 1] == 'Jane Harper'
    assert d.text[right + 1].startswith('...are scheduled')

def test_no_qa_call_is_all_presentation():
    assert seq('unlabeled_no_qa.txt') == ['Operator/o/p', 'Alan Brooks/m/p', 'Operator/o/p']
    d = parse_transcript('Operator: Welcome to the update call.\nNina Rossi: No questions today.\nOperator: This concludes today\'s call.')
    assert set(d.section) == {'presentation'}

def test_bullet_call_roles_from_structure_not_titles():
    assert seq('bullet_call.txt') == [
        'Operator/o/p', 'Alan Brooks/m/p', 'Maria Lopez/m/p', 'Operator/o/q', 'Dana K. Whitfield/a/q', 'Maria Lopez/m/q',
        'Operator/o/q', 'Unidentified Participant/a/q', 'Alan Brooks/m/q', 'Operator/o/q', 'Dana Whitfield/a/q',
        'Alan Brooks/m/q', 'Operator/o/q']
    turns, dropped = split_transcript(fixture('bullet_call.txt'))
    assert not turns.text.str.contains('Guten Tag|Danke|Dividende').any()        # German translations dropped
    assert dropped.reason.value_counts().to_dict() == {'speaker_label': 26, 'translation': 14, 'header': 3}

def test_bullet_without_translations():
    assert seq('bullet_no_translation.txt') == ['Operator/o/p', 'Rosa Grant/m/p', 'Operator/o/q', 'Victor Hale/a/q',
                                                'Rosa Grant/m/q', 'Operator/o/q']

def test_unseen_wording_nicknames_and_rosters():
    assert seq('unlabeled_call_2.txt') == [
        'Operator/o/p', 'Karen Wu/m/p', 'David L. Stone/m/p', 'Peter Alvarez/m/p', 'Operator/o/q', 'Samantha Greene/a/q',
        'David L. Stone/m/q', 'Samantha Greene/a/q', 'Peter Alvarez/m/q', 'Samantha Greene/a/q', 'Operator/o/q',
        'Tom Brandt/a/q', 'David L. Stone/m/q', 'Tom Brandt/a/q', 'Operator/o/q', 'David L. Stone/m/q', 'Operator/o/q']
    turns, dropped = split_transcript(fixture('labeled_roster_call.txt'))
    assert [f'{s}/{r[0]}/{c[0]}' for s, r, c in zip(turns.speaker, turns.role, turns.section)] == [
        'Operator/o/p', 'John Doe/m/p', 'Jane Roe/m/p', 'Operator/o/q', 'Bob Smith/a/q', 'John Doe/m/q', 'Bob Smith/a/q',
        'Operator/o/q', 'Alice Chen/a/q', 'Jane Roe/m/q', 'Operator/o/q']
    assert dropped.reason.value_counts()['roster'] == 4 and turns.title[1] == 'Chief Executive Officer'

def test_labeled_layouts_and_false_labels():
    assert seq('labeled_call.txt') == ['Operator/o/p', 'Ian Cole/m/p', 'Olivia Park/m/p', 'Operator/o/q', 'Raj Mehta/a/q',
                                       'Olivia Park/m/q', 'Unidentified Analyst/a/q', 'Olivia Park/m/q', 'Operator/o/q']
    assert seq('inline_call.txt') == ['Operator/o/p', 'Nina Rossi/m/p', 'Operator/o/q', 'Omar Haddad/a/q', 'Nina Rossi/m/q',
                                      'Omar Haddad/a/q', 'Operator/o/q']
    d = parse_transcript(fixture('inline_call.txt'))
    assert 'Note: the figures are preliminary.' in d.text[1] and 'Q2: revenue' in d.text[1]   # not speakers

def test_teum_speakers_recovered_and_roles():
    d = load_call('TEUM')
    assert d.attrs['layout'] == 'participants-unlabeled'
    assert {"Ted O'Donnell", 'George', 'Unknown host', 'Robert Harold Turner', 'Vic Bozzo'} <= set(d.speaker)
    assert d[d.speaker.isin(["Ted O'Donnell", 'Unknown host'])].role.eq('management').all()
    assert d[d.speaker == 'George'].role.eq('analyst').all()
    first_qa = d.index[d.section == 'qa'][0]
    assert d.speaker[first_qa] == 'Operator' and '[Operator Instructions]' in d.text[first_qa]

@pytest.mark.parametrize('ticker,file', [('TEUM', 'teum_2017q2_paragraph_roles.csv'), ('cxdo', 'cxdo_2023q2_paragraph_roles.csv')])
def test_agrees_with_hand_labels(ticker, file):
    lab = pd.read_csv(DATA / 'labels' / file, keep_default_na=False)
    d = load_call(ticker)
    role = {i: r for ls, r in zip(d.lines, d.role) for i in ls}
    assert len(lab) > 100 and all(role[i] == r for i, r in zip(lab.line, lab.role))

def test_cxdo_kaufman_is_analyst_host_turn_presentation():
    d = load_call('CXDO')
    assert set(d[d.speaker.isin(['Michael D. Kaufman', 'Unidentified Participant', 'Unidentified Analyst'])].role) == {'analyst'}
    host = d.index[d.text.str.contains("turn the call open to questions")][0]
    assert d.section[host] == 'presentation' and d.section[host + 1] == 'qa' and d.speaker[host + 1] == 'Operator'

@pytest.mark.parametrize('text', ['', '   \n\n\t', ])
def test_empty_text(text):
    with pytest.raises(InputError, match='empty text: expected a call transcript'): parse_transcript(text)

def test_not_str():
    with pytest.raises(InputError, match='expected the transcript as str'): parse_transcript(b'Operator: hi')

@pytest.mark.parametrize('text', [
    '\n'.join(load_text('teum_2017q2_call').split('\n')[:12]),               # only the roster and headings
    load_text('teum_2017_10k'),                                              # a 10-K, not a call
    'Note: revenue rose 5%.\nQ2: margins fell.\nNote: cash was flat.',        # colon lines that are not speakers
    'Revenue grew. Margins fell. We expect more of the same.'])
def test_not_a_transcript(text):
    with pytest.raises(LayoutError, match='expected a call transcript in one of the layouts: participants-unlabeled, bullet, labeled'):
        parse_transcript(text)

def test_fixture_10k_is_not_a_transcript():
    with pytest.raises(TeumCxdoError): parse_transcript(fixture('synthetic_10k.txt'))

def test_layout_override():
    assert parse_transcript(fixture('labeled_call.txt'), layout='labeled').attrs['layout'] == 'labeled'
    with pytest.raises(LayoutError, match="unknown layout 'pdf'"): parse_transcript('x', layout='pdf')
    with pytest.raises(LayoutError, match='tried bullet'): parse_transcript(load_text('teum_2017q2_call'), layout='bullet')
    assert set(LAYOUTS) == {'participants-unlabeled', 'bullet', 'labeled'}

def test_load_call_case_and_unknown():
    assert load_call(' cxdo ').equals(load_call('CXDO'))
    with pytest.raises(CorpusError, match='expected one of CXDO, TEUM'): load_call('AAPL')

def test_return_dropped():
    turns, dropped = parse_transcript(fixture('labeled_call.txt'), return_dropped=True)
    assert list(dropped.columns) == ['line', 'text', 'reason']
    assert set(dropped.reason) == {'header', 'section_heading', 'speaker_label'}

def test_large_input_is_linear():
    "A pathological long line and a repeated call parse without blow-up."
    import time
    cxdo = load_text('cxdo_2023q2_call')
    t0 = time.perf_counter(); parse_transcript(cxdo); t1 = time.perf_counter()
    parse_transcript('\n'.join([cxdo] * 20)); t2 = time.perf_counter()
    assert (t2 - t1) < 60 * max(t1 - t0, 0.01)
    with pytest.raises(LayoutError): parse_transcript('Operator, ' * 200_000 + ':' + ' (00:00' * 50_000)
