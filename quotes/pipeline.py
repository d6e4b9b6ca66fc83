"""The extraction pipeline: text → parse → candidates → cue and speaker →
enrichment → records.

``Extractor`` owns one parser and the word lists; ``extract`` and ``pipe``
are the only ways in. Stages live in their own modules and are plain
functions over a spaCy ``Doc``.
"""
from __future__ import annotations

from typing import Iterable, Iterator, Optional

from .records import Document, Quote

_SHARED: dict[Optional[str], "Extractor"] = {}


class Extractor:
    def __init__(self, nlp, lexicon=None, keep_unattributed: bool = False):
        from .lexicon import Lexicon

        self.nlp = nlp
        # spaCy's tokenizer keeps the text exactly, so the Doc need not
        # rebuild it (3% of the rules); stanza's Doc may not.
        from spacy.language import Language

        self._keeps_text = isinstance(nlp, Language)
        self.lexicon = lexicon or Lexicon.load()
        # Also report quotations with neither cue nor speaker (scare quotes,
        # titles), with speaker None and a low confidence.
        self.keep_unattributed = keep_unattributed

    @classmethod
    def load(cls, model: str | None = None, backend: str = "spacy", keep_unattributed: bool = False) -> "Extractor":
        if backend == "stanza":
            from .stanza_adapter import load_stanza_nlp

            return cls(load_stanza_nlp(model), keep_unattributed=keep_unattributed)
        from .nlp import load_spacy

        return cls(load_spacy(model), keep_unattributed=keep_unattributed)

    @classmethod
    def shared(cls, model: str | None = None) -> "Extractor":
        if model not in _SHARED:
            _SHARED[model] = cls.load(model)
        return _SHARED[model]

    def extract(self, text: str, doc_id: str = "text", meta: dict | None = None) -> list[Quote]:
        return next(self.pipe([Document(doc_id, text, meta or {})]))[1]

    def pipe(self, documents: Iterable[Document], batch_size: int = 32) -> Iterator[tuple[Document, list[Quote]]]:
        """Yield (document, its quotes) in input order.

        Articles are parsed in batches. A very long text is parsed piece by
        piece (see ``chunking``), one at a time so memory stays bounded by
        the piece size, and its records are shifted back to the text's own
        offsets."""
        from .chunking import split_text

        batch: list[Document] = []
        for document in documents:
            spans = split_text(document.text)
            if len(spans) == 1:
                batch.append(document)
                if len(batch) >= batch_size:
                    yield from self._parse_batch(batch, batch_size)
                    batch = []
                continue
            yield from self._parse_batch(batch, batch_size)
            batch = []
            yield document, self._extract_pieces(document, spans)
        yield from self._parse_batch(batch, batch_size)

    def _parse_batch(self, batch: list[Document], batch_size: int) -> Iterator[tuple[Document, list[Quote]]]:
        texts = (d.text for d in batch)
        for document, doc in zip(batch, self.nlp.pipe(texts, batch_size=batch_size)):
            yield document, self.extract_doc(doc, document.id, document.meta, self._same_text(document.text))

    def _extract_pieces(self, document: Document, spans: list[tuple[int, int]]) -> list[Quote]:
        from .chunking import count_paragraph_breaks

        found: list[Quote] = []
        paragraphs = sentences = 0
        for start, end in spans:
            piece = document.text[start:end]
            doc = self.nlp(piece)
            quotes = self.extract_doc(doc, document.id, document.meta, self._same_text(piece))
            for q in quotes:
                _shift(q, start, paragraphs, sentences)
            found.extend(quotes)
            paragraphs += count_paragraph_breaks(doc.text)
            sentences += sum(1 for _ in doc.sents)
        return found

    def _same_text(self, text: str) -> Optional[str]:
        return text if self._keeps_text else None

    def extract_doc(self, doc, doc_id: str = "text", meta: dict | None = None, text: Optional[str] = None) -> list[Quote]:
        """The records of a parsed article; ``text``, when given, must be
        ``doc.text``."""
        from .attribution import find_quotes

        return find_quotes(doc, self.lexicon, doc_id=doc_id, meta=meta or {}, keep_unattributed=self.keep_unattributed, text=text)


def _shift(q: Quote, offset: int, paragraphs: int, sentences: int) -> None:
    q.start += offset
    q.end += offset
    if q.cue is not None:
        q.cue = type(q.cue)(q.cue.text, q.cue.start + offset, q.cue.end + offset)
    if q.speaker is not None and q.speaker.start is not None:
        q.speaker.start += offset
        q.speaker.end += offset
    q.paragraph += paragraphs
    q.sentence += sentences
