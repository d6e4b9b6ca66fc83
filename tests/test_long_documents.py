"""Very long documents: parsed in pieces (``quotes.chunking.split_text``)
whose records are shifted back into the text's own offsets.

- ``split_text`` on a 2 MB paragraph and a ~20 MB text: pieces at most
  ``MAX_PIECE`` long, contiguous, covering the text, never cut inside a
  quotation, and each piece scans to the whole text's quotations.
- The extractor on a long single paragraph made of one repeated unit gives,
  for every repetition, the unit's own records shifted by its offset: no
  quote lost or doubled at a boundary. The full 2 MB paragraph takes about
  two minutes and 6.8 GB here (measured), so the real-size run uses ~300 KB
  (four pieces); a run with small pieces puts a boundary after every couple of
  sentences.
- Quotes whose attribution sits just before a piece boundary (the second
  half of a split quote, a quote paragraph carried from the previous one, a
  colon-introduced quote paragraph).
- Peak memory of extracting a text and one four times as long.
"""
from __future__ import annotations

import bisect
import json
import os
import re
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from quotes import chunking
from quotes.chunking import MAX_PIECE, split_text
from quotes.quotemarks import find_quotations
from quotes.records import Document

ROOT = Path(__file__).resolve().parents[1]

# One unit of varied sentences with quotes: inverted and straight direct
# quotes, a split quote, a reported clause, "according to", a mixed quote, a
# colon-introduced quote, guillemets, single marks, apostrophes and decades.
UNIT = (
    "“We will rebuild every home,” said Kyiv Mayor Vitali Klitschko. "
    "Foreign Minister Andrii Sybiha wrote on X that the attack showed Russia’s contempt for peace. "
    "According to the State Emergency Service, rescue efforts are ongoing. "
    "“The talks are over,” Kremlin spokesman Dmitry Peskov told reporters. "
    "“There is nothing left to discuss with them now.” "
    "British Prime Minister Keir Starmer called the strikes “appalling and cowardly” in a statement. "
    'The defence ministry said in a statement: "Nobody will be left behind." '
    "«We will continue to help Ukraine», French President Emmanuel Macron said. "
    "Resident Olena Kovalenko, whose flat was in a block built in the ’90s, said ‘we have nowhere else to go’ and wept. "
    "Prices rose 5% in March and the ’24 budget is unchanged. "
    "'It was the worst night since the war began,' resident Ihor Petrenko said. "
)
# The same without the second half of the split quote, which a boundary
# right before it loses (test_attribution_before_piece_boundary[split-quote]).
UNIT_SAFE = UNIT.replace("“There is nothing left to discuss with them now.” ", "")

FILLER = "The weather in the region stayed mild for most of the week. "


def core(q, shift: int = 0) -> tuple:
    """What a boundary must not change: type, content, offsets, cue, speaker
    mention, platform, outlet, paragraph index (sentence indexes are
    compared on their own). The resolved
    name, role, affiliation and confidence depend on the rest of the
    document (coreference), so a piece legitimately sees other context."""
    sp = q.speaker
    return (
        q.type, q.text, q.start + shift, q.end + shift,
        None if q.cue is None else (q.cue.text, q.cue.start + shift, q.cue.end + shift),
        None if sp is None else (sp.text,
                                 None if sp.start is None else sp.start + shift,
                                 None if sp.end is None else sp.end + shift),
        q.platform, q.outlet, q.paragraph,
    )


def check_offsets(text: str, quotes) -> None:
    starts = [q.start for q in quotes]
    assert starts == sorted(starts) and len(set(starts)) == len(starts), "records doubled or out of order"
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text) and text[q.start:q.end] == q.text, q
        if q.cue is not None:
            assert text[q.cue.start:q.cue.end] == q.cue.text, q.cue
        if q.speaker is not None and q.speaker.start is not None:
            assert text[q.speaker.start:q.speaker.end] == q.speaker.text, q.speaker
        assert q.paragraph >= 0 and q.sentence >= 0


