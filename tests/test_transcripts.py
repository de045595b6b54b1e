"""The parametrised fixture tables of the transcript parser: for every fixture call, the expected speaker, role and
section of each turn, paragraphs per turn and dropped-line counts. The parser's own tests live in its notebooks
(`nbs/04_speakers.ipynb`, `nbs/05_unlabeled.ipynb`, `nbs/06_transcripts.ipynb`)."""
from pathlib import Path
import pytest
from teum_cxdo.corpus import load_text
from teum_cxdo.transcripts import parse_transcript, split_transcript

FIX = Path(__file__).resolve().parent / 'fixtures'
# Expected `speaker/role/section` of every turn (roles and sections by their first letter), written by reading each call
# before running the parser.
# Round 1, written alongside the first rules.
ROUND_1 = {
    'unlabeled_call.txt': ('participants-unlabeled', ['Operator/o/p', 'Tom Reed/m/p', 'Jane Harper/m/p', 'Sam Patel/m/p',
        'Operator/o/q', 'Mark Ellis/a/q', 'Jane Harper/m/q', 'Sam Patel/m/q', 'Mark Ellis/a/q', 'Jane Harper/m/q',
        'Mark Ellis/a/q', 'Jane Harper/m/q', 'Mark Ellis/a/q', 'Operator/o/q', 'Priya/a/q', 'Jane Harper/m/q', 'Priya/a/q',
        'Sam Patel/m/q', 'Priya/a/q', 'Operator/o/q', 'Jane Harper/m/q', 'Operator/o/q']),
    'unlabeled_no_qa.txt': ('participants-unlabeled', ['Operator/o/p', 'Alan Brooks/m/p', 'Operator/o/p']),
    'unlabeled_call_2.txt': ('participants-unlabeled', ['Operator/o/p', 'Karen Wu/m/p', 'David L. Stone/m/p',
        'Peter Alvarez/m/p', 'Operator/o/q', 'Samantha Greene/a/q', 'David L. Stone/m/q', 'Samantha Greene/a/q',
        'Peter Alvarez/m/q', 'Samantha Greene/a/q', 'Operator/o/q', 'Tom Brandt/a/q', 'David L. Stone/m/q', 'Tom Brandt/a/q',
        'Operator/o/q', 'David L. Stone/m/q', 'Operator/o/q']),
    'bullet_call.txt': ('bullet', ['Operator/o/p', 'Alan Brooks/m/p', 'Maria Lopez/m/p', 'Operator/o/q',
        'Dana K. Whitfield/a/q', 'Maria Lopez/m/q', 'Operator/o/q', 'Unidentified Participant/a/q', 'Alan Brooks/m/q',
        'Operator/o/q', 'Dana Whitfield/a/q', 'Alan Brooks/m/q', 'Operator/o/q']),
    'bullet_no_translation.txt': ('bullet', ['Operator/o/p', 'Rosa Grant/m/p', 'Operator/o/q', 'Victor Hale/a/q',
        'Rosa Grant/m/q', 'Operator/o/q']),
    'labeled_call.txt': ('labeled', ['Operator/o/p', 'Ian Cole/m/p', 'Olivia Park/m/p', 'Operator/o/q', 'Raj Mehta/a/q',
        'Olivia Park/m/q', 'Unidentified Analyst/a/q', 'Olivia Park/m/q', 'Operator/o/q']),
    'labeled_roster_call.txt': ('labeled', ['Operator/o/p', 'John Doe/m/p', 'Jane Roe/m/p', 'Operator/o/q', 'Bob Smith/a/q',
        'John Doe/m/q', 'Bob Smith/a/q', 'Operator/o/q', 'Alice Chen/a/q', 'Jane Roe/m/q', 'Operator/o/q']),
    'inline_call.txt': ('labeled', ['Operator/o/p', 'Nina Rossi/m/p', 'Operator/o/q', 'Omar Haddad/a/q', 'Nina Rossi/m/q',
        'Omar Haddad/a/q', 'Operator/o/q']),
}
# Round 2 (other operator scripts, multi-executive Q&A, follow-ups, IR hosts, Motley Fool / Seeking Alpha labels,
# Coordinator/Moderator, hard-wrapped paragraphs, no Q&A): 4 of 11 right at first, all 11 after general fixes.
ROUND_2 = {
    'unlabeled_multi_exec.txt': ('participants-unlabeled', ['Operator/o/p', 'Daniel Ortega/m/p', 'Linda Marsh/m/p',
        'Gregory Tan/m/p', 'Operator/o/q', 'Vivek Rao/a/q', 'Linda Marsh/m/q', 'Gregory Tan/m/q', 'Vivek Rao/a/q',
        'Gregory Tan/m/q', 'Vivek Rao/a/q', 'Operator/o/q', 'Claire Dubois/a/q', 'Linda Marsh/m/q',
        'Gregory Tan/m/q', 'Claire Dubois/a/q', 'Operator/o/q', 'Linda Marsh/m/q', 'Operator/o/q']),
    'unlabeled_cfo_intro.txt': ('participants-unlabeled', ['Operator/o/p', 'Megan Price/m/p', 'Sarah Klein/m/p',
        'Tom Whitaker/m/p', 'Operator/o/q', 'James Fairbanks/a/q', 'Sarah Klein/m/q', 'James Fairbanks/a/q',
        'Tom Whitaker/m/q', 'James Fairbanks/a/q', 'Operator/o/q', 'Rachel Ng/a/q', 'Sarah Klein/m/q',
        'Rachel Ng/a/q', 'Operator/o/q', 'James Fairbanks/a/q', 'Tom Whitaker/m/q', 'Operator/o/q',
        'Sarah Klein/m/q', 'Operator/o/q']),
    'unlabeled_no_qa_2.txt': ('participants-unlabeled', ['Operator/o/p', 'Helen Okafor/m/p', 'Marcus Lee/m/p',
        'Helen Okafor/m/p', 'Operator/o/p']),
    'unlabeled_wrapped.txt': ('participants-unlabeled', ['Operator/o/p', 'Ben Carter/m/p', 'Nora Quinn/m/p',
        'Operator/o/q', 'Felix Moreau/a/q', 'Ben Carter/m/q', 'Felix Moreau/a/q', 'Nora Quinn/m/q',
        'Felix Moreau/a/q', 'Operator/o/q', 'Grace Liu/a/q', 'Ben Carter/m/q', 'Nora Quinn/m/q', 'Grace Liu/a/q',
        'Operator/o/q', 'Ben Carter/m/q', 'Operator/o/q']),
    'labeled_fool.txt': ('labeled', ['Operator/o/p', 'Lauren Meyer/m/p', 'Ethan Brooks/m/p', 'Priya Nair/m/p',
        'Operator/o/q', 'Derek Olsen/a/q', 'Ethan Brooks/m/q', 'Priya Nair/m/q', 'Derek Olsen/a/q', 'Priya Nair/m/q',
        'Operator/o/q', 'Hannah Cole/a/q', 'Ethan Brooks/m/q', 'Operator/o/q', 'Ethan Brooks/m/q', 'Operator/o/q']),
    'labeled_sa_executives.txt': ('labeled', ['Operator/o/p', 'Allison Grant/m/p', 'Robert Chen/m/p',
        'Daniel Fox/m/p', 'Operator/o/q', 'Steven Kline/a/q', 'Robert Chen/m/q', 'Maya Patel/m/q', 'Operator/o/q',
        'Olga Petrova/a/q', 'Robert Chen/m/q', 'Unidentified Analyst/a/q', 'Daniel Fox/m/q', 'Operator/o/q',
        'Luis Ramirez/a/q', 'Maya Patel/m/q', 'Luis Ramirez/a/q', 'Operator/o/q', 'Robert Chen/m/q', 'Operator/o/q']),
    'inline_coordinator.txt': ('labeled', ['Operator/o/p', 'Raymond Cho/m/p', 'Elena Vasquez/m/p',
        'Paul Adeyemi/m/p', 'Operator/o/q', 'Tobias Wendt/a/q', 'Elena Vasquez/m/q', 'Paul Adeyemi/m/q',
        'Operator/o/q', 'Amara Osei/a/q', 'Elena Vasquez/m/q', 'Amara Osei/a/q', 'Operator/o/q', 'Elena Vasquez/m/q',
        'Operator/o/q']),
    'labeled_no_operator.txt': ('labeled', ['Karl Jensen/m/p', 'Diane Foster/m/p', 'Karl Jensen/m/p']),
    'labeled_wrapped.txt': ('labeled', ['Operator/o/p', 'Sophie Laurent/m/p', 'Mark Feldman/m/p', 'Operator/o/q',
        'Irene Zhou/a/q', 'Sophie Laurent/m/q', 'Irene Zhou/a/q', 'Mark Feldman/m/q', 'Operator/o/q',
        'Sophie Laurent/m/q', 'Operator/o/q']),
    'bullet_spanish.txt': ('bullet', ['Operator/o/p', 'Hugo Marin/m/p', 'Isabel Torres/m/p', 'Andrés Molina/m/p',
        'Operator/o/q', 'Kenji Watanabe/a/q', 'Isabel Torres/m/q', 'Kenji Watanabe/a/q', 'Andrés Molina/m/q',
        'Operator/o/q', 'Peter Wolfe/a/q', 'Andrés Molina/m/q', 'Operator/o/q', 'Isabel Torres/m/q', 'Operator/o/q']),
    'bullet_doubled_no_translation.txt': ('bullet', ['Operator/o/p', 'Grant Hollis/m/p', 'Operator/o/q',
        'Ana Ruiz/a/q', 'Grant Hollis/m/q', 'Ana Ruiz/a/q', 'Operator/o/q']),
}
# Round 3, written after those fixes as a held-out check: 2 of 6 right at first, all 6 after general fixes.
ROUND_3 = {
    'unlabeled_bank.txt': ('participants-unlabeled', ['Operator/o/p', 'Chris Delgado/m/p', 'Walter Hughes/m/p',
        'Operator/o/q', 'Jared Shaw/a/q', 'Walter Hughes/m/q', 'Jared Shaw/a/q', 'Chris Delgado/m/q',
        'Jared Shaw/a/q', 'Operator/o/q', 'Catherine Mealor/a/q', 'Walter Hughes/m/q', 'Catherine Mealor/a/q',
        'Operator/o/q', 'Walter Hughes/m/q', 'Operator/o/q']),
    'unlabeled_smallcap.txt': ('participants-unlabeled', ['Operator/o/p', 'Brian Siegel/m/p', 'Raj Patel/m/p',
        'Michael Burns/m/p', 'Raj Patel/m/p', 'Operator/o/q', 'Jack Vander Aarde/a/q', 'Raj Patel/m/q',
        'Jack Vander Aarde/a/q', 'Michael Burns/m/q', 'Jack Vander Aarde/a/q', 'Operator/o/q', 'Eric/a/q',
        'Raj Patel/m/q', 'Eric/a/q', 'Raj Patel/m/q', 'Michael Burns/m/q', 'Eric/a/q', 'Operator/o/q',
        'Raj Patel/m/q', 'Operator/o/q']),
    'unlabeled_wrapped_noblank.txt': ('participants-unlabeled', ['Operator/o/p', 'Olivia Grant/m/p',
        'Daniel Reyes/m/p', 'Operator/o/q', 'Sam Poser/a/q', 'Olivia Grant/m/q', 'Sam Poser/a/q', 'Daniel Reyes/m/q',
        'Sam Poser/a/q', 'Operator/o/q', 'Olivia Grant/m/q', 'Operator/o/q']),
    'labeled_noblank.txt': ('labeled', ['Operator/o/p', 'Karin Lund/m/p', 'Erik Solberg/m/p', 'Ingrid Moe/m/p',
        'Operator/o/q', 'Martin Hale/a/q', 'Erik Solberg/m/q', 'Ingrid Moe/m/q', 'Martin Hale/a/q', 'Operator/o/q',
        'Sofia Reyes/a/q', 'Erik Solberg/m/q', 'Operator/o/q']),
    'bullet_japanese.txt': ('bullet', ['Operator/o/p', 'Aiko Tanaka/m/p', 'Kenji Mori/m/p', 'Laura Chen/m/p',
        'Operator/o/q', 'Daniel Kim/a/q', 'Tom Lee/m/q', 'Kenji Mori/m/q', 'Daniel Kim/a/q', 'Laura Chen/m/q',
        'Operator/o/q', 'Ravi Menon/a/q', 'Unidentified Company Representative/m/q', 'Operator/o/q',
        'Kenji Mori/m/q', 'Operator/o/q']),
    'inline_caps.txt': ('labeled', ['Operator/o/p', 'JACOB STERN/m/p', 'HANNAH RUIZ/m/p', 'OMAR SAID/m/p',
        'Operator/o/q', 'LENA FISCHER/a/q', 'HANNAH RUIZ/m/q', 'LENA FISCHER/a/q', 'OMAR SAID/m/q', 'Operator/o/q',
        'VICTOR CHAN/a/q', 'HANNAH RUIZ/m/q', 'Operator/o/q']),
}
EXPECTED = {**ROUND_1, **ROUND_2, **ROUND_3}
PARAGRAPHS = {    # paragraphs per turn where paragraphs are hard-wrapped or not separated by blank lines
    'unlabeled_wrapped.txt': [1, 2, 2] + [1] * 14, 'labeled_wrapped.txt': [1, 2] + [1] * 9, 'labeled_no_operator.txt': [1, 3, 1],
    'labeled_fool.txt': [1, 1, 2] + [1] * 13, 'unlabeled_wrapped_noblank.txt': [1, 2] + [1] * 10,
    'labeled_noblank.txt': [1, 1, 2] + [1] * 10}
