"Topic clustering: passages, names from the call itself, a name-heavy synthetic call, determinism, bad input, tables, tone join, the real corpus."
import numpy as np
import pandas as pd
import pytest
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
from sklearn.metrics import adjusted_rand_score
from teum_cxdo.core import TeumCxdoError, InputError, count_words
from teum_cxdo.topics import (TopicError, cluster_topics, assign_topics, passages, coverage, filing_turns, stop_list,
                              name_tokens, topic_table, topic_shares, shared_topics, passage_tone, npmi, FILLER)

CLOUD = 'cloud platform iot network roaming mobile'.split()
MONEY = 'revenue margin cash ebitda debt profit'.split()

def synth(n=10, seed=0):
    "Alternating cloud / money texts; names and filler added to one theme each."
    rng = np.random.default_rng(seed)
    return [' '.join(rng.choice(v, 8)) + extra for _ in range(n)
            for v, extra in [(CLOUD, ' Pareteum really Hal'), (MONEY, ' Crexendo quarter think Vic')]]

def terms(r): return set(', '.join(r.topics.top_terms).split(', '))

# A call nobody has seen: invented people and companies, a roster with titles, an operator, vocatives, a web address.
FAKE = pd.DataFrame({
    'speaker': ['Operator', 'Marta Quell', 'Dov Brenik', 'Marta Quell', 'Ilse Varga'],
    'title': ['', 'CEO, Zorvik Networks Inc.', 'Analyst, Pellam Brothers', 'CEO, Zorvik Networks Inc.', 'CFO'],
    'role': ['operator', 'management', 'analyst', 'management', 'management'],
    'text': ["Welcome to the Zorvik second quarter call. Our first question comes from Dov Brenik with Pellam Brothers.",
             "Thank you, Tamsin. Revenue grew and our networks carried more traffic. The release is on www.zorvik.com.",
             "Thanks, Marta. Can you talk about pricing in Brazil?",
             "Sure, Dov. Pricing held up. Ilse?", "Thanks, Marta. Revenue from Brazil grew."]})

@pytest.fixture(scope='module')
def corpus():
    "Passages of both calls and the 10-K, the calls' turns, and the stop list with the calls' names."
    from teum_cxdo.transcripts import load_call
    calls = {'TEUM': load_call('TEUM').assign(company='TEUM', doc_id='teum_2017q2_call'),
             'CXDO': load_call('CXDO').assign(company='CXDO', doc_id='cxdo_2023q2_call')}
    P = pd.concat([passages(calls['TEUM']), passages(calls['CXDO']), passages(filing_turns())], ignore_index=True)
    names = name_tokens(pd.concat(calls.values()))
    return P, calls, stop_list(names), names

@pytest.fixture(scope='module')
def real(corpus):
    P, _, stop, _ = corpus
    return cluster_topics(P.text, stop_words=stop)

# --- passages -------------------------------------------------------------------------------------------------------

def test_passages_units_and_accounting():
    turns = pd.DataFrame({'speaker': ['Operator', 'A B', 'C D'], 'role': ['operator', 'management', 'analyst'],
                          'section': ['presentation', 'presentation', 'qa'],
                          'text': ['Welcome. Please go ahead.', 'Revenue grew in all regions this year. ' * 50, 'Thanks, guys.']})
    p = passages(turns, company='X', doc_id='x')
    assert p.turn.tolist() == [1, 1, 1] and p.n_words.between(40, 150).all()
    assert list(p.columns) == ['company', 'doc_id', 'role', 'section', 'speaker', 'turn', 'passage', 'sentences', 'text', 'n_words']
    assert [s for t in p.sentences for s in t] == list(range(50))          # every sentence of the turn, once, in order
    cov = coverage(turns)
    assert cov.words.sum() == turns.text.map(count_words).sum() and cov.loc['in passages', 'words'] == p.n_words.sum()
    assert {'operator turn', 'courtesy turn'} <= set(cov.index)

