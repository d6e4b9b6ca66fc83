"""The learned parts: the end of reported statements (quotes/boundaries.py),
the object statement gate (quotes/object_statements.py) and their training
(quotes/train.py)."""
from __future__ import annotations

import dataclasses
import json
import re
import shutil
from pathlib import Path

import pytest

from quotes import object_statements
from quotes.boundaries import EndModel, candidate_ends, features, fit, instances
from quotes.train import main as train_main

REPO = Path(__file__).resolve().parents[1]


def test_candidates_include_rule_end_and_sentence_end(extractor):
    doc = extractor.nlp("She said the numbers were dramatic, rivals were outspending them, and voters noticed.")
    cue = next(t for t in doc if t.text == "said")
    start = cue.i + 1
    rule_end = next(t.i for t in doc if t.text == ",")
    ends = candidate_ends(doc, cue, start, rule_end, doc[start].sent.end, extractor.lexicon)
    assert rule_end in ends
    # The sentence's end, without its full stop.
    assert doc[max(ends) - 1].text == "noticed"


def test_no_candidate_past_a_time_phrase_on_the_cue(extractor):
    doc = extractor.nlp("Senator Paula Reyes called the plan reckless on Monday in Ohio.")
    cue = next(t for t in doc if t.text == "called")
    on = next(t for t in doc if t.text == "on")
    start = cue.i + 1
    ends = candidate_ends(doc, cue, start, on.i, doc[start].sent.end, extractor.lexicon)
    assert max(ends) <= on.i


def test_features_tell_a_sentence_end_from_a_comma(extractor):
    doc = extractor.nlp("He said taxes would rise, which voters hate.")
    cue = doc[1]
    end_of_sentence = len(doc) - 1
    comma = next(t.i for t in doc if t.text == ",")
    at_comma = features(doc, cue, 2, comma, comma, len(doc))
    at_end = features(doc, cue, 2, end_of_sentence, comma, len(doc))
    assert "sentence_end" in at_end and "sentence_end" not in at_comma
    assert "at_rule" in at_comma and "after_rule" in at_end
    assert "word=which" in at_comma


def test_features_tell_what_opens_the_rest_and_what_stands_before_it(extractor):
    doc = extractor.nlp("He announced the new budget, citing lower costs for the city.")
    cue = doc[1]
    comma = next(t.i for t in doc if t.text == ",")
    at_comma = features(doc, cue, 2, comma, comma, len(doc))
    at_end = features(doc, cue, 2, len(doc) - 1, comma, len(doc))
    # The participle opening the rest, and a bare noun phrase before the comma.
    assert "word_verb=cite" in at_comma and "statement=NOUN|clause=False|next=," in at_comma
    assert not any(f.startswith(("word_verb=", "statement=", "rest_ratio=")) for f in at_end)
    doc = extractor.nlp("She said the vote was close, but would it hold?")
    comma = next(t.i for t in doc if t.text == ",")
    at_comma = features(doc, doc[1], 2, comma, comma, len(doc))
    assert "sentence_mark=?" in at_comma and "statement=AUX|clause=True|next=," in at_comma


def test_no_candidate_cuts_a_tail_the_rules_keep(extractor):
    # "with ..." on the cue is kept on purpose by the rules (cues._extend_tail).
    doc = extractor.nlp("Rescuers confirmed that the search is ongoing, with two people still missing.")
    cue = next(t for t in doc if t.text == "confirmed")
    with_ = next(t for t in doc if t.text == "with")
    with_.head = cue  # as the parse often hangs it
    start = cue.i + 2
    end = len(doc) - 1
    ends = candidate_ends(doc, cue, start, end, doc[start].sent.end, extractor.lexicon)
    assert end in ends and min(ends) > with_.i


def test_features_tell_whether_a_report_follows(extractor):
    doc = extractor.nlp("Most voters said taxes were too high, with one in four saying they would move.")
    cue = doc[2]
    comma = next(t.i for t in doc if t.text == ",")
    options, feats = instances(doc, cue, cue.i + 1, comma, extractor.lexicon)
    assert "rest_speech=True" in feats[options.index(comma)]


