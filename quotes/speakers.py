"""Who speaks: the speaker mention of a cue, as small pure functions over
a parsed ``Doc``.

``subject_of`` finds the head of the speaker for a speech verb, following
the parse where news style bends it (coordination, participles, relative
clauses, passives, inverted "said the minister", a name before the
quotation); ``mention_span`` widens that head to the mention annotators
mark ("Ukrainian Foreign Minister Andrii Sybiha"). Resolving "he" or "the
mayor" to a name is ``entities``' job, later in the pipeline.
"""
from __future__ import annotations

import calendar
from typing import Optional

from spacy.tokens import Span, Token

from .cues import (DASHES, DOUBLE_MARKS, FINITE_TAGS, OPENING_MARKS, PASSIVE_AUX, RELATIVE_PRONOUNS, THING_RELATIVES,
                   can_speak, inverted_after_quotation, is_quote_mark, is_speech_verb, is_time, lost_main_verb, noun_tagged_verb, set_off,
                   statement_as_subject)
from .lexicon import Lexicon
from .nlp import whole_words


def subject_of(cue: Token, lex: Lexicon) -> Optional[Token]:
    """The speaker head of a speech verb, following coordination
    ("X said ... and added"), participles ("..., saying") and relative
    clauses ("the minister, who said ...")."""
    if lost_main_verb(cue, lex):
        return cue.head
    if cue.pos_ == "NOUN":
        return noun_tagged_verb(cue, lex)
    if inverted_after_quotation(cue):
        # The noun phrase the parse hung it on is the speaker: its last
        # word heads it ("Rubio spokesman Alex Conant").
        head = cue.head
        while head.dep_ == "compound" and head.head.i > head.i:
            head = head.head
        return head
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
        if subj is None and not (climbed in ("pcomp", "conj") and _passive_speaker(tok, lex)):
            # Not "was booed by supporters after telling ...", "were angered
            # by the deal and predicted ...": who is booed tells; a gerund
            # after a preposition or a coordinated verb goes with the subject.
            subj = _agent_of(tok, lex)
        if subj is None:
            subj = _subject_taken_for_conjunct(tok, lex) or _sibling_conjunct_subject(tok, lex) or _nearer_same_tense_subject(tok, lex)
        if subj is not None:
            subj = _second_clause_subject(subj, tok) or subj
        if subj is None and _has_perfect_s(tok):
            # Not "as it's currently written": "it" is written.
            subj = next((c for c in tok.children if lex.has_dep(c, "passive_subject") and c.lower_ != "it" and can_speak(c, lex)), None)
        if subj is None and tok != cue and climbed in ("conj", "xcomp", "pcomp"):
            # "Trump was forced to retreat and said ...", "was prompted to
            # say", "was suspended after slamming ...": the passive subject
            # of the verb the cue hangs on speaks.
            subj = next((c for c in tok.children if lex.has_dep(c, "passive_subject") and c.lower_ != "it" and (
                climbed != "pcomp" or can_speak(c, lex))), None)
        if subj is not None and tok == cue and subj.i < cue.i and (_after_quotation(cue) or statement_as_subject(cue, subj, lex)):
            # "“Every single amendment,” said Cruz": a subject to the left is
            # the quotation's own word; the name after the cue speaks. The
            # parse may give the verb both ("“The drop is attributable to
            # the emails, the foundation,” said a person close to them").
            after = next((c for c in cue.rights if lex.has_dep(c, "active_subject")), None)
            # "Washington, star of television’s “Scandal,” thanked Obama":
            # a second subject before a quoted title is the speaker.
            before = [c for c in cue.lefts if lex.has_dep(c, "active_subject") and c.i < subj.left_edge.i - 1]
            title = len([t for t in cue.doc[subj.left_edge.i:cue.i] if t.is_alpha]) <= 3
            subj = (before[-1] if before and title and after is None else None) or after or _inverted_subject(cue, lex) or subj
        if subj is None and (tok == cue or (climbed == "advcl" and _after_quotation(tok))):
            # "“...,” said Skelly, explaining he worked ...": the
            # participle's speaker is the inverted subject of the verb it
            # hangs on; not "..., and, citing Exodus, endorsed Senator Ted
            # Cruz, urging ...": a verb after a mere comma has its object.
            subj = _inverted_subject(tok, lex)
        if subj is None and tok == cue:
            subj = _object_of_as(cue, lex)
        if subj is None and tok == cue:
            # "When someone shouted, “Cruz,” Beck joked", "While Will
            # acknowledges ...": a name the parse hung on the verb itself
            # as a compound or a modal is its subject, before any clause
            # the verb hangs on.
            subj = _name_as_compound(cue) or _name_taken_for_modal(cue)
        if subj is not None and tok != cue and subj.i > cue.i:
            # A quotation opened after the participle and still open at the
            # subject.
            marks = [t for t in cue.doc[cue.sent.start:subj.i] if t.text in DOUBLE_MARKS]
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
        reporting = (_conjunct_of_report(cue, lex) or _finite_conjunct_owner(cue, lex) or _verb_before_aside(cue, lex)
                     or _verb_before_interruption(cue, lex)) if tok == cue else None
        if reporting is not None:
            climbed, tok = "conj", reporting
            continue
        # Not "urging voters to see ... and promising to ...": only an
        # infinitive cue goes with the object.
        controller = _object_controller(tok, lex) if cue.tag_ == "VB" or tok == cue else None
        if controller is not None:
            return controller
        if (tok.dep_ in ("conj", "xcomp", "advcl", "acomp") or _loose_verb(tok)) and tok.head != tok:
            climbed = tok.dep_
            # "... a “distortion,” describing", "... the law — saying": the
            # separator may close a quotation, or be a dash.
            # "... has the qualifications -- having suggested ... -- but
            # said": a perfect participle too, and a double hyphen.
            perfect = tok.tag_ == "VBN" and any(c.lower_ == "having" for c in tok.children)
            participle = (tok.tag_ == "VBG" or perfect) and tok.dep_ == "advcl" and set_off(tok.doc, tok.left_edge.i, -1, ",—–--") is not None
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
                if _held_by_nobody(noun.head, lex):
                    return noun
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
            # "Murdoch, who is by all accounts enjoying ... and is saying":
            # the parse may hang "who" on the clause's auxiliary.
            pronoun = pronoun or next((c for a in tok.children if a.dep_ in ("aux", "auxpass") and a.i < tok.i for c in a.children
                                       if c.lower_ in ("who", "whom") and lex.has_dep(c, "subject")), None)
            return pronoun or tok.head
        if tok != cue and (lex.has_dep(tok, "object") or tok.dep_ in ("attr", "prep", "advmod")) and tok.head.pos_ in ("VERB", "AUX"):
            # "makes no apologies for accusing ...", "has been the most
            # aggressive in denouncing ...", "went so far as to say": the
            # phrase the cue hangs in belongs to a verb whose subject speaks.
            climbed, tok = tok.dep_, tok.head
            continue
        # "Black Lives Matter issued a statement saying ...": the verb the
        # cue climbed to may have lost its subject as the cue did.
        return (_leading_clause_subject(tok, lex) or subject_to_the_left(cue, lex) or (_named_left_of(tok, lex) if tok != cue else None)
                or _swallowed_subject(tok, lex) or _name_as_compound(cue) or _name_taken_for_modal(tok))
    return None


