"""The ``quotes`` command line.

``quotes extract INPUT...`` reads files, directories, JSONL, HTML or ``-``
(see ``quotes.inputs``) and writes one record per quote or reported statement
(see ``quotes.writers`` for the formats). ``quotes show FILE`` prints an
article with its quotes marked up. ``eval``, ``models``, ``export`` and
``speakers`` come from their own modules.

Errors are one line on stderr, ``quotes: error: <what>: <why>``. A bad input
does not stop a run: the others are processed and the exit status is 1.
Exit statuses: 0 all inputs processed; 1 an input, the model, the store or
the output failed; 2 a usage error; 130 interrupted (Ctrl-C); 141 the reader
of standard output went away (``| head``).
"""
from __future__ import annotations

import importlib
import inspect
import io
import itertools
import multiprocessing
import os
import signal
import sys
from collections import deque
from typing import Any, Iterable, Iterator, Optional

import click

from . import __version__
from .inputs import InputError, count_documents, iter_documents
from .nlp import ModelError
from .pipeline import Extractor
from .records import Document, Quote
from .writers import FORMATS, default_format, make_writer

PROG = "quotes"
DASK_FORMATS = ("jsonl", "parquet")


# ---------------------------------------------------------------------------
# Small helpers

def _error(message: Any) -> None:
    click.echo(f"{PROG}: error: {message}", err=True)


def _isatty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


class _Fatal(click.ClickException):
    """A one-line error that ends the command with status 1."""

    exit_code = 1

    def show(self, file=None) -> None:
        _error(self.format_message())


class _OutputError(RuntimeError):
    pass


class _Output:
    """The output stream: ``-o FILE`` (UTF-8, newlines untranslated) or
    standard output as UTF-8. A file is opened at the first write, so a run
    that fails before producing anything (no model, say) leaves no file
    behind; ``finish()`` creates it even when nothing was written."""

    def __init__(self, path: Optional[str]):
        self.path = path if path and path != "-" else None
        self._file = None
        self._wrapper: Optional[io.TextIOWrapper] = None
        self._tty = self.path is None and _isatty(sys.stdout)

    @property
    def name(self) -> str:
        return self.path or "<stdout>"

    def _stream(self):
        if self._file is not None:
            return self._file
        if self.path is not None:
            try:
                self._file = open(self.path, "w", encoding="utf-8", newline="")
            except OSError as exc:
                raise _OutputError(f"{self.path}: {exc.strerror or exc}") from None
        elif self._tty:
            # Looked up at each write: a live progress display swaps
            # sys.stdout for a proxy that prints above the bar.
            self._file = _DynamicStdout()
        else:
            buffer = getattr(sys.stdout, "buffer", None)
            if buffer is None:
                self._file = sys.stdout
            else:
                sys.stdout.flush()
                self._wrapper = io.TextIOWrapper(buffer, encoding="utf-8", newline="",
                                                 write_through=True)
                self._file = self._wrapper
        return self._file

    def write(self, text: str) -> int:
        try:
            return self._stream().write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _OutputError(f"{self.name}: {exc.strerror or exc}") from None

    def flush(self) -> None:
        if self._file is not None:
            try:
                self._file.flush()
            except BrokenPipeError:
                raise
            except OSError as exc:
                raise _OutputError(f"{self.name}: {exc.strerror or exc}") from None

    def isatty(self) -> bool:
        return self._tty

    def finish(self) -> None:
        self._stream()
        self.flush()
        self._release()

    def discard(self) -> None:
        try:
            self._release()
        except OSError:
            pass

    def _release(self) -> None:
        if self._wrapper is not None:
            self._wrapper.flush()
            self._wrapper.detach()  # leave sys.stdout open
            self._wrapper = None
        elif self.path is not None and self._file is not None:
            self._file.close()
        self._file = None


class _DynamicStdout:
    def write(self, text: str) -> int:
        return sys.stdout.write(text)

    def flush(self) -> None:
        sys.stdout.flush()

    def isatty(self) -> bool:
        return True


# ---------------------------------------------------------------------------
# The model, in this process or in workers

def _extractor_options(unattributed: bool) -> dict:
    if not unattributed:
        return {}
    params = inspect.signature(Extractor.load).parameters
    if "keep_unattributed" in params or any(
            p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values()):
        return {"keep_unattributed": True}
    raise click.UsageError("--unattributed is not supported by this extractor "
                           "(Extractor.load has no keep_unattributed)")


def _load_extractor(model: Optional[str], backend: str, options: dict):
    return Extractor.load(model=model, backend=backend, **options)


