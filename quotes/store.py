"""A run's results in one SQLite file, written document by document.

``quotes extract --db RUN.sqlite`` records every finished document in a
``RunStore``; re-running the same command skips the documents whose text is
unchanged (``is_done``), so an interrupted run resumes where it stopped.

Each document is written in ONE transaction (old rows deleted, new quote rows
and the ``documents`` row inserted), and the file is in WAL mode, so a
``kill -9`` at any moment leaves every document either fully present or
absent -- never half-written.

Layout (version 1):

- ``documents(doc_id PRIMARY KEY, content_hash, n_quotes, meta, finished_at,
  source, ord)`` -- ``meta`` is the document's metadata as JSON, ``ord`` the
  order in which documents were first written (the order of ``iter_quotes``).
- ``quotes(doc_id, seq, record, speaker_name, speaker_kind, role,
  affiliation, platform, type, PRIMARY KEY(doc_id, seq))`` -- ``record`` is
  ``Quote.to_dict()`` as JSON; the other columns are copies for querying
  (``SELECT speaker_name, count(*) FROM quotes GROUP BY 1``).

The file carries a SQLite ``application_id`` so that any other database is
refused with a one-line ``StoreError`` instead of being written into.

``export_command`` and ``speakers_command`` are the ``quotes export`` and
``quotes speakers`` click commands over such a file.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import threading
from datetime import datetime, timezone
from typing import Iterable, Iterator, Optional

import click

from .records import Document, Quote

# "QUOT": marks the file as a quotes run store (PRAGMA application_id).
APPLICATION_ID = 0x51554F54
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE documents (
    doc_id       TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    n_quotes     INTEGER NOT NULL,
    meta         TEXT NOT NULL,          -- JSON object
    finished_at  TEXT NOT NULL,          -- UTC, ISO 8601
    source       TEXT,
    ord          INTEGER NOT NULL UNIQUE -- first-write order
);
CREATE TABLE quotes (
    doc_id       TEXT NOT NULL,
    seq          INTEGER NOT NULL,
    record       TEXT NOT NULL,          -- JSON: Quote.to_dict()
    speaker_name TEXT,
    speaker_kind TEXT,
    role         TEXT,
    affiliation  TEXT,
    platform     TEXT,
    type         TEXT,
    PRIMARY KEY (doc_id, seq)
);
CREATE INDEX quotes_speaker_name ON quotes (speaker_name COLLATE NOCASE);
"""

_QUOTE_COLUMNS = ("doc_id", "seq", "record", "speaker_name", "speaker_kind",
                  "role", "affiliation", "platform", "type")


class StoreError(RuntimeError):
    """The file is not a usable quotes store; the message is one line."""