def _held_by_nobody(verb: Token, lex: Lexicon) -> bool:
    """"there is anecdotal evidence suggesting ...", "Guests are given
    tickets telling them ...": the verb over a thing names nobody who made
    or holds it (an empty "there", a passive with no agent); the thing
    speaks for itself."""
    if any(c.dep_ == "expl" for c in verb.children):
        return True
    return any(lex.has_dep(c, "passive_subject") for c in verb.children) and _agent_of(verb, lex) is None


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
    dash = next((t.i for t in doc[start:min(start + 6, cue.i)] if t.text in DASHES | {"―"}), None)
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
    while k > cue.sent.start and doc[k].lower_ in _ALL_OF_THEM:
        k -= 1
    noun = doc[k]
    while noun.dep_ in ("compound", "flat", "conj") and noun.head.i < cue.i and noun.head != noun:
        noun = noun.head if noun.dep_ != "conj" else noun.head
    # The parse may hang "all calling ..." on the noun as an appositive.
    held = cue.head.head if cue.head.lower_ in _ALL_OF_THEM and cue.head.head.i < cue.head.i else cue.head
    if not lex.has_dep(noun, "prep_object") or noun.head.lower_ != prep or any(
            t.i > k and t not in cue.subtree and t.lower_ not in _ALL_OF_THEM for t in noun.subtree):
        return None
    if prep == "with" and (noun.head.head.pos_ not in ("VERB", "AUX") or (cue.dep_ == "acl" and held != noun)):
        return None  # not "file reports with the Commission detailing ...": the reports detail
    # "common for news accounts to portray ...": after an adjective or a
    # noun, the object of "for" is the infinitive's subject whatever it is;
    # not "reached for a metaphor to describe ...".
    loose = prep == "for" and noun.head.head.pos_ not in ("VERB", "AUX") and not is_time(noun)
    return noun if noun.pos_ in ("NOUN", "PROPN", "PRON") and (can_speak(noun, lex) or loose) else None


