"""Role and affiliation from the words around a name.

"Ukrainian Foreign Minister Andrii Sybiha" → (Foreign Minister, Ukraine);
"Jane Doe, the country's health minister" → (health minister, <the country
named earlier>); "a spokesperson for the Interior Ministry" →
(spokesperson, Interior Ministry).
"""
from __future__ import annotations

from typing import Callable, Optional, Sequence

from spacy.tokens import Token

from .lexicon import Lexicon
from .nlp import hyphen_joins

AFFILIATION_ENTS = {"GPE", "ORG", "NORP", "LOC", "FAC"}
_DROP = {"the", "a", "an", "The", "A", "An", "'s", "’s", "former", "then", "acting", "interim", "new", "outgoing", "incoming", "top", "senior", "deputy"}
# The words of _DROP that say when someone held an office; not "New" ("New Jersey Gov.").
_TIME_WORDS = {"former", "then", "acting", "interim", "outgoing", "incoming"}
# Words that describe a person without naming where they belong.
_DESCRIPTORS = {"veteran", "longtime", "renowned", "prominent", "leading", "fellow", "local", "young", "old", "year", "years",
                "retired", "celebrated", "award-winning", "independent", "freelance"}
_POSSESSIVE = {"'s", "’s"}
# Lowercase words standing for a place named earlier ("the country's health
# minister", "state Atty. Gen."); with these, for a body named earlier.
PLACE_KINDS = ("country", "nation", "state", "city", "region")
_PLACE_WORDS = PLACE_KINDS + ("government", "company", "club", "party")


def _title_match(words: list[str], lex: Lexicon) -> Optional[tuple[int, int]]:
    """The rightmost, then longest, title phrase in ``words`` (lowercased)."""
    best = None
    for end in range(len(words), 0, -1):
        for start in range(0, end):
            phrase = " ".join(words[start:end])
            if phrase in lex.titles or (phrase.endswith("s") and phrase[:-1] in lex.titles and end - start == 1):
                if best is None or (end > best[1]) or (end == best[1] and start < best[0]):
                    best = (start, end)
        if best is not None:
            return best
    return None


# Words before a title that say when or how long it is held, not what it is.
TENURE_WORDS = frozenset({"former", "then", "outgoing", "incoming", "new", "longtime", "top"})


