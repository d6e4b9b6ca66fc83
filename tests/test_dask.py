"""The Dask engine gives exactly the records of a local run, in order, with
the model loaded once per worker."""
from __future__ import annotations

import json
import random

import pytest

distributed = pytest.importorskip("distributed")

from quotes.dask_engine import DaskEngineError, run_dask  # noqa: E402
from quotes.records import Document  # noqa: E402

NAMES = [("Vitali Klitschko", "Mayor", "Kyiv"), ("Jane Doe", "health minister", "Ireland"),
         ("Carlos Mendes", "spokesperson", "Acme Corp"), ("Amina Yusuf", "Foreign Minister", "Kenya"),
         ("Tom Becker", "chief executive", "Northwind")]
SAYINGS = ["We will rebuild", "This is a difficult day for all of us",
           "The numbers are improving", "Nobody should be above the law",
           "We expect the talks to resume next week", "Our priority is the safety of residents"]
CLAUSES = ["the repairs would take months", "the budget had been approved",
           "more help was on the way", "the plan was reckless", "the investigation would continue"]
FILLER = ["Rescue crews worked through the night.", "Traffic was diverted around the city centre.",
          "The weather is expected to improve on Friday.", "Markets closed slightly higher."]


def article(i: int) -> str:
    rnd = random.Random(i)
    paras = []
    for _ in range(rnd.randint(2, 5)):
        name, role, aff = rnd.choice(NAMES)
        last = name.split()[-1]
        kind = rnd.randrange(5)
        if kind == 0:
            s = f"“{rnd.choice(SAYINGS)},” said {role} {name} of {aff}."
        elif kind == 1:
            s = f"{name}, the {role}, told reporters that {rnd.choice(CLAUSES)}."
        elif kind == 2:
            s = f"“{rnd.choice(SAYINGS)},” {last} wrote on X. “{rnd.choice(SAYINGS)}.”"
        elif kind == 3:
            s = f"According to {aff}, {rnd.choice(CLAUSES)}."
        else:
            s = f"{name} said in a statement that {rnd.choice(CLAUSES)}."
        paras.append(" ".join([rnd.choice(FILLER), s, rnd.choice(FILLER)]))
    return "\n\n".join(paras)


def documents(n: int) -> list[Document]:
    return [Document(f"doc{i:03d}", article(i), {"date": f"2024-01-{i % 28 + 1:02d}"},
                     source=f"doc{i:03d}.txt") for i in range(n)]


@pytest.fixture(scope="module")
def local_jsonl():
    """The records of a local run over documents(23), as JSONL lines."""
    import io

    from quotes.pipeline import Extractor
    from quotes.writers import make_writer

    buf = io.StringIO()
    with make_writer("jsonl", buf) as w:
        for document, quotes in Extractor.load().pipe(documents(23), batch_size=8):
            for q in quotes:
                w.write(q)
    lines = buf.getvalue().splitlines()
    assert len(lines) > 40  # the corpus does contain quotes
    return lines


def read_parts(out, fmt):
    parts = sorted(out.glob(f"part-*.{fmt}"))
    if fmt == "jsonl":
        return parts, [line for p in parts for line in p.read_text(encoding="utf-8").splitlines()]
    import pyarrow.parquet as pq

    return parts, [row for p in parts for row in pq.read_table(p).to_pylist()]


def test_local_cluster_matches_local_run(tmp_path, local_jsonl):
    out = tmp_path / "out"
    out.mkdir()
    (out / "part-00042.jsonl").write_text("stale\n")      # from an earlier run
    seen = []
    n = run_dask(iter(documents(23)), out=str(out), jobs=2, batch_size=8, partition_size=5,
                 progress=lambda d, q: seen.append((d, q)))
    assert n == 23
    parts, lines = read_parts(out, "jsonl")
    assert [p.name for p in parts] == [f"part-{i:05d}.jsonl" for i in range(5)]
    assert lines == local_jsonl                 # same records, same order, same bytes
    assert seen[-1] == (23, len(local_jsonl))
    assert not list(out.glob(".*.tmp"))


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address="127.0.0.1:0") as c:
        yield c


def test_scheduler_address_parquet_and_errors(tmp_path, local_jsonl, cluster):
    pytest.importorskip("pyarrow")
    from distributed import Client

    from quotes.records import Quote
    from quotes.writers import flatten

    errors = []
    docs = documents(23)
    stream = docs[:10] + ["<bad input>"] + docs[10:]
    out = tmp_path / "pq"
    n = run_dask(iter(stream), out=str(out), fmt="parquet", scheduler=cluster.scheduler_address,
                 batch_size=8, partition_size=7, on_error=errors.append)
    assert n == 23 and errors == ["<bad input>"]
    parts, rows = read_parts(out, "parquet")
    assert len(parts) == 4
    expected = [flatten(Quote.from_dict(json.loads(line))) for line in local_jsonl]
    assert rows == expected

    # The model was loaded once in each worker that ran a task, and kept.
    with Client(cluster.scheduler_address) as client:
        sizes = client.run(lambda: len(__import__("quotes.dask_engine",
                                                  fromlist=["_"])._EXTRACTORS))
    assert set(sizes.values()) <= {0, 1} and sum(sizes.values()) >= 1

    with pytest.raises(DaskEngineError):
        run_dask(iter(docs), out=str(tmp_path / "x"), fmt="csv")
    (tmp_path / "file").write_text("")
    with pytest.raises(DaskEngineError):
        run_dask(iter(docs), out=str(tmp_path / "file"), scheduler=cluster.scheduler_address)
