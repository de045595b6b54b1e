"""Every notebook in `nbs/` is a test: it runs top to bottom in a fresh Python process (its assertion cells are its
tests; a failing cell fails the test with its traceback), and the run gives exactly its stored outputs. One run does
both, so each notebook is executed once per suite (`nbdev_test` runs the same cells, without the output check)."""
import json
from pathlib import Path
import pytest
from teum_cxdo.docs import run_isolated, output_digest

ROOT = Path(__file__).resolve().parents[1]
NBS = sorted(p for p in (ROOT / 'nbs').rglob('*.ipynb') if not p.name.startswith('_') and '.ipynb_checkpoints' not in p.parts)

def test_notebooks_found(): assert len(NBS) >= 5, NBS

def test_no_cell_is_skipped():
    "No notebook hides cells from the test run (`#| notest`, `#| eval: false`): every cell runs and is compared."
    flags = ('#| notest', '#|notest', '#| eval: false', '#|eval: false', '#| slow')
    marked = [p.name for p in NBS for c in json.loads(p.read_text(encoding='utf-8'))['cells']
              if c['cell_type'] == 'code' and any(f in ''.join(c['source']) for f in flags)]
    assert not marked, marked

@pytest.mark.parametrize('nb', NBS, ids=[p.stem for p in NBS])
def test_notebook(nb, tmp_path):
    "The notebook runs without error and gives exactly its stored outputs (text verbatim, images by type): no stale numbers, no randomness."
    run_isolated(nb, tmp_path / nb.name)   # raises with the failing cell's traceback
    stored, fresh = (output_digest(json.loads(p.read_text(encoding='utf-8'))) for p in (nb, tmp_path / nb.name))
    diff = [i for i, (a, b) in enumerate(zip(stored, fresh)) if a != b]
    assert len(stored) == len(fresh) and not diff, \
        f'{nb.name}: outputs of code cells {diff} differ from a fresh run: rerun it with `python -m teum_cxdo.docs run {nb.relative_to(ROOT)}`'