def test_passages_skip_boilerplate_sentence_inside_a_turn():
    text = 'Revenue grew in every region. ' * 10 + 'Actual results may differ materially from these statements. ' + 'Margins held. ' * 10
    p = passages(pd.DataFrame({'text': [text], 'role': ['management']}))
    assert len(p) == 1 and 10 not in p.sentences[0] and 'materially' not in p.text[0]

@pytest.mark.parametrize('bad, msg', [('text', 'turns table'), (pd.DataFrame({'words': ['x']}), "columns \\['words'\\]"),
                                      (pd.DataFrame({'text': ['fine.', None]}), 'row 1 is missing'),
                                      (pd.DataFrame({'text': ['fine.', 3]}, dtype=object), 'row 1 is int')])
def test_passages_bad_input(bad, msg):
    with pytest.raises(InputError, match=msg): passages(bad)
    with pytest.raises(InputError, match=msg): coverage(bad)

def test_passages_empty_and_bad_sizes():
    assert len(passages(pd.DataFrame({'text': []}))) == 0
    with pytest.raises(InputError, match='min_words <= max_words'): passages(pd.DataFrame({'text': ['a.']}), min_words=200)
    with pytest.raises(InputError, match='min_words'): passages(pd.DataFrame({'text': ['a.']}), min_words=0)

def test_filing_turns_are_sections_without_debris():
    f = filing_turns()
    assert not f.text.str.contains('Prompt:|\\||Ø').any() and f.role.eq('filing').all() and len(f) > 5
    assert f.heading.is_unique and 'Business Model' in set(f.heading)

# --- stop list and names ----------------------------------------------------------------------------------------------

def test_name_tokens_come_from_the_call_itself():
    names = name_tokens(FAKE)
    assert names == {'operator', 'marta', 'quell', 'dov', 'brenik', 'ilse', 'varga',   # the roster
                     'zorvik', 'inc', 'pellam', 'brothers', 'tamsin'}                  # affiliations, welcome, vocative
    assert not {'networks', 'revenue', 'brazil', 'pricing', 'welcome', 'thank'} & names
    assert 'pareteum' not in name_tokens(FAKE) and not name_tokens(FAKE.iloc[:0])       # nothing from the bundled corpus

def test_name_tokens_bad_input():
    with pytest.raises(InputError, match='turns table'): name_tokens(['Marta Quell'])
    assert name_tokens(pd.DataFrame({'text': ['Thank you, Ondine.']})) == {'ondine'}   # only `text` needed

def test_stop_list_parts():
    s = stop_list(['Robert Harold Turner', 'Hal'])
    assert {'hal', 'turner', 'harold', 'the', 'quarter', 'think', 'guys', 'congrats', 'thanks'} <= s
    assert not {'revenue', 'ai', 'cloud', 'margin'} & s
    assert stop_list('Ondine Vale') >= {'ondine', 'vale'}                               # one string is one name

def test_stop_list_removes_names_and_filler():
    plain = terms(cluster_topics(synth(), 2, stop_words=ENGLISH_STOP_WORDS))
    assert {'pareteum', 'crexendo', 'really', 'think', 'quarter'} <= plain          # they would be top terms
    default = terms(cluster_topics(synth(), 2))
    assert not {'really', 'think', 'quarter'} & default and {'pareteum', 'hal'} <= default  # names need the roster
    named = terms(cluster_topics(synth(), 2, stop_words=stop_list(['Pareteum Corp.', 'Crexendo', 'Hal Turner', 'Vic Bozzo'])))
    assert not {'pareteum', 'crexendo', 'hal', 'vic'} & named and {'cloud', 'cash'} <= named

