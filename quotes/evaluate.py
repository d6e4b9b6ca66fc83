"""Scoring extracted quotes against gold attributions.

Definitions
===========

**Words.** The words of a text are its ``\\w+`` tokens
(``re.finditer(r"\\w+", text)``), identified by their position (index). A
span *covers* a word when they share at least one character; a
discontinuous span covers the words of all its fragments. Every comparison
below is made on these word sets, never on characters, so punctuation and
whitespace at span edges do not matter.

**Token overlap P/R/F1** (one each for *content*, *source* = the speaker
mention, *cue*). Per document, P = the set of words covered by the
predicted spans of that part, G = the set covered by the gold spans; true
positives = ``|P ∩ G|``. True positives, ``|P|`` and ``|G|`` are summed over
documents, then precision = tp / Σ|P|, recall = tp / Σ|G|, F1 their
harmonic mean. The predicted source of a record is its speaker *mention*
(``speaker.start``/``speaker.end``), never the resolved name.

**Record P/R/F1.** Predictions are matched one to one with gold
attributions of the same document:

- *overlap* of a (prediction, gold) pair = shared content words / words of
  the longer of the two content spans.
- *content match*: overlap ≥ 0.5 (the two content spans share at least 50%
  of the longer span's words, and at least one word).
- *greedy matching*: all candidate pairs (overlap ≥ 0.5) are sorted by
  overlap descending (ties: more shared words first, then document order),
  and a pair is taken when neither side is used yet.
- *attributed match*: a content match whose predicted speaker mention
  shares at least one word with the gold Source, or where neither has one
  (no mention predicted and no Source annotated).
- content P = content matches / predictions, R = content matches / gold;
  attributed P = attributed matches / predictions, R = attributed matches /
  gold. A ratio with a zero denominator is 0.

**Split quotes.** PolNeAR annotates one attribution per cue: a split quote
(``“A. A2,” she said. “B.”``) and the quote paragraphs that continue it
with no cue of their own are one attribution with a discontinuous content,
while the extractor emits one record per part. Before matching against
PolNeAR (brat) gold, records are merged into one prediction, whose
content is the union of the parts, when they share the same cue span (one
occurrence of the cue is one speech act: the two halves of a split quote,
or "said A, calling B “C”" where the extractor gives the quotation its own
record) and the same speaker (same mention span; or, when either has no
mention, the same resolved name), whatever their type; a ``direct``
record with no cue joins the ``direct`` record just before it when both
have the same resolved speaker name and it is in the same or the next
paragraph. The project's corpus format
annotates each part as its own statement, so nothing is merged there.
(``score(..., merge_split=True/False)`` overrides this.)

**Subsets.** ALL: every gold attribution. SPEECH: the gold attributions
whose cue contains a word (lowercased) listed in ``models/speech_words.txt``
or whose content contains a quotation mark (``" “ ” « » ‘`` anywhere;
``’`` only as the first character of the content or the last one, ignoring
whitespace and trailing ``.,;:!?``). Matching is always done against ALL
gold; for SPEECH, a prediction matched to a non-SPEECH gold attribution
counts neither for nor against (the pair is removed from the counts), the
non-SPEECH gold attributions are removed, and unmatched predictions remain
false positives. Token overlap for SPEECH uses the same removals.

**Uncertainty.** Each record-level F1 comes with a 95% interval from an
article-level bootstrap: the documents are resampled with replacement
(1,000 times, a fixed seed, so the same run gives the same interval) and
F1 recomputed from the resampled documents' summed counts; the interval is
the 2.5th to 97.5th percentile. Articles, not attributions, are resampled
because the attributions of one article are not independent (one writer,
one story). On PolNeAR dev (84 articles) the interval is about ±0.02
wide: two runs whose scores differ by less than that may not differ on
news at large. Two versions scored on the same articles are compared
more finely by ``compare`` (``quotes eval --against OLD.json``): the
difference of their F1s is bootstrapped over the same draws of articles.

**Field accuracy** (corpus format only), over content-matched statements:
speaker name, kind, role, affiliation, platform, outlet and type. Values
are compared case-insensitively after stripping surrounding whitespace and
one leading "the ", "a " or "an "; null equals null (an empty string is
null). A gold speaker of null has every speaker field null; so does a
predicted speaker with neither mention nor name. Each field that differs
is listed (``field_errors``: the gold and predicted values as written).

**Distractors** (corpus format only): a prediction left unmatched whose
content covers at least 50% of a distractor's words is a *distractor hit*
(it is already counted as a false positive). Reported as the number of
such predictions.

**Errors.** Every gold attribution left unmatched and every prediction
left unmatched is explained once, by cause:

- ``span too long`` / ``span too short``: some prediction overlaps the gold
  content but below the 50% threshold; the prediction is longer / shorter
  (``span misplaced`` when both have as many words). That prediction is
  listed with the miss, not again as a false positive.
- ``prediction used by another attribution``: the best overlapping
  prediction would match, but was matched to another gold attribution
  (nested or duplicate gold).
- ``quote missed``: no prediction overlaps a gold content that is in
  quotation marks.
- ``no cue found``: no prediction overlaps the gold content at all.
- ``wrong speaker``: a content match that is not an attributed match.
- ``false positive``: any other unmatched prediction.
"""
from __future__ import annotations