_ALL_OF_THEM = ("all", "both", "each")


def _object_of_as(verb: Token, lex: Lexicon) -> Optional[Token]:
    """"As Akhil Amar, professor of law at Yale, put it, ...": the parse took
    the subject of an "as" clause for the object of "as"."""
    as_ = next((c for c in verb.children if c.lower_ == "as" and c.i < verb.i and lex.has_dep(c, "mark")), None)
    if as_ is None or not (as_.i == verb.sent.start or verb.doc[as_.i - 1].text == "," or verb.doc[as_.i - 1].text in DASHES):
        return None  # not "pivoting to her record as the nation's top diplomat to call ..."
    return next((c for c in as_.children if lex.has_dep(c, "prep_object") and c.pos_ in ("PROPN", "NOUN") and can_speak(c, lex)), None)


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
    inside the sentence for a modal, which a past form or a third person
    singular never follows."""
    return next((c for c in verb.lefts if c.i == verb.i - 1 and c.tag_ == "MD" and c.is_title and c.i > c.sent.start
                 and verb.tag_ in ("VBD", "VBN", "VBZ")), None)


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
    # The parse may take the infinitive for one of purpose ("drove
    # thousands of Armenians to demand", "sent a host to the streets to ask").
    if verb.dep_ not in ("xcomp", "advcl") or verb.tag_ not in ("VB", "VBG") or verb.head.i >= verb.i or (
            verb.head.lemma_.lower() not in lex.object_control_verbs):
        return None
    if verb.dep_ == "advcl" and verb.tag_ == "VB" and not any(c.tag_ == "TO" for c in verb.children):
        return None
    obj = next((c for c in verb.head.children if lex.has_dep(c, "object") and verb.head.i < c.i < verb.i), None)
    if obj is None or obj.lower_ in ("it", "this", "that") or obj.lemma_.lower() in lex.speech_nouns:
        return None
    if verb.tag_ == "VBG" and obj.right_edge.i + 1 != verb.i:
        # "have left 62 percent of voters saying ...": a participle right
        # after the object; not one set off after it.
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
        if is_speech_verb(head, lex) and any(lex.has_dep(c, "active_subject") and c.i < head.i and _after_quotation(c.left_edge)
                                             for c in head.children):
            # "Comey cannot say that “from his perspective,” Lewandowski
            # added, saying ...": the verb after the quotation reports it,
            # however the parse hung it.
            break
        # "made it clear ... that she has their backs, touting ...": the
        # parse may take a that-clause for an adverbial one.
        that_clause = head.dep_ == "advcl" and any(c.lower_ == "that" and lex.has_dep(c, "mark") for c in head.children)
        if (lex.has_dep(head, "complement_clause") or that_clause) and (is_speech_verb(head.head, lex) or _finite(head) or not any(
                lex.has_dep(c, "subject") and can_speak(c, lex) for c in head.children)):
            # Not "remember Carter going on TV, declaring ...": a speaker
            # inside a gerund clause that reports nothing is the
            # participle's; but "She was adamant that she and the company
            # keep the upper hand, telling ...": a finite clause is what
            # the main subject holds, and that subject goes on speaking
            # (not "The concern is that ...": a thing holds nothing).
            up = head.head
            if (up.dep_ == "acomp" or up.pos_ == "ADJ") and _finite(head):
                up = up.head  # "was certain that ...", "made it clear that ..."
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
    if cue.dep_ != "conj" or aside.i > cue.i or not any(t.text in DASHES for t in doc[aside.i + 1:cue.i]):
        return None
    said_by = next((c for c in aside.children if lex.has_dep(c, "active_subject")), aside)
    if any(lex.has_dep(c, "subject") for c in cue.children) or not _after_quotation(said_by.left_edge):
        return None
    # The sentence before the opening dash: a clause of the aside's verb,
    # with a subject of its own, and a dash after it.
    return next((c for c in aside.children if lex.has_dep(c, "complement_clause") and c.i < aside.i and DASHES.intersection(
        t.text for t in doc[c.i + 1:said_by.left_edge.i]) and any(lex.has_dep(g, "active_subject") for g in c.children)), None)


def _verb_before_interruption(cue: Token, lex: Lexicon) -> Optional[Token]:
    """"Trump called immigrants “rapists” (although he allowed that ...) and
    promised ...", "He has fulminated against ... - ''I love Oreos,'' he
    said, ''...'' - and vowed ...": the parse coordinated the verb after a
    parenthesis or a pair of dashes with the aside's own verb; it goes on
    the clause before the aside, whose subject speaks. Returns that
    clause's verb."""
    doc, start = cue.doc, cue.sent.start
    if cue.dep_ != "conj" or cue.head.i > cue.i or any(lex.has_dep(c, "subject") for c in cue.children):
        return None
    k = cue.i - 1
    while k > start and (doc[k].dep_ == "cc" or doc[k].text == ","):
        k -= 1
    marks = ("(",) if doc[k].text == ")" else DASHES if doc[k].text in DASHES else ()
    opener = next((j for j in range(k - 1, start - 1, -1) if doc[j].text in marks), None)
    if opener is None or not opener < cue.head.i < k:
        return None
    j = opener - 1
    while j > start and (doc[j].is_punct or doc[j].is_space):
        j -= 1
    for verb in (doc[j], *doc[j].ancestors):
        if verb.i > opener:
            return None
        if verb.pos_ in ("VERB", "AUX") and verb.right_edge.i < opener and any(
                lex.has_dep(c, "active_subject") and c.lower_ not in RELATIVE_PRONOUNS for c in verb.children):
            return verb
    return None