@pytest.mark.parametrize("text, last", [
    # A report in a relative clause on the statement's last noun is part of it.
    ("Rubio said that he has begun to unmask the true nature of Trump, whom he called a con artist.", "artist"),
    # A report of its own is not.
    ("One in three said the party does not care, and one in four said the party was hostile.", "care"),
])
def test_candidates_run_through_a_report_in_a_relative_clause_only(extractor, text, last):
    doc = extractor.nlp(text)
    cue = next(t for t in doc if t.text == "said")
    start = next(t.i for t in doc[cue.i + 1:] if t.lower_ != "that")
    comma = next(t.i for t in doc if t.text == ",")
    ends = candidate_ends(doc, cue, start, comma, doc[start].sent.end, extractor.lexicon)
    assert doc[max(ends) - 1].text == last


def test_candidates_stop_at_a_participle_joined_to_a_participle_cue(extractor):
    # The parse joined "chiding" to "having", inside the statement of "stating".
    doc = extractor.nlp("For months, Cruz had effusively praised Trump, stating there was a benefit to having the "
                        "New Yorker in the race and chiding the media for \"the little game\" of pitting Republicans "
                        "against one another.")
    cue = next(t for t in doc if t.text == "stating")
    chiding = next(t for t in doc if t.text == "chiding")
    rule_end = next(t.i for t in doc if t.text == "and")
    ends = candidate_ends(doc, cue, cue.i + 1, rule_end, doc[cue.i].sent.end, extractor.lexicon)
    assert rule_end in ends and max(ends) <= chiding.i


@pytest.mark.parametrize("text, tenses", [
    # "tells" is in the cue's tense: what the speaker did next.
    ("Kasich says he would sit Putin down and tells the crowd he was the first one.", "cue_tense=True|head_tense=False"),
    # "suspected" is in the statement's tense as well.
    ("Bob said he first heard gunfire at 9 p.m. and suspected an attack.", "cue_tense=True|head_tense=True"),
])
def test_features_tell_whose_tense_a_coordinated_verb_shares(extractor, text, tenses):
    doc = extractor.nlp(text)
    cue = doc[1]
    and_ = next(t.i for t in doc if t.text == "and")
    options, feats = instances(doc, cue, cue.i + 1, and_, extractor.lexicon)
    assert any(f.startswith("cc_verb|") and f.endswith(tenses) for f in feats[options.index(and_)])


def test_no_candidate_inside_a_hyphenated_word(extractor):
    doc = extractor.nlp("Trump on Friday endorsed the re-election of Paul Ryan (R-Wis.) and John McCain.")
    cue = next(t for t in doc if t.text == "endorsed")
    start = cue.i + 1
    ends = candidate_ends(doc, cue, start, len(doc) - 1, doc[start].sent.end, extractor.lexicon)
    assert all(doc[e].text not in "-–" for e in ends)


def test_features_tell_an_end_that_cuts_a_phrase(extractor):
    # "despite the excitement" hangs on "think": ending there leaves it dangling.
    doc = extractor.nlp("He told the paper that despite the excitement, he did not think the casino would last.")
    cue = doc[1]
    start = next(t.i for t in doc if t.text == "despite")
    comma = next(t.i for t in doc if t.text == ",")
    end = len(doc) - 1
    assert "cuts_phrase" in features(doc, cue, start, comma, end, len(doc))
    assert "cuts_phrase" not in features(doc, cue, start, end, end, len(doc))
    assert any(x.startswith("kind=") for x in features(doc, cue, start, end, end, len(doc)))