def check_pieces(text: str, pieces, limit: int = MAX_PIECE, quotations=None) -> None:
    """Contiguous, covering, at most ``limit`` long, cut at whitespace and
    never inside a quotation; each piece scans to the same quotations."""
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    for (s0, e0), (s1, e1) in zip(pieces, pieces[1:]):
        assert e0 == s1
    assert all(0 < e - s <= limit for s, e in pieces)
    if quotations is None:
        quotations = find_quotations(text)
    cuts = [e for _, e in pieces[:-1]]
    for cut in cuts:
        assert text[cut - 1].isspace(), (cut, text[cut - 20:cut + 20])
    k = 0
    for cut in cuts:
        while k < len(quotations) and quotations[k].end <= cut:
            k += 1
        if k < len(quotations):
            q = quotations[k]
            assert not q.start < cut < q.end, (cut, q, text[q.start:q.start + 80])
    # No quotation lost or doubled: the pieces scanned one by one give the
    # whole text's quotations.
    per_piece = [(q.start + s, q.end + s, q.family, q.closed, q.paragraphs)
                 for s, e in pieces for q in find_quotations(text[s:e])]
    assert per_piece == [(q.start, q.end, q.family, q.closed, q.paragraphs) for q in quotations]


# --- split_text --------------------------------------------------------------

