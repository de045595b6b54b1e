"""The fixture tables of the transcript parser, and a property test of conservation.

* Calls with speaker labels (`labeled_*`, `bullet_*`, `inline_*`): the expected speaker, role and section of each turn,
  paragraphs per turn and dropped-line counts (`EXPECTED`, `PARAGRAPHS`, `DROPPED`).
* Calls without labels (`unlabeled_*`): hand labels per paragraph in `unlabeled_*.labels.csv` (the paragraph's first
  input line, its start, speaker, role and section). Every paragraph must be found, and its role and section must
  agree (a short list of known misses aside); an executive is either named right or `unknown executive`, never a wrong
  name. The held-out calls (`unlabeled_heldout_*`) are only scored, as a whole: they were never read for errors.
* A property test (hypothesis) over generated transcripts in every layout: nothing is lost (`conservation_errors` is
  empty) and no speech is ever set aside as a header, label or roster line.

The parser's own tests live in its notebooks (`nbs/04_speakers.ipynb`, `nbs/05_unlabeled.ipynb`, `nbs/06_transcripts.ipynb`)."""
from pathlib import Path
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from teum_cxdo.core import count_words
from teum_cxdo.corpus import load_text
from teum_cxdo.schema import MANAGEMENT, ANALYST, OPERATOR
from teum_cxdo.speakers import UNKNOWN_EXECUTIVE
from teum_cxdo.transcripts import split_transcript, conservation_errors