def test_training_aims_at_the_statement_of_the_same_cue(extractor):
    # The rules' clause overlaps the second statement more; the cue's own
    # statement is still the one to learn.
    from quotes.gold import GoldAttribution, GoldDocument
    from quotes.train import end_examples

    text = "The senator said the bill was dead and voters across the whole state had lost all faith in the process."

    def span(words):
        i = text.index(words)
        return ((i, i + len(words)),)

    gold = GoldDocument("t", text, [
        GoldAttribution("a", span("the bill was dead"), span("said")),
        GoldAttribution("b", span("voters across the whole state had lost all faith in the process"), span("senator"))])
    lex = dataclasses.replace(extractor.lexicon, content_ends=None, object_statements=None)
    [(feats, right)] = list(end_examples(extractor.nlp(text), gold, lex))
    assert "next=and" in feats[right]


def test_perceptron_learns_a_separable_choice():
    # The right option always carries "good"; "bad" options are decoys.
    data = [([["bias", "bad"], ["bias", "good"], ["bias", "bad", f"noise{i}"]], 1) for i in range(20)]
    data += [([["bias", "good", f"n{i}"], ["bias", "bad"]], 0) for i in range(20)]
    w = fit(data, epochs=5)
    assert w["good"] > w.get("bad", 0.0)
    model = EndModel(w, frozenset())
    assert all(max(range(len(o)), key=lambda j: model.score(o[j])) == g for o, g in data)


def test_save_and_load_round_trip(tmp_path):
    model = EndModel({"a": 1.5, "b": -0.25, "tiny": 1e-6}, frozenset({"nsubj", "ROOT"}))
    path = tmp_path / "ends.json"
    model.save(path)
    back = EndModel.load(path)
    assert back.weights == {"a": 1.5, "b": -0.25}  # near-zero weights dropped
    assert back.labels == model.labels


def test_model_stands_aside_for_labels_it_never_saw(extractor):
    model = extractor.lexicon.content_ends
    assert model is not None, "models/content_ends.json is missing: run `make train`"
    doc = extractor.nlp("The minister said the plan would go ahead.")
    assert model.knows(doc)
    doc[0].dep_ = "obl"  # a UD label, as stanza's parse gives
    assert not model.knows(doc)


def end_choices(extractor, gold_dir):
    """(right by the rules, right by the model, statements) over a gold set."""
    from quotes.gold import read_gold
    from quotes.train import end_examples

    golds = read_gold(gold_dir)
    model = extractor.lexicon.content_ends
    data = [x for g, doc in zip(golds, extractor.nlp.pipe(g.text for g in golds))
            for x in end_examples(doc, g, extractor.lexicon)]
    rules = sum("at_rule" in options[right] for options, right in data)
    learned = sum(EndModel.pick(options, model.weights) == right for options, right in data)
    return rules, learned, len(data)


def test_model_places_ends_at_least_as_well_as_the_rules_on_the_corpus(extractor):
    """The project's own gold, never seen in fitting."""
    rules, learned, n = end_choices(extractor, REPO / "corpus")
    assert n > 100
    assert learned >= rules


def test_model_places_ends_better_than_the_rules_on_polnear_dev(extractor):
    """Held-out news: the reason the model exists (rules 0.83, model 0.91
    when fitted)."""
    dev = REPO.parent / "shared" / "polnear" / "dev"
    if not dev.exists():
        pytest.skip(f"PolNeAR dev not found at {dev}")
    rules, learned, n = end_choices(extractor, dev)
    assert learned / n >= rules / n + 0.03


def test_training_is_reproducible(tmp_path):
    """`make train` on the project's own corpus: the same input gives the
    same weights, and they load."""
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    assert train_main([str(REPO / "corpus"), str(one), "--epochs", "3"]) == 0
    assert train_main([str(REPO / "corpus"), str(two), "--epochs", "3"]) == 0
    for name in ("content_ends.json", "object_statements.json"):
        assert (one / name).read_bytes() == (two / name).read_bytes()
    model = EndModel.load(one / "content_ends.json")
    assert model.weights and "nsubj" in model.labels
    assert json.loads((one / "content_ends.json").read_text())["about"].startswith("content end scorer")
    gate = EndModel.load(one / "object_statements.json")
    assert json.loads((one / "object_statements.json").read_text())["about"].startswith("object statement gate")
    assert all(k.startswith("obj:") for k in gate.weights)


