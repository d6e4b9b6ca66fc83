"""The records the extractor produces: small typed dataclasses.

A record's offsets are Python ``str`` offsets into the input text exactly as
read, end exclusive, so ``text == input[start:end]`` always holds.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Optional

QUOTE_TYPES = ("direct", "indirect", "mixed")
SPEAKER_KINDS = ("person", "organization", "group", "unknown")


@dataclass(frozen=True)
class Span:
    text: str
    start: int
    end: int


@dataclass
class Speaker:
    # The mention in the statement's sentence ("He"); for a bare quote
    # paragraph carried over from the previous quote, that quote's mention.
    # None only when a speaker is known without any mention in the text.
    text: Optional[str]
    start: Optional[int]
    end: Optional[int]
    name: Optional[str] = None
    kind: str = "unknown"
    role: Optional[str] = None
    affiliation: Optional[str] = None


@dataclass
class Quote:
    doc_id: str
    type: str
    text: str
    start: int
    end: int
    cue: Optional[Span]
    speaker: Optional[Speaker]
    platform: Optional[str] = None
    outlet: Optional[str] = None
    confidence: float = 1.0
    paragraph: int = 0
    sentence: int = 0
    # Document metadata carried from the input (title, url, date, outlet of a
    # JSONL line); kept out of the core fields so the schema stays stable.
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["confidence"] = round(self.confidence, 3)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Quote":
        d = dict(d)
        d["cue"] = Span(**d["cue"]) if d.get("cue") else None
        d["speaker"] = Speaker(**d["speaker"]) if d.get("speaker") else None
        d.setdefault("meta", {})
        return cls(**d)


@dataclass
class Document:
    """One input article: its id, its text exactly as read, and metadata
    (title, url, date, outlet ...) copied into each of its records."""

    id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    # Where it came from ("path/to/file.jsonl:12"), for error messages.
    source: str = ""