def _extract_serial(documents: Iterable[Document], model, backend, options,
                    batch_size: int) -> Iterator[tuple[Document, list[Quote]]]:
    documents = iter(documents)
    first = next(documents, None)
    if first is None:  # nothing readable: do not load a model for nothing
        return
    extractor = _load_extractor(model, backend, options)
    yield from extractor.pipe(itertools.chain([first], documents), batch_size)


_WORKER: dict = {}


def _worker_init() -> None:
    # Ctrl-C is handled by the parent, which terminates the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _worker_extract(task) -> list[list[Quote]]:
    model, backend, options, batch, batch_size = task
    key = (model, backend, tuple(sorted(options.items())))
    extractor = _WORKER.get(key)
    if extractor is None:  # once per worker process
        extractor = _WORKER[key] = _load_extractor(model, backend, options)
    results = [quotes for _document, quotes in extractor.pipe(batch, batch_size)]
    if len(results) != len(batch):
        raise RuntimeError(f"the extractor returned {len(results)} results "
                           f"for {len(batch)} documents")
    return results


def _mp_context():
    # fork: workers start fast and inherit the loaded code; the pool is
    # created before any thread of ours (progress display) starts. spawn
    # where fork is unavailable or unsafe (macOS).
    if "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(documents)
    while True:
        batch = list(itertools.islice(it, size))
        if not batch:
            return
        yield batch


def _extract_parallel(pool, jobs: int, documents: Iterable[Document], model, backend,
                      options, batch_size: int) -> Iterator[tuple[Document, list[Quote]]]:
    """Batches of documents go to the worker pool; results come back in input
    order. At most 4 small tasks per worker are in flight, so memory stays
    bounded whatever the size of the input."""
    pending: deque = deque()

    def collect():
        batch, result = pending.popleft()
        for document, quotes in zip(batch, result.get()):
            yield document, quotes

    # Small tasks keep both workers busy to the end: with whole batches a
    # worker can sit idle while the other parses the last one.
    task_size = max(1, min(batch_size, 8))
    for batch in _batches(documents, task_size):
        pending.append((batch, pool.apply_async(
            _worker_extract, ((model, backend, options, batch, batch_size),))))
        while len(pending) >= 4 * jobs:
            yield from collect()
    while pending:
        yield from collect()


# ---------------------------------------------------------------------------
# Progress

class _Progress:
    """A rich progress bar on stderr (only when stderr is a terminal), and
    the place errors are printed so that they appear above the bar."""

    def __init__(self, enabled: bool, total: Optional[int] = None):
        self.progress = None
        self.task = None
        self.words = 0
        if not enabled:
            return
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn,
                                   TextColumn, TimeElapsedColumn, TimeRemainingColumn)
        from rich.text import Text

        class WordsPerSecond(ProgressColumn):
            def render(self, task):
                elapsed = task.elapsed or 0.0
                words = task.fields.get("words", 0)
                rate = words / elapsed if elapsed > 0 else 0.0
                return Text(f"{rate:,.0f} words/s", style="progress.data.speed")

        self.progress = Progress(
            TextColumn("[progress.description]{task.description}"), BarColumn(),
            MofNCompleteColumn(), TextColumn("docs"), WordsPerSecond(),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            console=Console(stderr=True), transient=False)
        self.task = self.progress.add_task("extracting", total=total, words=0)

    def __enter__(self) -> "_Progress":
        if self.progress is not None:
            self.progress.start()
        return self

    def __exit__(self, *exc) -> None:
        if self.progress is not None:
            self.progress.stop()

    def advance(self, document: Optional[Document] = None) -> None:
        if self.progress is None:
            return
        if document is not None:
            self.words += len(document.text.split())
        self.progress.update(self.task, advance=1, words=self.words)

    def set_completed(self, n: int) -> None:
        if self.progress is not None:
            self.progress.update(self.task, completed=n)

    def error(self, message: Any) -> None:
        if self.progress is None:
            _error(message)
        else:
            self.progress.console.print(f"{PROG}: error: {message}", markup=False,
                                        highlight=False, soft_wrap=True)

    def note(self, message: str) -> None:
        if self.progress is not None:
            self.progress.console.print(f"{PROG}: {message}", markup=False,
                                        highlight=False, soft_wrap=True)


# ---------------------------------------------------------------------------
# The command group

class _Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo(f"{PROG}: interrupted", err=True)
            raise click.exceptions.Exit(130) from None
        except BrokenPipeError:
            # The reader went away (``quotes extract ... | head``): stop
            # quietly; point stdout at devnull so the final flush is silent.
            try:
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())
            except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
                pass
            raise click.exceptions.Exit(141) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name=PROG, message="%(prog)s %(version)s")
