"""quotes: who said what, in what role, and where, in news text."""
from __future__ import annotations

from .records import Document, Quote, Span, Speaker

__version__ = "0.1.0"
__all__ = ["extract", "Document", "Quote", "Span", "Speaker", "__version__"]


def extract(text: str, doc_id: str = "text", model: str | None = None) -> list[Quote]:
    """Extract the quotes and reported statements of one text.

    The spaCy model is loaded once per process and reused."""
    from .pipeline import Extractor

    return Extractor.shared(model).extract(text, doc_id=doc_id)