import bisect
import json
import random
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Optional, Sequence

from .gold import CORPUS, POLNEAR, GoldAttribution, GoldDocument, Spans
from .lexicon import MODELS_DIR
from .records import Quote

WORD = re.compile(r"\w+")
THRESHOLD = 0.5
BOOTSTRAP_SAMPLES = 1000
SUBSETS = ("all", "speech")
LEVELS = ("content", "attributed")
PARTS = ("content", "source", "cue")
FIELDS = ("name", "kind", "role", "affiliation", "platform", "outlet", "type")

# Quotation marks that mark a quote wherever they are; ’ doubles as an
# apostrophe, so it counts only at the edges of the content.
QUOTE_MARKS = '"“”«»‘'
EDGE_QUOTE_MARKS = "’"
_OPENING = '"“«‘'
_CLOSING = '"”»’'
_TRAILING = " \t\r\n.,;:!?"

NO_CUE = "no cue found"
TOO_LONG = "span too long"
TOO_SHORT = "span too short"
MISPLACED = "span misplaced"
TAKEN = "prediction used by another attribution"
QUOTE_MISSED = "quote missed"
WRONG_SPEAKER = "wrong speaker"
FALSE_POSITIVE = "false positive"
CAUSES = (NO_CUE, QUOTE_MISSED, TOO_LONG, TOO_SHORT, MISPLACED, TAKEN, WRONG_SPEAKER, FALSE_POSITIVE)

SPEECH_WORDS_PATH = MODELS_DIR / "speech_words.txt"
_SPEECH_CACHE: dict[str, frozenset[str]] = {}


def load_speech_words(path: str | Path | None = None) -> frozenset[str]:
    """The SPEECH cue words: one per line, lowercased, ``#`` comments."""
    path = Path(path) if path else SPEECH_WORDS_PATH
    key = str(path)
    if key not in _SPEECH_CACHE:
        words = set()
        with open(path, encoding="utf-8") as f:
            for line in f:
                word = line.split("#", 1)[0].strip().lower()
                if word:
                    words.add(word)
        _SPEECH_CACHE[key] = frozenset(words)
    return _SPEECH_CACHE[key]


# -------------------------------------------------------------------- words

class WordIndex:
    """The ``\\w+`` words of one text, to turn spans into word-position sets."""

    def __init__(self, text: str):
        self.text = text
        self.starts: list[int] = []
        self.ends: list[int] = []
        for m in WORD.finditer(text):
            self.starts.append(m.start())
            self.ends.append(m.end())

    def __len__(self) -> int:
        return len(self.starts)

    def words(self, spans: Iterable[tuple[int, int]]) -> frozenset[int]:
        out: set[int] = set()
        for start, end in spans:
            lo = bisect.bisect_right(self.ends, start)   # first word ending after start
            hi = bisect.bisect_left(self.starts, end)    # first word starting at/after end
            out.update(range(lo, hi))
        return frozenset(out)


def span_text(text: str, spans: Spans) -> str:
    return " … ".join(text[s:e] for s, e in spans)


def _first(s: str) -> str:
    """First non-space character (NUL when none)."""
    s = s.lstrip()
    return s[0] if s else "\0"


def _last(s: str) -> str:
    """Last character ignoring whitespace and trailing .,;:!? (NUL when none)."""
    s = s.rstrip(_TRAILING)
    return s[-1] if s else "\0"