def test_split_2mb_single_paragraph():
    text = UNIT * (2_000_000 // len(UNIT) + 1)
    assert "\n" not in text and len(text) >= 2_000_000
    pieces = split_text(text)
    assert len(pieces) >= 20
    check_pieces(text, pieces)
    # With no paragraph break a piece ends at a sentence end.
    for _, cut in pieces[:-1]:
        assert text[cut - 200:cut].rstrip()[-1] in ".!?\"”’»)", text[cut - 30:cut]


def _twenty_megabytes() -> str:
    """~20 MB of news-like paragraphs, multi-paragraph quotes, and a long
    single paragraph every so often, all with varied quotation marks."""
    paragraphs = [s.strip() for s in UNIT.split(". ") if s.strip()]
    blocks = []
    for k in range(60):
        parts = []
        for j, p in enumerate(paragraphs * 40):
            parts.append(f"{p} (Item {k}.{j}.)")
            if j % 37 == 0:
                parts.append("“This statement runs over paragraphs, as news quotes do.")
                parts.append("“It goes on here without closing the first paragraph.")
                parts.append(f"“And it ends here,” said spokesperson Anna Kovalenko {k}.")
            if j % 53 == 0:
                parts.append("«Les négociations sont terminées», a-t-il dit. "
                             "'Kyiv’s air defence held,' he added. \"Yes.\"")
        if k % 3 == 0:
            parts.append(UNIT * 150)  # a ~125 KB paragraph: cut at sentence ends
        blocks.append("\n\n".join(parts))
    text = "\n\n".join(blocks)
    reps = 20_000_000 // len(text) + 1
    return "\n\n".join([text] * reps)


def test_split_20mb():
    text = _twenty_megabytes()
    assert len(text) >= 20_000_000
    t0 = time.perf_counter()
    pieces = split_text(text)
    elapsed = time.perf_counter() - t0
    assert len(pieces) >= 200
    check_pieces(text, pieces)
    # A piece ends at a paragraph break that no quotation spans when its
    # second half has one (a piece is never cut shorter than half the limit
    # just to end at a paragraph), else at a sentence end.
    quotations = find_quotations(text)
    starts = [q.start for q in quotations]

    def inside(pos):
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and quotations[k].start < pos < quotations[k].end

    at_paragraph = 0
    for s, e in pieces[:-1]:
        breaks = [m.end() for m in re.finditer(r"\n\s*\n", text[s + MAX_PIECE // 2:s + MAX_PIECE])]
        if any(not inside(s + MAX_PIECE // 2 + b) for b in breaks if b < MAX_PIECE - MAX_PIECE // 2):
            assert text[e - 1] == "\n", (s, e, text[e - 40:e + 40])
            at_paragraph += 1
        else:
            assert text[e - 200:e].rstrip()[-1] in ".!?\"”’»)", (s, e, text[e - 40:e + 40])
    assert 0 < at_paragraph < len(pieces) - 1  # both kinds occur in this text
    assert elapsed < 60, f"split_text took {elapsed:.1f} s on 20 MB"


def test_stray_opening_mark_does_not_force_mid_word_cuts():
    text = "The report cited a “draft plan for the coming years. " + FILLER * 5000
    pieces = split_text(text)
    assert len(pieces) >= 3
    for _, cut in pieces[:-1]:
        assert text[cut - 1].isspace(), repr(text[cut - 10:cut + 10])


# --- the extractor on one long paragraph -------------------------------------

def _unit_records(extractor, unit):
    quotes = extractor.extract(unit)
    n_sent = sum(1 for _ in extractor.nlp(unit).sents)
    assert len(quotes) >= 8
    return quotes, n_sent


def _check_repeated(extractor, unit, repeats):
    text = unit * repeats
    base, n_sent = _unit_records(extractor, unit)
    quotes = extractor.extract(text)
    check_offsets(text, quotes)
    expected = [core(q, k * len(unit)) for k in range(repeats) for q in base]
    got = [core(q) for q in quotes]
    if expected != got:
        missing = sorted(set(expected) - set(got))[:3]
        extra = sorted(set(got) - set(expected))[:3]
        raise AssertionError(f"{len(got)} records, expected {len(expected)}; "
                             f"missing {missing}; unexpected {extra}")
    assert [q.sentence for q in quotes] == \
           [q.sentence + k * n_sent for k in range(repeats) for q in base]


def test_long_paragraph_real_pieces(extractor):
    """~300 KB, no newline: four pieces of up to 100,000 characters."""
    repeats = 300_000 // len(UNIT) + 1
    text = UNIT * repeats
    pieces = split_text(text)
    assert len(pieces) == 4
    check_pieces(text, pieces)
    _check_repeated(extractor, UNIT, repeats)


@pytest.mark.parametrize("limit", [3_000, 1_000])
def test_long_paragraph_many_boundaries(extractor, monkeypatch, limit):
    """Small pieces put a boundary after every few sentences, at every
    position of the unit."""
    monkeypatch.setattr(chunking.split_text, "__defaults__", (limit,))
    repeats = 120
    text = UNIT_SAFE * repeats
    pieces = split_text(text)
    assert len(pieces) > repeats * len(UNIT_SAFE) // limit
    assert {s % len(UNIT_SAFE) for s, _ in pieces} != {0}
    _check_repeated(extractor, UNIT_SAFE, repeats)


def test_long_paragraph_pipe_matches_extract(extractor, monkeypatch):
    """Long and short documents through one ``pipe`` call: each gets its own
    records, as ``extract`` gives them."""
    monkeypatch.setattr(chunking.split_text, "__defaults__", (2_000,))
    texts = [UNIT_SAFE * 20, UNIT_SAFE, "No quote here.", UNIT_SAFE * 7]
    out = list(extractor.pipe([Document(f"d{k}", t) for k, t in enumerate(texts)], batch_size=4))
    assert [d.id for d, _ in out] == ["d0", "d1", "d2", "d3"]
    for (doc, quotes), text in zip(out, texts):
        check_offsets(text, quotes)
        assert [q.to_dict() for q in quotes] == [q.to_dict() for q in extractor.extract(text, doc_id=doc.id)]


# --- quotes whose attribution is in the piece before -------------------------

def _filler(length: int, sep: str) -> str:
    """Quote-free sentences (sep " ") or paragraphs (sep "\\n\\n"), exactly
    ``length`` characters, ending with ``sep``."""
    unit = FILLER.rstrip() + sep
    k, rest = divmod(length, len(unit))
    if 0 < rest < 8:
        k, rest = k - 1, rest + len(unit)
    pad = "Also " + "z" * (rest - 6 - len(sep)) + "." + sep if rest else ""
    out = unit * k + pad
    assert len(out) == length
    return out


def _at_boundary(head: str, tail: str, sep: str) -> tuple[str, int]:
    """Filler, then ``head`` ending 10 characters before MAX_PIECE, so that
    the first piece ends right after it, then ``tail`` and more filler."""
    offset = MAX_PIECE - 10 - len(head)
    text = _filler(offset, sep) + head + tail + sep + _filler(2_000, sep)
    return text, offset


@pytest.mark.parametrize("head, tail, sep", [
    pytest.param(
        "“The talks are over,” Kremlin spokesman Dmitry Peskov told reporters. ",
        "“There is nothing left to discuss with them now.”", " ",
        id="split-quote"),
    pytest.param(
        "“We will rebuild every home,” said Kyiv Mayor Vitali Klitschko.\n\n",
        "“Every family will have a roof over its head before the winter.”", "\n\n",
        id="carried-paragraph"),
    pytest.param(
        "Kyiv Mayor Vitali Klitschko said in a statement:\n\n",
        "“We will rebuild every home, and we will start tomorrow.”", "\n\n",
        id="colon-paragraph"),
])
def test_attribution_before_piece_boundary(extractor, head, tail, sep):
    short = head + tail
    alone = extractor.extract(short)
    tail_records = [core(q) for q in alone if q.start >= len(head)]
    if not tail_records:
        pytest.fail(f"the short text itself has no record for the tail: {short!r}")
    text, offset = _at_boundary(head, tail, sep)
    assert text[offset:offset + len(short)] == short
    pieces = split_text(text)
    quotes = extractor.extract(text)
    check_offsets(text, quotes)
    got = [core(q) for q in quotes if offset + len(head) <= q.start < offset + len(short)]
    expected = [core(q, offset) for q in alone if q.start >= len(head)]
    # paragraph indexes count the filler's paragraphs: compare the rest
    assert [g[:-1] for g in got] == [e[:-1] for e in expected], (pieces[:2], got)


# --- memory ------------------------------------------------------------------

# Pieces and texts are scaled down together so the test runs in about half a
# minute: at the real MAX_PIECE a 1 MB and a 4 MB text would take about
# four minutes and ~10 GB (a 2 MB paragraph: 110 s, 6.8 GB). What is measured is the same: a text four times as
# long, cut into four times as many pieces, should not need more memory.
MEMORY_LIMIT = 10_000
MEMORY_SIZES = (100_000, 400_000)

MEMORY_CHILD = textwrap.dedent("""
    import json, resource, sys
    from quotes import chunking
    size, limit = int(sys.argv[1]), int(sys.argv[2])
    chunking.MAX_PIECE = limit
    chunking.split_text.__defaults__ = (limit,)
    from quotes.pipeline import Extractor
    paragraphs = [
        "Russia launched one of its largest attacks on Kyiv overnight, firing missiles and drones at the capital, officials said on Thursday. Air defences were active for several hours.",
        "“We will rebuild every home,” said Kyiv Mayor Vitali Klitschko, who visited the damaged district with rescue workers.",
        "The State Emergency Service said rescue efforts were ongoing and that several people were still believed to be trapped under the rubble.",
        "Power was cut in parts of two districts, and the city's water utility reported low pressure in several neighbourhoods on the left bank.",
        "Foreign Minister Andrii Sybiha wrote on X that the attack showed the path to peace was blocked not by Ukraine but by Moscow.",
        "The Kremlin did not immediately respond to a request for comment.",
    ]
    parts, n = [], 0
    while n < size:
        parts.append(paragraphs[len(parts) % len(paragraphs)] + f" ({len(parts)})")
        n += len(parts[-1]) + 2
    text = "\\n\\n".join(parts)
    pieces = chunking.split_text(text)
    extractor = Extractor.load()
    quotes = extractor.extract(text)
    assert all(text[q.start:q.end] == q.text for q in quotes)
    # VmHWM is this process image's own peak. ru_maxrss is not: exec keeps
    # the high-water mark of the image it replaces, which for a child
    # spawned by a large pytest process is the parent's (vfork shares it).
    try:
        with open("/proc/self/status") as f:
            peak = next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"chars": len(text), "pieces": len(pieces),
                      "longest_piece": max(e - s for s, e in pieces), "records": len(quotes),
                      "max_rss_kb": peak}))
""")


def _peak(size: int) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    proc = subprocess.run([sys.executable, "-c", MEMORY_CHILD, str(size), str(MEMORY_LIMIT)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        pytest.fail(f"memory child failed:\n{proc.stderr[-3000:]}")
    # The child reports its own peak. RUSAGE_CHILDREN here would be the
    # largest of every child the session has reaped, and even the child's
    # own ru_maxrss (or os.wait4's) starts at this process's peak.
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_memory_bounded_by_piece_size():
    small = _peak(MEMORY_SIZES[0])
    large = _peak(MEMORY_SIZES[1])
    for r in (small, large):
        if not (r["pieces"] > 1 and r["longest_piece"] <= MEMORY_LIMIT and r["records"] > 0):
            pytest.fail(f"the scaled-down set-up did not cut the text into pieces: {r}")
    ratio = large["max_rss_kb"] / small["max_rss_kb"]
    assert ratio < 1.5, f"peak RSS {small['max_rss_kb'] // 1024} MB at 1x, " \
                        f"{large['max_rss_kb'] // 1024} MB at 4x ({ratio:.2f}x)"
