"""Per-speaker summaries of a set of quotes (``quotes speakers RUN.sqlite``).

``speaker_summaries`` is a pure function over records: it groups them by
canonical speaker -- ``speaker.name`` compared case-insensitively, or, for a
speaker the extractor could not name, the mention as written (``officials``,
``He``) -- and skips records with no speaker at all.
"""
from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from typing import IO, Iterable, Optional

from .records import Quote

CSV_FIELDS = ("name", "named", "kind", "n_quotes", "n_documents", "roles",
              "affiliations", "platforms", "first_date", "last_date")


@dataclass
class SpeakerSummary:
    name: str                      # most frequent spelling in the group
    named: bool                    # False: grouped by an unnamed mention
    kind: str                      # most frequent kind, "unknown" only if nothing else
    n_quotes: int
    n_documents: int
    roles: list[str] = field(default_factory=list)         # most frequent first
    affiliations: list[str] = field(default_factory=list)  # most frequent first
    platforms: list[tuple[str, int]] = field(default_factory=list)  # (platform, count)
    first_date: Optional[str] = None
    last_date: Optional[str] = None


class _Group:
    __slots__ = ("spellings", "named", "kinds", "roles", "affiliations",
                 "platforms", "docs", "n", "first", "last", "order")

    def __init__(self, order: int, named: bool):
        self.spellings: Counter = Counter()
        self.named = named
        self.kinds: Counter = Counter()
        self.roles = _Distinct()
        self.affiliations = _Distinct()
        self.platforms = _Distinct()
        self.docs: set = set()
        self.n = 0
        self.first: Optional[str] = None
        self.last: Optional[str] = None
        self.order = order


class _Distinct:
    """Counts strings case-insensitively, remembering the first spelling."""

    def __init__(self):
        self.counts: Counter = Counter()
        self.spelling: dict[str, str] = {}

    def add(self, value: Optional[str]) -> None:
        if value is None:
            return
        value = str(value).strip()
        if not value:
            return
        key = value.casefold()
        self.spelling.setdefault(key, value)
        self.counts[key] += 1

    def most_common(self) -> list[tuple[str, int]]:
        # Counter.most_common keeps first-seen order among equal counts.
        return [(self.spelling[k], n) for k, n in self.counts.most_common()]


def _date(quote: Quote) -> Optional[str]:
    meta = quote.meta or {}
    value = meta.get("date")
    if value is None:
        return None
    value = value.isoformat() if hasattr(value, "isoformat") else str(value).strip()
    return value or None


def speaker_summaries(quotes: Iterable[Quote]) -> list[SpeakerSummary]:
    """One summary per speaker, most quoted first (ties: by name)."""
    groups: dict[str, _Group] = {}
    for q in quotes:
        sp = q.speaker
        if sp is None:
            continue
        name = (sp.name or "").strip()
        named = bool(name)
        if not named:
            name = (sp.text or "").strip()
            if not name:
                continue
        key = " ".join(name.casefold().split())
        g = groups.get(key)
        if g is None:
            g = groups[key] = _Group(len(groups), named)
        g.named = g.named or named
        g.spellings[name] += 1
        g.kinds[sp.kind or "unknown"] += 1
        g.roles.add(sp.role)
        g.affiliations.add(sp.affiliation)
        g.platforms.add(q.platform)
        g.docs.add(q.doc_id)
        g.n += 1
        d = _date(q)
        if d is not None:
            if g.first is None or d < g.first:
                g.first = d
            if g.last is None or d > g.last:
                g.last = d

    out = []
    for g in sorted(groups.values(), key=lambda g: g.order):
        kinds = [k for k, _ in g.kinds.most_common() if k != "unknown"]
        out.append(SpeakerSummary(
            name=g.spellings.most_common(1)[0][0],
            named=g.named,
            kind=kinds[0] if kinds else "unknown",
            n_quotes=g.n,
            n_documents=len(g.docs),
            roles=[r for r, _ in g.roles.most_common()],
            affiliations=[a for a, _ in g.affiliations.most_common()],
            platforms=g.platforms.most_common(),
            first_date=g.first,
            last_date=g.last,
        ))
    out.sort(key=lambda s: (-s.n_quotes, s.name.casefold()))
    return out


def _platforms(s: SpeakerSummary) -> str:
    return "; ".join(f"{p} ({n})" for p, n in s.platforms)


def summary_row(s: SpeakerSummary) -> dict[str, object]:
    """A flat dict of CSV_FIELDS (lists joined with "; ")."""
    return {
        "name": s.name,
        "named": "yes" if s.named else "no",
        "kind": s.kind,
        "n_quotes": s.n_quotes,
        "n_documents": s.n_documents,
        "roles": "; ".join(s.roles),
        "affiliations": "; ".join(s.affiliations),
        "platforms": _platforms(s),
        "first_date": s.first_date or "",
        "last_date": s.last_date or "",
    }


def write_csv(summaries: Iterable[SpeakerSummary], stream: IO[str]) -> None:
    w = csv.DictWriter(stream, fieldnames=CSV_FIELDS, lineterminator="\n")
    w.writeheader()
    for s in summaries:
        w.writerow(summary_row(s))


def render_table(summaries: Iterable[SpeakerSummary], title: str | None = "Speakers"):
    """A rich ``Table`` of the summaries."""
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    table.add_column("Speaker", overflow="fold", min_width=12)
    table.add_column("Kind", no_wrap=True)
    table.add_column("Quotes", justify="right", no_wrap=True)
    table.add_column("Docs", justify="right", no_wrap=True)
    table.add_column("Roles", overflow="fold")
    table.add_column("Affiliations", overflow="fold")
    table.add_column("Platforms", overflow="fold")
    table.add_column("Dates", no_wrap=True)
    for s in summaries:
        dates = ""
        if s.first_date:
            dates = s.first_date if s.first_date == s.last_date else f"{s.first_date} – {s.last_date}"
        name = escape(s.name)
        table.add_row(name if s.named else f"[italic]{name}[/italic]",
                      s.kind, str(s.n_quotes), str(s.n_documents),
                      escape(", ".join(s.roles)), escape(", ".join(s.affiliations)),
                      escape(_platforms(s).replace("; ", ", ")), escape(dates))
    return table
