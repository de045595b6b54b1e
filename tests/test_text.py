"Tests for `teum_cxdo.text`: offline sentence splitting on transcript traps, conservation, the sentence table, boilerplate and courtesy flags."
import re
import pandas as pd
import pytest
from teum_cxdo.core import count_words
from teum_cxdo.text import flag_turns, is_boilerplate, is_courtesy, sentence_spans, sentences, split_sentences

@pytest.mark.parametrize('text,expected', [
    ("Revenue was $3.2 million in Q2. Margins held.", ["Revenue was $3.2 million in Q2.", "Margins held."]),
    ("Q2 revenues of $3.2 million were up 16%.", ["Q2 revenues of $3.2 million were up 16%."]),
    ("Zacks Investment Research, Inc. asked about it.", ["Zacks Investment Research, Inc. asked about it."]),
    ("Mr. Turner spoke first. Ms. Lee followed.", ["Mr. Turner spoke first.", "Ms. Lee followed."]),
    ("It was sold to [ph] Telco. Next question.", ["It was sold to [ph] Telco.", "Next question."]),
    ("I would like to turn the call over to [indiscernible] (00:22) Please go ahead.",
     ["I would like to turn the call over to [indiscernible] (00:22) Please go ahead."]),
    ("Michael D. Kaufman asked... And U.S. revenue rose!", ["Michael D. Kaufman asked...", "And U.S. revenue rose!"]),
    ("EBITDA was $383,000 vs. a loss of $232,000. Good.", ["EBITDA was $383,000 vs. a loss of $232,000.", "Good."]),
    ("We have 3.5 million users. 233 licensees use it.", ["We have 3.5 million users.", "233 licensees use it."]),
    ("Is that the end? Yes.\nNew paragraph", ["Is that the end?", "Yes.", "New paragraph"]),
])
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected

@pytest.mark.parametrize('text', ["", "   ", "\n\n"])
def test_empty_text_has_no_sentences(text):
    assert split_sentences(text) == [] and sentence_spans(text) == []

def test_spans_conserve_text():
    text = ("Revenue was $3.2 million in Q2. Mr. Turner of Pareteum Corp. spoke [ph] (33:17). Is it over?\n"
            "Next paragraph, Inc. and U.S. too...   Done!")
    spans = sentence_spans(text)
    assert all(text[s:e].strip() == text[s:e] for s, e in spans)
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:]))
    assert re.sub(r'\s+', '', ''.join(text[s:e] for s, e in spans)) == re.sub(r'\s+', '', text)

def test_sentences_table_carries_columns_and_words():
    t = pd.DataFrame({'turn': [0, 1], 'speaker': ['Op', 'Jane'], 'text': ['Welcome. Go ahead.', 'Thanks. Revenue rose 5%.\nMargins held.']})
    s = sentences(t)
    assert s.columns.tolist() == ['turn', 'speaker', 'sentence', 'text', 'n_words']
    assert s.sentence.tolist() == [0, 1, 0, 1, 2] and s.turn.tolist() == [0, 0, 1, 1, 1]
    assert s.n_words.sum() == t.text.map(count_words).sum()

def test_flags():
    assert is_courtesy("Thank you, Ashok.") and is_courtesy("Nice quarter, guys.")
    assert not is_courtesy("Thank you for the strong quarter in Brazil.") and not is_courtesy("Revenue rose.")
    assert is_boilerplate("This call contains forward-looking statements within the meaning of the Securities Act of 1933.")
    assert not is_boilerplate("We look forward to reaching breakeven next year.")
    f = flag_turns(pd.DataFrame({'text': ["Thank you, Ashok.\nGood afternoon.", "Revenue rose 16%. Thanks.",
                                          "Actual results may differ materially from forward-looking statements. Back to you."]}))
    assert f.courtesy.tolist() == [True, False, False] and f.boilerplate.tolist() == [False, False, True]