def _subject_taken_for_conjunct(verb: Token, lex: Lexicon) -> Optional[Token]:
    """"prosecutors charged the officer with murder and Emanuel fired ...",
    "... will brand you a liar and NBC News will accuse you ...": the parse
    coordinated the second clause's subject with the first clause's object
    and left the second verb without one; a finite verb right after a
    coordinated noun has it for its subject."""
    if verb.dep_ != "conj" or verb.head.i > verb.i or not _finite(verb) or any(lex.has_dep(c, "subject") for c in verb.children):
        return None
    doc = verb.doc
    k = verb.i - 1
    while k > verb.sent.start and doc[k].head.i == verb.i and doc[k].dep_ in ("aux", "auxpass", "neg", "advmod"):
        k -= 1
    noun = doc[k]
    if noun.pos_ not in ("NOUN", "PROPN", "PRON") or noun.dep_ != "conj" or noun.head.i > noun.i or (
            noun.head.pos_ not in ("NOUN", "PROPN", "PRON")) or noun.right_edge.i != k:
        return None
    # The noun's own words start right after the conjunction.
    cc = doc[noun.left_edge.i - 1] if noun.left_edge.i > 0 else None
    if cc is None or cc.dep_ != "cc" or not (noun.head.i < cc.i) or is_time(noun):
        return None
    return noun


def _second_clause_subject(subj: Token, verb: Token) -> Optional[Token]:
    """"a group of rabbis called for a boycott of his speech, and the
    Anti-Defamation League strongly denounced ...": the parse took the
    first clause's verb for a modifier of its subject and coordinated the
    second clause's subject with it; that one is the verb's."""
    if subj.i > verb.i:
        return None
    first = next((c for c in subj.children if c.dep_ == "acl" and c.tag_ == "VBD" and c.i > subj.i), None)
    if first is None:
        return None
    # Not "the man arrested Tuesday and his wife said": a comma closes the
    # first clause.
    doc = subj.doc
    return next((c for c in subj.children if c.dep_ == "conj" and first.i < c.i < verb.i and c.pos_ in ("NOUN", "PROPN")
                 and doc[c.left_edge.i - 1].dep_ == "cc" and doc[c.left_edge.i - 2].text == ","), None)