FIX = Path(__file__).resolve().parent / 'fixtures'
# Expected `speaker/role/section` of every turn of the calls with speaker labels (roles and sections by their first
# letter), written by reading each call before running the parser. (The unlabeled calls of these rounds are now checked
# paragraph by paragraph against their label files, below.)
# Round 1, written alongside the first rules.
ROUND_1 = {
    'bullet_call.txt': ('bullet', ['Operator/o/p', 'Alan Brooks/m/p', 'Maria Lopez/m/p', 'Operator/o/q',
        'Dana K. Whitfield/a/q', 'Maria Lopez/m/q', 'Operator/o/q', 'Unidentified Participant/a/q', 'Alan Brooks/m/q',
        'Operator/o/q', 'Dana Whitfield/a/q', 'Alan Brooks/m/q', 'Operator/o/q']),
    'bullet_no_translation.txt': ('bullet', ['Operator/o/p', 'Rosa Grant/m/p', 'Operator/o/q', 'Victor Hale/a/q',
        'Rosa Grant/m/q', 'Operator/o/q']),
    'labeled_call.txt': ('labeled', ['Operator/o/p', 'Ian Cole/m/p', 'Olivia Park/m/p', 'Operator/o/q',
        'Raj Mehta/a/q', 'Olivia Park/m/q', 'Unidentified Analyst/a/q', 'Olivia Park/m/q', 'Operator/o/q']),
    'labeled_roster_call.txt': ('labeled', ['Operator/o/p', 'John Doe/m/p', 'Jane Roe/m/p', 'Operator/o/q',
        'Bob Smith/a/q', 'John Doe/m/q', 'Bob Smith/a/q', 'Operator/o/q', 'Alice Chen/a/q', 'Jane Roe/m/q',
        'Operator/o/q']),
    'inline_call.txt': ('labeled', ['Operator/o/p', 'Nina Rossi/m/p', 'Operator/o/q', 'Omar Haddad/a/q',
        'Nina Rossi/m/q', 'Omar Haddad/a/q', 'Operator/o/q']),
}
# Round 2 (other operator scripts, multi-executive Q&A, follow-ups, Motley Fool / Seeking Alpha labels,
# Coordinator/Moderator, hard-wrapped paragraphs, no Q&A): 4 of 11 right at first, all 11 after general fixes.
ROUND_2 = {
    'labeled_fool.txt': ('labeled', ['Operator/o/p', 'Lauren Meyer/m/p', 'Ethan Brooks/m/p', 'Priya Nair/m/p',
        'Operator/o/q', 'Derek Olsen/a/q', 'Ethan Brooks/m/q', 'Priya Nair/m/q', 'Derek Olsen/a/q', 'Priya Nair/m/q',
        'Operator/o/q', 'Hannah Cole/a/q', 'Ethan Brooks/m/q', 'Operator/o/q', 'Ethan Brooks/m/q', 'Operator/o/q']),
    'labeled_sa_executives.txt': ('labeled', ['Operator/o/p', 'Allison Grant/m/p', 'Robert Chen/m/p', 'Daniel Fox/m/p',
        'Operator/o/q', 'Steven Kline/a/q', 'Robert Chen/m/q', 'Maya Patel/m/q', 'Operator/o/q', 'Olga Petrova/a/q',
        'Robert Chen/m/q', 'Unidentified Analyst/a/q', 'Daniel Fox/m/q', 'Operator/o/q', 'Luis Ramirez/a/q',
        'Maya Patel/m/q', 'Luis Ramirez/a/q', 'Operator/o/q', 'Robert Chen/m/q', 'Operator/o/q']),
    'inline_coordinator.txt': ('labeled', ['Operator/o/p', 'Raymond Cho/m/p', 'Elena Vasquez/m/p', 'Paul Adeyemi/m/p',
        'Operator/o/q', 'Tobias Wendt/a/q', 'Elena Vasquez/m/q', 'Paul Adeyemi/m/q', 'Operator/o/q', 'Amara Osei/a/q',
        'Elena Vasquez/m/q', 'Amara Osei/a/q', 'Operator/o/q', 'Elena Vasquez/m/q', 'Operator/o/q']),
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
    'labeled_noblank.txt': ('labeled', ['Operator/o/p', 'Karin Lund/m/p', 'Erik Solberg/m/p', 'Ingrid Moe/m/p',
        'Operator/o/q', 'Martin Hale/a/q', 'Erik Solberg/m/q', 'Ingrid Moe/m/q', 'Martin Hale/a/q', 'Operator/o/q',
        'Sofia Reyes/a/q', 'Erik Solberg/m/q', 'Operator/o/q']),
    'bullet_japanese.txt': ('bullet', ['Operator/o/p', 'Aiko Tanaka/m/p', 'Kenji Mori/m/p', 'Laura Chen/m/p',
        'Operator/o/q', 'Daniel Kim/a/q', 'Tom Lee/m/q', 'Kenji Mori/m/q', 'Daniel Kim/a/q', 'Laura Chen/m/q',
        'Operator/o/q', 'Ravi Menon/a/q', 'Unidentified Company Representative/m/q', 'Operator/o/q', 'Kenji Mori/m/q',
        'Operator/o/q']),
    'inline_caps.txt': ('labeled', ['Operator/o/p', 'JACOB STERN/m/p', 'HANNAH RUIZ/m/p', 'OMAR SAID/m/p',
        'Operator/o/q', 'LENA FISCHER/a/q', 'HANNAH RUIZ/m/q', 'LENA FISCHER/a/q', 'OMAR SAID/m/q', 'Operator/o/q',
        'VICTOR CHAN/a/q', 'HANNAH RUIZ/m/q', 'Operator/o/q']),
}
EXPECTED = {**ROUND_1, **ROUND_2, **ROUND_3}
PARAGRAPHS = {    # paragraphs per turn where paragraphs are hard-wrapped or not separated by blank lines
    'labeled_wrapped.txt': [1, 2] + [1] * 9, 'labeled_no_operator.txt': [1, 3, 1], 'labeled_fool.txt': [1, 1, 2] + [1] * 13,
    'labeled_noblank.txt': [1, 1, 2] + [1] * 10}
DROPPED = {    # reasons of the dropped lines, counted by reading the file
    'bullet_call.txt': {'speaker_label': 26, 'translation': 14, 'header': 3},
    'labeled_call.txt': {'speaker_label': 9, 'section_heading': 2, 'header': 1},
    'labeled_roster_call.txt': {'speaker_label': 11, 'roster': 4, 'section_heading': 2, 'header': 1}}
# Calls without labels, labelled per paragraph. Rounds 1-3 (10 calls, labels written from the turn tables above them);
# round 4 (12 calls of other kinds: banks, REITs, a large cap with many analysts, two executives alternating, follow-ups,
# analysts who make statements first, executives' rhetorical questions, long answers, unusual operator scripts, a call
# whose operator names no analyst the old parser knew), written before the role model; 4 more held out.
LABELLED = sorted(p.name[:-len('.labels.csv')] + '.txt' for p in FIX.glob('unlabeled_*.labels.csv'))
HELD_OUT = [n for n in LABELLED if 'heldout' in n]
HELD_OUT_BALANCED_ACCURACY = 0.97   # scored 1.0 (all four calls exactly right) when written; 0.966 with the parser before the role model
KNOWN_MISSES = {    # paragraphs whose decoded role is wrong, by call: (paragraph, why)
    'unlabeled_interjections.txt': [(11, 'an executive asks a colleague "Linnea, do you have the exact date?": read as a follow-up')]}

