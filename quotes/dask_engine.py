"""Extraction on a Dask cluster (``quotes extract --engine dask``).

``run_dask`` streams the documents into partitions, submits each partition
as one task as soon as it is read (a bounded number in flight, so millions
of documents never sit in the client), and each task writes its records to
``OUT/part-NNNNN.jsonl`` (or ``.parquet``), NNNNN being the partition's
index in input order. Concatenating the part files in name order gives
exactly the records of a local ``quotes extract`` run, in the same order.

Each worker loads the model once (a per-process cache keyed by model and
backend) and keeps it for all its tasks.

Without ``scheduler`` a ``LocalCluster`` of ``jobs`` single-threaded worker
processes is started and torn down; with a scheduler address the workers of
that cluster are used -- they need ``quotes`` and the model installed, and
``out`` must be a directory they can all write to (a shared filesystem).
"""
from __future__ import annotations

import glob
import os
import sys
import uuid
from typing import Any, Callable, Iterable, Iterator, Optional

from .records import Document

FORMATS = ("jsonl", "parquet")

# Per worker process: (model, backend, loader) -> Extractor.
_EXTRACTORS: dict[tuple, Any] = {}


class DaskEngineError(RuntimeError):
    """Dask engine misuse or missing dependency; the message is one line."""


def _extractor(model: Optional[str], backend: str, loader: Optional[Callable] = None):
    key = (model, backend, loader)
    ex = _EXTRACTORS.get(key)
    if ex is None:
        if loader is None:
            from .pipeline import Extractor

            ex = Extractor.load(model, backend=backend)
        else:
            ex = loader(model, backend)
        _EXTRACTORS[key] = ex
    return ex


def part_path(out: str, index: int, fmt: str) -> str:
    return os.path.join(out, f"part-{index:05d}.{fmt}")


def _extract_partition(index: int, documents: list[Document], model: Optional[str],
                       backend: str, out: str, fmt: str, batch_size: int,
                       loader: Optional[Callable] = None) -> tuple[int, int, int]:
    """Task body: extract one partition and write its part file.

    Returns (index, number of documents, number of records)."""
    ex = _extractor(model, backend, loader)
    counts = [0, 0]

    def quotes():
        for _document, qs in ex.pipe(documents, batch_size=batch_size):
            counts[0] += 1
            counts[1] += len(qs)
            yield from qs

    path = part_path(out, index, fmt)
    # Written under a temporary name and renamed: a part file that exists is
    # complete, even if the worker died or the task is retried.
    tmp = os.path.join(out, f".{os.path.basename(path)}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        if fmt == "parquet":
            from .store import write_parquet

            write_parquet(quotes(), tmp)
        else:
            from .writers import make_writer

            with open(tmp, "w", encoding="utf-8", newline="") as stream:
                with make_writer("jsonl", stream) as writer:
                    for quote in quotes():
                        writer.write(quote)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return index, counts[0], counts[1]


def _partitions(documents: Iterable[Any], size: int,
                on_error: Optional[Callable[[Any], None]]) -> Iterator[list[Document]]:
    part: list[Document] = []
    for item in documents:
        if not isinstance(item, Document):
            # e.g. an inputs.InputError for an unreadable file
            if on_error is not None:
                on_error(item)
            else:
                print(f"quotes: skipped: {item}", file=sys.stderr)
            continue
        part.append(item)
        if len(part) >= size:
            yield part
            part = []
    if part:
        yield part


def _remove_stale_parts(out: str) -> None:
    for fmt in FORMATS:
        for path in glob.glob(os.path.join(glob.escape(out), f"part-[0-9][0-9][0-9][0-9][0-9]*.{fmt}")):
            os.unlink(path)


def run_dask(documents: Iterable[Document], *, model: Optional[str] = None,
             backend: str = "spacy", out: str, fmt: str = "jsonl",
             scheduler: Optional[str] = None, jobs: int = 2, batch_size: int = 32,
             partition_size: int = 200,
             on_error: Optional[Callable[[Any], None]] = None,
             progress: Optional[Callable[[int, int], None]] = None,
             _loader: Optional[Callable] = None) -> int:
    """Extract ``documents`` on Dask into ``out/part-NNNNN.<fmt>``; returns
    the number of documents processed.

    ``documents`` may also yield non-``Document`` items (input errors): they
    are passed to ``on_error`` (default: a line on stderr) and skipped.
    ``progress(documents_done, quotes_done)`` is called as partitions finish.
    Part files of an earlier run in ``out`` are removed first.
    ``_loader(model, backend)`` replaces ``Extractor.load`` (tests only; it
    must be importable by the workers).
    """
    if fmt not in FORMATS:
        raise DaskEngineError(f"the dask engine writes {' or '.join(FORMATS)}, not {fmt!r}")
    if partition_size < 1 or jobs < 1:
        raise DaskEngineError("--jobs and the partition size must be at least 1")
    try:
        from distributed import Client, LocalCluster, wait
    except ImportError:
        raise DaskEngineError(
            "the dask engine needs dask.distributed: pip install 'quotes[dask]'") from None
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401  (fail here, not in every task)
        except ImportError:
            raise DaskEngineError(
                "parquet output needs pyarrow: pip install 'quotes[parquet]'") from None

    out = os.path.abspath(out)
    if os.path.exists(out) and not os.path.isdir(out):
        raise DaskEngineError(f"{out}: the dask engine writes a directory of part files; "
                              "this is a file")

    cluster = None
    if scheduler:
        try:
            client = Client(scheduler)
        except (OSError, TimeoutError, ValueError) as exc:
            raise DaskEngineError(f"cannot connect to the Dask scheduler {scheduler}: "
                                  f"{exc}".splitlines()[0]) from None
    else:
        # Any free local port for the HTTP endpoints: two runs at once do not
        # fight over 8787.
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                               dashboard_address="127.0.0.1:0")
        client = Client(cluster)
    n_docs = n_quotes = 0
    in_flight: set = set()
    try:
        os.makedirs(out, exist_ok=True)
        _remove_stale_parts(out)
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or jobs)
        max_in_flight = 2 * n_workers  # one running + one queued per worker
        run = uuid.uuid4().hex[:8]

        def collect(done) -> None:
            nonlocal n_docs, n_quotes
            for fut in done:
                _index, d, q = fut.result()  # re-raises a task's exception
                n_docs += d
                n_quotes += q
                fut.release()
            if progress is not None:
                progress(n_docs, n_quotes)

        for index, part in enumerate(_partitions(documents, partition_size, on_error)):
            # Scattered rather than embedded in the task: big partitions go
            # straight to a worker instead of through the scheduler's graph.
            [data] = client.scatter([part], hash=False)
            in_flight.add(client.submit(
                _extract_partition, index, data, model, backend, out, fmt, batch_size,
                _loader, key=f"quotes-part-{run}-{index:05d}", pure=False))
            del data, part
            if len(in_flight) >= max_in_flight:
                done = wait(in_flight, return_when="FIRST_COMPLETED").done
                in_flight -= done
                collect(done)
        if in_flight:
            collect(wait(in_flight).done)
            in_flight.clear()
    except BaseException:
        for fut in in_flight:
            fut.cancel()
        raise
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return n_docs
