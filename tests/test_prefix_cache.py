"The stored literal prefixes (`text.PREFIX_FILE`) match the package's patterns: every key an analysis asks for is stored, and every stored entry is what spelling it out gives."
import json, os, subprocess, sys
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
REFRESH = f'TEUM_CXDO_REFRESH_PREFIXES=1 pytest tests/{Path(__file__).name}'

# In a fresh process: note the pattern behind every key, import every module, analyse the bundled calls and the fixture
# calls, then spell every pattern asked for again and compare it with the file.
PROBE = r'''
import importlib, json, pkgutil, re, sys
from pathlib import Path
from teum_cxdo import text
asked, key_of = {}, text.prefix_key
def noting(rx, depth):
    k = key_of(rx, depth); asked[k] = (rx.pattern, int(rx.flags), depth); return k
text.prefix_key = noting
import teum_cxdo
for m in pkgutil.iter_modules(teum_cxdo.__path__): importlib.import_module('teum_cxdo.' + m.name)
at_import = len(asked)
from teum_cxdo.corpus import doc_ids, load_text
from teum_cxdo.pipeline import analyze_text
calls = [load_text(d) for d in doc_ids('call')] + [p.read_text(encoding='utf-8', errors='replace') for p in sorted(Path(sys.argv[1]).glob('**/*.txt'))]
for i, t in enumerate(calls):
    try: analyze_text(t, doc_id=f'c{i}')
    except teum_cxdo.core.TeumCxdoError: pass   # fixtures of bad input
spelled = {k: text._spell_prefixes(re.compile(p, f), d) for k, (p, f, d) in asked.items()}
print(json.dumps(dict(at_import=at_import, spelled=spelled, stored=text._stored_prefixes())))
'''

@pytest.fixture(scope='module')
def probe():
    p = subprocess.run([sys.executable, '-c', PROBE, str(ROOT / 'tests' / 'fixtures')], capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 0, p.stderr[-3000:]
    out = json.loads(p.stdout.strip().splitlines()[-1])
    if os.environ.get('TEUM_CXDO_REFRESH_PREFIXES') == '1':
        (ROOT / 'teum_cxdo' / 'data' / 'prefixes.json').write_text(json.dumps(out['spelled'], sort_keys=True, indent=0) + '\n', encoding='utf-8')
        out['stored'] = out['spelled']
    return out

def test_every_key_asked_is_stored(probe):
    missing = set(probe['spelled']) - set(probe['stored'])
    assert not missing, f'{len(missing)} patterns would be spelled out in every process: {REFRESH}'
    assert probe['at_import'] > 50   # importing the package asks for the prefixes of its scans and gates …
    assert len(probe['spelled']) > probe['at_import']   # … and analysing calls for those built lazily (sentiment phrases, events)

def test_stored_entries_are_current(probe):
    "Each stored entry is what spelling its pattern out gives now, and the file holds no entry no pattern asks for."
    wrong = [k for k, v in probe['spelled'].items() if k in probe['stored'] and probe['stored'][k] != v]
    assert not wrong, f'{len(wrong)} stored entries differ from their patterns: {REFRESH}'
    assert set(probe['stored']) <= set(probe['spelled']), f'entries no pattern asks for: {REFRESH}'

@pytest.mark.parametrize('content', ['', '{not json', '[1, 2]', '{"k": "abc"}', '{"k": [1]}'])
def test_a_broken_file_is_ignored(tmp_path, monkeypatch, content):
    "A missing, unreadable or malformed file is no store at all: the prefixes are spelled out as without it."
    import re
    from teum_cxdo import text
    monkeypatch.setattr(text, 'PREFIX_FILE', tmp_path / 'prefixes.json')
    assert text._stored_prefixes() == {}
    (tmp_path / 'prefixes.json').write_text(content, encoding='utf-8')
    assert text._stored_prefixes() == {}
    rx = re.compile(r'\b(?:net |total )?revenues?|gross margins?', re.I)
    assert text.literal_prefixes(rx) == text._spell_prefixes(rx, 6) == ['gross ', 'net re', 'revenu', 'total ']