def test_held_out_accuracy_scores_each_article_with_weights_fitted_without_it():
    from quotes.train import accuracy, fold_fits, held_out_accuracy

    # The first option is right wherever "good" marks it, in every article:
    # what other articles teach carries over.
    general = [[([["bias", "good"], ["bias"]], 0)] for _ in range(6)]
    # Here each article marks it with a word no other article has: fitted,
    # every choice is right; held out, the weights know nothing of the word
    # and the tie goes to the later option.
    own = [[([["bias", f"a{i}"], ["bias"]], 0)] for i in range(6)]
    assert held_out_accuracy(general, fold_fits(general, 3, epochs=2)) == 1.0
    fitted = accuracy(fit([x for a in own for x in a], epochs=2), [x for a in own for x in a])
    assert fitted == 1.0 and held_out_accuracy(own, fold_fits(own, 3, epochs=2)) < fitted


def test_a_split_seed_deals_every_article_into_one_fold_evenly():
    from quotes.train import fold_fits, fold_of

    assert fold_of(7, 3) == [0, 1, 2, 0, 1, 2, 0]
    shuffled = fold_of(40, 5, seed=1)
    assert shuffled == fold_of(40, 5, seed=1) != fold_of(40, 5, seed=2)
    assert shuffled != fold_of(40, 5) and sorted(shuffled) == sorted(fold_of(40, 5))
    # Each article is held out once, by the fold the seed gave it.
    by_article = [[([["bias", f"a{i}"], ["bias"]], 0)] for i in range(10)]
    fits = fold_fits(by_article, 3, epochs=1, seed=7)
    held = sorted(i for h, _ in fits for i in h)
    assert held == list(range(10))
    assert all(fold_of(10, 3, seed=7)[i] == f for f, (h, _) in enumerate(fits) for i in h)


def test_training_reports_held_out_accuracy_with_folds(tmp_path, capsys):
    assert train_main([str(REPO / "corpus"), str(tmp_path), "--epochs", "1", "--folds", "2"]) == 0
    lines = capsys.readouterr().err.splitlines()
    reports = [line for line in lines if " held out (2 folds), " in line]
    assert [line.split(":")[0] for line in reports] == ["statement ends", "object statements"]
    for line in reports:
        held, fitted = (float(w) for w in re.findall(r"\d\.\d{4}", line))
        assert 0.0 <= held <= 1.0 and 0.0 <= fitted <= 1.0
    # The corpus read with weights fitted on the other half: the rules find
    # most of its statements whatever the weights.
    (extraction,) = [line for line in lines if line.startswith("extraction with held-out weights: ")]
    speech_content, speech_attributed, all_content, all_attributed = map(float, re.findall(r"\d\.\d{4}", extraction))
    assert 0.9 <= speech_content <= 1.0 and 0.9 <= all_content <= 1.0
    assert speech_attributed <= speech_content and all_attributed <= all_content
    assert train_main([str(REPO / "corpus"), str(tmp_path), "--folds", "1"]) == 2
    assert "at least 2 folds" in capsys.readouterr().err


