"""Speaker enrichment: canonical name, kind, role, affiliation (through
``entities``), and the platform and outlet of each statement."""
from __future__ import annotations

from typing import Optional, Sequence

from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from .entities import Entity, EntityIndex, strip_article
from .lexicon import Lexicon
from .quotemarks import Quotation
from .records import Quote, Speaker
from .scan import positions, word_ids

_OBJECT_PRONOUNS = {"him", "her", "me", "us", "them", "it", "you"}
_INTERVIEW = word_ids(["interview"])
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


def outlet_of(cue: list[Token], lex: Lexicon, interviews: Sequence[int]) -> Optional[str]:
    """Whom the statement was told to: the addressee of "tell", a named
    broadcaster it was said on, or whom the interview was with
    (``interviews``: where the document says "interview")."""
    verb = cue[0]
    if verb.lemma_.lower() == "tell":
        for child in verb.children:
            if (lex.has_dep(child, "object") or lex.has_dep(child, "indirect_object")) and child.lower_ not in _OBJECT_PRONOUNS:
                if child.pos_ in ("PROPN", "NOUN"):
                    return _outlet_name(child, lex)
    for prep in verb.children:
        if prep.lower_ == "on":
            obj = _prep_object(prep, lex)
            # "said on France Inter radio", not "said on Twitter": a platform.
            if obj is not None and obj.lower_ in lex.media_nouns and _has_name(obj):
                return _outlet_name(obj, lex)
    sent = verb.sent
    for i in interviews:
        if sent.start <= i < sent.end:
            tok = verb.doc[i]
            for prep in tok.children:
                if prep.lower_ == "with":
                    obj = _prep_object(prep, lex)
                    if obj is not None and obj.lower_ not in _OBJECT_PRONOUNS:
                        return _outlet_name(obj, lex)
    return None


def _prep_object(prep: Token, lex: Lexicon) -> Optional[Token]:
    return next((c for c in prep.children if lex.has_dep(c, "prep_object")), None)


def _has_name(head: Token) -> bool:
    return any(t.pos_ == "PROPN" for t in head.doc[head.left_edge.i:head.i + 1])


def _outlet_name(head: Token, lex: Lexicon) -> Optional[str]:
    """The outlet a noun phrase names: up to its head, without what follows
    ("reporters in parliament", "a committee that ..."), and without a
    medium noun after a name ("WBEZ radio" is WBEZ). A channel with no name
    ("told a press conference") is the platform, not an audience."""
    doc = head.doc
    end = head.i + 1
    # Names run to the right of their head in Universal Dependencies, and
    # may end in a number (Channel 9).
    for child in head.rights:
        if child.i == end and (lex.has_dep(child, "name_part") or child.like_num):
            end = child.i + 1
    words = doc[head.left_edge.i:end]
    if not _has_name(head):
        return None if lex.any_platform.search(words.text) else strip_article(words.text) or None
    if head.pos_ == "NOUN" and head.lower_ in lex.media_nouns:
        words = doc[words.start:head.i]
    # "on their Telegram channel": a platform, not an outlet.
    if lex.any_platform.search(" ".join(t.text for t in words if t.lower_ not in lex.media_nouns)):
        return None
    return strip_article(words.text) or None


def enrich(doc: Doc, candidates: list, records: list[Quote], lex: Lexicon, text: Optional[str] = None,
           quotations: Optional[list[Quotation]] = None) -> None:
    index = EntityIndex(doc, lex, text, quotations)
    interviews = positions(doc, LOWER, _INTERVIEW)
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
            rec.platform = cand.platform or platform_of(index.text, cand.cue, (cand.start, cand.end), lex)
            rec.outlet = outlet_of(cand.cue, lex, interviews)
            if rec.outlet and _is_speaker(rec.outlet, rec.speaker):
                rec.outlet = None  # "the bureau's interview with Clinton", where Clinton answered
            # A statement that names no channel goes on in the previous one
            # of its speaker when it says so ("added", "at the same briefing")
            # or follows it in the same paragraph.
            if rec.platform is None and previous is not None and _same_speaker(previous, rec):
                cue = cand.cue[0]
                sent_text = index.text[cue.sent.start_char:cue.sent.end_char].lower()
                continuing = cue.lemma_.lower() in lex.continuing_words or any(
                    c.dep_ == "advmod" and c.lower_ in lex.continuing_words for c in cue.children)
                if continuing or " same " in sent_text or sent_text.startswith("in the same") or rec.paragraph == previous.paragraph:
                    rec.platform = previous.platform
                    rec.outlet = rec.outlet or previous.outlet
        if entity is not None:
            if entity in recent:
                recent.remove(entity)
            recent.insert(0, entity)
            del recent[4:]
        if rec.speaker is not None:
            previous = rec


def _is_speaker(name: str, speaker: Optional[Speaker]) -> bool:
    """Whether ``name`` is the speaker's, in full or by a last name."""
    if speaker is None:
        return False
    return any(full and (name == full or full.endswith(" " + name)) for full in (speaker.name, speaker.text))


def _same_speaker(a: Quote, b: Quote) -> bool:
    return bool(a.speaker and b.speaker and a.speaker.name and a.speaker.name == b.speaker.name)
