"Shared test set-up: headless plotting and the repository's paths."
import os
from pathlib import Path
import pytest

os.environ.setdefault('MPLBACKEND', 'Agg')
ROOT = Path(__file__).resolve().parents[1]

@pytest.fixture
def root(): return ROOT

def pytest_configure(config):
    "Silence deprecation notices raised inside the docs toolchain (Sphinx themes and myst), which are not this package's code."
    for module in ('sphinx_book_theme', 'myst_parser', 'myst_nb', 'pydata_sphinx_theme', 'sphinx'):
        config.addinivalue_line('filterwarnings', f'ignore::DeprecationWarning:{module}.*')
        config.addinivalue_line('filterwarnings', f'ignore::PendingDeprecationWarning:{module}.*')
