"""Undo the named-entity recogniser's common slips before entities are
indexed: one pass per slip, applied in order by ``repaired_entities``.

The small English model tags headline words as entities, runs one entity
across a comma, cuts names short after a title, misses given names and
takes one-word company names for people. Each pass below takes the entity
spans so far and returns them corrected; the word lists they read are in
``models/`` (given names, honorifics, titles, organisation words).
"""
from __future__ import annotations

from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.tokens import Doc, Span, Token

from .lexicon import Lexicon
from .scan import positions, positions_where, word_ids


def repaired_entities(doc: Doc, lex: Lexicon, text: str) -> list[Span]:
    """The Doc's entities with headlines dropped and the NER's slips undone."""
    spans = _split_and_relabel(doc, lex, [e for e in doc.ents if not _in_headline(e, text)])
    spans = _with_titled_names(doc, lex, spans)
    spans = _with_given_names(doc, lex, spans)
    spans = _organisations_named_as_people(doc, lex, spans)
    spans = _described_organisations(doc, lex, spans)
    return _described_people(doc, lex, spans)


def _in_headline(ent: Span, text: str) -> bool:
    """A headline or a title line has no final punctuation; its capitalised
    words are not entities ("Lisbon Dockworkers Extend Strike")."""
    start = text.rfind("\n", 0, ent.start_char) + 1
    end = text.find("\n", ent.start_char)
    line = text[start:end if end >= 0 else len(text)].strip()
    return bool(line) and line[-1] not in ".!?\"”’»:;)," and len(line.split()) <= 20


def _with_given_names(doc: Doc, lex: Lexicon, ents: list[Span]) -> list[Span]:
    """A known given name followed by capitalised words is a person, whatever
    the NER made of it ("Marina Couto" tagged ORG, or not tagged at all)."""
    def looks_named(e: Span) -> bool:
        words = [t for t in e if t.text != "-"]  # "Jean-Baptiste Ngakola"
        return 2 <= len(words) <= 3 and e[0].text in lex.first_names and all(t.pos_ == "PROPN" for t in words) \
            and words[-1].lower_ not in lex.org_name_words

    out = [Span(doc, e.start, e.end, label="PERSON") if e.label_ in ("ORG", "GPE", "NORP") and looks_named(e) else e for e in ents]
    taken = {i for e in out for i in range(e.start, e.end)}
    extra = []
    for i in positions(doc, ORTH, lex.first_name_ids):
        tok = doc[i]
        if tok.i in taken or tok.i + 1 >= len(doc):
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i < 3 and end not in taken and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
            end += 1
        if end > tok.i + 1 and doc[end - 1].lower_ not in lex.org_name_words:
            extra.append(Span(doc, tok.i, end, label="PERSON"))
            taken.update(range(tok.i, end))
    return sorted(out + extra, key=lambda e: e.start) if extra else out


def _split_and_relabel(doc: Doc, lex: Lexicon, ents: list[Span]) -> list[Span]:
    """Undo two common NER slips: one entity across a comma ("the Daily
    Nation, Ms Kamau") and a PERSON whose last word names an organisation
    ("Manchester United", "Savannah Research")."""
    out = []
    for e in ents:
        parts, start = [], e.start
        for t in e:
            if t.text == "," and t.i > start:
                parts.append((start, t.i))
                start = t.i + 1
        parts.append((start, e.end))
        if not any(doc[a].lower_.rstrip(".") in lex.honorifics or doc[a].text in lex.first_names for a, _ in parts[1:]):
            parts = [(e.start, e.end)]  # "Ministry of Trade, Industry and Energy"
        for a, b in parts:
            if a >= b:
                continue
            label = e.label_
            if len(parts) > 1 and (doc[a].lower_.rstrip(".") in lex.honorifics or doc[a].text in lex.first_names):
                label = "PERSON"
            elif label == "PERSON" and b - a > 1 and doc[b - 1].text[:1].isupper() and doc[b - 1].lower_ in lex.org_name_words:
                label = "ORG"
            out.append(Span(doc, a, b, label=label) if (a, b, label) != (e.start, e.end, e.label_) else e)
    return out


