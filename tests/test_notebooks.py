"Every notebook in `nbs/` is a test (each runs as one pytest test through nbdev's own `test_nb`), and its stored outputs are current."
import json
from pathlib import Path
import pytest
from nbdev.test import test_nb as run_nb_tests
from teum_cxdo.docs import run_isolated, output_digest

ROOT = Path(__file__).resolve().parents[1]
NBS = sorted(p for p in (ROOT / 'nbs').rglob('*.ipynb') if not p.name.startswith('_') and '.ipynb_checkpoints' not in p.parts)

def test_notebooks_found(): assert len(NBS) >= 5, NBS

@pytest.mark.parametrize('nb', NBS, ids=[p.stem for p in NBS])
def test_notebook(nb, monkeypatch):
    monkeypatch.setenv('MPLBACKEND', 'Agg')
    monkeypatch.chdir(ROOT)
    ok, secs = run_nb_tests(nb, skip_flags=['notest', 'slow'])
    assert ok, f'{nb.name} failed (traceback above)'

@pytest.mark.parametrize('nb', NBS, ids=[p.stem for p in NBS])
def test_outputs_are_current(nb, tmp_path):
    "Rerunning a notebook gives exactly its stored outputs (text verbatim, images by type): no stale numbers, no randomness."
    run_isolated(nb, tmp_path / nb.name)
    stored, fresh = (output_digest(json.loads(p.read_text(encoding='utf-8'))) for p in (nb, tmp_path / nb.name))
    diff = [i for i, (a, b) in enumerate(zip(stored, fresh)) if a != b]
    assert len(stored) == len(fresh) and not diff, \
        f'{nb.name}: outputs of code cells {diff} differ from a fresh run: rerun it with `python -m teum_cxdo.docs run {nb.relative_to(ROOT)}`'