def is_quoted(content: str) -> bool:
    """Content containing a quotation mark (the SPEECH quote criterion)."""
    if any(c in content for c in QUOTE_MARKS):
        return True
    return _first(content) in EDGE_QUOTE_MARKS or _last(content) in EDGE_QUOTE_MARKS


def in_quotation_marks(content: str) -> bool:
    """Content opening or closing with a quotation mark (a direct quote)."""
    return _first(content) in _OPENING or _last(content) in _CLOSING


def is_speech(gold: GoldAttribution, text: str, speech_words: frozenset[str]) -> bool:
    cue_words = {w.lower() for s, e in gold.cue for w in WORD.findall(text[s:e])}
    if cue_words & speech_words:
        return True
    return is_quoted(" ".join(text[s:e] for s, e in gold.content))


# -------------------------------------------------------------- predictions

@dataclass
class Prediction:
    """One prediction as scored: a record, or the parts of a split quote
    merged into one discontinuous content."""

    content: Spans
    cue: Spans
    source: Spans
    quotes: list[Quote]

    @property
    def quote(self) -> Quote:
        return self.quotes[0]


def _speaker_mention(q: Quote) -> Spans:
    sp = q.speaker
    if sp is None or sp.start is None or sp.end is None:
        return ()
    return ((sp.start, sp.end),)


def _cue(q: Quote) -> Spans:
    return ((q.cue.start, q.cue.end),) if q.cue is not None else ()


def _same_speaker(a: Quote, b: Quote) -> bool:
    ma, mb = _speaker_mention(a), _speaker_mention(b)
    if ma and mb:
        return ma == mb
    na = _norm(a.speaker.name) if a.speaker else None
    nb = _norm(b.speaker.name) if b.speaker else None
    return na == nb


def split_quote_groups(quotes: Sequence[Quote]) -> list[list[Quote]]:
    """Group the parts of one speech act: records with the same cue span and
    speaker, whatever their type, and a cue-less direct record continuing
    the direct one just before it (same speaker name, same or next
    paragraph); every other record is a group of its own. Groups are in
    order of their first part."""
    n = len(quotes)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    direct = [i for i, q in enumerate(quotes) if q.type == "direct"]
    cued = [i for i, q in enumerate(quotes) if q.cue is not None]
    for x, i in enumerate(cued):
        a = quotes[i]
        for j in cued[x + 1:]:
            b = quotes[j]
            if (a.cue.start, a.cue.end) == (b.cue.start, b.cue.end) and _same_speaker(a, b):
                parent[find(j)] = find(i)
    for i, j in zip(direct, direct[1:]):
        a, b = quotes[i], quotes[j]
        if b.cue is None and _continues(a, b):
            parent[find(j)] = find(i)
    groups: dict[int, list[Quote]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(quotes[i])
    out = [sorted(g, key=lambda q: (q.start, q.end)) for g in groups.values()]
    return sorted(out, key=lambda g: (g[0].start, g[0].end))


def _continues(a: Quote, b: Quote) -> bool:
    """``b``, a quote paragraph with no cue, goes on with ``a``'s words."""
    name_a = _norm(a.speaker.name) if a.speaker else None
    name_b = _norm(b.speaker.name) if b.speaker else None
    return name_b is not None and name_a == name_b and 0 <= b.paragraph - a.paragraph <= 1


def make_predictions(quotes: Sequence[Quote], merge_split: bool) -> list[Prediction]:
    groups = split_quote_groups(quotes) if merge_split else [[q] for q in quotes]
    preds = []
    for g in groups:
        source = next((m for m in map(_speaker_mention, g) if m), ())
        preds.append(Prediction(
            content=tuple(sorted({(q.start, q.end) for q in g})),
            cue=_cue(g[0]),
            source=source,
            quotes=list(g),
        ))
    return preds


# ----------------------------------------------------------------- matching

def overlaps(pred_words: Sequence[frozenset[int]], gold_words: Sequence[frozenset[int]]) -> dict[tuple[int, int], int]:
    """{(pred index, gold index): shared words} for every pair sharing one."""
    out = {}
    for pi, pw in enumerate(pred_words):
        if not pw:
            continue
        for gi, gw in enumerate(gold_words):
            shared = len(pw & gw)
            if shared:
                out[pi, gi] = shared
    return out


def overlap_ratio(shared: int, n_pred: int, n_gold: int) -> float:
    longer = max(n_pred, n_gold)
    return shared / longer if longer else 0.0


def greedy_match(pred_words: Sequence[frozenset[int]], gold_words: Sequence[frozenset[int]],
                 threshold: float = THRESHOLD) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) content matches, best overlap first."""
    candidates = []
    for (pi, gi), shared in overlaps(pred_words, gold_words).items():
        ratio = overlap_ratio(shared, len(pred_words[pi]), len(gold_words[gi]))
        if ratio >= threshold:
            candidates.append((-ratio, -shared, gi, pi))
    candidates.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, _, gi, pi in candidates:
        if pi not in used_p and gi not in used_g:
            used_p.add(pi)
            used_g.add(gi)
            pairs.append((pi, gi))
    return sorted(pairs, key=lambda p: p[1])


def same_source(pred_source: frozenset[int], gold_source: frozenset[int],
                pred_has: bool, gold_has: bool) -> bool:
    if not pred_has and not gold_has:
        return True
    return bool(pred_source & gold_source)


# ------------------------------------------------------------------ results

@dataclass
class PRF:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, tp: int, n_pred: int, n_gold: int) -> None:
        self.tp += tp
        self.n_pred += n_pred
        self.n_gold += n_gold

    def to_dict(self) -> dict[str, Any]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "tp": self.tp, "predicted": self.n_pred, "gold": self.n_gold}


@dataclass
class FieldScore:
    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass
class ErrorCase:
    cause: str
    doc_id: str
    # The sentence(s) around the spans, and where it starts in the text.
    context: str
    context_start: int
    gold: Optional[GoldAttribution] = None
    pred: Optional[Prediction] = None
    gold_text: Optional[str] = None
    pred_text: Optional[str] = None
    # Whether the gold attribution is in the SPEECH subset (None: no gold).
    speech: Optional[bool] = None
    detail: str = ""

    @property
    def start(self) -> int:
        spans = (self.gold.content if self.gold else ()) + (self.pred.content if self.pred else ())
        return min(s for s, _ in spans) if spans else 0


@dataclass
class FieldError:
    """A field a content match got wrong (gold with fields only): what the
    gold and the prediction say, as written, and the statement's text."""
    doc_id: str
    field: str
    gold: Optional[str]
    predicted: Optional[str]
    content: str
    start: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


