"""quotes.inputs: every kind of bad input is one InputError naming the file,
and the rest of the batch still comes through."""
from __future__ import annotations

import codecs
import io
import json
import os
import sys

import pytest
from hypothesis import given, settings, strategies as st

from quotes.inputs import InputError, count_documents, iter_documents
from quotes.records import Document

ARTICLE = ("Kyiv Mayor Vitali Klitschko said the toll stood at eight.\n\n"
           "“We will rebuild,” he wrote on Telegram.\n")


def items(paths, **kw):
    return list(iter_documents([str(p) for p in paths], **kw))


def docs(paths, **kw):
    return [i for i in items(paths, **kw) if isinstance(i, Document)]


def errors(paths, **kw):
    return [i for i in items(paths, **kw) if isinstance(i, InputError)]


def write(path, data: bytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# -- plain text ---------------------------------------------------------------

def test_text_file_is_one_document_with_stem_id(tmp_path):
    p = write(tmp_path / "kyiv.txt", ARTICLE.encode())
    [doc] = items([p])
    assert doc == Document("kyiv", ARTICLE, {}, str(p))


def test_crlf_is_kept(tmp_path):
    text = ARTICLE.replace("\n", "\r\n")
    p = write(tmp_path / "crlf.txt", text.encode())
    [doc] = docs([p])
    assert doc.text == text
    assert "\r\n" in doc.text
    i = doc.text.index("“")
    assert doc.text[i:i + 18] == "“We will rebuild,”"


def test_utf8_bom_is_not_part_of_the_text(tmp_path):
    p = write(tmp_path / "bom.txt", codecs.BOM_UTF8 + ARTICLE.encode())
    [doc] = docs([p])
    assert doc.text == ARTICLE
    assert not doc.text.startswith("\ufeff")
    # The documented way to get the same text back for checking offsets.
    with open(p, encoding="utf-8-sig", newline="") as f:
        assert f.read() == doc.text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(tmp_path, codec):
    text = ARTICLE.replace("\n", "\r\n")
    if codec == "utf-16-le":
        data = codecs.BOM_UTF16_LE + text.encode(codec)
    elif codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + text.encode(codec)
    else:
        data = text.encode(codec)  # these codecs write a BOM themselves
    p = write(tmp_path / "wide.txt", data)
    [doc] = items([p])
    assert isinstance(doc, Document)
    assert doc.text == text


def test_latin1_is_refused_with_byte_and_offset_and_accepted_with_encoding(tmp_path):
    text = "Le café a dit: « oui »."
    raw = text.encode("latin-1")
    p = write(tmp_path / "latin.txt", raw)
    [err] = items([p])
    assert isinstance(err, InputError)
    offset = raw.index(b"\xe9")
    assert err.source == str(p)
    assert err.message == (f"not valid UTF-8 (byte 0xe9 at offset {offset}); "
                           "use --encoding latin-1 if it is Latin-1")
    assert str(err) == f"{p}: {err.message}"
    [doc] = items([p], encoding="latin-1")
    assert doc.text == text


def test_invalid_utf8_offset_counts_the_bom(tmp_path):
    raw = codecs.BOM_UTF8 + b"abc \xff def"
    p = write(tmp_path / "x.txt", raw)
    [err] = errors([p])
    assert "byte 0xff at offset 7" in err.message


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    bytes(range(1, 9)) * 100 + b"some text",
])
def test_binary_files_are_refused(tmp_path, data):
    p = write(tmp_path / "pic.txt", data)
    [err] = items([p])
    assert err == InputError(str(p), "binary file")


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t  ", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"\n"])
def test_empty_files_are_refused(tmp_path, data):
    p = write(tmp_path / "empty.txt", data)
    assert items([p]) == [InputError(str(p), "empty file")]


def test_missing_file_gives_the_os_reason(tmp_path):
    p = tmp_path / "nope.txt"
    assert items([p]) == [InputError(str(p), "No such file or directory")]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root reads files whatever their mode")
def test_unreadable_file_gives_the_os_reason(tmp_path):
    p = write(tmp_path / "secret.txt", b"text")
    p.chmod(0)
    try:
        assert items([p]) == [InputError(str(p), "Permission denied")]
    finally:
        p.chmod(0o644)


def test_explicit_encoding_is_used_as_is(tmp_path):
    p = write(tmp_path / "a.txt", codecs.BOM_UTF8 + b"hello")
    assert docs([p], encoding="utf-8")[0].text == "\ufeffhello"
    assert docs([p], encoding="utf-8-sig")[0].text == "hello"
    [err] = items([p], encoding="no-such-codec")
    assert err.message == "unknown encoding 'no-such-codec'"


