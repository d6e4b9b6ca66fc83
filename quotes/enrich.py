"""Speaker enrichment: canonical name, kind, role, affiliation (through
``entities``), and the platform and outlet of each statement."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from .entities import Entity, EntityIndex, strip_article
from .lexicon import Lexicon
from .quotemarks import Quotation
from .records import Quote, Speaker

# Cue words that continue the previous statement in the same channel.
_CONTINUING = {"add", "continue", "go", "conclude", "reiterate", "repeat"}
_OBJECT_PRONOUNS = {"him", "her", "me", "us", "them", "it", "you"}
# Confidence when the speaker was found through a pronoun or description,
# or carried over from the previous quote, rather than named in place.
RESOLVED_FACTOR = 0.85


def platform_of(text: str, cue: list[Token], content: tuple[int, int], lex: Lexicon) -> Optional[str]:
    sent = cue[0].sent
    start, end = sent.start_char, sent.end_char
    # Blank out the content so "interview" inside a quote is not a channel.
    window = text[start:max(start, content[0])] + " " * max(0, min(end, content[1]) - max(start, content[0])) + text[min(end, max(start, content[1])):end]
    if not lex.any_platform.search(window):
        return None
    # The table's order decides between channels, not the position in the text.
    for pattern, platform in lex.platforms:
        if pattern.search(window):
            return platform
    return None


def outlet_of(cue: list[Token], lex: Lexicon) -> Optional[str]:
    verb = cue[0]
    if verb.lemma_.lower() == "tell":
        for child in verb.children:
            if (lex.has_dep(child, "object") or lex.has_dep(child, "indirect_object")) and child.lower_ not in _OBJECT_PRONOUNS:
                if child.pos_ in ("PROPN", "NOUN"):
                    return strip_article(child.doc[child.left_edge.i:child.right_edge.i + 1].text)
    for tok in verb.sent:
        if tok.lower_ == "interview":
            for prep in tok.children:
                if prep.lower_ == "with":
                    obj = next((c for c in prep.children if lex.has_dep(c, "prep_object")), None)
                    if obj is not None and obj.lower_ not in _OBJECT_PRONOUNS:
                        return strip_article(obj.doc[obj.left_edge.i:obj.right_edge.i + 1].text)
    return None


def enrich(doc: Doc, candidates: list, records: list[Quote], lex: Lexicon, text: Optional[str] = None,
           quotations: Optional[list[Quotation]] = None) -> None:
    index = EntityIndex(doc, lex, text, quotations)
    by_candidate = {id(c): r for c, r in zip(candidates, records)}
    recent: list[Entity] = []
    previous: Optional[Quote] = None
    for cand, rec in zip(candidates, records):
        entity = None
        if cand.speaker is not None:
            res = index.resolve(cand.speaker, recent)
            sp = rec.speaker
            sp.name, sp.kind, sp.role, sp.affiliation = res.name, res.kind, res.role, res.affiliation
            entity = res.entity
            if res.resolved:
                rec.confidence *= RESOLVED_FACTOR
        elif cand.carried_from is not None:
            source = by_candidate.get(id(cand.carried_from))
            if source is not None and source.speaker is not None:
                s = source.speaker
                # The mention is the one that attributes the whole quote,
                # in the paragraph before: where a reader finds the speaker.
                rec.speaker = Speaker(s.text, s.start, s.end, s.name, s.kind, s.role, s.affiliation)
                rec.platform, rec.outlet = source.platform, source.outlet
        if cand.cue:
            rec.platform = platform_of(index.text, cand.cue, (cand.start, cand.end), lex)
            rec.outlet = outlet_of(cand.cue, lex)
            if rec.platform is None and previous is not None and _same_speaker(previous, rec):
                sent_text = cand.cue[0].sent.text.lower()
                if cand.cue[0].lemma_.lower() in _CONTINUING or " same " in sent_text or sent_text.startswith("in the same"):
                    rec.platform = previous.platform
                    rec.outlet = rec.outlet or previous.outlet
        if entity is not None:
            if entity in recent:
                recent.remove(entity)
            recent.insert(0, entity)
            del recent[4:]
        if rec.speaker is not None:
            previous = rec


def _same_speaker(a: Quote, b: Quote) -> bool:
    return bool(a.speaker and b.speaker and a.speaker.name and a.speaker.name == b.speaker.name)