Counts = tuple[int, int, int]  # matches, predictions, gold


@dataclass
class DocumentCounts:
    """One article's record counts, per ``"{subset}_{level}"``
    (``speech_content`` ...): what the bootstrap resamples, and what
    ``--json`` keeps so that a later run can be compared article by
    article (``compare``)."""
    id: str
    counts: dict[str, Counts]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, **{k: list(v) for k, v in self.counts.items()}}


def _f1(counts: Iterable[Counts]) -> float:
    tp = denominator = 0
    for t, n_pred, n_gold in counts:
        tp += t
        denominator += n_pred + n_gold
    return 2 * tp / denominator if denominator else 0.0


def bootstrap(statistic: Callable[[list[int]], float], n: int, samples: int = BOOTSTRAP_SAMPLES,
              seed: int = 0) -> tuple[float, float]:
    """The 2.5th and 97.5th percentiles of ``statistic`` over ``samples``
    draws of ``n`` article indices with replacement."""
    rng = random.Random(seed)
    values = sorted(statistic(rng.choices(range(n), k=n)) for _ in range(samples))
    return values[int(0.025 * samples)], values[min(samples - 1, int(0.975 * samples))]


def _empty_prf(keys: Sequence[str]) -> dict[str, dict[str, PRF]]:
    return {s: {k: PRF() for k in keys} for s in SUBSETS}