def test_held_out_scores_are_kept_and_compared(tmp_path, capsys):
    scores = tmp_path / "held_out.json"
    args = [str(REPO / "corpus"), str(tmp_path), "--epochs", "1", "--folds", "2"]
    assert train_main(args + ["--json", str(scores)]) == 0
    data = json.loads(scores.read_text())
    assert len(data["by_document"]) == data["documents"] > 1
    capsys.readouterr()
    # The same fit again: the same weights, so every held-out score the same.
    assert train_main(args + ["--against", str(scores)]) == 0
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("  ")]
    assert len(lines) == 4 and all(line.endswith(": same") for line in lines)
    assert train_main([str(REPO / "corpus"), str(tmp_path), "--json", str(scores)]) == 2
    assert "give --folds K too" in capsys.readouterr().err
    assert train_main([str(REPO / "corpus"), str(tmp_path), "--split-seed", "3"]) == 2
    assert "give --folds K too" in capsys.readouterr().err
    # Another split of the same articles: scored, and the seed kept with the scores.
    assert train_main(args + ["--split-seed", "3", "--json", str(tmp_path / "seeded.json")]) == 0
    assert json.loads((tmp_path / "seeded.json").read_text())["split_seed"] == 3
    assert json.loads(scores.read_text())["split_seed"] is None
    assert train_main(args + ["--json", str(tmp_path / "no" / "s.json")]) == 2  # before fitting, not after
    assert "no folder" in capsys.readouterr().err
    scores.write_text("{}")
    assert train_main(args + ["--against", str(scores)]) == 2
    assert f"{scores}: no per-article counts" in capsys.readouterr().err


@pytest.mark.parametrize("make_args", [
    lambda tmp: [str(tmp / "missing"), str(tmp)],
    lambda tmp: [str(tmp), str(tmp)],  # a folder with no gold
    lambda tmp: [str(REPO / "corpus"), str(tmp / "no" / "such" / "dir"), "--epochs", "1"],
])
def test_training_on_bad_input_fails_in_one_line(tmp_path, capsys, make_args):
    assert train_main(make_args(tmp_path)) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("quotes.train: error: ") and "\n" not in err and str(tmp_path) in err


TWEET = "The senator tweeted a photo of the flooded road on Monday."


def _with_gate(extractor, weights):
    labels = extractor.lexicon.object_statements.labels
    return dataclasses.replace(extractor.lexicon, object_statements=EndModel(weights, labels))


def test_the_gate_decides_whether_an_unlisted_verbs_object_is_a_statement(extractor):
    doc = extractor.nlp(TWEET)
    cue = next(t for t in doc if t.text == "tweeted")
    span = object_statements.candidate(cue, extractor.lexicon)
    assert doc[span[0]:span[1]].text == "a photo of the flooded road"
    feats = object_statements.features(cue, span, extractor.lexicon)
    assert "obj:lemma=tweet" in feats
    keep = _with_gate(extractor, {"obj:lemma=tweet": 1.0})
    drop = _with_gate(extractor, {"obj:none": 1.0})
    assert object_statements.keeps(keep.object_statements, cue, span, keep)
    assert not object_statements.keeps(drop.object_statements, cue, span, drop)


@pytest.mark.parametrize("text, verb, present, absent", [
    # What kind of word the object is, by the lexicon's classes, and what
    # hangs on it; never the object's own word.
    ("Sanders answered a question about the plan on Monday.", "answered",
     {"obj:obj_says=False", "obj:obj_prep=about", "obj:obj_quoted=False", "obj:passive=False"}, {"obj:obj_says=True"}),
    ("Clinton tweeted her response to the ruling.", "tweeted", {"obj:obj_says=True", "obj:obj_prep=to"}, {"obj:obj_says=False"}),
    ("He posted the slogan “Make America Great Again” online.", "posted", {"obj:obj_quoted=True"}, {"obj:obj_quoted=False"}),
])
def test_the_gate_sees_the_kind_of_object(extractor, text, verb, present, absent):
    doc = extractor.nlp(text)
    cue = next(t for t in doc if t.text == verb)
    feats = set(object_statements.features(cue, object_statements.candidate(cue, extractor.lexicon), extractor.lexicon))
    assert present <= feats and not absent & feats
    assert not any(f.startswith("obj:obj=") or "question" in f or "response" in f for f in feats)


@pytest.mark.parametrize("text, verb", [
    # A listed verb keeps its object whatever the gate.
    ("The minister denied the allegations on Monday.", "denied"),
    # A person, a group or an organisation is not a statement.
    ("Police charged the driver after finding a weapon in the car.", "charged"),
    ("The senator praised Obama at the rally.", "praised"),
])
def test_no_gate_for_listed_verbs_or_objects_that_can_speak(extractor, text, verb):
    doc = extractor.nlp(text)
    cue = next(t for t in doc if t.text == verb)
    assert object_statements.candidate(cue, extractor.lexicon) is None