def role_in(tokens: Sequence[Token], lex: Lexicon, resolve_place: Callable[[str], Optional[str]]) -> tuple[Optional[str], Optional[str]]:
    """Role and affiliation in a run of words with no name in it
    (the words before a name, or an appositive)."""
    toks = [t for t in tokens if not t.is_space]
    # "Sen." reads as "senator", "Lt. Gov." as "lieutenant governor".
    words = [lex.title_abbreviations.get(t.lower_, t.lower_).lower() for t in toks]
    hit = _title_match(words, lex)
    if hit is None:
        return None, None
    # "a physician at Lakeshore General": a title word inside the place of
    # work is part of its name when a title comes before it.
    prep = next((k for k, w in enumerate(words) if w in ("at", "of", "for", "with", "from", "in") and k > 0), None)
    if prep is not None and hit[0] > prep:
        earlier = _title_match(words[:prep], lex)
        if earlier is not None:
            hit = earlier
    start, end = hit
    # "chief speechwriter", "general counsel": a title word that is an
    # adjective on the noun after it is part of a longer role than the list
    # has (not "London mayor rebuffs ...", a headline's verb taken for a noun).
    while end < len(toks) and toks[end - 1].pos_ == "ADJ" and toks[end - 1].head.i == toks[end].i \
            and toks[end].pos_ == "NOUN" and toks[end].text.islower():
        end += 1
    # Widen the role leftwards over portfolio words ("Foreign", "health",
    # "rescue team"), stopping at places, organisations, demonyms,
    # determiners and possessives.
    while start > 0:
        prev = toks[start - 1]
        if prev.lower_ in ("the", "a", "an", "'s", "’s", ",", "of", "for", "at") or prev.tag_ in ("POS", "DT", "PRP$"):
            break
        if prev.lower_ in ("and", "&") and start >= 2 and (toks[start - 2].lower_ in lex.portfolios or toks[start - 2].lower_ in lex.titles):
            start -= 1  # "Climate and Energy Minister", "founder and chief executive"
            continue
        if prev.lower_ in PLACE_KINDS and prev.is_sent_start and toks[start].lower_ in lex.title_abbreviations:
            break  # "State Sen." opening a sentence, as "state Atty. Gen." below
        if prev.lower_ in lex.portfolios and prev.text[:1].isupper() == toks[end - 1].text[:1].isupper():
            start -= 1  # "Defence Minister", even where the NER made it an ORG
            continue
        if prev.ent_type_ in AFFILIATION_ENTS or lex.country(prev.text) or prev.is_punct:
            break
        if prev.lower_ in TENURE_WORDS or prev.lower_ in _DESCRIPTORS:
            break  # "the club's 78-year-old president": an age is no part of a role
        if prev.lower_ in PLACE_KINDS and prev.text.islower() and toks[start].text[:1].isupper():
            break  # "state Atty. Gen.": the state's, as "the state's attorney general"
        # A lowercase title after a capitalised word: "Acme Corp chief
        # executive" — the capitalised words are the organisation; before a
        # capitalised title only portfolio words belong to the role:
        # "Foreign Minister" but "Kyiv Mayor".
        # ... unless it is capitalised only because it opens the sentence
        # ("Opposition leader Nino Gelashvili").
        if prev.text[:1].isupper() and not (prev.is_sent_start and prev.pos_ in ("NOUN", "ADJ") and not _a_name_elsewhere(prev)) and (
                toks[start].text.islower() or (
                prev.lower_ not in lex.portfolios and prev.lower_ not in lex.title_heads)):
            break
        if prev.pos_ not in ("NOUN", "PROPN", "ADJ", "ADV", "VERB"):
            break
        start -= 1
    # A word the tokenizer split at its hyphens: a title ("co-founder",
    # "vice-president") is the role's whole first word; a descriptor
    # ("first-term senator", "American-born judge") is neither role nor
    # affiliation.
    before_end = start
    if start >= 2 and hyphen_joins(toks[start - 1].doc, toks[start - 1].i) and toks[start - 1].i + 1 == toks[start].i:
        first = start - 2
        while first >= 2 and hyphen_joins(toks[first - 1].doc, toks[first - 1].i) and toks[first - 1].i + 1 == toks[first].i:
            first -= 2
        pieces = [t.lower_ for t in toks[first:start + 1:2]]
        if "-".join(pieces) in lex.titles or " ".join(pieces) in lex.titles or all(w in lex.titles for w in pieces[:-1]):
            start = before_end = first  # "co-founder", "Lieutenant-Governor", "Secretary-Treasurer"
        else:
            while first > 0 and toks[first].ent_iob_ == "I":
                first -= 1  # "New York-based lawyer"
            # "first-term senator": "term" is the descriptor's; not
            # "then-lieutenant governor", a title of its own.
            whole = " ".join(words[start:end]) in lex.titles
            start, before_end = start if whole else min(start + 1, end - 1), first
    # "professor of health policy", "member for water and sanitation": a
    # field of work, bare lowercase nouns, belongs to the role; "head of
    # the central bank" names an affiliation.
    if end + 1 < len(toks) and toks[end].lower_ in ("of", "for") and toks[end - 1].text.islower():
        field = end + 1
        while field < len(toks) and toks[field].text.islower() and (
                toks[field].pos_ in ("NOUN", "ADJ") or toks[field].lower_ == "and" and field > end + 1):
            field += 1
        if field > end + 1 and toks[field - 1].pos_ == "NOUN" and (field == len(toks) or toks[field].is_punct or toks[field].lower_ in ("at", "in", "who", "from")):
            end = field
    role_toks = toks[start:end]
    role = "".join(lex.title_abbreviations.get(t.lower_, t.text) + (
        "" if k + 1 == len(role_toks) or hyphen_joins(t.doc, t.i) or hyphen_joins(t.doc, t.i + 1) else " ")
        for k, t in enumerate(role_toks))
    if end < len(toks) and toks[end].lower_ in ("of", "for", "at", "with") and end + 1 < len(toks):
        # "head of the central bank", "spokesperson for the Interior Ministry"
        tail = [t for t in toks[end + 1:] if t.lower_ not in ("the",)]
        # "Secretary of State" already consumed "of State"; otherwise the
        # object names the affiliation.
        aff_words = _until_clause(tail)
        affiliation = _clean(aff_words, lex, resolve_place)
        return role, affiliation
    # The possessive stays for ``_clean``: a person's adviser works for, not
    # at, that person.
    # "Former Maryland Gov.": a time word, however written, is no place.
    before = [t for t in toks[:before_end] if t.text in _POSSESSIVE or not (
        t.text in _DROP or t.text.lower() in _DROP and (t.text.islower() or t.lower_ in _TIME_WORDS))
              and not (t.is_punct and not hyphen_joins(t.doc, t.i))]
    # "Democratic U.S. Rep.": a party, then where the office belongs; a
    # public office ("Republican Sen.") belongs to no party, a candidate may.
    public = role.lower().split()[-1] in lex.national_roles | lex.state_roles | lex.place_roles
    while before and before[0].lower_ in lex.party_words and (len(before) > 1 or public):
        before = before[1:]
    # "So Labor Secretary Thomas Perez stopped ...", "But Ohio Gov. John
    # Kasich": the word that opens the sentence is no place.
    while before and before[0].pos_ in ("CCONJ", "SCONJ", "ADV", "INTJ", "PART"):
        before = before[1:]
    if before and before[-1].lower_ == "of":
        before = []  # "one of the organisers", "a group of doctors": a part of the group, not where it belongs
    affiliation = _clean(before, lex, resolve_place)
    return role, affiliation


def _a_name_elsewhere(tok: Token) -> bool:
    """Whether a capitalised word that opens its sentence is written so
    inside a sentence too: "Liscont chief executive" after "talks with
    Liscont", not "Opposition leader"."""
    return any(t.text == tok.text and not t.is_sent_start for t in tok.doc)


