"Shared test set-up: headless plotting and the repository's paths."
import os
from pathlib import Path
import pytest

os.environ.setdefault('MPLBACKEND', 'Agg')
ROOT = Path(__file__).resolve().parents[1]

@pytest.fixture
def root(): return ROOT
