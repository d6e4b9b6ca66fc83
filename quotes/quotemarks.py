"""Find quotations in raw text, before any parsing.

Works on characters only, so it is cheap, deterministic and testable on its
own. It knows curly and straight double marks, guillemets and single marks
used as quotation marks, nesting, and the news convention for a quote that
runs over several paragraphs: a paragraph opens a quote without closing it
and the next paragraph reopens it. Apostrophes (Kyiv’s, don’t, the ’90s)
never open or close anything.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Optional

OPEN_DOUBLE = "“„‟"
CLOSE_DOUBLE = "”"
OPEN_GUILLEMET = "«"
CLOSE_GUILLEMET = "»"
OPEN_SINGLE = "‘‚"
CLOSE_SINGLE = "’"
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
ALL_MARKS = OPEN_DOUBLE + CLOSE_DOUBLE + OPEN_GUILLEMET + CLOSE_GUILLEMET + OPEN_SINGLE + CLOSE_SINGLE + STRAIGHT_DOUBLE + STRAIGHT_SINGLE

_EVENTS = re.compile("[" + re.escape(ALL_MARKS) + "]|\n")
# Invisible formatting characters (direction marks, zero-width spaces, byte
# order marks) pasted with tweets and posts: they stand where a space would.
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\ufeff"
# Characters after which a mark starts a quotation rather than ends one.
_OPENING_CONTEXT = set(" \t\n\r([{—–-/:;" + OPEN_DOUBLE + OPEN_SINGLE + OPEN_GUILLEMET + '"' + "'" + _INVISIBLE)
# An apostrophe before a decade or a clipped year: the ’90s, class of ’24.
_DECADE = re.compile(r"\d\d(s\b|\b)")


@dataclass(frozen=True)
class Quotation:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark (or the paragraph end)
    family: str  # "double" | "single" | "guillemet"
    closed: bool  # False when the text never closes it
    paragraphs: int = 1  # how many paragraphs a news-style quote spans

    @property
    def inner(self) -> tuple[int, int]:
        """Offsets of the words inside the marks."""
        return self.start + 1, self.end - 1 if self.closed else self.end


def _is_opening(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in _OPENING_CONTEXT or before.isspace()) and not after.isspace()


def _is_closing(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _family(ch: str) -> str:
    if ch in OPEN_GUILLEMET + CLOSE_GUILLEMET:
        return "guillemet"
    if ch in OPEN_SINGLE + CLOSE_SINGLE + STRAIGHT_SINGLE:
        return "single"
    return "double"


def find_quotations(text: str) -> list[Quotation]:
    """Top-level quotations of ``text``, in order. Nested quotations are part
    of the quotation that contains them and are not listed."""
    found: list[Quotation] = []
    stack: list[tuple[str, int]] = []  # (family, offset of the opening mark)
    paragraphs = 1  # paragraphs spanned by the bottom quotation so far
    pending_continuation = False  # a quote left open at a paragraph end

    def close_bottom(end: int, closed: bool) -> None:
        nonlocal paragraphs
        family, start = stack[0]
        # An unclosed single mark was an apostrophe after all (rock ‘n roll).
        if closed or family != "single":
            found.append(Quotation(start, end, family, closed, paragraphs))
        stack.clear()
        paragraphs = 1

    events = [(m.start(), m.group()) for m in _EVENTS.finditer(text)]
    event_at = {pos: k for k, (pos, _) in enumerate(events)}
    # Opening single marks that turned out to be apostrophes (rock ‘n roll,
    # ’em): the paragraph is read again from just after them, so they do
    # not swallow the quotations that follow.
    ignored: set[int] = set()
    k = 0
    while True:
        if k == len(events):
            if not (stack and stack[0][0] == "single"):
                break
            # The text ends as a paragraph does, and nothing reopens it.
            i, ch = len(text), "\n"
        else:
            i, ch = events[k]
            k += 1
            if i in ignored:
                continue
        if ch == "\n" and stack and stack[0][0] == "single" and not _reopens(text, i, "single"):
            bad = stack[0][1]
            ignored.add(bad)
            stack.clear()
            paragraphs = 1
            pending_continuation = False
            k = event_at[bad] + 1
            continue
        if ch == "\n":
            if not stack:
                continue
            if _reopens(text, i, stack[0][0], text[stack[0][1]]):
                # News style: the next paragraph reopens the same quote.
                del stack[1:]
                pending_continuation = True
                continue
            end = i
            while end > stack[0][1] and text[end - 1].isspace():
                end -= 1
            close_bottom(end, closed=False)
            continue

        if pending_continuation and stack and _family(ch) == stack[0][0] and _is_opening(text, i):
            # The reopening mark of a continued paragraph.
            pending_continuation = False
            paragraphs += 1
            continue
        pending_continuation = False

        family = _family(ch)
        if ch in OPEN_DOUBLE + OPEN_GUILLEMET:
            depth = _innermost(stack, family)
            if ch == "“" and depth is not None and _is_closing(text, i) and not _is_opening(text, i):
                _close(stack, depth, i + 1, close_bottom)  # a “ typed where ” was meant: “rapists“ while
            else:
                stack.append((family, i))
        elif ch in CLOSE_DOUBLE + CLOSE_GUILLEMET:
            depth = _innermost(stack, family)
            if depth is not None:
                _close(stack, depth, i + 1, close_bottom)
            elif ch == CLOSE_DOUBLE and ((_is_opening(text, i) and not _is_closing(text, i)) or starts_paragraph(text, i)):
                # A ” typed where “ was meant; at a paragraph's start it
                # can close nothing ("” … they are so not like him,” she said).
                stack.append((family, i))
        elif ch == STRAIGHT_DOUBLE:
            depth = _innermost(stack, family)
            if depth is None and text.startswith("“", i + 1):
                # "“You don’t win ...,” Rubio responded ...": a straight
                # mark glued to the curly one that opens the quote is one
                # opening with it; ” closes both.
                stack.append((family, i))
                ignored.add(i + 1)
                continue
            if depth is not None and _is_closing(text, i):
                _close(stack, depth, i + 1, close_bottom)
            elif _is_opening(text, i):
                stack.append((family, i))
            elif depth is not None:
                _close(stack, depth, i + 1, close_bottom)
        elif ch in OPEN_SINGLE or ch == STRAIGHT_SINGLE:
            # A straight single closes an open single before it opens one.
            depth = _innermost(stack, "single")
            if ch == STRAIGHT_SINGLE and depth is not None and _is_closing(text, i):
                _close(stack, depth, i + 1, close_bottom)
            elif _is_opening(text, i) and not _DECADE.match(text, i + 1):
                stack.append(("single", i))
        elif ch == CLOSE_SINGLE:
            depth = _innermost(stack, "single")
            if depth is not None and _is_closing(text, i):
                _close(stack, depth, i + 1, close_bottom)
    if stack:
        end = len(text)
        while end > stack[0][1] and text[end - 1].isspace():
            end -= 1
        close_bottom(end, closed=False)
    return [q for q in found if q.end - q.start > 2]


def starts_paragraph(text: str, i: int) -> bool:
    """Only spaces stand between offset ``i`` and a line break (or the text's start)."""
    j = i - 1
    while j >= 0 and (text[j] in " \t\r" or text[j] in _INVISIBLE):
        j -= 1
    return j < 0 or text[j] == "\n"


def _same_style(mark: str, opening: str) -> bool:
    """Straight marks continue a quote straight marks opened, curly ones a
    curly one: in an excerpt set in straight marks around curly ones, a
    paragraph opening with “ quotes someone inside it."""
    return (mark in STRAIGHT_DOUBLE + STRAIGHT_SINGLE) == (opening in STRAIGHT_DOUBLE + STRAIGHT_SINGLE)


def _reopens(text: str, i: int, family: str, opening: str = "") -> bool:
    """Whether the paragraph after the line break at ``i`` opens with a mark
    of ``family`` (and of the ``opening`` mark's style, when given): the
    news convention for a quote running on."""
    j = i
    while j < len(text) and text[j].isspace():
        j += 1
    if j == len(text):
        return False  # ("" is in every string, so this must come first)
    nxt = text[j]
    if opening and not _same_style(nxt, opening):
        return False
    if family == "double":
        return nxt in OPEN_DOUBLE + STRAIGHT_DOUBLE
    if family == "guillemet":
        return nxt in OPEN_GUILLEMET
    return nxt in OPEN_SINGLE + STRAIGHT_SINGLE


def _innermost(stack: list[tuple[str, int]], family: str) -> int | None:
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth][0] == family:
            return depth
    return None


def _close(stack, depth: int, end: int, close_bottom) -> None:
    if depth == 0:
        close_bottom(end, closed=True)
    else:
        # Anything opened inside and never closed was not a quotation.
        del stack[depth:]


def quotation_finder(quotations: list[Quotation]):
    """A lookup of the quotation holding a character offset, if any."""
    starts = [q.start for q in quotations]

    def quotation_at(char: int) -> Optional[Quotation]:
        k = bisect.bisect_right(starts, char) - 1
        if k >= 0 and quotations[k].start <= char < quotations[k].end:
            return quotations[k]
        return None

    return quotation_at
