"""Real text at volume: every PolNeAR article (messy quote marks, unbalanced
quotes, odd punctuation) goes through `quotes extract` without an error, and
every record's offsets hold, through the worker pool as users run it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = Path(os.environ.get("QUOTES_POLNEAR_ROOT", ROOT.parent / "shared" / "polnear"))


@pytest.mark.skipif(not (POLNEAR / "train" / "text").is_dir(), reason=f"PolNeAR not found at {POLNEAR}")
def test_every_polnear_article_extracts_with_valid_offsets(tmp_path):
    dirs = [POLNEAR / split / "text" for split in ("train", "dev")]
    out = tmp_path / "all.jsonl"
    run = subprocess.run(
        [sys.executable, "-m", "quotes.cli", "extract", *map(str, dirs), "--format", "jsonl", "-o", str(out), "--batch-size", "64",
         # Two workers: the parallel path on real text, and half the time.
         "--jobs", "2"],
        capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    texts = {p.stem: p.read_text(encoding="utf-8") for d in dirs for p in d.glob("*.txt")}
    seen = set()
    n = 0
    with open(out, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            text = texts[r["doc_id"]]
            assert text[r["start"]:r["end"]] == r["text"]
            for part in ("cue", "speaker"):
                span = r[part]
                if span and span.get("start") is not None:
                    assert 0 <= span["start"] < span["end"] <= len(text)
                    assert text[span["start"]:span["end"]] == span["text"]
            seen.add(r["doc_id"])
            n += 1
    assert len(texts) == 924 and n > 5_000 and len(seen) > 800