def _nearer_same_tense_subject(verb: Token, lex: Lexicon) -> Optional[Token]:
    """"some people were yawning and others checking their phones as he
    mentioned raising the minimum wage ... and described ...": the parse
    coordinated a past with the main verb in another tense; the nearest
    verb before it in its own tense, with a subject, is its pair."""
    head = verb.head
    if verb.dep_ != "conj" or head.i > verb.i or verb.tag_ not in ("VBD", "VBZ") or head.tag_ == verb.tag_ or any(
            lex.has_dep(c, "subject") for c in verb.children):
        return None
    for tok in reversed(verb.doc[head.i + 1:verb.i]):
        if tok.tag_ == verb.tag_ and tok.pos_ == "VERB" and tok.head.i != verb.i:
            subj = next((c for c in tok.children if lex.has_dep(c, "active_subject") and c.i < tok.i), None)
            return subj if subj is not None and subj.lower_ not in RELATIVE_PRONOUNS and can_speak(subj, lex) else None
    return None


def _sibling_conjunct_subject(verb: Token, lex: Lexicon) -> Optional[Token]:
    """"Hastily politicizing the tragedy ..., Trump cast the blame ..., and
    emphasized ...": the parse hung every verb of the list on the opening
    participle, which has no subject; the nearest verb of the list before
    this one that has a subject lends it."""
    head = verb.head
    if verb.dep_ != "conj" or head.i > verb.i or any(lex.has_dep(c, "subject") for c in verb.children) or any(
            lex.has_dep(c, "subject") for c in head.children):
        return None
    for sibling in sorted((c for c in head.children if c.dep_ == "conj" and c.i < verb.i), key=lambda c: -c.i):
        subj = next((c for c in sibling.children if lex.has_dep(c, "active_subject") and c.i < sibling.i), None)
        if subj is not None:
            return subj if _finite(sibling) and subj.lower_ not in RELATIVE_PRONOUNS else None
    return None


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


def _leading_clause_subject(verb: Token, lex: Lexicon) -> Optional[Token]:
    """"Trump summed up Clinton as “terrible,” denounced her record and
    said ...": the parse hung the first of the coordinated verbs on the
    subjectless one as a clause of its own; with no word such as "when"
    to open it and no quotation, it is the same speaker's verb."""
    if verb.tag_ not in FINITE_TAGS:
        return None
    clause = next((c for c in verb.children if c.dep_ in ("advcl", "ccomp") and c.i < verb.i and c.tag_ in FINITE_TAGS
                   and c.left_edge.i == verb.sent.start and not c.left_edge.is_quote
                   and not any(m.dep_ == "mark" for m in c.children)), None)
    if clause is None:
        return None
    subj = next((c for c in clause.children if lex.has_dep(c, "active_subject") and c.i < clause.i), None)
    if subj is None or clause.tag_ == verb.tag_:
        return subj
    # "Kasich jokingly offered the man a job ..., then says ...": in
    # another tense, only a subject that can speak, of a clause closed by a
    # comma.
    comma = verb.doc[clause.right_edge.i + 1].text == ","
    return subj if comma and can_speak(subj, lex) and subj.lower_ not in ("it", "this", "that", "there") else None


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
    bare = not any(lex.has_dep(c, "aux") or lex.has_dep(c, "subject") for c in cue.children)
    if bare and cue.tag_ in ("VBN", "VBD") and cue.i > cue.sent.start and cue.doc[cue.i - 1].lower_ in ("when", "if"):
        # "Ted Cruz, when asked what ..., responded", "Clinton said ... when
        # asked what ...": however the parse hung it, a bare participle
        # right after "when" is a passive clause of its own.
        return True
    return (cue.tag_ == "VBN" or (cue.tag_ == "VBD" and opening)) and lex.has_dep(cue, "clausal_modifier") and bare


def _loose_verb(tok: Token) -> bool:
    """"Clinton paused, then revealed why ...": a verb the parse hung on
    the one before it with no relation it could name."""
    return tok.dep_ == "dep" and tok.pos_ == "VERB" and tok.head.pos_ == "VERB" and tok.head.i < tok.i


