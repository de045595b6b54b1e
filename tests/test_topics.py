"Topic clustering: determinism, order, bad input, stop list, a synthetic two-theme corpus, passages and tables."
import numpy as np
import pandas as pd
import pytest
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
from teum_cxdo.core import TeumCxdoError, count_words
from teum_cxdo.topics import (TopicError, cluster_topics, passages, coverage, filing_turns, stop_list, name_tokens,
                              topic_table, topic_shares, shared_topics, npmi, FILLER)

CLOUD = 'cloud platform iot network roaming mobile'.split()
MONEY = 'revenue margin cash ebitda debt profit'.split()

def synth(n=10, seed=0):
    "Alternating cloud / money texts; names and filler added to one theme each."
    rng = np.random.default_rng(seed)
    return [' '.join(rng.choice(v, 8)) + extra for _ in range(n)
            for v, extra in [(CLOUD, ' Pareteum really Hal'), (MONEY, ' Crexendo quarter think Vic')]]

def terms(r): return set(', '.join(r.topics.top_terms).split(', '))

@pytest.fixture(scope='module')
def corpus():
    "Passages of both calls and the 10-K, and the stop list with the calls' names."
    from teum_cxdo.transcripts import load_call
    calls = [load_call('TEUM'), load_call('CXDO')]
    P = pd.concat([passages(calls[0], 'TEUM', 'teum_2017q2_call'), passages(calls[1], 'CXDO', 'cxdo_2023q2_call'),
                   passages(filing_turns())], ignore_index=True)
    return P, stop_list(name_tokens(pd.concat(calls))), name_tokens(pd.concat(calls))

def test_two_themes_are_separated():
    r = cluster_topics(synth(), 2)
    a = r.assignments
    assert len(set(a[0::2])) == 1 and len(set(a[1::2])) == 1 and a[0] != a[1]
    cloud_topic = r.topics.set_index('topic').loc[a[0]]
    assert set(cloud_topic.top_terms.split(', ')) >= {'cloud', 'iot'} and 'cash' not in cloud_topic.label

def test_assignments_follow_input_order():
    texts = synth()
    r = cluster_topics(texts, 2)
    rev = cluster_topics(texts[::-1], 2)
    assert len(r.assignments) == len(texts) and isinstance(r.assignments, np.ndarray)
    # the same texts reversed get the same grouping, reversed
    same = r.assignments == r.assignments[0]
    assert (same[::-1] == (rev.assignments == rev.assignments[-1])).all()
    t = topic_table(pd.DataFrame({'text': texts}), r)
    assert t.topic.tolist() == r.assignments.tolist()
    assert t.label.tolist() == [r.topics.label[k] for k in r.assignments]

def test_same_seed_same_output():
    a, b = cluster_topics(synth(), 2, random_state=0), cluster_topics(synth(), 2, random_state=0)
    pd.testing.assert_frame_equal(a.topics, b.topics)
    assert (a.assignments == b.assignments).all() and np.array_equal(a.weights, b.weights)

def test_stop_list_removes_names_and_filler():
    plain = terms(cluster_topics(synth(), 2, stop_words=ENGLISH_STOP_WORDS))
    assert {'pareteum', 'crexendo', 'really', 'think', 'quarter'} <= plain          # they would be top terms
    default = terms(cluster_topics(synth(), 2))
    assert not {'pareteum', 'crexendo', 'really', 'think', 'quarter'} & default
    assert {'hal', 'vic'} <= default                                                  # not yet known as names
    assert not {'hal', 'vic'} & terms(cluster_topics(synth(), 2, stop_words=stop_list(['Hal Turner', 'Vic Bozzo'])))

def test_numbers_never_terms():
    texts = [f'revenue {n} grew 16% to $3.2 million in Q2 2017 ' + ('cloud iot' if n % 2 else 'cash margin') for n in range(30)]
    found = terms(cluster_topics(texts, 2))
    assert found and not any(any(ch.isdigit() for ch in t) for t in found)
    with pytest.raises(TopicError, match='more than half'): cluster_topics(['revenue grew 16% in Q2'] * 30)

@pytest.mark.parametrize('bad, msg', [([], 'empty'), ('a string', 'list of strings'), (None, 'list of strings'),
                                      (['ok text', 3], 'item 1 is int'), (['ok text', None], 'item 1 is NoneType'),
                                      (['the and of', 'thank you quarter'], 'no vocabulary'), (['', ' '], 'no vocabulary'),
                                      (['Pareteum Corporation', 'Crexendo, Inc.'], 'a name')])
def test_bad_input_is_a_topic_error(bad, msg):
    with pytest.raises(TopicError, match=msg): cluster_topics(bad)

