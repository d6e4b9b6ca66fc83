"""“according to X”: the one cue that is a phrase, not a word of the
lists. Its source is the phrase's object; its statement is the clause on
one side of it, chosen by what the sentence does around the phrase (a
finite clause before it, a coordinator or aside after it, parentheses
around it, a report of its own before it).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from .cues import DEMONSTRATIVES, FINITE_TAGS, after_colon, is_speech_verb, past_concession, trim
from .lexicon import Lexicon
from .reports import Report
from .speakers import mention_span


def according_to(tok: Token, lex: Lexicon) -> Optional[Report]:
    """"according to X, ..." with ``tok`` the word "according"."""
    if tok.lower_ != "according":
        return None
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    obj = next((c for c in nxt.children if lex.has_dep(c, "prep_object")), None)
    phrase_start = tok.i
    phrase_end = max(tok.right_edge.i, nxt.right_edge.i) + 1
    if obj is not None:
        # "According to a study by Pew ..., voters ...": the parse may hang
        # the statement on "according" too; the phrase ends at the comma.
        comma = next((k for k in range(nxt.right_edge.i + 1, phrase_end) if doc[k].text in ",;:—–"), None)
        phrase_end = comma if comma is not None else phrase_end
    if obj is None:
        obj = next((c for c in tok.children if lex.has_dep(c, "prep_object")), None)
    if obj is None and tok.dep_ == "case":
        obj = tok.head  # UD: "according" is a case marker of the source
    if obj is None:
        # "..., according to the F.A.A.¶": an abbreviation's full stop at a
        # paragraph's end can leave the name outside the parse of "to".
        obj = next((t for t in doc[nxt.i + 1:nxt.i + 4] if t.pos_ in ("PROPN", "NOUN") or t.ent_type_), None)
        if obj is not None and any(t.is_space or t.text in ",;:" for t in doc[nxt.i + 1:obj.i]):
            obj = None
    speaker = mention_span(obj, lex) if obj is not None else None
    if obj is not None:
        phrase_end = max(phrase_end, obj.right_edge.i + 1)
    sent = tok.sent
    # The content is the rest of the sentence around the phrase: the side
    # with a finite verb ("Trump is lagging by nine points, according to
    # the average - despite winning ..."), else the longer.
    finite_before, finite_after = (any(t.tag_ in FINITE_TAGS for t in doc[a:b])
                                   for a, b in ((sent.start, phrase_start), (phrase_end, sent.end)))
    if finite_before != finite_after:
        content_before = finite_before
    else:
        content_before = phrase_start - sent.start > sent.end - phrase_end
    first_after = next((t for t in doc[phrase_end:sent.end] if t.is_alpha), None)
    if finite_before and (_continues_before(doc, phrase_end, sent.end, lex) or (
            first_after is not None and doc[phrase_end].text == "," and first_after.tag_ == "VBG")):
        # "Trump leads by 15 points in Indiana, according to the poll, and
        # has a small lead in Ohio", "Verizon has struck a deal, according to
        # the Labor Department, taking a step toward ...": what follows only
        # carries on the clause before the phrase, or is the writer's next
        # point.
        content_before = True
    opener = next((t for t in reversed(doc[sent.start:phrase_start]) if not (t.is_punct or t.is_space)), None)
    if finite_after and opener is not None and (opener.dep_ in ("mark", "cc") or opener.lower_ == "that"):
        # "..., because, according to Trump, the media would call him a
        # chicken": the phrase opens the clause it reports.
        content_before = False
    if content_before:
        start, end = after_colon(doc, sent.start, phrase_start), phrase_start
        start = past_concession(doc, _relative_after_report(doc, start, end, lex), end, lex)
    else:
        start, end = phrase_end, sent.end
    inside = _parenthesis_around(doc, sent, phrase_start, phrase_end)
    if inside is not None:
        # "states like Iowa (93 percent of voters there were white,
        # according to exit polls)": the phrase reports only what the
        # parenthesis holds.
        if phrase_start - inside[0] >= inside[1] - phrase_end:
            start, end = after_colon(doc, inside[0], phrase_start), phrase_start
        else:
            start, end = phrase_end, inside[1]
    before = [t for t in doc[sent.start:phrase_start] if t.is_alpha]
    after = [t for t in doc[phrase_end:sent.end] if t.is_alpha]
    if len(before) >= 2 and len(after) >= 2 and doc[phrase_start - 1].is_punct and doc[phrase_end].is_punct and (
            not any(t.pos_ in ("VERB", "AUX") for t in before)) and any(t.pos_ in ("VERB", "AUX") for t in after):
        # "Most voters - 63 percent, according to the survey - still
        # believe ...": the phrase interrupts one statement, whose subject
        # stands before it and its verb after.
        start, end = sent.start, sent.end
    start, end = trim(doc, start, end)
    words = [t for t in doc[sent.start:phrase_start] if not (t.is_punct or t.is_space)]
    if content_before and len(words) == 2 and words[0].lower_ in DEMONSTRATIVES and (
            words[1].lemma_ == "be" or words[1].lower_ in ("’s", "'s")):
        # "That’s according to early results of exit polls": the pronoun
        # stands for the statement before.
        return Report(cue=[tok, nxt], content=(words[0].i, words[0].i + 1), speaker=speaker)
    if end - start < 3:
        return None
    return Report(cue=[tok, nxt], content=(start, end), speaker=speaker)


def _parenthesis_around(doc: Doc, sent: Span, start: int, end: int) -> Optional[tuple[int, int]]:
    """The inside of the parentheses that enclose tokens [start, end) in
    the sentence, if any."""
    opening = next((t for t in reversed(doc[sent.start:start]) if t.text in "()"), None)
    closing = next((t for t in doc[end:sent.end] if t.text in "()"), None)
    if opening is None or closing is None or opening.text != "(" or closing.text != ")":
        return None
    return opening.i + 1, closing.i


def _relative_after_report(doc: Doc, start: int, end: int, lex: Lexicon) -> int:
    """Where a statement closed by "according to X" starts: "Weaver says it
    is proof the candidate can close the gap in delegates, which stood at
    263, according to the AP" — after a report of its own, the source
    vouches only for the comma-led relative clause that ends the sentence."""
    stop = end
    while stop > start and (doc[stop - 1].is_punct or doc[stop - 1].is_space):
        stop -= 1
    for k in range(start + 1, stop):
        tok = doc[k]
        if doc[k - 1].text != ",":
            continue
        clause = tok if tok.dep_ == "relcl" else (tok.head if tok.tag_ in ("WDT", "WP") and tok.head.dep_ == "relcl" else None)
        if clause is not None and clause.left_edge.i == k and clause.right_edge.i >= stop - 1 and any(
                is_speech_verb(t, lex) for t in doc[start:k]):
            return k
    return start


def _continues_before(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """The words after an "according to" phrase open with a coordinator or
    an aside's subordinator ("and has ...", "although very few ...")."""
    words = [t for t in doc[start:end] if not (t.is_punct or t.is_space)]
    if not words:
        return False
    first = words[0]
    two = " ".join(t.lower_ for t in words[:2])
    return (first.pos_ == "CCONJ" and first.dep_ == "cc") or first.lower_ in lex.aside_marks or two in lex.aside_marks
