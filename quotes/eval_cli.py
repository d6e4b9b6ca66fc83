"""``quotes eval GOLD_DIR``: score the extractor against gold annotations.

Registered in the main CLI group with ``main.add_command(eval_command)``.
The definitions of every number are in :mod:`quotes.evaluate`.
"""
from __future__ import annotations

import json
from itertools import groupby
from pathlib import Path
from typing import Optional

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from .evaluate import FIELDS, Change, EvalReport, ErrorCase, compare, evaluate, read_document_counts
from .gold import GoldFormatError, detect_layout

SUBSET_LABEL = {"all": "ALL", "speech": "SPEECH"}


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


def scores_table(report: EvalReport, title: str = "") -> Table:
    """Record P/R/F1, each F1 with its 95% interval over articles (see
    quotes/evaluate.py)."""
    table = Table(title=title or None, title_justify="left")
    for col, justify in (("subset", "left"), ("record", "left"), ("P", "right"), ("R", "right"), ("F1", "right"),
                         ("95% CI", "right"), ("tp", "right"), ("pred", "right"), ("gold", "right")):
        table.add_column(col, justify=justify)
    for subset, levels in report.records.items():
        for level, prf in levels.items():
            low, high = report.interval(subset, level)
            table.add_row(SUBSET_LABEL[subset], level, _pct(prf.precision), _pct(prf.recall), _pct(prf.f1),
                          f"{_pct(low)}–{_pct(high)}", str(prf.tp), str(prf.n_pred), str(prf.n_gold))
    return table


def overlap_table(report: EvalReport) -> Table:
    """Word overlap of each part, over all predictions and gold spans."""
    table = Table(title="Word overlap", title_justify="left")
    for col, justify in (("subset", "left"), ("part", "left"), ("P", "right"), ("R", "right"), ("F1", "right"),
                         ("words", "right"), ("pred", "right"), ("gold", "right")):
        table.add_column(col, justify=justify)
    for subset, parts in report.tokens.items():
        for part, prf in parts.items():
            table.add_row(SUBSET_LABEL[subset], part, _pct(prf.precision), _pct(prf.recall), _pct(prf.f1),
                          str(prf.tp), str(prf.n_pred), str(prf.n_gold))
    return table


def change_table(changes: list[Change], against: Path, paired: int, unpaired: int) -> Table:
    """Each record F1 before and after, the difference and its paired 95%
    interval over the articles both runs scored."""
    title = f"Against {against}: {paired} article{'s' if paired != 1 else ''} scored by both"
    if unpaired:
        title += f" ({unpaired} scored now only, left out)"
    table = Table(title=title, title_justify="left")
    for col, justify in (("subset", "left"), ("record", "left"), ("before", "right"), ("after", "right"),
                         ("change", "right"), ("95% CI", "right"), ("", "left")):
        table.add_column(col, justify=justify)
    style = {"better": "green", "worse": "red", "within noise": "dim", "same": "dim"}
    for c in changes:
        table.add_row(SUBSET_LABEL[c.subset], c.level, _pct(c.before), _pct(c.after), f"{100 * (c.after - c.before):+.2f}",
                      f"{100 * c.low:+.2f} – {100 * c.high:+.2f}", Text(c.verdict, style=style[c.verdict]))
    return table


def fields_table(report: EvalReport) -> Table:
    table = Table(title="Field accuracy (content matches)", title_justify="left")
    table.add_column("field")
    table.add_column("accuracy", justify="right")
    table.add_column("correct", justify="right")
    table.add_column("of", justify="right")
    for name in FIELDS:
        fs = report.fields.get(name)
        if fs is not None:
            table.add_row(name, _pct(fs.accuracy), str(fs.correct), str(fs.total))
    return table


def causes_table(report: EvalReport) -> Table:
    table = Table(title="Errors by cause", title_justify="left")
    table.add_column("cause")
    table.add_column("count", justify="right")
    table.add_column("SPEECH", justify="right")
    speech: dict[str, int] = {}
    for e in report.errors:
        speech[e.cause] = speech.get(e.cause, 0) + bool(e.speech)
    for cause, n in report.error_counts().items():
        table.add_row(cause, str(n), str(speech.get(cause, 0)) if cause != "false positive" else "")
    table.add_section()
    table.add_row("gold missed (ALL)", str(report.missed), "")
    table.add_row("predictions unmatched", str(report.unmatched), "")
    return table


def _highlight(e: ErrorCase) -> Text:
    text = Text(e.context)
    n = len(e.context)
    for spans, style in (((e.gold.content if e.gold else ()), "bold green"),
                         ((e.pred.content if e.pred else ()), "bold yellow underline")):
        for s, t in spans:
            a, b = max(0, s - e.context_start), min(n, t - e.context_start)
            if a < b:
                text.stylize(style, a, b)
    return text


