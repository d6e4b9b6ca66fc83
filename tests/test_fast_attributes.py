"""The fast attribute ruler gives every token exactly what spaCy's own
attribute ruler gives it: tag, POS, morphology and lemma."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from quotes.fast_attributes import speed_up
from quotes.nlp import default_model_name, load_spacy

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

# Each exception kind of the English rulers: contractions, dialect forms,
# expletive "there", auxiliaries, determiners as pronouns, odd spaces.
SENTENCES = [
    "I ain't gonna say it, y'all, and there's nothin' more to add.",
    "There were protests; that is what they wanted, he said, and this was it.",
    "She'd've told us if we'd asked.  It's   the '90s\t\tagain?\n\nNo.",
    "Whatever he did, which was a lot, those who stayed didn't leave.",
    "Lemme know whether y' all can't come, cuz I dunno.",
    "\u00a0 “Quote,” said the mayor’s spokesperson.\u2028Next line\u200b.",
]


def attributes(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_) for t in doc]


@pytest.fixture(scope="module")
def pipelines():
    name = default_model_name()
    plain = spacy.load(name)
    fast = spacy.load(name)
    speed_up(fast)
    return plain, fast


def test_the_loader_uses_it(pipelines):
    assert "fast_attribute_ruler" in load_spacy().pipe_names
    assert "attribute_ruler" not in pipelines[1].pipe_names


@pytest.mark.parametrize("text", SENTENCES)
def test_same_attributes_on_exceptions(pipelines, text):
    plain, fast = pipelines
    assert attributes(fast(text)) == attributes(plain(text))


def test_same_attributes_on_the_corpus(pipelines):
    plain, fast = pipelines
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    assert len(texts) > 30
    for a, b in zip(plain.pipe(texts), fast.pipe(texts)):
        assert attributes(b) == attributes(a)