def test_bad_n_topics_and_method():
    with pytest.raises(TopicError, match='more than the 3 texts'): cluster_topics(synth()[:3], 5)
    with pytest.raises(TopicError, match='terms left'): cluster_topics(['cloud cloud', 'cloud'], 2)
    for k in [0, -1, 2.5, True, '3']:
        with pytest.raises(TopicError, match='positive integer'): cluster_topics(synth(), k)
    with pytest.raises(TopicError, match='unknown method'): cluster_topics(synth(), 2, method='bert')
    assert issubclass(TopicError, TeumCxdoError) and issubclass(TopicError, ValueError)

def test_one_text_is_one_topic():
    r = cluster_topics(['Revenue from cloud platform customers grew in Brazil.'])
    assert len(r.topics) == 1 and r.assignments.tolist() == [0] and r.topics['size'].tolist() == [1]
    assert r.topics.example[0].startswith('Revenue')

def test_text_without_terms_gets_minus_one():
    r = cluster_topics(['cloud platform', 'cash margin', 'thank you'], 2)
    assert r.assignments[2] == -1 and set(r.assignments[:2]) == {0, 1}
    assert topic_table(pd.DataFrame({'text': ['a', 'b', 'c']}), r).label[2] == '(no terms)'

def test_other_methods_run_and_are_deterministic():
    for m in ['lda', 'kmeans']:
        a, b = cluster_topics(synth(), 2, method=m), cluster_topics(synth(), 2, method=m)
        assert len(a.assignments) == 20 and (a.assignments == b.assignments).all() and a.method == m

def test_npmi_bounds():
    from scipy.sparse import csr_matrix
    B = csr_matrix(np.array([[1, 1, 0], [1, 1, 0], [0, 0, 1], [0, 0, 1]], dtype=float))
    assert npmi([np.array([0, 1])], B)[0] == pytest.approx(1.0)       # always together
    assert npmi([np.array([0, 2])], B)[0] == -1.0                      # never together

def test_passages_units_and_accounting():
    turns = pd.DataFrame({'speaker': ['Operator', 'A B', 'C D'], 'role': ['operator', 'management', 'analyst'],
                          'section': ['presentation', 'presentation', 'qa'],
                          'text': ['Welcome. Please go ahead.', 'Revenue grew in all regions this year. ' * 50, 'Thanks, guys.']})
    p = passages(turns, company='X', doc_id='x')
    assert p.turn.tolist() == [1, 1, 1] and p.n_words.between(40, 150).all()
    assert list(p.columns) == ['company', 'doc_id', 'role', 'section', 'speaker', 'turn', 'passage', 'text', 'n_words']
    cov = coverage(turns)
    assert cov.words.sum() == turns.text.map(count_words).sum() and cov.loc['in passages', 'words'] == p.n_words.sum()
    assert {'operator turn', 'courtesy turn'} <= set(cov.index)

def test_filing_turns_drop_the_prompt():
    f = filing_turns()
    assert not f.text.str.contains('Prompt:').any() and f.role.eq('filing').all() and len(f) > 5

def test_shared_and_specific():
    t = pd.DataFrame({'company': ['A', 'A', 'B', 'B'], 'role': 'management', 'section': 'qa',
                      'text': ['cloud platform', 'cash margin', 'cloud network', 'cloud iot']})
    tt = topic_table(t, cluster_topics(t.text, 2))
    st = shared_topics(tt)
    assert st.shared.tolist() == [True, False] and st.specific_to.tolist() == ['', 'A']
    assert np.allclose(topic_shares(tt, by=['company']).sum(axis=1), 1)
    with pytest.raises(TopicError): topic_table(t.iloc[:2], cluster_topics(t.text, 2))

def test_real_corpus_topics_are_readable_stable_and_fast(corpus):
    import time
    P, stop, names = corpus
    t0 = time.time()
    r = cluster_topics(P.text, stop_words=stop)
    assert time.time() - t0 < 30
    assert 4 <= len(r.topics) <= 12 and len(r.assignments) == len(P)
    k = len(r.topics)
    assert r.scores.set_index('k').stability[k] >= 0.8
    assert not terms(r) & (names | FILLER)
    assert r.topics.top_terms.str.split(', ').map(len).eq(10).all() and r.topics.label.is_unique
    from sklearn.metrics import adjusted_rand_score
    aris = [adjusted_rand_score(r.assignments, cluster_topics(P.text, k, random_state=s, stop_words=stop).assignments)
            for s in range(1, 6)]
    assert min(aris) >= 0.8, aris

def test_real_corpus_passages_cover_most_words(corpus):
    P, _, _ = corpus
    assert set(P.doc_id) == {'teum_2017q2_call', 'cxdo_2023q2_call', 'teum_2017_10k'}
    assert {'management', 'analyst', 'filing'} <= set(P.role) and 'operator' not in set(P.role)
    assert P.n_words.between(40, 200).all()
