"""Reading the inputs of a run: files, directories, JSONL and HTML, stdin.

``iter_documents(paths)`` yields a ``Document`` for every article it can read
and an ``InputError`` (never an exception) for every one it cannot, so that
one bad file does not stop a batch. ``str(error)`` is one line,
``"<path>: <reason>"``.

Paths
    A file; a directory (searched recursively for ``.txt``, ``.html``,
    ``.htm`` and ``.jsonl`` files, case-insensitively, skipping names that
    start with a dot, in sorted order of their relative paths); or ``-`` for
    standard input (read as plain text, doc id ``stdin``). A file named
    explicitly is read as HTML if it ends in ``.html``/``.htm``, as JSONL if it
    ends in ``.jsonl``, and as plain text otherwise.

Document ids
    The file stem for a file named explicitly (``news/a.txt`` → ``a``); the
    path relative to the directory, without suffix and with ``/`` separators,
    for a file found in a directory (``sub/a``), so two ``a.txt`` in
    different folders do not collide; the ``"id"`` field of a JSONL line, or
    ``<stem>:<line number>`` when it has none. Ids are unique within a run:
    a second document with an id already seen is an ``InputError``
    (``duplicate id``), so outputs stay keyed by id.

Text and offsets
    Record offsets are ``str`` offsets into ``Document.text``, which is the
    input *exactly as read* in this sense: the bytes decoded, a leading
    byte-order mark removed (it is not part of the text), and nothing else
    changed -- ``\\r\\n`` stays ``\\r\\n``, no Unicode normalisation, no
    whitespace stripping. So ``open(path, encoding="utf-8-sig",
    newline="").read()[start:end]`` gives a record's text back for a UTF-8
    file. For HTML the text is the main text trafilatura extracts (write it
    out with ``save_text_dir`` to check offsets against it); for JSONL it is
    the line's ``"text"`` string.

Decoding (plain text and HTML files, stdin)
    With ``encoding`` given, the bytes are decoded with exactly that Python
    codec (``utf-8-sig`` strips a BOM, ``utf-8`` keeps it as U+FEFF).
    Otherwise: a UTF-32 or UTF-16 byte-order mark selects that encoding; a
    UTF-8 BOM is dropped; everything else must be strict UTF-8, and an
    invalid byte is reported with its value and file offset. Files containing
    NUL bytes or mostly control characters are refused as binary. Empty or
    whitespace-only inputs are refused as ``empty file``. There is no size
    limit: the extractor cuts long texts itself.

JSONL
    One article per line, ``{"id": ..., "text": ..., "title"?, "url"?,
    "date"?, "outlet"?}``; the optional fields present become the document's
    ``meta``; ``Document.source`` is ``"<path>:<line number>"``. Blank lines
    are skipped. A bad line (invalid JSON, not an object, no ``text``, a
    ``text`` that is not a string or is blank) is an ``InputError`` for that
    line; the other lines go on. Files are read line by line, so a JSONL file
    may be larger than memory.

HTML
    The main text is extracted with trafilatura
    (``pip install 'quotes[html]'``); navigation, comments and boilerplate
    are dropped. With ``save_text_dir`` the extracted text is written to
    ``<save_text_dir>/<doc_id>.txt`` (UTF-8, newlines as extracted).
"""
from __future__ import annotations

import codecs
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator, Optional, Union

from .records import Document

__all__ = ["InputError", "iter_documents", "count_documents", "SUFFIXES"]

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES

STDIN = "-"
STDIN_ID = "stdin"
STDIN_SOURCE = "<stdin>"

JSONL_META_FIELDS = ("title", "url", "date", "outlet")

_BOMS = (  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than \t \n \v \f \r.
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32), 127])
_CONTROL_CHARS = frozenset(chr(b) for b in _CONTROL_BYTES)
_SNIFF = 8192
_BINARY_SHARE = 0.10


