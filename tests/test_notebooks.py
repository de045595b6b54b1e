"Every notebook in `nbs/` is a test: each runs as one pytest test through nbdev's own `test_nb`."
import os
from pathlib import Path
import pytest
from nbdev.test import test_nb as run_nb_tests

ROOT = Path(__file__).resolve().parents[1]
NBS = sorted(p for p in (ROOT / 'nbs').rglob('*.ipynb') if not p.name.startswith('_') and '.ipynb_checkpoints' not in p.parts)

def test_notebooks_found(): assert len(NBS) >= 5, NBS

@pytest.mark.parametrize('nb', NBS, ids=[p.stem for p in NBS])
def test_notebook(nb, monkeypatch):
    monkeypatch.setenv('MPLBACKEND', 'Agg')
    monkeypatch.chdir(ROOT)
    ok, secs = run_nb_tests(nb, skip_flags=['notest', 'slow'])
    assert ok, f'{nb.name} failed (traceback above)'
