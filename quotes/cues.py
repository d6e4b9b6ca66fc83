"""Cues and what they say: small pure functions over a parsed ``Doc``.

A cue is a speech verb ("said", "confirmed", "wrote") or the phrase
"according to". This module tells a cue from other words and finds the
content it reports: its clause or, for verbs like "deny", its object.
Who speaks is ``speakers``' job; ``reports`` puts the two together.
Dependency labels are read through ``Lexicon.dependencies`` so spaCy's and
UD's labels both work.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon


WH_WORDS = {"what", "which", "that", "who", "whom"}
RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}
# "released a video that said ...": relative pronouns that stand for a
# thing, which may be spoken for by whoever issued it.
THING_RELATIVES = {"that", "which"}
PASSIVE_AUX = {"auxpass", "aux:pass"}
DEMONSTRATIVES = {"that", "this"}
# Tags of a finite verb or modal: a clause that can stand as a statement.
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


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
        if head.dep_ == "advcl" and head.tag_ == "VBG" and (doc[head.left_edge.i - 1].text == "," or doc[head.left_edge.i - 1].text in DASHES):
            # "declined to answer, adding: “...”", "did not attend, saying he
            # was ill", "declined to claim victory - only saying ...": a
            # participle set off by a comma or dash says something of its own.
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
    """"has yet to confirm", not "Yet Bloomberg says ...", "And yet he
    said ..." nor "said, yet again, ...": the adverb before its verb or
    before "to"."""
    if tok.lower_ != "yet" or tok.dep_ != "advmod" or tok.i == tok.sent.start:
        return False
    before_to = tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to"
    if tok.doc[tok.i - 1].lower_ in ("and", "but") and tok.i - 1 == tok.sent.start and not before_to:
        return False
    return tok.i < tok.head.i or before_to


# Quotation marks as the tokenizer leaves them; the double ones are never
# an apostrophe ("Jersey’s").
_QUOTE_MARKS = {"“", "”", '"', "''", "``", "‘", "’", "«", "»"}
DOUBLE_MARKS = _QUOTE_MARKS - {"‘", "’"}
OPENING_MARKS = {"“", '"', "``", "«"}


# A dash set off by spaces marks an aside; a hyphen glued to words does not.
DASHES = frozenset({"-", "—", "–", "--"})


def is_quote_mark(tok: Token) -> bool:
    # The tagger may tag a possessive apostrophe ("the dockworkers’ union")
    # as a closing mark; the parse still hangs it on its noun as a case marker.
    return (tok.text in _QUOTE_MARKS or tok.tag_ in ("''", "``")) and tok.dep_ != "case"


def is_speech_verb(tok: Token, lex: Lexicon) -> bool:
    if (tok.pos_ not in ("VERB", "AUX") or tok.tag_ == "MD") and noun_tagged_verb(tok, lex) is None:
        return False
    lemma = tok.lemma_.lower()
    if lemma not in lex.speech_verbs and (lemma not in lex.particle_verbs or not any(
            (lemma, c.lower_) in lex.particle_cues for c in tok.children)):
        return False  # "shot back", "fired back"; "as the Post put it"
    # "Asked if he was bullied, ...", "a plan announced last year": a bare
    # participle modifying something else reports nothing by itself, but
    # for the question put to someone ("Asked whether ..., Johnson
    # demurred", "said when asked about ..."): that is a statement, by the
    # agent or by nobody named (``speakers._passive_participle``).
    if tok.tag_ == "VBN" and tok.dep_ in ("advcl", "acl", "amod") and not any(
            lex.has_dep(c, "aux") for c in tok.children) and not _misread_past(tok, lex):
        # ... except in a frame that names who reported: "As reported by
        # the Post, ..." (see ``_as_frame_content``).
        if not (_has_mark(tok, "as", lex) and any(lex.has_dep(c, "agent") for c in tok.children)) and not lost_main_verb(tok, lex) \
                and not question_participle(tok, lex):
            return False
    if _names_thing(tok, lex):
        return False
    # "Talking animals": a verb form used as a noun or an adjective.
    if tok.dep_ in ("amod", "compound", "nsubj", "nsubjpass", "dobj", "obj", "pobj") and not participle_before_quotation(tok) \
            and not inverted_after_quotation(tok):
        return False
    return not _in_fixed_term(tok, lex)


def question_participle(tok: Token, lex: Lexicon) -> bool:
    """"Asked whether he would run, ...": the bare participle of a
    question verb (``models/question_verbs.txt``) on a clause. It reports
    the question, never the answer after it."""
    return tok.tag_ == "VBN" and tok.dep_ == "advcl" and tok.lemma_.lower() in lex.question_verbs and not any(
        lex.has_dep(c, "aux") for c in tok.children)


def _misread_past(tok: Token, lex: Lexicon) -> bool:
    """A past tense the tagger took for a participle: a subordinate clause
    with a subordinator and its subject before the verb ("As the Post's
    unit reported just today, ...", "When liberal groups advocated for").
    Not "His assumption, confidently stated on TV, was ..."."""
    return tok.dep_ == "advcl" and any(lex.has_dep(c, "mark") for c in tok.children) and any(
        lex.has_dep(c, "active_subject") and c.i < tok.i for c in tok.children)


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
    if len(words) != 1 or not lex.has_dep(words[0], "object") or is_time(words[0]):
        return False
    if next(t for t in words[0].subtree if not t.is_punct).lower_ in ("a", "an"):
        return False
    return tok.head.pos_ in ("NOUN", "PROPN") and not lost_main_verb(tok, lex)


def noun_tagged_verb(tok: Token, lex: Lexicon) -> Optional[Token]:
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


def lost_main_verb(tok: Token, lex: Lexicon) -> bool:
    """"Mitt Romney, the 2012 nominee, tweeted in response: ...": after an
    apposition the parse took the verb for a participle on the name, left
    as the root of a sentence with no verb; or on a subject it then gave to
    the reported clause (see ``_clause_of_second_subject``)."""
    head = tok.head
    return tok.dep_ == "acl" and (head.dep_ == "ROOT" and head.pos_ == "PROPN" and tok.doc[tok.i - 1].text == "," and any(
        c.dep_ == "appos" and c.i < tok.i for c in head.children) or _verb_of_verbless_sentence(tok, lex)
        or _clause_of_second_subject(tok, lex) is not None or _first_of_two_verbs(tok, lex))


def _first_of_two_verbs(tok: Token, lex: Lexicon) -> bool:
    """"De Blasio, speaking on WOR710, called Trump a “blowhard,” and said
    ...": after an aside the parse took the first of two coordinated verbs
    for a participle on their subject, whose verb it made the second."""
    head, doc = tok.head, tok.doc
    if tok.tag_ not in ("VBD", "VBN") or tok.i == 0 or doc[tok.i - 1].text != "," or not lex.has_dep(head, "active_subject"):
        return False
    verb = head.head
    return verb.i > tok.right_edge.i and verb.pos_ == "VERB" and any(
        t.dep_ == "cc" and t.head in (head, verb) for t in doc[tok.right_edge.i + 1:verb.i])


def _verb_of_verbless_sentence(tok: Token, lex: Lexicon) -> bool:
    """"Trump called Clinton a liar during a rally": the parse read a
    reduced relative ("Trump, called ...") and left the sentence with a
    noun for its root and no verb; the past form right after its speaker
    is the main verb."""
    head = tok.head
    if head.dep_ != "ROOT" or tok.tag_ not in ("VBD", "VBN") or tok.i != head.i + 1 or not can_speak(head, lex):
        return False
    sent = head.sent
    return not any(t.pos_ in ("VERB", "AUX") and t.tag_ in FINITE_TAGS and not tok.left_edge.i <= t.i <= tok.right_edge.i
                   for t in sent)


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


def second_subject_content(cue: Token, lex: Lexicon) -> Optional[tuple[int, int]]:
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


def inverted_after_quotation(tok: Token) -> bool:
    """"“Debate recap,” tweeted Rubio spokesman Alex Conant": a past form
    right after a quotation ending on a comma is its cue, with the speaker
    after it, though the parse took it for an adjective on the speaker."""
    doc = tok.doc
    return tok.tag_ in ("VBD", "VBN") and tok.dep_ == "amod" and tok.i > 1 and is_quote_mark(doc[tok.i - 1]) \
        and doc[tok.i - 1].tag_ != "``" and doc[tok.i - 2].text in (",", "?", "!")


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


def is_time(tok: Token) -> bool:
    """"promised Sunday", "spoke on Tuesday": a date is not a statement."""
    return tok.ent_type_ in ("DATE", "TIME") and tok.head.ent_type_ in ("DATE", "TIME", "") and tok.pos_ in ("PROPN", "NOUN", "NUM")


def is_when_phrase(tok: Token) -> bool:
    """"on Monday", "last week": a phrase that says when."""
    return tok.ent_type_ in ("DATE", "TIME") or any(
        c.ent_type_ in ("DATE", "TIME") for c in tok.children if c.dep_ == "pobj")


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


def _inverted_report(tok: Token, lex: Lexicon) -> bool:
    """A speech verb before its own subject ("“...,” said Robin Maynard"): a
    finished attribution, which a later cue does not report again. One with
    its subject first ("Clinton thinks ..., her husband said") can be."""
    return is_speech_verb(tok, lex) and any(lex.has_dep(c, "subject") and c.i > tok.i for c in tok.children)


def cut_nested(doc: Doc, root: Token, start: int, end: int, lex: Lexicon, closing: bool = False) -> int:
    """End the content before a coordinated clause that is a report of its
    own ("... worried, and more than 4 in 10 said ..."), before a
    comma-led relative clause or apposition of an object ("criticised
    Clinton’s email use, which an FBI investigation said ..."), and before
    a comma-led aside ("..., while analysts expect ...")."""
    for tok in doc[start:end]:
        if tok.i == root.i:
            continue
        left = tok.left_edge.i
        # The separator may close a quotation: "“self-deportation,” which ...".
        comma_led = left > start and set_off(doc, left, start, ",—–-;") is not None
        if lex.has_dep(tok, "conjunct") and left > start and any(lex.has_dep(c, "mark") and c.lower_ == "that" for c in tok.children):
            continue  # "said A and that B": a second clause of the same report
        # A negated conjunct is no report of its own: "couldn't remember
        # it and hasn't visited since" is all said.
        if tok.dep_ == "conj" and left > start and is_speech_verb(tok, lex) and not (
                closing and tok.head == root and not any(lex.has_dep(c, "subject") for c in tok.children)
                and not any(is_quote_mark(t) for t in tok.subtree)):
            # Before a closing cue, a conjunct sharing the clause's subject
            # is what the speaker reports that subject did ("Eggleston
            # expressed concern and said it could hurt ..., people familiar
            # with the session said"): PolNeAR counts the whole once. A
            # quotation in it keeps its own record, with its own speaker.
            cut = left  # "... and predicted that ..."
        elif left > start and finite_after_nonfinite(tok, start, lex):
            cut = left
        elif tok.dep_ in ("relcl", "appos", "acl:relcl") and tok.head.i >= start and comma_led and root.pos_ in ("NOUN", "PROPN", "PRON") and not (
                lex.has_dep(tok, "appositive") and tok.head.pos_ != "PROPN" and any(lex.has_dep(c, "conjunct") for c in tok.children)):
            # An "apposition" with conjuncts of its own is the rest of a list
            # ("praised his record, her grasp of policy and the energy ...").
            cut = left - 1
        elif comma_led and tok.right_edge.i + 1 >= end and lex.has_dep(tok, "appositive") and is_quote_mark(doc[left - 1]) and (
                doc[left - 1].tag_ != "``"):
            # "would pay “every cent,” a promise that few believed": a noun
            # set after a closing quotation names what was said, in the
            # writer's words.
            cut = left
        elif comma_led and tok.right_edge.i + 1 >= end and lex.has_dep(tok, "relative_clause") and doc[left].lower_ == "which":
            # "would ban the imports, which are made in Asia": a
            # non-restrictive "which" closing the clause is the writer's gloss.
            cut = left - 1
        elif comma_led and (tok.dep_ == "advcl" or lex.has_dep(tok, "relative_clause")) and tok.i > root.i and (
                is_aside(tok, lex) or _own_report(tok, lex)):
            cut = left - 1
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


def _opens_inner_clause(mark: Token, start: int, end: int) -> bool:
    """The subordinator at ``start`` opens a clause inside the statement
    ``start:end``: one hung on a verb of the statement, or one set off by
    commas on both sides ("said, if elected president, he would ...",
    where the parse may take "if elected president" for an object)."""
    head, doc = mark.head, mark.doc
    if head.dep_ == "advcl" and start < head.head.i < end:
        return True
    return start > 0 and doc[start - 1].text == "," and any(
        start <= a.left_edge.i and a.right_edge.i < end - 2 and doc[a.right_edge.i + 1].text == "," for a in [head, *head.ancestors])


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
    # Only the complementizer of the whole statement: in "said, if elected,
    # he would build a wall" the "if" opens a clause inside what was said.
    if start < end - 1 and doc[start].lower_ in ("that", "whether", "if", "for") and doc[start].dep_ in ("mark", "complm") and not (
            doc[start].lower_ != "that" and _opens_inner_clause(doc[start], start, end)):
        start += 1
        # "said that, if the council agrees, ...": the comma after it too.
        while start < end and (doc[start].is_punct and not is_quote_mark(doc[start]) or doc[start].is_space):
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


def cut_trailing_participle(doc: Doc, root: Token, start: int, end: int) -> int:
    """"the toll stood at eight, revising earlier reports": the participle
    clause describes the reporting, not what was reported. Also one the
    parse hung on an infinitive of the clause ("said Warren will have to
    choose whose side she's on, saying, “...”")."""
    heads = [root]
    while len(heads) < 4:
        xcomp = next((c for c in heads[-1].rights if c.dep_ == "xcomp"), None)
        if xcomp is None:
            break
        heads.append(xcomp)
    for child in (c for h in heads for c in h.rights):
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


def subtree_range(tok: Token) -> tuple[int, int]:
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
        # "“...,” said the woman, who did not want to be named", "“...,” Mr.
        # Obama told the lawmakers and millions watching at home who could
        # guess ...": after a quotation, a clause after the cue is a
        # relative clause on the speaker or the addressee, which the parse
        # hung on the cue; an inverted cue closes the sentence's statement.
        if _quoted_before(cue, clauses[0]):
            inverted = not any(lex.has_dep(c, "subject") and c.i < cue.i for c in cue.children)
            clauses = [c for c in clauses if c.i < cue.i or not (inverted or any(
                lex.has_dep(g, "subject") and g.lower_ in ("who", "which") for g in c.children))]
        # "Carson seems to see the problem — he told the AP that his task
        # is ...", "Jeffrey Salkin, a rabbi, said he was alarmed": with a
        # clause on each side, the parse took the one before for a second
        # complement; the one after the cue is what it reports.
        # Not one past another verb: the parse misread a later participle
        # ("..., the company said, becoming ... as prices squeeze returns").
        clauses = [c for c in clauses if c.i > cue.i and not any(
            t.pos_ in ("VERB", "AUX") for t in doc[cue.i + 1:c.left_edge.i])] or clauses
    if clauses and clauses[0].i < cue.i and (_says_its_own(cue, clauses[0], lex) or _passive_on_its_own(cue, clauses[0], lex)):
        clauses = []
    if clauses:
        child = clauses[0]
        start, end = subtree_range(child)
        start = _lost_subject(cue, child, start, lex)
        if child.i > cue.i:
            start = _after_aside(child, start)
            start = _fronted_clause(cue, child, start, lex)
        end = cut_trailing_participle(doc, child, start, end)
        end = cut_nested(doc, child, start, end, lex, closing=child.i < cue.i)
        if child.i > cue.i:
            end = _extend_tail(cue, end)
        else:
            # "Rhimes declared the need for strong will: “Change the world,”
            # she said": a cue after the clause reports what follows a colon.
            start = past_concession(doc, after_colon(doc, start, end), end, lex)
            end = max(end, _goes_on_after(cue, lex))
        return trim(doc, start, end)
    left = next((c for c in cue.lefts if lex.has_dep(c, "active_subject")), None)
    if left is not None and statement_as_subject(cue, left, lex) and left.left_edge.i == cue.sent.start:
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
                    tail = cut_trailing_participle(doc, head, after, head.right_edge.i + 1)
                    if tail - after >= 3:
                        return trim(doc, after_colon(doc, start, comma), tail)
                # "Nor does she have any plans, advisers say, to take cues
                # from ...": the rest of the statement hung on the cue.
                return trim(doc, after_colon(doc, start, comma), max(comma, _goes_on_after(cue, lex)))
        else:
            # "In the long run, many economists say, this effect could ...":
            # the attribution is a parenthesis inside what it reports; the
            # clause after it carries the statement.
            start = cue.right_edge.i + 1
            end = cut_trailing_participle(doc, head, start, head.right_edge.i + 1)
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


def _quoted_before(cue: Token, clause: Token) -> bool:
    """The clause stands in quotation marks just before the cue ("“...,”
    said")."""
    doc = cue.doc
    if clause.i > cue.i:
        return False
    opens = any(is_quote_mark(t) for t in doc[max(clause.left_edge.i - 1, 0):clause.left_edge.i + 1])
    return opens and any(is_quote_mark(doc[k]) for k in range(clause.right_edge.i, cue.i))


def _passive_on_its_own(cue: Token, clause: Token, lex: Lexicon) -> bool:
    """"Nobody opposed him — he was confirmed 92 to 0", "CPAC is conducting
    a straw poll, the results of which will be announced Saturday": a
    passive verb with a subject of its own after the clause before it
    reports its subject, not that clause (the parse made the clause its
    complement). Not a quotation ("“...,” Braynard is quoted as saying")."""
    doc = cue.doc
    subj = next((c for c in cue.lefts if lex.has_dep(c, "passive_subject")), None)
    if subj is None or subj.lower_ == "it" or subj.i < clause.right_edge.i:
        return False
    return not any(is_quote_mark(t) for t in doc[clause.left_edge.i:subj.i])


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
        if lex.has_dep(child, "object") and not is_time(child) and not (
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


def paragraph_after_colon(cue: Token) -> Optional[tuple[int, int]]:
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


def closing_attribution(cue: Token, lex: Lexicon) -> Optional[tuple[int, int]]:
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
    # Past the frame, only a gloss the writer set off with a dash ("..., he
    # said at an event in Wyoming — an apparent reversal of ...").
    gloss = next((t.i for t in doc[cue.i:cue.right_edge.i + 2] if t.text in DASHES and t.whitespace_), cue.sent.end)
    if any(not (t.is_punct or t.is_space) for t in doc[cue.right_edge.i + 1:min(gloss, cue.sent.end)]):
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
            for t in span) or any(_inverted_report(t, lex) for t in span):
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


def _after_aside(clause: Token, start: int) -> int:
    """"said, as expected, that the plan would fail": words set off before
    the reported clause's own "that" are the writer's aside, though the
    parse hung them on the clause. Where the clause starts, else ``start``."""
    mark = next((c for c in clause.lefts if c.lower_ == "that" and c.dep_ == "mark"), None)
    if mark is not None and start < mark.i and clause.doc[mark.i - 1].text == ",":
        return mark.i
    return start


def _fronted_clause(cue: Token, clause: Token, start: int, lex: Lexicon) -> int:
    """"says no matter what action Obama takes on gun control, “his word
    does not trump the Second Amendment”": a clause set off before the
    reported one belongs to it, though the parse hung it on the cue; not
    one that says when ("said as he introduced his wife, “...”").
    Between commas, a condition ("said, if elected, he would ...") is the
    statement's own, whatever the parse made of it."""
    doc = cue.doc
    for child in cue.rights:
        left = child.left_edge.i
        if cue.i < child.i < start and left == cue.i + 2 and doc[cue.i + 1].text == "," and doc[left].lower_ in ("if", "unless") and (
                child.right_edge.i + 1 <= start and doc[child.right_edge.i + 1].text == ","
                and all(t.is_punct for t in doc[child.right_edge.i + 1:start])):
            return left
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


def statement_as_subject(cue: Token, subj: Token, lex: Lexicon) -> bool:
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


def cue_frame(cue: Token, lex: Lexicon) -> set[int]:
    """The token indices of the cue's own frame after it: time, place,
    channel and addressee ("said on Friday in a statement to reporters")."""
    frame: set[int] = set()
    for child in cue.rights:
        if child.dep_ in ("advmod", "npadvmod", "prep", "dative", "iobj", "obl", "punct", "prt") or (
            cue.lemma_.lower() in lex.addressee_verbs and lex.has_dep(child, "object")
        ):
            frame.update(range(child.left_edge.i, child.right_edge.i + 1))
    return frame


def following_clause(cue: Token, lex: Lexicon) -> Optional[tuple[int, int]]:
    """"said earlier on Friday during a news conference that he may wait":
    when the parse does not hang the clause on the cue, take the clause that
    follows the cue's own frame (time, place, channel, addressee) up to the
    end of the sentence."""
    doc = cue.doc
    sent_end = cue.sent.end
    frame = cue_frame(cue, lex)
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
    elif doc[i].tag_ == "VBG" and not any(t.tag_ in FINITE_TAGS for t in doc[i:sent_end]):
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
            if obj is not None and not is_time(obj):
                start, end = subtree_range(obj)
                end = cut_nested(cue.doc, obj, start, end, lex)
                return trim(cue.doc, start, end)
    addressed = _addressee_prep(cue, lex)
    if addressed is not None:
        return addressed
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
        if obj is not None and not is_time(obj):
            start, end = subtree_range(obj)
            return trim(cue.doc, start, cut_nested(cue.doc, obj, start, end, lex))
    # UD: the preposition is a case marker under its noun (obl).
    for child in cue.rights:
        if any(g.dep_ == "case" and (lemma, g.lower_) in lex.prep_cues for g in child.children):
            start, end = subtree_range(child)
            return trim(cue.doc, start + 1, end)
    return None


def _addressee_prep(cue: Token, lex: Lexicon) -> Optional[tuple[int, int]]:
    """"reminded voters of the six years ...": the parse hung the
    preposition of a verb of ``models/addressee_verbs.txt`` on the person
    addressed."""
    if cue.lemma_.lower() not in lex.addressee_verbs:
        return None
    obj = next((c for c in cue.rights if lex.has_dep(c, "object")), None)
    prep = next((c for c in obj.rights if lex.has_dep(c, "preposition") and (cue.lemma_.lower(), c.lower_) in lex.prep_cues),
                None) if obj is not None else None
    content = next((c for c in prep.children if lex.has_dep(c, "prep_object") or c.dep_ == "pcomp"), None) if prep is not None else None
    if content is None:
        return None
    start, end = subtree_range(content)
    return trim(cue.doc, start, cut_nested(cue.doc, content, start, end, lex))


def _someone(noun: Token, lex: Lexicon) -> bool:
    """A person or group itself, not a pronoun ("denied it"), a statement
    ("denied the charges") nor a thing of someone's ("echoed the tone of
    Cruz"), which can all speak."""
    lemma = noun.lemma_.lower()
    return noun.pos_ in ("PROPN", "NOUN") and lemma not in lex.speech_nouns and (
        noun.pos_ == "PROPN" or noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or lemma in lex.title_heads
        or noun.lower_ in lex.group_nouns or lemma in lex.org_nouns)


def object_content(cue: Token, lex: Lexicon) -> Optional[tuple[int, int]]:
    """The object of verbs like "deny", "confirm", "criticise", "describe ... as"."""
    lemma = cue.lemma_.lower()
    if lemma not in lex.object_cue_verbs:
        return None
    if lemma in lex.person_object_verbs and any(c.dep_ == "dative" or (lex.has_dep(c, "object") and _someone(c, lex)) for c in cue.rights):
        return None  # "the Senate confirmed the nominee", "denied Carter a photograph": done to someone, nothing said
    if lemma in lex.naming_verbs and not _gives_name(cue, lex):
        return None  # "Obama called Naghmeh Abedini", "called a meeting": no name given, nothing said
    return object_range(cue, lex)


def _gives_name(cue: Token, lex: Lexicon) -> bool:
    """A naming verb with both what it names and the name ("called the plan
    a disaster", "called it “reckless”", "whom Trump called “a loser”"),
    however the parse hangs them: it often glues the two ("calls [Clinton
    unqualified]", "called [Trump bigoted]", "calling Trump unfit" with an
    adjective for object) or hangs the name inside the object ("called the
    notion of global warming a hoax"), and a quotation may sit outside the
    verb's phrase. Not "Obama called Naghmeh Abedini, the wife of ...", nor
    "called a meeting"."""
    doc = cue.doc
    name_deps = ("oprd", "attr", "xcomp", "ccomp", "acomp")
    objects = [c for c in cue.children if (lex.has_dep(c, "object") or c.dep_ == "dative") and c.dep_ not in name_deps]
    names = [c for c in cue.rights if c.dep_ in name_deps or c.lower_ == "as"]
    if len(names) + len(objects) > 1 or any(o.pos_ == "ADJ" or o.tag_.startswith("JJ") for o in objects):
        return True
    if any(g.dep_ in ("nsubj", "compound") and g.i < n.i and g.pos_ in ("PROPN", "PRON", "NOUN") and n.pos_ != "PROPN"
           for n in names for g in n.children):
        return True
    if any(t.dep_ in ("oprd", "attr", "acomp") or (t.dep_ in ("appos", "npadvmod") and doc[t.left_edge.i - 1].text != ",")
           for o in objects for t in o.subtree if t.i != o.i):
        return True
    return bool(names or objects) and any(is_quote_mark(t) for t in doc[cue.i + 1:min(len(doc), cue.right_edge.i + 3)])


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
    start, end = subtree_range(subj)
    # "Mr. Reagan was criticized for trading a guilty person for an
    # innocent one": what the subject is criticized for is said of it too
    # ("reported to the police" names whom it was told). Not past the
    # agent, who speaks and is no part of the statement.
    for child in cue.rights:
        if agent is not None and agent.i < child.i:
            break
        if lex.has_dep(child, "preposition") and child.lower_ in _OBJECT_TAIL_PREPS - {"to"}:
            end = child.right_edge.i + 1
    return trim(cue.doc, start, end)


def object_range(cue: Token, lex: Lexicon) -> Optional[tuple[int, int]]:
    """The object of a verb with what completes it, whatever the verb
    (``object_statements`` decides for verbs not listed as reporting it)."""
    doc = cue.doc
    obj = next((c for c in cue.rights if lex.has_dep(c, "object")), None)
    complements = [c for c in cue.rights if c.dep_ in ("oprd", "xcomp", "acomp", "ccomp")]
    as_phrase = next((c for c in cue.rights if c.lower_ == "as" and lex.has_dep(c, "preposition")), None)
    if as_phrase is None:
        # UD hangs "as" under the noun it introduces: obl(described, crime),
        # case(crime, as). Treat the noun's subtree as the phrase; not a
        # clause with a subject of its own ("urged them, as he explained
        # ...": when, not what).
        as_noun = next((c for c in cue.rights if any(g.lower_ == "as" and g.dep_ in ("case", "mark") for g in c.children)
                        and not any(lex.has_dep(g, "subject") for g in c.children)), None)
        if as_noun is not None:
            as_phrase = as_noun.left_edge
    if obj is None:
        # "in what officials describe as ...": the object is a fronted
        # relative pronoun; the content is the "as" phrase.
        if as_phrase is not None:
            return trim(doc, as_phrase.i + 1, _extend_tail(cue, _phrase_end(as_phrase)))
        return None
    if is_time(obj):
        return None
    if obj.lower_ in WH_WORDS and as_phrase is not None:
        return trim(doc, as_phrase.i + 1, _extend_tail(cue, _phrase_end(as_phrase)))
    if obj.pos_ == "PRON" and not complements and as_phrase is None and not any(
            lex.has_dep(c, "preposition") and c.lower_ in _OBJECT_TAIL_PREPS and c.i > obj.i for c in cue.rights):
        return None  # "denied it"; but "accused him of sexism" says what of him
    start, end = subtree_range(obj)
    end = cut_nested(doc, obj, start, end, lex)
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
        elif not ((child.is_punct and child.text == ",") or is_when_phrase(child)):
            # "criticized fellow Democrats in 2011 for seeking a higher
            # tax rate": a time between the object and what completes it
            # does not end the statement.
            break
    end = _extend_tail(cue, end)
    end = cut_trailing_participle(doc, cue, start, end)
    end = cut_nested(doc, obj, start, end, lex)
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


def can_speak(noun: Token, lex: Lexicon) -> bool:
    """A noun that can name a speaker: a name, a person, a group or an
    organisation, not a thing ("a resolution", "signs")."""
    lemma = noun.lemma_.lower()
    # Not the "of" of "hundreds of thousands of Armenians" that the parse
    # hung on the number: the one with an object.
    member = next((g for c in noun.children if c.lower_ == "of" for g in c.children if lex.has_dep(g, "prep_object")), None)
    if member is not None and can_speak(member, lex):
        return True  # "a group of rabbis", "an array of artists"
    return (noun.pos_ in ("PROPN", "PRON") or noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
            or lemma in lex.title_heads or noun.lower_ in lex.group_nouns or lemma in lex.org_nouns or lemma in lex.speech_nouns)
