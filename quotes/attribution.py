"""Candidate statements, their cues and speakers → ``Quote`` records.

Direct quotes start from the quotation marks found in the raw text; reported
statements start from speech cues in the parse. A reported clause that
contains a quotation becomes one mixed record. Speaker enrichment (names,
roles, platforms) is done by ``enrich`` afterwards.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Optional

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from . import headlines, object_statements
from .according import according_to
from .cues import (DASHES, can_speak, cue_frame, is_negated, is_quote_mark, is_speech_verb, participle_before_quotation, past_connective,
                   question_participle)
from .embeds import Post, find_posts
from .lexicon import Lexicon
from .quotemarks import Quotation, find_quotations, quotation_finder, starts_paragraph
from .records import Quote, Span as CharSpan, Speaker
from .reports import Report, hearsay_report, noun_report, opened_by_participle, report_of
from .scan import positions, positions_where, word_ids
from .speakers import mention_span, subject_of, subject_to_the_left

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_LINE = re.compile(r"[^\n]+")
# What a line of an outlet's note ends on when its sentence ends there.
_NOTE_ENDS = set(".!?:\"”’)")
# "Name: statement" alone on a line (headlines, transcripts).
# A no-break space may follow the colon ("McDonald:\xa0“...").
_SPEAKER_COLON = re.compile(r"(?m)(?:^[ \t]*|[ \t][-–—][ \t]+(?=[^\n]*:[ \t\xa0]*[“\"]))"
                            r"([A-Z][\w.’'-]+(?: (?:[A-Z][\w.’'-]+|and)){0,5}):[ \t\xa0]+(\S[^\n]*)$")
# "according to X": the one cue that is not a lemma of the word lists.
_ACCORDING = word_ids(["according"])
# Subjects that name no speaker: "Wait, it gets better: “...”".
_EMPTY_SUBJECTS = {"it", "this", "that", "there", "what", "which", "here"}
# Dashes that sign a quotation paragraph with its speaker's name.
_SIGNATURE_DASHES = "-–—―"
# What may stand between the end of a clause and the closing mark of the
# quotation it reports.
_CLOSING_PUNCTUATION = ".,;:!? \"”’'"
# A quotation this short with no cue is a scare quote or a title.
MIN_UNCUED_WORDS = 4


@dataclass
class Candidate:
    type: str
    start: int  # content, character offsets
    end: int
    cue: Optional[list[Token]]
    speaker: Optional[Span]
    confidence: float
    carried_from: Optional["Candidate"] = None  # bare quote paragraph
    platform: Optional[str] = None  # known from the statement itself (an embedded post)


def _char_range(doc: Doc, tokens: tuple[int, int]) -> tuple[int, int]:
    start, end = tokens
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _tokens_in(doc: Doc, start: int, end: int) -> Optional[Span]:
    return doc.char_span(start, end, alignment_mode="expand")


def find_reports(doc: Doc, lex: Lexicon, quotation_at, refine: bool = True) -> list[Report]:
    """Reported statements from the cues outside quotations. With ``refine``,
    the learned models decide whether the object of a speech verb not
    listed as reporting it is a statement (``object_statements``) and place
    the end of each statement that follows its cue (``boundaries``)."""
    model = lex.content_ends if refine and lex.content_ends is not None and lex.content_ends.knows(doc) else None
    objects = lex.object_statements if refine and lex.object_statements is not None and lex.object_statements.knows(doc) else None
    reports: list[Report] = []
    # Only a word whose lemma is a speech verb or noun, or "according", can
    # be a cue: the other tokens are never looked at.
    maybe = set(positions_where(doc, LEMMA, lambda lemma: lemma.lower() in lex.cue_lemmas))
    maybe.update(positions(doc, LOWER, _ACCORDING))
    for i in sorted(maybe):
        tok = doc[i]
        if quotation_at(tok.idx) is not None:
            continue
        if is_speech_verb(tok, lex):
            rep = report_of(tok, lex)
            if objects is not None and rep is not None and rep.content is None:
                span = object_statements.candidate(tok, lex)
                if span is not None and object_statements.keeps(objects, tok, span, lex) and not (
                        rep.speaker is not None and span[0] <= rep.speaker.start < span[1]):
                    rep.content, rep.guessed = span, True
        elif tok.lower_ == "according":
            rep = according_to(tok, lex)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.speech_nouns:
            rep = noun_report(tok, lex)
        elif tok.lower_ in lex.hearsay_adverbs:
            rep = hearsay_report(tok, lex)
        else:
            continue
        if rep is None:
            continue
        if rep.content is not None:
            rep.content = (past_connective(doc, *rep.content, rep.cue, lex), rep.content[1])
            if rep.content[0] >= rep.content[1]:
                # "said؟": an object that was only punctuation leaves nothing.
                rep.content = None
        if model is not None and rep.content is not None:
            start, end = rep.content
            rep.content = (start, model.choose(doc, rep.cue[-1], start, end, lex))
        reports.append(rep)
    return reports


def _reports_quotation_instead(doc: Doc, rep: Report, end: int, q: Quotation, text: str, lex: Lexicon) -> bool:
    """"Murphy followed up by lamenting the churn of tasks: “There’s just a
    ton of bullshit with this job,” he said": a cue after a quotation
    reports the quotation, not the words set off before it. Not a clause
    the parse ran up to the quotation (it goes on into it), nor one whose
    quotation another verb introduces ("Canova “bristled” and said, “No
    comment,” the Herald reported")."""
    if not (end <= q.start and q.end <= rep.cue[0].idx and text[end:q.start].strip()):
        return False
    return not any(is_speech_verb(t, lex) for t in doc[rep.content[1]:rep.cue[0].i] if t.idx < q.start)


def _closes_at(text: str, end: int, q_end: int) -> bool:
    return end < q_end and not text[end:q_end].strip(_CLOSING_PUNCTUATION)


def _inside(quotations: list[Quotation], start: int, end: int) -> list[Quotation]:
    return [q for q in quotations if q.start >= start and q.end <= end + 1]


def _kind(quotations: list[Quotation], start: int, end: int) -> str:
    """A statement all in quotation marks is direct, one with some inside
    mixed, else indirect."""
    inside = _inside(quotations, start, end)
    return "direct" if inside and inside[0].start == start and inside[-1].end >= end else ("mixed" if inside else "indirect")


def _reports_others(candidates: list[Candidate], start: int, end: int) -> bool:
    """"Superdelegates: Clinton is backed by 520 superdelegates, according to
    the AP. ... “...,” Devine said": a line after a label and a colon that
    attributes its words to others named in it, twice or more, is the
    writer's section, not the label's statement (a headline's one verb,
    "Gowdy: Inquiry Helped Reveal Email Scandal", or a speaker's "I told
    them ..." stays)."""
    return sum(1 for c in candidates if c.cue and c.speaker is not None and start <= c.cue[0].idx < end and not all(
        t.pos_ == "PRON" for t in c.speaker)) >= 2


def _roster(doc: Doc, start: int, end: int) -> bool:
    """"Iowa: Tim Albrecht, Brad Anderson, Rob Barron, ...": a line that
    lists names after a heading, with no verb, is no statement."""
    span = _tokens_in(doc, start, end)
    if span is None:
        return False
    return sum(t.text == "," for t in span) >= 3 and not any(t.pos_ in ("VERB", "AUX") for t in span)


def find_candidates(doc: Doc, lex: Lexicon, keep_unattributed: bool = False, text: Optional[str] = None,
                    quotations: Optional[list[Quotation]] = None) -> list[Candidate]:
    # Doc.text joins every token on each call: callers pass it once.
    text = doc.text if text is None else text
    quotations = find_quotations(text) if quotations is None else quotations
    quotation_at = quotation_finder(quotations)
    reports = find_reports(doc, lex, quotation_at)
    candidates: list[Candidate] = []
    used_quotations: set[int] = set()
    cue_by_quotation: dict[int, Report] = {}

    for rep in reports:
        if rep.content is None:
            continue
        rep = opened_by_participle(rep, lex)
        start, end = _char_range(doc, rep.content)
        if any(_reports_quotation_instead(doc, rep, end, q, text, lex) for q in quotations if q.start > start):
            continue
        # A noun's clause may stop before the sentence's full stop and the
        # closing mark ("her remark that “there’s a special place in hell
        # ....”"); no verb above the quotation would find it otherwise.
        noun = rep.cue[0].pos_ == "NOUN"
        inside = [q for q in quotations if q.start >= start and (q.end <= end + 1 or (noun and _closes_at(text, end, q.end)))]
        overlapping = [q for q in quotations if q.start < end and q.end > start]
        if inside and len(inside) == len(overlapping):
            quoted = sum(q.end - q.start for q in inside)
            if quoted >= 0.8 * (end - start):
                # The clause is the quotation: a direct quote with this cue.
                for q in inside:
                    cue_by_quotation.setdefault(q.start, rep)
                continue
            used_quotations.update(q.start for q in inside)
            end = max(end, max(q.end for q in inside))
            candidates.append(Candidate("mixed", start, end, rep.cue, rep.speaker, 0.9))
            continue
        sent_end = rep.cue[0].sent.end_char
        # "says there is no one in the race is “on pace to get 1,237
        # delegates,”": the parse stopped just before the quotation.
        nxt = next((q for q in quotations if end <= q.start <= end + 2 and q.end <= sent_end + 1), None)
        if nxt is not None and nxt not in overlapping and text[end:nxt.start].strip() == "":
            overlapping = overlapping + [nxt]
            end = nxt.start + 1
        tails = [q for q in overlapping if start < q.start < end < q.end <= sent_end + 1]
        if tails and len(tails) == len(overlapping) - len(inside):
            # "Bush says the businessman “can’t win, plain and simple.”": the
            # parse cut the clause inside the quotation it runs into.
            used_quotations.update(q.start for q in overlapping)
            candidates.append(Candidate("mixed", start, max(q.end for q in tails), rep.cue, rep.speaker, 0.85))
            continue
        if overlapping:
            # The parse ran the clause into a quotation: let the quotation
            # find its own cue, and keep the unquoted part if it stands alone.
            for q in overlapping:
                if q.start <= start:
                    start = max(start, q.end)
                else:
                    end = min(end, q.start)
            while end > start and not text[end - 1].isalnum():
                end -= 1
            while start < end and not text[start].isalnum():
                start += 1
            rest = _tokens_in(doc, start, end) if end > start else None
            # "“...,” Texas delegate Bill Eastland, wearing a hat, said": what
            # the quotation leaves of a misparsed clause is no statement
            # without a verb.
            if rest is None or len(text[start:end].split()) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in rest):
                continue
        if rep.speaker is None and rep.cue[0].lower_ != "according":
            # "It was announced that ...": nobody is named; not a statement
            # an analyst can attribute.
            conf = 0.5
        elif rep.guessed or question_participle(rep.cue[0], lex):
            # The object gate follows PolNeAR, which counts "posted a video
            # of the rally" as an attribution, and so is a question ("Asked
            # by Matt Lauer whether ..."); a reader may not.
            conf = 0.6
        else:
            conf = 0.85
        candidates.append(Candidate("indirect", start, end, rep.cue, rep.speaker, conf))

    # "Graham: Trump’s Rhetoric Is Destroying the Party" — a headline or a
    # transcript line that gives the speaker and a colon.
    for m in _SPEAKER_COLON.finditer(text):
        name = doc.char_span(m.start(1), m.end(1))
        colon = doc.char_span(m.end(1), m.end(1) + 1)
        if name is None or colon is None or any(t.lower_ in lex.not_speakers for t in name):
            continue
        if not all(t.pos_ in ("PROPN", "NOUN") or t.ent_type_ in ("PERSON", "ORG", "NORP") or (t.lower_ == "and" and 0 < t.i - name.start)
                   for t in name) or name[-1].lower_ == "and":
            continue
        start, end = m.start(2), m.end(2)
        while end > start and text[end - 1] in ".!? ":
            end -= 1
        if len(re.findall(r"\w+", text[start:end])) < 3 or _roster(doc, start, end) or _reports_others(candidates, start, end):
            continue
        kind = _kind(quotations, start, end)
        if kind == "indirect" and _verbless(doc, start, end):
            continue  # "Ted Cruz: Constitutional conservative or career politician?": a title, nobody's words
        used_quotations.update(q.start for q in _inside(quotations, start, end))
        candidates.append(Candidate(kind, start, end, [colon[0]], name, 0.8))

    # Only where the parse found nothing in the line.
    candidates.extend(Candidate("indirect", h.start, h.end, [h.cue], h.speaker, 0.7) for h in headlines.verb_headlines(doc, text, lex)
                      if not any(c.start < h.end and h.cue.idx < c.end for c in candidates))

    # 2. Direct quotes from quotation marks.
    previous: Optional[Candidate] = None
    for q in quotations:
        if q.start in used_quotations:
            continue
        span = _tokens_in(doc, q.start, q.end)
        if span is None or len(span) == 0:
            continue
        before = next((t for t in reversed(doc[:span.start]) if not t.is_space), None)
        # Not after "as": "lists him as “Executive Director.”" gives the
        # name the verb says.
        named = before is not None and before.tag_ in ("IN", "POS", "NN", "NNS", "NNP", "NNPS") and before.lower_ != "as"
        if headlines.is_title(text[q.start + 1:q.end - 1] if q.closed else text[q.start + 1:q.end], lex, named):
            # “Good Morning America”, “Meet the Press”: a name, not a quote.
            if keep_unattributed:
                candidates.append(Candidate("direct", q.start, q.end, None, None, 0.2))
            continue
        rep = cue_by_quotation.get(q.start) or _cue_for_quotation(doc, q, span, lex, quotation_at)
        label = _labelled_as(span, lex, quotation_at) if rep is None else None
        if label is not None:
            verb, speaker = label
            candidates.append(Candidate("mixed", doc[verb.i + 1].idx, _tail(span, verb) or q.end, [verb], speaker, 0.85))
            continue
        if rep is not None:
            phrase = _embedding_phrase(span, rep.cue[-1], lex)
            if phrase is None:
                phrase = _lead_in(span, rep.cue[0], lex, quotation_at)
            if phrase is None:
                phrase = _clause_start(span, rep.cue[-1], lex)
            if phrase is not None and rep.content is not None and phrase < rep.content[0] < span.start:
                # "said in a statement after the debate that Ferris was
                # “...”": the clause starts where the cue's report does, not
                # at the channel and time before it.
                frame = cue_frame(rep.cue[-1], lex)
                if all(i in frame or doc[i].lower_ == "that" or doc[i].is_punct for i in range(phrase, rep.content[0])):
                    phrase = rep.content[0]
            tail = _tail(span, rep.cue[-1])
            if phrase is not None:
                candidates.append(Candidate("mixed", doc[phrase].idx, tail or q.end, rep.cue, rep.speaker, 0.85))
                continue
            if tail is not None:
                candidates.append(Candidate("mixed", q.start, tail, rep.cue, rep.speaker, 0.85))
                continue
            cand = Candidate("direct", q.start, q.end, rep.cue, rep.speaker, 0.95 if rep.speaker is not None else 0.6)
            candidates.append(cand)
            previous = cand
            continue
        n_words = len(re.findall(r"\w+", text[q.start:q.end]))
        # What a quotation with no cue of its own may go on with: the last
        # direct quote, or a reported statement after it ("Axelrod said
        # Obama felt bound to act. “This is core stuff for him.”").
        reported = max((c for c in candidates if c.type != "direct" and c.cue and c.speaker is not None and c.end <= q.start),
                       key=lambda c: c.end, default=None)
        if reported is not None and (previous is None or reported.end > previous.end) and n_words >= MIN_UNCUED_WORDS \
                and not _aside_of_split_quote(previous, reported):
            previous = reported
        if previous is not None and previous.cue and _paragraph_gap(text, previous.end, q.start) == 0 and (
                len(re.findall(r"\w+", text[previous.end:q.start])) <= 12 or previous.end <= previous.cue[0].idx < q.start) \
                and not (n_words < 3 and _inside_sentence(span)):
            # The second half of a split quote: “A,” she said. “B.”
            cand = Candidate("direct", q.start, q.end, previous.cue, previous.speaker, previous.confidence)
            candidates.append(cand)
            previous = cand
            continue
        if previous is not None and starts_paragraph(text, q.start) and n_words >= MIN_UNCUED_WORDS and _paragraph_gap(text, previous.end, q.start) <= 1:
            cand = Candidate("direct", q.start, q.end, None, None, 0.6, carried_from=previous)
            candidates.append(cand)
            previous = cand
            continue
        # Last, what the verb above it says.
        owner = _owned_by_governor(span, lex, quotation_at)
        if owner is not None:
            verb, speaker = owner
            candidates.append(Candidate("mixed", doc[verb.i + 1].idx, q.end, [verb], speaker, 0.6))
            continue
        if keep_unattributed:
            candidates.append(Candidate("direct", q.start, q.end, None, None, 0.2))
    # Last, as the parse reads title case badly: a headline the rules above
    # found nothing in.
    for h in headlines.signed_headlines(doc, text, lex):
        if not any(c.start < h.end and h.start < c.end and c.cue for c in candidates):
            candidates.append(Candidate(_kind(quotations, h.start, h.end), h.start, h.end, [h.cue], h.speaker, 0.8))
    return _dedupe(candidates)


