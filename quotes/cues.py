"""Cues and what they report: small pure functions over a parsed ``Doc``.

A cue is a speech verb ("said", "confirmed", "wrote") or the phrase
"according to". For a cue this module finds the reported content (its
clause or, for verbs like "deny", its object) and the speaker mention (its
subject, the object of "according to" ...). Dependency labels are read
through ``Lexicon.dependencies`` so spaCy's and UD's labels both work.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon
from .nlp import whole_words

WH_WORDS = {"what", "which", "that", "who", "whom"}
RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}
# "released a video that said ...": relative pronouns that stand for a
# thing, which may be spoken for by whoever issued it.
THING_RELATIVES = {"that", "which"}
PASSIVE_AUX = {"auxpass", "aux:pass"}
DEMONSTRATIVES = {"that", "this"}
# Tags of a finite verb or modal: a clause that can stand as a statement.
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


@dataclass
class Report:
    """A cue with the content it reports and who reported it."""

    cue: list[Token]  # the cue words ("said"; "according", "to")
    content: Optional[tuple[int, int]]  # token range [start, end) or None
    speaker: Optional[Span]
    guessed: bool = False  # content taken by a learned gate, not by a rule


def is_negated(tok: Token, lex: Lexicon) -> bool:
    """"declined to comment", "did not say", "has yet to confirm"."""
    # UD marks "not" as advmod, so the words count as well as the label.
    # A "not" the parse took from the quotation ("“Absolutely not,” Clinton
    # responded") is what was said, not the verb's.
    doc = tok.doc
    if any((lex.has_dep(c, "negation") or c.lower_ in ("not", "n't", "never")) and not any(
            is_quote_mark(doc[k]) for k in range(min(c.i, tok.i) + 1, max(c.i, tok.i))) for c in tok.children):
        return True
    if _parenthetical(tok, lex):
        # "on the day the Post reports that X, the moderators didn't ask
        # her about it": the parse hung the attribution on the clause
        # after it; that clause's negation is not the cue's.
        return any(_not_yet(c) for c in tok.children)
    head = tok
    for _ in range(3):
        if head.dep_ not in ("xcomp", "ccomp", "advcl", "conj") or head.head.i == head.i:
            break
        if head.dep_ == "advcl" and head.tag_ == "VBG" and doc[head.left_edge.i - 1].text == ",":
            # "declined to answer, adding: “...”", "did not attend, saying he
            # was ill": a participle after a comma says something of its own.
            break
        if head.dep_ == "advcl" and any(lex.has_dep(c, "subject") for c in head.children):
            # "As Breitbart reported, the White House was refusing to ...":
            # a clause with its own subject is outside the other's "refuse".
            break
        if head.dep_ == "conj" and (any(lex.has_dep(c, "subject") for c in head.children) or any(
                c.lower_ == "but" and c.i < head.i for c in head.head.children if c.dep_ == "cc") or any(
                t.text in ("—", "–", ";", ":") for t in doc[head.head.i + 1:head.i])):
            # "declined to address it but said ...", "“... not directed at
            # any religion,” Clark said", "it wasn't an accident — Buck told
            # POLITICO ...": a conjunct with a subject of its own, or after
            # "but" or a dash, is no longer under the first verb's "not".
            break
        if any(is_quote_mark(doc[k]) for k in range(min(head.head.i, tok.i) + 1, max(head.head.i, tok.i))):
            break  # "“Trump is not a racist,” LeVell assured the crowd": the "not" was said
        if head.dep_ == "conj" and head.head.lemma_.lower() in lex.negative_cues and any(
                lex.has_dep(c, "coordinator") and c.lower_ == "and" and c.i < head.i for c in head.head.children):
            # "declined to affirm his support ..., and told his audience ...":
            # a next act of the subject, not a second thing declined ("declined
            # to confirm or deny").
            break
        head = head.head
        if head.lemma_.lower() in lex.negative_cues or any(lex.has_dep(c, "negation") or _not_yet(c) for c in head.children):
            return head.dep_ != "ccomp"
    return any(_not_yet(c) for c in tok.children)


def _parenthetical(cue: Token, lex: Lexicon) -> bool:
    """A cue with its own subject set off by a comma before the clause it
    hangs on as a complement: "the day the Post reports that ..., the
    moderators didn't ask"."""
    doc = cue.doc
    if cue.dep_ not in ("ccomp", "parataxis") or cue.head.i <= cue.i or not any(
            lex.has_dep(c, "active_subject") for c in cue.lefts):
        return False
    # "Perez speaks fluent Spanish, Castro does not": an object other than
    # the one addressed makes the verb a clause of its own.
    if cue.lemma_.lower() not in lex.addressee_verbs and any(lex.has_dep(c, "object") for c in cue.children):
        return False
    after = cue.right_edge.i + 1
    return after < len(doc) and doc[after].text == "," or doc[cue.right_edge.i].text == ","


