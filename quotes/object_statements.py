"""Whether the object of a speech verb is what was said: a small learned gate.

"denied the allegations" and "confirmed the deal" report their object;
"wrote a book" and "wrote legislation" do not. PolNeAR, which the gate is
fitted on, also counts "posted a video of the rally": the statements it
takes carry a lower confidence (0.6) so that a reader can set them aside. The verbs
in ``models/object_cue_verbs.txt`` always report their object. For any
other speech verb that has an object and nothing else to report, this model
decides from the verb, its object and its subject whether the object is a
statement. On PolNeAR train a third of such objects are; taking every verb
whose objects mostly are did not pay, the context does.

The decision is a choice between two options, "no statement" and "the
object", scored by the same averaged perceptron as ``boundaries`` and fitted
on PolNeAR train by ``quotes.train`` (``make train``) into
``models/object_statements.json``.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .boundaries import EndModel
from .cues import can_speak, is_quote_mark, object_range
from .lexicon import Lexicon
from .speakers import subject_of


def candidate(cue: Token, lex: Lexicon) -> Optional[tuple[int, int]]:
    """The object a speech verb not listed as reporting its object might
    report, as a token range."""
    if cue.lemma_.lower() in lex.object_cue_verbs:
        return None
    obj = next((c for c in cue.rights if lex.has_dep(c, "object")), None)
    if obj is None or can_speak(obj, lex):
        return None  # "charged the driver", "praised Obama": a person is not a statement
    span = object_range(cue, lex)
    if span is not None and any(t.text == ":" for t in cue.doc[span[0]:span[1]]):
        return None  # "posted a photo with the caption: “...”": the quotation is what was said
    return span


def features(cue: Token, span: tuple[int, int], lex: Lexicon) -> list[str]:
    lemma = cue.lemma_.lower()
    obj = next((c for c in cue.rights if lex.has_dep(c, "object")), None)
    subj = subject_of(cue, lex)
    f = ["bias", f"lemma={lemma}", f"tag={cue.tag_}", f"dep={cue.dep_}", f"len={min(span[1] - span[0], 12) // 3}",
         f"prep_after={next((c.lower_ for c in cue.rights if c.dep_ == 'prep'), '-')}",
         f"head={cue.head.lemma_.lower() if cue.dep_ in ('xcomp', 'conj') else '-'}",
         f"quote_in_sentence={any(is_quote_mark(t) for t in cue.sent)}"]
    if obj is not None:
        # Not the object's own word: on a thousand examples it learns the
        # topics of 2016 ("report", "congratulations"), not what a statement is.
        f += [f"obj_pos={obj.pos_}", f"obj_ent={obj.ent_type_ or '-'}",
              f"obj_det={next((c.lower_ for c in obj.children if c.dep_ in ('det', 'poss')), '-')}"]
        f += sorted({f"obj_child={c.dep_}" for c in obj.children})
        f += sorted({f"obj_prep={c.lower_}" for c in obj.children if c.dep_ == "prep"})
        # What kind of word the object is, by the lexicon's classes only.
        f.append(f"obj_says={obj.lemma_.lower() in lex.speech_nouns or obj.lemma_.lower() in lex.reply_nouns}")
    f.append(f"obj_quoted={any(is_quote_mark(t) for t in cue.doc[span[0]:span[1]])}")
    f.append(f"passive={any(c.dep_ == 'auxpass' for c in cue.children)}")
    if subj is None:
        f.append("subj=none")
    else:
        f += [f"subj={subj.pos_}", f"subj_ent={subj.ent_type_ or '-'}"]
    return ["obj:" + x for x in f]


NO_STATEMENT = ["obj:none"]


def keeps(model: EndModel, cue: Token, span: tuple[int, int], lex: Lexicon) -> bool:
    """Whether the model takes the object for a statement."""
    return EndModel.pick([NO_STATEMENT, features(cue, span, lex)], model.weights) == 1