def test_one_bad_input_of_each_kind_does_not_stop_the_batch(tmp_path):
    good1 = write(tmp_path / "good1.txt", ARTICLE.encode())
    latin = write(tmp_path / "latin.txt", "café".encode("latin-1"))
    binary = write(tmp_path / "bin.txt", b"\x00\x01\x02")
    empty = write(tmp_path / "empty.txt", b"  \n")
    missing = tmp_path / "missing.txt"
    emptydir = tmp_path / "emptydir"
    emptydir.mkdir()
    good2 = write(tmp_path / "good2.txt", ARTICLE.encode())
    out = items([good1, latin, binary, empty, missing, emptydir, good2])
    kinds = [type(i).__name__ for i in out]
    assert kinds == ["Document", "InputError", "InputError", "InputError", "InputError",
                     "InputError", "Document"]
    assert [i.id for i in out if isinstance(i, Document)] == ["good1", "good2"]
    errs = [i for i in out if isinstance(i, InputError)]
    assert [e.source for e in errs] == [str(latin), str(binary), str(empty), str(missing),
                                        str(emptydir)]
    for e in errs:
        assert "\n" not in str(e)
        assert str(e).startswith(e.source + ": ")


# -- directories ----------------------------------------------------------------

def test_directories_are_searched_recursively_in_sorted_order(tmp_path):
    root = tmp_path / "news"
    write(root / "b.txt", b"B text")
    write(root / "a.txt", b"A text")
    write(root / "sub" / "a.txt", b"sub A text")
    write(root / "sub" / "deeper" / "z.TXT", b"Z text")
    write(root / "other" / "a.txt", b"other A text")
    write(root / "notes.md", b"not an input")
    write(root / ".hidden.txt", b"hidden")
    write(root / ".git" / "x.txt", b"hidden dir")
    write(root / "feed.jsonl", b'{"id": "j1", "text": "json text"}\n')
    out = docs([root])
    assert [d.id for d in out] == ["a", "b", "j1", "other/a", "sub/a", "sub/deeper/z"]
    assert out[3].text == "other A text"
    assert out[3].source == os.path.join(str(root), "other", "a.txt")
    assert count_documents([str(root)]) == 6


def test_directory_with_nothing_usable_is_an_error(tmp_path):
    d = tmp_path / "d"
    write(d / "readme.md", b"x")
    [err] = items([d])
    assert err.source == str(d)
    assert "no .txt, .html, .htm or .jsonl files" in err.message


def test_duplicate_ids_are_errors(tmp_path):
    a1 = write(tmp_path / "x" / "a.txt", b"first")
    a2 = write(tmp_path / "y" / "a.txt", b"second")
    out = items([a1, a2])
    assert isinstance(out[0], Document) and out[0].text == "first"
    assert isinstance(out[1], InputError)
    assert out[1].source == str(a2)
    assert out[1].message.startswith("duplicate id 'a'")


# -- stdin ------------------------------------------------------------------------

def test_stdin(tmp_path):
    out = list(iter_documents(["-"], stdin=io.BytesIO(codecs.BOM_UTF8 + b"from\r\nstdin")))
    assert out == [Document("stdin", "from\r\nstdin", {}, "<stdin>")]
    assert list(iter_documents(["-"], stdin=io.BytesIO(b""))) == [
        InputError("<stdin>", "empty file")]
    assert count_documents(["-"]) is None


# -- JSONL ------------------------------------------------------------------------

def test_jsonl_good_and_bad_lines_with_line_numbers(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": "First “quote”.", "title": "T1", "url": "http://x",
                    "date": "2025-04-24", "outlet": "Reuters", "extra": 1}),
        '{"id": "a2", "text": broken',
        "",
        "[1, 2]",
        json.dumps({"id": "a4"}),
        json.dumps({"id": "a5", "text": 42}),
        json.dumps({"text": "no id here", "title": None}),
        json.dumps({"id": 7, "text": "numeric id"}),
        json.dumps({"id": "a1", "text": "duplicate"}),
        json.dumps({"id": "a9", "text": "   "}),
        json.dumps({"id": "a10", "text": "last\r\nline"}, ensure_ascii=False),
    ]
    p = write(tmp_path / "feed.jsonl", ("\n".join(lines) + "\n").encode())
    out = items([p])
    got = [(type(i).__name__, i.source) for i in out]
    f = str(p)
    assert got == [
        ("Document", f"{f}:1"), ("InputError", f"{f}:2"), ("InputError", f"{f}:4"),
        ("InputError", f"{f}:5"), ("InputError", f"{f}:6"), ("Document", f"{f}:7"),
        ("Document", f"{f}:8"), ("InputError", f"{f}:9"), ("InputError", f"{f}:10"),
        ("Document", f"{f}:11"),
    ]
    a1, e2, e4, e5, e6, noid, num, dup, blank, last = out
    assert a1 == Document("a1", "First “quote”.", {"title": "T1", "url": "http://x",
                                                    "date": "2025-04-24", "outlet": "Reuters"},
                          f"{f}:1")
    assert str(e2).startswith(f"{f}:2: malformed JSONL line: ")
    assert e4.message == "malformed JSONL line: expected a JSON object, got an array"
    assert e5.message == 'malformed JSONL line: no "text" field'
    assert e6.message == 'malformed JSONL line: "text" is a number, not a string'
    assert noid.id == "feed:7" and noid.meta == {}
    assert num.id == "7"
    assert dup.message.startswith("duplicate id 'a1'")
    assert blank.message == "empty text"
    assert last.text == "last\r\nline"


