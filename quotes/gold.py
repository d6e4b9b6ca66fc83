"""Readers for gold attributions: PolNeAR brat standoff and the project's
own corpus format.

Two layouts, detected automatically by :func:`read_gold`:

- **PolNeAR** (``DIR/text/<stem>.txt`` + ``DIR/attributions/<stem>_<annotator>.ann``):
  brat standoff. ``T`` lines are spans (``T3<TAB>Content 120 211<TAB>text``,
  discontinuous as ``Content 10 20;25 40``), ``E`` lines join them into one
  attribution (``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``; roles
  may repeat with a number, ``Content2:T22``, and are then merged into one
  discontinuous span). An attribution without any Content is skipped (it
  cannot be scored). Where an article has several annotators' files, the
  first in sorted file-name order is used.
- **corpus** (``DIR/<stem>.txt`` + ``DIR/<stem>.json``, see corpus/README.md):
  ``statements`` with content, cue, speaker and fields, and ``distractors``.
  A ``.txt`` without its ``.json`` is not annotated and is skipped.

Article texts are read exactly as the tool reads them,
``open(path, encoding="utf-8", newline="")``, so offsets stay exact (no
``\\r\\n`` translation).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

# A span as one or more (start, end) fragments, sorted, end exclusive.
Spans = tuple[tuple[int, int], ...]

POLNEAR = "polnear"
CORPUS = "corpus"


class GoldFormatError(ValueError):
    """The gold directory or one of its files cannot be read."""


@dataclass
class GoldAttribution:
    id: str
    content: Spans
    cue: Spans = ()
    source: Spans = ()
    # Fields only the corpus format carries (None for brat gold).
    type: Optional[str] = None
    speaker: Optional[dict[str, Any]] = None
    platform: Optional[str] = None
    outlet: Optional[str] = None


@dataclass
class Distractor:
    start: int
    end: int
    text: str = ""
    why: str = ""


@dataclass
class GoldDocument:
    id: str
    text: str
    attributions: list[GoldAttribution]
    distractors: list[Distractor] = field(default_factory=list)
    format: str = POLNEAR
    path: str = ""
    # Brat attributions dropped because they had no Content.
    skipped: int = 0


def read_text(path: str | Path) -> str:
    """Read an article exactly as the tool does (offsets stay exact)."""
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


# Called with the error of each article left out (see ``read_gold``).
OnError = Optional[Callable[["GoldFormatError"], None]]


def _read(path: Path) -> str:
    try:
        return read_text(path)
    except UnicodeDecodeError as err:
        raise GoldFormatError(f"{path}: not UTF-8 text (byte {err.start})") from err
    except OSError as err:
        raise GoldFormatError(f"{path}: {err.strerror or err}") from err


def _skip(err: "GoldFormatError", on_error: OnError) -> None:
    if on_error is None:
        raise err
    on_error(err)


# --------------------------------------------------------------------- brat

_RANGE = re.compile(r"^(\d+) (\d+)$")


def _parse_ranges(s: str, where: str) -> Spans:
    out = []
    for part in s.split(";"):
        m = _RANGE.match(part.strip())
        if not m:
            raise GoldFormatError(f"{where}: bad span {s!r}")
        start, end = int(m.group(1)), int(m.group(2))
        if end < start:
            raise GoldFormatError(f"{where}: span end before start in {s!r}")
        out.append((start, end))
    return tuple(sorted(out))


def parse_brat(ann: str, where: str = "<ann>") -> tuple[list[GoldAttribution], int]:
    """Parse brat standoff text into attributions.

    Returns (attributions in E-line order, number skipped for lacking a
    Content). Lines other than ``T``/``E`` (notes, attributes, continuation
    lines of a span text containing a newline) are ignored."""
    spans: dict[str, tuple[str, Spans]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for lineno, line in enumerate(ann.splitlines(), 1):
        if not line or line[0] not in "TE":
            continue
        cols = line.split("\t")
        if len(cols) < 2 or not cols[0][1:].isdigit():
            continue
        here = f"{where}:{lineno}"
        if line[0] == "T":
            label, _, ranges = cols[1].partition(" ")
            spans[cols[0]] = (label, _parse_ranges(ranges, here))
        else:
            args = []
            for arg in cols[1].split():
                role, _, ref = arg.partition(":")
                args.append((role, ref))
            events.append((cols[0], args))

    attributions: list[GoldAttribution] = []
    skipped = 0
    for eid, args in events:
        parts: dict[str, list[tuple[int, int]]] = {"Content": [], "Cue": [], "Source": []}
        for i, (role, ref) in enumerate(args):
            if i == 0:  # the trigger (Attribution / Attribution-no-source)
                continue
            base = role.rstrip("0123456789")
            if base not in parts:
                continue
            if ref not in spans:
                raise GoldFormatError(f"{where}: {eid} refers to missing {ref}")
            parts[base].extend(spans[ref][1])
        if not parts["Content"]:
            skipped += 1
            continue
        attributions.append(GoldAttribution(
            id=eid,
            content=tuple(sorted(set(parts["Content"]))),
            cue=tuple(sorted(set(parts["Cue"]))),
            source=tuple(sorted(set(parts["Source"]))),
        ))
    return attributions, skipped


def _polnear_ann_files(ann_dir: Path) -> dict[str, Path]:
    """stem -> the first (sorted) ``<stem>_<annotator>.ann`` file."""
    chosen: dict[str, Path] = {}
    for p in sorted(ann_dir.glob("*.ann")):
        stem, sep, _annotator = p.stem.rpartition("_")
        if not sep:
            stem = p.stem
        chosen.setdefault(stem, p)
    return chosen


def read_polnear(gold_dir: str | Path, limit: Optional[int] = None, on_error: OnError = None) -> list[GoldDocument]:
    gold_dir = Path(gold_dir)
    anns = _polnear_ann_files(gold_dir / "attributions")
    docs = []
    for txt in sorted((gold_dir / "text").glob("*.txt")):
        if limit is not None and len(docs) >= limit:
            break
        ann = anns.get(txt.stem)
        if ann is None:  # not annotated: nothing to score against
            continue
        try:
            text = _read(txt)
            attributions, skipped = parse_brat(_read(ann), str(ann))
            _check_bounds(attributions, len(text), str(ann))
        except GoldFormatError as err:
            _skip(err, on_error)
            continue
        docs.append(GoldDocument(txt.stem, text, attributions, [], POLNEAR, str(txt), skipped))
    return docs


# ------------------------------------------------------------------- corpus

def _span(d: Optional[dict]) -> Spans:
    if not d or d.get("start") is None or d.get("end") is None:
        return ()
    return ((int(d["start"]), int(d["end"])),)


def parse_corpus(data: dict[str, Any], where: str = "<json>") -> tuple[list[GoldAttribution], list[Distractor]]:
    if not isinstance(data, dict) or not isinstance(data.get("statements", []), list):
        raise GoldFormatError(f"{where}: expected an object with a 'statements' list")
    attributions = []
    for i, s in enumerate(data.get("statements", [])):
        content = _span(s)
        if not content:
            raise GoldFormatError(f"{where}: statement {i} has no start/end")
        speaker = s.get("speaker")
        attributions.append(GoldAttribution(
            id=f"s{i}",
            content=content,
            cue=_span(s.get("cue")),
            source=_span(speaker),
            type=s.get("type"),
            speaker=dict(speaker) if speaker else None,
            platform=s.get("platform"),
            outlet=s.get("outlet"),
        ))
    distractors = [
        Distractor(int(d["start"]), int(d["end"]), d.get("text", ""), d.get("why", ""))
        for d in data.get("distractors", [])
    ]
    return attributions, distractors


def read_corpus(gold_dir: str | Path, limit: Optional[int] = None, on_error: OnError = None) -> list[GoldDocument]:
    gold_dir = Path(gold_dir)
    docs = []
    for js in sorted(gold_dir.glob("*.json")):
        txt = js.with_suffix(".txt")
        if not txt.is_file():
            continue
        if limit is not None and len(docs) >= limit:
            break
        try:
            text = _read(txt)
            try:
                data = json.loads(_read(js))
            except json.JSONDecodeError as e:
                raise GoldFormatError(f"{js}: {e}") from e
            attributions, distractors = parse_corpus(data, str(js))
            _check_bounds(attributions, len(text), str(js))
        except GoldFormatError as err:
            _skip(err, on_error)
            continue
        docs.append(GoldDocument(txt.stem, text, attributions, distractors, CORPUS, str(txt)))
    return docs


# ------------------------------------------------------------------- layout

def _check_bounds(attributions: list[GoldAttribution], n: int, where: str) -> None:
    for a in attributions:
        for start, end in a.content + a.cue + a.source:
            if not (0 <= start <= end <= n):
                raise GoldFormatError(f"{where}: {a.id} span {start}-{end} outside the text (length {n})")


def detect_layout(gold_dir: str | Path) -> str:
    """``"polnear"`` or ``"corpus"``; GoldFormatError when neither fits."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise GoldFormatError(f"{gold_dir}: not a directory")
    if (gold_dir / "text").is_dir() and (gold_dir / "attributions").is_dir():
        return POLNEAR
    if any(js.with_suffix(".txt").is_file() for js in gold_dir.glob("*.json")):
        return CORPUS
    splits = [s for s in ("dev", "train", "test") if (gold_dir / s / "text").is_dir()]
    hint = f" (it holds PolNeAR splits: pass {gold_dir / splits[0]})" if splits else ""
    raise GoldFormatError(
        f"{gold_dir}: no gold found{hint}; expected text/*.txt + attributions/*.ann "
        "(PolNeAR) or <stem>.txt + <stem>.json (corpus)")


def read_gold(gold_dir: str | Path, limit: Optional[int] = None, on_error: OnError = None) -> list[GoldDocument]:
    """Read every annotated article of ``gold_dir`` (sorted by stem; the
    first ``limit`` when given), detecting the layout. An article whose
    files are malformed or unreadable raises ``GoldFormatError``, or, with
    ``on_error``, is passed to it and left out: one bad file does not cost
    the rest of the set."""
    layout = detect_layout(gold_dir)
    read = read_polnear if layout == POLNEAR else read_corpus
    return read(gold_dir, limit, on_error)