def _until_clause(tokens: list[Token]) -> list[Token]:
    out = []
    for k, t in enumerate(tokens):
        # "Ministry of Science and Higher Education": "and" inside a name.
        if t.lower_ == "and" and out and out[-1].text[:1].isupper() and k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper():
            out.append(t)
            continue
        if (t.is_punct and not hyphen_joins(t.doc, t.i)) or t.lower_ in ("who", "which", "that", "and", "said", "says"):
            break
        out.append(t)
    return out


def _numbers_a_name(tok: Token) -> bool:
    """"the 29th Ward", "Ward 54": a number that is part of a name."""
    doc = tok.doc
    return tok.like_num and any(0 <= j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper()
                                for j in (tok.i - 1, tok.i + 1))


def _possessive_mark(tok: Token) -> bool:
    return tok.tag_ == "POS" or tok.text in _POSSESSIVE


def _clean(tokens: list[Token], lex: Lexicon, resolve_place) -> Optional[str]:
    def in_name(k: int) -> bool:  # "St. Luke's Hospital"
        return 0 < k < len(tokens) - 1 and tokens[k - 1].text[:1].isupper() and tokens[k + 1].text[:1].isupper()

    # "Switzerland’s Federal Office of Transport": the office, named as a
    # reader would look it up, without the country that owns it.
    if len(tokens) > 2 and tokens[1].text in ("'s", "’s") and lex.country(tokens[0].text) and tokens[2].text[:1].isupper():
        tokens = tokens[2:]

    named = {t.i for k, t in enumerate(tokens) if t.text in ("'s", "’s") and in_name(k)}
    possessive = any(_possessive_mark(t) and t.i not in named for t in tokens)
    # An age ("78-year-old") or a possessive pronoun ("her adviser") says
    # nothing of where the speaker belongs.
    toks = [t for t in tokens if t.i in named or (
        t.lower_ not in ("the", "a", "an") and t.tag_ not in ("POS", "PRP$") and t.text not in ("'s", "’s")
        and not (t.ent_type_ in ("DATE", "TIME") and (t.like_num or t.lower_ in _DESCRIPTORS or t.is_punct) and not _numbers_a_name(t)))]
    if len(toks) == 1 and toks[0].lower_ in _PLACE_WORDS:
        return resolve_place(toks[0].lower_)  # "state Atty. Gen.", where "State" is also a portfolio
    if not toks or all(t.lower_ in lex.portfolios for t in toks):
        return None  # "Opposition candidate", "Defence barrister"
    if possessive and any(t.ent_type_ == "PERSON" or t.lower_ in lex.honorifics for t in toks):
        return None  # "Mr Ngakola’s lawyer" works for, not at, a person
    if any(_possessive_mark(t) and t.i > 0 and t.doc[t.i - 1].lower_ in lex.titles for t in tokens):
        return None  # and so does "the president's speechwriter"
    # "advocacy group Learning First Ghana": the name, not its description,
    # nor all of a hyphened one ("the pro-Trump Great America PAC").
    while len(toks) > 1 and (toks[0].text.islower() or toks[0].text in ("-", "–")) and not _numbers_a_name(toks[0]) \
            and any(t.text[:1].isupper() for t in toks[1:]):
        hyphen = toks[0].text in ("-", "–") and not toks[0].whitespace_
        toks = toks[2:] if hyphen and len(toks) > 2 else toks[1:]
    # "Asan Institute for Policy Studies in Seoul": not the place it is in.
    for k, t in enumerate(toks):
        if k and t.lower_ in ("in", "at", "near") and k + 1 < len(toks) and toks[k + 1].ent_type_ in ("GPE", "LOC"):
            toks = toks[:k]
            break
    if not any(t.text[:1].isupper() or t.ent_type_ for t in toks):
        # "chair of the union's branch": the organisation named earlier.
        org_word = next((t.lower_ for t in toks if t.lower_ in lex.org_nouns), None)
        if org_word is not None:
            return resolve_place(org_word)
        if len(toks) != 1:
            return None  # "24 year": no name in it
    if all(t.pos_ == "NUM" or t.lower_ in _DESCRIPTORS or t.is_punct for t in toks):
        return None  # "Veteran", "24-year-old", "retired four-(star)"
    # "the Auvergne-Rhône-Alpes region": the place, by its name.
    if len(toks) > 1 and toks[-1].text.islower() and toks[-1].lower_ in lex.place_nouns and toks[-2].text[:1].isupper():
        toks = toks[:-1]
    text = "".join(t.text_with_ws for t in toks[:-1]) + toks[-1].text
    country = lex.country(text)
    if not country and lex.country(toks[0].text) and all(t.lower_ in lex.portfolios for t in toks[1:]):
        # "Greek Civil Protection Minister": the demonym is the affiliation;
        # but the "Swiss National Bank" is a bank.
        country = lex.country(toks[0].text)
    if country:
        return country
    # A demonym before an organisation word: "Ukrainian army" stays whole.
    if len(toks) == 1 and lex.country(toks[0].text):
        return lex.country(toks[0].text)
    return lex.us_states.get(text, text)  # "S.C. Sen." → South Carolina
