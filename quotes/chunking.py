"""Cutting very long texts into pieces the parser can take.

A piece ends at a paragraph break that no quotation spans, else at a
sentence end, else at whitespace, so that no quote is lost or doubled at a
boundary. Pieces are contiguous: concatenated they give the text back, and
a record's offsets are its piece's offsets plus the piece's start.
"""
from __future__ import annotations

import bisect
import re

from .quotemarks import find_quotations

# spaCy's parser needs about 1 GB per 100,000 characters at worst; news
# articles are far shorter, so only pathological inputs are cut.
MAX_PIECE = 100_000

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"[.!?][\"”’»)]*\s+")
_WHITESPACE = re.compile(r"\s+")
QUOTE_OPENERS = "“„‟\"«‘'"


def split_text(text: str, limit: int = MAX_PIECE) -> list[tuple[int, int]]:
    if len(text) <= limit:
        return [(0, len(text))]
    quotes = find_quotations(text)
    starts = [q.start for q in quotes]

    def inside_quote(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and quotes[k].start < pos < quotes[k].end

    pieces = []
    pos = 0
    while len(text) - pos > limit:
        window_end = pos + limit
        cut = fallback = None
        for pattern in (_PARAGRAPH_BREAK, _SENTENCE_END, _WHITESPACE):
            ends = [m.end() for m in pattern.finditer(text, pos + limit // 2, window_end) if m.end() < window_end]
            outside = [e for e in ends if not inside_quote(e)]
            safe = [e for e in outside if _keeps_attribution(text, e)]
            if safe:
                cut = safe[-1]
                break
            fallback = fallback or (outside[-1] if outside else None) or (ends[-1] if ends and pattern is _WHITESPACE else None)
        # Else a cut that separates a quote from its attribution, then one
        # inside a stray or endless quotation, then (one unbroken run of
        # characters) the limit itself.
        cut = cut or fallback or window_end
        pieces.append((pos, cut))
        pos = cut
    pieces.append((pos, len(text)))
    return pieces


def _keeps_attribution(text: str, cut: int) -> bool:
    """A cut must not leave a quotation at the start of a piece (the second
    half of a split quote, a bare quote paragraph) nor a piece ending in
    "X said:": their cue and speaker would be in the other piece."""
    after = text[cut:cut + 5].lstrip()
    before = text[max(0, cut - 5):cut].rstrip()
    return not (after[:1] and after[0] in QUOTE_OPENERS) and not before.endswith(":")


def count_paragraph_breaks(text: str) -> int:
    return len(_PARAGRAPH_BREAK.findall(text))