def _inverted_subject(cue: Token, lex: Lexicon) -> Optional[Token]:
    """"“We have to wait,” recalled Mr. Rhodes": after a quotation or a
    comma the parse may take the name that follows the cue for its object."""
    doc = cue.doc
    if cue.tag_ not in ("VBD", "VBZ", "VBP") and not (cue.tag_ == "VB" and _after_quotation(cue) and (
            cue.dep_ == "ROOT" or (cue.dep_ == "conj" and not any(c.dep_ in ("aux", "auxpass") for c in cue.children)))):
        # "telling CBS", "citing Exodus": the object is no speaker; but a
        # past "read" the tagger took for a base form after a quotation is
        # finite ("“...,” read the email"), also where the parse coordinated
        # it with a verb of the quotation ("“..., and included ...,” read
        # the statement").
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
    if obj is not None and obj.left_edge.i == cue.i + 1 and _after_quotation(cue) and (can_speak(obj, lex) or (
            (obj.pos_ == "NOUN" or obj.lower_ in ("one", "another")) and not is_time(obj) and _quotation_closed_on_cue(cue))):
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
    opening = next((j for j in range(k - 1, start - 1, -1) if doc[j].text in OPENING_MARKS), None)
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
    # "Mr. Trump, asked about ..., had said": a perfect is finite too.
    perfect = [c for c in cue.lefts if c.dep_ == "aux" and c.lower_ in ("had", "has", "have", "'ve", "’ve") and c.tag_ in FINITE_TAGS]
    if cue.tag_ not in ("VBD", "VBZ", "VBP") and not past and not (cue.tag_ == "VBN" and perfect):
        return None
    described = _described_before(cue, lex)
    if described is not None:
        return described
    doc = cue.doc
    i = min([cue.i, *(c.i for c in perfect)]) - 1
    while i >= 0 and doc[i].pos_ == "ADV" and not _name_like(doc[i]):
        i -= 1  # "Clinton, exasperated, famously responded"
    if i >= 0 and doc[i].text in DASHES | {"―"}:
        # "Mr. Bush - in a line that seemed directed at Mr. Trump -
        # declared": the name before a pair of dashes.
        j = next((k for k in range(i - 1, max(cue.sent.start, i - 30) - 1, -1) if doc[k].text == doc[i].text), None)
        return _name_before(cue, j - 1, lex, strict=True) if j is not None and j > cue.sent.start else None
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
        # "Mr. Trump, asked about the deaths of journalists under Mr. Putin,
        # had said": a participle opening the aside may be tagged a past.
        participle = j >= 0 and doc[j + 1].tag_ in ("VBN", "VBD", "VBG") and not any(
            lex.has_dep(c, "subject") for c in doc[j + 1].children)
        if j >= 0 and doc[j].text == opener and doc[j + 1].lower_ not in ("who", "whose") and any(
                t.tag_ in FINITE_TAGS for t in doc[j + 1 + participle:i]):
            j = -1
        if j >= 0 and doc[j].text == opener:
            if doc[j + 1].pos_ == "DET" or doc[j + 1].tag_ == "PRP$" or participle:
                # "Brendan Buck, a spokesman for Ryan, told": the name
                # before a description, not the one inside it.
                candidates.insert(0, j - 1)
            else:
                candidates.append(j - 1)
        for k in candidates:
            tok = _name_before(cue, _past_parenthesis(doc, k), lex, strict=True)
            if tok is not None:
                return tok
        return None
    return _name_before(cue, i, lex, strict=False)


def _past_parenthesis(doc, i: int) -> int:
    """"Sen. Richard J. Durbin (D-Ill.), noting ..., said": the word before
    a parenthesis that ends at token i, else i."""
    if i < 1 or doc[i].text != ")":
        return i
    j = i - 1
    while j > doc[i].sent.start and doc[j].text != "(" and i - j < 8:
        j -= 1
    return j - 1 if doc[j].text == "(" else i


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
    if tok.ent_type_ in ("DATE", "TIME") and lex.has_dep(tok, "prep_object") and tok.head.i == tok.left_edge.i - 1:
        # "who Beck on Wednesday called": a day never speaks; who does
        # stands before its phrase.
        return _name_before(cue, tok.head.i - 1, lex, strict)
    if _names_someone(tok, lex, strict):
        if strict and tok.ent_type_ in ("GPE", "LOC", "DATE", "TIME", "FAC"):
            return None  # "In Washington, said ..."
        while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i and tok.head.i < cue.i:
            tok = tok.head
        return tok
    # "more than two-thirds of those in the nation's rising generation
    # predict": the parse may hang the share's phrase on a preposition.
    share = _phrase_ending_at(tok, cue) if not strict else tok
    return share if share.i != tok.i and share.ent_type_ in ("PERCENT", "CARDINAL") and _names_someone(share, lex, strict) else None


