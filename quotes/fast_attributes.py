"""A faster stand-in for spaCy's ``attribute_ruler`` with the same output.

The English pipelines' attribute ruler maps every token's fine tag to its
coarse POS and morphology, then applies about a hundred and twenty word
exceptions ("ai n't" → be). spaCy runs all of it through a ``Matcher`` and
a Python call per match, one per token at least: 11% of the small model's
time on news text. Here the tag map is a dictionary lookup written to the
whole document at once, and a token is tried only against the exceptions
whose first token could be it (same word, tag, dependency or space), all
on the document's attributes read once as an array of string ids.
Patterns and their order
(later patterns win) are read from the pipeline's own ruler, so the result
is the same; ``tests/test_fast_attributes.py`` checks that token by token.
Pipelines whose ruler has a shape this does not know keep spaCy's.
"""
from __future__ import annotations

import re

import numpy
from typing import Callable, Optional

from spacy.attrs import DEP, IS_SPACE, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# Regular-expression results kept per word; forgotten past this many, as a
# corpus of millions of articles has an open vocabulary.
MEMO_SIZE = 200_000

# The attributes exceptions test, read for the whole document as one array
# of string ids: a test then costs a dictionary lookup, not a Token.
_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY = [TAG, LOWER, DEP, IS_SPACE]


def _id(value) -> int:
    return int(value) if isinstance(value, bool) else get_string_id(value)


def _value_test(value, strings: StringStore) -> Optional[Callable[[int], bool]]:
    if not isinstance(value, dict):
        wanted = _id(value)
        return lambda v: v == wanted
    if set(value) == {"IN"}:
        allowed = frozenset(_id(v) for v in value["IN"])
        return lambda v: v in allowed
    if set(value) == {"NOT_IN"}:
        banned = frozenset(_id(v) for v in value["NOT_IN"])
        return lambda v: v not in banned
    if set(value) == {"REGEX"}:
        rx = re.compile(value["REGEX"])
        seen: dict[int, bool] = {}

        def test(v: int) -> bool:
            hit = seen.get(v)
            if hit is None:
                if len(seen) >= MEMO_SIZE:
                    seen.clear()
                hit = seen[v] = bool(rx.search(strings[v]))
            return hit
        return test
    return None


def _token_test(spec: dict, strings: StringStore) -> Optional[Callable[[list[int]], bool]]:
    tests = []
    for key, value in spec.items():
        column, test = _COLUMNS.get(key), _value_test(value, strings)
        if column is None or test is None:
            return None
        tests.append((column, test))
    return lambda row: all(test(row[column]) for column, test in tests)


class FastAttributeRuler:
    def __init__(self, ruler: AttributeRuler):
        self.ruler = ruler
        patterns = ruler.patterns
        strings = ruler.vocab.strings
        # The leading run of single-token TAG-only patterns is the tag map.
        self.tag_map: dict[int, int] = {}
        k = 0
        while k < len(patterns):
            alternatives = patterns[k]["patterns"]
            if not all(len(p) == 1 and set(p[0]) == {"TAG"} and isinstance(p[0]["TAG"], str) for p in alternatives):
                break
            for p in alternatives:
                self.tag_map.setdefault(get_string_id(p[0]["TAG"]), k)
            k += 1
        # The exceptions, indexed by a value their first token must have
        # (its lowercase form, tag or dependency, or being a space), so
        # that a token is tried only against the few that can match it.
        self.index: dict[tuple[int, int], list] = {}
        self.always: list = []
        self.by_value: list = []
        self.supported = True
        for i in range(k, len(patterns)):
            for alternative in patterns[i]["patterns"]:
                tests = [_token_test(spec, strings) for spec in alternative]
                if any(t is None for t in tests):
                    self.supported = False
                    return
                entry = (i, tests)
                keys = _index_keys(alternative[0])
                if keys is None and len(alternative[0]) == 1:
                    # ("y'" by a regular expression): tried once per
                    # distinct value in a document, not per token.
                    (name, value), = alternative[0].items()
                    self.by_value.append((_COLUMNS[name], _value_test(value, strings), entry))
                elif keys is None:
                    self.always.append(entry)
                for key in keys or ():
                    self.index.setdefault(key, []).append(entry)
        # The tag map's attributes, set for the whole document at once when
        # they are the usual POS and MORPH.
        self.bulk = all(set(ruler.attrs[i]) == {POS, MORPH} for i in set(self.tag_map.values()))

    def __call__(self, doc: Doc) -> Doc:
        ruler = self.ruler
        attrs, indices = ruler.attrs, ruler.indices
        array = doc.to_array(_ARRAY)
        rows = array.tolist()
        if self.bulk:
            values = doc.to_array([POS, MORPH])
            for j, row in enumerate(rows):
                i = self.tag_map.get(row[0])
                if i is not None:
                    values[j, 0] = attrs[i][POS]
                    values[j, 1] = attrs[i][MORPH]
            doc.from_array([POS, MORPH], values)
        else:
            for j, row in enumerate(rows):
                i = self.tag_map.get(row[0])
                if i is not None:
                    set_token_attrs(doc[j], attrs[i])
        tried: dict[int, list] = {}
        for column, test, entry in self.by_value:
            values = array[:, column]
            for value in numpy.unique(values).tolist():
                if test(value):
                    for j in numpy.flatnonzero(values == value).tolist():
                        tried.setdefault(j, []).append(entry)
        matches = []
        index, always = self.index, self.always
        for j, row in enumerate(rows):
            for column, value in enumerate(row):
                for i, tests in index.get((column, value), ()):
                    if _matches(rows, j, tests):
                        matches.append((i, j, len(tests)))
            for i, tests in always + tried.get(j, []):
                if _matches(rows, j, tests):
                    matches.append((i, j, len(tests)))
        # spaCy's order: by pattern, then position; later patterns win.
        matches.sort()
        for i, start, length in matches:
            position = indices[i]
            set_token_attrs(doc[start + (position if position >= 0 else length + position)], attrs[i])
        return doc


def _index_keys(spec: dict) -> Optional[list[tuple[int, int]]]:
    """The (column, value) pairs one of which a token must have to match
    ``spec``; None when no attribute narrows it down."""
    for name in ("LOWER", "TAG", "DEP"):
        value = spec.get(name)
        if isinstance(value, str):
            return [(_COLUMNS[name], get_string_id(value))]
        if isinstance(value, dict) and set(value) == {"IN"}:
            return [(_COLUMNS[name], get_string_id(v)) for v in value["IN"]]
    if spec.get("IS_SPACE") is True:
        return [(_COLUMNS["IS_SPACE"], 1)]
    return None


def _matches(rows: list[list[int]], j: int, tests: list) -> bool:
    if j + len(tests) > len(rows):
        return False
    return all(test(rows[j + k]) for k, test in enumerate(tests))


@Language.factory("fast_attribute_ruler")
def make_fast_attribute_ruler(nlp: Language, name: str):
    return FastAttributeRuler(nlp.get_pipe("attribute_ruler"))


def speed_up(nlp: Language) -> None:
    """Run the fast ruler in place of the pipeline's attribute ruler (kept,
    disabled) when it can reproduce it; leave the pipeline alone otherwise."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        return
    probe = FastAttributeRuler(ruler)
    if not probe.supported or not probe.tag_map:
        return
    nlp.add_pipe("fast_attribute_ruler", before="attribute_ruler")
    nlp.disable_pipe("attribute_ruler")