def test_name_heavy_call_gives_no_name_or_filler_topic():
    "Each theme has its own speakers named in every passage; 8 passages are names and filler only."
    rng = np.random.default_rng(1)
    who = {'network': ['Marta', 'Dov'], 'money': ['Ilse', 'Varga'], 'chatter': ['Tamsin', 'Quell', 'Brenik', 'Zorvik']}
    words = {'network': 'roaming network carriers coverage spectrum towers latency'.split(),
             'money': 'revenue margin cash ebitda debt profit pricing'.split()}
    filler = 'really think going just guys quarter thank you great question'.split()
    theme = ['network', 'money'] * 15 + ['chatter'] * 8
    texts = [' '.join([*rng.choice(who[t], 6), *rng.choice(words.get(t, filler), 6), *rng.choice(filler, 6)]) for t in theme]
    without = cluster_topics(texts, k_range=(2, 6))
    assert any(set(t.split(', ')[:3]) <= {'tamsin', 'quell', 'brenik', 'zorvik'} for t in without.topics.top_terms)  # a names-only topic
    r = cluster_topics(texts, k_range=(2, 6), stop_words=stop_list(name_tokens(FAKE)))
    assert not terms(r) & ({w.lower() for ws in who.values() for w in ws} | set(filler))
    assert (r.assignments[30:] == -1).all() and (r.assignments[:30] >= 0).all()
    assert all(len({theme[i] for i in np.flatnonzero(r.assignments == t)}) == 1 for t in r.topics.topic)

def test_numbers_never_terms():
    texts = [f'revenue {n} grew 16% to $3.2 million in Q2 2017 ' + ('cloud iot' if n % 2 else 'cash margin') for n in range(30)]
    found = terms(cluster_topics(texts, 2))
    assert found and not any(any(ch.isdigit() for ch in t) for t in found)
    with pytest.raises(TopicError, match='more than half'): cluster_topics(['revenue grew 16% in Q2'] * 30)

# --- clustering -------------------------------------------------------------------------------------------------------

def test_two_themes_are_separated():
    r = cluster_topics(synth(), 2)
    a = r.assignments
    assert len(set(a[0::2])) == 1 and len(set(a[1::2])) == 1 and a[0] != a[1]
    cloud_topic = r.topics.set_index('topic').loc[a[0]]
    assert set(cloud_topic.top_terms.split(', ')) >= {'cloud', 'iot'} and 'cash' not in cloud_topic.label
    assert list(r.topics.columns) == ['topic', 'label', 'top_terms', 'size', 'share', 'coherence', 'example']
    assert r.topics.example[r.assignments[0]] in synth()[0::2]

def test_assignments_follow_input_order():
    texts = synth()
    r = cluster_topics(texts, 2)
    rev = cluster_topics(texts[::-1], 2)
    assert len(r.assignments) == len(texts) and isinstance(r.assignments, np.ndarray)
    same = r.assignments == r.assignments[0]
    assert (same[::-1] == (rev.assignments == rev.assignments[-1])).all()
    t = topic_table(pd.DataFrame({'text': texts}), r)
    assert t.topic.tolist() == r.assignments.tolist() and t.label.tolist() == [r.topics.label[k] for k in r.assignments]

def test_same_seed_same_output():
    a, b = cluster_topics(synth(), random_state=0), cluster_topics(synth(), random_state=0)
    pd.testing.assert_frame_equal(a.topics, b.topics)
    pd.testing.assert_frame_equal(a.scores, b.scores)
    assert (a.assignments == b.assignments).all() and np.array_equal(a.weights, b.weights)
    assert 'object at 0x' not in repr(a)                                  # safe to show in a notebook

@pytest.mark.parametrize('method', ['nmf', 'lda', 'kmeans'])
def test_assign_topics_matches_the_fit(method):
    r = cluster_topics(synth(), 2, method=method)
    assert (assign_topics(r, synth()) == r.assignments).all()
    new = assign_topics(r, ['iot roaming on the mobile network', 'ebitda and cash', 'thank you', 'cash'], min_terms=2)
    assert new.tolist() == [r.assignments[0], r.assignments[1], -1, -1]
    with pytest.raises(TopicError, match='list of strings'): assign_topics(r, 'cloud')
    with pytest.raises(TopicError, match='min_terms'): assign_topics(r, ['cloud'], min_terms=0)

def test_other_methods_run_and_are_deterministic():
    for m in ['lda', 'kmeans']:
        a, b = cluster_topics(synth(), 2, method=m), cluster_topics(synth(), 2, method=m)
        assert len(a.assignments) == 20 and (a.assignments == b.assignments).all() and a.method == m