def _inside_sentence(span: Span) -> bool:
    """Whether words of the quotation's sentence stand before it: a word or
    two quoted there ("tens of thousands of “missing” emails") is a scare
    quote, not the second half of someone's quote."""
    doc = span.doc
    start = span[0].sent.start
    start = max([start] + [t.i + 1 for t in doc[start:span.start] if t.text in (".", "?", "!")])
    return any(t.is_alpha for t in doc[start:span.start])


def _aside_of_split_quote(previous: Optional[Candidate], reported: Candidate) -> bool:
    """"“A,” said Sen. Jones, the only senator to endorse Smith. “B.”": a
    statement reported in the very sentence that attributes the first half
    of a split quote is an aside of that attribution; the second half
    still belongs to the first half's speaker."""
    if previous is None or previous.type != "direct" or not previous.cue or not reported.cue:
        return False
    cue = previous.cue[0]
    return previous.end <= cue.idx and cue.sent == reported.cue[0].sent


def _paragraph_gap(text: str, a: int, b: int) -> int:
    return len(_PARAGRAPH_BREAK.findall(text, a, b))


def _cue_for_quotation(doc: Doc, q: Quotation, span: Span, lex: Lexicon, quotation_at) -> Optional[Report]:
    """The speech verb that introduces a quotation: one whose parse governs
    the quotation, else the nearest outside it in the same sentence (after it
    first: “...,” she said), else a colon-ended sentence just before it."""

    def outside(tok: Token) -> bool:
        return quotation_at(tok.idx) is None

    first, last = span[0], span[-1]
    sents = [first.sent] if first.sent == last.sent else [first.sent, last.sent]
    window_start = sents[0].start
    window_end = sents[-1].end
    # “...” she said. — the parser often ends a sentence at the closing mark;
    # the cue then opens the next "sentence", in the same paragraph.
    if window_end < len(doc) and quotation_at(doc[window_end].idx) is None and "\n" not in doc[last.i:window_end + 1].text:
        nxt = doc[window_end].sent
        verb = next((t for t in nxt[:4] if is_speech_verb(t, lex)), None) or _cue_after_its_subject(nxt, lex)
        if verb is not None and (len(nxt) <= 12 or _reports_nothing_else(verb, lex)):
            window_end = nxt.end
    verbs = [t for t in doc[window_start:window_end] if outside(t) and is_speech_verb(t, lex) and not question_participle(t, lex)]
    # The governing verb is the nearest speech verb above the quotation in
    # the parse ("did not mention X, but told his supporters, “...”").
    governing = []
    root = next((t for t in span if not t.is_punct and not (span.start <= t.head.i < span.end)), None)
    if root is not None:
        nearest = next((a for a in root.ancestors if not (span.start <= a.i < span.end) and is_speech_verb(a, lex) and outside(a)), None)
        if nearest is not None:
            governing = [nearest]
    after = [v for v in verbs if v.i > last.i]
    before = [v for v in verbs if v.i < first.i]
    # "The Rove ad hits Clinton for taking “...” and claims that ...": a
    # quotation in the phrase of the verb the next speech verb is
    # coordinated with is that verb's, not the later one's, which reports
    # more of its own.
    framing = after[0].head if after and not governing and root is not None and after[0].dep_ == "conj" \
        and after[0].head.i < first.i and after[0].head in root.ancestors else None
    if framing is not None and len(re.findall(r"\w+", span.text)) >= 3:
        rep = _said_by_its_subject(framing, lex, outside)
        if rep is not None:
            return rep
    # Prefer a verb right after the quote, then one governing it, then the
    # nearest before it.
    order = []
    # "“...,” Warren, who has not endorsed anyone, told reporters": a speech
    # verb in a relative clause on the speaker is not the cue.
    if after and lex.has_dep(after[0], "relative_clause"):
        after = [v for v in after if v.i > after[0].i and after[0].head.head == v] + after
    # Not a verb coordinated after the one that governs the quotation:
    # "called Trump a “blowhard,” and said he should apologize".
    # Nor the verb a participle holding the quotation hangs on: "Manafort,
    # citing ''the unique magic of Trump,'' said the candidate could ...".
    if after and after[0].i - last.i <= 6 and not (governing and after[0].dep_ == "conj" and after[0].head == governing[0]) and not (
            _reports_onward(after[0], last, lex)) and not (
            governing and governing[0].tag_ == "VBG" and governing[0].i < first.i and governing[0].head == after[0]
            and not any(t.text in DASHES or t.text == ":" for t in doc[governing[0].i:first.i])):
        order.append(after[0])
    order += governing + after[:1] + ([_main_speech_verb(before[-1], before)] if before else [])
    intro = _introducing_verb(doc, first, lex, outside)
    if intro is not None:
        # "Cruz said as the heckler yelled: “You suck!”", "he warned, “...,”
        # Trump told NBC": the speech verb the quotation follows at once,
        # after a colon or a comma, says it, whatever verb the parse hangs it
        # on or signs it after.
        order, governing = [intro] + order, [intro]
    # A quotation of a word or two is a quote only where the parse makes it
    # what the verb says; near a cue it is usually a name or a scare quote.
    if len(re.findall(r"\w+", span.text)) < 3:
        # ... unless it is punctuated as speech and its cue follows at once:
        # "“Quiet!” Trump demanded", "“No,” she said".
        spoken = re.search(r"[,!?]\W*$", span.text) is not None
        order = governing + (after[:1] if spoken and after and _follows_at_once(after[0], last, lex) else [])
    for verb in order:
        rep = report_of(verb, lex)
        if rep is None:
            return None  # "declined to say": not a statement
        speaker = rep.speaker
        if speaker is None and participle_before_quotation(verb):
            # "Flea shared the news, writing “...”": the parse hung the
            # participle inside the quotation; its subject is the clause's.
            subj = subject_of(doc[verb.i - 1].head, lex)
            speaker = mention_span(subj, lex) if subj is not None and outside(subj) and can_speak(subj, lex) \
                and subj.lower_ not in _EMPTY_SUBJECTS and subj.dep_ != "expl" else None
        if speaker is None and verb.dep_ == "acl" and verb.head.i < verb.i and verb is intro and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            # "a man yelled “Stay there!”", parsed as a man who yelled.
            speaker = mention_span(verb.head, lex)
        if speaker is not None and (q.start <= speaker.start_char < q.end or not outside(speaker[0])):
            # The parse took a word of the quotation (or of the one before
            # it, for a quotation that continues after the cue) as the
            # subject. The
            # speaker is the name between the quotation and its cue ("''...,''
            # Mr. Daniloff, now 81, said"), else the one just before the cue.
            subj = _name_between(doc, last.i + 1, verb.i) if verb.i > last.i else None
            before = quotation_at(speaker.start_char)
            if subj is None and before is not None and verb.i < first.i:
                # "''...,'' Mr. Daniloff, now 81, said by telephone. ''...''":
                # the name after the quotation before is the speaker of both.
                k = next((t.i for t in doc[speaker.start:verb.i] if t.idx >= before.end), verb.i)
                subj = _name_between(doc, k, verb.i)
            subj = subj or subject_to_the_left(verb, lex)
            speaker = mention_span(subj, lex) if subj is not None and not (q.start <= subj.idx < q.end) else None
        acc = next((t for t in doc[verb.i + 1:window_end] if t.lower_ == "according" and outside(t)), None)
        told = according_to(acc, lex) if acc is not None else None
        if told is not None and told.speaker is not None:
            # "“...,” O’Malley said, according to the Las Vegas Sun": PolNeAR
            # credits the quotation to whoever relayed it.
            return Report(cue=told.cue, content=None, speaker=told.speaker)
        return Report(cue=rep.cue, content=None, speaker=speaker)
    frame = _frame_verb(doc, span, lex, outside) or _cue_tagged_as_noun(doc, span, lex, outside)
    if frame is not None:
        return frame
    # "She then addressed the supporters again: “...”", "Trump boomed: “...”":
    # a colon hands the quotation to the clause before it.
    k = first.i - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k >= 0 and doc[k].text == ":" and doc[k].sent == first.sent:
        verb = _verb_before_colon(doc[k], first.i, outside)
        # "Clinton’s response was: “...”": the statement's owner speaks,
        # unless a speech verb of its own says more ("... said: “...”").
        owned = _owned_statement_before(doc[k], lex)
        if owned is not None and not (verb is not None and is_speech_verb(verb, lex)):
            return owned
        rep = _said_by_its_subject(verb, lex, outside) if verb is not None and outside(verb) else None
        if rep is not None:
            return rep
    acc = next((t for t in doc[window_start:window_end] if t.lower_ == "according" and outside(t)), None)
    if acc is not None:
        rep = according_to(acc, lex)
        if rep is not None:
            return Report(cue=rep.cue, content=None, speaker=rep.speaker)
    # X said: ¶ “...”
    if window_start > 0:
        prev_sent = doc[window_start - 1].sent
        tail = [t for t in prev_sent if not t.is_space]
        if tail and tail[-1].text == ":":
            verb = next((t for t in reversed(tail) if is_speech_verb(t, lex) and outside(t)), None)
            if verb is not None:
                rep = report_of(verb, lex)
                if rep is not None:
                    return Report(cue=rep.cue, content=None, speaker=rep.speaker)
    return _colon_speaker(doc, first, lex, outside) or _statement_named_before(doc, first, lex, outside) \
        or _in_their_words(span, lex, outside) or _dash_signature(span) or _bare_report_before(span, lex, outside) \
        or _comma_speaker(span, lex, outside)


