"""The array scans that replace loops over a Doc's tokens must find exactly
what those loops found."""
from __future__ import annotations

import re

import pytest
from spacy.attrs import LEMMA, LOWER, ORTH

from quotes.entities import _count_phrase
from quotes.scan import positions, positions_where, word_ids

TEXT = ("Mayor Ana Silva said on Monday that the mayor's office would say more. "
        "SAID the sign. Silva, who says little, told Reuters: “Say it again.”")


@pytest.fixture(scope="module")
def doc(extractor):
    return extractor.nlp(TEXT)


def test_positions_are_the_tokens_with_those_words_in_order(doc):
    wanted = {"Silva", "say", "Mayor"}
    assert positions(doc, ORTH, word_ids(wanted)) == [t.i for t in doc if t.text in wanted]
    assert positions(doc, LOWER, word_ids({"mayor", "said"})) == [t.i for t in doc if t.lower_ in ("mayor", "said")]
    assert positions(doc, ORTH, word_ids(["absent"])) == []
    assert positions(doc[0:0].as_doc(), ORTH, word_ids(["Silva"])) == []


def test_positions_where_tests_each_distinct_word_once(doc):
    seen: list[str] = []

    def is_say(lemma: str) -> bool:
        seen.append(lemma)
        return lemma.lower() == "say"

    found = positions_where(doc, LEMMA, is_say)
    assert found == [t.i for t in doc if t.lemma_.lower() == "say"]
    assert len(found) >= 3
    assert sorted(seen) == sorted({t.lemma_ for t in doc})


@pytest.mark.parametrize("text, phrase", [
    ("the U.S. and the U.S.A.", "U.S."),
    ("Acme's rival Acme Corp, Acmes and Acme", "Acme"),
    ("(AP) AP AP-NORC", "AP"),
    ("Smith-Jones Smith", "Smith"),
    ("abab ab ab", "ab"),
    ("", "x"),
])
def test_phrase_count_is_the_word_bounded_regex_count(text, phrase):
    assert _count_phrase(text, phrase) == len(re.findall(r"\b" + re.escape(phrase) + r"\b", text))
