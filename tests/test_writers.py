"""quotes.writers and quotes.show: formats that round-trip, stream, and
neutralise spreadsheet formulas."""
from __future__ import annotations

import csv
import io
import json

import pytest
from rich.console import Console

from quotes.records import Document, Quote, Span, Speaker
from quotes.show import quote_label, render, show
from quotes.writers import (CSV_FIELDS, CSVWriter, JSONLWriter, JSONWriter, TableWriter,
                            default_format, flatten, make_writer)

ARTICLE = ("Kyiv Mayor Vitali Klitschko confirmed the toll stood at eight.\r\n\r\n"
           "“We will rebuild,” wrote Klitschko on X.")


def klitschko_quotes(doc_id="kyiv", meta=None) -> list[Quote]:
    text = ARTICLE
    s1 = text.index("the toll")
    e1 = text.index(".", s1)
    s2 = text.index("“")
    e2 = text.index("”") + 1
    speaker = Speaker("Kyiv Mayor Vitali Klitschko", 0, 27, "Vitali Klitschko", "person",
                      "Mayor", "Kyiv")
    return [
        Quote(doc_id, "indirect", text[s1:e1], s1, e1,
              Span("confirmed", 28, 37), speaker, None, None, 0.85, 0, 0, dict(meta or {})),
        Quote(doc_id, "direct", text[s2:e2], s2, e2,
              Span("wrote", e2 + 1, e2 + 6),
              Speaker("Klitschko", e2 + 7, e2 + 16, "Vitali Klitschko", "person", "Mayor",
                      "Kyiv"),
              "X", None, 0.95, 1, 1, dict(meta or {})),
    ]


def tricky_quotes() -> list[Quote]:
    """Texts that break naive CSV: newlines, quotes, commas, formula starts."""
    texts = ["line one\nline two", 'he said "no", twice', "=HYPERLINK(\"http://x\")",
             "+1 555", "-5 degrees", "@SUM(A1)", "\tindented", "\rcarriage", "plain, text"]
    out = []
    for i, t in enumerate(texts):
        out.append(Quote(f"doc{i // 3}", "direct", t, i * 10, i * 10 + len(t),
                         Span("said", 1, 5) if i % 2 else None,
                         Speaker("=cmd|' /C calc'!A0", 0, 5, None, "unknown") if i == 4 else
                         (None if i == 5 else Speaker("She", 0, 3, "Jane Doe", "person",
                                                      "health minister", "Ruritania")),
                         platform="X" if i == 1 else None, outlet="Reuters" if i == 2 else None,
                         confidence=0.5, paragraph=i, sentence=i + 1,
                         meta={"title": "A, “title”", "url": "http://e.x/1", "date": "2025-04-24",
                               "outlet": "-Example News"} if i == 0 else {}))
    return out


def write_all(writer, quotes):
    docs = {}
    for q in quotes:
        docs.setdefault(q.doc_id, []).append(q)
    for doc_id, qs in docs.items():
        writer.write_document(Document(doc_id, "", {}), qs)
    writer.close()


# -- CSV ------------------------------------------------------------------------

def test_csv_round_trip_and_formula_neutralising():
    quotes = tricky_quotes()
    buf = io.StringIO(newline="")
    write_all(CSVWriter(buf), quotes)
    rows = list(csv.reader(io.StringIO(buf.getvalue(), newline="")))
    assert tuple(rows[0]) == CSV_FIELDS
    body = [dict(zip(CSV_FIELDS, r)) for r in rows[1:]]
    assert len(body) == len(quotes)
    for q, row in zip(quotes, body):
        assert len(row) == len(CSV_FIELDS)
        if q.text[0] in "=+-@\t\r":
            assert row["text"] == "'" + q.text
        else:
            assert row["text"] == q.text  # newlines, quotes, commas survive
        # numbers are never touched
        assert row["start"] == str(q.start) and row["end"] == str(q.end)
        assert row["paragraph"] == str(q.paragraph) and row["sentence"] == str(q.sentence)
        assert row["confidence"] == "0.5"
    assert body[0]["text"] == "line one\nline two"
    assert body[1]["text"] == 'he said "no", twice'
    assert body[0]["title"] == "A, “title”"
    assert body[0]["source_outlet"] == "'-Example News"
    assert body[0]["outlet"] == ""
    assert body[2]["outlet"] == "Reuters"
    assert body[4]["speaker"] == "'=cmd|' /C calc'!A0"
    assert body[5]["speaker"] == "" and body[5]["speaker_start"] == ""
    assert body[1]["cue"] == "said" and body[1]["cue_start"] == "1"
    assert body[0]["cue"] == "" and body[0]["cue_end"] == ""


def test_csv_columns_are_the_documented_stable_list():
    assert CSV_FIELDS == (
        "doc_id", "type", "text", "start", "end", "cue", "cue_start", "cue_end",
        "speaker", "speaker_start", "speaker_end", "speaker_name", "speaker_kind",
        "speaker_role", "speaker_affiliation", "platform", "outlet", "confidence",
        "paragraph", "sentence", "title", "url", "date", "source_outlet")
    row = flatten(klitschko_quotes(meta={"outlet": "Example"})[1])
    assert tuple(row) == CSV_FIELDS
    assert row["speaker_name"] == "Vitali Klitschko" and row["platform"] == "X"
    assert row["source_outlet"] == "Example" and row["outlet"] is None


def test_csv_empty_run_has_the_header():
    buf = io.StringIO(newline="")
    with CSVWriter(buf):
        pass
    assert list(csv.reader(io.StringIO(buf.getvalue()))) == [list(CSV_FIELDS)]


# -- JSON Lines / JSON -------------------------------------------------------------

