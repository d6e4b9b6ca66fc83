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
        cut = None
        for pattern in (_PARAGRAPH_BREAK, _SENTENCE_END, re.compile(r"\s+")):
            ends = [m.end() for m in pattern.finditer(text, pos + limit // 2, window_end)]
            ends = [e for e in ends if e < window_end and not inside_quote(e)]
            if ends:
                cut = ends[-1]
                break
        if cut is None:
            cut = window_end  # one unbroken run of characters: no choice
        pieces.append((pos, cut))
        pos = cut
    pieces.append((pos, len(text)))
    return pieces


def count_paragraph_breaks(text: str) -> int:
    return len(_PARAGRAPH_BREAK.findall(text))