def test_jsonl_bad_encoding_is_one_line_error_and_the_rest_goes_on(tmp_path):
    data = (b'{"id": "ok1", "text": "fine"}\n'
            b'{"id": "bad", "text": "caf\xe9"}\n'
            b'{"id": "ok2", "text": "fine too"}\n')
    p = write(tmp_path / "f.jsonl", codecs.BOM_UTF8 + data)
    out = items([p])
    assert [type(i).__name__ for i in out] == ["Document", "InputError", "Document"]
    assert out[1].source == f"{p}:2"
    assert "not valid UTF-8 (byte 0xe9" in out[1].message
    assert out[0].text == "fine"


def test_jsonl_utf16_and_empty(tmp_path):
    p = write(tmp_path / "w.jsonl", '{"id": "w", "text": "wide ü"}\n'.encode("utf-16"))
    assert docs([p])[0].text == "wide ü"
    e = write(tmp_path / "e.jsonl", b"\n\n")
    assert items([e]) == [InputError(str(e), "empty file")]


# -- HTML -------------------------------------------------------------------------

HTML = """<html><head><title>Strikes on Kyiv</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Strikes on Kyiv</h1>
<p>Kyiv Mayor Vitali Klitschko confirmed the death toll stood at eight, revising earlier
reports of nine fatalities across the city on Thursday morning.</p>
<p>“This brutal attack once again shows that the path to peace is blocked not by Ukraine,
but by Russia,” wrote Ukrainian Foreign Minister Andrii Sybiha on X.</p>
</article><footer>Copyright 2025 Example News. All rights reserved.</footer></body></html>
"""


def test_html_main_text_and_saved_text(tmp_path):
    pytest.importorskip("trafilatura")
    root = tmp_path / "pages"
    p = write(root / "world" / "kyiv.html", HTML.encode())
    saved = tmp_path / "saved"
    [doc] = items([root], save_text_dir=str(saved))
    assert isinstance(doc, Document)
    assert doc.id == "world/kyiv"
    assert "Vitali Klitschko confirmed" in doc.text
    assert "Home" not in doc.text and "Copyright" not in doc.text
    assert doc.meta.get("title") == "Strikes on Kyiv"
    with open(saved / "world" / "kyiv.txt", encoding="utf-8", newline="") as f:
        assert f.read() == doc.text
    assert doc.source == str(p)


def test_html_without_main_text(tmp_path):
    pytest.importorskip("trafilatura")
    p = write(tmp_path / "blank.htm", (b"<html><head><script>var x = 1;</script></head>"
                                       b"<body><img src='a.png'><script>go()</script></body></html>"))
    good = write(tmp_path / "good.txt", b"text")
    out = items([p, good])
    assert out[0] == InputError(str(p), "no main text found in HTML")
    assert out[1].id == "good"


def test_html_without_trafilatura_is_a_one_line_hint(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import fails
    p = write(tmp_path / "page.html", HTML.encode())
    q = write(tmp_path / "other.html", HTML.encode())
    out = items([p, q])
    assert [type(i) for i in out] == [InputError, InputError]
    assert out[0].message == "reading HTML needs trafilatura: pip install 'quotes[html]'"


# -- properties -------------------------------------------------------------------

_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\r\t"),
                min_size=1).filter(lambda t: t.strip())


@settings(max_examples=60, deadline=None)
@given(text=_text, bom=st.booleans())
def test_text_is_exactly_as_written(tmp_path_factory, text, bom):
    d = tmp_path_factory.mktemp("prop")
    p = d / "t.txt"
    p.write_bytes((codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8"))
    [doc] = items([p])
    assert isinstance(doc, Document), doc
    assert doc.text == text