def _said_by_its_subject(verb: Token, lex: Lexicon, outside) -> Optional[Report]:
    """The quotation's cue is ``verb``, not negated, and its speaker the
    verb's subject, if that can speak and is outside any quotation."""
    if is_negated(verb, lex):
        return None
    subj = subject_of(verb, lex)
    if subj is None or not outside(subj) or not can_speak(subj, lex):
        return None
    return Report(cue=[verb], content=None, speaker=mention_span(subj, lex))


def _labelled_as(span: Span, lex: Lexicon, quotation_at) -> Optional[tuple[Token, Span]]:
    """"referred to Mexican immigrants as “criminals”", "heralded the deal as
    a “breakthrough”": a quotation after "as" is the name the verb before it
    gives its object, in the words of the verb's subject; the statement runs
    from the verb's object to the quotation. Not a comparison ("such as",
    "the same as") nor "as" opening a clause ("as the “autopsy” recommended")."""
    doc = span.doc
    k = span.start - 1
    if k >= 0 and doc[k].tag_ == "DT":
        k -= 1
    if k < 1 or doc[k].lower_ != "as" or doc[k].dep_ == "mark" or doc[k - 1].lower_ in lex.comparison_words:
        return None
    window = doc[max(doc[k].sent.start, k - 15):k]
    verb = next((t for t in reversed(window) if t.tag_.startswith("VB") and t.pos_ != "AUX" and t.lemma_ != "be"), None)
    if verb is None or quotation_at(verb.idx) is not None or is_negated(verb, lex):
        return None
    between = doc[verb.i + 1:k]
    # Not across an aside ("goods waved through - but as a “belt”"), nor
    # the second term of a comparison ("as easily weaponized as the “1960s”").
    if any(t.text in DASHES or t.text in ("(", ")", ";", ":") for t in between) or any(
            t.lower_ == "as" and t.nbor().pos_ in ("ADJ", "ADV") for t in doc[window.start:k]):
        return None
    # Whoever names it, a person or not ("a LinkedIn page lists him as
    # “...”"); with nobody naming it, it is a term ("a format known as
    # « proximity talks »").
    subj = subject_of(verb, lex)
    if subj is None or subj.dep_ == "expl":
        return None
    speaker = mention_span(subj, lex)
    # The parse may hang the "as" phrase on the agent ("seen by organizers as ...").
    return (verb, speaker) if not speaker.start <= k < speaker.end else None