def test_choice_of_k_is_in_range_and_stable():
    r = cluster_topics(synth(20), k_range=(2, 5))
    assert r.scores.k.tolist() == [2, 3, 4, 5] and len(r.topics) in r.scores.k.tolist()
    checked = r.scores.dropna(subset=['stability'])
    chosen = r.scores.set_index('k').loc[len(r.topics)]
    assert chosen.stability >= 0.8 and chosen.coherence == checked[checked.stability >= 0.8].coherence.max()

@pytest.mark.parametrize('bad, msg', [([], 'empty'), ('a string', 'list of strings'), (None, 'list of strings'), (5, 'list of strings'),
                                      (['ok text', 3], 'item 1 is int'), (['ok text', None], 'item 1 is NoneType'),
                                      (pd.Series(['ok text', np.nan]), 'item 1 is float'), ([b'cloud'], 'item 0 is bytes'),
                                      (['the and of', 'thank you quarter'], 'no vocabulary'), (['', ' '], 'no vocabulary'),
                                      (['2017 3.2 $4 10-K', '16% Q2'], 'no vocabulary')])
def test_bad_input_is_a_topic_error(bad, msg):
    with pytest.raises(TopicError, match=msg): cluster_topics(bad)

@pytest.mark.parametrize('kw, msg', [(dict(n_topics=5), 'more than the 3 texts'), (dict(n_topics=0), 'n_topics'),
                                     (dict(n_topics=2.5), 'n_topics'), (dict(n_topics=True), 'n_topics'), (dict(n_topics='3'), 'n_topics'),
                                     (dict(method='bert'), 'unknown method'), (dict(random_state=None), 'random_state'),
                                     (dict(random_state=1.5), 'random_state'), (dict(random_state=-1), 'random_state'),
                                     (dict(k_range=(0, 3)), 'k_range'), (dict(k_range=4), 'k_range'), (dict(k_range=(2, 'x')), 'k_range'),
                                     (dict(stop_words='english'), 'stop_words'), (dict(n_terms=0), 'n_terms')])
def test_bad_parameters_are_topic_errors(kw, msg):
    with pytest.raises(TopicError, match=msg): cluster_topics(synth()[:3], **kw)
    assert issubclass(TopicError, TeumCxdoError) and issubclass(TopicError, ValueError)

def test_too_many_topics_for_the_terms():
    with pytest.raises(TopicError, match='terms left'): cluster_topics(['cloud cloud', 'cloud'], 2)

def test_small_inputs_are_defined_results():
    one = cluster_topics(['Revenue from cloud platform customers grew in Brazil.'])
    assert len(one.topics) == 1 and one.assignments.tolist() == [0] and one.topics['size'].tolist() == [1]
    assert one.topics.example[0].startswith('Revenue')
    two = cluster_topics(['cloud platform', 'cash margin'])                 # too few texts to choose k: one topic
    assert len(two.topics) == 1 and two.assignments.tolist() == [0, 0]
    r = cluster_topics(['cloud platform', 'cash margin', 'thank you'], 2)
    assert r.assignments[2] == -1 and set(r.assignments[:2]) == {0, 1}
    assert topic_table(pd.DataFrame({'text': ['a', 'b', 'c']}), r).label[2] == '(no terms)'
    assert r.topics.share.sum() == pytest.approx(2 / 3, abs=0.002)

def test_npmi_bounds():
    from scipy.sparse import csr_matrix
    B = csr_matrix(np.array([[1, 1, 0], [1, 1, 0], [0, 0, 1], [0, 0, 1]], dtype=float))
    assert npmi([np.array([0, 1])], B)[0] == pytest.approx(1.0)       # always together
    assert npmi([np.array([0, 2])], B)[0] == -1.0                      # never together
    assert npmi([np.array([0])], B)[0] == 0.0                          # a one-term topic has no pairs

# --- tables and tone --------------------------------------------------------------------------------------------------