def _with_titled_names(doc: Doc, lex: Lexicon, ents: list[Span]) -> list[Span]:
    """Add the names the NER missed or cut short after a title or honorific:
    "Marathon Mayor Stelios Karras", "Mr Fonseca", "scientist Daniel Roy"."""
    # An ORG that ends in a title and a name is an affiliation, a title and
    # a person: "Chicago Police Superintendent Darnell Hayes".
    split = []
    for e in ents:
        if e.label_ == "ORG":
            title = next((t for t in reversed(e[:-1]) if t.lower_ in lex.title_heads and t.lower_ not in lex.portfolios), None)
            rest = e[title.i - e.start + 1:] if title is not None else []
            if title is not None and all(t.pos_ == "PROPN" and t.lower_ not in lex.org_nouns and t.lower_ not in lex.portfolios
                                         and t.lower_ not in lex.title_heads for t in rest):
                if title.i > e.start:
                    split.append(Span(doc, e.start, title.i, label="ORG"))
                split.append(Span(doc, title.i + 1, e.end, label="PERSON"))
                continue
        split.append(e)
    ents = split
    taken = {i for e in ents if e.label_ != "PERSON" for i in range(e.start, e.end)}
    persons = [e for e in ents if e.label_ == "PERSON"]
    extra: list[Span] = []

    def titled(lower: str) -> bool:
        word = lower.rstrip(".")
        return word in lex.title_heads or word in lex.honorifics or word + "." in lex.honorifics

    for k in positions_where(doc, LOWER, titled):
        tok = doc[k]
        i = tok.i + 1
        while i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper() and i not in taken and doc[i].lower_ not in lex.title_heads \
                and doc[i].lower_ not in lex.org_nouns and doc[i].lower_ not in lex.portfolios and not lex.country(doc[i].text):
            i += 1
        if i == tok.i + 1 or i - tok.i > 4:
            continue
        span = Span(doc, tok.i + 1, i, label="PERSON")
        if any(p.start <= span.start and p.end >= span.end for p in persons):
            continue
        extra.append(span)
    if not extra:
        return ents
    # A longer titled name replaces a PERSON entity it covers.
    kept = [e for e in ents if not (e.label_ == "PERSON" and any(x.start <= e.start and x.end >= e.end for x in extra))]
    return sorted(kept + extra, key=lambda e: e.start)


def _organisations_named_as_people(doc: Doc, lex: Lexicon, spans: list[Span]) -> list[Span]:
    """"Hanbit said" tagged PERSON where the text also says "chipmaker
    Hanbit": a one-word name that follows an organisation word, and
    never a given name or an honorific, names an organisation."""
    names = {e[0].text for e in spans if e.label_ == "PERSON" and len(e) == 1 and e[0].text not in lex.first_names}
    if not names:
        return spans
    # The word before every occurrence.
    before: dict[str, set[str]] = {}
    for i in positions(doc, ORTH, word_ids(names)):
        prev = doc[i - 1].lower_.rstrip(".") if i > 0 else ""
        if prev:
            before.setdefault(doc[i].text, set()).add(prev)
    out = []
    for e in spans:
        words = before.get(e[0].text, ()) if e.label_ == "PERSON" and len(e) == 1 else ()
        if any(b in lex.org_nouns for b in words) and not any(
                b in lex.honorifics or b in lex.title_heads or b in lex.first_names for b in words):
            e = Span(doc, e.start, e.end, label="ORG")
        out.append(e)
    return out


def _name_run(head: Token) -> tuple[int, int]:
    """The capitalised proper nouns around ``head`` ("CD Benimàmet"), with
    the prepositions inside a name ("March for Bernie at DNC")."""
    doc = head.doc
    start = head.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper() and doc[start - 1].head.i == head.i:
        start -= 1
    end = head.i + 1
    tail = doc[end:head.right_edge.i + 1]
    if len(tail) and tail[-1].pos_ == "PROPN" and all(
            (t.pos_ == "PROPN" and t.text[:1].isupper()) or (t.pos_ == "ADP" and t.is_lower) for t in tail):
        end = head.right_edge.i + 1
    return start, end