DROPPED = {    # reasons of the dropped lines, counted by reading the file
    'bullet_call.txt': {'speaker_label': 26, 'translation': 14, 'header': 3},
    'labeled_call.txt': {'speaker_label': 9, 'section_heading': 2, 'header': 1},
    'labeled_roster_call.txt': {'speaker_label': 11, 'roster': 4, 'section_heading': 2, 'header': 1}}

def fixture(name): return (FIX / name).read_text(encoding='utf-8')

def test_every_transcript_fixture_has_a_table_row():
    calls = {p.name for p in FIX.glob('*.txt') if p.name.startswith(('unlabeled', 'labeled', 'bullet', 'inline'))}
    assert calls == set(EXPECTED) and set(PARAGRAPHS) | set(DROPPED) <= calls

@pytest.mark.parametrize('name', list(EXPECTED))
def test_fixture_call(name):
    "Layout, then speaker, role and section of every turn; paragraphs per turn and dropped lines where the tables give them."
    layout, expected = EXPECTED[name]
    turns, dropped = split_transcript(fixture(name))
    assert turns.attrs['layout'] == layout
    assert [f'{s}/{r[0]}/{c[0]}' for s, r, c in zip(turns.speaker, turns.role, turns.section)] == expected
    if name in PARAGRAPHS: assert [t.count('\n') + 1 for t in turns.text] == PARAGRAPHS[name]
    if name in DROPPED: assert dropped.reason.value_counts().to_dict() == DROPPED[name]

