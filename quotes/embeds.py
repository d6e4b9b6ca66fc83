"""Posts embedded in an article.

A tweet pasted into a page keeps its signature: "No one should be above the
law. pic.twitter.com/Oqct — Paul Ryan (@SpeakerRyan) July 5, 2016". What
the signature closes is what its author posted, word for word: a direct
quote whose speaker is the name in the signature and whose platform is the
signature's. The signatures are regular expressions in
``models/post_signatures.tsv``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

# Markup a scraper left at the start of the post ("<tweet id=... author=...>").
_LEADING = re.compile(r"[ \t]*(?:<[^<>\n]*>[ \t]*)*")
# The links an embed appends to the text: a shortened URL, a picture.
_LINKS = re.compile(r"(?:\s+(?:https?://|pic\.twitter\.com/)\S*)+\s*$")


@dataclass(frozen=True)
class Post:
    start: int                # the post's text, character offsets
    end: int
    name: tuple[int, int]     # the author's name in the signature
    mark: int                 # where the dash that opens the signature is
    platform: str


def find_posts(text: str, signatures: Iterable[tuple[re.Pattern, str]]) -> list[Post]:
    """The embedded posts of ``text``, in order."""
    posts = []
    for pattern, platform in signatures:
        for m in pattern.finditer(text):
            start, end = _body(text, m.start())
            if not re.search(r"\w", text[start:end]):
                continue
            posts.append(Post(start, end, m.span("name"), m.start(), platform))
    return sorted(posts, key=lambda p: p.start)


def _body(text: str, signature: int) -> tuple[int, int]:
    """The text a signature at ``signature`` closes: its own line before it,
    or the line above when the signature stands alone."""
    line = text.rfind("\n", 0, signature) + 1
    if not text[line:signature].strip():
        # "Text of the tweet\n— Name (@handle) Date"
        above = text[:line].rstrip()
        line = above.rfind("\n") + 1
        signature = len(above)
    start = _LEADING.match(text, line).end()
    body = text[start:signature]
    links = _LINKS.search(body)
    end = start + (links.start() if links else len(body.rstrip()))
    return start, end
