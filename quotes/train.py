"""Fit the learned parts of the pipeline on annotated news (``make train``).

    python -m quotes.train ../shared/polnear/train models

Reads gold in any layout ``quotes.gold`` reads, parses it with the default
model, and writes two weight files into the models folder:

- ``content_ends.json`` (``boundaries``): for every reported statement the
  rules find after its cue that overlaps a gold statement, the candidate end
  matching the gold end is the right choice;
- ``object_statements.json`` (``object_statements``): for every speech verb
  not listed as reporting its object, with an object and nothing else to
  report, whether that object matches a gold statement (of the SPEECH
  subset, at least half the words of the longer span shared, as
  ``quotes.evaluate`` matches).

Both are fitted with the rules alone (neither shipped model is used), so
the same input gives the same weights. Runs offline on CPU in a few minutes.

``--folds K`` also reports how often each learned part chooses right on
articles it was not fitted on (K-fold, by article) beside the same on the
articles it was fitted on, and the extractor's F1 with every article read
by weights fitted without it. The fitted figures overstate (by five points
for the end model on PolNeAR train, and by 0.017 for the extractor's F1):
judge a change by the held-out ones. With ``--json FILE`` the held-out
scores are written as ``quotes eval --json`` writes them, and with
``--against FILE`` (such a file from an earlier run) each held-out F1's
change is printed with its 95% interval paired by article, as ``quotes
eval --against`` does: a change to a feature or a rule is then judged on
all of train at once, beyond noise or not. The held-out level depends on
which articles share a fold (the README gives PolNeAR's figures):
``--split-seed N`` shuffles the articles with seed N before dealing them
into folds, so a change can be checked on a split it was not chosen on.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import random
import re
import sys
import time
from pathlib import Path
from typing import Iterable, Optional

from spacy.tokens import Doc, DocBin

from . import object_statements
from .boundaries import EndModel, applies, fit, instances
from .evaluate import EvalReport, WordIndex, compare, is_speech, load_speech_words, read_document_counts
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
    cued = [((g.content[0][0], g.content[-1][1]), g.cue) for g in gold.attributions if g.content and g.cue]
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
        # The statement annotated on this very cue, when there is one: the
        # one it overlaps most may be a second report it runs into ("said
        # A, claiming that B").
        at = doc[rep.cue[-1].i].idx
        best = next((span for span, cue in cued if any(a0 <= at < a1 for a0, a1 in cue) and min(b, span[1]) > max(a, span[0])), best)
        if best is None:
            continue
        target = _core_end(text, *best)
        options, feats = instances(doc, cue, start, end, lex)
        hits = [j for j, e in enumerate(options) if _core_end(text, a, doc[e - 1].idx + len(doc[e - 1].text)) == target]
        if hits:
            yield feats, hits[0]


def object_examples(doc: Doc, gold: GoldDocument, lex: Lexicon) -> Iterable[tuple[list[list[str]], int]]:
    """([no-statement features, object features], 1 if the object is a gold
    statement else 0) for each candidate object in one parsed article."""
    from .cues import is_speech_verb
    from .quotemarks import find_quotations, quotation_finder
    from .reports import report_of

    text = doc.text
    index = WordIndex(text)
    speech_words = load_speech_words()
    golds = [index.words([(g.content[0][0], g.content[-1][1])]) for g in gold.attributions
             if g.content and is_speech(g, text, speech_words)]
    quotation_at = quotation_finder(find_quotations(text))
    for tok in doc:
        if quotation_at(tok.idx) is not None or not is_speech_verb(tok, lex):
            continue
        rep = report_of(tok, lex)
        if rep is None or rep.content is not None:
            continue
        span = object_statements.candidate(tok, lex)
        if span is None:
            continue
        words = index.words([(doc[span[0]].idx, doc[span[1] - 1].idx + len(doc[span[1] - 1].text))])
        match = any(len(words & g) >= 0.5 * max(len(words), len(g)) for g in golds)
        yield [object_statements.NO_STATEMENT, object_statements.features(tok, span, lex)], int(match)


Examples = list[tuple[list[list[str]], int]]


def accuracy(weights: dict[str, float], data: Examples) -> float:
    """The share of ``data`` whose right option the weights pick."""
    return sum(EndModel.pick(options, weights) == right for options, right in data) / len(data) if data else 0.0


Fits = list[tuple[list[int], dict[str, float]]]


def fold_of(n: int, folds: int, seed: Optional[int] = None) -> list[int]:
    """The fold of each of ``n`` articles: article ``i`` in fold ``i % folds``,
    or, with ``seed``, the articles shuffled by it and then dealt out the
    same way (folds as even as before, a different split per seed)."""
    if seed is None:
        return [i % folds for i in range(n)]
    order = list(range(n))
    random.Random(seed).shuffle(order)
    fold = [0] * n
    for k, i in enumerate(order):
        fold[i] = k % folds
    return fold


def fold_fits(by_article: list[Examples], folds: int, epochs: int, seed: Optional[int] = None) -> Fits:
    """Per fold, the articles held out (see ``fold_of``) and the weights
    fitted on all the others."""
    fold = fold_of(len(by_article), folds, seed)
    fits = []
    for f in range(folds):
        held = [i for i in range(len(by_article)) if fold[i] == f]
        if held:
            examples = [x for i, a in enumerate(by_article) if fold[i] != f for x in a]
            fits.append((held, fit(examples, epochs=epochs) if examples else {}))
    return fits


def held_out_accuracy(by_article: list[Examples], fits: Fits) -> float:
    """Accuracy on each article of the weights fitted without it."""
    right = sum(EndModel.pick(options, weights) == r for held, weights in fits for i in held for options, r in by_article[i])
    total = sum(len(by_article[i]) for held, _ in fits for i in held)
    return right / total if total else 0.0


def held_out_extraction(golds: list[GoldDocument], docs: list[Doc], end_fits: Fits, object_fits: Fits,
                        labels: frozenset[str], lex: Lexicon) -> EvalReport:
    """The extractor's score when every article is read with the weights
    fitted without it: what the learned parts give on unseen news."""
    from .evaluate import score
    from .pipeline import Extractor

    nlp = Extractor.shared().nlp
    preds = {}
    for (held, end_weights), (_, object_weights) in zip(end_fits, object_fits):
        extractor = Extractor(nlp, dataclasses.replace(
            lex, content_ends=EndModel(end_weights, labels), object_statements=EndModel(object_weights, labels)))
        for i in held:
            preds[golds[i].id] = extractor.extract_doc(docs[i], golds[i].id, {}, docs[i].text)
    return score(golds, preds)


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
    ap.add_argument("out", type=Path, help="the folder to write the weights into (models)")
    ap.add_argument("--docs", type=Path, help="parsed articles as a spaCy DocBin, to skip parsing")
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--folds", type=int, default=0, metavar="K",
                    help="also report accuracy on held-out articles, by K-fold cross-validation (K >= 2)")
    ap.add_argument("--split-seed", type=int, metavar="N",
                    help="with --folds: deal the articles into folds after shuffling them with seed N "
                         "(default: article i in fold i mod K); a figure that holds on several splits generalizes")
    ap.add_argument("--json", type=Path, metavar="FILE", help="with --folds: write the held-out scores to FILE")
    ap.add_argument("--against", type=Path, metavar="FILE",
                    help="with --folds: print each held-out F1's change against FILE (an earlier --json)")
    args = ap.parse_args(argv)

    t0 = time.time()
    try:
        # A malformed article is named and left out; the rest is fitted.
        golds = read_gold(args.gold, on_error=lambda err: print(f"quotes.train: left out {err}", file=sys.stderr))
        # The rules alone: fitting must not depend on the weights it replaces.
        lex = dataclasses.replace(Lexicon.load(), content_ends=None, object_statements=None)
        if args.folds == 1 or args.folds < 0:
            raise ValueError(f"--folds {args.folds}: cross-validation needs at least 2 folds")
        if (args.json or args.against or args.split_seed is not None) and not args.folds:
            raise ValueError("--json, --against and --split-seed score held-out articles: give --folds K too")
        before = read_document_counts(args.against) if args.against else None
        if args.json and not args.json.parent.is_dir():
            raise ValueError(f"{args.json}: no folder {args.json.parent} to write the scores into")
        ends_by_article: list[Examples] = []
        objects_by_article: list[Examples] = []
        labels: set[str] = set()
        # Kept only to read them again with each fold's weights.
        docs = list(parsed(golds, args.docs)) if args.folds else parsed(golds, args.docs)
        for gold, doc in zip(golds, docs):
            labels.update(t.dep_ for t in doc)
            ends_by_article.append(list(end_examples(doc, gold, lex)))
            objects_by_article.append(list(object_examples(doc, gold, lex)))
        ends = [x for a in ends_by_article for x in a]
        objects = [x for a in objects_by_article for x in a]
        if not ends:
            raise ValueError(f"{args.gold}: no reported statement of the rules matches a gold one; nothing to fit")
        if not args.out.is_dir():
            raise ValueError(f"{args.out}: not a folder to write the weights into")
    except (GoldFormatError, OSError, ValueError) as err:
        print(f"quotes.train: error: {err}", file=sys.stderr)
        return 2
    end_weights = fit(ends, epochs=args.epochs)
    object_weights = fit(objects, epochs=args.epochs) if objects else {}
    try:
        EndModel(end_weights, frozenset(labels)).save(args.out / "content_ends.json")
        EndModel(object_weights, frozenset(labels)).save(
            args.out / "object_statements.json",
            about="object statement gate, fitted by `make train`; see quotes/object_statements.py")
    except OSError as err:
        print(f"quotes.train: error: {args.out}: cannot write the weights ({err.strerror})", file=sys.stderr)
        return 2
    print(f"{len(golds)} articles: {len(ends)} statement ends, {len(objects)} objects, "
          f"{len(end_weights) + len(object_weights)} weights -> {args.out} ({time.time() - t0:.0f} s)", file=sys.stderr)
    if args.folds:
        folds = min(args.folds, len(golds))
        fits = {}
        for name, by_article, weights in (("statement ends", ends_by_article, end_weights),
                                          ("object statements", objects_by_article, object_weights)):
            fits[name] = fold_fits(by_article, folds, args.epochs, args.split_seed)
            held = held_out_accuracy(by_article, fits[name])
            fitted = accuracy(weights, [x for a in by_article for x in a])
            print(f"{name}: right for {held:.4f} held out ({folds} folds), {fitted:.4f} fitted", file=sys.stderr)
        report = held_out_extraction(golds, docs, fits["statement ends"], fits["object statements"], frozenset(labels), lex)
        records = report.records
        print("extraction with held-out weights: " + "; ".join(
            f"{subset.upper()} content F1 {records[subset]['content'].f1:.4f}, attributed {records[subset]['attributed'].f1:.4f}"
            for subset in ("speech", "all")), file=sys.stderr)
        if before is not None:
            changes, paired = compare(report, before)
            print(f"held-out change against {args.against} ({paired} articles in both):", file=sys.stderr)
            for c in changes:
                print(f"  {c.subset.upper()} {c.level} F1 {c.before:.4f} -> {c.after:.4f} ({c.after - c.before:+.4f}, "
                      f"95% {c.low:+.4f}..{c.high:+.4f}): {c.verdict}", file=sys.stderr)
        if args.json:
            try:
                args.json.write_text(json.dumps({**report.to_dict(), "gold_dir": str(args.gold), "folds": folds,
                                                 "split_seed": args.split_seed},
                                                indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            except OSError as err:
                print(f"quotes.train: error: {args.json}: cannot write the scores ({err.strerror})", file=sys.stderr)
                return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