def inputs():
    "Every transcript the tables know, and the two bundled calls."
    return [(n, fixture(n)) for n in EXPECTED] + [('TEUM', load_text('teum_2017q2_call')), ('CXDO', load_text('cxdo_2023q2_call'))]

@pytest.mark.parametrize('name,text', inputs(), ids=lambda x: x if len(x) < 40 else '')
def test_every_nonblank_line_kept_once_in_order(name, text):
    "Independent of `conservation_errors`: every word of every non-blank line is in one turn or one dropped row, in order."
    turns, dropped = split_transcript(text)
    norm = lambda s: ' '.join(s.strip().lstrip('•●▪').split())
    want = {i: norm(l) for i, l in enumerate(text.split('\n')) if l.strip()}
    speech = [i for ls in turns.lines for i in ls]
    assert speech == sorted(speech) and len(speech) == len(set(speech))   # each speech line in one turn, in call order
    assert set(speech) | set(dropped.line) == set(want) and set(speech) <= set(want)   # nothing missing, nothing invented
    label = {i: norm(s) for i, s in zip(dropped.line, dropped.text)}
    assert len(label) == len(dropped)                                      # a line is dropped at most once
    for i in set(speech) & set(label): assert want[i].startswith(label[i] + ' ')   # only an inline label shares a line
    for ls, tx in zip(turns.lines, turns.text):                            # a turn's text is exactly its lines' text
        assert ' '.join(norm(tx).split()) == ' '.join(want[i][len(label.get(i, '')):].strip() for i in ls)