def main() -> None:
    """Find who said what in news text: quotes and reported statements,
    their speakers, roles, affiliations and platforms."""


def _check_encoding(ctx, param, value):
    if value is None:
        return None
    import codecs

    try:
        codecs.lookup(value)
    except LookupError:
        raise click.BadParameter(f"unknown encoding {value!r}") from None
    return value


@main.command("extract")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...",
                type=click.Path(allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(FORMATS + ("parquet",)), default=None,
              help="Output format [default: table on a terminal, else by the -o suffix, "
                   "else jsonl]. parquet: --engine dask only.")
@click.option("-o", "--output", type=click.Path(allow_dash=True), default=None,
              metavar="FILE",
              help="Write to FILE instead of standard output (--engine dask: a directory).")
@click.option("--model", default=None, metavar="NAME",
              help="spaCy model (or stanza model directory) [default: the best installed, "
                   "or QUOTES_MODEL].")
@click.option("--backend", type=click.Choice(["spacy", "stanza"]), default="spacy",
              show_default=True, help="The parser.")
@click.option("--encoding", default=None, callback=_check_encoding, metavar="ENC",
              help="Decode inputs with ENC [default: UTF-8, or UTF-16/32 by BOM].")
@click.option("--save-text", type=click.Path(file_okay=False), default=None, metavar="DIR",
              help="Write the text extracted from HTML inputs to DIR/<doc_id>.txt, "
                   "the text the offsets refer to.")
@click.option("--batch-size", type=click.IntRange(min=1), default=32, show_default=True,
              help="Documents parsed together.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Worker processes, each with its own model (0: one per CPU).")
