"The library is exactly what the notebooks export: `nbdev_export` on a copy of the repo changes nothing."
import filecmp, shutil, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

def test_nbdev_export_leaves_no_diff(tmp_path):
    for name in ('nbs', 'teum_cxdo'): shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns('__pycache__', '.ipynb_checkpoints'))
    shutil.copy(ROOT / 'settings.ini', tmp_path)
    exe = Path(sys.executable).with_name('nbdev_export')
    subprocess.run([str(exe)], cwd=tmp_path, check=True, capture_output=True)
    mods = sorted(p.relative_to(ROOT) for p in (ROOT / 'teum_cxdo').glob('*.py'))
    assert len(mods) >= 5
    changed = [str(m) for m in mods if not filecmp.cmp(ROOT / m, tmp_path / m, shallow=False)]
    new = sorted(str(p.relative_to(tmp_path)) for p in (tmp_path / 'teum_cxdo').glob('*.py') if not (ROOT / p.relative_to(tmp_path)).exists())
    assert not changed and not new, f'nbdev_export changes {changed} / adds {new}: export the notebooks and commit'