def _names_someone(tok: Token, lex: Lexicon, strict: bool) -> bool:
    pronoun = tok.lower_ in ("he", "she", "they", "it", "we")
    # "Among likely GOP primary voters, about two-thirds, 67 percent, say":
    # a share of people is no place name or date, even after a comma.
    share = tok.ent_type_ == "PERCENT" or tok.lower_ == "percent"
    loose = share or not strict and (can_speak(tok, lex) or tok.ent_type_ == "CARDINAL")
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG") or pronoun or _name_like(tok) or loose


def _phrase_ending_at(tok: Token, cue: Token) -> Token:
    """"more than two-thirds of those in the nation's rising generation
    predict": the head of the widest noun phrase that ends at ``tok``, the
    word before the verb, however deep the parse hung ``tok`` in it."""
    best, k = tok, tok
    while k.head.i != k.i and k.head.i < cue.i and k.dep_ in ("pobj", "prep", "poss", "case"):
        k = k.head
        if k.pos_ in ("NOUN", "PROPN", "NUM") and k.right_edge.i == tok.i:
            best = k
    return best


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
        if child.dep_ == "punct" and child.text == "," and _list_comma(head, child, lex):
            continue
        if (lex.has_dep(child, "appositive") and comma_before) or child.dep_ in lex.dependencies["relative_clause"] or (
            child.dep_ in ("advcl", "punct", "parataxis") and child.i > head.i
        ) or (child.dep_ == "acl" and (comma_before or child.tag_ == "VBG" or child.tag_ in FINITE_TAGS or lost_main_verb(child, lex))):
            # A finite verb is no modifier of the noun, whatever the parse
            # says: "The senator called upon the council to ..." is the
            # speaker and the cue.
            excluded.update(range(child.left_edge.i, child.right_edge.i + 1))
        elif head.pos_ in ("PROPN", "NOUN") and ((child.lower_ in ("who", "whom") and child.i < head.i) or (
                child.i > head.i and child.right_edge.i == head.right_edge.i and lex.has_dep(child, "preposition")
                and any(lex.has_dep(g, "prep_object") and g.ent_type_ in ("DATE", "TIME") for g in child.children))):
            # "who Beck on Wednesday called", "Trump on Tuesday dismissed":
            # the parse hung the relative pronoun or the day on the name.
            excluded.update(range(child.left_edge.i, child.right_edge.i + 1))
        elif child.i > head.i and lex.has_dep(child, "preposition") and any(
                g.dep_ == "pcomp" and g.tag_ == "VBG" and not g.is_title for g in child.children):
            # "was accused by the news media of beating his wife": what the
            # speaker accuses of, which the parse hung on the speaker.
            excluded.update(range(child.left_edge.i, child.right_edge.i + 1))
    # "“...,” tweeted Rubio spokesman X": the cue hung on the speaker is not his.
    excluded.update(t.i for t in head.subtree if inverted_after_quotation(t))
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


def _list_comma(head: Token, comma: Token, lex: Lexicon) -> bool:
    """"Mark Blumenthal, Jon Cohen and Ann Selzer said": the comma between
    the names of a list that ends in "and" joins them; it sets off no aside."""
    conjs, k = [head], 0
    while k < len(conjs):
        conjs += [c for c in conjs[k].children if lex.has_dep(c, "conjunct")]
        k += 1
    conjs = conjs[1:]
    if len(conjs) < 2 or not any(c.left_edge.i == comma.i + 1 for c in conjs):
        return False
    return any(t.lower_ in ("and", "&") and lex.has_dep(t, "coordinator") for t in head.doc[comma.i:max(c.i for c in conjs)])


def _names_description(head: Token, appositive: Token, lex: Lexicon) -> bool:
    """"One of the men, Jessie Elkins, 70, said", "The head of the PAC,
    Mike Murphy, praised": the name after a description is who speaks, and
    annotators mark it; the mention keeps both."""
    # A capitalised title is a description too ("Georgia’s Public Defender,
    # Levan Ioseliani").
    return (head.pos_ != "PROPN" or head.lower_ in lex.title_heads) and head.ent_type_ != "PERSON" and appositive.ent_type_ == "PERSON" \
        and appositive.i > head.i
