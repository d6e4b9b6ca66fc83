"""Who a speaker mention refers to: one entity per person or organisation
in a document, with a canonical name, kind, role and affiliation.

A light, rule-based coreference: names are merged by surname ("Kyiv Mayor
Vitali Klitschko", "Klitschko", "Mr Klitschko"), pronouns go to the nearest
compatible entity before them, definite descriptions ("the mayor", "the
ministry") to the latest entity with that role or organisation word. A role
found at any mention belongs to the entity from then on. The entity spans
come from the NER through ``entity_repair``, which undoes its usual slips.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterator, Optional

import numpy
from spacy.attrs import LOWER, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .entity_repair import repaired_entities
from .lexicon import Lexicon
from .nlp import whole_words
from .quotemarks import Quotation, find_quotations, quotation_finder
from .roles import TENURE_WORDS, PLACE_KINDS, role_in
from .scan import positions, word_ids

_STRIP = {"the", "a", "an"}
_AGE = re.compile(r"(?i)the \d+-year-old$")
# "(D-Calif.)", "(I-VT)", "(R-S.C.)": a party initial, a hyphen, a state.
_PARTY_STATE = re.compile(r"[ \u00a0]?\((?:D|R|I|Ind|Dem|Rep)\.?[-\u2013]([A-Z][A-Za-z. ]{1,18}?)\)")
_POSSESSIVE = {"'s", "’s", "'", "’"}


@dataclass
class Entity:
    name: str
    kind: str  # person | organization
    role: Optional[str] = None
    affiliation: Optional[str] = None
    gender: Optional[str] = None
    # What the text calls an organisation ("Renfe, the national rail
    # operator"; "the club CD Benimàmet"), so that "the operator" or "the
    # club" later finds it though its name does not hold the word.
    descriptions: set[str] = field(default_factory=set)


@dataclass
class Resolution:
    name: Optional[str]
    kind: str
    role: Optional[str]
    affiliation: Optional[str]
    resolved: bool  # True when found through a pronoun or a description
    entity: Optional[Entity] = None


@dataclass
class _Mention:
    start: int  # token index
    end: int
    entity: Entity
    is_subject: bool = False
    quoted: bool = False  # inside a quotation: the speaker's words, not the narrator's


def strip_article(text: str) -> str:
    words = text.split()
    while words and words[0].lower() in _STRIP:
        words = words[1:]
    out = " ".join(words)
    for p in _POSSESSIVE:
        if out.endswith(p) and len(out) > len(p):
            out = out[: -len(p)]
            break
    return out


_WORD_CHAR = re.compile(r"\w")


def _count_phrase(text: str, phrase: str) -> int:
    """``len(re.findall(r"\b" + re.escape(phrase) + r"\b", text))`` without
    compiling a pattern per name: most names are new to the regex cache."""
    def boundary(i: int) -> bool:
        before = i > 0 and _WORD_CHAR.match(text, i - 1) is not None
        after = i < len(text) and _WORD_CHAR.match(text, i) is not None
        return before != after

    n, i = 0, text.find(phrase)
    while i >= 0 and phrase:
        if boundary(i) and boundary(i + len(phrase)):
            n += 1
            i = text.find(phrase, i + len(phrase))
        else:
            i = text.find(phrase, i + 1)
    return n


def _national(role: str, lex: Lexicon) -> bool:
    """Whether an office belongs to a country: its last word, or its last
    words, are listed ("minister", "interior secretary")."""
    words = role.lower().split()
    return words[-1] in lex.national_roles or " ".join(words[-2:]) in lex.national_roles or " ".join(words[-3:]) in lex.national_roles


class EntityIndex:
    def __init__(self, doc: Doc, lex: Lexicon, text: Optional[str] = None, quotations: Optional[list[Quotation]] = None):
        self.doc = doc
        self.lex = lex
        self.entities: list[Entity] = []
        self.mentions: list[_Mention] = []
        self.places: list[tuple[int, str]] = []  # (token, country or place)
        # Countries named, implied by a demonym ("Greek", "Georgian") or by a
        # US state: the votes for which country a bare "Prime Minister" serves.
        self.nations: list[str] = []
        self._by_surname: dict[str, Entity] = {}
        self._orgs: dict[str, Entity] = {}
        # Doc.text joins every token on each call: read it once.
        self.text = doc.text if text is None else text
        self._orths = doc.to_array(ORTH)
        for ent in repaired_entities(doc, lex, self.text):
            if ent.label_ == "PERSON":
                self._add_person(ent)
            elif ent.label_ == "ORG":
                self._add_org(ent)
            elif ent.label_ in ("GPE", "LOC"):
                name = strip_article(ent.text)
                self.places.append((ent.start, lex.country(name) or name))
            if ent.label_ in ("GPE", "NORP") and lex.country(strip_article(ent.text)):
                self.nations.append(lex.country(strip_article(ent.text)))
            elif ent.label_ == "GPE" and strip_article(ent.text) in lex.us_states:
                # US news names the countries it reports on and seldom its
                # own: "Ames, Iowa" and "a Tennessee Republican" vote for it.
                self.nations.append(lex.country("US"))
        self._add_surname_mentions()
        for e in self.entities:
            if e.kind == "person" and e.role:
                e.affiliation = self.full_org_name(e.affiliation, e.role) if e.affiliation else (
                    self.national_default(e.role) or self.state_default(e.role) or self.city_default(e.role)
                    or self.organisation_default(e.role))
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        quotation_at = self._quotation_at = quotation_finder(find_quotations(self.text) if quotations is None else quotations)
        for m in self.mentions:
            m.quoted = quotation_at(doc[m.start].idx) is not None

    def _add_surname_mentions(self) -> None:
        """"Klitschko said" where the NER saw no entity: a capitalised word
        that is the surname of someone named in full earlier."""
        covered = {i for m in self.mentions for i in range(m.start, m.end)}
        for i in positions(self.doc, LOWER, word_ids(self._by_surname)):
            tok = self.doc[i]
            if tok.i in covered or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
                continue
            entity = self._by_surname[tok.lower_]
            if len(entity.name.split()) < 2:
                continue
            nxt = self.doc[tok.i + 1] if tok.i + 1 < len(self.doc) else None
            if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper():
                continue
            first = next((m for m in self.mentions if m.entity is entity), None)
            if first is not None and first.start < tok.i:
                self.mentions.append(_Mention(tok.i, tok.i + 1, entity, tok.dep_ in self.lex.dependencies["subject"]))

    # -- building -------------------------------------------------------
    def _name_start(self, ent: Span) -> int:
        """Where the name proper begins inside a PERSON entity that swallowed
        honorifics or titles: "Chicago Police Superintendent Darnell Hayes"."""
        start = ent.start
        for tok in ent[:-1]:
            word = tok.lower_.rstrip(".")
            if word in self.lex.title_heads or tok.lower_ in self.lex.title_abbreviations or word in self.lex.honorifics or word + "." in self.lex.honorifics or word in self.lex.portfolios or self.lex.country(tok.text):
                start = tok.i + 1
        return start

    def _name_text(self, ent: Span) -> str:
        start = self._name_start(ent)
        end = ent.end
        doc = self.doc
        # "Yoon Ha" + "-" + "na", "Pierre" + "-" + "Alain Moreau": the NER
        # stopped inside a hyphenated name.
        start, end = whole_words(doc, start, end)
        toks = [t for t in doc[start:end] if t.text not in _POSSESSIVE]
        if not toks:
            return ""
        name = self.text[toks[0].idx:toks[-1].idx + len(toks[-1].text)]
        if len(toks) == 1 and toks[0].lower_ not in self._by_surname:
            # "Jacobs" where the NER missed "Zaid Jacobs" earlier.
            earlier = numpy.flatnonzero(self._orths[:ent.start] == get_string_id(toks[0].text)).tolist()
            for i in earlier:
                if i > 0:
                    tok, prev = doc[i], doc[i - 1]
                    if prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.lower_ not in self.lex.title_heads and prev.lower_.rstrip(".") not in self.lex.honorifics \
                            and prev.lower_ not in self.lex.org_nouns:
                        return self.text[prev.idx:tok.idx + len(tok.text)]
        return name

    def _add_person(self, ent: Span) -> None:
        name = self._name_text(ent)
        if not name:
            return
        parts = name.split()
        surname = parts[-1].lower()
        entity = self._by_surname.get(surname)
        # The honorific in the name ("Mrs. Clinton"), else just before it.
        own = self.lex.honorifics.get(ent[0].lower_)
        honorific = own if own is not None else self.lex.honorifics.get(self.doc[ent.start - 1].lower_) if ent.start else None
        gender = honorific if honorific != "-" else None
        if len(parts) == 1 and gender and entity is not None and entity.gender not in (None, gender):
            # "Mrs. Clinton" after "Bill Clinton" and "Hillary Clinton": the
            # Clinton the honorific shows, not the last one named.
            entity = next((e for e in reversed(self.entities) if e.kind == "person" and e.gender == gender
                           and e.name.split()[-1].lower() == surname), entity)
        if entity is None or (len(parts) > 1 and len(entity.name.split()) > 1 and entity.name.split()[0].lower() != parts[0].lower()):
            entity = Entity(name=name, kind="person", gender=self.lex.first_names.get(parts[0]) if len(parts) > 1 else None)
            self.entities.append(entity)
            self._by_surname[surname] = entity
        elif len(parts) > len(entity.name.split()):
            entity.name = name
            entity.gender = entity.gender or self.lex.first_names.get(parts[0])
        if own is not None and own != "-":
            entity.gender = own
        role, aff = self._role_around(ent)
        if role and not entity.role:
            entity.role, entity.affiliation = role, aff
        elif aff and not entity.affiliation and role == entity.role:
            entity.affiliation = aff
        self.mentions.append(_Mention(ent.start, ent.end, entity, ent.root.dep_ in self.lex.dependencies["subject"]))

    def _add_org(self, ent: Span) -> None:
        doc = self.doc
        start, end = ent.start, ent.end
        # "Jacobs added", tagged ORG, after "Zaid Jacobs" was named in full.
        person = self._by_surname.get(ent.text.lower()) if len(ent) == 1 else None
        if person is not None and len(person.name.split()) > 1:
            self.mentions.append(_Mention(ent.start, ent.end, person, ent.root.dep_ in self.lex.dependencies["subject"]))
            return
        # "Mexico’s Economy Ministry" is the Economy Ministry.
        for tok in ent[:-1]:
            if tok.text in _POSSESSIVE:
                start = tok.i + 1
        # "The Academic Workers' Union": the NER kept only "Union".
        while start > 0 and (doc[start - 1].pos_ in ("PROPN", "NOUN") and doc[start - 1].text[:1].isupper() and doc[start - 1].ent_type_ in ("", "ORG")
                             or doc[start - 1].text in ("'", "’") and start > 1 and doc[start - 2].text[:1].isupper()):
            start -= 1
        while doc[start].text in ("'", "’") and start < end - 1:
            start += 1
        # "Electoral Commission of" + "Zambia": the NER stopped at "of".
        if doc[end - 1].lower_ == "of":
            while end < len(doc) and doc[end].pos_ == "PROPN":
                end += 1
        name = strip_article(self.text[doc[start].idx:doc[end - 1].idx + len(doc[end - 1].text)])
        acronym = name.isupper() and 2 <= len(name) <= 6
        if acronym:
            for e in self._orgs.values():
                initials = "".join(w[0] for w in e.name.split() if w[:1].isupper())
                if initials == name:
                    self._orgs[name.lower()] = e
                    break
        key = name.lower()
        entity = self._orgs.get(key)
        if entity is None:
            entity = Entity(name=name, kind="organization")
            self.entities.append(entity)
            self._orgs[key] = entity
        entity.descriptions.update(self._descriptions(ent, start))
        self.mentions.append(_Mention(ent.start, ent.end, entity, ent.root.dep_ in self.lex.dependencies["subject"]))

    def _descriptions(self, ent: Span, start: int) -> set[str]:
        """The organisation nouns standing in apposition to a name or just
        before it: "Alpes Rail, the operator of ...", "The operator, Lumen
        Transports", "the dockworkers' union SEAL"."""
        lex = self.lex
        root = ent.root
        nouns = [c for c in root.children if lex.has_dep(c, "appositive")]
        if lex.has_dep(root, "appositive"):
            nouns.append(root.head)
        if start > 0 and self.doc[start - 1].is_lower:
            nouns.append(self.doc[start - 1])
        return {n.lemma_.lower() for n in nouns if n.is_lower and n.lemma_.lower() in lex.org_nouns}

    def _pre_name_run(self, ent: Span) -> list[Token]:
        """Words before a name that belong to its title: "U.S. Secretary of
        State", "Kyiv Mayor", "Acme Corp chief executive"."""
        doc = self.doc
        i = ent.start - 1
        # Titles the NER took into the name ("Deputy Prosecutor Amara Sesay").
        run: list[Token] = list(doc[ent.start:self._name_start(ent)])
        verb = ent.root.head
        if not run and i >= 0 and self.lex.has_dep(ent.root, "subject") and verb.i != ent.root.i and (
                (self.lex.has_dep(verb, "relative_clause") and verb.head.i == i) or (
                    doc[i].head.i == verb.i and doc[i].dep_ == ent.root.dep_ and any(
                        c.dep_ == "prep" and not any(c.children) for c in verb.children))):
            # "The federal judge Trump was referring to": the name is the
            # subject of a relative clause on the title (or, as the parse
            # may have it, a second subject of a verb whose preposition
            # lacks its object); the title is not Trump's.
            return run
        while i >= 0 and len(run) < 8:
            tok = doc[i]
            if tok.lower_ == "of":
                if i > 0 and doc[i - 1].lower_ in self.lex.title_heads:
                    run.insert(0, tok)
                    i -= 1
                    continue
                break
            if tok.lower_ in ("and", "&") and i > 0 and (
                    doc[i - 1].lower_ in self.lex.portfolios and doc[i + 1].lower_ in self.lex.portfolios
                    or doc[i - 1].lower_ in self.lex.title_heads and doc[i + 1].pos_ in ("NOUN", "ADJ", "PROPN")):
                run.insert(0, tok)  # "Climate and Energy Minister", "founder and chief executive"
                i -= 1
                continue
            if tok.pos_ == "VERB" and tok.text[:1].isupper() and tok.lower_ in self.lex.portfolios:
                run.insert(0, tok)  # "Presiding Judge", tagged as a verb
                i -= 1
                continue
            if tok.is_punct and tok.text != "-" or tok.is_space or tok.is_sent_end or tok.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON", "INTJ") or tok.tag_ in ("POS",):
                break
            if tok.pos_ == "DET" or tok.lower_ in _STRIP:
                break
            run.insert(0, tok)
            i -= 1
        # "Bank of England Governor": the run stopped at the "of" inside an
        # organisation's name; the whole name is where the office is held.
        if run and run[0].ent_iob_ == "I" and run[0].ent_type_ in ("ORG", "GPE", "FAC"):
            k = run[0].i
            while k > 0 and doc[k].ent_iob_ == "I":
                k -= 1
            run = list(doc[k:run[0].i]) + run
        return run

    def _role_around(self, ent: Span) -> tuple[Optional[str], Optional[str]]:
        run = self._pre_name_run(ent)
        role, aff = self._title_around(ent, run)
        if aff is None:
            aff = self._affiliation_after(ent) or self._state_designation(ent)
        if aff is None and role:
            # "Maj. Gen. Curtis Bellamy, the adjutant general of the
            # Pennsylvania National Guard": the rank before the name, where
            # the post is held after it; not the party of "Former Rep. Rick
            # Sandoval, the Republican nominee", which no office belongs to.
            aff = self._appositive_role(ent)[1]
            if aff is not None and aff.lower() in self.lex.party_words:
                aff = None
        if aff is None and role:
            # "Sen. Ron Johnson" in an article about Libya is no Libyan senator.
            aff = next((self.lex.abbreviation_countries[t.lower_] for t in run if t.lower_ in self.lex.abbreviation_countries), None)
        return role, aff

    def _state_designation(self, ent: Span) -> Optional[str]:
        """"Sen. Bernie Sanders (I-Vt.)", "Rep. Jason Chaffetz (R-Utah)": the
        party and state US news gives a lawmaker; the state is where the
        office belongs."""
        m = _PARTY_STATE.match(self.text, self.doc[ent.end - 1].idx + len(self.doc[ent.end - 1].text))
        if m is None:
            return None
        state = m.group(1)
        return self.lex.us_states.get(state) or self.lex.us_states.get(state + ".")

    def _affiliation_after(self, ent: Span) -> Optional[str]:
        """"Daniel Roy of the University of Ottawa", "Lee Sung-jin of the JCS"."""
        for child in ent.root.rights:
            if child.lower_ in ("of", "at", "from", "with") and child.i == ent.end:
                obj = next((c for c in child.children if self.lex.has_dep(c, "prep_object")), None)
                if obj is not None and obj.ent_type_ in ("ORG", "GPE", "NORP", "FAC") or obj is not None and obj.text[:1].isupper():
                    # Up to a coordination or a clause: "at Lakeshore General
                    # and the study's lead author".
                    end = obj.right_edge.i + 1
                    for t in self.doc[obj.left_edge.i:end]:
                        if t.i > obj.left_edge.i and (t.dep_ == "cc" or t.lower_ in ("and", "or") or t.is_punct and t.text not in _POSSESSIVE or t.lower_ in ("who", "which", "that")):
                            end = t.i
                            break
                    name = strip_article(self.doc[obj.left_edge.i:end].text)
                    org = self._orgs.get(name.lower())
                    return self.lex.country(name) or (org.name if org else name)
        return None

    def _title_around(self, ent: Span, run: list[Token]) -> tuple[Optional[str], Optional[str]]:
        """Role and affiliation from the words before the name (``run``),
        else from an apposition or the title the name stands in apposition to."""
        if run:
            role, aff = role_in(run, self.lex, lambda w: self.place_before(ent.start, w))
            if role:
                return role, aff
        role, aff = self._appositive_role(ent)
        if role:
            return role, aff
        # "Guyana’s natural resources minister, Kevin Persaud," and "Minister
        # Andrii Sybiha" parsed with the name in apposition to the title.
        head = ent.root.head
        if ent.root.dep_ in ("appos", "compound", "flat") and head.i < ent.start and (
                head.lower_ in self.lex.title_heads or head.lemma_.lower() in self.lex.title_heads):
            toks = [t for t in self.doc[head.left_edge.i:ent.start] if t.i <= head.i or t.dep_ in ("prep", "pobj", "compound", "det", "amod") and t.head.i >= head.i]
            return role_in(toks, self.lex, lambda w: self.place_before(ent.start, w))
        # "Croatia's Marta Kovac": no role, but a country.
        if ent.start >= 2 and self.doc[ent.start - 1].text in _POSSESSIVE:
            country = self.lex.country(self.doc[ent.start - 2].text)
            if country:
                return None, country
        return None, None

    def _appositive_role(self, ent: Span) -> tuple[Optional[str], Optional[str]]:
        """"Jane Doe, the country's health minister, said"; "X, mayor of Kyiv"."""
        for child in ent.root.children:
            if self.lex.has_dep(child, "appositive") and child.i > ent.root.i:
                after = child.right_edge.i + 1
                if after < len(self.doc) and self.doc[after].pos_ in ("VERB", "AUX"):
                    # "hosts Mika Brzezinski, the Democratic candidate stated
                    # that ...": an apposition ends in a comma; this phrase
                    # is the next clause's subject, not her description.
                    continue
                toks = list(self.doc[child.left_edge.i:child.right_edge.i + 1])
                # "an emergency physician at Lakeshore General and the
                # study's lead author": the first description is the post;
                # not "member for water and sanitation", one field of work.
                # "president and chief executive of the Host Committee": two
                # bare titles are one post, at the organisation the second
                # names; not "a former aide to Clinton and senior vice
                # president at Third Way" nor "a professor and a member of the
                # mosque's board".
                for k, t in enumerate(toks):
                    if t.lower_ in ("and", "or") and k and role_in(toks[:k], self.lex, lambda w: None)[0] \
                            and role_in(toks[k + 1:], self.lex, lambda w: None)[0]:
                        shared = self._one_post(toks[:k], toks[k + 1:], ent)
                        if shared is not None:
                            return shared
                        toks = toks[:k]
                        break
                role, aff = role_in(toks, self.lex, lambda w: self.place_before(ent.start, w))
                if role:
                    return role, aff
        return None, None

    def _one_post(self, first: list[Token], rest: list[Token], ent: Span) -> Optional[tuple[str, Optional[str]]]:
        """Role and affiliation of two coordinated descriptions that share the
        organisation the second names ("president and chief executive of
        the Host Committee"), or None where the first is the post. The role
        is both titles when the first is a bare title; else the first
        ("an activist investor and founder of ValueAct Capital")."""
        if rest[0].pos_ in ("DET", "NUM", "PRON") or any(t.pos_ == "ADP" for t in first):
            return None
        role, aff = role_in(first, self.lex, lambda w: self.place_before(ent.start, w))
        second, shared = role_in(rest, self.lex, lambda w: self.place_before(ent.start, w))
        if aff is not None or shared is None:
            return None
        words = role.lower().split()
        bare = role.lower() in self.lex.titles and all(t.pos_ == "DET" or t.lower_ in TENURE_WORDS or t.lower_ in words for t in first)
        return (f"{role} and {second}" if bare and rest[-1].tag_ != "NNS" else role), shared

    def place_before(self, token: int, word: str) -> Optional[str]:
        """What "the country" / "the city" / "the union" means at ``token``:
        the latest place named before it (a country for "country", "nation",
        "state"), or the latest organisation with that word in its name or
        described by it ("the dockworkers' union SEAL")."""
        if word in self.lex.org_nouns:
            named = [m.entity for m in self.mentions if m.start < token and m.entity.kind == "organization"]
            hit = next((e for e in reversed(named) if word in e.name.lower() or word in e.descriptions), None)
            if hit is None and word not in PLACE_KINDS:
                # "Precious Lungu, the group's chair" after "Zambia Election
                # Watch": the organisation just named.
                hit = named[-1] if named else None
            return hit.name if hit else None
        if word in ("country", "nation", "state"):
            for t, place in reversed(self.places):
                # In US news "the state" is mostly one of the states.
                if t < token and (place in self.lex.countries.values() or word == "state" and place in self.lex.us_states):
                    return self.lex.us_states.get(place, place) if word == "state" else place
        for t, place in reversed(self.places):
            if t < token:
                return place
        return None

    # -- resolving ------------------------------------------------------
    def _coordinated(self, mention: Span) -> Optional[list[Entity]]:
        """"Trump and Ryan said", "Sens. Ted Cruz and Marco Rubio", "Donald
        Trump and House Speaker Paul Ryan": two or more named speakers joined
        by "and" speak together, as a group. Read on the surface (only "and",
        "&" or a comma, and the next one's title, between the names), as the
        parse often hangs a title on the wrong name; not "Trump and his
        aides" (one is not named), nor "a study by X and Y" (the study
        speaks)."""
        inside = sorted((m for m in self.mentions if mention.start <= m.start and m.end <= mention.end
                         and m.entity.kind in ("person", "organization")), key=lambda m: m.start)
        titles = {id(m): min((t.i for t in self._pre_name_run(self.doc[m.start:m.end]) if t.i < m.start), default=m.start)
                  for m in inside if m.entity.kind == "person"}
        # "House" in "House Speaker Paul Ryan" is the next name's title.
        inside = [m for m in inside if not any(titles.get(id(p), p.start) <= m.start and m.end <= p.start for p in inside)]
        if len(inside) < 2 or not any(m.start <= mention.root.i < m.end for m in inside):
            return None
        for a, b in zip(inside, inside[1:]):
            gap = [t for t in self.doc[a.end:max(a.end, titles.get(id(b), b.start))] if not t.is_space]
            if not gap or any(t.lower_ not in ("and", "&", ",") for t in gap):
                return None
        if not any(t.lower_ in ("and", "&") for t in self.doc[inside[-2].end:inside[-1].start]):
            return None
        together: list[Entity] = []
        for m in inside:
            if m.entity not in together:
                together.append(m.entity)
        return together if len(together) > 1 else None

    def _mention_at(self, span: Span) -> Optional[_Mention]:
        """The entity mention inside ``span``: the one holding its head,
        else a person ("Daniel Roy of the University of Ottawa"), else any."""
        k = bisect.bisect_right(self._starts, span.end - 1) - 1
        inside = []
        while k >= 0 and self.mentions[k].end > span.start:
            m = self.mentions[k]
            if m.start >= span.start and m.end <= span.end:
                inside.append(m)
            k -= 1
        head = span.root.i
        # ``inside`` runs right to left: the last person named is preferred
        # ("Kovac's coach Goran Babic" is Babic).
        return (next((m for m in inside if m.start <= head < m.end), None)
                or next((m for m in inside if m.entity.kind == "person"), None)
                or (inside[0] if inside else None))

    def _before(self, token: int, want) -> Optional[Entity]:
        k = bisect.bisect_left(self._starts, token) - 1
        seen = 0
        fallback = None
        while k >= 0 and seen < 40:
            m = self.mentions[k]
            # "“Benjamin Netanyahu is a good man,” he said": a name only the
            # quotation mentions is the speaker's subject, not the speaker.
            if want(m.entity) and not m.quoted:
                if m.is_subject:
                    return m.entity
                fallback = fallback or m.entity
            k -= 1
            seen += 1
        return fallback

    def _described_person(self, mention: Span, head: Token, recent_speakers) -> Optional[Entity]:
        """"the candidate said", "the GOP nominee told", where no one named
        has that title: the person the paragraph is about, as for "she", if
        the article names them often. Only descriptions news keeps for
        people it has named (``figure_descriptions.txt``); not an office:
        "the Florida senator" may be anyone the NER saw without a title.
        Not someone else's ("Cameron's candidate"), nor one the article
        introduced unnamed ("a candidate for the state house ... The
        candidate said")."""
        word = head.lemma_.lower()
        if word not in self.lex.figure_descriptions or head.pos_ == "PROPN" or head.ent_type_ or any(
                t.i > head.i or t.tag_ in ("POS", "PRP$") for t in mention) or self._introduced_unnamed.get(word, len(self.doc)) < mention.start:
            return None
        counts = self._mention_counts

        def figure(e: Entity) -> bool:
            return e.kind == "person" and counts.get(id(e), 0) >= 3

        # A quotation opening its paragraph: the person the paragraph before
        # was about ("Whitmore has leaned on endorsements ... \n\n “...,” the
        # candidate said").
        k = mention.start
        paragraph_break = self.text.rfind("\n", 0, self.doc[k].idx)
        while k > 0 and self.doc[k].idx > paragraph_break:
            k -= 1
        return self._subject_in_paragraph(mention.start, figure) or (
            self._subject_in_paragraph(k, figure) if paragraph_break >= 0 else None) or next(
            (e for e in recent_speakers if figure(e)), None)

    @cached_property
    def _mention_counts(self) -> dict[int, int]:
        """How often each entity is mentioned, by ``id``."""
        counts: dict[int, int] = {}
        for m in self.mentions:
            counts[id(m.entity)] = counts.get(id(m.entity), 0) + 1
        return counts

    @cached_property
    def _introduced_unnamed(self) -> dict[str, int]:
        """Where the article first brings in someone unnamed by a figure
        description ("a candidate for the state house"), by its lemma."""
        first: dict[str, int] = {}
        for t in self.doc:
            lemma = t.lemma_.lower()
            if lemma in self.lex.figure_descriptions and lemma not in first and not t.ent_type_ \
                    and any(c.lower_ in ("a", "an", "one") for c in t.lefts):
                first[lemma] = t.i
        return first

    def _earlier_in_paragraph(self, token: int) -> Iterator[_Mention]:
        """The mentions before ``token`` in its paragraph, nearest first,
        outside quotations."""
        # The last line break before the token; a mention at or before it
        # is in an earlier paragraph.
        paragraph_break = self.text.rfind("\n", 0, self.doc[token].idx)
        k = bisect.bisect_left(self._starts, token) - 1
        while k >= 0 and self.doc[self.mentions[k].end - 1].idx > paragraph_break:
            if not self.mentions[k].quoted:
                yield self.mentions[k]
            k -= 1

    def _subject_in_paragraph(self, token: int, want) -> Optional[Entity]:
        """The nearest entity before ``token`` that is the subject of its
        sentence (not of a clause inside it: "added that Brennan would
        start"), outside quotations, in the same paragraph."""
        return next((m.entity for m in self._earlier_in_paragraph(token)
                     if m.is_subject and want(m.entity) and self.doc[m.start:m.end].root.head.dep_ == "ROOT"), None)

    def resolve(self, mention: Span, recent_speakers: list[Entity] = ()) -> Resolution:
        lex = self.lex
        head = mention.root
        together = self._coordinated(mention)
        if together is not None:
            names = [e.name for e in together]
            group = Entity(", ".join(names[:-1]) + " and " + names[-1], "group")
            return Resolution(group.name, "group", None, None, False, group)
        members = [head] + [c for c in head.children if lex.has_dep(c, "conjunct") and mention.start <= c.i < mention.end]
        if len(members) > 1 and any(m.tag_ in ("NNS", "NNPS") or m.pos_ == "PRON" for m in members):
            # "Trump and his aides", "families, supporters and officials",
            # "he and Brafman": not all of them named, so the group as
            # written; not "the Vermont senator and Democratic presidential
            # candidate", two descriptions of one person.
            group = Entity(strip_article(mention.text), "group")
            return Resolution(group.name, "group", None, None, False, group)
        own_role, own_aff = None, None
        found = self._mention_at(mention)
        if found is not None and not (found.start <= head.i < found.end) and not (
                found.entity.kind == "person" and (head.lower_ in lex.title_heads or head.lemma_.lower() in lex.title_heads)):
            # "A NATO spokesperson": the organisation is not the speaker; but
            # in "Political scientist Daniel Roy" the parse may head the
            # phrase with the title, and the person is the speaker.
            found = None
        if found is None or (found.entity.kind != "person" and head.lower_ in lex.title_heads):
            # "the envoy, Tomás Ferreira, said": the name stands in
            # apposition; so too after a title the NER took for an
            # organisation ("Georgia’s Public Defender, Levan Ioseliani").
            for child in head.children:
                if self.lex.has_dep(child, "appositive"):
                    m = self._mention_at(self.doc[child.left_edge.i:child.right_edge.i + 1])
                    # "the Iraqi activist group Mosul Eye": an organisation
                    # noun's name is the organisation.
                    if m is not None and (m.entity.kind == "person" or (
                            m.entity.kind == "organization" and head.lemma_.lower() in lex.org_nouns)):
                        found = m
                        break
        if found is not None:
            ent = found.entity
            if ent.kind == "person":
                # The mention's own title wins over one seen elsewhere.
                ent_span = self.doc[found.start:found.end]
                own_role, own_aff = self._role_around(ent_span)
                if own_role is None and found.start > mention.start:
                    # "The head of the Bank of Canada, Paul Leclerc"
                    own_role, own_aff = role_in(list(self.doc[mention.start:found.start]), lex, lambda w: self.place_before(found.start, w))
            role = own_role or ent.role
            aff = own_aff if own_role else ent.affiliation
            if own_role and not own_aff and ent.role and ent.role.lower().split()[-1] == own_role.lower().split()[-1]:
                # "President Trump" after "U.S. President Donald Trump".
                aff = ent.affiliation
            if aff and own_aff:
                aff = self.full_org_name(aff, role)
            return Resolution(ent.name, ent.kind, role if ent.kind == "person" else None, aff if ent.kind == "person" else None, False, ent)

        word = head.lower_
        clause = head.head.head if head.head.dep_ in ("aux", "auxpass") else head.head  # "who is ... saying"
        if word in ("who", "that", "which") and len(mention) == 1 and clause.dep_ in lex.dependencies["relative_clause"]:
            # "Barkley, who said ...": the relative pronoun's antecedent.
            from .speakers import mention_span

            return self.resolve(mention_span(clause.head, lex), recent_speakers)
        # "The 23-year-old said": an age stands for the person just named,
        # as "she" or "he" would.
        age = bool(_AGE.match(mention.text)) and head.tag_ not in ("NNS", "NNPS")
        if age or word in lex.pronouns and len(mention) <= 2:
            kind, gender = ("person", "-") if age else lex.pronouns[word]
            if word in lex.writer_pronouns and self._quotation_at(head.idx) is None:
                # "We asked readers ...": the writer (a publication for
                # "we"), whom the text does not name.
                return Resolution(None, "organization" if kind == "plural" else kind, None, None, True)
            if kind == "person":
                def want(e: Entity) -> bool:
                    return e.kind == "person" and (e.gender in (None, gender) or gender == "-")
                # The subject of an earlier sentence of the same paragraph
                # first ("Hart, in tears, addressed the crowd. '...,' she
                # said"), then the last speaker who fits, then anyone.
                e = self._subject_in_paragraph(mention.start, lambda e: want(e) and e.gender == gender)
                if e is None and gender != "-":
                    # A name the given-name list does not know ("Kacper
                    # Nowicki said ... he wrote") before a speaker of that
                    # gender named further back.
                    e = self._subject_in_paragraph(mention.start, lambda e: e.kind == "person" and e.gender is None)
                if e is None:
                    e = next((e for e in recent_speakers if want(e) and e.gender == gender and gender != "-"), None)
                ent = e or self._before(mention.start, want)
                if ent is not None:
                    if gender != "-" and ent.gender is None:
                        ent.gender = gender
                    return Resolution(ent.name, ent.kind, ent.role, ent.affiliation, True, ent)
                return Resolution(None, "person", None, None, True)
            want_kinds = ("organization",) if kind == "organization" else ("organization", "group")
            for e in recent_speakers:
                if e.kind in want_kinds:
                    return Resolution(e.name, e.kind, e.role, e.affiliation, True, e)
            ent = self._before(mention.start, lambda e: e.kind in want_kinds)
            if ent is not None:
                return Resolution(ent.name, ent.kind, ent.role, ent.affiliation, True, ent)
            return Resolution(None, "group" if kind == "plural" else "organization", None, None, True)

        lemma = head.lemma_.lower()
        definite = any(c.lower_ in ("the", "this", "that") or c.tag_ == "PRP$" or lex.has_dep(c, "possessive") for c in head.lefts)
        text_name = strip_article(mention.text)
        words = text_name.split()
        # "campaign group Delta Alarm": the name, not its description.
        first_cap = next((k for k, w in enumerate(words) if w[:1].isupper()), 0)
        if 0 < first_cap and not any(w in ("for", "of", "at", "from", "with", "in", "to") for w in words[:first_cap]):
            words = words[first_cap:]
        text_name = " ".join(words)
        if word in lex.group_nouns or head.tag_ in ("NNS", "NNPS") and head.ent_type_ == "":
            # Groups speak without a personal role: "Ukrainian officials".
            # The entity lets a later "they" find them.
            group = Entity(text_name, "group", None, self._affiliation_in(mention))
            return Resolution(group.name, "group", None, group.affiliation, False, group)
        # "the mayor", "the minister": the latest person with that role.
        if word in lex.title_heads or lemma in lex.title_heads:
            if definite and head.tag_ not in ("NNS", "NNPS"):
                syn = lex.title_synonyms
                wanted = {syn.get(w, w) for w in (word, lemma)}

                def has_role(e: Entity) -> bool:
                    return e.kind == "person" and bool(e.role) and syn.get(last := e.role.lower().split()[-1], last) in wanted
                ent = self._before(mention.start, has_role) or self._described_person(mention, head, recent_speakers)
                if ent is not None:
                    return Resolution(ent.name, "person", ent.role, ent.affiliation, True, ent)
            if not (definite and (word in lex.org_nouns or lemma in lex.org_nouns)):
                role, aff = role_in(list(mention), lex, lambda w: self.place_before(mention.start, w))
                kind = "group" if head.tag_ in ("NNS", "NNPS") else "person"
                return Resolution(text_name, kind, role, aff, False)
            # "the regulator" with no person of that title: the organisation.
        # "the ministry", "the company": the latest organisation of that kind.
        if definite and (word in lex.org_nouns or lemma in lex.org_nouns) and not any(
                t.pos_ == "PROPN" and not (t.i + 1 < len(self.doc) and self.doc[t.i + 1].text == "-") for t in mention):
            ent = self._before(mention.start, lambda e: e.kind == "organization" and (word in e.name.lower() or lemma in e.descriptions))
            # "A spokesperson for the World Health Organization said ... The
            # agency warned": the organisation just named, before the one the
            # article names most.
            ent = ent or next((m.entity for m in self._earlier_in_paragraph(mention.start) if m.entity.kind == "organization"),
                              None) or self._main_org_before(mention.start, recent_speakers)
            if ent is not None:
                return Resolution(ent.name, "organization", None, None, True, ent)
            return Resolution(text_name, "organization", None, None, False)
        if head.ent_type_ in ("ORG", "GPE", "NORP") or word in lex.org_nouns:
            return Resolution(text_name, "organization", None, None, False, self._organisation(text_name))
        role, aff = role_in(list(mention), lex, lambda w: self.place_before(mention.start, w))
        if role:
            return Resolution(text_name, "person", role, aff, False)
        if head.ent_type_ in ("", "WORK_OF_ART", "PRODUCT", "FAC") and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in mention if t.lower_ not in _STRIP) \
                and mention[-1].text not in lex.first_names and mention[0].text not in lex.first_names and len(words) <= 4:
            # "Aegean Grid said", a name the NER missed: a person would
            # mostly have been seen, so an organisation, which a later
            # "the company" can refer to.
            return Resolution(text_name, "organization", None, None, False, self._organisation(text_name))
        return Resolution(text_name, "unknown", None, None, False)

    def _organisation(self, name: str) -> Entity:
        """The organisation entity for a speaker named in place, made on
        first sight when the NER missed it."""
        entity = self._orgs.get(name.lower())
        if entity is None:
            entity = Entity(name=name, kind="organization")
            self.entities.append(entity)
            self._orgs[name.lower()] = entity
        return entity

    def _main_org_before(self, token: int, recent_speakers) -> Optional[Entity]:
        """"the company", "the club" with no name word in common: the
        organisation the article has been about — a recent speaker, else the
        one most often named (and named as a subject) so far."""
        for e in recent_speakers:
            if e.kind == "organization":
                return e
        scores: dict[int, tuple[float, Entity]] = {}
        for m in self.mentions:
            if m.start >= token:
                break
            if m.entity.kind == "organization":
                score = scores.get(id(m.entity), (0.0, m.entity))[0] + 1 + (1 if m.is_subject else 0) + m.start / (10 * max(token, 1))
                scores[id(m.entity)] = (score, m.entity)
        if not scores:
            return None
        return max(scores.values(), key=lambda p: p[0])[1]

    def _affiliation_in(self, mention: Span) -> Optional[str]:
        for tok in mention:
            country = self.lex.country(tok.text)
            if country and tok.pos_ in ("ADJ", "PROPN", "NOUN"):
                return country
        # A group's affiliation is a country or an organisation, not a mere
        # place ("Warsaw police" has none).
        for ent in mention.ents:
            name = strip_article(ent.text)
            if ent.label_ == "ORG" or self.lex.country(name):
                return self.lex.country(name) or self.full_org_name(name)
        return None

    def full_org_name(self, name: str, role: Optional[str] = None) -> str:
        """"Nordvind" for an organisation named in full as "Nordvind Energy",
        "United" for "Manchester United"; a place stays a place, and so
        does the affiliation of a mayor or a governor."""
        if any(place == name for _, place in self.places) or self.lex.country(name) or name in self.lex.us_states:
            return name
        if role and role.lower().split()[-1] in self.lex.place_roles:
            return name
        low = name.lower()
        # The fullest name wins even where the short one was an entity too
        # ("Lakeshore General" and "Lakeshore General Hospital").
        for e in self.entities:
            if e.kind == "organization" and (e.name.lower().startswith(low + " ") or e.name.lower().endswith(" " + low)):
                return e.name
        org = self._orgs.get(low)
        return org.name if org is not None else name

    @cached_property
    def main_org(self) -> Optional[str]:
        """The organisation the article names most often. Counted in the
        text, headline included: the NER often sees the name once only."""
        best, most = None, 0
        for e in self.entities:
            if e.kind == "organization":
                n = _count_phrase(self.text, e.name)
                last = e.name.split()[-1].lower()
                if last in self.lex.org_nouns:
                    # "the court" after "the International Criminal Court"
                    n += len(re.findall(r"\b[Tt]he " + re.escape(last) + r"\b", self.text))
                if n > most:
                    best, most = e, n
        return best.name if best is not None and most >= 2 else None

    def organisation_default(self, role: Optional[str]) -> Optional[str]:
        """"chief executive Matthias Kessler" with no company named: the
        company the article is about."""
        if not role:
            return None
        last = role.lower().split()[-1]
        # "Judge X" works at the court the article names, not at the
        # council it names more often; a councillor at its council, and at
        # no other organisation when it names none.
        kinds = self.lex.role_organisations.get(last, ())
        if last not in self.lex.organisation_roles and not kinds:
            return None
        fitting = [e.name for e in self.entities if e.kind == "organization" and any(w in kinds for w in e.name.lower().split())]
        if fitting:
            return max(fitting, key=lambda name: _count_phrase(self.text, name))
        return self.main_org if last in self.lex.organisation_roles else None

    def city_default(self, role: Optional[str]) -> Optional[str]:
        """The city a mayor serves when the text names none: the place the
        article names most, a dateline ("TUCSON, Ariz. —") counting three
        times. None on a tie, or when that place is a country or a US state
        (in "New York" the city and the state are one name)."""
        if not role or role.lower().split()[-1] not in self.lex.city_roles:
            return None
        counts: dict[str, int] = {}
        spelling: dict[str, str] = {}
        for t, place in self.places:
            if self.lex.country(place):
                continue
            key = self.lex.us_states.get(place, place).lower()
            dateline = self.doc[t].is_upper and (t == 0 or "\n" in self.doc[t - 1].text)
            counts[key] = counts.get(key, 0) + (3 if dateline else 1)
            # A dateline shouts: the name as the text writes it elsewhere.
            if key not in spelling or spelling[key].isupper():
                spelling[key] = place
        ranked = sorted(counts.values(), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
            return None
        city = spelling[max(counts, key=counts.get)]
        if city in self.lex.us_states:
            return None
        return city.title() if city.isupper() else city

    def state_default(self, role: Optional[str]) -> Optional[str]:
        """The US state a governor serves when the text names none: the
        state the article names most ("HARRISBURG, Pa.", "Pennsylvania")."""
        if not role or role.lower().split()[-1] not in self.lex.state_roles:
            return None
        counts: dict[str, int] = {}
        for _, place in self.places:
            state = self.lex.us_states.get(place)
            if state:
                counts[state] = counts.get(state, 0) + 1
        return max(counts, key=counts.get) if counts else None

    def national_default(self, role: Optional[str]) -> Optional[str]:
        """The country a national office belongs to when the text names none:
        the country the article mentions most, a US state counting for the
        United States ("Prime Minister X said"), or,
        when it names none, the one its other officials serve ("Greek Civil
        Protection Minister Nikos Vlachos", where the NER saw no "Greek")."""
        if not role or not _national(role, self.lex):
            return None
        counts: dict[str, int] = {}
        for nation in self.nations:
            if nation in self.lex.country_names:
                counts[nation] = counts.get(nation, 0) + 1
        if not counts:
            for e in self.entities:
                if e.kind == "person" and e.affiliation in self.lex.country_names:
                    counts[e.affiliation] = counts.get(e.affiliation, 0) + 1
        return max(counts, key=counts.get) if counts else None
