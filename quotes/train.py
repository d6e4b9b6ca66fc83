"""Fit the learned parts of the pipeline on annotated news (``make train``).

    python -m quotes.train ../shared/polnear/train models/content_ends.json

Reads gold in any layout ``quotes.gold`` reads, parses it with the default
model, and fits ``boundaries.EndModel``: for every reported statement the
rules find after its cue that overlaps a gold statement, the candidate end
matching the gold end is the right choice. Runs offline on CPU in a few
minutes; the same input gives the same weights.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path
from typing import Iterable, Optional

from spacy.tokens import Doc, DocBin

from .boundaries import EndModel, applies, fit, instances
from .gold import GoldDocument, GoldFormatError, read_gold
from .lexicon import Lexicon

_WORD = re.compile(r"\w")


def _core_end(text: str, start: int, end: int) -> int:
    """An end compared without trailing punctuation and quotation marks."""
    while end > start and not _WORD.match(text[end - 1]):
        end -= 1
    return end


def end_examples(doc: Doc, gold: GoldDocument, lex: Lexicon) -> Iterable[tuple[list[list[str]], int]]:
    """(candidate features, index of the gold end) for one parsed article."""
    from .attribution import find_reports
    from .quotemarks import find_quotations, quotation_finder

    text = doc.text
    golds = [(g.content[0][0], g.content[-1][1]) for g in gold.attributions if g.content]
    for rep in find_reports(doc, lex, quotation_finder(find_quotations(text)), refine=False):
        if rep.content is None:
            continue
        start, end = rep.content
        cue = rep.cue[-1]
        if not applies(doc, cue, start, end):
            continue
        a, b = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
        best: Optional[tuple[int, int]] = None
        best_shared = 0
        for gs, ge in golds:
            shared = min(b, ge) - max(a, gs)
            if shared > best_shared:
                best, best_shared = (gs, ge), shared
        if best is None:
            continue
        target = _core_end(text, *best)
        options, feats = instances(doc, cue, start, end, lex)
        hits = [j for j, e in enumerate(options) if _core_end(text, a, doc[e - 1].idx + len(doc[e - 1].text)) == target]
        if hits:
            yield feats, hits[0]


def parsed(golds: list[GoldDocument], docs_path: Optional[Path]) -> Iterable[Doc]:
    """The gold articles parsed, or read from ``docs_path`` (a DocBin of
    the same articles in the same order, to skip parsing)."""
    from .pipeline import Extractor

    nlp = Extractor.shared().nlp
    if docs_path is None:
        return nlp.pipe((g.text for g in golds), batch_size=32)
    docs = list(DocBin().from_disk(docs_path).get_docs(nlp.vocab))
    if len(docs) != len(golds) or any(d.text != g.text for d, g in zip(docs, golds)):
        raise ValueError(f"{docs_path}: not the parsed articles of the gold folder ({len(docs)} documents for {len(golds)} articles)")
    return docs


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m quotes.train", description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path, help="annotated articles (PolNeAR train)")
    ap.add_argument("out", type=Path, help="where to write the weights (models/content_ends.json)")
    ap.add_argument("--docs", type=Path, help="parsed articles as a spaCy DocBin, to skip parsing")
    ap.add_argument("--epochs", type=int, default=10)
    args = ap.parse_args(argv)

    t0 = time.time()
    try:
        golds = read_gold(args.gold)
        lex = Lexicon.load()
        data = []
        labels: set[str] = set()
        for gold, doc in zip(golds, parsed(golds, args.docs)):
            labels.update(t.dep_ for t in doc)
            data.extend(end_examples(doc, gold, lex))
        if not data:
            raise ValueError(f"{args.gold}: no reported statement of the rules matches a gold one; nothing to fit")
    except (GoldFormatError, OSError, ValueError) as err:
        print(f"quotes.train: error: {err}", file=sys.stderr)
        return 2
    weights = fit(data, epochs=args.epochs)
    try:
        EndModel(weights, frozenset(labels)).save(args.out)
    except OSError as err:
        print(f"quotes.train: error: {args.out}: cannot write the weights ({err.strerror})", file=sys.stderr)
        return 2
    print(f"{len(golds)} articles, {len(data)} statements, {len(weights)} weights -> {args.out} "
          f"({time.time() - t0:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
