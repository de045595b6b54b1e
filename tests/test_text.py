"""Sentence-splitting tables for `teum_cxdo.text`: the exact split of transcript traps, and texts with no sentences.

The unit checks of the module (span conservation, the sentence table, boilerplate and courtesy flags, `flag_split`)
live in `nbs/03_text.ipynb`."""
import re
import pytest
from teum_cxdo.text import sentence_spans, split_sentences

def squash(s): return re.sub(r'\s+', '', s)

@pytest.mark.parametrize('text,expected', [
    ("Revenue was $3.2 million in Q2. Margins held.", ["Revenue was $3.2 million in Q2.", "Margins held."]),
    ("Q2 revenues of $3.2 million were up 16%.", ["Q2 revenues of $3.2 million were up 16%."]),
    ("Zacks Investment Research, Inc. asked about it.", ["Zacks Investment Research, Inc. asked about it."]),
    ("Mr. Turner spoke first. Ms. Lee followed.", ["Mr. Turner spoke first.", "Ms. Lee followed."]),
    ("It was sold to [ph] Telco. Next question.", ["It was sold to [ph] Telco.", "Next question."]),
    ("I would like to turn the call over to [indiscernible] (00:22) Please go ahead.",
     ["I would like to turn the call over to [indiscernible] (00:22) Please go ahead."]),
    ("And at this time, I would like to turn the call over to [indiscernible] (00:22) Please go ahead.",
     ["And at this time, I would like to turn the call over to [indiscernible] (00:22) Please go ahead."]),
    ("Michael D. Kaufman asked... And U.S. revenue rose!", ["Michael D. Kaufman asked...", "And U.S. revenue rose!"]),
    ("EBITDA was $383,000 vs. a loss of $232,000. Good.", ["EBITDA was $383,000 vs. a loss of $232,000.", "Good."]),
    ("Revenue grew 43% to $12.7 million. EBITDA was $383,000 vs. a loss of $232,000. Good.",
     ["Revenue grew 43% to $12.7 million.", "EBITDA was $383,000 vs. a loss of $232,000.", "Good."]),
    ("We have 3.5 million users. 233 licensees use it.", ["We have 3.5 million users.", "233 licensees use it."]),
    ("We have 3.5 million end users. 233 licensees use it.", ["We have 3.5 million end users.", "233 licensees use it."]),
    ("Is that the end? Yes.\nNew paragraph", ["Is that the end?", "Yes.", "New paragraph"]),
])
def test_split_sentences(text, expected):
    got = split_sentences(text)
    assert got == expected
    assert squash(''.join(got)) == squash(text)  # nothing lost but whitespace

@pytest.mark.parametrize('text', ["", "   ", "\n\n", "   \n  "])
def test_empty_text_has_no_sentences(text):
    assert split_sentences(text) == [] and sentence_spans(text) == []