def content_hash(text: str) -> str:
    """sha256 hex digest of ``text`` encoded as UTF-8."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=str)


def _quote_row(doc_id: str, seq: int, quote: Quote) -> tuple:
    sp = quote.speaker
    return (doc_id, seq, _dumps(quote.to_dict()),
            sp.name if sp else None, sp.kind if sp else None,
            sp.role if sp else None, sp.affiliation if sp else None,
            quote.platform, quote.type)


class RunStore:
    """One run's documents and quotes in a SQLite file (see module doc).

    ``RunStore(path)`` creates the file when absent; ``create=False`` refuses
    to (for readers such as ``quotes export``). Usable as a context manager.
    """

    def __init__(self, path: str | os.PathLike, *, create: bool = True):
        self.path = os.fspath(path)
        if not create and not os.path.exists(self.path):
            raise StoreError(f"{self.path}: no such file")
        if os.path.isdir(self.path):
            raise StoreError(f"{self.path}: is a directory, not a quotes store")
        self._lock = threading.RLock()
        try:
            # isolation_level=None: we issue BEGIN/COMMIT ourselves.
            self._conn = sqlite3.connect(self.path, timeout=60,
                                         isolation_level=None,
                                         check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open: {exc}") from None
        try:
            self._setup()
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise StoreError(f"{self.path}: not a quotes store or corrupt ({exc})") from None
        except StoreError:
            self._conn.close()
            raise

    # -- opening -------------------------------------------------------

    def _setup(self) -> None:
        c = self._conn
        c.execute("PRAGMA busy_timeout = 60000")
        # Reading the schema first makes SQLite parse the header: a file that
        # is not a database fails here, before we change anything.
        tables = {r[0] for r in c.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        app_id = c.execute("PRAGMA application_id").fetchone()[0]
        if app_id == APPLICATION_ID:
            version = c.execute("PRAGMA user_version").fetchone()[0]
            if version != SCHEMA_VERSION:
                raise StoreError(f"{self.path}: quotes store of version {version}, "
                                 f"this quotes reads version {SCHEMA_VERSION}")
            if not {"documents", "quotes"} <= tables:
                raise StoreError(f"{self.path}: corrupt quotes store (tables missing)")
        elif tables or app_id != 0:
            raise StoreError(f"{self.path}: not a quotes store "
                             "(a SQLite database written by something else)")
        mode = c.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":  # e.g. a read-only directory
            raise StoreError(f"{self.path}: cannot switch to WAL mode (got {mode!r})")
        c.execute("PRAGMA synchronous = NORMAL")
        c.execute("PRAGMA foreign_keys = ON")
        if app_id != APPLICATION_ID:
            c.execute("BEGIN IMMEDIATE")
            try:
                # Someone may have initialised it meanwhile.
                if c.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                    for stmt in _SCHEMA.split(";"):
                        if stmt.strip():
                            c.execute(stmt)
                    c.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                    c.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                c.execute("COMMIT")
            except BaseException:
                c.execute("ROLLBACK")
                raise

    def _wrap(self, exc: sqlite3.Error) -> StoreError:
        return StoreError(f"{self.path}: {exc}")

    # -- writing -------------------------------------------------------

    def is_done(self, doc_id: str, content_hash: str) -> bool:
        """True when ``doc_id`` was written with this very content hash."""
        with self._lock:
            try:
                row = self._conn.execute(
                    "SELECT content_hash FROM documents WHERE doc_id = ?", (doc_id,)
                ).fetchone()
            except sqlite3.Error as exc:
                raise self._wrap(exc) from None
        return row is not None and row[0] == content_hash

    def write_document(self, document: Document, content_hash: str,
                       quotes: Iterable[Quote]) -> None:
        """Replace everything stored for ``document.id`` by ``quotes``, in one
        transaction: on any error (or a kill) nothing of it is changed."""
        doc_id = document.id
        quotes = list(quotes)
        rows = (_quote_row(doc_id, seq, q) for seq, q in enumerate(quotes))
        with self._lock:
            c = self._conn
            try:
                c.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise self._wrap(exc) from None
            try:
                c.execute("DELETE FROM quotes WHERE doc_id = ?", (doc_id,))
                # Rows are serialised inside the transaction (a generator),
                # so a failing record rolls back what came before it.
                c.executemany(f"INSERT INTO quotes ({', '.join(_QUOTE_COLUMNS)}) "
                              f"VALUES ({', '.join('?' * len(_QUOTE_COLUMNS))})", rows)
                values = (content_hash, len(quotes), _dumps(document.meta or {}),
                          _now(), document.source or None)
                updated = c.execute(
                    "UPDATE documents SET content_hash = ?, n_quotes = ?, meta = ?, "
                    "finished_at = ?, source = ? WHERE doc_id = ?", values + (doc_id,)
                ).rowcount
                if not updated:  # a new document goes last; a rewrite keeps its place
                    c.execute(
                        "INSERT INTO documents (content_hash, n_quotes, meta, finished_at, "
                        "source, doc_id, ord) VALUES (?, ?, ?, ?, ?, ?, "
                        "(SELECT COALESCE(MAX(ord), 0) + 1 FROM documents))",
                        values + (doc_id,))
                c.execute("COMMIT")
            except BaseException as exc:
                try:
                    c.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
                if isinstance(exc, sqlite3.Error):
                    raise self._wrap(exc) from None
                raise

    # -- reading -------------------------------------------------------

    def count_documents(self) -> int:
        with self._lock:
            try:
                return self._conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            except sqlite3.Error as exc:
                raise self._wrap(exc) from None

    def count_quotes(self) -> int:
        with self._lock:
            try:
                return self._conn.execute("SELECT count(*) FROM quotes").fetchone()[0]
            except sqlite3.Error as exc:
                raise self._wrap(exc) from None

    def doc_ids(self) -> list[str]:
        """The stored document ids, in first-write order."""
        with self._lock:
            try:
                return [r[0] for r in self._conn.execute(
                    "SELECT doc_id FROM documents ORDER BY ord")]
            except sqlite3.Error as exc:
                raise self._wrap(exc) from None

    def iter_quotes(self) -> Iterator[Quote]:
        """Every stored quote: documents in first-write order, then by seq.

        Streams (a read snapshot of its own), so it is fine on big stores."""
        # A second connection: its read transaction is a consistent snapshot
        # and does not hold up writers on ours.
        try:
            conn = sqlite3.connect(self.path, timeout=60, check_same_thread=False)
        except sqlite3.Error as exc:
            raise self._wrap(exc) from None
        try:
            cur = conn.execute(
                "SELECT q.record FROM quotes q JOIN documents d ON d.doc_id = q.doc_id "
                "ORDER BY d.ord, q.seq")
            while True:
                rows = cur.fetchmany(500)
                if not rows:
                    break
                for (record,) in rows:
                    try:
                        yield Quote.from_dict(json.loads(record))
                    except (ValueError, TypeError, KeyError) as exc:
                        raise StoreError(f"{self.path}: corrupt record ({exc})") from None
        except sqlite3.Error as exc:
            raise self._wrap(exc) from None
        finally:
            conn.close()

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> "RunStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"RunStore({self.path!r})"


# ---------------------------------------------------------------------------
# Parquet: the CSV's columns (quotes.writers.CSV_FIELDS / flatten), typed

_INT_COLUMNS = {"start", "end", "cue_start", "cue_end", "speaker_start", "speaker_end",
                "paragraph", "sentence"}
_FLOAT_COLUMNS = {"confidence"}


def parquet_schema():
    pa, _ = _import_pyarrow()
    from .writers import CSV_FIELDS

    return pa.schema([(f, pa.int64() if f in _INT_COLUMNS else
                       pa.float64() if f in _FLOAT_COLUMNS else pa.string())
                      for f in CSV_FIELDS])


def write_parquet(quotes: Iterable[Quote], path: str | os.PathLike,
                  chunk: int = 10_000) -> int:
    """Write ``quotes`` to a parquet file with the CSV's columns (raw values,
    typed: offsets int64, confidence float64, the rest strings; no formula
    neutralisation), streamed in row groups of ``chunk``; returns the number
    of records. A missing pyarrow raises ``click.ClickException`` with the
    install hint."""
    pa, pq = _import_pyarrow()
    from .writers import CSV_FIELDS, flatten

    schema = parquet_schema()
    strings = [f for f in CSV_FIELDS if f not in _INT_COLUMNS and f not in _FLOAT_COLUMNS]
    n = 0
    with pq.ParquetWriter(os.fspath(path), schema) as writer:
        rows: list[dict] = []

        def flush():
            for r in rows:
                for f in strings:
                    v = r[f]
                    if v is not None and not isinstance(v, str):
                        r[f] = _dumps(v)
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            rows.clear()

        for q in quotes:
            rows.append(flatten(q))
            n += 1
            if len(rows) >= chunk:
                flush()
        if rows or n == 0:
            flush()
    return n


def _import_pyarrow():
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise click.ClickException(
            "parquet output needs pyarrow: pip install 'quotes[parquet]'") from None
    return pa, pq


# ---------------------------------------------------------------------------
# click commands

def _open_for_reading(path: str) -> RunStore:
    try:
        return RunStore(path, create=False)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None


@click.command("export")
@click.argument("store_path", metavar="RUN.sqlite", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet"]),
              default="jsonl", show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              default=None, help="Output file (default stdout; required for parquet).")
def export_command(store_path: str, fmt: str, output: Optional[str]) -> None:
    """Write the quotes of a run store (``extract --db``) as CSV, JSONL or parquet."""
    if fmt == "parquet":
        if not output or output == "-":
            raise click.UsageError("--format parquet needs -o FILE")
        _import_pyarrow()
    with _open_for_reading(store_path) as store:
        try:
            if fmt == "parquet":
                write_parquet(store.iter_quotes(), output)
                return
            from .writers import make_writer

            to_file = output and output != "-"
            stream = open(output, "w", encoding="utf-8", newline="") if to_file else sys.stdout
            try:
                with make_writer(fmt, stream) as writer:
                    for quote in store.iter_quotes():
                        writer.write(quote)
            finally:
                if to_file:
                    stream.close()
        except StoreError as exc:
            raise click.ClickException(str(exc)) from None


@click.command("speakers")
@click.argument("store_path", metavar="RUN.sqlite", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["table", "csv"]), default="table",
              show_default=True, help="A table for reading or CSV.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True),
              default=None, help="Output file (default stdout).")
@click.option("--limit", type=int, default=None, help="Only the N most quoted speakers.")
def speakers_command(store_path: str, fmt: str, output: Optional[str],
                     limit: Optional[int]) -> None:
    """Who is quoted in a run store: per speaker, how often, in which roles,
    affiliations and platforms, and over which dates."""
    from .report import render_table, write_csv, speaker_summaries

    with _open_for_reading(store_path) as store:
        try:
            summaries = speaker_summaries(store.iter_quotes())
        except StoreError as exc:
            raise click.ClickException(str(exc)) from None
    if limit is not None:
        summaries = summaries[:limit]
    to_file = output and output != "-"
    stream = open(output, "w", encoding="utf-8", newline="") if to_file else sys.stdout
    try:
        if fmt == "csv":
            write_csv(summaries, stream)
        else:
            from rich.console import Console

            tty = not to_file and getattr(stream, "isatty", lambda: False)()
            console = Console(file=stream, width=None if tty else 160, highlight=False)
            console.print(render_table(summaries))
    finally:
        if to_file:
            stream.close()