def fixture(name): return (FIX / name).read_text(encoding='utf-8')
def labels(name): return pd.read_csv(FIX / name.replace('.txt', '.labels.csv'), keep_default_na=False)

def test_every_transcript_fixture_has_a_table_row():
    calls = {p.name for p in FIX.glob('*.txt') if p.name.startswith(('unlabeled', 'labeled', 'bullet', 'inline'))}
    assert calls == set(EXPECTED) | set(LABELLED) and not set(EXPECTED) & set(LABELLED)
    assert set(PARAGRAPHS) | set(DROPPED) <= set(EXPECTED) and len(LABELLED) == 26 and len(HELD_OUT) == 4

@pytest.mark.parametrize('name', list(EXPECTED))
def test_fixture_call(name):
    "Layout, then speaker, role and section of every turn; paragraphs per turn and dropped lines where the tables give them."
    layout, expected = EXPECTED[name]
    turns, dropped = split_transcript(fixture(name))
    assert turns.attrs['layout'] == layout
    assert [f'{s}/{r[0]}/{c[0]}' for s, r, c in zip(turns.speaker, turns.role, turns.section)] == expected
    if name in PARAGRAPHS: assert [t.count('\n') + 1 for t in turns.text] == PARAGRAPHS[name]
    if name in DROPPED: assert dropped.reason.value_counts().to_dict() == DROPPED[name]

def paragraphs(name):
    "The hand labels of call `name` with the parser's role, section and speaker of each paragraph (by its first line)."
    text = fixture(name)
    turns, _ = split_transcript(text)
    assert turns.attrs['layout'] == 'participants-unlabeled'
    starts = {ls[0]: (r, s, sp) for ls0, r, s, sp, tx in zip(turns.lines, turns.role, turns.section, turns.speaker, turns.text)
              for ls in _paragraph_lines(ls0, tx, text)}
    lab = labels(name)
    assert sorted(starts) == sorted(lab.line), 'every labelled paragraph is one paragraph of the parse, and no other'
    got = pd.DataFrame([starts[i] for i in lab.line], columns=['p_role', 'p_section', 'p_speaker'])
    lines = text.split('\n')
    return pd.concat([lab, got], axis=1).assign(words=[count_words(lines[i]) for i in lab.line])

def _paragraph_lines(lines, text, full):
    "The input lines of each paragraph of a turn (its `lines`, its `text` one paragraph per line)."
    src, out, k = full.split('\n'), [], 0
    for p in text.split('\n'):
        got, n = [], len(' '.join(p.split()))
        while k < len(lines) and len(' '.join(got)) < n: got.append(' '.join(src[lines[k]].split())); k += 1
        out.append(lines[k - len(got):k])
    return out

def surname(s): return s.split()[-1].lower() if s.split() else ''

@pytest.mark.parametrize('name', [n for n in LABELLED if n not in HELD_OUT])
def test_unlabeled_call_paragraph_by_paragraph(name):
    "Every paragraph found; its role and section as labelled (known misses aside); no executive given a wrong name."
    m = paragraphs(name)
    wrong = sorted(m.paragraph[(m.role != m.p_role) | (m.section != m.p_section)])
    assert wrong == [k for k, _ in KNOWN_MISSES.get(name, [])]
    ok = (m.role == m.p_role) & (m.role != OPERATOR)
    named = ok & ~m.p_speaker.str.lower().str.startswith('unknown ')          # `unknown executive`, `Unknown host` name nobody
    assert (m.speaker[named].map(surname) == m.p_speaker[named].map(surname)).all(), m[named & (m.speaker.map(surname) != m.p_speaker.map(surname))]
    assert (m.p_speaker[ok & (m.role == ANALYST)] != UNKNOWN_EXECUTIVE).all()

def balanced_accuracy(m):
    "Word-weighted balanced accuracy of roles: the mean over management, analyst and operator of the share of their words found."
    return sum(m.words[(m.role == r) & (m.p_role == r)].sum() / m.words[m.role == r].sum() for r in (MANAGEMENT, ANALYST, OPERATOR)) / 3