@dataclass(frozen=True)
class InputError:
    """An input that could not be read; ``str()`` is ``"<source>: <message>"``."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


class _Bad(Exception):
    """Internal: an input is unusable; the message is the reason."""


Item = Union[Document, InputError]


# ---------------------------------------------------------------------------
# Decoding

def _looks_binary_bytes(raw: bytes) -> bool:
    if b"\x00" in raw:
        return True
    sample = raw[:_SNIFF]
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > _BINARY_SHARE


def _looks_binary_text(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:_SNIFF]
    if not sample:
        return False
    return sum(ch in _CONTROL_CHARS for ch in sample) / len(sample) > _BINARY_SHARE


def _bom_codec(raw: bytes) -> Optional[tuple[str, int]]:
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return codec, len(bom)
    return None


def decode_bytes(raw: bytes, encoding: Optional[str] = None) -> str:
    """The text of ``raw`` by the rules in the module docstring; raises
    ``_Bad`` with a one-line reason."""
    if encoding:
        try:
            text = raw.decode(encoding)
        except LookupError:
            raise _Bad(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise _Bad(f"cannot decode as {encoding} (byte 0x{raw[exc.start]:02x} "
                       f"at offset {exc.start})") from None
        if _looks_binary_text(text):
            raise _Bad("binary file")
        return text
    bom = _bom_codec(raw)
    if bom and bom[0] != "utf-8-sig":
        codec, _ = bom
        try:
            text = raw.decode(codec)  # the utf-16/utf-32 codecs drop the BOM
        except UnicodeDecodeError as exc:
            name = codec.upper()
            raise _Bad(f"not valid {name} (bytes at offset {exc.start}: {exc.reason})") from None
        if _looks_binary_text(text):
            raise _Bad("binary file")
        return text
    skip = len(codecs.BOM_UTF8) if bom else 0
    if _looks_binary_bytes(raw):
        raise _Bad("binary file")
    try:
        return raw[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start + skip
        raise _Bad(_utf8_error(raw[offset], offset)) from None


def _utf8_error(byte: int, offset: int, what: str = "offset") -> str:
    return (f"not valid UTF-8 (byte 0x{byte:02x} at {what} {offset}); "
            "use --encoding latin-1 if it is Latin-1")


def _os_reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read()
    except IsADirectoryError:
        raise _Bad("is a directory") from None
    except OSError as exc:
        raise _Bad(_os_reason(exc)) from None


# ---------------------------------------------------------------------------
# Finding the files

@dataclass(frozen=True)
class _Input:
    path: str        # as shown in messages
    doc_id: str      # the document id (JSONL: the base of "<stem>:<line>")


def _kind(path: str) -> str:
    suffix = os.path.splitext(path)[1].lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return "text"


def _walk(top: str) -> Iterator[Union[_Input, InputError]]:
    """The usable files under directory ``top`` in sorted relative-path order;
    unreadable subdirectories are InputErrors (after the files)."""
    problems: list[InputError] = []

    def onerror(exc: OSError) -> None:
        problems.append(InputError(exc.filename or top, _os_reason(exc)))

    found: list[tuple[tuple[str, ...], str]] = []
    for dirpath, dirnames, filenames in os.walk(top, onerror=onerror):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith(".") or os.path.splitext(name)[1].lower() not in SUFFIXES:
                continue
            full = os.path.join(dirpath, name)
            rel = Path(os.path.relpath(full, top))
            found.append((rel.parts, full))
    found.sort()
    for parts, full in found:
        rel = Path(*parts)
        yield _Input(full, rel.with_suffix("").as_posix())
    yield from problems
    if not found and not problems:
        yield InputError(top, "no .txt, .html, .htm or .jsonl files found")


def _expand(paths: list[str]) -> Iterator[Union[_Input, InputError]]:
    for path in paths:
        path = os.fspath(path)
        if path == STDIN:
            yield _Input(STDIN, STDIN_ID)
        elif os.path.isdir(path):
            yield from _walk(path)
        else:
            yield _Input(path, Path(path).stem or path)


def count_documents(paths: list[str]) -> Optional[int]:
    """How many documents ``iter_documents(paths)`` will yield at most (for a
    progress bar): one per text/HTML file, one per non-blank JSONL line.
    ``None`` when it cannot be known (standard input)."""
    total = 0
    for item in _expand(paths):
        if isinstance(item, InputError):
            continue
        if item.path == STDIN:
            return None
        if _kind(item.path) != "jsonl":
            total += 1
            continue
        try:
            with open(item.path, "rb") as f:
                for line in f:
                    if line.strip():
                        total += 1
        except OSError:
            total += 1
    return total


# ---------------------------------------------------------------------------
# Reading

def iter_documents(paths: list[str], encoding: Optional[str] = None,
                   save_text_dir: Optional[str] = None,
                   stdin: Optional[BinaryIO] = None) -> Iterator[Item]:
    """Yield a ``Document`` or an ``InputError`` per input article, in input
    order (see the module docstring for the rules). ``stdin`` is the binary
    stream read for ``-`` (default: ``sys.stdin``'s)."""
    seen: dict[str, str] = {}
    html_state: dict = {}
    for item in _expand(paths):
        if isinstance(item, InputError):
            yield item
            continue
        kind = "text" if item.path == STDIN else _kind(item.path)
        if kind == "jsonl":
            produced = _read_jsonl(item, encoding)
        elif kind == "html":
            produced = _read_html(item, encoding, save_text_dir, html_state)
        else:
            produced = _read_text(item, encoding, stdin)
        for out in produced:
            if isinstance(out, Document):
                first = seen.get(out.id)
                if first is not None:
                    yield InputError(out.source, f"duplicate id {out.id!r} (also {first})")
                    continue
                seen[out.id] = out.source
            yield out


def _read_stdin(stdin: Optional[BinaryIO]) -> bytes:
    stream = stdin
    if stream is None:
        stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text-only replacement of sys.stdin
        data = sys.stdin.read()
        return data.encode("utf-8", "surrogateescape") if isinstance(data, str) else data
    try:
        return stream.read()
    except OSError as exc:
        raise _Bad(_os_reason(exc)) from None


def _read_text(item: _Input, encoding: Optional[str],
               stdin: Optional[BinaryIO]) -> Iterator[Item]:
    is_stdin = item.path == STDIN
    source = STDIN_SOURCE if is_stdin else item.path
    try:
        raw = _read_stdin(stdin) if is_stdin else _read_bytes(item.path)
        text = decode_bytes(raw, encoding)
        if not text.strip():
            raise _Bad("empty file")
    except _Bad as exc:
        yield InputError(source, str(exc))
        return
    yield Document(item.doc_id, text, {}, source)


# -- JSONL ------------------------------------------------------------------

def _jsonl_codec(head: bytes, encoding: Optional[str]) -> tuple[Optional[str], int]:
    """(codec for per-line decoding or None for whole-file decoding, bytes of
    BOM to skip)."""
    if encoding:
        try:
            info = codecs.lookup(encoding)
        except LookupError:
            raise _Bad(f"unknown encoding {encoding!r}") from None
        # Line splitting on b"\n" is only right for ASCII-compatible codecs.
        if "\n".encode(info.name) != b"\n" or info.name.startswith(("utf-16", "utf-32")):
            return None, 0
        return info.name, 0
    bom = _bom_codec(head)
    if bom is None:
        return "utf-8", 0
    if bom[0] == "utf-8-sig":
        return "utf-8", bom[1]
    return None, 0


def _read_jsonl(item: _Input, encoding: Optional[str]) -> Iterator[Item]:
    path = item.path
    try:
        f = open(path, "rb")
    except IsADirectoryError:
        yield InputError(path, "is a directory")
        return
    except OSError as exc:
        yield InputError(path, _os_reason(exc))
        return
    with f:
        try:
            head = f.read(_SNIFF)
            codec, skip = _jsonl_codec(head, encoding)
            if codec is None:
                # UTF-16/32: decode the whole file, then split.
                text = decode_bytes(head + f.read(), encoding)
                lines: Iterator[tuple[int, Union[str, _Bad]]] = (
                    (n, line) for n, line in enumerate(text.split("\n"), 1))
            else:
                if b"\x00" in head:
                    raise _Bad("binary file")
                f.seek(skip)
                lines = _decoded_lines(f, codec, encoding)
            any_line = False
            for lineno, line in lines:
                source = f"{path}:{lineno}"
                if isinstance(line, _Bad):
                    any_line = True
                    yield InputError(source, f"malformed JSONL line: {line}")
                    continue
                if not line.strip():
                    continue
                any_line = True
                yield _jsonl_document(item, source, lineno, line)
            if not any_line:
                yield InputError(path, "empty file")
        except _Bad as exc:
            yield InputError(path, str(exc))
        except OSError as exc:
            yield InputError(path, _os_reason(exc))


def _decoded_lines(f: BinaryIO, codec: str, encoding: Optional[str]):
    for lineno, raw in enumerate(f, 1):
        try:
            yield lineno, raw.decode(codec)
        except UnicodeDecodeError as exc:
            if encoding:
                yield lineno, _Bad(f"cannot decode as {encoding} "
                                   f"(byte 0x{raw[exc.start]:02x} at column {exc.start + 1})")
            else:
                yield lineno, _Bad(_utf8_error(raw[exc.start], exc.start + 1, "column"))


def _jsonl_document(item: _Input, source: str, lineno: int, line: str) -> Item:
    def bad(reason: str) -> InputError:
        return InputError(source, f"malformed JSONL line: {reason}")

    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return bad(f"{exc.msg} at column {exc.colno}")
    except RecursionError:
        return bad("nested too deeply")
    if not isinstance(obj, dict):
        return bad(f"expected a JSON object, got {_json_type(obj)}")
    if "text" not in obj or obj["text"] is None:
        return bad('no "text" field')
    text = obj["text"]
    if not isinstance(text, str):
        return bad(f'"text" is {_json_type(text)}, not a string')
    if not text.strip():
        return InputError(source, "empty text")
    raw_id = obj.get("id")
    if raw_id is None or raw_id == "":
        doc_id = f"{item.doc_id}:{lineno}"
    elif isinstance(raw_id, bool) or not isinstance(raw_id, (str, int, float)):
        return bad(f'"id" is {_json_type(raw_id)}, not a string or number')
    else:
        doc_id = str(raw_id)
    meta = {k: obj[k] for k in JSONL_META_FIELDS if obj.get(k) is not None}
    return Document(doc_id, text, meta, source)


def _json_type(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


# -- HTML -------------------------------------------------------------------

HTML_HINT = "reading HTML needs trafilatura: pip install 'quotes[html]'"


def _trafilatura(state: dict):
    if "module" not in state:
        try:
            import trafilatura
        except ImportError as exc:
            # trafilatura itself missing, or one of its dependencies (such as
            # lxml_html_clean) -- both fixed by the extra.
            state["module"] = None
            state["error"] = f"{HTML_HINT} ({exc})" if getattr(exc, "name", None) not in (
                "trafilatura", None) else HTML_HINT
        else:
            state["module"] = trafilatura
    return state["module"]


def _read_html(item: _Input, encoding: Optional[str], save_text_dir: Optional[str],
               state: dict) -> Iterator[Item]:
    path = item.path
    try:
        raw = _read_bytes(path)
        if not raw.strip():
            raise _Bad("empty file")
        trafilatura = _trafilatura(state)
        if trafilatura is None:
            raise _Bad(state["error"])
        try:
            html: Union[str, bytes] = decode_bytes(raw, encoding)
        except _Bad:
            if encoding or _looks_binary_bytes(raw):
                raise
            # Not UTF-8: let trafilatura honour the page's declared charset.
            html = raw
        if not html.strip():
            raise _Bad("empty file")
        text = trafilatura.extract(html, include_comments=False)
        if not text or not text.strip():
            raise _Bad("no main text found in HTML")
        meta = _html_meta(trafilatura, html)
    except _Bad as exc:
        yield InputError(path, str(exc))
        return
    if save_text_dir:
        target = Path(save_text_dir, item.doc_id + ".txt")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "w", encoding="utf-8", newline="") as out:
                out.write(text)
        except OSError as exc:
            yield InputError(path, f"cannot save extracted text to {target}: {_os_reason(exc)}")
    yield Document(item.doc_id, text, meta, path)


def _html_meta(trafilatura, html) -> dict:
    try:
        found = trafilatura.extract_metadata(html)
    except Exception:  # metadata is a nicety; never fail a document over it
        return {}
    if found is None:
        return {}
    meta = {}
    for key in ("title", "url", "date"):
        value = getattr(found, key, None)
        if value:
            meta[key] = value
    return meta