def _described_organisations(doc: Doc, lex: Lexicon, spans: list[Span]) -> list[Span]:
    """A name the text describes with an organisation noun is an
    organisation, whatever the NER made of it: "Rijkswaterstaat, the agency
    that ...", "Alpes Rail, the operator of ..." (tagged a work of art),
    "the amateur football club CD Benimàmet" (tagged a person)."""
    found = []
    for i in positions(doc, LEMMA, lex.org_noun_ids):
        tok = doc[i]
        # A lowercase noun, whatever its tag ("the dockworkers’ union SEAL" has a PROPN "union").
        if tok.pos_ not in ("NOUN", "PROPN") or not tok.is_lower:
            continue
        if lex.has_dep(tok, "appositive"):
            name = tok.head  # "Renfe, the national rail operator"
        elif tok.dep_ == "compound" and tok.head.i > tok.i:
            name = tok.head  # "the football club CD Benimàmet"
        else:
            name = next((c for c in tok.children if lex.has_dep(c, "appositive")), None)  # "The operator, Lumen Transports"
        if name is None or name.pos_ != "PROPN" or not name.text[:1].isupper():
            continue
        start, end = _name_run(name)
        if tok.dep_ == "compound" and start <= tok.i:
            start = tok.i + 1
        if start < end and not lex.country(doc[start:end].text):
            definite = any(c.lower_ == "the" or lex.has_dep(c, "possessive") for c in tok.children)
            found.append((start, end, tok.lemma_ not in lex.people_org_nouns, definite))

    def stays(e: Span, start: int, not_a_person: bool, definite: bool) -> bool:
        # The NER takes many an unknown name for a person's or a place's; an
        # honorific or a given name says it is a person. A place is an
        # organisation only as "the" one of its kind ("Liscont, the
        # terminal's main operator"): "flood-ravaged Louisiana, a Baton
        # Rouge newspaper" is a misparse.
        person = doc[start].text in lex.first_names or doc[start].lower_.rstrip(".") in lex.honorifics
        return (e.label_ == "PERSON" and (person or not not_a_person)) or (e.label_ == "GPE" and not definite)

    return _relabelled(doc, spans, found, "ORG", stays)


def _described_people(doc: Doc, lex: Lexicon, spans: list[Span]) -> list[Span]:
    """A name followed by a title in apposition names a person, whatever the
    NER made of it: "Precious Lungu, the group's chair" (tagged a place,
    "Precious" left out). Not a title organisations hold too ("the owner"),
    nor a country."""
    found = []
    for i in positions(doc, LOWER, lex.title_head_ids):
        tok = doc[i]
        if not tok.is_lower or tok.lemma_ in lex.org_nouns:
            continue
        name = tok.head
        if not lex.has_dep(tok, "appositive") or name.pos_ != "PROPN" or not name.text[:1].isupper() or name.i > tok.i:
            continue
        start, end = _name_run(name)
        # "Precious Lungu": a given name the tagger took for an adjective.
        while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].head.i == name.i and doc[start - 1].dep_ in ("amod", "compound"):
            start -= 1
        while start < end - 1 and (doc[start].lower_.rstrip(".") in lex.honorifics or doc[start].lower_ in lex.title_heads):
            start += 1  # "Rep. Joe Wilson": the person is Joe Wilson
        if not lex.country(doc[start:end].text) and not any(t.lower_ in lex.org_name_words for t in doc[start:end]):
            found.append((start, end))
    return _relabelled(doc, spans, found, "PERSON", lambda e, start: e.label_ == "PERSON")


def _relabelled(doc: Doc, spans: list[Span], found: list[tuple], label: str, stays) -> list[Span]:
    """``spans`` with each ``(start, end, *facts)`` of ``found`` made a
    ``label`` entity in place of those inside it; not across an entity
    reaching outside it, nor over one ``stays(entity, start, *facts)``
    keeps."""
    if not found:
        return spans
    out = list(spans)
    for start, end, *facts in found:
        overlapping = [e for e in out if e.start < end and start < e.end]
        if any(e.start < start or e.end > end or stays(e, start, *facts) for e in overlapping):
            continue
        out = [e for e in out if e not in overlapping] + [Span(doc, start, end, label=label)]
    return sorted(out, key=lambda e: e.start)
