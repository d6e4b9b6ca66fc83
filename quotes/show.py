"""The article with its quotes marked up, for reading in a terminal.

``show(document, quotes, console)`` prints the whole text, wrapped to the
console width with its paragraphs kept, and

- each quote's content coloured by type (direct green, indirect cyan, mixed
  magenta -- the colours of the table output),
- its cue bold and underlined, the speaker mention bold,
- after each content a label ``[Vitali Klitschko · Mayor, Kyiv · X]``:
  speaker, role and affiliation, platform, and ``to <outlet>`` when given.

Offsets are used as they are (they index ``document.text``); a record whose
span does not fit the text is left unmarked rather than breaking the output.
"""
from __future__ import annotations

from typing import Iterable

from .records import Document, Quote
from .writers import TYPE_STYLES, speaker_label

CUE_STYLE = "bold underline"
SPEAKER_STYLE = "bold"


def quote_label(quote: Quote) -> str:
    """``Name · Role, Affiliation · Platform · to Outlet`` (empty parts left out)."""
    sp = quote.speaker
    parts = [speaker_label(quote) if sp else "unattributed"]
    if sp:
        role = ", ".join(p for p in (sp.role, sp.affiliation) if p)
        if role:
            parts.append(role)
    if quote.platform:
        parts.append(quote.platform)
    if quote.outlet:
        parts.append(f"to {quote.outlet}")
    return " · ".join(parts)


def _fits(start, end, n: int) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= n


# rich drops these from any Text (BEL, BS, VT, FF, CR): the display text
# replaces or removes them, and offsets are mapped accordingly.
_SPACE_FOR = {"\a": " ", "\b": " ", "\v": "\n", "\f": "\n"}


def _display_text(source: str) -> tuple[str, list[int]]:
    """(text for display, sorted source offsets of the characters removed).
    CR LF shows as LF and a lone CR as LF; VT and FF as LF, BEL and BS as
    a space."""
    out: list[str] = []
    removed: list[int] = []
    last = 0
    for i, ch in enumerate(source):
        if ch == "\r":
            out.append(source[last:i])
            if source.startswith("\n", i + 1):
                removed.append(i)
            else:
                out.append("\n")
            last = i + 1
        elif ch in _SPACE_FOR:
            out.append(source[last:i])
            out.append(_SPACE_FOR[ch])
            last = i + 1
    out.append(source[last:])
    return "".join(out), removed


def render(document: Document, quotes: Iterable[Quote]):
    """The marked-up article as a rich ``Text``."""
    from bisect import bisect_left

    from rich.text import Text

    source = document.text
    n = len(source)
    display, removed = _display_text(source)

    def at(offset: int) -> int:
        return offset - bisect_left(removed, offset) if removed else offset

    text = Text(display)
    labels: dict[int, list[Text]] = {}
    for q in quotes:
        colour = TYPE_STYLES.get(q.type, "yellow")
        if not _fits(q.start, q.end, n):
            continue
        text.stylize(colour, at(q.start), at(q.end))
        if q.cue and _fits(q.cue.start, q.cue.end, n):
            text.stylize(CUE_STYLE, at(q.cue.start), at(q.cue.end))
        sp = q.speaker
        if sp and _fits(sp.start, sp.end, n):
            text.stylize(SPEAKER_STYLE, at(sp.start), at(sp.end))
        labels.setdefault(at(q.end), []).append(
            Text(f" [{quote_label(q)}]", style=f"italic dim {colour}"))
    if not labels:
        return text
    cuts = sorted(c for c in labels if 0 < c < len(display))
    out = Text()
    offset = 0
    for piece in text.divide(cuts):
        out.append_text(piece)
        offset += len(piece)
        for label in labels.pop(offset, ()):
            out.append_text(label)
    for position in sorted(labels):  # only at 0 for an empty text
        for label in labels[position]:
            out.append_text(label)
    return out


def legend():
    from rich.text import Text

    parts = [Text("direct", style=TYPE_STYLES["direct"]),
             Text("indirect", style=TYPE_STYLES["indirect"]),
             Text("mixed", style=TYPE_STYLES["mixed"]),
             Text("cue", style=CUE_STYLE), Text("speaker", style=SPEAKER_STYLE)]
    return Text("  ").join(parts)


def show(document: Document, quotes: Iterable[Quote], console) -> None:
    """Print ``document`` with ``quotes`` marked up on the rich ``console``."""
    from rich.rule import Rule
    from rich.text import Text

    quotes = list(quotes)
    title = document.id
    if document.meta and document.meta.get("title"):
        title = f"{document.id} — {document.meta['title']}"
    console.print(Rule(Text(title, style="bold"), align="left"))
    console.print(legend())
    console.print()
    console.print(render(document, quotes), overflow="fold")
    console.print()
    n = len(quotes)
    console.print(Text(f"{n} quote{'s' if n != 1 else ''}", style="dim"))
