"""The corpus study (`study(corpus=...)`, `teum-cxdo study`): the statistics of `gap_test` in simulations with a known
effect, the end-to-end tables on small synthetic folders of calls, and the CLI giving the same numbers as Python.

The folders are synthetic: `study.synthetic_corpus` recombines real turns of the two bundled calls, and `_write_calls`
below writes calls whose management and analyst speech is chosen to carry a known direction."""
import numpy as np, pandas as pd, pytest
from teum_cxdo.study import study
from teum_cxdo.corpus_study import gap_test, synthetic_corpus, write_corpus_report, ROLE_GAP, COMPARISONS, WEIGHTINGS
from teum_cxdo.sentiment import tone_columns
from teum_cxdo.cli import main
from teum_cxdo.output import csv_text

def _gaps(rng, n_calls=40, effect=0.05):
    "Per-call gaps of a simulated corpus: a call random effect, 3-12 management and 2-8 analyst turns, a known effect."
    level = rng.normal(0, 0.1, n_calls)
    return np.array([rng.normal(l + effect, 0.2, rng.integers(3, 13)).mean() - rng.normal(l, 0.2, rng.integers(2, 9)).mean() for l in level])

@pytest.mark.parametrize('n_calls', [20, 60])
def test_cluster_bootstrap_ci_covers_the_true_difference(n_calls):
    rng = np.random.default_rng(n_calls)
    res = pd.DataFrame([gap_test(_gaps(rng, n_calls), n_boot=400, seed=i) for i in range(300)])
    cover = ((res.ci_low <= 0.05) & (0.05 <= res.ci_high)).mean()
    assert 0.89 <= cover <= 0.99, cover                      # near 95% (percentile intervals run a little narrow at n = 20)

def test_sign_flip_test_holds_its_level_and_has_power():
    rng = np.random.default_rng(7)
    null = np.array([gap_test(_gaps(rng, effect=0.0), n_boot=400, seed=i)['p_value'] for i in range(300)])
    alt = np.array([gap_test(_gaps(rng, effect=0.1), n_boot=400, seed=i)['p_value'] for i in range(100)])
    assert (null < 0.05).mean() <= 0.09 and (alt < 0.05).mean() >= 0.9

def test_gap_test_edge_cases():
    assert gap_test([])['n_calls'] == 0 and np.isnan(gap_test([])['mean'])
    r = gap_test([0.1, np.nan, 0.3], n_boot=100)
    assert r['n_calls'] == 2 and r['share_positive'] == 1.0 and r['ci_low'] <= 0.2 <= r['ci_high']

def _write_calls(folder, n_calls, seed=0):
    "Calls where management reports good news (presentation better than its Q&A answers) and analysts ask neutral questions."
    rng, folder = np.random.default_rng(seed), folder
    folder.mkdir(parents=True)
    good = ["Revenue rose 12% to a record level.", "Margins improved again this quarter.", "We signed three new contracts.",
            "Net loss narrowed to $0.4 million.", "Backlog grew 20% year over year."]
    mixed = ["Costs rose because of hiring.", "Revenue increased in every region.", "We expect margins to stay where they are.",
             "Churn declined slightly.", "Pricing was stable."]
    asks = ["Can you talk about the pipeline for next year?", "How should we think about hiring?", "What is the timing of the launch?",
            "Where do you see the most demand?", "How are you thinking about capital allocation?"]
    pick = lambda pool, k: ' '.join(rng.choice(pool, k))
    for i in range(n_calls):
        parts = [f'Test Corp (TC) Q{1 + i % 4} 2024 Earnings Call', 'Prepared Remarks:', 'Operator', 'Welcome to the call.',
                 'Dana Quill -- Chief Executive Officer', pick(good, 3), 'Ravi Brandt -- Chief Financial Officer', pick(good + mixed, 3),
                 'Questions & Answers:', 'Operator', 'We will now take questions.']
        for j, who in enumerate(['Mara Okafor -- Okafor Capital -- Analyst', 'Ines Serrano -- Serrano Partners -- Analyst'] * 2):
            parts += [who, pick(asks, 2), 'Dana Quill -- Chief Executive Officer' if j % 2 else 'Ravi Brandt -- Chief Financial Officer', pick(mixed, 2)]
        (folder / f'c{i:03d}.txt').write_text('\n\n'.join(parts) + '\n')
    return folder

def test_known_direction_is_found_and_reported(tmp_path):
    src = _write_calls(tmp_path / 'calls', 24)
    S = study(corpus=src, out=tmp_path / 'out', n_boot=500, workers=1, progress=False, max_passages=40,
              topic_options=dict(n_resamples=4, k_range=(2, 3)))
    rg = S['role_gap'].set_index(['scorer', 'comparison', 'weighting'])
    assert list(S['role_gap'].columns) == ROLE_GAP and len(rg) == len(tone_columns()) * len(COMPARISONS) * len(WEIGHTINGS)
    for comp in COMPARISONS:
        r = rg.loc[('fin_tone', comp, 'turn')]
        assert r.n_calls == 24 and r.ci_low > 0 and r.p_value < 0.01 and r.share_positive >= 0.7, (comp, r)
    page = write_corpus_report(tmp_path / 'report', S, 'test run')
    assert page.exists() and (tmp_path / 'report' / 'role_gap.csv').exists()

def test_null_corpus_gives_no_false_finding_on_the_primary_scorer(tmp_path):
    src = synthetic_corpus(tmp_path / 'calls', n_calls=30, seed=3, null=True)
    S = study(corpus=src, out=tmp_path / 'out', n_boot=1000, workers=1, progress=False, max_passages=40,
              topic_options=dict(n_resamples=4, k_range=(2, 3)))
    r = S['role_gap'].query("scorer == 'fin_tone'")
    assert ((r.ci_low <= 0) & (0 <= r.ci_high)).mean() >= 0.75, r   # every speech drawn from one pool: true gaps are 0

def test_cli_gives_the_same_numbers_as_python(tmp_path):
    src = synthetic_corpus(tmp_path / 'calls', n_calls=16, seed=1)
    assert main(['study', '--input', str(src), '--out', str(tmp_path / 'cli'), '--workers', '2', '--batch', '3', '-q',
                 '--n-boot', '300', '--max-passages', '50']) == 0
    py = study(corpus=src, out=tmp_path / 'py', n_boot=300, workers=1, progress=False, max_passages=50)
    for k in ('role_gap', 'call_gaps', 'weighting', 'scorer_agreement', 'topics', 'topic_prevalence'):
        assert (tmp_path / 'cli' / f'{k}.csv').read_text() == ''.join(csv_text(py[k])), k