def test_shared_and_specific():
    t = pd.DataFrame({'company': ['A', 'A', 'B', 'B'], 'role': 'management', 'section': 'qa',
                      'text': ['cloud platform', 'cash margin', 'cloud network', 'cloud iot']})
    tt = topic_table(t, cluster_topics(t.text, 2))
    st = shared_topics(tt, min_passages=1)
    assert st.shared.tolist() == [True, False] and st.specific_to.tolist() == ['', 'A']
    assert shared_topics(tt).specific_to.tolist() == ['', '(too few)'] and not shared_topics(tt).shared[1]
    assert np.allclose(topic_shares(tt, by=['company']).sum(axis=1), 1)
    with pytest.raises(TopicError): topic_table(t.iloc[:2], cluster_topics(t.text, 2))

def test_passage_tone_is_the_word_weighted_mean_of_its_sentences():
    from teum_cxdo.sentiment import score_turns
    turns = pd.DataFrame({'company': 'X', 'turn': [0, 1], 'role': 'management', 'section': 'qa',
                          'text': ['Revenue rose strongly and margins improved. ' * 6 + 'Costs rose sharply and losses widened. ' * 6,
                                   'Cash flow was positive and debt fell. ' * 8]})
    P, sent = passages(turns, max_words=40), score_turns(turns)
    tone = passage_tone(P, sent)
    assert len(tone) == len(P) and list(tone.index) == list(range(len(P)))
    for i, p in P.iterrows():
        s = sent[(sent.turn == p.turn) & sent.sentence_no.isin(p.sentences)]
        assert tone.fin_tone[i] == pytest.approx(np.average(s.fin_tone, weights=s.n_words.clip(lower=1)))
    assert tone.fin_tone.iloc[0] > tone.fin_tone.iloc[1]                   # good news first, bad news second
    with pytest.raises(TopicError, match='missing'): passage_tone(P, sent[sent.turn == 0])
    with pytest.raises(TopicError, match='several rows'): passage_tone(P, pd.concat([sent, sent]))

# --- the bundled corpus -----------------------------------------------------------------------------------------------

def test_real_corpus_passages_cover_most_words(corpus):
    P, calls, _, names = corpus
    assert set(P.doc_id) == {'teum_2017q2_call', 'cxdo_2023q2_call', 'teum_2017_10k'}
    assert {'management', 'analyst', 'filing'} <= set(P.role) and 'operator' not in set(P.role)
    assert P.n_words.between(40, 200).all()
    assert {'pareteum', 'crexendo', 'korn', 'holly'} <= names and not {'revenue', 'cloud', 'platform'} & names
    for t in calls.values():
        cov = coverage(t)
        assert cov.words.sum() == t.n_words.sum() and cov.share['in passages'] > 0.7

def test_real_corpus_topics_are_readable_and_stable(corpus, real):
    P, _, stop, names = corpus
    k = len(real.topics)
    assert 4 <= k <= 12 and len(real.assignments) == len(P) and (real.assignments >= 0).all()
    assert real.scores.set_index('k').stability[k] >= 0.8
    assert not terms(real) & (names | FILLER)
    assert real.topics.top_terms.str.split(', ').map(len).eq(10).all() and real.topics.label.is_unique
    aris = [adjusted_rand_score(real.assignments, cluster_topics(P.text, k, random_state=s, stop_words=stop).assignments)
            for s in range(1, 6)]
    assert min(aris) >= 0.8, aris
    assert (assign_topics(real, P.text) == real.assignments).all()

def test_real_corpus_same_seed_identical(corpus, real):
    P, _, stop, _ = corpus
    again = cluster_topics(P.text, stop_words=stop)
    pd.testing.assert_frame_equal(again.topics, real.topics)
    pd.testing.assert_frame_equal(again.scores, real.scores)
    assert (again.assignments == real.assignments).all()

def test_passage_tone_needs_the_sentence_numbers():
    with pytest.raises(TopicError, match='sentences'): passage_tone(pd.DataFrame({'turn': [0], 'text': ['x']}), pd.DataFrame())
