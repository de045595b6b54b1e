"The offline docs site: builds with zero Sphinx warnings, shows every notebook, loads nothing from the internet, renders in a real browser."
import json, re, shutil, subprocess
from pathlib import Path
import numpy as np
import pytest
from matplotlib.image import imread
from teum_cxdo.docs import build_docs

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which('chromium') or shutil.which('chromium-browser')
FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--hide-scrollbars', '--window-size=1280,1400']

@pytest.fixture(scope='module')
def site(tmp_path_factory, monkeypatch_module):
    monkeypatch_module.chdir(ROOT)
    return build_docs(out=tmp_path_factory.mktemp('docs') / '_docs', strict=True)  # strict: any Sphinx warning fails

@pytest.fixture(scope='module')
def monkeypatch_module():
    mp = pytest.MonkeyPatch(); yield mp; mp.undo()

def _pages(): return sorted(p for p in (ROOT / 'nbs').glob('*.ipynb') if not p.name.startswith('_'))

def test_every_notebook_has_a_page(site):
    html = {p.stem for p in site.glob('*.html')}
    for nb in _pages():
        stem = re.sub(r'^\d+_', '', nb.stem)
        assert stem in html, f'{nb.name} has no page in the site ({sorted(html)})'
    assert {'index', 'search', 'genindex'} <= html and (site / 'searchindex.js').exists()

def test_api_reference_and_outputs_are_rendered(site):
    corpus = (site / 'corpus.html').read_text(encoding='utf-8')
    text = re.sub(r'\s+', ' ', re.sub(r'<[^>]+>', '', corpus))
    assert re.search(r'def load_text\( doc_id:str', text), 'show_doc signature missing'
    assert 'cxdo_2023q2_call' in corpus and '<table' in corpus      # a DataFrame output kept from the notebook
    index = (site / 'index.html').read_text(encoding='utf-8')
    assert 'toctree' in index and 'corpus.html' in index            # navigation

def test_plots_are_embedded_when_notebooks_have_them(site):
    n_png = sum(1 for nb in _pages() for c in json.loads(nb.read_text())['cells']
                for o in c.get('outputs', []) if 'image/png' in o.get('data', {}))
    assert len(list((site / '_images').glob('*.png')) if (site / '_images').exists() else []) >= min(n_png, 1) * (n_png > 0)

def test_every_relative_link_resolves_in_the_site(site):
    from urllib.parse import unquote
    bad = []
    for page in site.glob('*.html'):
        for href in re.findall(r'<a\b[^>]*\bhref="([^"#]+)(?:#[^"]*)?"', page.read_text(encoding='utf-8')):
            if re.match(r'[a-z]+:|//', href): continue
            if not (page.parent / unquote(href)).exists(): bad.append(f'{page.name} -> {href}')
    assert not bad, bad[:20]

def test_no_link_to_the_placeholder_repository(site):
    for page in site.glob('*.html'):
        assert 'github.com/teum-cxdo' not in page.read_text(encoding='utf-8'), page.name

def test_nothing_loads_from_the_internet(site):
    for page in site.glob('*.html'):
        html = page.read_text(encoding='utf-8')
        ext = re.findall(r'<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)="(https?:)?//[^"]*"', html)
        assert not ext, f'{page.name} loads external resources'
        assert 'cdn.jsdelivr' not in html and 'googleapis' not in html

def _screenshot(url, out, tmp):
    subprocess.run([CHROMIUM, *FLAGS, f'--user-data-dir={tmp}', f'--screenshot={out}', url],
                   capture_output=True, timeout=120)
    assert out.exists(), 'chromium wrote no screenshot'
    return imread(out)

@pytest.mark.skipif(CHROMIUM is None, reason='Chromium is not installed (.ci/run installs it)')
@pytest.mark.parametrize('page', ['index.html', 'corpus.html'])
def test_pages_render_in_headless_chromium(site, page, tmp_path):
    img = _screenshot((site / page).as_uri(), tmp_path / 'shot.png', tmp_path / 'profile')
    gray = img[..., :3].mean(axis=-1)
    assert gray.shape[0] >= 1000 and gray.std() > 0.05, 'page rendered blank'
    assert (gray < 0.5).mean() > 0.005, 'page has almost no dark (text) pixels'

@pytest.mark.skipif(CHROMIUM is None, reason='Chromium is not installed (.ci/run installs it)')
def test_search_shows_excerpts_when_opened_from_disk(site, tmp_path):
    "Search results carry an excerpt of their page even from `file://`, where the browser blocks fetching the pages."
    dom = subprocess.run([CHROMIUM, *FLAGS, f'--user-data-dir={tmp_path}', '--virtual-time-budget=8000', '--dump-dom',
                          (site / 'search.html').as_uri() + '?q=conservation'], capture_output=True, text=True, timeout=120).stdout
    assert dom.count('class="context"') >= 2, 'search results without excerpts'