def _owned_by_governor(span: Span, lex: Lexicon, quotation_at) -> Optional[tuple[Token, Span]]:
    """"Nordhaus welcomed “the recognition that we do not have all the
    technology we need”", "Bolton anticipated that the challenge would be
    “dealing with the problems Obama's going to leave”": a quotation that
    no cue claims and that nothing before it continues is the words of the
    subject of the verb the parse hangs it under, whatever the verb. Only
    a quotation of six words or more in running text: a shorter one, or
    one in title case, is a scare quote or a name."""
    doc = span.doc
    words = re.findall(r"\w+", span.text)
    if len(words) < 6 or all(w[0].isupper() or w.lower() in lex.title_small_words for w in words):
        return None
    root = next((t for t in span if not t.is_punct and not (span.start <= t.head.i < span.end)), None)
    if root is None:
        return None
    verb = next((a for a in root.ancestors if a.pos_ == "VERB" and a.i < span.start), None)
    if verb is None or verb.sent != span[0].sent or quotation_at(verb.idx) is not None or is_negated(verb, lex):
        return None
    # "published a column, entitled, “...”", "a hat reading “...”": a
    # participle right before it names or shows the quotation.
    k = span.start - 1
    while k > verb.i and doc[k].is_punct:
        k -= 1
    if k > verb.i and doc[k].pos_ == "VERB":
        return None
    # Nor an example ("headlines such as “...”"), nor a capitalised
    # heading's ("HOW CHINA’S DECLINE AFFECTS THE WORLD “...”").
    if (doc[k].lower_ == "as" and doc[k - 1].lower_ in lex.comparison_words) or verb.is_upper:
        return None
    subj = subject_of(verb, lex)
    if subj is None or subj.pos_ not in ("PROPN", "PRON", "NOUN") or subj.lower_ in _EMPTY_SUBJECTS or not can_speak(subj, lex):
        return None
    return verb, mention_span(subj, lex)