@dataclass
class EvalReport:
    n_docs: int = 0
    n_gold: int = 0
    n_records: int = 0        # records as extracted
    n_pred: int = 0           # predictions scored (split quotes merged)
    skipped_gold: int = 0     # brat attributions without content
    records: dict[str, dict[str, PRF]] = field(default_factory=lambda: _empty_prf(LEVELS))
    tokens: dict[str, dict[str, PRF]] = field(default_factory=lambda: _empty_prf(PARTS))
    fields: dict[str, FieldScore] = field(default_factory=dict)
    distractors: int = 0
    distractor_hits: int = 0
    missed: int = 0           # gold attributions not content-matched (ALL)
    unmatched: int = 0        # predictions not content-matched
    errors: list[ErrorCase] = field(default_factory=list)
    field_errors: list[FieldError] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)
    by_document: list[DocumentCounts] = field(default_factory=list)
    # Intervals drawn so far, by the number of documents they saw: the
    # table, flat() and to_dict() each ask (a second each on PolNeAR train).
    _intervals: dict[tuple, tuple[float, float]] = field(default_factory=dict, repr=False, compare=False)

    def interval(self, subset: str, level: str, samples: int = BOOTSTRAP_SAMPLES, seed: int = 0) -> tuple[float, float]:
        """The 95% bootstrap interval of a record-level F1 over articles
        (see the module docstring); (F1, F1) for fewer than two articles."""
        key = (subset, level, samples, seed, len(self.by_document))
        if key not in self._intervals:
            counts = [d.counts[f"{subset}_{level}"] for d in self.by_document]
            f1 = self.records[subset][level].f1
            self._intervals[key] = (bootstrap(lambda drawn: _f1(counts[i] for i in drawn), len(counts), samples, seed)
                                    if len(counts) > 1 else (f1, f1))
        return self._intervals[key]

    def error_counts(self) -> dict[str, int]:
        counts = {c: 0 for c in CAUSES}
        for e in self.errors:
            counts[e.cause] = counts.get(e.cause, 0) + 1
        return {c: n for c, n in counts.items() if n}

    def flat(self) -> dict[str, float]:
        """Every number under one flat key: ``speech_attributed_f1``,
        ``all_content_precision``, ``speech_content_f1_low`` (the bootstrap
        interval's bounds), ``token_all_cue_recall``,
        ``field_name_accuracy``, ``distractor_hits`` ..."""
        out: dict[str, float] = {"documents": self.n_docs, "gold": self.n_gold,
                                 "records": self.n_records, "predictions": self.n_pred}
        for kind, table in (("", self.records), ("token_", self.tokens)):
            for subset, levels in table.items():
                for level, prf in levels.items():
                    base = f"{kind}{subset}_{level}"
                    out[f"{base}_precision"] = prf.precision
                    out[f"{base}_recall"] = prf.recall
                    out[f"{base}_f1"] = prf.f1
                    if not kind:
                        out[f"{base}_f1_low"], out[f"{base}_f1_high"] = self.interval(subset, level)
        for name, fs in self.fields.items():
            out[f"field_{name}_accuracy"] = fs.accuracy
        if self.distractors:
            out["distractors"] = self.distractors
            out["distractor_hits"] = self.distractor_hits
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.n_docs,
            "gold": self.n_gold,
            "records": self.n_records,
            "predictions": self.n_pred,
            "skipped_gold": self.skipped_gold,
            "formats": self.formats,
            "threshold": THRESHOLD,
            "record_scores": {s: {lv: {**p.to_dict(), "f1_interval": list(self.interval(s, lv))} for lv, p in t.items()}
                              for s, t in self.records.items()},
            "token_scores": {s: {pt: p.to_dict() for pt, p in t.items()} for s, t in self.tokens.items()},
            "fields": {n: {"accuracy": f.accuracy, "correct": f.correct, "total": f.total}
                       for n, f in self.fields.items()},
            "distractors": {"total": self.distractors, "hits": self.distractor_hits},
            "errors": {"missed": self.missed, "unmatched_predictions": self.unmatched,
                       "by_cause": self.error_counts()},
            "field_errors": [e.to_dict() for e in self.field_errors],
            "flat": self.flat(),
            "by_document": [d.to_dict() for d in self.by_document],
        }


# ------------------------------------------------------------------- fields

_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def _norm(value: Any) -> Optional[str]:
    if value is None:
        return None
    s = _ARTICLE.sub("", str(value).strip()).strip().lower()
    return s or None


def gold_fields(g: GoldAttribution) -> dict[str, Optional[str]]:
    sp = g.speaker or {}
    return {"name": sp.get("name"), "kind": sp.get("kind"), "role": sp.get("role"),
            "affiliation": sp.get("affiliation"), "platform": g.platform,
            "outlet": g.outlet, "type": g.type}


def predicted_fields(q: Quote) -> dict[str, Optional[str]]:
    sp = q.speaker
    if sp is not None and sp.start is None and not sp.name and not sp.text:
        sp = None
    return {"name": sp.name if sp else None, "kind": sp.kind if sp else None,
            "role": sp.role if sp else None, "affiliation": sp.affiliation if sp else None,
            "platform": q.platform, "outlet": q.outlet, "type": q.type}