def _not_yet(tok: Token) -> bool:
    """"has yet to confirm", not "Yet Bloomberg says ..." nor "said, yet
    again, ...": the adverb before its verb or before "to"."""
    if tok.lower_ != "yet" or tok.dep_ != "advmod" or tok.i == tok.sent.start:
        return False
    return tok.i < tok.head.i or (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to")


# Quotation marks as the tokenizer leaves them; the double ones are never
# an apostrophe ("Jersey’s").
_QUOTE_MARKS = {"“", "”", '"', "''", "``", "‘", "’", "«", "»"}
_DOUBLE_MARKS = _QUOTE_MARKS - {"‘", "’"}
_OPENING_MARKS = {"“", '"', "``", "«"}


def is_quote_mark(tok: Token) -> bool:
    return tok.text in _QUOTE_MARKS or tok.tag_ in ("''", "``")


def is_speech_verb(tok: Token, lex: Lexicon) -> bool:
    if (tok.pos_ not in ("VERB", "AUX") or tok.tag_ == "MD") and _noun_tagged_verb(tok, lex) is None:
        return False
    lemma = tok.lemma_.lower()
    if lemma not in lex.speech_verbs and not any((lemma, c.lower_) in lex.particle_cues for c in tok.children):
        return False  # "shot back", "fired back"; "as the Post put it"
    # "Asked if he was bullied, ...", "a plan announced last year": a bare
    # participle modifying something else reports nothing by itself.
    if tok.tag_ == "VBN" and tok.dep_ in ("advcl", "acl", "amod") and not any(lex.has_dep(c, "aux") for c in tok.children):
        # ... except in a frame that names who reported: "As reported by
        # the Post, ..." (see ``_as_frame_content``).
        if not (_has_mark(tok, "as", lex) and any(lex.has_dep(c, "agent") for c in tok.children)) and not _lost_main_verb(tok, lex):
            return False
    if _names_thing(tok, lex):
        return False
    # "Talking animals": a verb form used as a noun or an adjective.
    if tok.dep_ in ("amod", "compound", "nsubj", "nsubjpass", "dobj", "obj", "pobj") and not participle_before_quotation(tok):
        return False
    return not _in_fixed_term(tok, lex)


def _names_thing(tok: Token, lex: Lexicon) -> bool:
    """"A resistance movement called the Ethiopian People's Revolutionary
    Party", "one PAC called Stop Hillary": a naming verb hung on a noun
    with nobody doing the naming gives the thing's name, not a statement
    (the parse often tags it as a past form, so the participle rule above
    misses it)."""
    if tok.lemma_.lower() not in lex.naming_verbs or tok.dep_ not in ("acl", "relcl") or tok.tag_ not in ("VBD", "VBN"):
        return False
    # Only the name follows: "called for a boycott", "called Wednesday on
    # ...", "called the remarks “racist”" are a main verb the parse hung on
    # its subject, and "called “a horrible human being”" a judgement.
    words = [c for c in tok.children if not c.is_punct]
    if len(words) != 1 or not lex.has_dep(words[0], "object") or _is_time(words[0]):
        return False
    if next(t for t in words[0].subtree if not t.is_punct).lower_ in ("a", "an"):
        return False
    return tok.head.pos_ in ("NOUN", "PROPN") and not _lost_main_verb(tok, lex)


def _noun_tagged_verb(tok: Token, lex: Lexicon) -> Optional[Token]:
    """"Trump predicts that ...", "Merkel talks about a European
    consensus", "Super PAC blasts Trump": the tagger took a verb in -s
    for a plural noun, the root of a sentence with no verb, right after a
    name that it made its compound or subject. Returns that name, the
    speaker; None for anything else. Only with what a speech verb
    reports after it: a clause, an object or a preposition of
    ``models/prep_cues.tsv``."""
    if tok.tag_ != "NNS" or tok.dep_ != "ROOT" or not tok.lower_.endswith("s") or tok.lemma_.lower() not in lex.speech_verbs:
        return None
    name = next((c for c in tok.lefts if c.dep_ in ("compound", "nsubj", "poss") and c.right_edge.i == tok.i - 1), None)
    if name is None or any(c.dep_ == "det" for c in tok.children) or not (
            name.pos_ == "PROPN" or name.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")):
        return None
    lemma = tok.lemma_.lower()
    if not any(lex.has_dep(c, "complement_clause") or lex.has_dep(c, "object") or (lemma, c.lower_) in lex.prep_cues for c in tok.rights):
        return None
    return name


def _lost_main_verb(tok: Token, lex: Lexicon) -> bool:
    """"Mitt Romney, the 2012 nominee, tweeted in response: ...": after an
    apposition the parse took the verb for a participle on the name, left
    as the root of a sentence with no verb; or on a subject it then gave to
    the reported clause (see ``_clause_of_second_subject``)."""
    head = tok.head
    return tok.dep_ == "acl" and (head.dep_ == "ROOT" and head.pos_ == "PROPN" and tok.doc[tok.i - 1].text == "," and any(
        c.dep_ == "appos" and c.i < tok.i for c in head.children) or _clause_of_second_subject(tok, lex) is not None)


def _clause_of_second_subject(tok: Token, lex: Lexicon) -> Optional[Token]:
    """"Multiple outlets reported on Wednesday the Secret Service had ...":
    the parse took the verb for a participle on its subject, and gave that
    subject to the reported clause as a second one; the clause's verb."""
    head = tok.head
    if tok.dep_ != "acl" or tok.tag_ not in ("VBD", "VBN") or head.dep_ != "nsubj" or head.head.i < tok.i:
        return None
    verb = head.head
    # Not "A statement posted on the website GunBroker.com said ...": a
    # participle on the subject of a report is one.
    if verb.lemma_.lower() in lex.speech_verbs:
        return None
    return verb if any(c.dep_ == "nsubj" and c.i > tok.right_edge.i for c in verb.children) else None


def _second_subject_content(cue: Token, lex: Lexicon) -> Optional[tuple[int, int]]:
    verb = _clause_of_second_subject(cue, lex)
    if verb is None:
        return None
    subj = next(c for c in verb.children if c.dep_ == "nsubj" and c.i > cue.right_edge.i)
    return trim(cue.doc, subj.left_edge.i, verb.right_edge.i + 1)


def participle_before_quotation(tok: Token) -> bool:
    """"shared the news last week, writing “Feels great to ...”": after a
    comma, a participle that opens a quotation is its cue, though the parse
    made it the quotation's subject."""
    doc = tok.doc
    if tok.tag_ != "VBG" or tok.i == 0 or doc[tok.i - 1].text != "," or tok.i + 1 >= len(doc):
        return False
    return doc[tok.i + 1].text in ("“", '"', "``", "‘")


def _in_fixed_term(tok: Token, lex: Lexicon) -> bool:
    """"pledged delegates", "all told": a term or an idiom, whatever the
    parse makes of it."""
    doc = tok.doc
    # "bottles that said, “...”": a relative clause's verb, not "That said, ...".
    relative = lex.has_dep(tok, "relative_clause")
    for phrase, j in lex.fixed_terms_by_word.get(tok.lower_, ()):
        if relative and j > 0:
            continue
        start = tok.i - j
        if start >= 0 and tuple(t.lower_ for t in doc[start:start + len(phrase)]) == phrase:
            return True
    return False


def _has_mark(tok: Token, word: str, lex: Lexicon) -> bool:
    return any(lex.has_dep(c, "mark") and c.lower_ == word for c in tok.children)


def _is_time(tok: Token) -> bool:
    """"promised Sunday", "spoke on Tuesday": a date is not a statement."""
    return tok.ent_type_ in ("DATE", "TIME") and tok.head.ent_type_ in ("DATE", "TIME", "") and tok.pos_ in ("PROPN", "NOUN", "NUM")


def _mark_of(clause: Token, lex: Lexicon) -> str:
    """The subordinator opening a clause ("while", "even as"), lowercased."""
    words = [c for c in clause.children if c.i < clause.i and (lex.has_dep(c, "mark") or c.dep_ == "advmod")]
    return " ".join(c.lower_ for c in sorted(words, key=lambda c: c.i))


def is_aside(clause: Token, lex: Lexicon) -> bool:
    """"..., while analysts expect a rise": a clause with a subject of its
    own opened by a subordinator in ``models/aside_marks.txt``, the
    writer's aside rather than part of a statement."""
    return _mark_of(clause, lex) in lex.aside_marks and any(lex.has_dep(c, "subject") for c in clause.children)


def _own_report(tok: Token, lex: Lexicon) -> bool:
    """A speech verb with a subject of its own: a second statement."""
    return is_speech_verb(tok, lex) and any(lex.has_dep(c, "subject") for c in tok.children)


def _cut_nested(doc: Doc, root: Token, start: int, end: int, lex: Lexicon, closing: bool = False) -> int:
    """End the content before a coordinated clause that is a report of its
    own ("... worried, and more than 4 in 10 said ..."), before a
    comma-led relative clause or apposition of an object ("criticised
    Clinton’s email use, which an FBI investigation said ..."), and before
    a comma-led aside ("..., while analysts expect ...")."""
    for tok in doc[start:end]:
        if tok == root:
            continue
        # The separator may close a quotation: "“self-deportation,” which ...".
        comma_led = tok.left_edge.i > start and set_off(doc, tok.left_edge.i, start, ",—–-;") is not None
        if lex.has_dep(tok, "conjunct") and tok.left_edge.i > start and any(lex.has_dep(c, "mark") and c.lower_ == "that" for c in tok.children):
            continue  # "said A and that B": a second clause of the same report
        # A negated conjunct is no report of its own: "couldn't remember
        # it and hasn't visited since" is all said.
        if tok.dep_ == "conj" and tok.left_edge.i > start and is_speech_verb(tok, lex) and not (
                closing and tok.head == root and not any(lex.has_dep(c, "subject") for c in tok.children)
                and not any(is_quote_mark(t) for t in tok.subtree)):
            # Before a closing cue, a conjunct sharing the clause's subject
            # is what the speaker reports that subject did ("Eggleston
            # expressed concern and said it could hurt ..., people familiar
            # with the session said"): PolNeAR counts the whole once. A
            # quotation in it keeps its own record, with its own speaker.
            cut = tok.left_edge.i  # "... and predicted that ..."
        elif tok.left_edge.i > start and finite_after_nonfinite(tok, start, lex):
            cut = tok.left_edge.i
        elif tok.dep_ in ("relcl", "appos", "acl:relcl") and tok.head.i >= start and comma_led and root.pos_ in ("NOUN", "PROPN", "PRON") and not (
                lex.has_dep(tok, "appositive") and tok.head.pos_ != "PROPN" and any(lex.has_dep(c, "conjunct") for c in tok.children)):
            # An "apposition" with conjuncts of its own is the rest of a list
            # ("praised his record, her grasp of policy and the energy ...").
            cut = tok.left_edge.i - 1
        elif comma_led and tok.right_edge.i + 1 >= end and lex.has_dep(tok, "appositive") and is_quote_mark(doc[tok.left_edge.i - 1]) and (
                doc[tok.left_edge.i - 1].tag_ != "``"):
            # "would pay “every cent,” a promise that few believed": a noun
            # set after a closing quotation names what was said, in the
            # writer's words.
            cut = tok.left_edge.i
        elif comma_led and tok.right_edge.i + 1 >= end and lex.has_dep(tok, "relative_clause") and doc[tok.left_edge.i].lower_ == "which":
            # "would ban the imports, which are made in Asia": a
            # non-restrictive "which" closing the clause is the writer's gloss.
            cut = tok.left_edge.i - 1
        elif comma_led and (tok.dep_ == "advcl" or lex.has_dep(tok, "relative_clause")) and tok.i > root.i and (
                is_aside(tok, lex) or _own_report(tok, lex)):
            cut = tok.left_edge.i - 1
        else:
            continue
        while cut > start and (doc[cut - 1].dep_ == "cc" or doc[cut - 1].is_punct):
            if is_quote_mark(doc[cut - 1]) and doc[cut - 1].tag_ != "``":
                break  # the quotation the separator closes is said: “every cent,”
            cut -= 1
        return cut
    return end


# Verb tags only a finite verb has; a base form after "to ... and" is often
# mistagged VBP, so that tag counts only on an auxiliary.
_FINITE = ("VBD", "VBZ", "MD")
_FINITE_AUX = _FINITE + ("VBP",)


def finite_after_nonfinite(tok: Token, start: int, lex: Lexicon) -> bool:
    """"urged the party to coalesce around them and tried to make the case":
    a finite verb joined to a statement with no finite verb of its own
    ("to coalesce") cannot be part of it; it goes on with what the speaker
    did."""
    if not (lex.has_dep(tok, "conjunct") and tok.pos_ in ("VERB", "AUX") and start <= tok.head.i < tok.i):
        return False
    if any(lex.has_dep(c, "subject") for c in tok.children):
        return False
    finite = tok.tag_ in _FINITE or any(c.tag_ in _FINITE_AUX for c in tok.children if lex.has_dep(c, "aux"))
    return finite and not any(t.tag_ in _FINITE_AUX for t in tok.doc[start:tok.left_edge.i])


def _is_coordinator(tok: Token) -> bool:
    return tok.dep_ in ("cc", "preconj") and tok.pos_ == "CCONJ"


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop edge punctuation, spaces and a leading complementizer."""
    while start < end and (doc[start].is_punct and doc[start].text not in "“\"‘«'" or doc[start].is_space):
        start += 1
    # "the border and how many can slip through": the parse hung the second
    # conjunct on the cue, but the coordinator inside the content shows it
    # belongs there.
    if start < end < len(doc) and _is_coordinator(doc[end - 1]) and start <= doc[end - 1].head.i < end:
        conj = next((t for t in doc[end:doc[end - 1].sent.end] if t.dep_ == "conj" and t.left_edge.i == end), None)
        if conj is not None:
            end = conj.right_edge.i + 1
    # A coordinator left at the end by a cut joins nothing.
    while start < end and (doc[end - 1].is_punct and doc[end - 1].text not in "”\"’»'" or doc[end - 1].is_space
                           or _is_coordinator(doc[end - 1])):
        end -= 1
    if start < end - 1 and doc[start].lower_ in ("that", "whether", "if", "for") and doc[start].dep_ in ("mark", "complm"):
        start += 1
    return start, end


def after_colon(doc: Doc, start: int, end: int) -> int:
    """"Trump asserted that France had changed: “France is no longer France,”
    he claimed": what stands before a colon is another statement (or the
    writer's), and the cue at the end reports only what follows it."""
    for k in range(end - 1, start, -1):
        # A colon inside a quotation ("“Crippled America: How to ...”") is a title's.
        if doc[k].text == ":" and end - k > 2 and sum(t.tag_ in ("``", "''") for t in doc[start:k]) % 2 == 0:
            return k + 1
    return start


def past_concession(doc: Doc, start: int, end: int, lex: Lexicon) -> int:
    """"Though polls show a tie, the race is hers to lose, he said": a
    concession opening a statement closed by its attribution is the
    writer's framing. Where the statement after it starts, else ``start``."""
    if doc[start].lower_ not in lex.concessive_marks:
        return start
    opener = doc[start].head if doc[start].dep_ == "mark" else doc[start]
    stop = opener.right_edge.i + 1
    if opener.left_edge.i != start or stop >= end - 3 or doc[stop].text != ",":
        return start
    return stop + 1


def past_connective(doc: Doc, start: int, end: int, cue: list[Token], lex: Lexicon) -> int:
    """"Still, almost two in three voters view Trump favorably": a
    connective set off at the start of a statement ties it to the writer's
    sentence before and is not part of what was said. Where the statement
    starts after it (and after an attribution set off right after it:
    "Still, he said, officials have to decide ..."), else ``start``."""
    for width in (2, 1):
        comma = start + width
        if comma < end - 2 and doc[comma].text == "," and " ".join(
                t.lower_ for t in doc[start:comma]) in lex.connective_openers:
            after = comma + 1
            closing = next((t.i for t in doc[after:end] if t.text == ","), None)
            if closing is not None and any(after <= t.i < closing for t in cue):
                after = closing + 1
            return after
    return start


def set_off(doc: Doc, i: int, start: int, marks: str = ",;—–") -> Optional[int]:
    """The separator (one of ``marks``) just before token ``i``, past
    closing quotation marks ("that is a “distortion,” describing ..."),
    if it lies after ``start``; else None."""
    k = i - 1
    while k > start and is_quote_mark(doc[k]) and doc[k].tag_ != "``":
        k -= 1
    return k if k > start and doc[k].text in marks else None


def _cut_trailing_participle(doc: Doc, root: Token, start: int, end: int) -> int:
    """"the toll stood at eight, revising earlier reports": the participle
    clause describes the reporting, not what was reported."""
    for child in root.rights:
        if child.dep_ == "advcl" and child.tag_ == "VBG" and child.i > start:
            left = child.left_edge.i
            if set_off(doc, left, start - 1) is not None:
                # The end keeps a quotation the separator closes: “... distortion,”
                return min(end, left if is_quote_mark(doc[left - 1]) else left - 1)
    return end


# Dependents of the cue after its content that still belong to what was
# said: "confirmed that efforts are ongoing, with several still trapped";
# "describe as the worst attack so far this year". Prepositional frames
# ("in a statement", "on Monday") and participle clauses are the reporting
# sentence's own and stay out.
_CONTENT_TAIL_DEPS = {"npadvmod", "advmod"}
CONTENT_TAIL_PREPS = {"with", "including", "despite"}
# Prepositions of a phrase naming the channel of a statement.
_CHANNEL_PREPS = {"in", "on", "at", "during", "via"}
_OBJECT_TAIL_PREPS = {"for", "to", "of", "over", "about", "against", "as", "into"}


def _extend_tail(cue: Token, end: int) -> int:
    for child in cue.rights:
        if child.i < end:
            continue
        if child.is_punct and child.text == ",":
            continue
        if child.dep_ in _CONTENT_TAIL_DEPS or (child.dep_ == "prep" and child.lower_ in CONTENT_TAIL_PREPS):
            end = child.right_edge.i + 1
            continue
        break
    return end


def _subtree_range(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def clause_content(cue: Token, lex: Lexicon) -> Optional[tuple[int, int]]:
    """The reported clause of a speech verb, as a token range."""
    doc = cue.doc
    clauses = [c for c in cue.children if lex.has_dep(c, "complement_clause") or (
        c.dep_ == "xcomp" and any(lex.has_dep(g, "mark") for g in c.children))]
    if len(clauses) > 1:
        # "X asserted that A: “B,” she said": the parse hung both on the
        # last cue; the one that is a report of its own is not its content.
        # A passive one ("told the Herald that the office had been warned")
        # is no report: its subject was told.
        clauses = [c for c in clauses if not (_own_report(c, lex) and any(lex.has_dep(g, "active_subject") for g in c.children))] or clauses
        # "Carson seems to see the problem — he told the AP that his task
        # is ...", "Jeffrey Salkin, a rabbi, said he was alarmed": with a
        # clause on each side, the parse took the one before for a second
        # complement; the one after the cue is what it reports.
        # Not one past another verb: the parse misread a later participle
        # ("..., the company said, becoming ... as prices squeeze returns").
        clauses = [c for c in clauses if c.i > cue.i and not any(
            t.pos_ in ("VERB", "AUX") for t in doc[cue.i + 1:c.left_edge.i])] or clauses
    if clauses and clauses[0].i < cue.i and _says_its_own(cue, clauses[0], lex):
        clauses = []
    if clauses:
        child = clauses[0]
        start, end = _subtree_range(child)
        start = _lost_subject(cue, child, start, lex)
        if child.i > cue.i:
            start = _fronted_clause(cue, child, start, lex)
        end = _cut_trailing_participle(doc, child, start, end)
        end = _cut_nested(doc, child, start, end, lex, closing=child.i < cue.i)
        if child.i > cue.i:
            end = _extend_tail(cue, end)
        else:
            # "Rhimes declared the need for strong will: “Change the world,”
            # she said": a cue after the clause reports what follows a colon.
            start = past_concession(doc, after_colon(doc, start, end), end, lex)
            end = max(end, _goes_on_after(cue, lex))
        return trim(doc, start, end)
    left = next((c for c in cue.lefts if lex.has_dep(c, "active_subject")), None)
    if left is not None and _statement_as_subject(cue, left, lex) and left.left_edge.i == cue.sent.start:
        return trim(doc, left.left_edge.i, left.right_edge.i + 1)
    # "The economy is growing, the minister said": the cue hangs off the
    # clause it reports.
    head = cue.head
    if lex.has_dep(head, "aux") and head.head != head:
        head = head.head  # "Even then, he said, he’s learned ...": hung on the auxiliary
    if head != cue and (cue.dep_ == "parataxis" or _comma_conjunct(cue, lex)) and head.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
        if head.i < cue.i:
            start = head.left_edge.i
            # The speaker may stand before the cue ("..., the minister said").
            end = cue.left_edge.i
            # The comma before the speaker may hang on the cue: "Things
            # have changed over the years, she says, especially ...".
            comma = end - 1 if end > start and doc[end - 1].is_punct else (end if doc[end].text == "," else None)
            if comma is not None and comma > start:
                # ... and the statement may go on after the parenthesis.
                after = cue.right_edge.i + 1
                closed = doc[after - 1].text == "," or (after < len(doc) and doc[after].text == ",")
                if closed and head.right_edge.i >= after:
                    tail = _cut_trailing_participle(doc, head, after, head.right_edge.i + 1)
                    if tail - after >= 3:
                        return trim(doc, after_colon(doc, start, comma), tail)
                return trim(doc, after_colon(doc, start, comma), comma)
        else:
            # "In the long run, many economists say, this effect could ...":
            # the attribution is a parenthesis inside what it reports; the
            # clause after it carries the statement.
            start = cue.right_edge.i + 1
            end = _cut_trailing_participle(doc, head, start, head.right_edge.i + 1)
            # The parenthesis is set off by a comma, whichever side the
            # parse hangs it on.
            if end - start >= 3 and (doc[start].is_punct or doc[start - 1].is_punct):
                # "This campaign, he says, is different": the statement's own
                # subject stands before the parenthesis.
                # Not when a quotation follows: that is a direct quote
                # introduced by the words before the parenthesis.
                k = cue.i + 1
                while k < end and (doc[k].is_punct or doc[k].i <= cue.right_edge.i) and doc[k].text not in "“\"‘«'":
                    k += 1
                quoted = doc[k].text in "“\"‘«'"
                if head.left_edge.i < cue.left_edge.i and not quoted:
                    start = head.left_edge.i
                # "Voters, Clinton suggested, don't have to worry": the parse
                # gave the statement's subject to the cue as a second one.
                subjects = sorted((c for c in cue.lefts if lex.has_dep(c, "active_subject")), key=lambda c: c.i)
                if len(subjects) > 1 and doc[subjects[0].right_edge.i + 1].is_punct and not quoted:
                    start = subjects[0].left_edge.i
                return trim(doc, start, end)
    return _as_frame_content(cue, lex)


def _says_its_own(cue: Token, clause: Token, lex: Lexicon) -> bool:
    """"A company he owns has charged the campaign $3.7 million", "It often
    posts massive caches online": a verb with an argument of its own after
    it, or set off by a colon or a semicolon, tells what it did next to the
    clause before, not that it reported it (the parse made that clause its
    complement). An addressee is no such argument ("..., she told CNN")."""
    doc = cue.doc
    opening = next((t for t in doc[max(clause.left_edge.i - 1, 0):clause.left_edge.i + 1] if is_quote_mark(t)), None)
    if opening is not None and any(is_quote_mark(doc[k]) for k in range(clause.right_edge.i - 1, cue.i)):
        return False  # "“...,” Clinton said answering a question": the quotation is what the verb reports
    if any(doc[k].text in (":", ";") for k in range(clause.right_edge.i + 1, cue.i)):
        return True
    lemma = cue.lemma_.lower()
    for child in cue.rights:
        if any(t.text == "," for t in doc[cue.i + 1:child.left_edge.i + 1]):
            break  # "..., Sanders said, a policy that ...": an aside on the whole
        if child.dep_ in ("xcomp", "ccomp", "oprd", "acomp"):
            return True
        if lex.has_dep(child, "object") and not _is_time(child) and not (
                lemma in lex.addressee_verbs or (child.pos_ == "PROPN" and can_speak(child, lex))):
            return True  # "..., Kennedy wrote Linick": whom it was written to
        if lex.has_dep(child, "preposition"):
            # An argument comes before the frame ("said during his speech
            # to be a delegate": the infinitive is the speech's).
            return (lemma, child.lower_) in lex.prep_cues
    return False


# Prepositions of the time, place or channel of a closing cue ("she said
# on Saturday in an interview"); any other ("spoke about", "called for")
# carries a statement of its own.
_FRAME_PREPS = {"on", "in", "at", "during", "after", "before"}


def _paragraph_after_colon(cue: Token) -> Optional[tuple[int, int]]:
    """"Hewitt writes:" ending its paragraph: the next paragraph is the
    statement, a block quotation set off without quotation marks. One in
    quotation marks is the quotation's own; an embedded post ("<tweet ...>")
    is markup, not text."""
    doc = cue.doc
    colon = cue.i + 1
    if colon + 2 >= len(doc) or doc[colon].text != ":" or not (doc[colon + 1].is_space and "\n" in doc[colon + 1].text):
        return None
    start = colon + 2
    if is_quote_mark(doc[start]) or doc[start].text.startswith("<"):
        return None
    end = next((t.i for t in doc[start:] if t.is_space and t.text.count("\n") >= 2), len(doc))
    return trim(doc, start, end)


def _closing_attribution(cue: Token, lex: Lexicon) -> Optional[tuple[int, int]]:
    """"The Internet has made it possible for people with like-minded, if
    bogus, ideas to reach others, she said": a cue and its subject set off
    by a comma at the end of the sentence report the clause before them,
    however the parse hung it (on the cue, or the cue on it)."""
    doc = cue.doc
    # The nearest subject speaks: the parse may give the cue the
    # statement's own as well.
    subj = max((c for c in cue.lefts if lex.has_dep(c, "active_subject")), key=lambda c: c.i, default=None)
    if subj is None or cue.sent.start >= subj.left_edge.i - 1 or subj.lower_ in WH_WORDS:
        return None
    # Not a cue inside a relative clause or coordinated after another verb:
    # its own statement, if any, is elsewhere.
    if cue.dep_ not in ("ROOT", "advcl", "ccomp") or cue.tag_ not in FINITE_TAGS:
        return None
    comma = subj.left_edge.i - 1
    if doc[comma].text != "," or any(t.dep_ not in ("advmod", "aux") for t in doc[subj.right_edge.i + 1:cue.i]):
        return None
    # Nothing but the cue's frame ("on Saturday", "in an interview") after it.
    if any(not (c.is_punct or c.dep_ in ("advmod", "npadvmod") or (c.dep_ == "prep" and c.lower_ in _FRAME_PREPS)) for c in cue.rights):
        return None
    if any(not (t.is_punct or t.is_space) for t in doc[cue.right_edge.i + 1:cue.sent.end]):
        return None
    start = after_colon(doc, cue.sent.start, comma)
    if any(t.is_space and "\n" in t.text for t in doc[start:comma]):
        return None
    span = doc[start:comma]
    # A clause of its own, not a description of the speaker ("An
    # ultraconservative who is often at odds with ..., Black marveled")
    # nor a report of its own ("“...,” said Robin Maynard, half joking").
    if not any(t.tag_ in FINITE_TAGS for t in span) or not any(
            t.pos_ in ("VERB", "AUX") and not lex.has_dep(t, "relative_clause") and any(lex.has_dep(c, "subject") for c in t.children)
            for t in span) or any(_own_report(t, lex) for t in span):
        return None
    # Nor a clause opened by a conjunction, a subordinator, a preposition or
    # a verb ("But while ...", "After suggesting ...", "Asked whether ..."),
    # unless a main clause follows it ("As Trump prepared to speak, a girl
    # was pepper-sprayed, police said").
    if (span[0].pos_ in ("CCONJ", "SCONJ", "ADP", "VERB", "AUX") or span[0].dep_ == "mark") and not _main_clause_after(span, lex):
        return None
    return trim(doc, start, comma)


def _main_clause_after(span: Span, lex: Lexicon) -> bool:
    """A comma in ``span`` after which a clause with its own subject runs to
    the end: the opener before it is that clause's frame."""
    for comma in (t for t in span[1:-2] if t.text == ","):
        rest = span.doc[comma.i + 1:span.end]
        if rest[0].pos_ in ("CCONJ", "SCONJ", "ADP", "VERB", "AUX") or rest[0].dep_ == "mark" or rest[0].tag_ in ("WP", "WDT", "WRB"):
            continue
        if any(t.tag_ in FINITE_TAGS | {"VBN"} and rest.start <= t.left_edge.i and t.right_edge.i < rest.end
               and any(lex.has_dep(c, "subject") and c.i < t.i for c in t.children) for t in rest):
            return True
    return False


def _goes_on_after(cue: Token, lex: Lexicon) -> int:
    """"He’s leaning toward Kasich, he said, because he prizes
    electability": an attribution set off inside a statement, which goes on
    after it in a clause the parse hung on the cue. Where it ends, else 0."""
    doc = cue.doc
    for child in cue.rights:
        if child.is_punct or child.dep_ in ("prep", "npadvmod", "advmod", "dative", "dobj", "prt", "agent"):
            continue
        left = child.left_edge.i
        if doc[left - 1].text != "," or is_speech_verb(child, lex) or not (
                (child.dep_ == "advcl" and _mark_of(child, lex) in lex.reason_marks)
                or (child.dep_ == "xcomp" and doc[left].tag_ == "TO")):
            return 0
        return child.right_edge.i + 1
    return 0


def _fronted_clause(cue: Token, clause: Token, start: int, lex: Lexicon) -> int:
    """"says no matter what action Obama takes on gun control, “his word
    does not trump the Second Amendment”": a clause set off before the
    reported one belongs to it, though the parse hung it on the cue; not
    one that says when ("said as he introduced his wife, “...”")."""
    doc = cue.doc
    for child in cue.rights:
        if cue.i < child.i < start and child.left_edge.i == cue.i + 1 and child.dep_ in ("advcl", "advmod") and (
                not _opens_adverbial(doc[cue.i + 1], lex)) and (
                any(t.pos_ in ("VERB", "AUX") for t in child.subtree)) and all(
                t.is_punct for t in doc[child.right_edge.i + 1:start]) and doc[child.right_edge.i + 1].text == ",":
            return child.left_edge.i
    return start


def _lost_subject(cue: Token, clause: Token, start: int, lex: Lexicon) -> int:
    """"argued the Keystone XL pipeline, which is widely supported by
    Republicans, “wouldn't go 10 feet”": a clause with no subject of its own
    right after an object of a cue that takes no addressee; the parse made
    the clause's subject that object."""
    if cue.lemma_.lower() in lex.addressee_verbs or any(lex.has_dep(c, "subject") for c in clause.children):
        return start
    obj = next((c for c in cue.rights if lex.has_dep(c, "object") and c.i < clause.i), None)
    # Not across a colon or dash, nor onto an imperative ("declared the
    # need for courage: “Fix the roads”").
    if obj is None or obj.pos_ not in ("NOUN", "PROPN") or not all(
            t.is_punct and t.text not in ":;—–-" for t in cue.doc[obj.right_edge.i + 1:start]) or (
            clause.tag_ == "VB" and not any(lex.has_dep(c, "aux") for c in clause.children)):
        return start
    return obj.left_edge.i


def _statement_as_subject(cue: Token, subj: Token, lex: Lexicon) -> bool:
    """"The rejection of the treaty signals “the beginning of the end” for
    the EU, said Geert Wilders": the parse took the statement before the
    comma for a subject of the cue, which has its speaker after it."""
    doc = cue.doc
    return (subj.right_edge.i == cue.i - 2 and doc[cue.i - 1].text == ","
            and any(lex.has_dep(c, "active_subject") and c.left_edge.i == cue.i + 1 for c in cue.rights))


def _comma_conjunct(cue: Token, lex: Lexicon) -> bool:
    """"This includes a force to assist the Peshmerga, Defense Secretary
    Ash Carter told a Senate panel": the parse coordinated the cue with the
    clause it reports, with a comma and no coordinator between."""
    doc = cue.doc
    if cue.dep_ != "conj" or cue.head.i > cue.i or cue.left_edge.i == 0:
        return False
    if doc[cue.left_edge.i - 1].text != "," or not all(t.is_punct or t.is_space for t in doc[cue.right_edge.i + 1:cue.sent.end]):
        return False  # the cue's clause closes the sentence
    if cue.left_edge.i == cue.i and any(lex.has_dep(c, "active_subject") for c in cue.rights):
        # "... is hanging on, but it is under pressure, said the company's
        # chief executive": an inverted attribution closing the sentence;
        # the coordinator belongs to what was said.
        return True
    if not any(lex.has_dep(c, "active_subject") and c.left_edge.i == cue.left_edge.i for c in cue.lefts):
        return False  # the speaker opens the cue's own clause
    return not any(c.dep_ == "cc" and c.i < cue.i for c in cue.head.children)


def _as_frame_content(cue: Token, lex: Lexicon) -> Optional[tuple[int, int]]:
    """"As the Post reported, the department issued subpoenas": a cue in an
    "as" clause with nothing of its own to report frames the clause it
    modifies, which is the statement."""
    doc = cue.doc
    head = cue.head
    # "started reserving ad time, as first reported by the Times": the
    # parse may hang the frame on a verb's complement; it frames the clause.
    while head.dep_ == "xcomp" and head.head != head:
        head = head.head
    # A head inside a relative clause is a parse that lost the main clause.
    # A noun root is a parse that lost the verb ("as POLITICO has reported,
    # cases that have led to charges included ...").
    if not lex.has_dep(cue, "clausal_modifier") or head == cue or lex.has_dep(head, "relative_clause") or (
            head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT"):
        return None
    if not _has_mark(cue, "as", lex):
        return None
    # "As the Post reported", "As first reported by the Post".
    if not any(lex.has_dep(c, "subject") or lex.has_dep(c, "agent") for c in cue.children) or any(
            lex.has_dep(c, "object") or lex.has_dep(c, "clause") for c in cue.children):
        return None
    if cue.lemma_.lower() not in lex.as_frame_verbs:
        return None
    left, right = cue.left_edge.i, cue.right_edge.i
    if left < head.i:
        start, end = right + 1, head.right_edge.i + 1
    else:
        start, end = head.left_edge.i, left
    start, end = trim(doc, start, end)
    # Within one paragraph: the break that ends the sentence's own
    # paragraph is no part of it.
    if any(doc[k].is_space and "\n" in doc[k].text for k in range(start, end)):
        return None
    if end - start < 3 or not any(t.pos_ in ("VERB", "AUX") for t in doc[start:end]):
        return None
    return start, end


def following_clause(cue: Token, lex: Lexicon) -> Optional[tuple[int, int]]:
    """"said earlier on Friday during a news conference that he may wait":
    when the parse does not hang the clause on the cue, take the clause that
    follows the cue's own frame (time, place, channel, addressee) up to the
    end of the sentence."""
    doc = cue.doc
    sent_end = cue.sent.end
    frame = set()
    for child in cue.rights:
        if child.dep_ in ("advmod", "npadvmod", "prep", "dative", "iobj", "obl", "punct", "prt") or (
            cue.lemma_.lower() in lex.addressee_verbs and lex.has_dep(child, "object")
        ):
            frame.update(range(child.left_edge.i, child.right_edge.i + 1))
    i = cue.i + 1
    while i < sent_end and (i in frame or doc[i].is_space):
        if doc[i].lower_ == "that" and i > cue.i + 1 and not _relative_pronoun(doc[i], lex) and (doc[i].dep_ in ("mark", "nsubj", "det") or (
                # "predicted at the debate that Republicans will take
                # “every state”": a verb with an object of its own shows
                # "that" is no object but the clause's complementizer.
                lex.has_dep(doc[i], "object") and any(lex.has_dep(c, "object") and c.i != i for c in doc[i].head.children))
                or _complementizer_on_frame(doc[i], lex)):
            break
        i += 1
    if i >= sent_end:
        return None
    if doc[i].lower_ == "that":
        i += 1
    elif doc[i].pos_ in ("ADP", "PUNCT", "CCONJ", "PART") or doc[i].tag_ == "TO":
        return None
    elif _opens_adverbial(doc[i], lex):
        return None  # "spoke to reporters just after the race was called"
    elif doc[i].tag_ == "VBG" and not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in doc[i:sent_end]):
        return None  # "said laughing": no clause follows
    elif doc[i].tag_ == "VBG" and doc[i].dep_ == "advcl" and doc[i].head.i == cue.i:
        return None  # "said Skelly, explaining he ...": the participle reports for itself
    end = sent_end
    # "tweeted a photo and said she had been hurt": stop at the next report.
    for child in cue.rights:
        # "spoke for 30 minutes, took questions and posed for photos": a
        # verb coordinated with the cue right after its frame is what the
        # speaker did next, not what was said (the span comes out empty);
        # right after the cue, it is a parse of "This, CNN claimed, violates".
        if child.dep_ == "conj" and (child.i > i or (child.left_edge.i == i and any(
                not t.is_punct for t in doc[cue.i + 1:i]))):
            end = min(end, child.left_edge.i)
            while end > i and (doc[end - 1].dep_ == "cc" or doc[end - 1].is_punct):
                end -= 1
    span = doc[i:end]
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX") and t.tag_ != "VBG"]
    if len(span) < 3 or not verbs:
        return None
    # Only a clause the parse still places under the cue: "after Obama
    # declared a new beginning, rebels removed Mubarak" reports no rebels.
    if cue.dep_ != "ROOT" and not any(cue in v.ancestors for v in verbs):
        return None
    if any(lex.has_dep(c, "object") and c.left_edge.i == i for c in cue.children):
        return None
    return trim(doc, i, end)


def _complementizer_on_frame(tok: Token, lex: Lexicon) -> bool:
    """"alleged in the suit that Trump earned $5 million", "said for the
    first time that some emails have been located": the parse made the
    statement a relative clause on the noun of the cue's frame, with
    "that" in a role no relative pronoun fills beside the clause's own
    subject; it is the statement's complementizer."""
    if tok.dep_ not in ("advmod", "pobj"):
        return False
    verb = next((a for a in tok.ancestors if lex.has_dep(a, "relative_clause")), None)
    return verb is not None and verb.left_edge.i == tok.i and any(
        lex.has_dep(c, "subject") and c.i > tok.i for c in verb.children)


def _relative_pronoun(tok: Token, lex: Lexicon) -> bool:
    """The "that" of "spoke to a party that had just adopted ...": the
    subject of a relative clause on a noun of the cue's frame, not the
    complementizer of a statement."""
    return lex.has_dep(tok, "subject") and lex.has_dep(tok.head, "relative_clause")


def _opens_adverbial(tok: Token, lex: Lexicon) -> bool:
    """"before Sanders addressed a rally", "just after the race was
    called", "because they were not authorized": a clause opened by a
    subordinator other than "if", "whether" or the "for" of "for them to
    act" says when or why, not what."""
    if tok.pos_ == "ADV" and tok.i + 1 < len(tok.doc):
        tok = tok.doc[tok.i + 1]
    return tok.pos_ == "SCONJ" and tok.lower_ not in ("that", "if", "whether", "for")


def _phrase_end(as_tok: Token) -> int:
    """End of an "as" phrase: its own subtree (spaCy) or its head noun's (UD)."""
    if as_tok.dep_ in ("case", "mark"):
        return as_tok.head.right_edge.i + 1
    return as_tok.right_edge.i + 1


def prep_content(cue: Token, lex: Lexicon) -> Optional[tuple[int, int]]:
    """"talked about the economy", "called for a ceasefire"."""
    lemma = cue.lemma_.lower()
    for child in cue.rights:
        if (lemma, child.lower_) in lex.prep_cues:
            obj = next((c for c in child.children if lex.has_dep(c, "prep_object") or c.dep_ in ("pcomp",)), None)
            if obj is not None and not _is_time(obj):
                start, end = _subtree_range(obj)
                end = _cut_nested(cue.doc, obj, start, end, lex)
                return trim(cue.doc, start, end)
    # "speaks at length about his view", "talked to reporters about the
    # race": the parse hung "about" on the noun of the frame before it.
    # Not another preposition ("spoke on condition of anonymity"), nor past
    # an object ("tweeting a link to a story about ...").
    for frame in cue.rights if not any(lex.has_dep(c, "object") for c in cue.children) else ():
        if not lex.has_dep(frame, "preposition"):
            continue
        noun = next((c for c in frame.children if lex.has_dep(c, "prep_object")), None)
        prep = next((c for c in noun.rights if c.lower_ == "about" and (lemma, c.lower_) in lex.prep_cues and lex.has_dep(c, "preposition")),
                    None) if noun is not None else None
        obj = next((c for c in prep.children if lex.has_dep(c, "prep_object") or c.dep_ == "pcomp"), None) if prep is not None else None
        if obj is not None and not _is_time(obj):
            start, end = _subtree_range(obj)
            return trim(cue.doc, start, _cut_nested(cue.doc, obj, start, end, lex))
    # UD: the preposition is a case marker under its noun (obl).
    for child in cue.rights:
        if any(g.dep_ == "case" and (lemma, g.lower_) in lex.prep_cues for g in child.children):
            start, end = _subtree_range(child)
            return trim(cue.doc, start + 1, end)
    return None


def object_content(cue: Token, lex: Lexicon) -> Optional[tuple[int, int]]:
    """The object of verbs like "deny", "confirm", "criticise", "describe ... as"."""
    if cue.lemma_.lower() not in lex.object_cue_verbs:
        return None
    return object_range(cue, lex)


def passive_content(cue: Token, lex: Lexicon) -> Optional[tuple[int, int]]:
    """"The meeting was first reported by Politico", "the plan was
    rejected by 64 percent of voters": a passive verb that reports its
    object, with the reporter as its agent, reports its subject."""
    lemma = cue.lemma_.lower()
    if lemma not in lex.object_cue_verbs and lemma != "report":
        return None
    if lemma in lex.naming_verbs and not any(c.dep_ in ("oprd", "attr", "xcomp") or c.lower_ == "as" for c in cue.rights):
        return None  # "the strike was called by the union": no name given, nothing said
    agent = next((c for c in cue.rights if lex.has_dep(c, "agent")), None)
    subj = next((c for c in cue.lefts if lex.has_dep(c, "passive_subject")), None)
    if subj is None or subj.lower_ in RELATIVE_PRONOUNS or subj.lower_ == "it":
        return None
    # "Symbolic gestures were announced": with no reporter named, only a
    # subject that cannot speak is what was said. Denied ones ("no deal was
    # announced") are left out, as negated cues are, and so are clauses
    # that only say when ("just after the count was announced").
    if agent is None and (can_speak(subj, lex) or any(lex.has_dep(c, "negation") or lex.has_dep(c, "mark") for c in cue.children)
                          or any(c.lower_ == "no" for c in subj.children)):
        return None
    return trim(cue.doc, *_subtree_range(subj))


def object_range(cue: Token, lex: Lexicon) -> Optional[tuple[int, int]]:
    """The object of a verb with what completes it, whatever the verb
    (``object_statements`` decides for verbs not listed as reporting it)."""
    doc = cue.doc
    obj = next((c for c in cue.rights if lex.has_dep(c, "object")), None)
    complements = [c for c in cue.rights if c.dep_ in ("oprd", "xcomp", "acomp", "ccomp")]
    as_phrase = next((c for c in cue.rights if c.lower_ == "as" and lex.has_dep(c, "preposition")), None)
    if as_phrase is None:
        # UD hangs "as" under the noun it introduces: obl(described, crime),
        # case(crime, as). Treat the noun's subtree as the phrase.
        as_noun = next((c for c in cue.rights if any(g.lower_ == "as" and g.dep_ in ("case", "mark") for g in c.children)), None)
        if as_noun is not None:
            as_phrase = as_noun.left_edge
    if obj is None:
        # "in what officials describe as ...": the object is a fronted
        # relative pronoun; the content is the "as" phrase.
        if as_phrase is not None:
            return trim(doc, as_phrase.i + 1, _extend_tail(cue, _phrase_end(as_phrase)))
        return None
    if _is_time(obj):
        return None
    if obj.lower_ in WH_WORDS and as_phrase is not None:
        return trim(doc, as_phrase.i + 1, _extend_tail(cue, _phrase_end(as_phrase)))
    if obj.pos_ == "PRON" and not complements and as_phrase is None and not any(
            lex.has_dep(c, "preposition") and c.lower_ in _OBJECT_TAIL_PREPS and c.i > obj.i for c in cue.rights):
        return None  # "denied it"; but "accused him of sexism" says what of him
    start, end = _subtree_range(obj)
    end = _cut_nested(doc, obj, start, end, lex)
    for extra in complements:
        end = max(end, extra.right_edge.i + 1)
    if as_phrase is not None:
        end = max(end, _phrase_end(as_phrase))
    # "criticised Trump University for receiving a D rating", "urged the
    # secretary to release the transcripts": what follows the object and
    # completes it belongs to the statement; time and place frames do not.
    for child in cue.rights:
        if child.i < end:
            continue
        # "questioned the chief's judgment in closing the station": "in"
        # with a gerund says what about the object is meant ("before
        # explaining" is a time).
        if child.dep_ == "xcomp" or (lex.has_dep(child, "preposition") and (child.lower_ in _OBJECT_TAIL_PREPS or (
                child.lower_ == "in" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in child.children)))):
            end = child.right_edge.i + 1
        elif not (child.is_punct and child.text == ","):
            break
    end = _extend_tail(cue, end)
    end = _cut_trailing_participle(doc, cue, start, end)
    end = _cut_nested(doc, obj, start, end, lex)
    # "described the plan as “reckless” in a video posted on YouTube":
    # where it was said, wherever the parse hung it, is not what was said.
    end = next((t.i for t in doc[start + 1:end] if is_channel(t, lex) and t.right_edge.i + 1 >= end), end)
    return trim(doc, start, end)


def is_channel(tok: Token, lex: Lexicon) -> bool:
    """"on its Facebook page", "in a short video posted on his YouTube
    channel": a phrase naming where a statement was made (a platform of
    ``models/platforms.tsv``): one channel, named or with its determiner,
    not a kind of talk ("tougher on offensive speech")."""
    if tok.dep_ != "prep" or tok.lower_ not in _CHANNEL_PREPS:
        return False
    obj = next((c for c in tok.children if lex.has_dep(c, "prep_object")), None)
    return obj is not None and (obj.pos_ == "PROPN" or any(c.dep_ in ("det", "poss") for c in obj.children)) \
        and bool(lex.any_platform.search(tok.doc[tok.i:tok.right_edge.i + 1].text))


def subject_of(cue: Token, lex: Lexicon) -> Optional[Token]:
    """The speaker head of a speech verb, following coordination
    ("X said ... and added"), participles ("..., saying") and relative
    clauses ("the minister, who said ...")."""
    if _lost_main_verb(cue, lex):
        return cue.head
    if cue.pos_ == "NOUN":
        return _noun_tagged_verb(cue, lex)
    phrase = _phrase_subject(cue, lex)
    if phrase is not None:
        return phrase
    sibling = _participle_sibling(cue)
    if sibling is not None:
        return subject_of(sibling, lex)
    if _passive_participle(cue, lex):
        # "Asked whether ..., Johnson demurred", "Davis, who was asked
        # about ...": who is asked does not ask; only an agent speaks.
        return _agent_of(cue, lex)
    tok = cue
    climbed = ""
    # "able to sign up donors and score endorsements by citing": the
    # speaker may be several clauses up.
    for _ in range(8):
        # With two subjects ("Voters, Clinton suggested, don't ...",
        # "LONDON (Reuters) - Trump said") the one next to the verb speaks.
        subj = max((c for c in tok.children if lex.has_dep(c, "active_subject") or c.dep_ == "csubj"),
                   key=lambda c: (c.i < tok.i, c.i if c.i < tok.i else -c.i), default=None)
        if subj is None and not (climbed == "pcomp" and _passive_speaker(tok, lex)):
            # Not "was booed by supporters after telling ...": who is booed
            # tells; a gerund after a preposition goes with the subject.
            subj = _agent_of(tok, lex)
        if subj is None and _has_perfect_s(tok):
            # Not "as it's currently written": "it" is written.
            subj = next((c for c in tok.children if lex.has_dep(c, "passive_subject") and c.lower_ != "it" and can_speak(c, lex)), None)
        if subj is None and tok != cue and climbed in ("conj", "xcomp", "pcomp"):
            # "Trump was forced to retreat and said ...", "was prompted to
            # say", "was suspended after slamming ...": the passive subject
            # of the verb the cue hangs on speaks.
            subj = next((c for c in tok.children if lex.has_dep(c, "passive_subject") and c.lower_ != "it" and (
                climbed != "pcomp" or can_speak(c, lex))), None)
        if subj is not None and tok == cue and subj.i < cue.i and (_after_quotation(cue) or _statement_as_subject(cue, subj, lex)):
            # "“Every single amendment,” said Cruz": a subject to the left is
            # the quotation's own word; the name after the cue speaks. The
            # parse may give the verb both ("“The drop is attributable to
            # the emails, the foundation,” said a person close to them").
            after = next((c for c in cue.rights if lex.has_dep(c, "active_subject")), None)
            subj = after or _inverted_subject(cue, lex) or subj
        if subj is None and (tok == cue or climbed == "advcl"):
            # "..., said Skelly, explaining he worked ...": the participle's
            # speaker is the inverted subject of the verb it hangs on.
            subj = _inverted_subject(tok, lex)
        if subj is not None and tok != cue and subj.i > cue.i:
            # A quotation opened after the participle and still open at the
            # subject.
            marks = [t for t in cue.doc[cue.sent.start:subj.i] if t.text in _DOUBLE_MARKS]
            opening = marks[-1] if len(marks) % 2 == 1 and marks[-1].i > cue.i else None
            if opening is not None:
                # "Emphasizing the urgency, Trump said, “If we do not ...”":
                # the parse hung the participle on a verb of the quotation;
                # who reports the quotation is the participle's speaker.
                return _reporter_before(cue, opening, lex)
        if subj is not None and tok == cue and cue.dep_ == "parataxis":
            # "Clinton, a top aide said, “is very confident”": the parse took
            # the aside's speaker for an appositive of the statement's subject.
            subj = next((c for c in subj.children if lex.has_dep(c, "appositive") and c.right_edge.i == cue.i - 1
                         and cue.doc[c.left_edge.i - 1].text == ","), subj)
        if subj is not None and subj.is_punct and subj.ent_type_ != "PERCENT":
            subj = None  # but "49% say ...": a share of people speaks
        if subj is not None and tok != cue and subj.lower_ in ("it", "there") and lex.has_dep(tok, "complement_clause") and (
                is_speech_verb(tok.head, lex)):
            # "said it was too early but added ...": the parse put "added"
            # inside what was said; an empty "it" says nothing, who said does.
            climbed, tok = "ccomp", tok.head
            continue
        if subj is not None and tok != cue and subj.pos_ == "NOUN" and not can_speak(subj, lex):
            reporting = _reporting_verb_above(tok, lex)
            if reporting is not None:
                climbed, tok = "ccomp", reporting
                continue
            nearer = _speaker_between(tok, cue, lex) if cue.tag_ == "VBG" else None
            if nearer is not None:
                return nearer
        if subj is not None:
            if subj.lower_ in RELATIVE_PRONOUNS and tok.dep_ in lex.dependencies["relative_clause"]:
                maker = _maker_of(tok.head, lex) if subj.lower_ in THING_RELATIVES and tok == cue else None
                return maker or subj  # "Barkley, who said ...": the mention is "who", resolved later
            if subj.lower_ == "it" and any(lex.has_dep(c, "passive_subject") or c.dep_ == "auxpass" for c in tok.children):
                return None
            if tok != cue and subj.lower_ in ("it", "that", "this") and tok.lemma_.lower() in ("be", "mean"):
                # "It is important to note that ...", "it means admitting
                # that ...", "That's not the same as saying ...": the writer's
                # own remark; nobody else is reported. But "it wasn't a
                # one-off — Brendan Buck, a spokesman for Ryan, told ...": a
                # finite verb the parse coordinated with the remark has its
                # own subject just before it.
                return subject_to_the_left(cue, lex) if climbed == "conj" and tok.i == cue.head.i else None
            return _after_dateline(subj, cue) or subj
        reporting = (_conjunct_of_report(cue, lex) or _finite_conjunct_owner(cue, lex) or _verb_before_aside(cue, lex)) if tok == cue else None
        if reporting is not None:
            climbed, tok = "conj", reporting
            continue
        # Not "urging voters to see ... and promising to ...": only an
        # infinitive cue goes with the object.
        controller = _object_controller(tok, lex) if cue.tag_ == "VB" else None
        if controller is not None:
            return controller
        if (tok.dep_ in ("conj", "xcomp", "advcl", "acomp") or _loose_verb(tok)) and tok.head != tok:
            climbed = tok.dep_
            # "... a “distortion,” describing", "... the law — saying": the
            # separator may close a quotation, or be a dash.
            participle = tok.tag_ == "VBG" and tok.dep_ == "advcl" and set_off(tok.doc, tok.left_edge.i, -1, ",—–-") is not None
            tok = tok.head  # "said ... and added", "..., saying", "likely to say"
            if participle:
                tok = _outside_embedded(tok, cue, lex)
            continue
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN"):
            # "voters saying they want a ban": the noun speaks; "sent a
            # statement reassuring voters": the statement's sender does.
            noun = tok.head
            if noun.lemma_.lower() in lex.speech_nouns and lex.has_dep(noun, "object") and noun.head.lemma_.lower() in lex.issue_verbs:
                tok = noun.head
                continue
            if not can_speak(noun, lex) and lex.has_dep(noun, "object") and noun.head.pos_ in ("VERB", "AUX"):
                # "approved a resolution condemning ...", "holding signs
                # calling ...": a thing speaks for who made or holds it.
                climbed = "acl"
                tok = noun.head
                continue
            owner = _phrase_owner(noun, lex)
            if owner is not None and can_speak(owner, lex) and owner.pos_ in ("NOUN", "PROPN", "PRON"):
                return owner  # "five Hispanic-Americans with varying heritage speaking"
            if owner is not None:
                climbed, tok = "acl", owner
                continue
            sender = _sender_to(noun, lex)
            if sender is not None:
                climbed, tok = "acl", sender
                continue
            return noun
        if tok.dep_ == "pcomp" and tok.head.head.i != tok.head.i:
            climbed = tok.dep_
            tok = tok.head.head  # "by saying", "after saying ..., the man"
            while tok.dep_ in ("pobj", "prep") and tok.head.i != tok.i:
                tok = tok.head  # "In addition to stating ..., Clinton"
            continue
        purpose = _infinitive_of_thing(tok, lex)
        if purpose is not None and purpose.pos_ not in ("VERB", "AUX"):
            return purpose
        if purpose is not None:
            climbed, tok = "xcomp", purpose
            continue
        if tok.dep_ in lex.dependencies["relative_clause"]:
            # "Clinton, who was distracted while saying ...": the passive
            # clause's relative pronoun is the mention, resolved later.
            pronoun = next((c for c in tok.children if lex.has_dep(c, "passive_subject") and c.lower_ in ("who", "whom")), None)
            return pronoun or tok.head
        if tok != cue and (lex.has_dep(tok, "object") or tok.dep_ in ("attr", "prep", "advmod")) and tok.head.pos_ in ("VERB", "AUX"):
            # "makes no apologies for accusing ...", "has been the most
            # aggressive in denouncing ...", "went so far as to say": the
            # phrase the cue hangs in belongs to a verb whose subject speaks.
            climbed, tok = tok.dep_, tok.head
            continue
        # "Black Lives Matter issued a statement saying ...": the verb the
        # cue climbed to may have lost its subject as the cue did.
        return (subject_to_the_left(cue, lex) or (_named_left_of(tok, lex) if tok != cue else None)
                or _swallowed_subject(tok, lex) or _name_as_compound(cue) or _name_taken_for_modal(tok))
    return None


def _speaker_between(verb: Token, cue: Token, lex: Lexicon) -> Optional[Token]:
    """"The first incident came during a speech, when Sanders protesters
    interrupted her speech, shouting ...", "a Web ad in which children use
    a Trump action figure, yelling ...": the participle climbed to a verb
    whose subject is a thing; the subject that can speak of the last verb
    between that verb and the participle does."""
    for tok in reversed(cue.doc[verb.i + 1:cue.i]):
        if tok.pos_ in ("VERB", "AUX") and tok.i in {t.i for t in verb.subtree}:
            subj = next((c for c in tok.children if lex.has_dep(c, "active_subject")), None)
            if subj is not None:
                return subj if subj.pos_ in ("NOUN", "PROPN") and can_speak(subj, lex) else None
    return None


def _after_dateline(subj: Token, cue: Token) -> Optional[Token]:
    """"PHILADELPHIA ― Felicia Sanders and Polly Sheppard, ..., made a
    call for ...", "RANGOON, Burma - Aung San Suu Kyi's political allies
    on Monday predicted ...": the parse took the dateline for the subject;
    the noun phrase between its dash and the cue speaks. None when the
    subject is no dateline."""
    doc, start = cue.doc, cue.sent.start
    dash = next((t.i for t in doc[start:min(start + 6, cue.i)] if t.text in _DASHES | {"―"}), None)
    if dash is None or not (start <= subj.i < dash) or not doc[start].is_upper or len(doc[start]) < 3:
        return None
    span = range(dash + 1, cue.i)
    return next((doc[k] for k in span if doc[k].pos_ in ("NOUN", "PROPN") and (
        doc[k].head.i not in span or doc[k].head.i == doc[k].i)), None)


def _participle_sibling(cue: Token) -> Optional[Token]:
    """"Rubio pushed back, saying that the bill ... was waylaid by voter
    mistrust - and arguing that ...", "Cruz had praised Trump, stating
    there was a benefit to having ... and chiding ...": the parse
    coordinated the second participle with a verb inside what the first
    one reports; it goes with the first, the participle set off above it."""
    if cue.tag_ != "VBG" or cue.dep_ != "conj" or (cue.head.tag_ == "VBG" and cue.head.dep_ == "advcl"):
        return None
    return next((a for a in cue.ancestors if a.tag_ == "VBG" and a.dep_ == "advcl" and a.i < cue.i
                 and set_off(a.doc, a.left_edge.i, a.sent.start - 1, ",—–-") is not None), None)


def _phrase_subject(cue: Token, lex: Lexicon) -> Optional[Token]:
    """"The conversation ended with Maddow asking Clinton ...", "with
    Trump, Huckabee and Christie all calling for ...", "a natural opening
    for Clinton to highlight ...": the noun after "with" before a
    participle, or after "for" before an infinitive, is the participle's or
    the infinitive's subject, wherever the parse hung the verb."""
    doc = cue.doc
    k = cue.i - 1
    if cue.tag_ == "VB":
        if k < 0 or doc[k].lower_ != "to":
            return None
        k -= 1
        prep = "for"
    elif cue.tag_ == "VBG":
        prep = "with"
    else:
        return None
    while k > cue.sent.start and doc[k].lower_ in ("all", "both", "each"):
        k -= 1
    noun = doc[k]
    while noun.dep_ in ("compound", "flat", "conj") and noun.head.i < cue.i and noun.head != noun:
        noun = noun.head if noun.dep_ != "conj" else noun.head
    if not lex.has_dep(noun, "prep_object") or noun.head.lower_ != prep or noun.right_edge.i > k:
        return None
    if prep == "with" and (noun.head.head.pos_ not in ("VERB", "AUX") or (cue.dep_ == "acl" and cue.head != noun)):
        return None  # not "file reports with the Commission detailing ...": the reports detail
    return noun if noun.pos_ in ("NOUN", "PROPN", "PRON") and can_speak(noun, lex) else None


def _named_left_of(verb: Token, lex: Lexicon) -> Optional[Token]:
    """The name just before a verb the parse left without a subject; not
    "There" or a day."""
    subj = subject_to_the_left(verb, lex)
    return subj if subj is not None and subj.tag_ != "EX" and subj.ent_type_ not in ("DATE", "TIME") else None


def _name_as_compound(cue: Token) -> Optional[Token]:
    """"“Go back to Univision,” Trump barked": the parse took the name right
    before the verb for a word compounded with it."""
    return next((c for c in cue.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == cue.i - 1), None)


def _name_taken_for_modal(verb: Token) -> Optional[Token]:
    """"Instead, Will called for ...": the parse took a capitalised name
    inside the sentence for a modal, which a past form never follows."""
    return next((c for c in verb.lefts if c.i == verb.i - 1 and c.tag_ == "MD" and c.is_title and c.i > c.sent.start
                 and verb.tag_ in ("VBD", "VBN")), None)


def _reporter_before(cue: Token, opening: Token, lex: Lexicon) -> Optional[Token]:
    """The subject of the speech verb between a participle and the
    quotation it reports, if there is one."""
    for verb in cue.doc[cue.i + 1:opening.i]:
        if is_speech_verb(verb, lex):
            subj = next((c for c in verb.children if lex.has_dep(c, "active_subject") and c.i < opening.i), None)
            if subj is not None:
                return subj
    return None


def _passive_speaker(verb: Token, lex: Lexicon) -> bool:
    """A passive verb, or the first of coordinated ones ("was booed and
    shouted down by ..."), has a subject that can speak."""
    while verb.dep_ == "conj" and verb.head.i < verb.i and not any(lex.has_dep(c, "subject") for c in verb.children):
        verb = verb.head
    return any(lex.has_dep(c, "passive_subject") and c.lower_ != "it" and can_speak(c, lex) for c in verb.children)


def _phrase_owner(noun: Token, lex: Lexicon) -> Optional[Token]:
    """"spent much of his speech praising ...", "with a March speech
    denouncing ...": a thing in a prepositional phrase speaks for whom the
    phrase belongs to, a noun that can speak or the verb whose subject
    does. None for a noun that can speak itself, or a share ("with 50
    percent saying")."""
    if can_speak(noun, lex) or not lex.has_dep(noun, "prep_object") or noun.tag_ != "NN" or noun.ent_type_ in (
            "PERCENT", "CARDINAL", "QUANTITY") or noun.head.lower_ not in ("of", "with", "at"):
        # Not "in the Trump release announcing ...", "alongside an item
        # suggesting ...": a text met somewhere speaks for itself.
        return None
    head = noun.head.head
    if head.pos_ in ("VERB", "AUX"):
        # "features five Hispanic-Americans with varying heritage speaking":
        # the phrase may hang on the verb but describe its object.
        head = next((c for c in head.children if lex.has_dep(c, "object") and c.i < noun.head.i and c.right_edge.i + 1 == noun.head.i), head)
    if head.pos_ in ("NOUN", "PROPN", "PRON") and can_speak(head, lex):
        return head
    return next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)


def _reporting_verb_above(verb: Token, lex: Lexicon) -> Optional[Token]:
    """"She said her father has been ... and would be ..., saying that
    ...", "Trump said the SCOTUS' deadlock has “kept us safe” ... before
    claiming that ...": the parse hung the cue on the verb of what someone
    reports, whose subject is what was talked about; the speech verb that
    reports it, whose subject speaks, or None."""
    while verb.dep_ == "conj" and verb.head.i < verb.i:
        verb = verb.head
    if lex.has_dep(verb, "complement_clause") and is_speech_verb(verb.head, lex):
        return verb.head
    return None


def _infinitive_of_thing(verb: Token, lex: Lexicon) -> Optional[Token]:
    """"held an impromptu press briefing to brag that ...", "went out of
    his way to say ...": the parse hung an infinitive on a thing that cannot
    speak; it says what the thing's owner, or else the subject of the verb
    above the thing, did it for. Returns that owner or that verb."""
    if verb.tag_ != "VB" or verb.dep_ not in ("relcl", "acl", "acl:relcl") or not any(
            c.lower_ == "to" and c.i < verb.i for c in verb.children):
        return None
    noun = verb.head
    if noun.pos_ != "NOUN" or can_speak(noun, lex):
        return None
    # "Trump's initial failure to denounce ..."; but "outstripped his plans
    # to defeat ... by calling for": a possessive pronoun may be another's.
    owner = next((c for c in noun.children if c.dep_ in ("poss", "nmod:poss") and c.pos_ != "PRON" and can_speak(c, lex)), None)
    if owner is not None:
        return owner
    part = noun
    while part.head.i != part.i and part.head.pos_ not in ("VERB", "AUX"):
        part = part.head
    verb = part.head
    if verb.i == part.i or lex.has_dep(part, "subject") or any(
            lex.has_dep(c, "subject") and (c.lower_ in ("it", "there") or not can_speak(c, lex)) for c in verb.children):
        return None  # "her debate performance included an effort to ...", "It's no exaggeration to call ..."
    return verb


def _has_perfect_s(verb: Token) -> bool:
    """"He's said he gets his ideas ...": the parse took "'s" (has) for a
    passive "is", and the subject for a passive one."""
    aux = [c for c in verb.children if c.dep_ in PASSIVE_AUX]
    return verb.tag_ in ("VBN", "VBD") and bool(aux) and all(c.lower_ in ("'s", "’s") for c in aux)


def _object_controller(verb: Token, lex: Lexicon) -> Optional[Token]:
    """"The victory led Priebus to declare ...", "leaving some to question
    whether ...": an infinitive hung on a verb with an object of its own is
    said by that object, not by the verb's subject."""
    if verb.dep_ != "xcomp" or verb.tag_ != "VB" or verb.head.i >= verb.i or verb.head.lemma_.lower() not in lex.object_control_verbs:
        return None
    obj = next((c for c in verb.head.children if lex.has_dep(c, "object") and verb.head.i < c.i < verb.i), None)
    if obj is None or obj.lower_ in ("it", "this", "that") or obj.lemma_.lower() in lex.speech_nouns:
        return None
    return obj if can_speak(obj, lex) else None


def _sender_to(noun: Token, lex: Lexicon) -> Optional[Token]:
    """"sent a text message to supporters saying ...", "emailed supporters
    saying ...", "making a pitch to New York voters saying ...": the parse
    hung the message's participle on who receives it; the verb of sending,
    whose subject speaks, or None when the noun receives nothing."""
    head = noun.head
    if not can_speak(noun, lex) or noun.lemma_.lower() in lex.speech_nouns:
        return None  # "did not reply to numerous emails asking ..."
    verb = head.head
    # Not "led to the spectacle of Mr. Netanyahu denouncing ...": something
    # is sent or made to the noun.
    if lex.has_dep(noun, "prep_object") and head.lower_ == "to" and verb.pos_ in ("VERB", "AUX") and verb.i < head.i and any(
            lex.has_dep(c, "object") and c.i < head.i for c in verb.children):
        return verb
    if lex.has_dep(noun, "object") and head.lemma_.lower() in lex.contact_verbs | lex.addressee_verbs and head.i < noun.i:
        return head
    return None


def _outside_embedded(head: Token, cue: Token, lex: Lexicon) -> Token:
    """"said the state would appeal, arguing that ...", "Schultz dismissed
    accusations that the campaign is violating the law — saying ...", "he
    hedged on whether he would support her, telling MSNBC ...": the parse hung a
    participle that closes the sentence on the last verb of a clause
    embedded in the main one; who does the main verb speaks."""
    while head.right_edge.i == cue.right_edge.i:
        if lex.has_dep(head, "complement_clause") and (is_speech_verb(head.head, lex) or _finite(head) or not any(
                lex.has_dep(c, "subject") and can_speak(c, lex) for c in head.children)):
            # Not "remember Carter going on TV, declaring ...": a speaker
            # inside a gerund clause that reports nothing is the
            # participle's; but "She was adamant that she and the company
            # keep the upper hand, telling ...": a finite clause is what
            # the main subject holds, and that subject goes on speaking
            # (not "The concern is that ...": a thing holds nothing).
            up = head.head
            if up.dep_ == "acomp" and _finite(head):
                up = up.head  # "was certain that ..."
            if not is_speech_verb(up, lex) and _finite(head) and any(
                    lex.has_dep(c, "subject") and not can_speak(c, lex) for c in up.children):
                break
        elif head.dep_ == "acl" and lex.has_dep(head.head, "object"):
            up = head.head.head  # "accusations that ... is violating"
        elif head.dep_ == "pcomp" and head.head.head != head.head:
            up = head.head.head  # "on whether he would support her"
        elif head.dep_ == "xcomp":
            up = head.head  # "said Clinton will have to choose a side, saying"
        else:
            break
        if up.i == head.i or up.pos_ not in ("VERB", "AUX") or up.i > head.i:
            break
        head = up
    return head


def _finite(verb: Token) -> bool:
    """A verb with a tense of its own or a modal: "keep" in "that they
    keep", "campaign" in "she will not campaign"."""
    return verb.tag_ in FINITE_TAGS or any(c.tag_ in FINITE_TAGS for c in verb.children if c.dep_ in ("aux", "auxpass"))


def _conjunct_of_report(cue: Token, lex: Lexicon) -> Optional[Token]:
    """"Ginsburg said that she didn't want to think about it and predicted
    that ...", "some strategists fear that Clinton has missed a chance and
    warn that ...": the parse hung a second verb with no subject of its own
    on the last verb of the first one's complement; it is the first
    subject's second statement. Returns the verb whose subject speaks."""
    clause = cue.head
    if cue.dep_ != "conj" or clause.i == cue.i or any(lex.has_dep(c, "subject") for c in cue.children):
        return None
    # "Farage said the warning was indicative that the President did not
    # know ..., and accused ...": up through the nested complements to the
    # verb that reports them.
    while lex.has_dep(clause, "complement_clause") and clause.head.i < clause.i:
        clause = clause.head
        if is_speech_verb(clause, lex):
            break
    if clause.i == cue.head.i:
        return None
    return clause


def _verb_before_aside(cue: Token, lex: Lexicon) -> Optional[Token]:
    """"Clinton suggested that ... - “Again, we need ...,” she said - and
    charged that ...": the parse made the quotation set off by dashes the
    main clause, and coordinated the verb after the closing dash with its
    "said"; the verb goes on the sentence before the dashes, whose subject
    speaks. Returns that verb."""
    aside, doc = cue.head, cue.doc
    if cue.dep_ != "conj" or aside.i > cue.i or not any(t.text in _DASHES for t in doc[aside.i + 1:cue.i]):
        return None
    said_by = next((c for c in aside.children if lex.has_dep(c, "active_subject")), aside)
    if any(lex.has_dep(c, "subject") for c in cue.children) or not _after_quotation(said_by.left_edge):
        return None
    # The sentence before the opening dash: a clause of the aside's verb,
    # with a subject of its own, and a dash after it.
    return next((c for c in aside.children if lex.has_dep(c, "complement_clause") and c.i < aside.i and _DASHES.intersection(
        t.text for t in doc[c.i + 1:said_by.left_edge.i]) and any(lex.has_dep(g, "active_subject") for g in c.children)), None)


_DASHES = {"-", "—", "–", "--"}


def _finite_conjunct_owner(cue: Token, lex: Lexicon) -> Optional[Token]:
    """"Romney ran on his ability to jolt the recovery and accused Obama of
    ...": the parse coordinated a finite verb with no subject with an
    infinitive or a participle; it goes with the nearest verb above in the
    same tense, whose subject speaks."""
    head = cue.head
    if cue.dep_ != "conj" or cue.tag_ not in ("VBD", "VBZ", "VBP") or head.tag_ not in ("VB", "VBG", "VBN") or any(
            (lex.has_dep(c, "aux") and c.tag_ != "TO") or lex.has_dep(c, "subject") for c in head.children) or any(
            lex.has_dep(c, "subject") for c in cue.children):
        return None
    return next((a for a in head.ancestors if a.tag_ == cue.tag_ and a.i < cue.i), None)


def _agent_of(verb: Token, lex: Lexicon) -> Optional[Token]:
    """Who a passive names after "by": the object of spaCy's "agent"
    preposition, or UD's agent noun itself (obl:agent, "by" its case)."""
    agent = next((c for c in verb.children if lex.has_dep(c, "agent")), None)
    if agent is None:
        return None
    return next((c for c in agent.children if lex.has_dep(c, "prep_object")), agent if agent.dep_ != "agent" else None)


def _swallowed_subject(cue: Token, lex: Lexicon) -> Optional[Token]:
    """"RoseAnn DeMoro, director of a union that has been busing members
    ..., also said ...": the parse made the speaker's long description a
    clause of the verb, with the speaker as its subject; the name that
    opens the sentence still speaks."""
    if cue.tag_ not in ("VBD", "VBZ", "VBP") or not any(t.is_punct for t in cue.doc[cue.sent.start:cue.i]):
        return None
    # "Trump further summed up Clinton as “terrible,” denounced her record
    # and said ...": a finite clause with no mark is the first of a list of
    # the subject's verbs, not a subordinate clause.
    clause = next((c for c in cue.lefts if lex.has_dep(c, "complement_clause") or (
        c.dep_ == "advcl" and c.tag_ in ("VBD", "VBZ", "VBP") and not any(lex.has_dep(g, "mark") for g in c.children))), None)
    if clause is None or clause.left_edge.i != cue.sent.start or is_quote_mark(cue.doc[cue.sent.start]):
        return None
    subj = next((c for c in clause.lefts if lex.has_dep(c, "active_subject")), None)
    if subj is None or subj.left_edge.i != cue.sent.start or not can_speak(subj, lex) or subj.lower_ in RELATIVE_PRONOUNS:
        return None
    return subj


def _maker_of(noun: Token, lex: Lexicon) -> Optional[Token]:
    """Who issued the thing a relative clause speaks for: "Sanders is
    releasing an ad that urges ...", "released a Web video that accuses
    ...". Annotators mark the pronoun itself elsewhere ("a message that
    said ...", "the union, which endorsed ...")."""
    if noun.pos_ != "NOUN" or can_speak(noun, lex) or not lex.has_dep(noun, "object") or noun.head.lemma_.lower() not in lex.issue_verbs:
        return None
    maker = subject_of(noun.head, lex)
    return maker if maker is not None and maker.lower_ not in RELATIVE_PRONOUNS else None


def _passive_participle(cue: Token, lex: Lexicon) -> bool:
    """"was asked", "when asked", "Asked whether ...": a passive verb, whose
    subject is who the statement was addressed to or about."""
    if cue.tag_ == "VBN" and any(c.dep_ in PASSIVE_AUX and c.lower_ not in ("'s", "’s") for c in cue.children):
        return True  # not "he's predicted big wins": the parse takes "'s" for "is"
    # A bare participle hanging on a clause; the tagger may take a
    # sentence-initial "Asked" for a past tense.
    opening = cue.i == cue.sent.start or (cue.i - 1 == cue.sent.start and cue.doc[cue.i - 1].lower_ == "when")
    return ((cue.tag_ == "VBN" or (cue.tag_ == "VBD" and opening)) and lex.has_dep(cue, "clausal_modifier")
            and not any(lex.has_dep(c, "aux") or lex.has_dep(c, "subject") for c in cue.children))


def _loose_verb(tok: Token) -> bool:
    """"Clinton paused, then revealed why ...": a verb the parse hung on
    the one before it with no relation it could name."""
    return tok.dep_ == "dep" and tok.pos_ == "VERB" and tok.head.pos_ == "VERB" and tok.head.i < tok.i


def can_speak(noun: Token, lex: Lexicon) -> bool:
    """A noun that can name a speaker: a name, a person, a group or an
    organisation, not a thing ("a resolution", "signs")."""
    lemma = noun.lemma_.lower()
    of = next((c for c in noun.children if c.lower_ == "of"), None)
    member = next((c for c in of.children if lex.has_dep(c, "prep_object")), None) if of is not None else None
    if member is not None and can_speak(member, lex):
        return True  # "a group of rabbis", "an array of artists"
    return (noun.pos_ in ("PROPN", "PRON") or noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            or lemma in lex.title_heads or noun.lower_ in lex.group_nouns or lemma in lex.org_nouns or lemma in lex.speech_nouns)


def _inverted_subject(cue: Token, lex: Lexicon) -> Optional[Token]:
    """"“We have to wait,” recalled Mr. Rhodes": after a quotation or a
    comma the parse may take the name that follows the cue for its object."""
    doc = cue.doc
    if cue.tag_ not in ("VBD", "VBZ", "VBP") and not (cue.tag_ == "VB" and cue.dep_ == "ROOT" and _after_quotation(cue)):
        # "telling CBS", "citing Exodus": the object is no speaker; but a
        # past "read" the tagger took for a base form after a quotation is
        # finite ("“...,” read the email").
        return None
    if cue.lemma_.lower() in lex.addressee_verbs and not _after_question(cue):
        # "..., told POLITICO": who is told never speaks; but "“Is he
        # running against us?” asked Mr. Manafort": who asks a question does.
        return None
    k = cue.i - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 0 or not (doc[k].text in (",", "”", "''", '"', "’") or doc[k].tag_ == "''"):
        return None
    obj = next((c for c in cue.rights if lex.has_dep(c, "object")), None)
    if obj is not None and obj.left_edge.i == cue.i + 1 and (obj.pos_ == "PROPN" or obj.ent_type_ in ("PERSON", "ORG", "NORP")):
        return obj
    if obj is not None and obj.left_edge.i == cue.i + 1 and _after_quotation(cue) and (
            can_speak(obj, lex) or (obj.pos_ == "NOUN" and not _is_time(obj) and _quotation_closed_on_cue(cue))):
        # "“Meh,” wrote a Trump supporter who runs ...", "“...,” tweeted a
        # German user from Hanover": a quotation closed on a comma is what
        # the verb reports; the noun after the verb is who wrote it.
        return obj
    # "“It is valuable,” said Skelly, explaining ...", "said Robin Maynard,
    # half joking": the parse lost the name to another clause or tagged it
    # an adverb; a capitalised name right after the cue still speaks.
    if not _after_quotation(cue):
        return None
    name = None
    k = cue.i + 1
    while k < len(doc) and doc[k].is_title and doc[k].is_alpha and doc[k].ent_type_ not in ("DATE", "TIME") and (
            doc[k].pos_ in ("PROPN", "ADV", "NOUN") or doc[k].ent_type_ in ("PERSON", "ORG")):
        name = doc[k]
        k += 1
    return name or _phrase_after(cue, lex)


def _phrase_after(cue: Token, lex: Lexicon) -> Optional[Token]:
    """"“...,” said retired neurosurgeon Ben Carson, asked about ...": the
    parse made the speaker after the cue the subject of the clause that
    follows; the noun phrase right after the cue still speaks."""
    doc = cue.doc
    heads = [t for t in doc[cue.i + 1:min(cue.i + 10, cue.sent.end)]
             if t.left_edge.i == cue.i + 1 and t.pos_ in ("NOUN", "PROPN") and lex.has_dep(t, "subject")]
    # A comma closes the phrase: "said the candidate could be ..." is what
    # was said, with no speaker after the cue.
    if not heads or not can_speak(heads[-1], lex):
        return None
    end = heads[-1].right_edge.i
    if doc[end].text != "," and (end + 1 >= len(doc) or doc[end + 1].text != ","):
        return None
    return heads[-1]


def _after_quotation(cue: Token) -> bool:
    """The cue follows a closing quotation mark (and perhaps a comma)."""
    doc = cue.doc
    k = cue.i - 1
    while k >= 0 and (doc[k].is_space or doc[k].text == ","):
        k -= 1
    return k >= 0 and (doc[k].text in ("”", "''", '"', "’") or doc[k].tag_ == "''")


def _quotation_closed_on_cue(cue: Token) -> bool:
    """The quotation just before the cue closes on a comma, a question or
    an exclamation mark (",” wrote"): it is the cue's own statement."""
    doc = cue.doc
    k = cue.i - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k > 0 and doc[k].text == ",":
        k -= 1  # "” , wrote"
    elif not (k > 0 and doc[k - 1].text in (",", "?", "!")):
        return False
    # Not "Trump summed up Clinton as “terrible,” denounced her record": a
    # quotation inside a clause of its own belongs to that clause.
    start = cue.sent.start
    opening = next((j for j in range(k - 1, start - 1, -1) if doc[j].text in _OPENING_MARKS), None)
    return opening is None or doc[opening - 1].text == ":" or all(t.is_punct or t.is_space for t in doc[start:opening])


def _after_question(cue: Token) -> bool:
    """The cue follows a quotation that closes with a question mark."""
    doc = cue.doc
    k = cue.i - 1
    while k >= 0 and (doc[k].is_space or doc[k].text == ","):
        k -= 1
    return k > 0 and _after_quotation(cue) and doc[k - 1].text == "?"


def _name_like(tok: Token) -> bool:
    """"Informed of it, Early described ...", "And Skelly called ...": a
    capitalised word inside a sentence that the tagger took for an adverb
    or a common word is a name."""
    return (tok.is_title and tok.is_alpha and tok.i > tok.sent.start and tok.pos_ in ("ADV", "ADJ", "NOUN")
            and tok.ent_type_ not in ("DATE", "TIME") and tok.text not in _CALENDAR)


# "Then Monday said ...": days and months are capitalised too.
_CALENDAR = frozenset(calendar.day_name) | frozenset(calendar.month_name[1:])


def subject_to_the_left(cue: Token, lex: Lexicon) -> Optional[Token]:
    """"Paul Ryan (R-WI) said ...": when the parse gives a finite speech verb
    no subject, the name just before it (past a parenthesis) is one."""
    # "And Skelly called Braynard “...”": the tagger may take the past
    # tense of a main verb with no auxiliary for a participle.
    past = cue.tag_ == "VBN" and cue.dep_ == "ROOT" and not any(c.dep_ in ("aux", "auxpass") for c in cue.children)
    if cue.tag_ not in ("VBD", "VBZ", "VBP") and not past:
        return None
    described = _described_before(cue, lex)
    if described is not None:
        return described
    doc = cue.doc
    i = cue.i - 1
    while i >= 0 and doc[i].pos_ == "ADV" and not _name_like(doc[i]):
        i -= 1  # "Clinton, exasperated, famously responded"
    if i >= 0 and doc[i].text in (")", ","):
        candidates = []
        if doc[i].text == "," and i > 0:
            candidates.append(i - 1)  # "her adviser, Jake Sullivan, said"
        # Skip a parenthesis "(R-WI)", an age ", 58," or an appositive or
        # participle phrase ("Jay DiPietro, the club's president, said",
        # "Bill Eastland, wearing a cowboy hat, said"); a finite verb in it
        # means it is a clause of its own, not an aside on the speaker,
        # unless a relative pronoun opens it ("Mr. Buchanan, who had failed
        # to win his party's nomination, called for").
        opener = "(" if doc[i].text == ")" else ","
        j = i - 1
        while j >= 0 and doc[j].text != opener and cue.i - j < 25:
            j -= 1
        if j >= 0 and doc[j].text == opener and doc[j + 1].lower_ not in ("who", "whose") and any(
                t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in doc[j + 1:i]):
            j = -1
        if j >= 0 and doc[j].text == opener:
            if doc[j + 1].pos_ == "DET" or doc[j + 1].tag_ == "PRP$":
                # "Brendan Buck, a spokesman for Ryan, told": the name
                # before a description, not the one inside it.
                candidates.insert(0, j - 1)
            else:
                candidates.append(j - 1)
        for k in candidates:
            tok = _name_before(cue, k, lex, strict=True)
            if tok is not None:
                return tok
        return None
    return _name_before(cue, i, lex, strict=False)


def _described_before(cue: Token, lex: Lexicon) -> Optional[Token]:
    """"a White House official who spoke anonymously to discuss internal
    strategy said", "an intelligence source, who was not authorized to
    speak on the record, told": a relative clause that ends right before a
    verb the parse left with no subject describes who speaks; its noun."""
    doc = cue.doc
    i = cue.i - 1
    while i > cue.sent.start and (doc[i].text == "," or doc[i].pos_ == "ADV"):
        i -= 1
    for clause in (doc[i], *doc[i].ancestors):
        if clause.i >= cue.i or clause.right_edge.i != i:
            return None
        if clause.pos_ not in ("VERB", "AUX"):
            continue  # "who Beck on Wednesday called": a name taken for the clause's verb
        who = next((c for c in clause.children if c.lower_ in ("who", "whom")), None)
        if lex.has_dep(clause, "relative_clause") and clause.head.i < clause.i:
            noun = clause.head
        elif who is not None:
            # "Sanders, meanwhile, who sits at zero such endorsements,
            # said": the parse made the relative clause the verb's
            # complement; the noun before "who" is the one it describes.
            k = who.i - 1
            while k > cue.sent.start and (doc[k].is_punct or doc[k].pos_ == "ADV"):
                k -= 1
            noun = doc[k]
        else:
            continue
        # "who" says the noun is a person, whatever the lexicon knows of it.
        if noun.pos_ in ("NOUN", "PROPN") and (who is not None or can_speak(noun, lex)):
            return noun
        return None
    return None


def _name_before(cue: Token, i: int, lex: Lexicon, strict: bool) -> Optional[Token]:
    """The head of the name ending at or (past adverbs) before token i; not
    ``strict``, also a noun that can speak or a share of people ("the
    Democratic presidential candidate stated", "About 4 in 10 say")."""
    doc = cue.doc
    while i >= 0 and doc[i].pos_ == "ADV" and not _name_like(doc[i]):
        i -= 1
    if i < 0 or doc[i].sent != cue.sent:
        return None
    tok = doc[i]
    pronoun = tok.lower_ in ("he", "she", "they", "it", "we")
    loose = not strict and (can_speak(tok, lex) or tok.ent_type_ in ("PERCENT", "CARDINAL") or tok.lower_ == "percent")
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG") or pronoun or _name_like(tok) or loose:
        if strict and tok.ent_type_ in ("GPE", "LOC", "DATE", "TIME", "FAC"):
            return None  # "In Washington, said ..."
        while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i and tok.head.i < cue.i:
            tok = tok.head
        return tok
    return None


def mention_span(head: Token, lex: Lexicon) -> Span:
    """The noun phrase of a speaker: its words and titles, without a
    comma-separated appositive, relative clause or trailing punctuation."""
    doc = head.doc
    excluded: set[int] = set()
    own = {t.i for t in head.subtree}
    named = None
    for child in head.children:
        comma_before = child.i > 0 and doc[child.left_edge.i - 1].text in ",(—–"
        if named is None and lex.has_dep(child, "appositive") and comma_before and _names_description(head, child, lex):
            named = child
            continue
        if (lex.has_dep(child, "appositive") and comma_before) or child.dep_ in lex.dependencies["relative_clause"] or (
            child.dep_ in ("advcl", "punct", "parataxis") and child.i > head.i
        ) or (child.dep_ == "acl" and (comma_before or child.tag_ == "VBG" or child.tag_ in FINITE_TAGS or _lost_main_verb(child, lex))):
            # A finite verb is no modifier of the noun, whatever the parse
            # says: "The senator called upon the council to ..." is the
            # speaker and the cue.
            excluded.update(range(child.left_edge.i, child.right_edge.i + 1))
    # "one of the organisers, who had been up all night": a relative clause
    # lower down, on the head's own prepositional object, goes as well.
    for prep in head.rights:
        for tok in prep.subtree:
            if (tok.dep_ in lex.dependencies["relative_clause"] and doc[tok.left_edge.i - 1].text == ",") or (
                    tok.dep_ == "acl" and tok.tag_ == "VBG"):  # "a speaker at a rally lamenting ..."
                excluded.update(range(tok.left_edge.i, tok.right_edge.i + 1))
    if named is not None:
        excluded.difference_update(range(head.i, named.right_edge.i + 1))
        for clause in named.children:
            if clause.dep_ in lex.dependencies["relative_clause"] or (clause.dep_ in ("acl", "advcl") and clause.i > named.i):
                excluded.update(range(clause.left_edge.i - 1, clause.right_edge.i + 1))
    start, end = head.left_edge.i, head.right_edge.i + 1
    # Keep the contiguous part around the head, and only the head's own
    # words: the parse may hang a dependent on it across the cue ("The
    # columnist ... went so far as to say: “The old network ...”").
    s = head.i
    while s > start and s - 1 not in excluded and s - 1 in own:
        s -= 1
    e = head.i + 1
    while e < end and e not in excluded and e in own:
        e += 1
    # "Trump’s claim": the owner is "Trump", not "Trump’s".
    while e > s + 1 and ((doc[e - 1].is_punct and doc[e - 1].ent_type_ != "PERCENT") or doc[e - 1].is_space or (
            doc[e - 1].dep_ == "case" and doc[e - 1].i > head.i)):
        e -= 1
    # UD: "by Foreign Minister X" keeps its preposition inside the noun.
    dropped = {head.i}
    # "when Mr. Buchanan, who ...": the parse may hang the clause's "when"
    # on the name.
    while s < e - 1 and (doc[s].is_punct or doc[s].is_space or doc[s].tag_ == "WRB" or (
            doc[s].dep_ in ("case", "fixed") and doc[s].head.i in dropped)):
        dropped.add(s)
        s += 1
    s, e = whole_words(doc, s, e)
    return doc[s:e]


def _names_description(head: Token, appositive: Token, lex: Lexicon) -> bool:
    """"One of the men, Jessie Elkins, 70, said", "The head of the PAC,
    Mike Murphy, praised": the name after a description is who speaks, and
    annotators mark it; the mention keeps both."""
    # A capitalised title is a description too ("Georgia’s Public Defender,
    # Levan Ioseliani").
    return (head.pos_ != "PROPN" or head.lower_ in lex.title_heads) and head.ent_type_ != "PERSON" and appositive.ent_type_ == "PERSON" \
        and appositive.i > head.i


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
    end = _cut_trailing_participle(doc, verb, start, verb.right_edge.i + 1)
    end = _cut_nested(doc, verb, start, end, lex)
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
        clause = _clause_set_apart(noun, lex)
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
        if clause is None or _is_time(clause):
            return None
    elif _relative_that(clause, lex):
        return None
    start, end = _subtree_range(clause)
    start, end = trim(noun.doc, start, _cut_nested(noun.doc, clause, start, end, lex))
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
    start, end = _subtree_range(xcomp)
    return trim(xcomp.doc, start, _cut_nested(xcomp.doc, xcomp, start, end, lex))


def _infinitive(cue: Token, lex: Lexicon) -> Optional[tuple[int, int]]:
    """"vowed to repeal the law": with no object before it, the infinitive is
    what was promised or threatened. A date the parse took for an object
    ("promised Monday to begin ...") is none."""
    if any(lex.has_dep(c, "object") and not _is_time(c) for c in cue.children):
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
    obj = next((c for c in cue.rights if lex.has_dep(c, "object") and c.pos_ == "NOUN" and not _is_time(c)), None)
    if obj is None:
        obj = next((c for c in cue.rights if not c.is_punct), None)
        if obj is None or obj.lower_ not in lex.pro_statements:
            return None
    return trim(cue.doc, *_subtree_range(obj))


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


def _in_quotation(tok: Token) -> bool:
    """An odd number of double quotation marks opens the sentence before ``tok``."""
    return sum(t.text in _DOUBLE_MARKS or t.tag_ in ("``", "''") for t in tok.doc[tok.sent.start:tok.i]) % 2 == 1


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
    content = (_second_subject_content(cue, lex) or clause_content(cue, lex) or object_content(cue, lex) or passive_content(cue, lex) or prep_content(cue, lex) or _told_to(cue, lex) or _infinitive(cue, lex)
               or following_clause(cue, lex) or _said_noun(cue, lex) or _closing_attribution(cue, lex) or _paragraph_after_colon(cue))
    if content is not None and content[1] <= content[0]:
        content = None  # "said ... »": the parse hung a lone quotation mark on the cue
    subj = subject_of(cue, lex) or _subject_before_participle(cue, lex)
    speaker = mention_span(subj, lex) if subj is not None else None
    if content is not None and speaker is not None and cue.i < speaker.start and content[0] <= speaker.start < content[1]:
        # "“...,” said Cruz, who had introduced them": the clause after an
        # inverted speaker describes the speaker; nothing else is reported.
        content = None
    return Report(cue=[cue], content=content, speaker=speaker)