def _comma_speaker(span: Span, lex: Lexicon, outside) -> Optional[Report]:
    """"Grandi reacted skeptically to the deal, “[I am] concerned about ...”",
    "Clinton shared her anxiety with an audience, “I do not know ...”": a
    sentence of quoted words set off by a comma after a clause with a
    speaker as its subject is what the clause's verb says, whatever the
    verb, as a colon hands it over (``_colon_speaker``)."""
    doc, first = span.doc, span[0]
    k = first.i - 1
    if k < 2 or doc[k].text != "," or not outside(doc[k]):
        return None
    words = span.text.lstrip("“\"‘' [")
    if not words[:1].isupper() or len(re.findall(r"\w+", span.text)) < 6 or not re.search(r"[.?!][”\"’']*$", span.text.rstrip()):
        return None
    verb = _verb_before_colon(doc[k], first.i, outside)
    if verb is None or verb.sent != doc[k].sent or not (verb.dep_ == "ROOT" or verb.head.i >= first.i) \
            or _is_be(verb) or is_negated(verb, lex):
        return None
    if doc[k - 1].pos_ == "VERB" and doc[k - 1] != verb:
        return None  # "published a column, entitled, “...”": the other verb's object, a title
    subj = subject_of(verb, lex)
    if subj is None or subj.i >= verb.i or subj.pos_ not in ("PROPN", "PRON", "NOUN") or subj.lower_ in _EMPTY_SUBJECTS \
            or not can_speak(subj, lex):
        return None
    return Report(cue=[verb], content=None, speaker=mention_span(subj, lex))


def _bare_report_before(span: Span, lex: Lexicon, outside) -> Optional[Report]:
    """"Dianne Bystrom agreed. “...”", "Lau said in a statement. “...”": a
    sentence of the same paragraph whose speech verb reports nothing of
    its own hands the quotation that opens the next one to its speaker; not
    a word or two, a name more often than words ("reported. ‘Stickerboy’")."""
    doc, first = span.doc, span[0]
    k = first.i - 1
    if k < 1 or doc[k].text != "." or not outside(doc[k]) or len(re.findall(r"\w+", span.text)) < MIN_UNCUED_WORDS:
        return None
    sent = doc[k].sent
    verb = sent.root
    if verb.i >= k or not is_speech_verb(verb, lex) or is_negated(verb, lex):
        return None
    if any(not outside(t) for t in doc[sent.start:k]):
        return None  # the sentence has a quotation of its own
    rep = report_of(verb, lex)
    if rep is None or rep.content is not None or rep.speaker is None:
        return None
    return Report(cue=rep.cue, content=None, speaker=rep.speaker)


def _in_their_words(span: Span, lex: Lexicon, outside) -> Optional[Report]:
    """"in Forbes’ words, “...”", "in the words of one aide, “...”": the
    phrase names whose words the quotation are (a quotation of a few words
    is a phrase of the sentence: "was, in the words of an aide, ''the
    torchbearer'' of his legacy")."""
    doc, first = span.doc, span[0]
    if len(re.findall(r"\w+", span.text)) < 3:
        return None
    k = first.i - 1
    while k >= 0 and (doc[k].is_space or doc[k].text in (",", ":")):
        k -= 1
    if k < 2 or not outside(doc[k]):
        return None
    words = doc[k] if doc[k].lower_ == "words" else doc[k].head.head if doc[k].head.lower_ == "of" else None
    if words is None or words.lower_ != "words" or words.head.lower_ != "in" or not lex.has_dep(words, "prep_object"):
        return None
    owner = next((c for c in words.children if lex.has_dep(c, "possessive")), None)
    if owner is None and words.i == k and doc[k - 1].tag_ in ("POS", "''") and can_speak(doc[k - 2], lex):
        owner = doc[k - 2]  # the parse may leave "Forbes’" unattached
    if owner is not None and words.i == k and can_speak(owner, lex):
        return Report(cue=[words.head], content=None, speaker=doc[owner.left_edge.i:words.i + 1])
    if words.i < k and can_speak(doc[k], lex):
        return Report(cue=[words.head], content=None, speaker=mention_span(doc[k], lex))
    return None


def _statement_named_before(doc: Doc, first: Token, lex: Lexicon, outside) -> Optional[Report]:
    """"Trump issued a statement, “...”", "Cruz tweeted a warning. “...”",
    "Howard continued his scathing remarks. ¶ “...”": a clause that ends on
    the statement its subject made hands it the quotation that follows."""
    k = first.i - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 1 or doc[k].text not in (",", ".", ":") or not outside(doc[k]):
        return None
    if len(_PARAGRAPH_BREAK.findall(doc[k:first.i].text)) > 1:
        return None
    noun = doc[k - 1]
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lex.speech_nouns | lex.reply_nouns or not lex.has_dep(noun, "object"):
        return None
    verb = noun.head
    subj = subject_of(verb, lex)
    # A finite verb: "speaking on condition of anonymity to offer an
    # assessment. “...”" only describes who spoke the quotation before.
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or is_negated(verb, lex) or subj is None or not outside(subj) \
            or subj.lower_ in _EMPTY_SUBJECTS or not can_speak(subj, lex):
        return None
    return Report(cue=[verb], content=None, speaker=mention_span(subj, lex))


def _frame_verb(doc: Doc, span: Span, lex: Lexicon, outside) -> Optional[Report]:
    """"“...,” remembered Roy Verley", "“...?” he wondered": a verb that is
    no speech verb frames a quotation when the quotation ends on a comma,
    question or exclamation mark and the verb follows at once with its
    subject, inverted or before it, and no object or clause of its own."""
    if not re.search(r"[,!?]\W*$", span.text):
        return None
    # A quotation inside a sentence ("In “Hail, Caesar!,” Mr. Brolin gets
    # into the spirit") is a name or a scare quote.
    j = span.start - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j >= 0 and doc[j].text not in (".", "!", "?", ":", "”", "\"", "’", "''") and "\n" not in doc[j + 1:span.start + 1].text:
        return None
    k = span.end
    if k >= len(doc) or not outside(doc[k]):
        return None
    for verb in doc[k:k + 4]:
        if verb.pos_ != "VERB" or not verb.tag_.startswith("VB"):
            continue
        subj = next((c for c in verb.children if lex.has_dep(c, "active_subject")), None)
        if subj is None or not can_speak(subj, lex) or subj.lower_ in _EMPTY_SUBJECTS:
            return None
        between = doc[k:verb.i]
        inverted = verb.i == k and subj.i > verb.i
        if not inverted and not _fills(subj, k, verb.i):
            return None
        if any((lex.has_dep(c, "object") or lex.has_dep(c, "clause")) and c.i > verb.i for c in verb.children) \
                or any(t.is_punct for t in between):
            return None
        return Report(cue=[verb], content=None, speaker=mention_span(subj, lex))
    return None


