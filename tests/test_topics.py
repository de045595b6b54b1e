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
