"""Bad-input and per-method tables for `teum_cxdo.topics`.

Each row is one input or parameter and the `InputError`/`TopicError` message it must give, or one clustering method.
The unit checks of the module (passages and coverage, the 10-K turns, names and the stop list, clustering on synthetic
and real passages, determinism, small inputs, NPMI, topic tables, passage tone) live in `nbs/11_topics.ipynb`."""
import numpy as np
import pandas as pd
import pytest
from teum_cxdo.core import InputError
from teum_cxdo.topics import TopicError, cluster_topics, assign_topics, passages, coverage

CLOUD = 'cloud platform iot network roaming mobile'.split()
MONEY = 'revenue margin cash ebitda debt profit'.split()

def synth(n=10, seed=0):
    "Alternating cloud / money texts; names and filler added to one theme each (as `make_synth` in the notebook)."
    rng = np.random.default_rng(seed)
    return [' '.join(rng.choice(v, 8)) + extra for _ in range(n)
            for v, extra in [(CLOUD, ' Pareteum really Hal'), (MONEY, ' Crexendo quarter think Vic')]]

@pytest.mark.parametrize('bad, msg', [('text', 'turns table'), (pd.DataFrame({'words': ['x']}), "columns \\['words'\\]"),
                                      (pd.DataFrame({'text': ['fine.', None]}), 'row 1 is missing'),
                                      (pd.DataFrame({'text': ['fine.', 3]}, dtype=object), 'row 1 is int')])
def test_passages_bad_input(bad, msg):
    with pytest.raises(InputError, match=msg): passages(bad)
    with pytest.raises(InputError, match=msg): coverage(bad)

@pytest.mark.parametrize('method', ['nmf', 'lda', 'kmeans'])
def test_each_method_is_deterministic_and_assigns_as_fitted(method):
    r, again = cluster_topics(synth(), 2, method=method), cluster_topics(synth(), 2, method=method)
    assert len(r.assignments) == 20 and r.method == method and (again.assignments == r.assignments).all()
    assert (assign_topics(r, synth()) == r.assignments).all()
    new = assign_topics(r, ['iot roaming on the mobile network', 'ebitda and cash', 'thank you', 'cash'], min_terms=2)
    assert new.tolist() == [r.assignments[0], r.assignments[1], -1, -1]
    with pytest.raises(TopicError, match='list of strings'): assign_topics(r, 'cloud')
    with pytest.raises(TopicError, match='min_terms'): assign_topics(r, ['cloud'], min_terms=0)

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

# --- stability by resampling (issue 17) -------------------------------------------------------------------------------
from teum_cxdo.topics import _vectorise, resample_labels, stability_scores, stop_list

def _themes(n, structured, seed=0):
    "`n` texts of 12 words: from one of three disjoint vocabularies (structured), or all from their union (no structure)."
    rng = np.random.default_rng(seed)
    vocab = [f'{p}{c}' for p in ('cloud', 'margin', 'store') for c in 'abcdefghij']
    voc = [vocab[:10], vocab[10:20], vocab[20:]]
    return [' '.join(rng.choice(voc[i % 3] if structured else vocab, 12)) for i in range(n)]

@pytest.mark.parametrize('method', ['nmf', 'kmeans'])
def test_resampled_stability_falls_without_structure(method):
    out = {}
    for structured in (True, False):
        _, _, C, X = _vectorise(_themes(90, structured), stop_list())
        out[structured] = stability_scores(resample_labels(C, X, 3, method, seed=0, n_resamples=8))
    assert out[True]['ari'] > 0.7 and out[True]['nmi'] > 0.7, out
    assert out[False]['ari'] < 0.3 and out[False]['nmi'] < 0.3, out

def test_random_starts_vary_with_the_seed():
    _, _, C, X = _vectorise(_themes(60, False), stop_list())
    a, b = (resample_labels(C, X, 3, 'nmf', seed=s, n_resamples=3) for s in (0, 1))
    assert not np.array_equal(a, b) and np.array_equal(a, resample_labels(C, X, 3, 'nmf', seed=0, n_resamples=3))

def test_chosen_k_is_stable_and_refits_agree():
    texts = _themes(90, True)
    res = cluster_topics(texts, k_range=(2, 6), n_resamples=8)
    assert len(res.topics) == 3 and res.scores.set_index('k').stability[3] > 0.9
    rng = np.random.default_rng(0)
    idx = np.sort(rng.choice(90, 72, replace=False))
    sub = cluster_topics([texts[i] for i in idx], 3, n_resamples=8)
    from sklearn.metrics import adjusted_rand_score
    assert adjusted_rand_score(res.assignments[idx], sub.assignments) > 0.9
    assert (res.stability.term_jaccard > 0.5).all() and (res.stability.passage_jaccard > 0.9).all()
