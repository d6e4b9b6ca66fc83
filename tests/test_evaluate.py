"""The scorer on small hand-made gold and predictions, numbers computed by
hand; the gold readers on files written into tmp_path."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotes.evaluate import (
    FALSE_POSITIVE, NO_CUE, QUOTE_MISSED, TAKEN, TOO_LONG, TOO_SHORT, WRONG_SPEAKER,
    WordIndex, compare, evaluate, greedy_match, is_quoted, is_speech, load_speech_words,
    read_document_counts, score, split_quote_groups,
)
from quotes.gold import (
    CORPUS, POLNEAR, GoldAttribution, GoldDocument, GoldFormatError, Distractor,
    detect_layout, parse_brat, read_gold,
)
from quotes.records import Quote, Span, Speaker

SPEECH = ["said", "told", "denied", "says"]


# ------------------------------------------------------------------ helpers

def at(text: str, sub: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(sub, i + 1)
    return i, i + len(sub)


def gold(text, content, cue=None, source=None, gid="g", **fields):
    """A gold attribution from substrings (content may be a list of parts)."""
    parts = content if isinstance(content, list) else [content]
    return GoldAttribution(
        id=gid,
        content=tuple(at(text, c) for c in parts),
        cue=(at(text, cue),) if cue else (),
        source=(at(text, source),) if source else (),
        **fields,
    )


def quote(text, content, cue=None, speaker=None, type="indirect", sentence=0, doc_id="d",
          nth=0, **kw):
    s, e = at(text, content, nth)
    cue_span = Span(cue, *at(text, cue)) if cue else None
    if isinstance(speaker, Speaker):
        sp = speaker
    elif speaker:
        sp = Speaker(speaker, *at(text, speaker))
    else:
        sp = None
    return Quote(doc_id, type, text[s:e], s, e, cue_span, sp, sentence=sentence, **kw)


def doc(text, attributions, fmt=POLNEAR, distractors=(), doc_id="d"):
    return GoldDocument(doc_id, text, list(attributions), list(distractors), fmt)


# Forty distinct words: spans chosen by word index.
WORDS = " ".join(f"w{i}" for i in range(40)) + "."


WORD_SPANS = [m.span() for m in re.finditer(r"\w+", WORDS)]


def wspan(i: int, j: int) -> tuple[int, int]:
    """The character span of words i .. j-1 of WORDS."""
    return WORD_SPANS[i][0], WORD_SPANS[j - 1][1]


def wq(i, j, doc_id="d"):
    s, e = wspan(i, j)
    return Quote(doc_id, "indirect", WORDS[s:e], s, e, None, None)


def wg(i, j, gid="g"):
    return GoldAttribution(gid, (wspan(i, j),))


def rec(report, subset="all", level="content"):
    p = report.records[subset][level]
    return round(p.precision, 4), round(p.recall, 4), round(p.f1, 4)


# ------------------------------------------------------------------- words

def test_word_index_covers_words_touched_by_a_span():
    idx = WordIndex("Hello, big world.")
    assert idx.words([(0, 5)]) == {0}
    assert idx.words([(2, 9)]) == {0, 1}          # partial words count
    assert idx.words([(5, 7)]) == frozenset()      # ", " has no word
    assert idx.words([(0, 3), (11, 16)]) == {0, 2}  # discontinuous


# --------------------------------------------------------------- matching

def test_perfect_match_is_one_everywhere():
    text = "Jane Doe said the plan would fail. The sky is blue."
    g = gold(text, "the plan would fail", cue="said", source="Jane Doe")
    q = quote(text, "the plan would fail", cue="said", speaker="Jane Doe")
    r = score([doc(text, [g])], {"d": [q]}, speech_words=SPEECH)
    for subset in ("all", "speech"):
        for level in ("content", "attributed"):
            assert rec(r, subset, level) == (1.0, 1.0, 1.0)
        for part in ("content", "source", "cue"):
            t = r.tokens[subset][part]
            assert (t.precision, t.recall, t.f1) == (1.0, 1.0, 1.0)
    assert r.errors == []
    assert r.flat()["speech_attributed_f1"] == 1.0


def test_forty_percent_overlap_is_not_a_match_fifty_is():
    d = doc(WORDS, [wg(0, 10)])
    r = score([d], {"d": [wq(0, 4)]}, speech_words=SPEECH)   # 4 of 10 words
    assert rec(r) == (0.0, 0.0, 0.0)
    t = r.tokens["all"]["content"]
    assert (t.tp, t.n_pred, t.n_gold) == (4, 4, 10)
    assert [e.cause for e in r.errors] == [TOO_SHORT]          # listed once, with the gold
    r = score([d], {"d": [wq(0, 5)]}, speech_words=SPEECH)   # 5 of 10: exactly 50%
    assert rec(r) == (1.0, 1.0, 1.0)
    # longer prediction: gold 4 words inside a 10-word prediction = 40%
    r = score([doc(WORDS, [wg(0, 4)])], {"d": [wq(0, 10)]}, speech_words=SPEECH)
    assert rec(r) == (0.0, 0.0, 0.0)
    assert [e.cause for e in r.errors] == [TOO_LONG]


def test_greedy_one_to_one_best_overlap_first():
    # A = w0..w9 overlaps G2 = w1..w9 at 9/10 and G1 = w0..w5 at 6/10;
    # B = w3..w9 overlaps G2 at 7/9 and G1 at 3/7 (no match).
    # Greedy takes A-G2 (0.9) first; B-G2 and A-G1 are then blocked:
    # one match, although an optimal assignment would find two.
    golds = [wg(0, 6, "G1"), wg(1, 10, "G2")]
    preds = [wq(0, 10), wq(3, 10)]
    r = score([doc(WORDS, golds)], {"d": preds}, speech_words=SPEECH)
    assert rec(r) == (0.5, 0.5, 0.5)
    idx = WordIndex(WORDS)
    pw = [idx.words([(p.start, p.end)]) for p in preds]
    gw = [idx.words(g.content) for g in golds]
    assert greedy_match(pw, gw) == [(0, 1)]
    causes = sorted(e.cause for e in r.errors)
    assert causes == sorted([TAKEN, FALSE_POSITIVE])


def test_two_predictions_for_one_gold_count_once():
    r = score([doc(WORDS, [wg(0, 6)])], {"d": [wq(0, 6), wq(0, 5)]}, speech_words=SPEECH)
    assert rec(r) == (0.5, 1.0, round(2 * 0.5 / 1.5, 4))


def test_sequence_predictions_aligned_with_gold():
    docs = [doc(WORDS, [wg(0, 6)], doc_id="a"), doc(WORDS, [wg(10, 14)], doc_id="b")]
    r = score(docs, [[wq(0, 6, "a")], []], speech_words=SPEECH)
    assert rec(r) == (1.0, 0.5, round(2 / 3, 4))
    with pytest.raises(ValueError):
        score(docs, [[]], speech_words=SPEECH)


def test_token_overlap_sums_over_documents():
    # doc a: gold w0..w9 (10), pred w6..w11 (6): tp 4
    # doc b: gold w0..w1 (2), pred w0..w1 (2): tp 2
    docs = [doc(WORDS, [wg(0, 10)], doc_id="a"), doc(WORDS, [wg(0, 2)], doc_id="b")]
    r = score(docs, {"a": [wq(6, 12, "a")], "b": [wq(0, 2, "b")]}, speech_words=SPEECH)
    t = r.tokens["all"]["content"]
    assert (t.tp, t.n_pred, t.n_gold) == (6, 8, 12)
    assert t.precision == pytest.approx(6 / 8)
    assert t.recall == pytest.approx(6 / 12)



def test_f1_interval_resamples_articles():
    # Ten articles, each with one gold statement: found in six, missed in
    # four. F1 over all is 0.75; resampled articles move it both ways.
    docs = [doc(WORDS, [wg(0, 6)], doc_id=str(i)) for i in range(10)]
    found = {str(i): [wq(0, 6, str(i))] for i in range(6)}
    r = score(docs, found, speech_words=SPEECH)
    assert rec(r)[2] == 0.75
    low, high = r.interval("all", "content")
    assert 0.0 < low < 0.75 < high <= 1.0
    assert r.interval("all", "content") == (low, high)            # fixed seed: same interval
    # Ten times the articles, found in the same share: a narrower interval.
    many = [doc(WORDS, [wg(0, 6)], doc_id=str(i)) for i in range(100)]
    wide = score(many, {str(i): [wq(0, 6, str(i))] for i in range(60)}, speech_words=SPEECH)
    low100, high100 = wide.interval("all", "content")
    assert low < low100 < 0.75 < high100 < high
    # One article, or articles that all score alike: nothing to resample.
    assert score(docs[:1], found, speech_words=SPEECH).interval("all", "content") == (1.0, 1.0)
    same = score(docs[:6], found, speech_words=SPEECH)
    assert same.interval("all", "attributed") == (1.0, 1.0)
    flat = r.flat()
    assert (flat["all_content_f1_low"], flat["all_content_f1_high"]) == (low, high)
    assert r.to_dict()["record_scores"]["all"]["content"]["f1_interval"] == [low, high]


def test_compare_pairs_articles_by_id():
    # Forty articles, one gold statement each; the old run finds ten, the
    # new one those ten and ten more.
    docs = [doc(WORDS, [wg(0, 6)], doc_id=str(i)) for i in range(40)]
    old = score(docs, {str(i): [wq(0, 6, str(i))] for i in range(10)}, speech_words=SPEECH)
    new = score(docs, {str(i): [wq(0, 6, str(i))] for i in range(20)}, speech_words=SPEECH)
    same, paired = compare(old, old.by_document)
    assert paired == 40 and {c.verdict for c in same} == {"same"}
    changes, paired = compare(new, old.by_document)
    content = next(c for c in changes if (c.subset, c.level) == ("all", "content"))
    assert (round(content.before, 4), round(content.after, 4)) == (0.4, round(2 * 20 / 60, 4))
    assert 0 < content.low <= content.after - content.before <= content.high
    assert content.verdict == "better"
    # Unpaired articles are left out: against the first ten only, nothing changed.
    changes, paired = compare(new, old.by_document[:10])
    assert paired == 10 and {c.verdict for c in changes} == {"same"}
    # Worse the other way round.
    assert next(c for c in compare(old, new.by_document)[0] if c.level == "content").verdict == "worse"


def test_document_counts_survive_the_json_file(tmp_path):
    docs = [doc(WORDS, [wg(0, 6)], doc_id=str(i)) for i in range(3)]
    r = score(docs, {"0": [wq(0, 6, "0")]}, speech_words=SPEECH)
    path = tmp_path / "run.json"
    path.write_text(json.dumps(r.to_dict()))
    assert read_document_counts(path) == r.by_document
    for text, says in (("{not json", "not JSON"), ('{"documents": 3}', "no per-article counts")):
        path.write_text(text)
        with pytest.raises(ValueError, match=f"{re.escape(str(path))}: {says}"):
            read_document_counts(path)

# ------------------------------------------------------------- attribution

def test_attributed_needs_the_speaker_mention_to_overlap_the_source():
    text = "Jane Doe said the plan would fail, officials said. They left."
    g = gold(text, "the plan would fail", cue="said", source="Jane Doe")
    right = quote(text, "the plan would fail", cue="said", speaker="Jane")
    wrong = quote(text, "the plan would fail", cue="said", speaker="officials")
    # the resolved name is ignored: only the mention counts
    named = quote(text, "the plan would fail", cue="said",
                  speaker=Speaker(None, None, None, name="Jane Doe"))
    d = doc(text, [g])
    assert rec(score([d], {"d": [right]}, speech_words=SPEECH), level="attributed") == (1.0, 1.0, 1.0)
    r = score([d], {"d": [wrong]}, speech_words=SPEECH)
    assert rec(r, level="content") == (1.0, 1.0, 1.0)
    assert rec(r, level="attributed") == (0.0, 0.0, 0.0)
    assert [e.cause for e in r.errors] == [WRONG_SPEAKER]
    r = score([d], {"d": [named]}, speech_words=SPEECH)
    assert rec(r, level="attributed") == (0.0, 0.0, 0.0)
    # both without a source: attributed
    g2 = gold(text, "the plan would fail", cue="said")
    assert rec(score([doc(text, [g2])], {"d": [named]}, speech_words=SPEECH),
               level="attributed") == (1.0, 1.0, 1.0)


# ------------------------------------------------------------ split quotes

SPLIT = "“We will rebuild,” she said. “Every home, every school.” Then she left."


def split_preds(cue2="said", type2="direct", sentence2=1):
    a = quote(SPLIT, "“We will rebuild,”", cue="said", speaker="she", type="direct", sentence=0)
    b = quote(SPLIT, "“Every home, every school.”", cue=cue2, speaker="she", type=type2,
              sentence=sentence2)
    return [a, b]


def test_split_quote_parts_are_merged_for_polnear_gold():
    g = gold(SPLIT, ["“We will rebuild,”", "“Every home, every school.”"], cue="said", source="she")
    d = doc(SPLIT, [g], POLNEAR)
    r = score([d], {"d": split_preds()}, speech_words=SPEECH)
    assert (r.n_records, r.n_pred) == (2, 1)
    assert rec(r, level="attributed") == (1.0, 1.0, 1.0)
    # without merging: part 2 (4 of 7 words) matches, part 1 (3 of 7) is a false positive
    r = score([d], {"d": split_preds()}, speech_words=SPEECH, merge_split=False)
    assert rec(r) == (0.5, 1.0, round(2 / 3, 4))


def test_parts_of_one_speech_act_need_the_same_cue_and_speaker_whatever_their_type():
    assert len(split_quote_groups(split_preds())) == 1
    # "said the plan would fail, calling it “reckless”" given as two records.
    assert len(split_quote_groups(split_preds(type2="indirect"))) == 1
    assert len(split_quote_groups(split_preds(type2="mixed"))) == 1
    # One occurrence of the cue is one speech act, however many sentences
    # the first part runs to ("“A. A2. A3,” she said. “B.”").
    assert len(split_quote_groups(split_preds(sentence2=5))) == 1
    a, b = split_preds()
    b.cue = Span("said", a.cue.start + 30, a.cue.end + 30)
    assert len(split_quote_groups([a, b])) == 2
    a, b = split_preds()
    b.speaker = Speaker("Then", *at(SPLIT, "Then"))
    assert len(split_quote_groups([a, b])) == 2


def test_a_quote_paragraph_with_no_cue_continues_the_one_before_by_the_same_speaker():
    a, b = split_preds()
    b.cue = None
    b.paragraph = a.paragraph + 1
    assert len(split_quote_groups([a, b])) == 2  # no speaker name: nothing ties them
    a.speaker.name = b.speaker.name = "Ana Ruiz"
    assert len(split_quote_groups([a, b])) == 1
    b.paragraph = a.paragraph + 2
    assert len(split_quote_groups([a, b])) == 2
    b.paragraph = a.paragraph + 1
    b.speaker = Speaker("Then", *at(SPLIT, "Then"), name="Ben Cole")
    assert len(split_quote_groups([a, b])) == 2


def test_split_quote_parts_are_not_merged_for_corpus_gold():
    g1 = gold(SPLIT, "“We will rebuild,”", cue="said", source="she", gid="a")
    g2 = gold(SPLIT, "“Every home, every school.”", cue="said", source="she", gid="b")
    r = score([doc(SPLIT, [g1, g2], CORPUS)], {"d": split_preds()}, speech_words=SPEECH)
    assert r.n_pred == 2
    assert rec(r, level="attributed") == (1.0, 1.0, 1.0)


# ------------------------------------------------------------------ SPEECH

def test_speech_subset_drops_pairs_with_non_speech_gold():
    text = ("Doe said taxes rise. Roe believes taxes fall. "
            "Poe thinks “taxes stay”. Moe wrote nothing here.")
    ga = gold(text, "taxes rise", cue="said", source="Doe", gid="A")           # SPEECH (cue)
    gb = gold(text, "taxes fall", cue="believes", source="Roe", gid="B")       # not SPEECH
    gc = gold(text, "“taxes stay”", cue="thinks", source="Poe", gid="C")       # SPEECH (quote)
    preds = [quote(text, "taxes rise", cue="said", speaker="Doe"),
             quote(text, "taxes fall", cue="believes", speaker="Roe"),
             quote(text, "nothing here")]                                      # false positive
    r = score([doc(text, [ga, gb, gc])], {"d": preds}, speech_words=SPEECH)
    # ALL: 2 matches of 3 predictions and 3 gold
    assert rec(r, "all") == (round(2 / 3, 4), round(2 / 3, 4), round(2 / 3, 4))
    # SPEECH: B and its matched prediction removed: 1 match, 2 predictions, 2 gold
    sp = r.records["speech"]["content"]
    assert (sp.tp, sp.n_pred, sp.n_gold) == (1, 2, 2)
    assert rec(r, "speech") == (0.5, 0.5, 0.5)
    t = r.tokens["speech"]["content"]
    # predictions kept: "taxes rise" + "nothing here" (4 words); gold A + C (4 words)
    assert (t.tp, t.n_pred, t.n_gold) == (2, 4, 4)
    causes = {e.gold.id if e.gold else "pred": e.cause for e in r.errors}
    assert causes == {"C": QUOTE_MISSED, "pred": FALSE_POSITIVE}


def test_quote_marks_and_the_apostrophe_rule():
    assert is_quoted("he called it “reckless”")
    assert is_quoted('"We will win"')
    assert is_quoted("‘in their heads.’")
    assert is_quoted("in their heads’.")            # ’ closing the content
    assert not is_quoted("Clinton’s team avoided it")  # ’ inside: an apostrophe
    assert not is_quoted("taxes will rise")


def test_speech_cue_words_are_matched_per_word_lowercased():
    text = "According to Doe, taxes rise. Polls show taxes fall."
    words = load_speech_words()
    assert {"said", "told", "according", "tweeted", "statement"} <= words
    assert not {"think", "believe", "show"} & words
    g = gold(text, "taxes rise", cue="According to")
    assert is_speech(g, text, words)
    assert not is_speech(gold(text, "taxes fall", cue="show"), text, words)


# ---------------------------------------------------------------- errors

def test_error_causes_and_sentence_context():
    text = ("First line here. Mayor Kim said the bridge opens in May. "
            "“It is done,” Lee said. Nobody expected rain.\n\nRain came.")
    g_nocue = gold(text, "the bridge opens in May", cue="said", source="Mayor Kim", gid="n")
    g_quote = gold(text, "“It is done,”", cue="said", source="Lee", gid="q")
    fp = quote(text, "Rain came")
    r = score([doc(text, [g_nocue, g_quote])], {"d": [fp]}, speech_words=SPEECH)
    by_cause = {e.cause: e for e in r.errors}
    assert set(by_cause) == {NO_CUE, QUOTE_MISSED, FALSE_POSITIVE}
    assert by_cause[NO_CUE].context == "Mayor Kim said the bridge opens in May."
    assert by_cause[QUOTE_MISSED].context == "“It is done,” Lee said."
    assert by_cause[FALSE_POSITIVE].context == "Rain came."
    assert r.error_counts() == {NO_CUE: 1, QUOTE_MISSED: 1, FALSE_POSITIVE: 1}
    assert (r.missed, r.unmatched) == (2, 1)


# ------------------------------------------------------- corpus and fields

def test_field_accuracy_and_distractors():
    text = ("Kyiv Mayor Vitali Klitschko wrote on Telegram: “Rescue work continues.” "
            "“We need help,” the statement read. The “significant progress” was not.")
    g1 = gold(text, "“Rescue work continues.”", cue="wrote", source="Kyiv Mayor Vitali Klitschko",
              gid="s0", type="direct", platform="Telegram", outlet=None,
              speaker={"text": "Kyiv Mayor Vitali Klitschko", "name": "Vitali Klitschko",
                       "kind": "person", "role": "Mayor", "affiliation": "Kyiv"})
    g2 = gold(text, "“We need help,”", cue="read", gid="s1", type="direct", speaker=None)
    dis = Distractor(*at(text, "“significant progress”"), why="scare quote")
    p1 = quote(text, "“Rescue work continues.”", cue="wrote", type="indirect", platform="Telegram",
               speaker=Speaker("Kyiv Mayor Vitali Klitschko", *at(text, "Kyiv Mayor Vitali Klitschko"),
                               name=" vitali KLITSCHKO ", kind="person", role="the Mayor",
                               affiliation="Ukraine"))
    p2 = quote(text, "“We need help,”", cue="read", type="direct")
    p3 = quote(text, "“significant progress”", type="direct")
    r = score([doc(text, [g1, g2], CORPUS, [dis])], {"d": [p1, p2, p3]}, speech_words=SPEECH)
    acc = {k: (f.correct, f.total) for k, f in r.fields.items()}
    assert acc == {"name": (2, 2), "kind": (2, 2), "role": (2, 2), "affiliation": (1, 2),
                   "platform": (2, 2), "outlet": (2, 2), "type": (1, 2)}
    assert [(e.field, e.predicted, e.gold, e.content) for e in r.field_errors] == [
        ("affiliation", "Ukraine", "Kyiv", "“Rescue work continues.”"),
        ("type", "indirect", "direct", "“Rescue work continues.”")]
    assert (r.distractors, r.distractor_hits) == (1, 1)
    assert rec(r) == (round(2 / 3, 4), 1.0, 0.8)
    assert "distractor: scare quote" in [e.detail for e in r.errors if e.cause == FALSE_POSITIVE][0]


def test_no_field_accuracy_for_brat_gold():
    text = "Jane Doe said the plan would fail."
    g = gold(text, "the plan would fail", cue="said", source="Jane Doe")
    r = score([doc(text, [g], POLNEAR)], {"d": [quote(text, "the plan would fail")]},
              speech_words=SPEECH)
    assert r.fields == {}


# ----------------------------------------------------------------- readers

ANN = (
    "T1\tSource 0 8\tJane Doe\n"
    "T2\tCue 9 13\tsaid\n"
    "T3\tContent 10 20;25 40\tpart one part two\n"
    "T4\tAttribution 9 13\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tContent 50 60\tfirst line\n"
    "continued on a second line\n"
    "T6\tCue 61 65\twrote\n"
    "T7\tContent 70 75\tmore\n"
    "T8\tAttribution-no-source 61 65\twrote\n"
    "E2\tAttribution-no-source:T8 Cue:T6 Content:T5 Content2:T7\n"
    "T9\tAttribution 61 65\twrote\n"
    "E3\tAttribution:T9 Cue:T6\n"
    "#1\tAnnotatorNotes T5\tunsure\n"
)


def test_parse_brat_discontinuous_and_numbered_roles():
    atts, skipped = parse_brat(ANN)
    assert skipped == 1  # E3 has no content
    a, b = atts
    assert (a.id, a.content, a.cue, a.source) == ("E1", ((10, 20), (25, 40)), ((9, 13),), ((0, 8),))
    assert (b.id, b.content, b.cue, b.source) == ("E2", ((50, 60), (70, 75)), ((61, 65),), ())
    with pytest.raises(GoldFormatError):
        parse_brat("T1\tContent 10 x\tfoo\n")


def test_read_polnear_layout_first_annotator_and_exact_offsets(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    # \r\n must not be translated: "Doe" starts at 15, not 14
    text = "Intro line.\r\n\r\nDoe said it will rain today, really."
    (tmp_path / "text" / "a_story.txt").write_bytes(text.encode("utf-8"))
    s, e = at(text, "it will rain today")
    assert (s, at(text, "Doe")[0]) == (24, 15)
    # two annotators: the first in sorted order (…_11aa) is used
    (tmp_path / "attributions" / "a_story_zz99.ann").write_text(
        "T1\tContent 0 5\tIntro\nT2\tAttribution 0 5\tIntro\nE1\tAttribution:T2 Content:T1\n")
    (tmp_path / "attributions" / "a_story_11aa.ann").write_text(
        f"T1\tSource 15 18\tDoe\nT2\tCue 19 23\tsaid\nT3\tContent {s} {e}\tit will rain today\n"
        "T4\tAttribution 19 23\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n")
    assert detect_layout(tmp_path) == POLNEAR
    (d,) = read_gold(tmp_path)
    assert d.id == "a_story" and d.format == POLNEAR and d.text == text
    (g,) = d.attributions
    assert d.text[g.content[0][0]:g.content[0][1]] == "it will rain today"
    assert g.source == ((15, 18),)


def test_read_corpus_layout(tmp_path):
    text = "“We will rebuild,” Mayor Kim said.\n\nA “historic” day."
    c = at(text, "“We will rebuild,”")
    (tmp_path / "kyiv.txt").write_text(text, encoding="utf-8")
    (tmp_path / "unannotated.txt").write_text("No gold here.", encoding="utf-8")
    (tmp_path / "kyiv.json").write_text(json.dumps({
        "statements": [{
            "type": "direct", "text": "“We will rebuild,”", "start": c[0], "end": c[1],
            "cue": {"text": "said", "start": at(text, "said")[0], "end": at(text, "said")[1]},
            "speaker": {"text": "Mayor Kim", "start": at(text, "Mayor Kim")[0],
                        "end": at(text, "Mayor Kim")[1], "name": "Kim", "kind": "person",
                        "role": "Mayor", "affiliation": None},
            "platform": None, "outlet": None,
        }, {
            "type": "indirect", "text": "A", "start": 36, "end": 37, "cue": None,
            "speaker": {"text": None, "start": None, "end": None, "name": "Kim", "kind": "person"},
        }],
        "distractors": [{"text": "“historic”", "start": at(text, "“historic”")[0],
                         "end": at(text, "“historic”")[1], "why": "scare quote"}],
    }, ensure_ascii=False), encoding="utf-8")
    assert detect_layout(tmp_path) == CORPUS
    (d,) = read_gold(tmp_path)
    assert d.id == "kyiv" and d.format == CORPUS
    g1, g2 = d.attributions
    assert g1.content == (c,) and g1.source == (at(text, "Mayor Kim"),) and g1.type == "direct"
    assert g1.speaker["role"] == "Mayor"
    assert g2.cue == () and g2.source == () and g2.speaker["name"] == "Kim"
    assert d.distractors[0].why == "scare quote"


def test_detect_layout_rejects_other_directories(tmp_path):
    (tmp_path / "dev" / "text").mkdir(parents=True)
    with pytest.raises(GoldFormatError, match="dev"):
        detect_layout(tmp_path)


# ---------------------------------------------------- evaluate() and the CLI

class FakeExtractor:
    """Returns fixed quotes per document id through the pipe() API."""

    def __init__(self, by_id):
        self.by_id = by_id

    def pipe(self, documents):
        for d in documents:
            yield d, [Quote(d.id, q.type, q.text, q.start, q.end, q.cue, q.speaker)
                      for q in self.by_id.get(d.id, [])]


def _corpus_dir(tmp_path):
    text = "Mayor Kim said the bridge opens in May. Lee said it rains."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    s, e = at(text, "the bridge opens in May")
    (tmp_path / "a.json").write_text(json.dumps({"statements": [
        {"type": "indirect", "text": text[s:e], "start": s, "end": e,
         "cue": {"text": "said", "start": 10, "end": 14},
         "speaker": {"text": "Mayor Kim", "start": 0, "end": 9, "name": "Kim", "kind": "person",
                     "role": "Mayor", "affiliation": None}}]}), encoding="utf-8")
    preds = [quote(text, "the bridge opens in May", cue="said", speaker="Mayor Kim", doc_id="a"),
             quote(text, "it rains", doc_id="a")]
    preds[0].speaker.name, preds[0].speaker.kind, preds[0].speaker.role = "Kim", "person", "Mayor"
    return FakeExtractor({"a": preds})


def test_evaluate_runs_the_extractor_over_the_gold(tmp_path):
    r = evaluate(tmp_path, _corpus_dir(tmp_path))
    assert (r.n_docs, r.n_gold, r.n_pred) == (1, 1, 2)
    assert rec(r, level="attributed") == (0.5, 1.0, round(2 / 3, 4))
    assert r.fields["role"].correct == 1


def test_eval_command_prints_and_writes_json(tmp_path, monkeypatch):
    from quotes import pipeline
    from quotes.eval_cli import eval_command

    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    fake = _corpus_dir(gold_dir)
    monkeypatch.setattr(pipeline.Extractor, "load", classmethod(lambda cls, model=None: fake))
    out = tmp_path / "scores.json"
    res = CliRunner().invoke(eval_command, [str(gold_dir), "--errors", "--json", str(out)])
    assert res.exit_code == 0, res.output
    assert "SPEECH" in res.output and "false positive" in res.output and "it rains" in res.output
    assert "95% CI" in res.output and "Word overlap" in res.output
    # The same run against itself: every score the same.
    res = CliRunner().invoke(eval_command, [str(gold_dir), "--against", str(out)])
    assert res.exit_code == 0, res.output
    assert "1 article scored by both" in " ".join(res.output.split()) and "same" in res.output
    bad = tmp_path / "bad.json"
    bad.write_text("[]")
    res = CliRunner().invoke(eval_command, [str(gold_dir), "--against", str(bad)])
    assert res.exit_code != 0 and f"{bad}: no per-article counts" in res.output
    other = json.loads(out.read_text())
    for row in other["by_document"]:
        row["id"] = "an article of another set"
    bad.write_text(json.dumps(other))
    kept = tmp_path / "kept.json"
    res = CliRunner().invoke(eval_command, [str(gold_dir), "--against", str(bad), "--json", str(kept)])
    assert res.exit_code != 0 and f"{bad}: none of its articles is among the 1 scored now" in " ".join(res.output.split())
    assert json.loads(kept.read_text())["documents"] == 1  # the run's own scores are kept all the same
    res = CliRunner().invoke(eval_command, [str(gold_dir), "--json", str(tmp_path / "no" / "dir" / "s.json")])
    assert res.exit_code != 0 and "cannot write the scores" in res.output
    data = json.loads(out.read_text())
    assert data["record_scores"]["all"]["content"]["precision"] == 0.5
    assert data["flat"]["all_attributed_f1"] == pytest.approx(2 / 3)
    assert data["errors"]["by_cause"] == {FALSE_POSITIVE: 1}


def test_eval_command_lists_wrong_fields(tmp_path, monkeypatch):
    from quotes import pipeline
    from quotes.eval_cli import eval_command

    fake = _corpus_dir(tmp_path)
    fake.by_id["a"][0].speaker.role = "Deputy Mayor"
    monkeypatch.setattr(pipeline.Extractor, "load", classmethod(lambda cls, model=None: fake))
    out = tmp_path / "scores.json"
    res = CliRunner().invoke(eval_command, [str(tmp_path), "--errors", "--json", str(out)])
    assert res.exit_code == 0, res.output
    assert "wrong role (1)" in res.output and "pred: 'Deputy Mayor'  gold: 'Mayor'" in res.output
    assert "wrong name" not in res.output
    assert json.loads(out.read_text())["field_errors"] == [
        {"doc_id": "a", "field": "role", "gold": "Mayor", "predicted": "Deputy Mayor",
         "content": "the bridge opens in May", "start": len("Mayor Kim said ")}]


def test_eval_command_reports_bad_gold_dir(tmp_path):
    from quotes.eval_cli import eval_command

    res = CliRunner().invoke(eval_command, [str(tmp_path)])
    assert res.exit_code != 0 and "no gold found" in res.output


def _with_bad_articles(gold_dir):
    """Beside a good article: one whose JSON is not gold, one not UTF-8."""
    (gold_dir / "b.txt").write_text("Lee said it rains.", encoding="utf-8")
    (gold_dir / "b.json").write_text(json.dumps({"statements": [{"start": 9}]}), encoding="utf-8")
    (gold_dir / "c.txt").write_bytes(b"\xff\xfe binary")
    (gold_dir / "c.json").write_text(json.dumps({"statements": []}), encoding="utf-8")


def test_read_gold_leaves_out_bad_articles_only_when_asked(tmp_path):
    _corpus_dir(tmp_path)
    _with_bad_articles(tmp_path)
    with pytest.raises(GoldFormatError, match="b.json"):
        read_gold(tmp_path)
    errors = []
    docs = read_gold(tmp_path, on_error=errors.append)
    assert [d.id for d in docs] == ["a"]
    assert [str(e) for e in errors] == [f"{tmp_path / 'b.json'}: statement 0 has no start/end",
                                        f"{tmp_path / 'c.txt'}: not UTF-8 text (byte 0)"]


def test_eval_command_scores_the_rest_of_a_set_with_bad_articles(tmp_path, monkeypatch):
    from quotes import pipeline
    from quotes.eval_cli import eval_command

    fake = _corpus_dir(tmp_path)
    _with_bad_articles(tmp_path)
    monkeypatch.setattr(pipeline.Extractor, "load", classmethod(lambda cls, model=None: fake))
    res = CliRunner().invoke(eval_command, [str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert [line for line in res.stderr.splitlines() if line.strip()] == [f"quotes eval: left out {tmp_path / 'b.json'}: statement 0 has no start/end",
                                       f"quotes eval: left out {tmp_path / 'c.txt'}: not UTF-8 text (byte 0)"]
    title = " ".join(res.stdout.split())  # rich wraps the title
    assert "(corpus): 1 articles, 1 gold" in title and "2 articles left out" in title


CORPUS_DIR = Path(__file__).resolve().parent.parent / "corpus"


@pytest.mark.parametrize("gold", sorted(CORPUS_DIR.glob("*.json")), ids=lambda p: p.stem)
def test_corpus_spans_are_the_text_they_quote(gold):
    """Every span of the project's gold corpus (statement, cue, speaker,
    distractor) is the text it claims to be, as corpus/README.md promises."""
    article = gold.with_suffix(".txt").read_text(encoding="utf-8")
    data = json.loads(gold.read_text(encoding="utf-8"))
    spans = [s for st in data["statements"] for s in (st, st.get("cue"), st.get("speaker")) if s]
    spans += data.get("distractors", [])
    assert spans
    wrong = [(s["text"], article[s["start"]:s["end"]]) for s in spans if article[s["start"]:s["end"]] != s["text"]]
    assert not wrong
