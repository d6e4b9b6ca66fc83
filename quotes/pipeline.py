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

        Texts are parsed in batches; a very long text is parsed in pieces
        (see ``chunking``) whose records are shifted back to the text's own
        offsets, so memory stays bounded by the piece size."""
        from .chunking import count_paragraph_breaks, split_text

        def pieces():
            for document in documents:
                spans = split_text(document.text)
                for k, (start, end) in enumerate(spans):
                    yield document.text[start:end], (document, start, k == len(spans) - 1)

        found: list[Quote] = []
        paragraphs = sentences = 0
        for doc, (document, offset, last) in self.nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
            quotes = self.extract_doc(doc, document.id, document.meta)
            if offset:
                for q in quotes:
                    _shift(q, offset, paragraphs, sentences)
            found.extend(quotes)
            if last:
                yield document, found
                found, paragraphs, sentences = [], 0, 0
            else:
                paragraphs += count_paragraph_breaks(doc.text)
                sentences += sum(1 for _ in doc.sents)

    def extract_doc(self, doc, doc_id: str = "text", meta: dict | None = None) -> list[Quote]:
        from .attribution import find_quotes

        return find_quotes(doc, self.lexicon, doc_id=doc_id, meta=meta or {}, keep_unattributed=self.keep_unattributed)


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
