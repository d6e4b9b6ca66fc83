"""The fast lemmatizer gives every token exactly the lemma spaCy's own
rule lemmatizer gives it."""
from __future__ import annotations

from pathlib import Path

import pytest

from quotes import fast_lemmas
from quotes.nlp import load_spacy

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

# Base forms (never cached by spaCy), inflections, exceptions, lemmas the
# attribute ruler sets first ("n't", "ai"), proper nouns, odd spaces.
SENTENCES = [
    "The mayors said they'd been meeting; she hasn't seen the plans, ain't that so?",
    "Better, best and worse: the geese ran faster than the oxen were running.",
    "Senators Warren and Sanders were told that the U.S. Geological Survey's data was wrong.",
    "\u00a0 “Quote,” said the mayor’s spokesperson.\u2028Next line\u200b.\n\nNo.",
    "",
]


@pytest.fixture(scope="module")
def pipelines():
    fast = load_spacy()
    plain = load_spacy()
    plain.enable_pipe("lemmatizer")
    plain.disable_pipe("fast_lemmatizer")
    return plain, fast


def lemmas(doc):
    return [(t.text, t.pos_, str(t.morph), t.lemma_) for t in doc]


def test_the_loader_uses_it(pipelines):
    plain, fast = pipelines
    assert "fast_lemmatizer" in fast.pipe_names and "lemmatizer" not in fast.pipe_names
    assert "lemmatizer" in plain.pipe_names and "fast_lemmatizer" not in plain.pipe_names


@pytest.mark.parametrize("text", SENTENCES)
def test_same_lemmas(pipelines, text):
    plain, fast = pipelines
    assert lemmas(fast(text)) == lemmas(plain(text))


def test_same_lemmas_on_the_corpus_twice(pipelines):
    # The second pass reads every lemma from the memo.
    plain, fast = pipelines
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    assert len(texts) > 30
    expected = [lemmas(d) for d in plain.pipe(texts)]
    for _ in range(2):
        assert [lemmas(d) for d in fast.pipe(texts)] == expected


def test_lemmas_outlive_spacys_memory_zones(pipelines):
    # Words first seen inside a zone leave the vocabulary when it closes;
    # the next zone's lemmas of the same words must still be readable.
    plain, fast = pipelines
    text = "The zorblings were glimfed by the snargling mayors."
    expected = lemmas(plain(text))
    for _ in range(2):
        with fast.memory_zone():
            assert lemmas(fast(text)) == expected


def test_a_full_memo_starts_over(pipelines, monkeypatch):
    plain, fast = pipelines
    monkeypatch.setattr(fast_lemmas, "MEMO_SIZE", 5)
    memo = fast.get_pipe("fast_lemmatizer").memo
    memo.clear()
    text = SENTENCES[1]
    assert lemmas(fast(text)) == lemmas(plain(text))
    assert 0 < len(memo) <= 5


def test_left_alone_without_a_rule_lemmatizer():
    import spacy

    lookup = spacy.blank("en")
    lookup.add_pipe("lemmatizer", config={"mode": "lookup"})
    untrained = spacy.blank("en")
    untrained.add_pipe("lemmatizer", config={"mode": "rule"})  # no tables
    for nlp in (lookup, untrained, spacy.blank("en")):
        before = nlp.pipe_names
        fast_lemmas.speed_up(nlp)
        assert nlp.pipe_names == before
