"""A faster stand-in for spaCy's ``attribute_ruler`` with the same output.

The English pipelines' attribute ruler maps every token's fine tag to its
coarse POS and morphology, then applies about a hundred and twenty word
exceptions ("ai n't" → be). spaCy runs all of it through a ``Matcher`` and
a Python call per match, one per token at least: 11% of the small model's
time on news text. Here the tag map is a dictionary lookup written to the
whole document at once, and a token is tried only against the exceptions
whose first token could be it (same word, tag, dependency or space).
Patterns and their order
(later patterns win) are read from the pipeline's own ruler, so the result
is the same; ``tests/test_fast_attributes.py`` checks that token by token.
Pipelines whose ruler has a shape this does not know keep spaCy's.
"""
from __future__ import annotations

import re
from typing import Callable, Optional

from spacy.attrs import MORPH, POS
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

_ATTRS = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}


def _value_test(value) -> Optional[Callable]:
    if not isinstance(value, dict):
        return lambda v: v == value
    if set(value) == {"IN"}:
        allowed = frozenset(value["IN"])
        return lambda v: v in allowed
    if set(value) == {"NOT_IN"}:
        banned = frozenset(value["NOT_IN"])
        return lambda v: v not in banned
    if set(value) == {"REGEX"}:
        rx = re.compile(value["REGEX"])
        return lambda v: bool(rx.search(v))
    return None


def _token_test(spec: dict) -> Optional[Callable[[Token], bool]]:
    tests = []
    for key, value in spec.items():
        get, test = _ATTRS.get(key), _value_test(value)
        if get is None or test is None:
            return None
        tests.append((get, test))
    return lambda tok: all(test(get(tok)) for get, test in tests)


class FastAttributeRuler:
    def __init__(self, ruler: AttributeRuler):
        self.ruler = ruler
        patterns = ruler.patterns
        # The leading run of single-token TAG-only patterns is the tag map.
        self.tag_map: dict[str, int] = {}
        k = 0
        while k < len(patterns):
            alternatives = patterns[k]["patterns"]
            if not all(len(p) == 1 and set(p[0]) == {"TAG"} and isinstance(p[0]["TAG"], str) for p in alternatives):
                break
            for p in alternatives:
                self.tag_map.setdefault(p[0]["TAG"], k)
            k += 1
        # The exceptions, indexed by a value their first token must have
        # (its lowercase form, tag or dependency, or being a space), so
        # that a token is tried only against the few that can match it.
        self.index: dict[tuple[str, object], list] = {}
        self.always: list = []
        self.supported = True
        for i in range(k, len(patterns)):
            for alternative in patterns[i]["patterns"]:
                tests = [_token_test(spec) for spec in alternative]
                if any(t is None for t in tests):
                    self.supported = False
                    return
                entry = (i, tests)
                keys = _index_keys(alternative[0])
                if keys is None:
                    self.always.append(entry)
                for key in keys or ():
                    self.index.setdefault(key, []).append(entry)
        # The tag map's attributes, set for the whole document at once when
        # they are the usual POS and MORPH.
        self.bulk = all(set(ruler.attrs[i]) == {POS, MORPH} for i in set(self.tag_map.values()))

    def __call__(self, doc: Doc) -> Doc:
        ruler = self.ruler
        attrs, indices = ruler.attrs, ruler.indices
        tokens = list(doc)
        if self.bulk:
            values = doc.to_array([POS, MORPH])
            for j, tok in enumerate(tokens):
                i = self.tag_map.get(tok.tag_)
                if i is not None:
                    values[j, 0] = attrs[i][POS]
                    values[j, 1] = attrs[i][MORPH]
            doc.from_array([POS, MORPH], values)
        else:
            for tok in tokens:
                i = self.tag_map.get(tok.tag_)
                if i is not None:
                    set_token_attrs(tok, attrs[i])
        matches = []
        index, always = self.index, self.always
        for j, tok in enumerate(tokens):
            for key in (("LOWER", tok.lower_), ("TAG", tok.tag_), ("DEP", tok.dep_), ("IS_SPACE", tok.is_space)):
                for i, tests in index.get(key, ()):
                    if _matches(tokens, j, tests):
                        matches.append((i, j, len(tests)))
            for i, tests in always:
                if _matches(tokens, j, tests):
                    matches.append((i, j, len(tests)))
        # spaCy's order: by pattern, then position; later patterns win.
        matches.sort()
        for i, start, length in matches:
            position = indices[i]
            set_token_attrs(tokens[start + (position if position >= 0 else length + position)], attrs[i])
        return doc


def _index_keys(spec: dict) -> Optional[list[tuple[str, object]]]:
    """The values one of which a token must have to match ``spec``, under
    one attribute; None when no attribute narrows it down."""
    for name in ("LOWER", "TAG", "DEP"):
        value = spec.get(name)
        if isinstance(value, str):
            return [(name, value)]
        if isinstance(value, dict) and set(value) == {"IN"}:
            return [(name, v) for v in value["IN"]]
    if spec.get("IS_SPACE") is True:
        return [("IS_SPACE", True)]
    return None


def _matches(tokens: list[Token], j: int, tests: list) -> bool:
    if j + len(tests) > len(tokens):
        return False
    return all(test(tokens[j + k]) for k, test in enumerate(tests))


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