def _cue_tagged_as_noun(doc: Doc, span: Span, lex: Lexicon, outside) -> Optional[Report]:
    """"“...,” the editorial read.", "“...,” the Saudis state in the white
    paper": after a quotation ending on a comma or a question mark, a phrase opened by a
    determiner whose last word is a speech verb's bare form, ending the
    clause, is a subject and its cue that the tagger took for one noun
    phrase ("the editorial read", "the Saudis state")."""
    if not re.search(r"[,?!]\W*$", span.text):
        return None
    k = span.end
    if k >= len(doc) or doc[k].pos_ != "DET" or not outside(doc[k]):
        return None
    for j in range(k + 1, min(k + 7, len(doc) - 1)):
        tok = doc[j]
        # "the 43-year-old asked in the video’s description": the parse
        # hung a past form on the noun phrase as a participle.
        hung = tok.pos_ == "VERB" and tok.tag_ in ("VBD", "VBN") and tok.dep_ in ("acl", "amod")
        if tok.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM") and tok.tag_ != "HYPH" and not hung:
            return None
        bare = tok.pos_ == "NOUN" and tok.lower_ == tok.lemma_.lower()
        if j > k + 1 and (bare or hung) and tok.lemma_.lower() in lex.speech_verbs \
                and (doc[j + 1].is_punct or (doc[j + 1].pos_ == "ADP" and doc[j + 1].lower_ != "by")):
            subject = doc[k:j]
            if not any(can_speak(t, lex) or t.pos_ == "ADJ" for t in subject[1:]) or subject[-1].tag_ == "HYPH":
                return None
            return Report(cue=[tok], content=None, speaker=subject)
        if hung:
            return None
    return None


def _fills(phrase: Token, start: int, end: int) -> bool:
    """Whether a phrase (a subject with all it governs) is exactly the
    tokens start..end: nothing else stands between a quotation or a
    sentence start and the verb."""
    return phrase.left_edge.i == start and phrase.right_edge.i == end - 1


def _cue_after_its_subject(sent: Span, lex: Lexicon) -> Optional[Token]:
    """The speech verb of a sentence that opens with its subject and it ("US
    Senator Jeff Sessions said as ...")."""
    verb = sent.root
    subj = subject_of(verb, lex) if is_speech_verb(verb, lex) else None
    if subj is not None and _fills(subj, sent.start, verb.i):
        return verb
    return None


def _follows_at_once(verb: Token, last: Token, lex: Lexicon) -> bool:
    """Whether the cue comes right after the quotation, or only its
    subject comes between ("“No,” Fox's Chris Wallace said")."""
    if verb.i - last.i <= 3:
        return True
    subj = subject_of(verb, lex)
    return subj is not None and _fills(subj, last.i + 1, verb.i)


def _introducing_verb(doc: Doc, first: Token, lex: Lexicon, outside) -> Optional[Token]:
    """The speech verb right before the colon or comma that opens a
    quotation ("yelled: “...”", "then boomed, “...”", "fired back: “...”"),
    not negated; or right before a quotation that is a sentence of its own
    ("a man yelled “Stay there!”"). "Trump was asked, “...?” He said no.":
    the question's cue is "asked", with no asker named, not the answer's
    "said"."""
    k = first.i - 1
    while k >= 0 and doc[k].is_space and "\n" not in doc[k].text:
        k -= 1
    if k >= 0 and doc[k].pos_ in ("VERB", "AUX") and _utterance(doc, first):
        # "a man yelled “Stay there!”": no mark between, but what follows
        # is a sentence of its own, which the parse may tear apart.
        verb = doc[k]
        if outside(verb) and is_speech_verb(verb, lex) and verb.lemma_.lower() not in lex.naming_verbs and not is_negated(verb, lex):
            return verb
        return None
    if k < 1 or doc[k].text not in (":", ",") or not outside(doc[k]):
        return None
    k -= 1
    while k >= 0 and (doc[k].pos_ == "ADV" or doc[k].dep_ == "prt"):
        k -= 1
    verb = doc[k] if k >= 0 else None
    if verb is None or not outside(verb) or not is_speech_verb(verb, lex) or is_negated(verb, lex):
        return None
    return verb


def _utterance(doc: Doc, first: Token) -> bool:
    """The quotation opening at ``first`` reads as a whole utterance: it
    starts with a capital and ends with a sentence mark, not a phrase
    ("warned “grave consequences” would follow")."""
    close = next((t.i for t in doc[first.i + 1:first.i + 60] if t.is_quote or t.text in "”’"), None)
    if close is None or close - first.i < 3 or not doc[first.i + 1].is_title:
        return False
    return doc[close - 1].text in (".", "!", "?")


def _reports_onward(verb: Token, last: Token, lex: Lexicon) -> bool:
    """"an impassioned defense of “New York values,” saying the city
    embodied ...", "referred to Rubio as “a bright leader” but described his
    skills as ...": a participle, or a verb coordinated after the quotation
    (whose last token is ``last``), reports what follows it, not the
    quotation."""
    doc = verb.doc
    onward = verb.tag_ == "VBG" or any(t.dep_ == "cc" and t.pos_ == "CCONJ" for t in doc[last.i + 1:verb.i])
    return onward and any(c.i > verb.i and (lex.has_dep(c, "complement_clause") or lex.has_dep(c, "object"))
                          for c in verb.children)


def _main_speech_verb(verb: Token, verbs: list[Token]) -> Token:
    """"“A,” said Sen. Jones, the only senator to endorse Smith. “B.”", "“A,”
    Ms. Hughes said, pointing out where the store used to be. “B.”": the
    speech verb nearest before a quotation may hang on another one in its
    sentence (a description of the speaker, an aside on the cue); the
    quotation goes on with the one on top."""
    top = verb
    for anc in verb.ancestors:
        if anc in verbs:
            top = anc
    return top


