"""A cue's report: what it says (``cues``) and who says it (``speakers``),
put together for each kind of cue: a speech verb (``report_of``), a speech
noun ("his claim that ...", ``noun_report``) and a hearsay adverb
("reportedly", ``hearsay_report``).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Span, Token

from .cues import (DOUBLE_MARKS, FINITE_TAGS, RELATIVE_PRONOUNS, can_speak, clause_content, closing_attribution,
                   cut_nested, cut_trailing_participle, following_clause, is_negated, is_quote_mark, is_speech_verb,
                   is_time, object_content, paragraph_after_colon, passive_content, prep_content, question_participle,
                   second_subject_content, set_off, subtree_range, trim)
from .lexicon import Lexicon
from .speakers import mention_span, subject_of


@dataclass
class Report:
    """A cue with the content it reports and who reported it."""

    cue: list[Token]  # the cue words ("said"; "according", "to")
    content: Optional[tuple[int, int]]  # token range [start, end) or None
    speaker: Optional[Span]
    guessed: bool = False  # content taken by a learned gate, not by a rule


def hearsay_report(adverb: Token, lex: Lexicon) -> Optional[Report]:
    """"The FBI is reportedly making arrangements to interview Clinton": a
    hearsay adverb on a finite clause with a subject reports that clause,
    from nobody named. Not on a participle ("talks reportedly yielding
    progress") nor a modifier: only a clause stands as a statement."""
    verb = adverb.head
    if adverb.dep_ != "advmod" or verb.pos_ not in ("VERB", "AUX") or is_negated(verb, lex):
        return None
    if not (verb.tag_ in FINITE_TAGS or any(c.tag_ in FINITE_TAGS and lex.has_dep(c, "aux") for c in verb.children)):
        return None
    subj = next((c for c in verb.lefts if lex.has_dep(c, "subject")), None)
    if subj is None and not lex.has_dep(verb, "conjunct"):
        return None
    doc = adverb.doc
    # From the subject: a clause before it ("When asked to leave, he
    # reportedly refused") or a participle after ("..., leaving ...") is
    # the writer's setting.
    start = subj.left_edge.i if subj is not None else verb.left_edge.i
    end = cut_trailing_participle(doc, verb, start, verb.right_edge.i + 1)
    end = cut_nested(doc, verb, start, end, lex)
    # "Trump reportedly said ...", "a group demanding ...": a report inside
    # has its own cue (and speaker).
    if any(is_speech_verb(t, lex) for t in doc[start:end]):
        return None
    return Report(cue=[adverb], content=trim(doc, start, end), speaker=None)


def noun_report(noun: Token, lex: Lexicon) -> Optional[Report]:
    """"Trump’s claim that he is in ISIS videos", "his call to ban ..."."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lex.speech_nouns:
        return None
    clause = next((c for c in noun.rights if c.dep_ in ("acl", "ccomp", "relcl", "appos") and (
        any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children) or any(g.tag_ == "TO" for g in c.children))), None)
    if clause is None:
        clause = _clause_set_apart(noun, lex) or _clause_after_be(noun, lex)
    clause_led = clause is not None
    if clause is None:
        # "Pence's call for a special prosecutor", "Obama's calls for
        # tighter gun control": a noun of a verb of ``models/prep_cues.tsv``
        # with that verb's preposition; only with an owner who speaks, as a
        # bare "calls for a recount" names nobody. "No comment on" is none.
        prep = next((c for c in noun.rights if lex.has_dep(c, "preposition") and (noun.lemma_.lower(), c.lower_) in lex.prep_cues), None)
        if any(c.lower_ == "no" for c in noun.lefts):
            return None
        clause = next((c for c in prep.children if lex.has_dep(c, "prep_object")), None) if prep is not None else None
        if clause is None or is_time(clause):
            return None
    elif _relative_that(clause, lex):
        return None
    start, end = subtree_range(clause)
    start, end = trim(noun.doc, start, cut_nested(noun.doc, clause, start, end, lex))
    if end - start < 3:
        return None
    verb = noun.head.head if lex.has_dep(noun, "prep_object") and lex.has_dep(noun.head, "preposition") else None
    if verb is not None and noun.head.lower_ == "in" and is_speech_verb(verb, lex) and not is_negated(verb, lex):
        # "said in a statement that ...": the parse hung the clause on the
        # noun; the verb is the cue and its subject the speaker.
        subj = subject_of(verb, lex)
        return Report(cue=[verb], content=(start, end), speaker=mention_span(subj, lex) if subj is not None else None)
    owner = next((c for c in noun.children if lex.has_dep(c, "possessive")), None)
    if owner is None:
        # "an admission from Elizabeth Warren that ...", "the suggestion by
        # a potential president that ...".
        by = next((c for c in noun.children if c.lower_ in ("from", "by") and lex.has_dep(c, "preposition")), None)
        who = next((c for c in by.children if lex.has_dep(c, "prep_object")), None) if by is not None else None
        owner = who if who is not None and can_speak(who, lex) else None
    if owner is None:
        # "the contention of former secretary of state Hillary Clinton that ...": a name after "of" owns it.
        of = next((c for c in noun.children if c.lower_ == "of" and lex.has_dep(c, "preposition")), None)
        who = next((c for c in of.children if lex.has_dep(c, "prep_object")), None) if of is not None else None
        owner = who if who is not None and (who.pos_ == "PROPN" or who.ent_type_ in ("PERSON", "ORG", "NORP")) else None
    if owner is None and clause_led:
        owner = _holder_of(noun, lex)
    if owner is None and lex.has_dep(noun, "object") and noun.head.lemma_.lower() in lex.issue_verbs:
        # "Clinton unveiled a proposal to ...", "Trump made charges that ...":
        # who issues the statement made it.
        subj = subject_of(noun.head, lex)
        # Not "It sends a clear message that ...": a thing says nothing.
        owner = subj if subj is not None and can_speak(subj, lex) and subj.lower_ not in ("it", "this", "that", "which") else None
    if owner is None and not clause_led:
        return None
    return Report(cue=[noun], content=(start, end), speaker=mention_span(owner, lex) if owner is not None else None)


def _holder_of(noun: Token, lex: Lexicon) -> Optional[Token]:
    """"Christie repeated accusations that ...", "stirred controversy with
    an assertion that ...", "veered close to an admission that ...", "was
    full of promises to ...": a statement the subject of a verb handles, as
    its object or in a phrase on it, is that subject's."""
    head = noun.head
    if lex.has_dep(noun, "prep_object"):
        if head.lower_ not in _HOLDING_PREPS:
            return None  # not "minus the assertion that ...", "including allegations that ..."
        head = head.head
        if head.pos_ in ("ADJ", "ADV") and head.dep_ in ("acomp", "advmod"):
            head = head.head  # "full of", "close to"
    elif not lex.has_dep(noun, "object"):
        return None
    if head.pos_ not in ("VERB", "AUX") or head.i > noun.i or head.lemma_.lower() in lex.answer_verbs or any(
            c.dep_ == "expl" for c in head.children):
        return None  # not "there were numerous complaints that ..."
    subj = subject_of(head, lex)
    if subj is None or not can_speak(subj, lex) or subj.lower_ in ("it", "this", "that", "which", "there"):
        return None
    return subj


_HOLDING_PREPS = ("with", "on", "to", "of")


def _clause_set_apart(noun: Token, lex: Lexicon) -> Optional[Token]:
    """"Trump’s statement earlier this year that women ...", "her firmest
    promise yet that ...": with a time or an adverb between them, the parse
    hangs the noun's "that" clause on the verb above the noun; unless that
    verb reports speech itself ("told Fox in an interview that ...")."""
    doc = noun.doc
    k = noun.right_edge.i + 1
    while k < len(doc) and k - noun.right_edge.i <= 4 and (doc[k].ent_type_ in ("DATE", "TIME") or doc[k].pos_ == "ADV"):
        k += 1
    if k >= len(doc) or doc[k].lower_ != "that" or not lex.has_dep(doc[k], "mark"):
        return None
    clause = doc[k].head
    verb = clause.head
    if clause.i <= k or not lex.has_dep(clause, "complement_clause") or verb.i > noun.i or noun not in verb.subtree \
            or is_speech_verb(verb, lex):
        return None
    return clause


def _clause_after_be(noun: Token, lex: Lexicon) -> Optional[Token]:
    """"Sanders's argument on Sunday was that superdelegates should ...",
    "His message long has been that he is a winner": a statement noun that
    is the subject of "be" is given by the "that" clause the verb takes.
    UD parses it the same way: a copula with a clausal predicate heads it."""
    be = noun.head
    if not lex.has_dep(noun, "subject") or be.lemma_ != "be" or be.i < noun.i:
        return None
    return next((c for c in be.rights if lex.has_dep(c, "complement_clause") and any(
        g.lower_ == "that" and lex.has_dep(g, "mark") for g in c.children)), None)


def _relative_that(clause: Token, lex: Lexicon) -> bool:
    """"an argument that ... did not ring true", "a claim that Gowdy’s
    office disputes": a "that" clause missing its subject, or a speech
    verb missing what it reports, has a gap the noun fills; it describes
    the statement and does not give it."""
    if not any(g.lower_ == "that" and g.dep_ == "mark" for g in clause.children):
        return False
    if not any(lex.has_dep(c, "subject") or c.dep_ == "expl" for c in clause.children):
        return True
    return is_speech_verb(clause, lex) and not any(
        lex.has_dep(c, "object") or lex.has_dep(c, "clause") or lex.has_dep(c, "preposition") for c in clause.children)


def _told_to(cue: Token, lex: Lexicon) -> Optional[tuple[int, int]]:
    """"telling Christie to get on a plane and go home"."""
    if cue.lemma_.lower() not in lex.addressee_verbs:
        return None
    if not any(lex.has_dep(c, "object") for c in cue.children):
        return None
    xcomp = next((c for c in cue.rights if c.dep_ == "xcomp" and any(g.tag_ == "TO" for g in c.children)), None)
    return _infinitive_range(xcomp, lex)


def _infinitive_range(xcomp: Optional[Token], lex: Lexicon) -> Optional[tuple[int, int]]:
    if xcomp is None:
        return None
    start, end = subtree_range(xcomp)
    return trim(xcomp.doc, start, cut_nested(xcomp.doc, xcomp, start, end, lex))


def _infinitive(cue: Token, lex: Lexicon) -> Optional[tuple[int, int]]:
    """"vowed to repeal the law": with no object before it, the infinitive is
    what was promised or threatened. A date the parse took for an object
    ("promised Monday to begin ...") is none."""
    if any(lex.has_dep(c, "object") and not is_time(c) for c in cue.children):
        return None
    # "proposed barring all foreign Muslims", "reported spending $1
    # million", "denied having a role": a gerund right after any speech
    # verb is what was said, as an infinitive is after a promise.
    lemma = cue.lemma_.lower()
    infinitive = lemma in lex.infinitive_cue_verbs
    gerund = lemma not in lex.aspect_verbs
    xcomp = next((c for c in cue.rights if c.dep_ == "xcomp" and (
        (infinitive and any(g.lower_ == "to" and g.i < c.i for g in c.children))
        or (gerund and c.tag_ == "VBG" and c.i == cue.i + 1))), None)
    return _infinitive_range(xcomp, lex)


def _said_noun(cue: Token, lex: Lexicon) -> Optional[tuple[int, int]]:
    """"took to Twitter to say thanks": say with a noun object, or with a
    word standing for a whole statement ("half said so", "said yes"),
    whatever the parse calls it."""
    if cue.lemma_.lower() != "say":
        return None
    obj = next((c for c in cue.rights if lex.has_dep(c, "object") and c.pos_ == "NOUN" and not is_time(c)), None)
    if obj is None:
        obj = next((c for c in cue.rights if not c.is_punct), None)
        if obj is None or obj.lower_ not in lex.pro_statements:
            return None
    return trim(cue.doc, *subtree_range(obj))


def _labels_line(cue: Token, lex: Lexicon) -> bool:
    """"Revealed: Here Are The Conservatives The Establishment Has
    Blacklisted": a bare verb opening a line before a colon labels what
    follows; nobody is said to reveal it."""
    doc = cue.doc
    opens = cue.i == 0 or (doc[cue.i - 1].is_space and "\n" in doc[cue.i - 1].text)
    return opens and cue.i + 1 < len(doc) and doc[cue.i + 1].text == ":" and not any(
        lex.has_dep(c, "subject") for c in cue.children)


def _subject_before_participle(cue: Token, lex: Lexicon) -> Optional[Token]:
    """"Clinton seemed to be ready to riff on the incident, telling the
    crowd, “...”", "It was at the conference that Swanson delivered his
    tirade, pointing to ...": a participle set off after a clause goes
    with that clause, however the parse hung it; when no speaker was found
    along the tree, the subject highest in the clause before the comma
    speaks, if it can."""
    doc = cue.doc
    if cue.tag_ != "VBG" or any(t.pos_ != "ADV" for t in doc[cue.left_edge.i:cue.i]):
        return None
    sep = set_off(doc, cue.left_edge.i, cue.sent.start, ",—–-")
    if sep is None:
        return None
    subjects = [t for t in doc[cue.sent.start:sep] if lex.has_dep(t, "active_subject") and t.head.i < sep and t.head.pos_ in (
        "VERB", "AUX") and t.lower_ not in RELATIVE_PRONOUNS | {"it", "there", "this"} and not _in_quotation(t) and can_speak(t, lex)]
    return min(subjects, key=lambda t: (len(list(t.ancestors)), t.i), default=None)


def _subject_after_opening_participle(cue: Token, lex: Lexicon) -> Optional[Token]:
    """"Noting that ..., Trump reminded Americans ...", "Remarking upon
    Clinton's “genuine empathy,” Starr said ...": a participle opening the
    sentence goes with the clause after its comma, however the parse hung
    it; that clause's subject speaks, if it can."""
    if cue.tag_ != "VBG" or cue.i != cue.sent.start:
        return None
    tok = _clause_after_comma(cue, lex)
    ok = tok is not None and can_speak(tok, lex) and tok.lower_ not in RELATIVE_PRONOUNS | {"it", "there", "this"} and not _in_quotation(tok)
    return tok if ok else None


def _clause_after_comma(cue: Token, lex: Lexicon) -> Optional[Token]:
    """The subject of the first finite clause after ``cue`` that a comma
    sets off from it: the sentence's main clause after an opening
    participle."""
    doc = cue.doc
    for tok in doc[cue.i + 1:cue.sent.end]:
        if lex.has_dep(tok, "active_subject") and tok.head.tag_ in FINITE_TAGS and tok.head.i > tok.i \
                and set_off(doc, tok.left_edge.i, cue.i, ",") is not None:
            return tok
    return None


def _in_quotation(tok: Token) -> bool:
    """An odd number of double quotation marks opens the sentence before
    ``tok``; by their text, as the tagger may tag a possessive ("Trump’s")
    as a closing mark."""
    return sum(t.text in DOUBLE_MARKS for t in tok.doc[tok.sent.start:tok.i]) % 2 == 1


def opened_by_participle(rep: Report, lex: Lexicon) -> Report:
    """"Kiedis said, mentioning the album is “in the home stretch”", "Mr.
    Manafort said, adding of Mr. Trump, ''He cares ...''": a speech verb's
    participle set off after the cue, which the parse left inside the
    clause it hung on the cue, is the cue of what follows it; the speaker
    is the same. (A quotation before the cue stays with the cue.)"""
    cue = rep.cue[-1]
    if rep.content is None or rep.content[0] <= cue.i or cue.pos_ != "VERB":
        return rep
    doc = cue.doc
    first = doc[rep.content[0]]
    if first.tag_ != "VBG" or not is_speech_verb(first, lex) or any(lex.has_dep(c, "subject") for c in first.children) \
            or set_off(doc, first.i, cue.i, ",") is None or rep.content[1] <= first.i + 1:
        return rep
    return Report(cue=[first], content=trim(doc, first.i + 1, rep.content[1]), speaker=rep.speaker, guessed=rep.guessed)


def report_of(cue: Token, lex: Lexicon) -> Optional[Report]:
    """The reported statement of a speech verb, or None when it reports
    nothing (negated, an imperative)."""
    if is_negated(cue, lex):
        return None
    # "Attack specific policies and propose alternatives", "Ask yourself":
    # an imperative addresses the reader; nobody is reported.
    head = cue
    while head.dep_ == "conj":
        head = head.head
    # Not right after the quotation it reports: "“...,” read the email".
    if head.tag_ == "VB" and head.dep_ == "ROOT" and not any(lex.has_dep(c, "subject") or lex.has_dep(c, "aux") for c in head.children) and not (
            cue.i > 1 and is_quote_mark(cue.doc[cue.i - 1]) and cue.doc[cue.i - 2].text in ",?!"):
        return None
    if _labels_line(cue, lex):
        return None
    content = (second_subject_content(cue, lex) or clause_content(cue, lex) or object_content(cue, lex) or passive_content(cue, lex) or prep_content(cue, lex) or _told_to(cue, lex) or _infinitive(cue, lex)
               or following_clause(cue, lex) or _said_noun(cue, lex) or closing_attribution(cue, lex) or paragraph_after_colon(cue))
    if content is not None and content[1] <= content[0]:
        content = None  # "said ... »": the parse hung a lone quotation mark on the cue
    subj = subject_of(cue, lex) or _subject_before_participle(cue, lex)
    main = None
    if subj is None:
        subj = main = _subject_after_opening_participle(cue, lex)
    if question_participle(cue, lex):
        main = _clause_after_comma(cue, lex)
    if main is not None and content is not None and content[1] > main.left_edge.i:
        # The parse may run an opening participle's clause on into the main
        # one ("Noting that ..., Trump reminded", "Asked which county was
        # his favorite, he demurred: “...”"): the statement stops there.
        content = (content[0], set_off(cue.doc, main.left_edge.i, cue.i, ","))
    speaker = mention_span(subj, lex) if subj is not None else None
    if content is not None and speaker is not None and cue.i < speaker.start and content[0] <= speaker.start < content[1]:
        # "“...,” said Cruz, who had introduced them": the clause after an
        # inverted speaker describes the speaker; nothing else is reported.
        content = None
    return Report(cue=[cue], content=content, speaker=speaker)
