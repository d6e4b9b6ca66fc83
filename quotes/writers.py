"""Writing records as a table, CSV, JSON Lines or a JSON array -- streamed.

Every writer has the same small protocol and never holds more than one
document's records:

- ``write(quote)``: one record;
- ``write_document(document, quotes)``: one document's records (the table
  writer titles them with the document id and mentions documents without
  any); the output is flushed after each document;
- ``close()``: finish the output (the JSON array's ``]``, the CSV header of
  an empty run, the table summary). It flushes but never closes the stream,
  which belongs to the caller. Writers are context managers (``with``
  closes them).

``make_writer(fmt, stream)`` builds one; ``default_format()`` picks
``table`` for a terminal and ``jsonl`` otherwise.

Formats
    ``jsonl``: one ``Quote.to_dict()`` per line, UTF-8 (``ensure_ascii=False``);
    ``Quote.from_dict(json.loads(line))`` gives the record back. The lossless
    format: use it (or ``json``) when offsets must hold exactly.

    ``json``: the same objects in one JSON array, written as they come.

    ``csv``: one row per record, a header row, UTF-8 without BOM, RFC 4180
    quoting (open the stream with ``newline=""``); the columns are
    ``CSV_FIELDS`` below, a stable list (new columns are only ever appended).
    Missing values are empty cells. A text cell starting with ``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return gets a ``'`` prepended so that
    spreadsheets do not run it as a formula; integers and floats are never
    changed, but such a text cell is then no longer exactly
    ``article[start:end]``.

    ``table``: a rich table per document for reading in a terminal.

CSV columns (``CSV_FIELDS``)::

    doc_id               document id
    type                 direct | indirect | mixed
    text, start, end     the content span (str offsets, end exclusive)
    cue, cue_start, cue_end            the speech cue span
    speaker, speaker_start, speaker_end  the speaker mention as written
    speaker_name         canonical name of the speaker in the article
    speaker_kind         person | organization | group | unknown
    speaker_role, speaker_affiliation
    platform             channel (X, Telegram, statement, interview ...)
    outlet               whom it was told to (Reuters, reporters ...)
    confidence           0..1, 3 decimals
    paragraph, sentence  indices of the content's paragraph and sentence
    title, url, date     document metadata (from JSONL or HTML)
    source_outlet        the publishing outlet from the document metadata
                         (JSONL "outlet"), not the record's ``outlet``

``flatten(quote)`` returns a record as a dict over ``CSV_FIELDS`` with raw
values (``None`` for missing, no formula neutralisation), for other
tabular formats such as parquet.
"""
from __future__ import annotations

import csv
import json
import sys
from typing import Any, Iterable, Optional, TextIO

from .records import Document, Quote

__all__ = ["CSV_FIELDS", "FORMATS", "flatten", "Writer", "TableWriter", "CSVWriter",
           "JSONLWriter", "JSONWriter", "make_writer", "default_format",
           "TYPE_STYLES", "speaker_label"]

FORMATS = ("table", "csv", "jsonl", "json")

CSV_FIELDS = (
    "doc_id", "type", "text", "start", "end",
    "cue", "cue_start", "cue_end",
    "speaker", "speaker_start", "speaker_end",
    "speaker_name", "speaker_kind", "speaker_role", "speaker_affiliation",
    "platform", "outlet", "confidence", "paragraph", "sentence",
    "title", "url", "date", "source_outlet",
)

# Shared with quotes.show so that the table and the highlighted article agree.
TYPE_STYLES = {"direct": "green", "indirect": "cyan", "mixed": "magenta"}

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
QUOTE_WIDTH = 80