def _verbless(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and not any(t.pos_ in ("VERB", "AUX") for t in span)


def _colon_speaker(doc: Doc, first: Token, lex: Lexicon, outside) -> Optional[Report]:
    """"Here’s Clinton in December 1992: “...”", "From the report: “...”",
    "Trump issued the following statement: ¶ “...”", "Stated Stone: “...”":
    a quotation opened right after a colon is handed over by the line the
    colon ends, whatever its verb (not only a speech verb): the verb's
    subject speaks, or, in a line with no verb but "be", the name it gives.
    PolNeAR annotates these with the colon or the verb as cue."""
    k = first.i - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 1 or doc[k].text != ":" or not outside(doc[k]):
        return None
    colon = doc[k]
    start = k
    while start > 0 and not ("\n" in doc[start - 1].text and doc[start - 1].is_space) and doc[start - 1].i >= colon.sent.start:
        start -= 1
    line = doc[start:k]
    if not line or any(not outside(t) for t in line):
        return None  # "“Title,” by the Post’s Jane Doe: “...”": an excerpt under a headline
    verb = _verb_before_colon(colon, first.i, outside)
    if verb is not None and start <= verb.i:
        if is_negated(verb, lex) or _is_be(verb):
            # "... is a blind faith in Obama’s word:" names no speaker
            return _name_before_colon(line, colon, lex)
        subj = subject_of(verb, lex)
        # Someone who can speak, not a thing ("The plan has a name: “...”"),
        # a clause ("keeping him in jail will make ...:") or a word standing
        # for nothing ("Wait, it gets better:").
        if subj is None or not (start <= subj.i < k) or subj.pos_ not in ("NOUN", "PROPN", "PRON") \
                or subj.lower_ in _EMPTY_SUBJECTS or not (can_speak(subj, lex) or _owned(subj, lex)):
            return _name_before_colon(line, colon, lex)
        return Report(cue=[verb], content=None, speaker=mention_span(subj, lex))
    if any(t.pos_ == "VERB" or (t.pos_ == "AUX" and not _is_be(t)) for t in line):
        return _name_before_colon(line, colon, lex)

    def top(t: Token) -> bool:
        # "Here’s Clinton", "From the report", "More from Smith and Jones"
        return not (start <= t.head.i < k) or t.head == t or _is_be(t.head) or t.head.lower_ == "from"

    head = next((t for t in line if t.pos_ in ("PROPN", "NOUN") and top(t)), None)
    if head is None or not (can_speak(head, lex) or head.head.lower_ == "from"):
        return None
    return Report(cue=[colon], content=None, speaker=mention_span(head, lex))


def _owned(noun: Token, lex: Lexicon) -> bool:
    """"Hoff’s letter makes a case: “...”", "the campaign’s ad says:": a
    thing with an owner who can speak speaks for them."""
    owner = next((c for c in noun.children if lex.has_dep(c, "possessive")), None)
    return noun.pos_ == "NOUN" and owner is not None and owner.pos_ != "PRON" and can_speak(owner, lex)


def _name_before_colon(line: Span, colon: Token, lex: Lexicon) -> Optional[Report]:
    """"The timing doesn’t surprise Republican pollster Daron Shaw: “...”",
    "Continued Stone: “...”": a person's name that ends the line a colon
    closes introduces the quotation after it, whoever the verb's subject is."""
    doc = colon.doc
    j = colon.i
    while j > line.start and doc[j - 1].pos_ == "PROPN":
        j -= 1
    name = doc[j:colon.i]
    if not name or any(t.lower_ in lex.not_speakers for t in name):
        return None
    first = doc[line.start]
    if j == line.start + 1 and first.pos_ == "VERB" and first.lemma_.lower() in lex.speech_verbs:
        return Report(cue=[first], content=None, speaker=name)
    # "celebrated the attacks on Twitter:": a name after a preposition is
    # where or to whom it was said.
    if not any(t.ent_type_ == "PERSON" for t in name) or lex.has_dep(name[-1], "prep_object"):
        return None
    return Report(cue=[colon], content=None, speaker=mention_span(name[-1], lex))


def _dash_signature(span: Span) -> Optional[Report]:
    """"“...” ¶ - Hillary Clinton.", "“...” ¶ —Sen. Maria Lopez, Nevada.",
    "“...” ― Esther Tapia": a quotation that opens its line, signed by a dash
    and a name, on the next line or after it on the same one (vox pops,
    epigraphs, collected reactions)."""
    doc = span.doc
    first, last = span[0], span[-1]
    if first.i > 0 and not (doc[first.i - 1].is_space and "\n" in doc[first.i - 1].text):
        return None
    j = last.i + 1
    if j < len(doc) and doc[j].is_space:
        j += 1
    if j >= len(doc) or doc[j].text[0] not in _SIGNATURE_DASHES:
        return None
    dash = doc[j]
    # The dash is a token of its own ("- Clinton", "--\xa0Clinton") or glued
    # to the name ("-Clinton").
    k = dash.i + 1 if dash.text.strip(_SIGNATURE_DASHES) == "" else dash.i
    while k < len(doc) and doc[k].is_space and "\n" not in doc[k].text:
        k += 1
    end = k
    while end < len(doc) and (doc[end].pos_ == "PROPN" or doc[end].ent_type_ == "PERSON"):
        end += 1
    if end == k or (end < len(doc) and not (doc[end].text in (",", ".", "(") or doc[end].is_space)):
        return None
    return Report(cue=[dash], content=None, speaker=doc[k:end])


def _is_be(tok: Token) -> bool:
    # The tagger may leave "’s" its own lemma, or call it punctuation ("Here’s Clinton").
    return (tok.pos_ == "AUX" and tok.lemma_.lower() == "be") or (tok.lower_ in ("'s", "’s") and tok.dep_ != "case")


def _reports_nothing_else(verb: Token, lex: Lexicon) -> bool:
    """"“...” McDonough wrote in a September 16, 2012 email to top State
    officials": a speech verb with no statement of its own attributes the
    quotation before it, however long its sentence ("She noted a planned
    rally ..." does not)."""
    rep = report_of(verb, lex)
    return rep is not None and rep.content is None


def _verb_before_colon(colon: Token, quote_start: int, outside) -> Optional[Token]:
    """The verb of the clause a colon ends: its head, or, when the parse
    hung the colon on a noun ("released the following statement:") or
    inside the quotation, the verb above the word before the colon."""
    if colon.head.pos_ in ("VERB", "AUX") and colon.head.i < quote_start:
        return colon.head
    tok = colon.doc[colon.i - 1] if colon.i > 0 else None
    for _ in range(4):
        if tok is None or tok.i >= quote_start or not outside(tok):
            return None
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        tok = tok.head if tok.head.i != tok.i else None
    return None


def _owned_statement_before(colon: Token, lex: Lexicon) -> Optional[Report]:
    """"Clinton’s response was: “...”", "The mayor’s message to residents:
    “...”": a statement noun with an owner, in the clause a colon ends,
    hands the quotation to its owner."""
    for tok in colon.doc[colon.sent.start:colon.i]:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in lex.speech_nouns | lex.reply_nouns:
            continue
        owner = next((c for c in tok.children if lex.has_dep(c, "possessive")), None)
        if owner is not None and can_speak(owner, lex) and not is_negated(tok, lex):
            return Report(cue=[tok], content=None, speaker=mention_span(owner, lex))
    return None


def _name_between(doc: Doc, start: int, end: int) -> Optional[Token]:
    """The first name in ``doc[start:end]``, as the last word of its run."""
    for i in range(start, end):
        if doc[i].pos_ == "PROPN" or doc[i].ent_type_ == "PERSON":
            while i + 1 < end and (doc[i + 1].pos_ == "PROPN" or doc[i + 1].ent_type_ == "PERSON"):
                i += 1
            return doc[i]
        if not (doc[i].is_punct or doc[i].is_space or doc[i].pos_ in ("DET", "ADJ", "NOUN")):
            return None
    return None


def _embedding_phrase(span: Span, cue: Token, lex: Lexicon) -> Optional[int]:
    """"accusing him of acting like a “spoiled child”": a quotation inside
    the cue's object or prepositional phrase is part of a longer statement,
    which starts where that phrase does (a token index). None for a
    quotation the cue introduces ("said, “...”", "said: “...”")."""
    doc = span.doc
    if not (cue.i < span.start and cue.sent == span[0].sent and cue.pos_ in ("VERB", "AUX")):
        return None
    before = doc[span.start - 1] if span.start > 0 else None
    if before is None or before.text in (",", ":", "—", "–") or before.is_space:
        return None
    phrases = [c for c in cue.rights if c.left_edge.i > cue.i and (
        lex.has_dep(c, "object") or lex.has_dep(c, "preposition") or c.dep_ in ("oprd", "dative"))]
    for child in phrases:
        left, right = child.left_edge.i, child.right_edge.i
        if left < span.start <= right:
            # From the first phrase after the cue: "accusing him of ...".
            start = phrases[0].left_edge.i
            if any(t.text in (":", ";") or t.is_space for t in doc[start:span.start]):
                return None
            return start
    return None


def _lead_in(span: Span, cue: Token, lex: Lexicon, quotation_at) -> Optional[int]:
    """"The chief executive, Satya Nadella, “had me at ‘independence,’” Weiner
    wrote": a quotation signed after it that ends a clause begun in plain
    words before it is the end of that clause, the statement, which starts
    with the sentence (a token index). None when the quotation opens its
    sentence, or a colon, semicolon, another quotation or a speech verb of
    its own comes before it, or the parse joins no word of the two; nor for
    a quotation of a word or two, often a title ("star of “Scandal,”")."""
    doc = span.doc
    if cue.i < span.end or cue.tag_ == "VBG" or len(re.findall(r"\w+", span.text)) < 3:
        return None
    # Signed at once: “...,” Weiner wrote; not "... “...” in his column, he wrote".
    sign = doc[span.end:cue.i]
    if not (span.text.rstrip("”\"’' ").endswith(",") or (len(sign) and sign[0].text == ",")) or len(sign) > 8 or any(
            t.pos_ in ("VERB", "AUX", "ADP") for t in sign):
        return None
    start = span[0].sent.start
    # The parser often joins the sentence before a quotation to it.
    start = max([start] + [t.i + 1 for t in doc[start:span.start] if t.text in (".", "?", "!")])
    while start < span.start and (doc[start].is_space or doc[start].is_punct):
        start += 1
    lead = doc[start:span.start]
    if not any(not t.is_punct for t in lead) or any(
            t.text in (":", ";", "(", "-", "--", "—", "–") or t.is_space or quotation_at(t.idx) is not None or is_quote_mark(t)
            or is_speech_verb(t, lex) or t.lower_ == "according" for t in lead):
        return None
    if not any(start <= t.head.i < span.start for t in span) and not any(span.start <= t.head.i < span.end for t in lead):
        return None
    # "To a question on the “privatization of public sector jobs,” Sanders
    # said": a phrase with no verb sets the scene.
    if not any(t.pos_ in ("VERB", "AUX") for t in doc[start:span.end]):
        return None
    return start


# What a quoted clause may go on with after its closing mark: its object,
# a prepositional phrase, an adverb; not a coordinated or participle clause.
_TAIL_DEPS = {"prep", "dobj", "pobj", "npadvmod", "advmod", "attr", "acomp", "prt"}


def _tail(span: Span, cue: Token) -> Optional[int]:
    """"Sanders says “the wind is at our backs” despite his loss in Nevada": a
    quotation its cue introduces that the sentence goes on past, in phrases
    the parse hangs on the quoted words, is the start of a longer statement,
    which ends with them (a character offset). Not a time ("on Friday")."""
    doc = span.doc
    if not (cue.i < span.start and span.end < len(doc)):
        return None
    k = span.end
    sent_end = span[-1].sent.end
    while k < sent_end:
        tok = doc[k]
        if tok.is_punct or tok.is_space or not (span.start <= tok.head.i < span.end) or tok.dep_ not in _TAIL_DEPS or (
                tok.left_edge.i != k or tok.ent_type_ in ("DATE", "TIME") or any(
                    c.ent_type_ in ("DATE", "TIME") for c in tok.subtree)):
            break
        k = tok.right_edge.i + 1
    if k == span.end:
        return None
    end = k - 1
    while end > span.end and doc[end].is_punct:
        end -= 1
    return doc[end].idx + len(doc[end].text)


def _clause_start(span: Span, cue: Token, lex: Lexicon) -> Optional[int]:
    """"told The Washington Post he was “not quite there yet”": a quotation
    that ends a clause whose subject stands between the cue and it, in plain
    words, is part of that clause, however the parse hung it (a token
    index)."""
    doc = span.doc
    if not (cue.i < span.start and cue.sent == span[0].sent):
        return None
    between = doc[cue.i + 1:span.start]
    if not len(between) or any(t.is_punct or t.is_space or is_speech_verb(t, lex) for t in between):
        return None
    subj = next((t for t in between if t.dep_ in ("nsubj", "nsubjpass") and t.i < t.head.i < span.end), None)
    if subj is None or subj.left_edge.i <= cue.i:
        return None
    return subj.left_edge.i


def _dedupe(candidates: list[Candidate]) -> list[Candidate]:
    """Keep one record per stretch of text: direct over mixed over indirect
    when two claim mostly the same words."""
    rank = {"direct": 0, "mixed": 1, "indirect": 2}
    kept: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (rank[c.type], c.start)):
        if cand.end <= cand.start:
            continue  # a parse that leaves nothing between the marks is no statement
        clash = False
        for other in kept:
            overlap = min(cand.end, other.end) - max(cand.start, other.start)
            if overlap > 0.5 * min(cand.end - cand.start, other.end - other.start):
                clash = True
                break
        if not clash:
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def _with_posts(doc: Doc, candidates: list[Candidate], posts: list[Post]) -> list[Candidate]:
    """Each embedded post as its author's direct quote, in place of what the
    rules read inside it: a post reports nothing the article says."""
    if not posts:
        return candidates
    kept = [c for c in candidates if not any(p.start <= c.start < p.end or c.start <= p.start < c.end for p in posts)]
    for p in posts:
        mark = _tokens_in(doc, p.mark, p.mark + 1)  # the whole token: "--" as well as "—"
        kept.append(Candidate("direct", p.start, p.end, list(mark) if mark else None, _tokens_in(doc, *p.name), 0.95,
                              platform=p.platform))
    return sorted(kept, key=lambda c: c.start)


