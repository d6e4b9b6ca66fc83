"""Accuracy floors: the extractor scored against held gold must not fall
below the numbers in tests/accuracy_floor.json (the lead raises them as the
extractor improves).

Keys are ``<gold>_<metric>``: ``polnear_dev_…`` is scored on PolNeAR dev
(``../shared/polnear/dev`` next to the repository, or $QUOTES_POLNEAR),
``corpus_…`` on the project's corpus/. ``<metric>`` is a key of
``EvalReport.flat()`` (``speech_attributed_f1``, ``all_content_f1``,
``token_all_cue_f1``, ``field_name_accuracy`` ...) or one of the aliases
below. Runs in ``make test`` (PolNeAR dev: 84 articles, about a minute).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from quotes.evaluate import evaluate

REPO = Path(__file__).resolve().parents[1]
FLOORS = json.loads((REPO / "tests" / "accuracy_floor.json").read_text(encoding="utf-8"))
ALIASES = {"statement_f1": "all_content_f1", "attributed_f1": "all_attributed_f1"}


def polnear_dev() -> Path:
    env = os.environ.get("QUOTES_POLNEAR")
    return Path(env) if env else REPO.parent / "shared" / "polnear" / "dev"


def floors(prefix: str) -> dict[str, float]:
    return {k[len(prefix):]: v for k, v in FLOORS.items() if k.startswith(prefix)}


def check(report, wanted: dict[str, float]) -> None:
    flat = report.flat()
    below = []
    for metric, floor in wanted.items():
        key = ALIASES.get(metric, metric)
        assert key in flat, f"accuracy_floor.json names unknown metric {metric!r}"
        if flat[key] < floor:
            below.append(f"{metric} = {flat[key]:.4f} < floor {floor:.4f}")
    assert not below, "; ".join(below)


def test_polnear_dev_accuracy_floor():
    gold = polnear_dev()
    if not (gold / "text").is_dir() or not (gold / "attributions").is_dir():
        pytest.skip(f"PolNeAR dev not found at {gold} (set QUOTES_POLNEAR to its dev directory)")
    wanted = floors("polnear_dev_")
    assert "speech_attributed_f1" in wanted
    report = evaluate(gold, None)
    assert report.n_docs > 0 and report.n_gold > 0
    check(report, wanted)


def test_corpus_accuracy_floor():
    corpus = REPO / "corpus"
    if not any(p.with_suffix(".txt").is_file() for p in corpus.glob("*.json")):
        pytest.skip(f"no annotated articles (<stem>.txt + <stem>.json) in {corpus}")
    report = evaluate(corpus, None)
    assert report.n_docs > 0
    check(report, floors("corpus_"))