def flatten(quote: Quote) -> dict[str, Any]:
    """One record as a flat dict keyed by ``CSV_FIELDS`` (raw values)."""
    cue, sp, meta = quote.cue, quote.speaker, quote.meta or {}
    return {
        "doc_id": quote.doc_id,
        "type": quote.type,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "cue": cue.text if cue else None,
        "cue_start": cue.start if cue else None,
        "cue_end": cue.end if cue else None,
        "speaker": sp.text if sp else None,
        "speaker_start": sp.start if sp else None,
        "speaker_end": sp.end if sp else None,
        "speaker_name": sp.name if sp else None,
        "speaker_kind": sp.kind if sp else None,
        "speaker_role": sp.role if sp else None,
        "speaker_affiliation": sp.affiliation if sp else None,
        "platform": quote.platform,
        "outlet": quote.outlet,
        "confidence": round(quote.confidence, 3),
        "paragraph": quote.paragraph,
        "sentence": quote.sentence,
        "title": meta.get("title"),
        "url": meta.get("url"),
        "date": meta.get("date"),
        "source_outlet": meta.get("outlet"),
    }


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return value
    if not isinstance(value, str):
        value = json.dumps(value, ensure_ascii=False, default=str)
    if value.startswith(_FORMULA_START):
        return "'" + value
    return value


def speaker_label(quote: Quote) -> str:
    """The speaker as shown to people: the resolved name, else the mention as
    written, else an em dash."""
    sp = quote.speaker
    if sp is None:
        return "—"
    return sp.name or sp.text or "—"


class Writer:
    """Base class: see the module docstring for the protocol."""

    def write(self, quote: Quote) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def write_document(self, document: Document, quotes: Iterable[Quote]) -> None:
        for quote in quotes:
            self.write(quote)
        self.flush()

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.flush()

    def __enter__(self) -> "Writer":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class _StreamWriter(Writer):
    def __init__(self, stream: Optional[TextIO] = None):
        self.stream = stream if stream is not None else sys.stdout

    def flush(self) -> None:
        flush = getattr(self.stream, "flush", None)
        if flush is not None:
            flush()


class JSONLWriter(_StreamWriter):
    """One JSON object (``Quote.to_dict()``) per line."""

    def write(self, quote: Quote) -> None:
        self.stream.write(json.dumps(quote.to_dict(), ensure_ascii=False, default=str))
        self.stream.write("\n")


class JSONWriter(_StreamWriter):
    """A JSON array of ``Quote.to_dict()`` objects, one per line, streamed."""

    def __init__(self, stream: Optional[TextIO] = None):
        super().__init__(stream)
        self._count = 0
        self._closed = False

    def write(self, quote: Quote) -> None:
        self.stream.write("[\n" if self._count == 0 else ",\n")
        self.stream.write(json.dumps(quote.to_dict(), ensure_ascii=False, default=str))
        self._count += 1

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self.stream.write("\n]\n" if self._count else "[]\n")
        self.flush()


class CSVWriter(_StreamWriter):
    """One row per record over ``CSV_FIELDS``, with a header row."""

    def __init__(self, stream: Optional[TextIO] = None):
        super().__init__(stream)
        self._csv = csv.writer(self.stream)
        self._header = False

    def _ensure_header(self) -> None:
        if not self._header:
            self._header = True
            self._csv.writerow(CSV_FIELDS)

    def write(self, quote: Quote) -> None:
        self._ensure_header()
        row = flatten(quote)
        self._csv.writerow([_csv_cell(row[f]) for f in CSV_FIELDS])

    def close(self) -> None:
        self._ensure_header()
        self.flush()


def _trim(text: str, width: int = QUOTE_WIDTH) -> str:
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    return text[: width - 1].rstrip() + "…"