def print_errors(console: Console, report: EvalReport) -> None:
    # ``score`` sorts the errors by cause.
    for cause, group in groupby(report.errors, key=lambda e: e.cause):
        group = list(group)
        console.rule(f"{cause} ({len(group)})")
        for e in group:
            head = Text(e.doc_id, style="bold")
            if e.speech:
                head.append("  SPEECH", style="cyan")
            if e.detail:
                head.append(f"  {e.detail}", style="dim")
            console.print(head)
            if e.gold_text is not None:
                console.print(Text("  gold: ", style="green") + Text(e.gold_text))
            if e.pred_text is not None:
                console.print(Text("  pred: ", style="yellow") + Text(e.pred_text))
            console.print(Text("  » ") + _highlight(e))
            console.print()


def print_field_errors(console: Console, report: EvalReport) -> None:
    """Per field, each content match that got it wrong: predicted, then gold."""
    for name, group in groupby(report.field_errors, key=lambda e: e.field):
        group = list(group)
        console.rule(f"wrong {name} ({len(group)})")
        for e in group:
            console.print(Text(e.doc_id, style="bold") + Text("  pred: ", style="yellow") + Text(repr(e.predicted))
                          + Text("  gold: ", style="green") + Text(repr(e.gold)))
            console.print(Text("  » ") + Text(e.content, style="dim"))


def print_report(console: Console, report: EvalReport, title: str = "", errors: bool = False) -> None:
    console.print(scores_table(report, title))
    console.print(overlap_table(report))
    if report.fields:
        console.print(fields_table(report))
    if report.distractors:
        console.print(f"Distractors: {report.distractor_hits} predictions hit one of "
                      f"{report.distractors} distractor spans (counted as false positives).")
    if errors:
        print_errors(console, report)
        print_field_errors(console, report)
        console.print(causes_table(report))
    else:
        console.print(f"{report.missed} gold attributions missed, {report.unmatched} predictions "
                      "unmatched; --errors lists them.", style="dim")


@click.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--errors", "show_errors", is_flag=True,
              help="List misses and false positives with their sentence, grouped by cause, "
                   "and the fields (name, role ...) that content matches got wrong.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write every number to this JSON file.")
@click.option("--against", "against", type=click.Path(dir_okay=False, path_type=Path),
              help="A --json file of an earlier run on the same articles: print each F1's change, "
                   "with a 95% interval paired by article, and whether it is beyond noise.")
@click.option("--model", default=None, help="spaCy model to parse with (default: the best installed).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N articles.")
def eval_command(gold_dir: Path, show_errors: bool, json_path: Optional[Path], against: Optional[Path],
                 model: Optional[str], limit: Optional[int]) -> None:
    """Score the extractor against the gold annotations in GOLD_DIR.

    GOLD_DIR is a PolNeAR split (text/*.txt + attributions/*.ann, brat) or a
    directory of <stem>.txt + <stem>.json in the project's corpus format;
    the layout is detected. Scores are record P/R/F1 (content and attributed
    matches) for ALL gold attributions and the SPEECH subset, and word
    overlap for content, source and cue; see quotes/evaluate.py for the
    definitions."""
    from .nlp import ModelError
    from .pipeline import Extractor

    console = Console()
    try:
        layout = detect_layout(gold_dir)
        # Read before the run: a bad file fails at once, not after it.
        before = read_document_counts(against) if against else None
    except (GoldFormatError, ValueError) as e:
        raise click.ClickException(str(e))
    try:
        extractor = Extractor.load(model)
    except ModelError as e:
        raise click.ClickException(str(e))

    progress = Progress(TextColumn("scoring"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=Console(stderr=True), transient=True)
    with progress:
        task = progress.add_task("eval", total=None)

        def tick(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        left_out: list[str] = []

        def skip(err: Exception) -> None:
            # One line per bad article; the rest is scored.
            left_out.append(str(err))
            progress.console.print(f"quotes eval: left out {err}", markup=False, highlight=False, soft_wrap=True)

        try:
            report = evaluate(gold_dir, extractor, limit, on_document=tick, on_error=skip)
        except GoldFormatError as e:
            raise click.ClickException(str(e))

    title = (f"{gold_dir} ({layout}): {report.n_docs} articles, {report.n_gold} gold, "
             f"{report.n_records} records ({report.n_pred} after merging the parts of each speech act)")
    if left_out:
        title += f"; {len(left_out)} article{'s' if len(left_out) > 1 else ''} left out (malformed gold, see above)"
    print_report(console, report, title, show_errors)
    # The run's own scores are kept first: a comparison that fails must
    # not lose them.
    if json_path:
        data = report.to_dict()
        data.update({"gold_dir": str(gold_dir), "layout": layout, "model": model, "limit": limit, "left_out": left_out})
        try:
            json_path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        except OSError as e:
            raise click.ClickException(f"{json_path}: cannot write the scores ({e.strerror})")
        console.print(f"wrote {json_path}", style="dim")
    if before is not None:
        changes, paired = compare(report, before)
        if not paired:
            raise click.ClickException(f"{against}: none of its articles is among the {report.n_docs} scored now")
        console.print(change_table(changes, against, paired, report.n_docs - paired))