def test_the_gate_is_applied_in_extraction(extractor):
    from quotes.attribution import find_reports
    from quotes.quotemarks import quotation_finder

    doc = extractor.nlp(TWEET)

    def contents(lex):
        return [doc[r.content[0]:r.content[1]].text for r in find_reports(doc, lex, quotation_finder([])) if r.content]

    assert contents(_with_gate(extractor, {"obj:lemma=tweet": 1.0})) == ["a photo of the flooded road"]
    assert contents(_with_gate(extractor, {"obj:none": 1.0})) == []
    assert contents(dataclasses.replace(extractor.lexicon, object_statements=None)) == []


def test_shipped_weights_are_small():
    for name in ("content_ends.json", "object_statements.json"):
        assert (REPO / "models" / name).stat().st_size < 5_000_000


def test_component_saved_to_disk_keeps_the_end_model(extractor, tmp_path):
    """A pipeline saved with the component carries the weights, and the
    reloaded component places ends as the library does."""
    nlp = extractor.nlp
    if "quotes" not in nlp.pipe_names:
        nlp.add_pipe("quotes")
    try:
        component = nlp.get_pipe("quotes")
        component.to_disk(tmp_path / "quotes")
        component.from_disk(tmp_path / "quotes")
        assert component.lexicon.content_ends is not None
        assert component.lexicon.content_ends.weights == extractor.lexicon.content_ends.weights
        assert component.lexicon.object_statements.weights == extractor.lexicon.object_statements.weights
        text = "Garcia promised to lower student debt, reform the immigration system, fix the roads and improve schools."
        assert [q.text for q in nlp(text)._.quotes] == [q.text for q in extractor.extract(text)]
    finally:
        nlp.remove_pipe("quotes")


@pytest.mark.parametrize("text, verb, kept", [
    ("She posted a video of the rally.", "posted", True),
    ("He wrote a book about the war.", "wrote", False),
    ("He read the report on the train.", "read", False),
])
def test_the_shipped_gate_decides_as_documented(extractor, text, verb, kept):
    """The examples models/README.md and the README give for the gate."""
    doc = extractor.nlp(text)
    cue = next(t for t in doc if t.text == verb)
    span = object_statements.candidate(cue, extractor.lexicon)
    assert span is not None
    assert object_statements.keeps(extractor.lexicon.object_statements, cue, span, extractor.lexicon) is kept


def test_a_statement_the_gate_took_has_a_lower_confidence(extractor):
    ruled, gated = extractor.extract("Sanders denied the report. Sanders posted a video of the rally.")
    assert (ruled.cue.text, gated.cue.text) == ("denied", "posted")
    assert gated.confidence < ruled.confidence


def test_training_names_and_leaves_out_a_malformed_article(tmp_path, capsys):
    gold = tmp_path / "gold"
    gold.mkdir()
    for stem in ("kyiv-strikes", "a-athens-wildfire"):
        for ext in (".txt", ".json"):
            shutil.copyfile(REPO / "corpus" / f"{stem}{ext}", gold / f"{stem}{ext}")
    (gold / "bad.txt").write_text("Lee said it rains.", encoding="utf-8")
    (gold / "bad.json").write_text("{not json", encoding="utf-8")
    assert train_main([str(gold), str(tmp_path), "--epochs", "1"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"quotes.train: left out {gold / 'bad.json'}: ")
    assert err[1].startswith("2 articles: ")
    assert (tmp_path / "content_ends.json").exists()


def test_a_statement_does_not_end_before_its_verb(extractor):
    text = "As we reported on Monday, the same section of pipe, laid in the '70s, was repaired in 2022 at a cost of R3.4 million."
    (q,) = extractor.extract(text)
    assert q.text == "the same section of pipe, laid in the '70s, was repaired in 2022 at a cost of R3.4 million"