class TableWriter(Writer):
    """A rich table per document: speaker, role, affiliation, platform, type
    and the quote trimmed to about 80 characters; a summary line at the end."""

    def __init__(self, console=None, stream: Optional[TextIO] = None):
        from rich.console import Console

        if console is None:
            if stream is None:
                console = Console(highlight=False)  # follows sys.stdout
            else:
                isatty = getattr(stream, "isatty", lambda: False)()
                console = Console(file=stream, highlight=False,
                                  width=None if isatty else 200)
        self.console = console
        self._doc_id: Optional[str] = None
        self._rows: list[Quote] = []
        self.n_documents = 0
        self.n_quotes = 0
        self._closed = False

    def write(self, quote: Quote) -> None:
        if quote.doc_id != self._doc_id:
            self._print_pending()
            self._doc_id = quote.doc_id
        self._rows.append(quote)

    def write_document(self, document: Document, quotes: Iterable[Quote]) -> None:
        self._print_pending()
        self._doc_id = document.id
        self._rows = list(quotes)
        self._print_pending(title=document.meta.get("title") if document.meta else None,
                            show_empty=True)

    def _print_pending(self, title: Any = None, show_empty: bool = False) -> None:
        from rich.text import Text

        doc_id, rows = self._doc_id, self._rows
        self._doc_id, self._rows = None, []
        if doc_id is None:
            return
        self.n_documents += 1
        self.n_quotes += len(rows)
        if not rows:
            if show_empty:
                self.console.print(Text(f"{doc_id}: no quotes found", style="dim"))
            return
        self.console.print(self._table(doc_id, rows, title))

    def _table(self, doc_id: str, rows: list[Quote], title: Any = None):
        from rich import box
        from rich.table import Table
        from rich.text import Text

        table = Table(title=Text(doc_id, style="bold"), title_justify="left",
                      caption=Text(str(title), style="dim italic") if title else None,
                      caption_justify="left", box=box.SIMPLE_HEAD,
                      header_style="bold", expand=self.console.is_terminal)
        table.add_column("Speaker", style="bold", overflow="fold", max_width=28)
        table.add_column("Role", overflow="fold", max_width=22)
        table.add_column("Affiliation", overflow="fold", max_width=22)
        table.add_column("Platform", overflow="fold", max_width=16)
        table.add_column("Type", no_wrap=True)
        # The quote takes the room the other columns leave, on one line.
        table.add_column("Quote", ratio=1, min_width=20, no_wrap=True, overflow="ellipsis")
        for q in rows:
            sp = q.speaker
            table.add_row(
                Text(speaker_label(q)),
                Text((sp.role or "") if sp else ""),
                Text((sp.affiliation or "") if sp else ""),
                Text(q.platform or ""),
                Text(q.type, style=TYPE_STYLES.get(q.type, "")),
                Text(_trim(q.text)),
            )
        return table

    def flush(self) -> None:
        file = getattr(self.console, "file", None)
        if file is not None and hasattr(file, "flush"):
            file.flush()

    def close(self) -> None:
        from rich.text import Text

        if self._closed:
            return
        self._closed = True
        self._print_pending()
        q, d = self.n_quotes, self.n_documents
        self.console.print(Text(
            f"{q} quote{'s' if q != 1 else ''} in {d} document{'s' if d != 1 else ''}",
            style="dim"))
        self.flush()


def make_writer(fmt: str, stream: Optional[TextIO] = None, *, console=None) -> Writer:
    """A writer for ``fmt`` (one of ``FORMATS``) writing to ``stream``
    (default ``sys.stdout``; for ``table`` a rich ``console`` may be given
    instead)."""
    if fmt == "table":
        return TableWriter(console=console, stream=stream)
    if fmt == "csv":
        return CSVWriter(stream)
    if fmt == "jsonl":
        return JSONLWriter(stream)
    if fmt == "json":
        return JSONWriter(stream)
    raise ValueError(f"unknown output format {fmt!r} (one of {', '.join(FORMATS)})")


_SUFFIX_FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
                   ".txt": "table"}


def default_format(output: Optional[str] = None, stdout_isatty: Optional[bool] = None) -> str:
    """The format when none is asked for: by the output file's suffix
    (``.csv``, ``.json``, ``.jsonl``/``.ndjson``, ``.txt`` for a table; else
    ``jsonl``), and for standard output ``table`` on a terminal, ``jsonl``
    otherwise."""
    if output and output != "-":
        import os

        return _SUFFIX_FORMATS.get(os.path.splitext(output)[1].lower(), "jsonl")
    if stdout_isatty is None:
        try:
            stdout_isatty = sys.stdout.isatty()
        except (AttributeError, ValueError):
            stdout_isatty = False
    return "table" if stdout_isatty else "jsonl"
