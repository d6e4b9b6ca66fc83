"""RunStore: write, reopen, resume checks, atomic rewrites, refusal of
foreign files; the per-speaker report; the export/speakers commands."""
from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

from quotes.records import Document, Quote, Span, Speaker
from quotes.report import render_table, speaker_summaries, write_csv
from quotes.store import RunStore, StoreError, content_hash


def q(doc_id, seq, name="Jane Doe", *, text=None, kind="person", role=None,
      affiliation=None, platform=None, date=None, typ="direct", speaker=True):
    sp = None
    if speaker:
        sp = Speaker(text=text if text is not None else name, start=0, end=5,
                     name=name, kind=kind, role=role, affiliation=affiliation)
    return Quote(doc_id=doc_id, type=typ, text=f"“Quote {seq} of {doc_id},”",
                 start=10 * seq, end=10 * seq + 8, cue=Span("said", 1, 5),
                 speaker=sp, platform=platform, confidence=0.91234,
                 meta={"date": date} if date else {})


def doc(doc_id, text="Some text.", **meta):
    return Document(doc_id, text, meta, source=f"{doc_id}.txt")


def dicts(quotes):
    return [x.to_dict() for x in quotes]


def test_content_hash():
    import hashlib

    assert content_hash("é") == hashlib.sha256("é".encode()).hexdigest()
    assert content_hash("a") != content_hash("b")


def test_write_reopen_is_done(tmp_path):
    path = tmp_path / "run.sqlite"
    a = [q("a", 0), q("a", 1, "John Roe", platform="X")]
    b = [q("b", 0, role="Mayor")]
    with RunStore(path) as st:
        assert st.count_documents() == 0
        st.write_document(doc("a", date="2024-01-02"), content_hash("A"), a)
        st.write_document(doc("c"), content_hash("C"), [])   # no quotes: still done
        st.write_document(doc("b"), content_hash("B"), b)
        assert st.is_done("a", content_hash("A"))
    with RunStore(path) as st:
        assert st.count_documents() == 3
        assert st.count_quotes() == 3
        assert st.doc_ids() == ["a", "c", "b"]
        assert st.is_done("a", content_hash("A"))
        assert st.is_done("c", content_hash("C"))
        assert not st.is_done("a", content_hash("changed"))
        assert not st.is_done("zzz", content_hash("A"))
        assert dicts(st.iter_quotes()) == dicts(a + b)
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    row = con.execute("SELECT n_quotes, meta, finished_at FROM documents "
                      "WHERE doc_id = 'a'").fetchone()
    assert row[0] == 2 and json.loads(row[1]) == {"date": "2024-01-02"} and row[2]
    flat = con.execute("SELECT speaker_name, speaker_kind, role, platform, type FROM quotes "
                       "ORDER BY doc_id, seq").fetchall()
    assert flat == [("Jane Doe", "person", None, None, "direct"),
                    ("John Roe", "person", None, "X", "direct"),
                    ("Jane Doe", "person", "Mayor", None, "direct")]
    con.close()


def test_rewrite_replaces_and_keeps_place(tmp_path):
    with RunStore(tmp_path / "run.sqlite") as st:
        st.write_document(doc("a"), "h1", [q("a", 0), q("a", 1), q("a", 2)])
        st.write_document(doc("b"), "h1", [q("b", 0)])
        new = [q("a", 0, "Someone Else")]
        st.write_document(doc("a"), "h2", new)
        assert st.count_documents() == 2
        assert st.count_quotes() == 2
        assert st.is_done("a", "h2") and not st.is_done("a", "h1")
        assert dicts(st.iter_quotes()) == dicts(new + [q("b", 0)])


class Boom(Exception):
    pass


class ExplodingQuote(Quote):
    def to_dict(self):
        raise Boom("serialisation failed")


def exploding(doc_id):
    good = q(doc_id, 0)
    bad = ExplodingQuote(**{f: getattr(good, f) for f in good.__dataclass_fields__})
    return [q(doc_id, 0), q(doc_id, 1), bad, q(doc_id, 3)]


def test_failure_mid_write_leaves_nothing(tmp_path):
    path = tmp_path / "run.sqlite"
    with RunStore(path) as st:
        st.write_document(doc("a"), "h", [q("a", 0)])
        with pytest.raises(Boom):
            st.write_document(doc("new"), "h", exploding("new"))
        assert st.count_documents() == 1
        assert not st.is_done("new", "h")
        # A failed rewrite leaves the old version whole.
        with pytest.raises(Boom):
            st.write_document(doc("a"), "h2", exploding("a"))
        assert st.is_done("a", "h")
        assert dicts(st.iter_quotes()) == dicts([q("a", 0)])
        # and the store is still writable
        st.write_document(doc("b"), "h", [q("b", 0)])
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM quotes WHERE doc_id = 'new'").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM quotes").fetchone()[0] == 2
    con.close()


