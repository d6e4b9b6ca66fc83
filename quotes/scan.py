"""Finding tokens by their word without a Python loop over the Doc.

``for tok in doc`` makes a ``Token`` object per word, and the rule stage
made about twenty such passes per article. Here the words are read as
hashes from the Doc's arrays in one call, and the caller applies its full
test to the few positions that can pass it.
"""
from __future__ import annotations

from typing import Callable, Iterable

import numpy

from spacy.strings import get_string_id
from spacy.tokens import Doc


def word_ids(words: Iterable[str]) -> frozenset[int]:
    """The hashes spaCy stores for ``words`` (ORTH, LOWER, LEMMA values)."""
    return frozenset(get_string_id(w) for w in words)


def positions(doc: Doc, attr: int, ids: frozenset[int]) -> list[int]:
    """Indices, in order, of the tokens whose ``attr`` is one of ``ids``."""
    if len(doc) == 0 or not ids:
        return []
    # Compared as numbers in numpy: ``tolist`` alone, which turns each
    # 64-bit hash into a Python int, took longer than the test.
    wanted = numpy.fromiter(ids, dtype=numpy.uint64, count=len(ids))
    return numpy.flatnonzero(numpy.isin(doc.to_array(attr), wanted)).tolist()


def positions_where(doc: Doc, attr: int, test: Callable[[str], bool]) -> list[int]:
    """Indices, in order, of the tokens whose ``attr`` string passes ``test``:
    each distinct word is tested once."""
    if len(doc) == 0:
        return []
    strings = doc.vocab.strings
    words, where = numpy.unique(doc.to_array(attr), return_inverse=True)
    passed = numpy.array([test(strings[h]) for h in words.tolist()], dtype=bool)
    return numpy.flatnonzero(passed[where]).tolist()