@click.option("--db", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Record finished documents in a SQLite run store; documents already "
                   "there with the same text are skipped.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True, help="Where to run: here, or on a Dask cluster.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Dask scheduler address (--engine dask) [default: a local cluster].")
@click.option("--unattributed", is_flag=True,
              help="Also report quotations with neither cue nor speaker.")
@click.pass_context
def extract_command(ctx, inputs, fmt, output, model, backend, encoding, save_text,
                    batch_size, jobs, db, engine, scheduler, unattributed):
    """Extract quotes and reported statements from INPUT files, directories
    (.txt, .html, .htm, .jsonl, recursively) or - for standard input."""
    if engine == "dask":
        if db:
            raise click.UsageError("--db cannot be combined with --engine dask")
        if unattributed:
            raise click.UsageError("--unattributed is not supported with --engine dask")
        if not output or output == "-":
            raise click.UsageError("--engine dask writes part files: give -o DIRECTORY")
        fmt = fmt or "jsonl"
        if fmt not in DASK_FORMATS:
            raise click.UsageError(f"--engine dask writes {' or '.join(DASK_FORMATS)}, "
                                   f"not {fmt}")
    else:
        if scheduler:
            raise click.UsageError("--scheduler needs --engine dask")
        if fmt == "parquet":
            raise click.UsageError("--format parquet needs --engine dask (or use "
                                   "`quotes export --format parquet` on a --db store)")
        fmt = fmt or default_format(output, _isatty(sys.stdout))
    options = _extractor_options(unattributed)
    if jobs == 0:
        jobs = os.cpu_count() or 1
    fatal = _fatal_errors()
    failed = False

    def on_error(err) -> None:
        nonlocal failed
        failed = True
        progress.error(err)

    show_progress = _isatty(sys.stderr)
    total = count_documents(list(inputs)) if show_progress else None
    progress = _Progress(show_progress, total)

    if engine == "dask":
        try:
            n = _run_dask(inputs, encoding, save_text, on_error, progress, model=model,
                          backend=backend, out=output, fmt=fmt, scheduler=scheduler,
                          jobs=jobs, batch_size=batch_size)
        except fatal as exc:
            raise _Fatal(str(exc)) from None
        progress.note(f"{n} documents written to {output}")
        ctx.exit(1 if failed else 0)

    out = _Output(output)
    pool = store = None
    skipped = 0
    hashes: dict[str, str] = {}
    finished = False
    try:
        if jobs > 1:
            # Before the store and the progress thread exist (fork safety).
            pool = _mp_context().Pool(jobs, initializer=_worker_init)
        if db:
            from .store import RunStore, content_hash

            store = RunStore(db)

        def documents() -> Iterator[Document]:
            nonlocal skipped
            for item in iter_documents(list(inputs), encoding=encoding,
                                       save_text_dir=save_text):
                if isinstance(item, InputError):
                    on_error(item)
                    progress.advance()
                    continue
                if store is not None:
                    digest = content_hash(item.text)
                    if store.is_done(item.id, digest):
                        skipped += 1
                        progress.advance(item)
                        continue
                    hashes[item.id] = digest
                yield item

        with progress:
            if pool is not None:
                results = _extract_parallel(pool, jobs, documents(), model, backend,
                                            options, batch_size)
            else:
                results = _extract_serial(documents(), model, backend, options, batch_size)
            writer = make_writer(fmt, out)
            try:
                for document, quotes in results:
                    writer.write_document(document, quotes)
                    if store is not None:
                        store.write_document(document, hashes.pop(document.id), quotes)
                    progress.advance(document)
            except KeyboardInterrupt:
                # Keep what is done readable (a JSON array closed, say).
                writer.close()
                out.finish()
                raise
            writer.close()
            if skipped:
                progress.note(f"skipped {skipped} documents already done in {db}")
        out.finish()
        finished = True
        if pool is not None:
            pool.close()
            pool.join()
    except fatal as exc:
        raise _Fatal(str(exc)) from None
    finally:
        if not finished:
            out.discard()
        if pool is not None and not finished:
            pool.terminate()
        if store is not None:
            store.close()
    ctx.exit(1 if failed else 0)


def _fatal_errors() -> tuple:
    """Exceptions shown as one line (no traceback) that end a run with 1."""
    kinds = [ModelError, _OutputError]
    for module, name in (("quotes.store", "StoreError"),
                         ("quotes.dask_engine", "DaskEngineError")):
        mod = sys.modules.get(module)
        if mod is None:
            try:
                mod = importlib.import_module(module)
            except ModuleNotFoundError as exc:
                if exc.name != module:
                    raise
                continue
        kinds.append(getattr(mod, name))
    return tuple(kinds)


def _run_dask(inputs, encoding, save_text, on_error, progress: _Progress, **kwargs) -> int:
    from .dask_engine import run_dask

    def documents() -> Iterator[Document]:
        for item in iter_documents(list(inputs), encoding=encoding, save_text_dir=save_text):
            if isinstance(item, InputError):
                on_error(item)
                continue
            yield item

    with progress:
        return run_dask(documents(), on_error=on_error,
                        progress=lambda docs, _quotes: progress.set_completed(docs),
                        **kwargs)


@main.command("show")
@click.argument("file", metavar="FILE", type=click.Path(allow_dash=True))
@click.option("--model", default=None, metavar="NAME", help="spaCy model.")
@click.option("--backend", type=click.Choice(["spacy", "stanza"]), default="spacy",
              show_default=True, help="The parser.")
@click.option("--encoding", default=None, callback=_check_encoding, metavar="ENC",
              help="Decode the input with ENC.")
@click.option("--unattributed", is_flag=True,
              help="Also mark quotations with neither cue nor speaker.")
@click.pass_context
def show_command(ctx, file, model, backend, encoding, unattributed):
    """Print the article FILE with its quotes highlighted: content by type,
    cue underlined, speaker in bold, and who said it after each quote."""
    from rich.console import Console

    from .show import show

    options = _extractor_options(unattributed)
    console = Console(highlight=False)
    failed = False
    extractor = None
    try:
        for item in iter_documents([file], encoding=encoding):
            if isinstance(item, InputError):
                _error(item)
                failed = True
                continue
            if extractor is None:
                extractor = _load_extractor(model, backend, options)
            for document, quotes in extractor.pipe([item]):
                show(document, quotes, console)
    except ModelError as exc:
        raise _Fatal(str(exc)) from None
    ctx.exit(1 if failed else 0)


# ---------------------------------------------------------------------------
# Commands of other modules

OPTIONAL_COMMANDS = (
    ("quotes.eval_cli", "eval_command", "eval"),
    ("quotes.stanza_adapter", "models_command", "models"),
    ("quotes.store", "export_command", "export"),
    ("quotes.store", "speakers_command", "speakers"),
)


def register_commands(group: click.Group, commands=OPTIONAL_COMMANDS) -> None:
    """Add each ``module.attr`` command to ``group``. A module that does not
    exist (yet) is skipped; any other import problem -- including a missing
    dependency inside an existing module -- is an error, not hidden."""
    for module, attr, name in commands:
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name == module:
                continue
            raise
        group.add_command(getattr(mod, attr), name)


register_commands(main)


if __name__ == "__main__":  # python -m quotes.cli
    main()