def test_held_out_calls_scored():
    "The held-out calls, never read for errors, as a whole: every paragraph found, roles right, no wrong executive named."
    m = pd.concat([paragraphs(n) for n in HELD_OUT], ignore_index=True)
    assert balanced_accuracy(m) >= HELD_OUT_BALANCED_ACCURACY
    assert (m.section == m.p_section).mean() >= 0.99
    named = (m.role == MANAGEMENT) & (m.p_role == MANAGEMENT) & ~m.p_speaker.str.lower().str.startswith('unknown ')
    assert (m.speaker[named].map(surname) == m.p_speaker[named].map(surname)).mean() >= 0.95

def inputs():
    "Every fixture transcript and the two bundled calls."
    return [(n, fixture(n)) for n in [*EXPECTED, *LABELLED]] + [('TEUM', load_text('teum_2017q2_call')), ('CXDO', load_text('cxdo_2023q2_call'))]

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

# A property test: transcripts generated in every layout, from English paragraphs with the forms that used to be lost
# (a speaker label with an empty title, a name on a line of its own that appears once, `Name -- Title: text` on one
# line, speech before the first label, a roster repeated after the call, two calls in one file).
FIRST = ['Tom', 'Ann', 'Ravi', 'Mara', 'Kofi', 'Ines', 'Li', 'Omar', 'Jean-Luc', "D'Arcy", 'Zoe', 'Hal']
LAST = ['Reed', 'Okafor', 'Lindqvist', "O'Neill", 'van Dijk', 'Serrano', 'Haddad', 'Brandt', 'Smith-Jones', 'Quill', 'Park', 'Nguyen']
TITLES = ['Chief Executive Officer', 'CFO', 'President & Chief Operating Officer', 'Head of Investor Relations',
          'Executive Vice President, Chief Financial Officer', 'Director', 'Founder & Chairman']
FIRMS = ['Summit Research', 'Bluefin Capital LLC', 'Crestview Securities', 'Harbor Partners', 'Delta Equity']
SUBJECTS = ['Revenue', 'Gross margin', 'Our backlog', 'North America', 'The new plant', 'Free cash flow', 'Latin America', 'Europe',
            'Customer churn', 'The pipeline', 'Demand', 'Net interest income']
VERBS = ['grew', 'declined', 'was flat', 'improved', 'held up', 'came in ahead of plan', 'rose', 'fell']
TAILS = ['in the quarter', 'year over year', 'by 12%', 'to $4.2 million', 'from a year ago', 'despite tariffs', 'again', '']
WORDS = ['the', 'we', 'you', 'margin', 'quarter', 'growth', 'think', 'customers', 'about', 'pricing', 'and', 'our', 'demand', 'next', 'year']

names = st.builds(lambda f, l: f'{f} {l}', st.sampled_from(FIRST), st.sampled_from(LAST))
sentences = st.one_of(
    st.builds(lambda s, v, t: f'{s} {v} {t}'.strip() + '.', st.sampled_from(SUBJECTS), st.sampled_from(VERBS), st.sampled_from(TAILS)),
    st.builds(lambda s, v: f'{s} - {v}.', st.sampled_from(SUBJECTS), st.sampled_from(VERBS)),     # a dash, like a label's
    st.builds(lambda s, v: f'{s} -- {v} again.', st.sampled_from(SUBJECTS), st.sampled_from(VERBS)),
    st.builds(lambda s, v: f'{s}: {v}.', st.sampled_from(SUBJECTS), st.sampled_from(VERBS)),       # a colon, like an inline label
    st.builds(lambda q, s: f'Q{q}: {s.lower()} rose.', st.integers(1, 4), st.sampled_from(SUBJECTS)),
    st.builds(lambda n: f'Thanks, {n.split()[0]}.', names), st.builds(lambda n: f'I will now turn the call over to {n}.', names),
    st.builds(lambda n, f: f'Our next question comes from {n} with {f}.', names, st.sampled_from(FIRMS)),
    st.builds(lambda n: f'{n} will now review the numbers.', names),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(lambda ws: ' '.join(ws).capitalize() + '?'),
    st.sampled_from(['Good morning, everyone.', 'Yes.', 'Okay.', 'Right.', 'Why did we do that? Because it pays.', 'Great quarter.',
                     'Revenue grew (12:34) from a year ago [ph].', 'Note: the figures are preliminary.', 'Thank you.']))
paragraphs_ = st.lists(sentences, min_size=1, max_size=3).map(' '.join)

