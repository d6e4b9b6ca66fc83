"""The word lists and rule data under ``models/``, loaded once.

Data lives in plain text and TSV files so that a linguist can extend them
without reading code; ``models/README.md`` documents each file. Override the
folder with ``QUOTES_MODELS_DIR`` (or pass ``path``) to try other lists.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from .boundaries import EndModel

# A link to the repository's models/ in a checkout; a copy in a wheel.
MODELS_DIR = Path(__file__).resolve().parent / "models"


def _lines(path: Path) -> list[str]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.strip() and not line.lstrip().startswith("#"):
                out.append(line.strip())
    return out


def _words(path: Path) -> frozenset[str]:
    return frozenset(line.lower() for line in _lines(path))


def _table(path: Path) -> list[list[str]]:
    return [[c.strip() for c in line.split("\t")] for line in _lines(path)]


@dataclass(frozen=True)
class Lexicon:
    speech_verbs: frozenset[str]
    object_cue_verbs: frozenset[str]
    infinitive_cue_verbs: frozenset[str]
    aspect_verbs: frozenset[str]
    comparison_words: frozenset[str]
    pro_statements: frozenset[str]
    not_cue_phrases: frozenset[tuple[str, ...]]
    addressee_verbs: frozenset[str]
    object_control_verbs: frozenset[str]
    contact_verbs: frozenset[str]
    as_frame_verbs: frozenset[str]
    issue_verbs: frozenset[str]
    answer_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    person_object_verbs: frozenset[str]
    aside_marks: frozenset[str]
    reason_marks: frozenset[str]
    concessive_marks: frozenset[str]
    connective_openers: frozenset[str]
    negative_cues: frozenset[str]
    continuing_words: frozenset[str]
    figure_descriptions: frozenset[str]
    title_synonyms: dict[str, str]  # "congressman" -> "representative"
    hearsay_adverbs: frozenset[str]
    headline_nouns: frozenset[str]
    headline_settings: frozenset[str]
    title_small_words: frozenset[str]
    titles: frozenset[str]
    title_heads: frozenset[str]
    title_abbreviations: dict[str, str]  # "sen." -> "Senator"
    abbreviation_countries: dict[str, str]  # "sen." -> "United States"
    portfolios: frozenset[str]
    first_names: dict[str, str]
    national_roles: frozenset[str]
    prep_cues: frozenset[tuple[str, str]]
    speech_nouns: frozenset[str]
    reply_nouns: frozenset[str]
    not_speakers: frozenset[str]
    outlet_notes: tuple[str, ...]
    particle_cues: frozenset[tuple[str, str]]
    organisation_roles: frozenset[str]
    role_organisations: dict[str, tuple[str, ...]]
    country_names: frozenset[str]
    honorifics: dict[str, str]
    group_nouns: frozenset[str]
    media_nouns: frozenset[str]
    org_nouns: frozenset[str]
    people_org_nouns: frozenset[str]
    place_nouns: frozenset[str]
    org_name_words: frozenset[str]
    place_roles: frozenset[str]
    state_roles: frozenset[str]
    city_roles: frozenset[str]
    question_verbs: frozenset[str]
    party_words: frozenset[str]
    pronouns: dict[str, tuple[str, str]]
    writer_pronouns: frozenset[str]
    demonyms: dict[str, str]
    countries: dict[str, str]
    us_states: dict[str, str]  # "Vt." -> "Vermont"
    platforms: tuple[tuple[re.Pattern, str], ...]
    post_signatures: tuple[tuple[re.Pattern, str], ...]
    dependencies: dict[str, frozenset[str]]
    # The learned parts (None without their weights files): where a reported
    # statement ends (boundaries) and whether an object is one (object_statements).
    content_ends: Optional["EndModel"] = None
    object_statements: Optional["EndModel"] = None

    @classmethod
    def load(cls, path: str | os.PathLike | None = None) -> "Lexicon":
        return _load(str(path or os.environ.get("QUOTES_MODELS_DIR") or MODELS_DIR))

    def country(self, text: str) -> str | None:
        """The canonical country for a country name, alias or demonym."""
        key = text.strip()
        for table in (self.countries, self.demonyms):
            hit = table.get(key) or table.get(key.lower())
            if hit:
                return hit
        return None

    def has_dep(self, token, group: str) -> bool:
        return token.dep_ in self.dependencies[group]

    @cached_property
    def any_platform(self) -> re.Pattern:
        """Matches where any of ``platforms`` does: most statements name no
        channel, and one search rules them all out."""
        return re.compile("|".join(f"(?:{p.pattern})" for p, _ in self.platforms), re.I)

    @cached_property
    def cue_lemmas(self) -> frozenset[str]:
        """Every lemma that can be a cue: speech verbs (those that need a
        word with them, "shot back", "put it", included), speech nouns and
        hearsay adverbs ("reportedly")."""
        return self.speech_verbs | self.particle_verbs | self.speech_nouns | self.hearsay_adverbs

    @cached_property
    def particle_verbs(self) -> frozenset[str]:
        """The verbs of ``particle_cues`` ("shoot" of "shot back")."""
        return frozenset(v for v, _ in self.particle_cues)

    @cached_property
    def fixed_terms_by_word(self) -> dict[str, tuple[tuple[tuple[str, ...], int], ...]]:
        """``not_cue_phrases`` by each of their words, with the word's place
        in the phrase: a token looks up only the terms it can be part of."""
        index: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for phrase in sorted(self.not_cue_phrases):
            for j, word in enumerate(phrase):
                index.setdefault(word, []).append((phrase, j))
        return {w: tuple(v) for w, v in index.items()}

    @cached_property
    def first_name_ids(self):
        """``first_names`` as the hashes ``scan.positions`` looks for."""
        from .scan import word_ids

        return word_ids(self.first_names)

    @cached_property
    def org_noun_ids(self):
        """``org_nouns`` as the hashes ``scan.positions`` looks for."""
        from .scan import word_ids

        return word_ids(self.org_nouns)

    @cached_property
    def title_head_ids(self):
        """``title_heads`` as the hashes ``scan.positions`` looks for."""
        from .scan import word_ids

        return word_ids(self.title_heads)


def _us_states(path: Path) -> dict[str, str]:
    states = {}
    for name, abbreviations in _table(path):
        states[name] = name
        for a in abbreviations.split(","):
            states[a.strip()] = name
    return states


@lru_cache(maxsize=4)
def _load(folder: str) -> Lexicon:
    import json

    d = Path(folder)
    titles = _words(d / "titles.txt")
    abbreviations = _table(d / "title_abbreviations.tsv")
    countries: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for demonym, country in _table(d / "demonyms.tsv"):
        demonyms[demonym] = country
        demonyms[demonym.lower()] = country
        countries[country] = country
        countries[country.lower()] = country
    for alias, country in _table(d / "countries.tsv"):
        countries[alias] = country
        # Lowercased aliases would make the word "us" a country.
        if len(alias) > 3:
            countries[alias.lower()] = country
    deps = json.loads((d / "dependencies.json").read_text(encoding="utf-8"))
    from .boundaries import EndModel

    # The learned parts, fitted by `make train`; without them the rules stand.
    ends, objects = d / "content_ends.json", d / "object_statements.json"
    content_ends = EndModel.load(ends) if ends.exists() else None
    object_statements = EndModel.load(objects) if objects.exists() else None
    return Lexicon(
        speech_verbs=_words(d / "speech_verbs.txt"),
        object_cue_verbs=_words(d / "object_cue_verbs.txt"),
        infinitive_cue_verbs=_words(d / "infinitive_cue_verbs.txt"),
        aspect_verbs=_words(d / "aspect_verbs.txt"),
        comparison_words=_words(d / "comparison_words.txt"),
        pro_statements=_words(d / "pro_statements.txt"),
        not_cue_phrases=frozenset(tuple(w.split()) for w in _words(d / "not_cue_phrases.txt")),
        addressee_verbs=_words(d / "addressee_verbs.txt"),
        object_control_verbs=_words(d / "object_control_verbs.txt"),
        contact_verbs=_words(d / "contact_verbs.txt"),
        as_frame_verbs=_words(d / "as_frame_verbs.txt"),
        issue_verbs=_words(d / "issue_verbs.txt"),
        answer_verbs=_words(d / "answer_verbs.txt"),
        naming_verbs=_words(d / "naming_verbs.txt"),
        person_object_verbs=_words(d / "person_object_verbs.txt"),
        aside_marks=_words(d / "aside_marks.txt"),
        reason_marks=_words(d / "reason_marks.txt"),
        concessive_marks=_words(d / "concessive_marks.txt"),
        connective_openers=_words(d / "connective_openers.txt"),
        negative_cues=_words(d / "negative_cues.txt"),
        continuing_words=_words(d / "continuing_words.txt"),
        figure_descriptions=_words(d / "figure_descriptions.txt"),
        title_synonyms={row[0].lower(): row[1].lower() for row in _table(d / "title_synonyms.tsv")},
        hearsay_adverbs=_words(d / "hearsay_adverbs.txt"),
        headline_nouns=_words(d / "headline_nouns.txt"),
        headline_settings=_words(d / "headline_settings.txt"),
        title_small_words=_words(d / "title_small_words.txt"),
        titles=titles,
        title_heads=frozenset(t.split()[-1] for t in titles),
        title_abbreviations={row[0].lower(): row[1] for row in abbreviations},
        abbreviation_countries={row[0].lower(): row[2] for row in abbreviations if len(row) > 2},
        portfolios=_words(d / "portfolios.txt"),
        national_roles=_words(d / "national_roles.txt"),
        speech_nouns=_words(d / "speech_nouns.txt"),
        reply_nouns=_words(d / "reply_nouns.txt"),
        not_speakers=_words(d / "not_speakers.txt"),
        outlet_notes=tuple(sorted(_words(d / "outlet_notes.txt"))),
        particle_cues=frozenset((v.lower(), w.lower()) for v, w in _table(d / "particle_cues.tsv")),
        organisation_roles=_words(d / "organisation_roles.txt"),
        role_organisations={role.lower(): tuple(w.strip().lower() for w in words.split(",")) for role, words in _table(d / "role_organisations.tsv")},
        prep_cues=frozenset((v.lower(), p.lower()) for v, p in _table(d / "prep_cues.tsv")),
        country_names=frozenset(demonyms.values()),
        first_names={n: g for n, g in _table(d / "first_names.tsv")} if (d / "first_names.tsv").exists() else {},
        honorifics={h.lower(): g for h, g in _table(d / "honorifics.tsv")},
        group_nouns=_words(d / "group_nouns.txt"),
        media_nouns=_words(d / "media_nouns.txt"),
        org_nouns=_words(d / "org_nouns.txt"),
        people_org_nouns=_words(d / "people_org_nouns.txt"),
        place_nouns=_words(d / "place_nouns.txt"),
        org_name_words=_words(d / "org_name_words.txt"),
        place_roles=_words(d / "place_roles.txt"),
        state_roles=_words(d / "state_roles.txt"),
        city_roles=_words(d / "city_roles.txt"),
        question_verbs=_words(d / "question_verbs.txt"),
        party_words=_words(d / "party_words.txt"),
        pronouns={p.lower(): (k, g) for p, k, g in _table(d / "pronouns.tsv")},
        writer_pronouns=_words(d / "writer_pronouns.txt"),
        demonyms=demonyms,
        countries=countries,
        us_states=_us_states(d / "us_states.tsv"),
        platforms=tuple((re.compile(p, re.I), name) for p, name in _table(d / "platforms.tsv")),
        post_signatures=tuple((re.compile(p), name) for p, name in _table(d / "post_signatures.tsv")),
        dependencies={k: frozenset(v) for k, v in deps.items() if not k.startswith("_")},
        content_ends=content_ends,
        object_statements=object_statements,
    )