def _note_opening(paragraph: str) -> str:
    return " ".join(paragraph.replace("’", "'").replace("\xa0", " ").split()).lower()


def outlet_notes(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """The lines that are the outlet's note on its article ("Editor's note:
    ...", "Correction: ...", "This story has been updated ..."): what they
    report is not news the article reports."""
    notes = []
    for m in _LINE.finditer(text):
        opening = _note_opening(m.group()[:60])
        if any(opening.startswith(n) and not opening[len(n):len(n) + 1].isalnum() for n in lex.outlet_notes):
            start, end = m.span()
            line = m.group()
            # A note hard-wrapped over several lines ("Editor's note: Donald
            # Trump regularly¶incites¶political violence ...") runs on while
            # a line stops short of a sentence's end.
            while line.rstrip()[-1:] not in _NOTE_ENDS and text[end + 1:end + 2].strip():
                nxt = _LINE.match(text, end + 1)
                line, end = nxt.group(), nxt.end()
            notes.append((start, end))
    return notes


def find_quotes(doc: Doc, lex: Lexicon, doc_id: str = "text", meta: dict | None = None, keep_unattributed: bool = False,
                text: Optional[str] = None) -> list[Quote]:
    from .enrich import enrich

    text = doc.text if text is None else text
    # Found once: enrichment marks the names said inside quotations.
    quotations = find_quotations(text)
    candidates = find_candidates(doc, lex, keep_unattributed, text, quotations)
    notes = outlet_notes(text, lex)
    if notes:
        candidates = [c for c in candidates if not any(a <= c.start < b for a, b in notes)]
    candidates = _with_posts(doc, candidates, find_posts(text, lex.post_signatures))
    records = []
    sent_starts = [s.start_char for s in doc.sents]
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
    for cand in candidates:
        cue = None
        if cand.cue:
            c0, c1 = cand.cue[0], cand.cue[-1]
            cue = CharSpan(text[c0.idx:c1.idx + len(c1.text)], c0.idx, c1.idx + len(c1.text))
        speaker = None
        if cand.speaker is not None:
            sp = cand.speaker
            speaker = Speaker(sp.text, sp.start_char, sp.end_char)
        records.append(
            Quote(
                doc_id=doc_id,
                type=cand.type,
                text=text[cand.start:cand.end],
                start=cand.start,
                end=cand.end,
                cue=cue,
                speaker=speaker,
                confidence=cand.confidence,
                paragraph=bisect.bisect_left(breaks, cand.start),
                sentence=max(0, bisect.bisect_right(sent_starts, cand.start) - 1),
                meta=dict(meta or {}),
            )
        )
    enrich(doc, candidates, records, lex, text, quotations)
    return records