@st.composite
def calls(draw):
    "`(layout, lines, truth)`: a generated call and, for each line, 'speech', ('inline', label) or 'other'."
    people = draw(st.lists(st.tuples(names, st.sampled_from(TITLES + [f'{f} -- Analyst' for f in FIRMS])), min_size=1, max_size=4,
                           unique_by=lambda p: p[0].split()[-1]))
    order = draw(st.lists(st.integers(0, len(people) - 1), min_size=1, max_size=6))
    turns = [('Operator', '')] + [people[k] for k in order] + [('Operator', '')]
    turns = [(n, t, draw(st.lists(paragraphs_, min_size=1, max_size=3))) for n, t in turns]
    layout = draw(st.sampled_from(['labeled', 'bullet', 'participants-unlabeled']))
    if layout == 'labeled': return layout, *_labeled(draw, turns)
    if layout == 'bullet': return layout, *_bullet(draw, turns)
    return layout, *_unlabeled(draw, people, turns)

def _labeled(draw, turns):
    "A labeled rendering: title lines, maybe speech before any label, then `Name`, `Name -- Title`, `Name -- ` or inline labels."
    lines, truth = [], []
    add = lambda s, k: (lines.append(s), truth.append(k))
    add('Acme Corp (ACME) Q2 2025 Earnings Call', 'other'); add('', 'other')
    if draw(st.booleans()): add('Good morning and welcome. Our speakers will be with us shortly.', 'speech'); add('', 'other')
    inline, blank = draw(st.booleans()), draw(st.booleans())
    style = draw(st.sampled_from(['--', '-', 'empty', 'bare']) if blank or inline else st.just('--'))   # an untitled name needs a blank line
    for n, t, ps in turns:
        lab = n if n == 'Operator' or style == 'bare' else f'{n} -- ' if style == 'empty' else f'{n} {style} {t}'
        if inline:
            add(f'{lab.rstrip()}: {ps[0]}', ('inline', lab.rstrip() + ':'))
            for p in ps[1:]: add(p, 'speech')
            continue
        add(lab, 'other')
        for p in ps:
            if blank: add('', 'other')
            add(p, 'speech')
        if blank: add('', 'other')
    return lines, truth

def _bullet(draw, turns):
    "A bullet rendering: speaker lines (maybe doubled), each English paragraph a bullet (maybe with an indented translation)."
    lines, truth, doubled, transl = ['Acme Corp Q2 2025 Earnings Call'], ['other'], draw(st.booleans()), draw(st.booleans())
    for n, t, ps in turns:
        lab = f'{n} - {t}' if t else n
        lines.append(f'  • {lab}'); truth.append('other')
        if doubled: lines.append(f'    {lab}'); truth.append('other')
        for p in ps:
            lines.append(f'  • {p}'); truth.append('speech')
            if transl: lines.append('    ' + ''.join(chr(0x4e00 + ord(c) % 500) for c in p[:20])); truth.append('other')
    return lines, truth

def _unlabeled(draw, people, turns):
    "A participants-unlabeled rendering: a roster, headings, bare paragraphs; maybe the roster again at the end, or a second call."
    lines, truth = [], []
    roster = (['Participants', 'CORPORATE PARTICIPANTS'] + [f'{n} — {t}' for n, t in people if 'Analyst' not in t] + ['OTHER PARTICIPANTS']
              + [f'{n} — Analyst, {t.split(" --")[0]}' for n, t in people if 'Analyst' in t])
    for call in range(1 + draw(st.booleans())):
        lines += [f'Acme {call + 1} Corp (ACME) Q2 2025 Earnings Call', *roster, '', 'Management Discussion Section', '', 'Question And Answer Section', '']
        truth += ['other'] * (len(roster) + 6)
        for n, t, ps in turns:
            for p in ps: lines += [p, '']; truth += ['speech', 'other']
    if draw(st.booleans()): lines += roster; truth += ['other'] * len(roster)
    return lines, truth

@settings(max_examples=2000, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(calls())
def test_conservation_and_no_speech_dropped(call):
    "Every generated call parses in its layout, every line is accounted for once, and no speech line is set aside."
    layout, lines, truth = call
    text = '\n'.join(lines)
    turns, dropped = split_transcript(text)
    assert turns.attrs['layout'] == layout
    assert conservation_errors(text, turns, dropped) == []
    for i, s in zip(dropped.line, dropped.text):
        assert truth[i] != 'speech' and (truth[i] == 'other' or s == truth[i][1]), (i, lines[i], s)