def test_refuses_foreign_and_corrupt_files(tmp_path):
    garbage = tmp_path / "notes.sqlite"
    garbage.write_bytes(b"this is not a database at all\n" * 200)
    with pytest.raises(StoreError, match="not a quotes store") as exc:
        RunStore(garbage)
    assert "\n" not in str(exc.value)
    assert garbage.read_bytes().startswith(b"this is not")

    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE people (name TEXT)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="not a quotes store"):
        RunStore(other)

    with pytest.raises(StoreError, match="no such file"):
        RunStore(tmp_path / "missing.sqlite", create=False)
    with pytest.raises(StoreError):
        RunStore(tmp_path)

    # a truncated store
    good = tmp_path / "good.sqlite"
    with RunStore(good) as st:
        for i in range(200):
            st.write_document(doc(f"d{i}"), "h", [q(f"d{i}", 0), q(f"d{i}", 1)])
    con = sqlite3.connect(good)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = good.read_bytes()
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(data[:100] + b"\xff" * 4000 + data[4100:len(data) // 2])
    with pytest.raises(StoreError):
        with RunStore(bad) as st:
            list(st.iter_quotes())


def test_empty_file_becomes_a_store(tmp_path):
    path = tmp_path / "run.sqlite"
    path.write_bytes(b"")
    with RunStore(path) as st:
        assert st.count_documents() == 0


# -- report -----------------------------------------------------------------

def test_speaker_summaries():
    quotes = [
        q("d1", 0, "Vitali Klitschko", role="Mayor", affiliation="Kyiv", platform="Telegram",
          date="2024-03-02"),
        q("d1", 1, "Vitali Klitschko", text="He", role="Mayor", platform="Telegram",
          date="2024-03-02"),
        q("d2", 0, "vitali klitschko", role="boxer", date="2023-12-31"),
        q("d2", 1, "Vitali Klitschko", kind="unknown", role="Mayor", platform="X",
          date="2024-05-01"),
        q("d2", 2, None, text="officials", kind="group"),
        q("d3", 0, None, text="Officials", kind="group", platform="statement"),
        q("d3", 1, "State Emergency Service", kind="organization"),
        q("d3", 2, speaker=False),
        q("d3", 3, None, text=None),           # carried over without any name: skipped
    ]
    s = speaker_summaries(quotes)
    assert [x.name for x in s] == ["Vitali Klitschko", "officials", "State Emergency Service"]
    k = s[0]
    assert (k.kind, k.n_quotes, k.n_documents, k.named) == ("person", 4, 2, True)
    assert k.roles == ["Mayor", "boxer"]
    assert k.affiliations == ["Kyiv"]
    assert k.platforms == [("Telegram", 2), ("X", 1)]
    assert (k.first_date, k.last_date) == ("2023-12-31", "2024-05-01")
    o = s[1]
    assert (o.n_quotes, o.n_documents, o.named, o.kind) == (2, 2, False, "group")
    assert o.platforms == [("statement", 1)]
    assert o.first_date is None
    assert speaker_summaries([]) == []

    buf = io.StringIO()
    write_csv(s, buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert rows[0]["name"] == "Vitali Klitschko" and rows[0]["n_quotes"] == "4"
    assert rows[0]["platforms"] == "Telegram (2); X (1)"
    assert rows[0]["roles"] == "Mayor; boxer"

    from rich.console import Console

    console = Console(file=io.StringIO(), width=160)
    console.print(render_table(s))
    out = console.file.getvalue()
    assert "Vitali Klitschko" in out and "State Emergency Service" in out


# -- commands -----------------------------------------------------------------

@pytest.fixture
def store_file(tmp_path):
    path = tmp_path / "run.sqlite"
    with RunStore(path) as st:
        st.write_document(doc("a"), "h", [q("a", 0, platform="X", date="2024-01-01"),
                                          q("a", 1, "John [Roe]", role="CEO")])
        st.write_document(doc("b"), "h", [q("b", 0, speaker=False)])
    return path


def test_speakers_command(store_file, tmp_path):
    from click.testing import CliRunner

    from quotes.store import speakers_command

    r = CliRunner().invoke(speakers_command, [str(store_file), "--format", "csv"])
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.output)))
    assert [x["name"] for x in rows] == ["Jane Doe", "John [Roe]"]
    r = CliRunner().invoke(speakers_command, [str(store_file)])
    assert r.exit_code == 0, r.output
    assert "[Roe]" in r.output          # not taken for rich markup
    r = CliRunner().invoke(speakers_command, [str(tmp_path / "nope.sqlite")])
    assert r.exit_code != 0 and "no such file" in r.output


def test_export_command(store_file, tmp_path):
    pytest.importorskip("quotes.writers")
    from click.testing import CliRunner

    from quotes.store import export_command

    out = tmp_path / "out.jsonl"
    r = CliRunner().invoke(export_command, [str(store_file), "--format", "jsonl", "-o", str(out)])
    assert r.exit_code == 0, r.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    with RunStore(store_file) as st:
        expected = dicts(st.iter_quotes())
    assert lines == expected

    out = tmp_path / "out.csv"
    r = CliRunner().invoke(export_command, [str(store_file), "--format", "csv", "-o", str(out)])
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert len(rows) == 3

    r = CliRunner().invoke(export_command, [str(store_file), "--format", "parquet"])
    assert r.exit_code != 0 and "-o" in r.output

    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "out.parquet"
    r = CliRunner().invoke(export_command, [str(store_file), "--format", "parquet",
                                            "-o", str(out)])
    assert r.exit_code == 0, r.output
    table = pq.read_table(out)
    assert table.num_rows == 3
    assert set(table.column_names) == set(rows[0].keys())

    garbage = tmp_path / "g.sqlite"
    garbage.write_bytes(b"x" * 5000)
    r = CliRunner().invoke(export_command, [str(garbage)])
    assert r.exit_code == 1 and "not a quotes store" in r.output
