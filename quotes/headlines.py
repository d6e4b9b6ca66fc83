"""Statements in title-case headlines.

The small English model reads a title-case line as a run of proper nouns
and finds no verb in it, so the dependency rules see nothing there. Two
shapes are read off the words instead: a headline signed at its end
("Fringe Could Shrink as Rents Soar, Organisers Warn") and one that opens
with its speaker and a speech verb in the headline's present tense
("Hillary Clinton Slams Donald Trump On Abortion").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon

# "..., Organisers Warn", "Guns Are ‘A Crisis,’ Howard Dean Tells
# Convention": a statement, then a comma or a closing quotation mark,
# then a few capitalised words.
_SIGNED = re.compile(r"(?m)^[ \t]*(\S[^\n]*?)(?:,|(?<=[’”\"']))[ \t]+([A-Z#@][\w.’'&-]*(?:[ \t]+[A-Z#@][\w.’'&-]*){1,9})[.!]?[ \t]*$")
_LINE = re.compile(r"(?m)^[ \t]*(\S[^\n]*?)[ \t]*$")
_WORD = re.compile(r"[^\W\d_][\w’'-]*")


@dataclass
class Headline:
    """A statement found in a headline: character offsets of its content,
    its cue and the words naming its speaker."""
    start: int
    end: int
    cue: Token
    speaker: Span


def is_title(inner: str, lex: Lexicon, named: bool = False) -> bool:
    """A short quotation in title case names a show, a book, an operation.

    One ending on a full stop usually ends a sentence someone said ("“Dump
    Trump.”"), unless it is ``named``: it follows a preposition, a
    possessive or a noun ("on ABC's “This Week.”", "the podcast “So, That
    Happened.”"), where American style sets the sentence's full stop
    inside the marks."""
    words = _WORD.findall(inner)
    if not words or len(words) > 6 or re.search(r"[!?]\W*$" if named else r"[.!?]\W*$", inner.strip()):
        return False
    if all(w.isupper() for w in words if w.isalpha()):
        return False  # "THIS IS NOT OK", "GROWING PARTY": shouted, not named
    return words[0][0].isupper() and len(words) >= 2 and all(
        w[0].isupper() or w[0].isdigit() or w.lower() in lex.title_small_words for w in words)


def signed_headlines(doc: Doc, text: str, lex: Lexicon) -> Iterator[Headline]:
    """Lines that end on their speaker, a speech verb and perhaps whom it
    was told to ("..., Howard Dean Tells Convention")."""
    for m in _SIGNED.finditer(text):
        words = _WORD.findall(m.group(0))
        long_words = [w for w in words if len(w) > 3]
        # Title case: a sentence of running text is no headline.
        if len(words) > 30 or sum(w[0].isupper() for w in long_words) < 0.8 * len(long_words):
            continue
        if len(re.findall(r"\w+", m.group(1))) < 3:
            continue
        tail = list(re.finditer(r"\S+", m.group(2)))
        k = next((k for k in range(1, min(6, len(tail))) if len(tail) - k - 1 <= 4 and any(
            form in lex.speech_verbs for form in _verb_forms(tail[k].group().lower()))), None)
        if k is None:
            continue
        offset = m.start(2)
        name = doc.char_span(offset, offset + tail[k - 1].end())
        cue = doc.char_span(offset + tail[k].start(), offset + tail[k].end())
        # "..., Evades Reporter’s Question": a possessive is no speaker.
        if name is None or cue is None or any(t.lower_ in lex.not_speakers or t.tag_ == "POS" for t in doc[name.start:cue.end]):
            continue
        yield Headline(m.start(1), m.end(1), cue[0], name)


def _verb_forms(word: str) -> list[str]:
    """The lemmas a headline's verb may stand for: warn, warns, pledges."""
    return [form for form in (word, word[:-1], word[:-2]) if form]


def verb_headlines(doc: Doc, text: str, lex: Lexicon) -> Iterator[Headline]:
    """"Hillary Clinton Slams Donald Trump On Abortion", "Maher Tells Guest
    Muslim Violence Is Beyond Compare": a speech verb in the headline's
    present tense after a name of a few words reports the rest of the
    line."""
    for m in _LINE.finditer(text):
        words = list(_WORD.finditer(m.group(1)))
        if not 4 <= len(words) <= 20 or not all(w.group()[0].isupper() or w.group().lower() in lex.title_small_words for w in words):
            continue
        verb = next((k for k, w in enumerate(words[:7]) if k > 0 and w.group().endswith("s")
                     and w.group()[:-1].lower() in lex.speech_verbs - lex.headline_nouns), None)
        if verb is None or len(words) - verb < 3 or any(w.group().lower() in lex.title_small_words for w in words[:verb]):
            continue
        base = m.start(1)
        name_end = base + words[verb - 1].end()
        if ":" in text[m.start(1):name_end]:
            continue
        start, end = base + words[verb + 1].start(), m.end(1)
        # "Slams Trump On Abortion After SCOTUS Ruling", "Endorses Ryan With
        # Trump’s Blessing": a phrase of time or circumstance is the
        # headline's setting.
        end = next((base + w.start() for w in words[verb + 2:] if w.group().lower() in lex.headline_settings), end)
        while end > start and text[end - 1] in ".!?… ":
            end -= 1
        speaker = doc.char_span(m.start(1), name_end, alignment_mode="expand")
        cue = doc.char_span(base + words[verb].start(), base + words[verb].end(), alignment_mode="expand")
        if speaker is not None and cue is not None:
            yield Headline(start, end, cue[0], speaker)
