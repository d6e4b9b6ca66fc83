"""A faster stand-in for spaCy's rule lemmatizer with the same output.

spaCy's lemmatizer makes a Python call per token, works out the morphology
of every base form again ("said" is cached, "plan" is not), and tests each
form its rules make against a word list (57,528 nouns) by scanning it: on
PolNeAR dev it cost more than the quote rules. A rule lemma depends on the
word, its POS and its morphology alone, so here each such triple is
lemmatized once, by spaCy's own code over the same tables with the word
lists made sets, and the lemmas are written to the whole document at once.
``tests/test_fast_lemmas.py`` checks the result token by token.
"""
from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

# Forgotten past this many entries: a corpus of millions of articles has an
# open vocabulary, and re-lemmatizing a word is cheap.
MEMO_SIZE = 200_000


class FastLemmatizer:
    def __init__(self, lemmatizer: Lemmatizer):
        self.lemmatizer = lemmatizer
        self.lemmatize = _indexed(lemmatizer).lemmatize
        # Lemma strings, not their ids: inside spaCy's ``memory_zone`` a
        # string added to the vocabulary is dropped when the zone closes, so
        # each document adds its lemmas again (once per distinct lemma).
        self.memo: dict[tuple[int, int, int], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3:].copy()
        memo, strings = self.memo, doc.vocab.strings
        overwrite = self.lemmatizer.overwrite
        ids: dict[str, int] = {}
        for j, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            # A lemma the attribute ruler set ("n't" -> "not") stays, as
            # with spaCy's lemmatizer.
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            word = memo.get(key)
            if word is None:
                if len(memo) >= MEMO_SIZE:
                    memo.clear()
                word = memo[key] = self.lemmatize(doc[j])[0]
            value = ids.get(word)
            if value is None:
                value = ids[word] = strings.add(word)
            lemmas[j, 0] = value
        doc.from_array([LEMMA], lemmas)
        return doc


def _indexed(lemmatizer: Lemmatizer) -> Lemmatizer:
    """A private copy of ``lemmatizer`` whose word index per POS is a set.

    spaCy's tables hold it as a list (57,528 nouns), and its rules test each
    candidate form against it: a word's first lemmatization took 0.24 ms,
    most of this stage's time until the memo warms up. The copy runs
    spaCy's own code on the same tables, so its lemmas are the same; it is
    never saved, so the sets need not serialize."""
    copy = type(lemmatizer)(lemmatizer.vocab, None, lemmatizer.name, mode=lemmatizer.mode,
                            overwrite=lemmatizer.overwrite)
    lookups = Lookups()
    for name in lemmatizer.lookups.tables:
        table = lemmatizer.lookups.get_table(name)
        if name == "lemma_index":
            index = lookups.add_table(name)
            for key, words in table.items():
                index[key] = frozenset(words)
        else:
            lookups.set_table(name, table)
    copy.initialize(lookups=lookups)
    return copy


@Language.factory("fast_lemmatizer")
def make_fast_lemmatizer(nlp: Language, name: str):
    return FastLemmatizer(nlp.get_pipe("lemmatizer"))


def speed_up(nlp: Language) -> None:
    """Run the fast lemmatizer in place of the pipeline's (kept, disabled)
    when that is a rule lemmatizer with its tables; leave it alone otherwise
    (a lookup or trained lemmatizer, or none)."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule":
        return
    required, _ = type(lemmatizer).get_lookups_config("rule")
    if not set(required) <= set(lemmatizer.lookups.tables):
        return
    nlp.add_pipe("fast_lemmatizer", before="lemmatizer")
    nlp.disable_pipe("lemmatizer")