def test_jsonl_lines_parse_back_to_the_same_quotes():
    quotes = tricky_quotes() + klitschko_quotes(meta={"title": "T"})
    buf = io.StringIO()
    write_all(JSONLWriter(buf), quotes)
    lines = buf.getvalue().split("\n")
    assert lines[-1] == ""
    back = [Quote.from_dict(json.loads(line)) for line in lines[:-1]]
    assert back == quotes
    assert "“We will rebuild,”" in buf.getvalue()  # ensure_ascii=False


def test_jsonl_streams_document_by_document():
    buf = io.StringIO()
    w = JSONLWriter(buf)
    first, second = klitschko_quotes("one"), klitschko_quotes("two")
    w.write_document(Document("one", ARTICLE), first)
    assert buf.getvalue().count("\n") == 2  # written before the run ends
    w.write_document(Document("two", ARTICLE), second)
    assert buf.getvalue().count("\n") == 4


@pytest.mark.parametrize("n", [0, 1, 5])
def test_json_array_is_valid(n):
    quotes = (tricky_quotes() * 2)[:n]
    buf = io.StringIO()
    write_all(JSONWriter(buf), quotes)
    data = json.loads(buf.getvalue())
    assert [Quote.from_dict(d) for d in data] == quotes


def test_writer_protocol_used_by_store_export():
    buf = io.StringIO()
    with make_writer("json", buf) as w:
        for q in klitschko_quotes():
            w.write(q)
    assert len(json.loads(buf.getvalue())) == 2


def test_make_writer_and_default_format():
    assert isinstance(make_writer("csv", io.StringIO()), CSVWriter)
    assert isinstance(make_writer("table", io.StringIO()), TableWriter)
    with pytest.raises(ValueError):
        make_writer("xml", io.StringIO())
    assert default_format(None, True) == "table"
    assert default_format(None, False) == "jsonl"
    assert default_format("-", True) == "table"
    assert default_format("out.CSV", True) == "csv"
    assert default_format("out.json", False) == "json"
    assert default_format("out.jsonl", True) == "jsonl"
    assert default_format("out.dat", True) == "jsonl"


# -- table ------------------------------------------------------------------------

def test_table_rows():
    out = io.StringIO()
    console = Console(file=out, width=200, color_system=None)
    w = TableWriter(console=console)
    long_q = klitschko_quotes()[0]
    long_q.text = "[bold]not markup[/bold] " + "word " * 40
    unattributed = Quote("kyiv", "direct", "“scare”", 0, 7, None, None)
    w.write_document(Document("kyiv", ARTICLE, {"title": "Strikes"}),
                     [long_q, klitschko_quotes()[1], unattributed])
    w.write_document(Document("empty-doc", "nothing"), [])
    w.close()
    text = out.getvalue()
    assert "kyiv" in text and "Strikes" in text
    assert "Vitali Klitschko" in text and "Mayor" in text and "Kyiv" in text
    assert "[bold]not markup[/bold]" in text  # printed, not interpreted
    assert "…" in text
    assert "—" in text  # no speaker
    assert "empty-doc: no quotes found" in text
    assert "3 quotes in 2 documents" in text
    line = next(l for l in text.splitlines() if "not markup" in l)
    quote_cell = line[line.index("[bold]"):].rstrip()
    assert len(quote_cell) <= 80


# -- show ------------------------------------------------------------------------

def test_show_labels_and_styles():
    doc = Document("kyiv", ARTICLE)
    quotes = klitschko_quotes()
    text = render(doc, quotes)
    plain = text.plain
    assert "\r" not in plain
    assert plain == ("Kyiv Mayor Vitali Klitschko confirmed the toll stood at eight"
                     " [Vitali Klitschko · Mayor, Kyiv]."
                     "\n\n“We will rebuild,” [Vitali Klitschko · Mayor, Kyiv · X]"
                     " wrote Klitschko on X.")
    styles = {(plain[s.start:s.end], str(s.style)) for s in text.spans}
    assert ("the toll stood at eight", "cyan") in styles
    assert ("“We will rebuild,”", "green") in styles
    assert ("confirmed", "bold underline") in styles
    assert ("Kyiv Mayor Vitali Klitschko", "bold") in styles

    out = io.StringIO()
    show(doc, quotes, Console(file=out, width=60, color_system=None))
    printed = out.getvalue()
    assert "kyiv" in printed and "2 quotes" in printed
    assert all(len(line) <= 60 for line in printed.splitlines())


def test_show_label_parts_and_bad_offsets():
    q = klitschko_quotes()[1]
    q.outlet = "Reuters"
    assert quote_label(q) == "Vitali Klitschko · Mayor, Kyiv · X · to Reuters"
    q.speaker = None
    assert quote_label(q).startswith("unattributed")
    broken = Quote("x", "direct", "zzz", 500, 510, None, None)
    assert render(Document("x", "short"), [broken]).plain == "short"


# -- properties -------------------------------------------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402


@settings(max_examples=150, deadline=None)
@given(text=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1),
       name=st.one_of(st.none(), st.text(max_size=20)))
def test_csv_cells_round_trip(text, name):
    q = Quote("d", "direct", text, 0, len(text), None,
              Speaker(name, None, None, name) if name is not None else None)
    buf = io.StringIO(newline="")
    with CSVWriter(buf) as w:
        w.write(q)
    header, row = list(csv.reader(io.StringIO(buf.getvalue(), newline="")))
    row = dict(zip(header, row))
    def neutral(s):
        return ("'" + s) if s.startswith(("=", "+", "-", "@", "\t", "\r")) else s

    assert row["text"] == neutral(text)
    assert row["end"] == str(len(text))
    assert row["speaker_name"] == ("" if name is None else neutral(name))