def field_errors(doc_id: str, text: str, gold: GoldAttribution, quote: Quote) -> list[FieldError]:
    """The fields of a content match that differ once normalised (case,
    spaces and a leading article ignored)."""
    g, p = gold_fields(gold), predicted_fields(quote)
    start = gold.content[0][0] if gold.content else quote.start
    return [FieldError(doc_id, f, g[f], p[f], span_text(text, gold.content), start)
            for f in FIELDS if _norm(g[f]) != _norm(p[f])]


# ------------------------------------------------------------------ context

_BOUNDARY = re.compile(r"[.!?]+[\"”’»)\]]*(?=\s)|\n")


class _Sentences:
    def __init__(self, text: str):
        self.text = text
        self.bounds = [m.end() if m.group() != "\n" else m.start() for m in _BOUNDARY.finditer(text)]

    def around(self, start: int, end: int, limit: int = 600) -> tuple[str, int]:
        """The text from the sentence end before ``start`` to the one at or
        after ``end``, and its offset."""
        i = bisect.bisect_right(self.bounds, start) - 1
        left = self.bounds[i] if i >= 0 else 0
        j = bisect.bisect_left(self.bounds, end)
        right = self.bounds[j] if j < len(self.bounds) else len(self.text)
        if right - left > limit:
            left = max(left, start - limit // 3)
            right = min(right, max(end, left + limit))
        raw = self.text[left:right]
        stripped = raw.lstrip()
        return stripped.rstrip(), left + (len(raw) - len(stripped))


# ------------------------------------------------------------------ scoring

def _spans_extent(*spans: Spans) -> tuple[int, int]:
    flat = [x for s in spans for x in s]
    return min(s for s, _ in flat), max(e for _, e in flat)


def _score_document(doc: GoldDocument, quotes: Sequence[Quote], report: EvalReport,
                    speech_words: frozenset[str], merge_split: Optional[bool],
                    threshold: float) -> None:
    text = doc.text
    idx = WordIndex(text)
    merge = (doc.format == POLNEAR) if merge_split is None else merge_split
    preds = make_predictions(quotes, merge)
    golds = doc.attributions

    gw = [idx.words(g.content) for g in golds]
    pw = [idx.words(p.content) for p in preds]
    g_src = [idx.words(g.source) for g in golds]
    p_src = [idx.words(p.source) for p in preds]
    speech = [is_speech(g, text, speech_words) for g in golds]

    pairs = greedy_match(pw, gw, threshold)
    attributed = {(pi, gi): same_source(p_src[pi], g_src[gi], bool(preds[pi].source), bool(golds[gi].source))
                  for pi, gi in pairs}

    report.n_docs += 1
    report.n_gold += len(golds)
    report.n_records += len(quotes)
    report.n_pred += len(preds)
    report.skipped_gold += doc.skipped
    if doc.format not in report.formats:
        report.formats.append(doc.format)

    counts: dict[str, Counts] = {}
    report.by_document.append(DocumentCounts(doc.id, counts))
    for subset in SUBSETS:
        keep_gold = [subset == "all" or speech[gi] for gi in range(len(golds))]
        dropped = {pi for pi, gi in pairs if not keep_gold[gi]}
        kept_pairs = [(pi, gi) for pi, gi in pairs if keep_gold[gi]]
        n_gold = sum(keep_gold)
        n_pred = len(preds) - len(dropped)
        counts[f"{subset}_content"] = (len(kept_pairs), n_pred, n_gold)
        counts[f"{subset}_attributed"] = (sum(attributed[p] for p in kept_pairs), n_pred, n_gold)
        for level in LEVELS:
            report.records[subset][level].add(*counts[f"{subset}_{level}"])

        kept_preds = [pi for pi in range(len(preds)) if pi not in dropped]
        kept_golds = [gi for gi in range(len(golds)) if keep_gold[gi]]
        for part in PARTS:
            P = frozenset().union(*(idx.words(getattr(preds[pi], part)) for pi in kept_preds))
            G = frozenset().union(*(idx.words(getattr(golds[gi], part)) for gi in kept_golds))
            report.tokens[subset][part].add(len(P & G), len(P), len(G))

    if doc.format == CORPUS:
        for pi, gi in pairs:
            wrong = field_errors(doc.id, text, golds[gi], preds[pi].quote)
            for name in FIELDS:
                fs = report.fields.setdefault(name, FieldScore())
                fs.correct += all(e.field != name for e in wrong)
                fs.total += 1
            report.field_errors.extend(wrong)

    matched_p = {pi: gi for pi, gi in pairs}
    matched_g = {gi: pi for pi, gi in pairs}
    report.missed += len(golds) - len(pairs)
    report.unmatched += len(preds) - len(pairs)

    distractor_hit: dict[int, str] = {}
    report.distractors += len(doc.distractors)
    for d in doc.distractors:
        dw = idx.words([(d.start, d.end)])
        if not dw:
            continue
        for pi in range(len(preds)):
            if pi not in matched_p and pi not in distractor_hit and 2 * len(pw[pi] & dw) >= len(dw):
                distractor_hit[pi] = d.why or d.text
    report.distractor_hits += len(distractor_hit)

    # ---- errors
    sentences = _Sentences(text)
    shared = overlaps(pw, gw)
    explained: set[int] = set()

    def case(cause, gi=None, pi=None, detail=""):
        spans = ((golds[gi].content if gi is not None else ())
                 + (preds[pi].content if pi is not None else ()))
        context, offset = sentences.around(*_spans_extent(spans))
        report.errors.append(ErrorCase(
            cause=cause, doc_id=doc.id, context=context, context_start=offset,
            gold=golds[gi] if gi is not None else None,
            pred=preds[pi] if pi is not None else None,
            gold_text=span_text(text, golds[gi].content) if gi is not None else None,
            pred_text=span_text(text, preds[pi].content) if pi is not None else None,
            speech=speech[gi] if gi is not None else None,
            detail=detail))

    for gi, g in enumerate(golds):
        if gi in matched_g:
            pi = matched_g[gi]
            if not attributed[pi, gi]:
                ps = span_text(text, preds[pi].source) or "none"
                gs = span_text(text, g.source) or "none"
                case(WRONG_SPEAKER, gi, pi, f"predicted mention {ps!r}, gold source {gs!r}")
            continue
        touching = [(overlap_ratio(n, len(pw[pi]), len(gw[gi])), n, pi)
                    for (pi, gj), n in shared.items() if gj == gi]
        if touching:
            ratio, n, pi = max(touching, key=lambda t: (t[0], t[1], -t[2]))
            if ratio >= threshold:
                cause = TAKEN
            elif len(pw[pi]) > len(gw[gi]):
                cause = TOO_LONG
            elif len(pw[pi]) < len(gw[gi]):
                cause = TOO_SHORT
            else:
                cause = MISPLACED
            detail = (f"{n} shared words; prediction {len(pw[pi])} words, gold {len(gw[gi])} "
                      f"({ratio:.0%} of the longer)")
            if pi not in matched_p:
                explained.add(pi)
            case(cause, gi, pi, detail)
        elif in_quotation_marks(span_text(text, g.content)):
            case(QUOTE_MISSED, gi)
        else:
            cue = span_text(text, g.cue)
            case(NO_CUE, gi, detail=f"gold cue {cue!r}" if cue else "gold has no cue")

    for pi, p in enumerate(preds):
        if pi in matched_p or pi in explained:
            continue
        detail = f"distractor: {distractor_hit[pi]}" if pi in distractor_hit else ""
        if len(p.quotes) > 1:
            detail = (detail + "; " if detail else "") + f"{len(p.quotes)} parts merged"
        case(FALSE_POSITIVE, pi=pi, detail=detail)


@dataclass
class Change:
    """A record-level F1 before and after, over the articles both runs
    scored, with the 95% paired bootstrap interval of the difference."""
    subset: str
    level: str
    before: float
    after: float
    low: float
    high: float

    @property
    def verdict(self) -> str:
        if self.low == self.high == self.after - self.before == 0:
            return "same"
        return "better" if self.low > 0 else ("worse" if self.high < 0 else "within noise")


def read_document_counts(path: str | Path) -> list[DocumentCounts]:
    """The per-article counts a ``quotes eval --json`` file holds."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        rows = data["by_document"]
        return [DocumentCounts(str(r["id"]), {f"{s}_{lv}": tuple(int(x) for x in r[f"{s}_{lv}"])
                                              for s in SUBSETS for lv in LEVELS}) for r in rows]
    except (OSError, UnicodeDecodeError) as err:
        raise ValueError(f"{path}: cannot read it ({err})") from err
    except json.JSONDecodeError as err:
        raise ValueError(f"{path}: not JSON ({err.msg}, line {err.lineno})") from err
    except (KeyError, TypeError, ValueError) as err:
        raise ValueError(f"{path}: no per-article counts in it (write it with `quotes eval --json` "
                         f"from this version): missing or malformed {err}") from err


def compare(report: EvalReport, before: Sequence[DocumentCounts], samples: int = BOOTSTRAP_SAMPLES,
            seed: int = 0) -> tuple[list[Change], int]:
    """Each record F1 of ``report`` against an earlier run's, on the
    articles both scored (matched by id), and how many those are. The
    interval resamples articles and takes the difference on the same draw:
    most of what varies between articles varies alike in both runs, so a
    paired interval is far narrower than two separate ones."""
    old = {d.id: d.counts for d in before}
    pairs = [(old[d.id], d.counts) for d in report.by_document if d.id in old]
    changes = []
    for subset in SUBSETS:
        for level in LEVELS:
            key = f"{subset}_{level}"
            a = [p[0][key] for p in pairs]
            b = [p[1][key] for p in pairs]
            f1_a, f1_b = _f1(a), _f1(b)
            low, high = (bootstrap(lambda drawn: _f1(b[i] for i in drawn) - _f1(a[i] for i in drawn), len(pairs), samples, seed)
                         if len(pairs) > 1 else (f1_b - f1_a, f1_b - f1_a))
            changes.append(Change(subset, level, f1_a, f1_b, low, high))
    return changes, len(pairs)


def score(gold_docs: Sequence[GoldDocument],
          predictions: Mapping[str, Sequence[Quote]] | Sequence[Sequence[Quote]],
          *, speech_words: Optional[Iterable[str]] = None,
          merge_split: Optional[bool] = None,
          threshold: float = THRESHOLD) -> EvalReport:
    """Score predicted quotes against gold documents (pure).

    ``predictions`` is either a mapping doc id → quotes (a missing id means
    no quotes) or a sequence of quote lists aligned with ``gold_docs``.
    ``merge_split`` None merges split quotes for PolNeAR gold only (see the
    module docstring)."""
    words = load_speech_words() if speech_words is None else frozenset(w.lower() for w in speech_words)
    if isinstance(predictions, Mapping):
        per_doc = [list(predictions.get(d.id, ())) for d in gold_docs]
    else:
        per_doc = [list(q) for q in predictions]
        if len(per_doc) != len(gold_docs):
            raise ValueError(f"{len(per_doc)} prediction lists for {len(gold_docs)} gold documents")
    report = EvalReport()
    for doc, quotes in zip(gold_docs, per_doc):
        _score_document(doc, quotes, report, words, merge_split, threshold)
    report.errors.sort(key=lambda e: (CAUSES.index(e.cause) if e.cause in CAUSES else len(CAUSES),
                                      e.doc_id, e.start))
    report.field_errors.sort(key=lambda e: (FIELDS.index(e.field), e.doc_id, e.start))
    return report


def evaluate(gold_dir: str | Path, extractor=None, limit: Optional[int] = None, *,
             speech_words: Optional[Iterable[str]] = None,
             on_document: Optional[Callable[[int, int], None]] = None,
             on_error: Optional[Callable[[Exception], None]] = None) -> EvalReport:
    """Read the gold of ``gold_dir`` (PolNeAR or corpus layout), run
    ``extractor`` (an ``Extractor``; the shared default one when None) over
    its articles and score the result. ``on_document(done, total)`` is
    called after each article; ``on_error``, when given, with each article
    whose gold is malformed, which is then left out (see ``read_gold``)."""
    from .gold import read_gold
    from .records import Document

    docs = read_gold(gold_dir, limit, on_error)
    if extractor is None:
        from .pipeline import Extractor

        extractor = Extractor.shared()
    documents = [Document(d.id, d.text, {}, d.path) for d in docs]
    predictions: dict[str, list[Quote]] = {}
    for n, (document, quotes) in enumerate(extractor.pipe(documents), 1):
        predictions[document.id] = list(quotes)
        if on_document:
            on_document(n, len(documents))
    return score(docs, predictions, speech_words=speech_words)
