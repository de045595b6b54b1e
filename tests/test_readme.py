"README.md is rendered from nbs/index.ipynb and must not drift from it; CI runs the README's test command."
import re
from pathlib import Path
from teum_cxdo.docs import render_readme

ROOT = Path(__file__).resolve().parents[1]

def test_readme_is_current():
    want = render_readme(ROOT / 'nbs' / 'index.ipynb')
    assert (ROOT / 'README.md').read_text(encoding='utf-8') == want, \
        'README.md is out of date with nbs/index.ipynb: run `python -m teum_cxdo.docs readme`'

def test_ci_runs_the_readme_test_command():
    readme = (ROOT / 'README.md').read_text(encoding='utf-8')
    cmds = [c for c in re.findall(r'```sh\n(.*?)\n```', readme, re.S) if 'pytest' in c]
    assert len(cmds) == 1, cmds
    assert cmds[0].strip() in (ROOT / '.ci' / 'run').read_text(), '.ci/run must run exactly the README test command'

def test_every_relative_link_in_the_readme_resolves_in_the_repository():
    readme = (ROOT / 'README.md').read_text(encoding='utf-8')
    links = re.findall(r'\]\(([^)\s]+)\)', readme) + re.findall(r'href="([^"]+)"', readme)
    rel = [l for l in links if not re.match(r'[a-z]+:|#', l)]
    assert rel, 'expected links to the notebooks'
    missing = [l for l in rel if not (ROOT / l.split('#')[0]).exists()]
    assert not missing, f'README.md links to files that are not in the repository: {missing}'
