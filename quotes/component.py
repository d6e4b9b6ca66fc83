"""The spaCy pipeline component: ``nlp.add_pipe("quotes")`` sets
``doc._.quotes`` to the document's ``Quote`` records.

Configured through the factory like spaCy's own rulers; the word lists it
uses are saved with the pipeline by ``to_disk`` and read back by
``from_disk``, so a packaged pipeline carries its own data.

Added to a stock pipeline, the component also adapts it to news as the
command line does (``quotes.nlp.adapt``: quotation marks glued to words split off,
title abbreviations kept whole, a line break ending a sentence), since the
rules read the parse those give. ``adapt_pipeline: false`` in its config
leaves the pipeline as it is.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from .lexicon import MODELS_DIR, Lexicon
from .nlp import adapt

if not Doc.has_extension("quotes"):
    Doc.set_extension("quotes", default=None)


class QuotesComponent:
    def __init__(self, nlp: Language, name: str, keep_unattributed: bool, models_dir: Optional[str],
                 adapt_pipeline: bool = True):
        self.name = name
        self.keep_unattributed = keep_unattributed
        self.models_dir = models_dir
        self.lexicon = Lexicon.load(models_dir)
        if adapt_pipeline:
            adapt(nlp, self.lexicon.title_abbreviations)

    def __call__(self, doc: Doc) -> Doc:
        from .attribution import find_quotes

        doc._.quotes = find_quotes(doc, self.lexicon, doc_id=doc.user_data.get("doc_id", "text"), keep_unattributed=self.keep_unattributed)
        return doc

    def to_disk(self, path, exclude=()) -> None:
        path = Path(path)
        if path.exists():
            shutil.rmtree(path)
        shutil.copytree(self.models_dir or MODELS_DIR, path)

    def from_disk(self, path, exclude=()) -> "QuotesComponent":
        self.models_dir = str(path)
        self.lexicon = Lexicon.load(path)
        return self


@Language.factory(
    "quotes",
    default_config={"keep_unattributed": False, "models_dir": None, "adapt_pipeline": True},
    requires=["token.dep", "token.lemma", "doc.ents"],
    assigns=["doc._.quotes"],
)
def make_quotes(nlp: Language, name: str, keep_unattributed: bool, models_dir: Optional[str], adapt_pipeline: bool):
    return QuotesComponent(nlp, name, keep_unattributed, models_dir, adapt_pipeline)
