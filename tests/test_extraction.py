"""The core phenomena, one small sentence each: what is found, with exact
offsets, and what must not be found."""
from __future__ import annotations

from pathlib import Path

import pytest

from quotes.cues import is_quote_mark
from quotes.quotemarks import find_quotations
from quotes.reports import report_of

SAMPLE = Path(__file__).resolve().parents[1] / "corpus" / "kyiv-strikes.txt"


def one(extractor, text):
    quotes = extractor.extract(text)
    assert len(quotes) == 1, [q.text for q in quotes]
    q = quotes[0]
    assert text[q.start:q.end] == q.text
    return q


def hand_parse(extractor, table):
    """A Doc parsed as ``table`` gives it, a token a line: index, word, head
    index, dependency label, POS, tag and, optionally, lemma. For parses the
    model gets wrong in ways a rule repairs, which a model update could
    stop producing."""
    from spacy.tokens import Doc

    rows = [line.split() for line in table.strip().splitlines()]
    assert [int(row[0]) for row in rows] == list(range(len(rows))), "token indices out of order"
    columns = list(zip(*rows))
    lemmas = {"lemmas": list(columns[6])} if len(columns) > 6 else {}
    return Doc(extractor.nlp.vocab, words=list(columns[1]), heads=[int(h) for h in columns[2]], deps=list(columns[3]),
               pos=list(columns[4]), tags=list(columns[5]), **lemmas)


def record_for_cue(extractor, text, *cues):
    """The first record of ``text`` whose cue is one of ``cues``."""
    return next(q for q in extractor.extract(text) if q.cue is not None and q.cue.text in cues)


# --- the quotation scanner -------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("“A,” she said. “B.”", ["“A,”", "“B.”"]),
    ('He said "go now" today.', ['"go now"']),
    ("She said ‘we will win’ and left.", ["‘we will win’"]),
    ("Il a dit « non merci » hier.", ["« non merci »"]),
    ("“Outer ‘inner’ words,” he said.", ["“Outer ‘inner’ words,”"]),
    ("Kyiv’s mayor don’t like the ’90s or the ‘90s.", []),
    # A paragraph opening on ” (an ellipsis after it) can close nothing.
    ("Earlier.\n\n” … they are so unlike him,” she said. “B.”", ["” … they are so unlike him,”", "“B.”"]),
    ("“First paragraph of a quote.\n\n“Second paragraph,” she said.", ["“First paragraph of a quote.\n\n“Second paragraph,”"]),
    # A “ typed where ” was meant closes the quotation it ends.
    ("He called them “thugs“ while asking for a “wall.” Then he left.", ["“thugs“", "“wall.”"]),
    # A straight mark glued to a curly opening one opens with it.
    ('"“We will win,” she said before adding that it would take time."', ['"“We will win,”']),
    # An excerpt in straight marks runs on through paragraphs reopened by a
    # straight mark; a paragraph opening on “ quotes someone inside it.
    ('"The mayor spoke first.\n\n"Then the crowd left.\n\n“We will rebuild,” she said.',
     ['"The mayor spoke first.\n\n"Then the crowd left.', "“We will rebuild,”"]),
    ('"One.\n\n"Two," he said.', ['"One.\n\n"Two,"']),
])
def test_quotation_scanner(text, expected):
    assert [text[q.start:q.end] for q in find_quotations(text)] == expected


def test_multi_paragraph_quote_counts_paragraphs():
    text = "“One.\n\n“Two.\n\n“Three,” he said."
    (q,) = find_quotations(text)
    assert q.paragraphs == 3 and q.closed


# --- direct quotes ---------------------------------------------------------

def test_inverted_direct_quote(extractor):
    text = "“We will rebuild every home,” said Mayor Vitali Klitschko."
    q = one(extractor, text)
    assert (q.type, q.text, q.cue.text) == ("direct", "“We will rebuild every home,”", "said")
    assert q.speaker.text == "Mayor Vitali Klitschko" and q.speaker.name == "Vitali Klitschko"
    assert q.speaker.role == "Mayor" and q.speaker.kind == "person"


def test_a_speech_verb_describing_the_speaker_is_not_the_cue(extractor):
    text = "“We will win,” Warren, who has not endorsed a candidate, told reporters."
    q = one(extractor, text)
    assert (q.text, q.cue.text, q.speaker.text) == ("“We will win,”", "told", "Warren")


def test_a_two_word_quotation_with_its_speaker_between_it_and_the_cue(extractor):
    text = '"The lying," CNN\'s Jake Tapper said, as the audience laughed. "The insults. The shouting."'
    quotes = extractor.extract(text)
    assert [(q.text, q.speaker.name) for q in quotes] == [('"The lying,"', "Jake Tapper"), ('"The insults. The shouting."', "Jake Tapper")]


def test_a_cue_after_a_long_name_in_the_sentence_after_the_quotation(extractor):
    # The parser ends the sentence at the closing mark; four words of
    # title and name come before the verb.
    text = "“Georgia is proud to cast its votes for the next governor!” US Senator Jane Rowe said as she opened the count."
    q = one(extractor, text)
    assert (q.cue.text, q.speaker.text) == ("said", "US Senator Jane Rowe")


@pytest.mark.parametrize("headline, content, cue, speaker", [
    ("Harbour Tolls Could Double as Fuel Costs Soar, Port Owners Warn\n\nBody.", "Harbour Tolls Could Double as Fuel Costs Soar", "Warn", "Port Owners"),
    ("Rail Strike Is ‘A Betrayal of Commuters,’ Mayor Ines Duarte Tells Council\n\nBody.", "Rail Strike Is ‘A Betrayal of Commuters,’", "Tells", "Mayor Ines Duarte"),
])
def test_a_headline_signed_by_its_speaker(extractor, headline, content, cue, speaker):
    q = one(extractor, headline)
    assert (q.text, q.cue.text, q.speaker.text) == (content, cue, speaker)


@pytest.mark.parametrize("headline", [
    "Campaign Manager Laughs, Evades Reporter’s Question\n\nBody.",
    "Wildfire Forces Evacuations North of Athens, Winds Strengthen\n\nBody.",
])
def test_lines_that_are_no_signed_headline(extractor, headline):
    assert extractor.extract(headline) == []


@pytest.mark.parametrize("text, cue, speaker", [
    ("“We knew it would be close,” remembered Ana Ruiz, the campaign's manager.", "remembered", "Ana Ruiz"),
    ("The hall went quiet. “Who will pay for it?” he wondered.", "wondered", "he"),
])
def test_a_verb_right_after_a_quotation_with_its_subject_frames_it(extractor, text, cue, speaker):
    q = one(extractor, text)
    assert (q.cue.text, q.speaker.text) == (cue, speaker)


def test_a_quotation_inside_a_sentence_is_framed_by_no_verb_after_it(extractor):
    assert extractor.extract("In “Hail, Caesar!,” Josh Brolin gets into the spirit.") == []


def test_that_said_is_an_idiom_only_where_it_opens_a_clause(extractor):
    assert extractor.extract("That said, the plan will go ahead.") == []
    q = one(extractor, "They handed out leaflets that said, “The council has failed you.”")
    assert (q.text, q.cue.text, q.speaker.name) == ("“The council has failed you.”", "said", "leaflets")


@pytest.mark.parametrize("text, content, speaker", [
    ("Ryan said,“Look, this has no place in a campaign.”", "“Look, this has no place in a campaign.”", "Ryan"),
    ('"We can trust him,"Katie Packer said.', '"We can trust him,"', "Katie Packer"),
    ('Rep. Ann Gold (R-S.C.):"I have not heard anyone cite that figure."', '"I have not heard anyone cite that figure."', "Rep. Ann Gold"),
])
def test_a_quotation_mark_glued_to_the_words_around_it(extractor, text, content, speaker):
    q = one(extractor, text)
    assert (q.text, q.speaker.text) == (content, speaker)


def test_colon_introduced_quote(extractor):
    text = 'The minister told reporters: "The talks are over."'
    q = one(extractor, text)
    assert q.text == '"The talks are over."' and q.speaker.text == "The minister"
    assert q.outlet == "reporters"


def test_a_cue_ending_its_paragraph_on_a_colon_reports_the_next_paragraph(extractor):
    text = ("The columnist Hugh Hewitt writes:\n\nThe movie never names the president. "
            "The impression it leaves is that he did nothing.\n\nThe film opens on Friday.")
    q = one(extractor, text)
    assert q.text == "The movie never names the president. The impression it leaves is that he did nothing"
    assert q.cue.text == "writes" and q.speaker.text == "Hugh Hewitt"


def test_a_parenthesis_hung_on_the_auxiliary_of_what_it_reports(extractor):
    # The parse hangs "he said" on "’s", not on "learned".
    text = "Even then, he said, he’s learned enough about Hillary Clinton that he’s fairly sure he can’t support her."
    q = one(extractor, text)
    assert q.text == text[:-1] and q.cue.text == "said"


def test_a_verb_coordinated_with_declined_by_and_is_not_declined(extractor):
    text = ("Donald Trump joked about Jewish stereotypes, declined to affirm his support for a united Jerusalem, "
            "and told his audience they wouldn’t back him because he did not want their money.")
    told = [q for q in extractor.extract(text) if q.cue.text == "told"]
    assert [q.text for q in told] == ["they wouldn’t back him because he did not want their money"]
    assert extractor.extract("The spokesman declined to confirm or deny that the talks had failed.") == []


@pytest.mark.parametrize("dash", [" - ", " — "])
def test_a_participle_set_off_by_a_dash_is_not_declined(extractor, dash):
    q = one(extractor, f"The minister declined to claim victory{dash}only saying that she was relieved by the early count.")
    assert (q.text, q.cue.text, q.speaker.text) == ("she was relieved by the early count", "saying", "The minister")


def test_a_past_read_tagged_as_a_base_form_after_a_quotation_is_its_cue(extractor):
    # The tagger reads "read" as an imperative with no subject.
    text = ('"Our political revolution has already forced a former U.S. senator to change her mind on trade, '
            'the Keystone Pipeline, and the federal minimum wage," read the email.')
    q = one(extractor, text)
    assert q.type == "direct" and q.cue.text == "read" and q.speaker.text == "the email"


def test_a_cue_taken_for_a_participle_on_its_subject(extractor):
    # The parse makes "reported" a participle on "outlets" and "outlets" a
    # second subject of "had".
    text = ("Multiple outlets reported on Wednesday the Secret Service had “more than one conversation” "
            "with Trump or his staff about the statement.")
    q = one(extractor, text)
    assert q.text == text[text.index("the Secret"):-1] and q.cue.text == "reported" and q.speaker.text == "Multiple outlets"


def test_split_quote_shares_speaker(extractor):
    text = "“We are ready,” Anna Kowalska said. “The rest is up to them.”"
    quotes = extractor.extract(text)
    assert [q.text for q in quotes] == ["“We are ready,”", "“The rest is up to them.”"]
    assert {q.speaker.name for q in quotes} == {"Anna Kowalska"}


def test_multi_sentence_quote(extractor):
    text = "“It was a long night. Nobody slept. We counted every vote,” said Maria Lopes."
    q = one(extractor, text)
    assert q.text.startswith("“It was") and q.text.endswith("vote,”")


def test_bare_quote_paragraph_continues_speaker(extractor):
    text = ("“The budget is balanced,” Finance Minister Lars Berg said on Tuesday.\n\n"
            "“Nobody should expect new taxes this year or next year.”")
    quotes = extractor.extract(text)
    assert len(quotes) == 2
    # The mention is the one in the paragraph that attributes the quote.
    assert quotes[1].speaker.name == "Lars Berg" and quotes[1].speaker.start == quotes[0].speaker.start
    assert quotes[1].cue is None and quotes[1].confidence < quotes[0].confidence


# --- reported speech -------------------------------------------------------

def test_indirect_without_that_keeps_offsets(extractor):
    text = "Kyiv Mayor Vitali Klitschko confirmed the death toll stood at eight, revising earlier reports."
    q = one(extractor, text)
    assert (q.type, q.text, q.cue.text) == ("indirect", "the death toll stood at eight", "confirmed")
    assert (q.speaker.role, q.speaker.affiliation) == ("Mayor", "Kyiv")


def test_indirect_excludes_that(extractor):
    text = "The company said that profits would fall sharply."
    q = one(extractor, text)
    assert q.text == "profits would fall sharply" and q.speaker.kind in ("organization", "unknown")


def test_according_to(extractor):
    text = "According to the ministry, twelve people were injured in the blast."
    q = one(extractor, text)
    assert q.text == "twelve people were injured in the blast"
    assert q.cue.text == "According to" and q.speaker.text == "the ministry"


def test_mixed_quote(extractor):
    text = "Senator Paula Reyes called the plan “reckless” on Monday."
    q = one(extractor, text)
    assert q.type == "mixed" and q.text == "the plan “reckless”"


def test_pronoun_speaker_resolved(extractor):
    text = ("Kyiv Mayor Vitali Klitschko visited the site. "
            "He said that the damage was severe.")
    q = one(extractor, text)
    assert q.speaker.text == "He" and q.speaker.name == "Vitali Klitschko"
    assert q.speaker.role == "Mayor" and q.confidence < 0.85


# --- not statements --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The ministry declined to comment.",
    "Russia has yet to issue a statement regarding the offensive.",
    "The band played its hit “Summer Rain” twice.",
    "Leave a Reply\n\nYour email address will not be published. Required fields are marked *",
    "The company did not say when the factory would reopen.",
    "The hospital has yet to confirm that the patient died.",
])
def test_not_a_statement(extractor, text):
    assert extractor.extract(text) == []


def test_unattributed_quotes_only_on_request():
    from quotes.pipeline import Extractor

    ex = Extractor.load(keep_unattributed=True)
    quotes = ex.extract("The band played its hit “Summer Rain” twice.")
    assert [q.text for q in quotes] == ["“Summer Rain”"] and quotes[0].speaker is None


# --- the sample article ----------------------------------------------------

def test_sample_article(extractor):
    text = SAMPLE.read_text(encoding="utf-8")
    quotes = extractor.extract(text, doc_id="kyiv-strikes")
    got = {(q.type, q.text): q for q in quotes}
    expected = [
        ("direct", "“This brutal attack once again shows that the path to peace is blocked not by Ukraine, but by Russia,”", "wrote", "Andrii Sybiha", "Foreign Minister", "Ukraine", "X"),
        ("indirect", "the death toll stood at eight", "confirmed", "Vitali Klitschko", "Mayor", "Kyiv", None),
        ("indirect", "the most severe damage occurred in residential areas, where two buildings were heavily damaged and emergency teams are working around the clock to ensure all residents are accounted for", "stated", "Vitali Klitschko", "Mayor", "Kyiv", None),
        ("indirect", "rescue efforts are ongoing, with several individuals still believed to be trapped beneath the rubble", "confirmed", "State Emergency Service", None, None, None),
        ("indirect", "the most intense attack on the capital so far this year", "describe", "Ukrainian officials", None, "Ukraine", None),
        ("indirect", "Ukrainian President Volodymyr Zelenskiy’s refusal to concede Crimea to Russia as part of any settlement", "criticised", "Donald Trump", "President", "United States", None),
    ]
    for kind, content, cue, name, role, affiliation, platform in expected:
        q = got[(kind, content)]
        assert text[q.start:q.end] == content == text[text.index(content):text.index(content) + len(content)]
        assert (q.cue.text, q.speaker.name, q.speaker.role, q.speaker.affiliation, q.platform) == (cue, name, role, affiliation, platform)
    assert got[("indirect", "the most severe damage occurred in residential areas, where two buildings were heavily damaged and emergency teams are working around the clock to ensure all residents are accounted for")].speaker.text == "He"
    assert got[("indirect", "rescue efforts are ongoing, with several individuals still believed to be trapped beneath the rubble")].speaker.kind == "organization"
    assert got[("indirect", "the most intense attack on the capital so far this year")].speaker.kind == "group"
    assert len(quotes) == 6
    assert not any("statement regarding" in q.text or "Required fields" in q.text for q in quotes)


def test_component_sets_doc_extension(extractor):
    nlp = extractor.nlp
    if "quotes" not in nlp.pipe_names:
        nlp.add_pipe("quotes")
    try:
        doc = nlp("“We will rebuild every home,” said Mayor Vitali Klitschko.")
        assert [q.speaker.name for q in doc._.quotes] == ["Vitali Klitschko"]
    finally:
        nlp.remove_pipe("quotes")


# A dateline, a quotation mark glued to the cue's comma and an abbreviated
# title: the three things a stock spaCy pipeline reads differently.
NEWS_EDGES = "KYIV — Mayor Vitali Klitschko said,“Look at this.”\nLt. Gov. Dan Patrick said the state would help."


def _records(quotes):
    return [(q.start, q.end, q.type, q.speaker.name, q.speaker.role) for q in quotes]


def test_component_on_a_stock_pipeline_reads_as_the_extractor_does(extractor):
    """``spacy.load(model); nlp.add_pipe("quotes")``, as README shows it,
    gives the records the command line gives."""
    import spacy

    import quotes.component  # noqa: F401  (registers the factory)
    from quotes.nlp import default_model_name

    nlp = spacy.load(default_model_name())
    nlp.add_pipe("quotes")
    assert nlp.pipe_names.index("line_breaks") == nlp.pipe_names.index("parser") - 1
    got = _records(nlp(NEWS_EDGES)._.quotes)
    assert got == _records(extractor.extract(NEWS_EDGES))
    assert [(name, role) for *_, name, role in got] == [("Vitali Klitschko", "Mayor"), ("Dan Patrick", "Lieutenant Governor")]

    untouched = spacy.load(default_model_name())
    untouched.add_pipe("quotes", config={"adapt_pipeline": False})
    assert "line_breaks" not in untouched.pipe_names
    assert "said,“Look" in [t.text for t in untouched.tokenizer(NEWS_EDGES)]


def test_saved_pipeline_with_the_component_loads_in_a_new_process(extractor, tmp_path):
    """The saved pipeline names ``line_breaks`` and ``quotes``; a fresh
    interpreter finds both factories without importing quotes first."""
    import json
    import subprocess
    import sys

    import spacy

    import quotes.component  # noqa: F401
    from quotes.nlp import default_model_name

    nlp = spacy.load(default_model_name())
    nlp.add_pipe("quotes")
    nlp.to_disk(tmp_path / "pipeline")
    script = ("import json, spacy, sys; nlp = spacy.load(sys.argv[1]); "
              "print(json.dumps([[q.start, q.end, q.type, q.speaker.name, q.speaker.role] for q in nlp(sys.argv[2])._.quotes]))")
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path / "pipeline"), NEWS_EDGES],
                         capture_output=True, text=True, check=True).stdout
    assert [tuple(r) for r in json.loads(out)] == _records(extractor.extract(NEWS_EDGES))


def test_long_text_is_chunked_without_losing_quotes(extractor):
    from quotes import chunking

    para = "“We will rebuild every home,” said Mayor Vitali Klitschko.\n\n"
    text = para * 40
    old = chunking.MAX_PIECE
    chunking.MAX_PIECE = 500
    try:
        quotes = extractor.extract(text)
    finally:
        chunking.MAX_PIECE = old
    assert len(quotes) == 40
    assert all(text[q.start:q.end] == q.text == "“We will rebuild every home,”" for q in quotes)
    assert [q.paragraph for q in quotes] == list(range(40))


# --- promises, reports framed by "as", parentheses -------------------------

@pytest.mark.parametrize("text, content, cue, speaker", [
    ("The governor vowed to repeal the tax on fuel.", "to repeal the tax on fuel", "vowed", "The governor"),
    ("Local leaders have pledged to rebuild the bridge before winter.", "to rebuild the bridge before winter", "pledged", "Local leaders"),
])
def test_infinitive_promise(extractor, text, content, cue, speaker):
    q = one(extractor, text)
    assert (q.type, q.text, q.cue.text, q.speaker.text) == ("indirect", content, cue, speaker)


def test_infinitive_of_a_non_speech_verb_is_not_a_statement(extractor):
    assert extractor.extract("She offered to pay for the repairs.") == []


@pytest.mark.parametrize("text, kind, content, cue, speaker", [
    ("Senators denounced the bill as a giveaway to insurers.", "indirect", "the bill as a giveaway to insurers", "denounced", "Senators"),
    ("The mayor lauded the deal.", "indirect", "the deal", "lauded", "The mayor"),
    ("“We are ready,” the coach barked.", "direct", "“We are ready,”", "barked", "the coach"),
])
def test_condemnation_praise_and_manner_verbs(extractor, text, kind, content, cue, speaker):
    q = one(extractor, text)
    assert (q.type, q.text, q.cue.text, q.speaker.text) == (kind, content, cue, speaker)


def test_object_of_a_clause_verb_is_not_the_statement(extractor):
    # "charge" reports through a clause or a quotation; its object is the accused.
    assert extractor.extract("Police charged the driver after finding a weapon in the car.") == []


@pytest.mark.parametrize("text, content, speaker", [
    ("As the Washington Post reported, the department issued subpoenas to the foundation.", "the department issued subpoenas to the foundation", "the Washington Post"),
    ("The plan is unpopular with voters, as critics have noted.", "The plan is unpopular with voters", "critics"),
    # A passive frame names the reporter as its agent.
    ("As reported by Western Journalism, the secretary was told of her duty to protect classified information.",
     "the secretary was told of her duty to protect classified information", "Western Journalism"),
    ("The super PAC started reserving ad time this week, as first reported by the New York Times.",
     "The super PAC started reserving ad time this week", "the New York Times"),
    # The tagger reads "reported" after the possessive as a participle.
    ("As the Boston Globe’s investigative unit reported on Monday, the city council issued subpoenas to the developer.",
     "the city council issued subpoenas to the developer", "the Boston Globe’s investigative unit"),
])
def test_as_clause_frames_the_statement(extractor, text, content, speaker):
    q = one(extractor, text)
    assert (q.type, q.text, q.speaker.text) == ("indirect", content, speaker)


def test_as_clause_of_talking_is_a_time(extractor):
    assert extractor.extract("As the minister spoke, protesters gathered outside the building.") == []


def test_parenthetical_cue_keeps_the_statement_before_it(extractor):
    text = "This campaign, he says, is different from the last one."
    q = one(extractor, text)
    assert (q.text, q.cue.text, q.speaker.text) == ("This campaign, he says, is different from the last one", "says", "he")
    # The parse hangs the rest of the statement on the cue, not on the clause before it.
    text = "Nor does the mayor have any plans, advisers say, to take cues from the campaign and start changing her views."
    q = one(extractor, text)
    assert (q.text, q.cue.text, q.speaker.text) == (text[:-1], "say", "advisers")


@pytest.mark.parametrize("text, cue, content", [
    # The statement goes on after the parenthesis: all of it is reported.
    ("Things have changed over the years, she says, especially in the social media era.", "says",
     "Things have changed over the years, she says, especially in the social media era"),
    # A comma-led participle after it is what the speaker did, not said.
    ("She had struggled her whole life, Cruz explained, recalling a visit to a crack house.", "explained",
     "She had struggled her whole life"),
])
def test_parenthetical_cue_after_the_start_of_its_statement(extractor, text, cue, content):
    found = [(q.type, q.text) for q in extractor.extract(text) if q.cue.text == cue]
    assert found == [("indirect", content)]


def test_parenthetical_cue_before_a_quotation_is_a_direct_quote(extractor):
    text = "For Cruz, Blackwell wrote “has always defended these principles.”"
    quotes = extractor.extract(text)
    assert [(q.type, q.text) for q in quotes] == [("direct", "“has always defended these principles.”")]


@pytest.mark.parametrize("text, content, speaker", [
    ("Police received calls saying shots had been fired inside the center.", "shots had been fired inside the center", "calls"),
    ("The senator issued a statement saying the vote was rigged.", "the vote was rigged", "The senator"),
])
def test_participle_on_a_noun_speaks_for_the_noun_or_its_issuer(extractor, text, content, speaker):
    q = one(extractor, text)
    assert (q.text, q.cue.text, q.speaker.text) == (content, "saying", speaker)


def test_conjunct_the_parse_hung_on_the_cue_stays_in_the_content(extractor):
    text = "He talked about the Southern border and how many migrants can easily slip through."
    q = one(extractor, text)
    assert (q.text, q.cue.text, q.speaker.text) == ("the Southern border and how many migrants can easily slip through", "talked", "He")


@pytest.mark.parametrize("text, content, speaker", [
    ("In Nevada, he constantly reminded voters of the six years his family had lived in Las Vegas.",
     "the six years his family had lived in Las Vegas", "he"),
    ("Mr. Biden repeatedly reminded the crowd of the stakes.", "the stakes", "Mr. Biden"),
    ("In a memo on Tuesday, the executive reminded his staff about the host's early television work.",
     "the host's early television work", "the executive"),
])
def test_what_someone_was_reminded_of_is_the_statement(extractor, text, content, speaker):
    q = one(extractor, text)
    assert (q.text, q.cue.text, q.speaker.text) == (content, "reminded", speaker)


@pytest.mark.parametrize("text", [
    "Democrats had confirmed 68 judicial nominees by this point.",
    "Kennedy denied Carter a final-night photograph of unity.",
    "Public colleges make up that shortfall by admitting more out-of-state and international students.",
    "Biden, echoing Erdogan, warned the Kurds.",
])
def test_a_person_confirmed_or_denied_something_is_no_statement(extractor, text):
    assert [q.cue.text for q in extractor.extract(text) if q.cue is not None and q.cue.text != "warned"] == []


@pytest.mark.parametrize("text, content", [
    ("Mr. Ailes denied the charges through his lawyer.", "the charges"),
    ("The person familiar with the planning confirmed the meeting.", "the meeting"),
    ("On Sunday, Mr. Trump even echoed Mr. Putin's justification of the annexation of Crimea.", "Mr. Putin's justification"),
])
def test_a_thing_confirmed_or_denied_is_the_statement(extractor, text, content):
    assert one(extractor, text).text.startswith(content)


@pytest.mark.parametrize("dateline", ["KYIV — ", "LUSAKA, Zambia — ", "Washington (AFP) – ", "CLEVELAND, July 19 (UPI) — "])
def test_dateline_is_never_the_speaker(extractor, dateline):
    text = dateline + "Former Attorney General Michael Mukasey told delegates that the server should disqualify her."
    q = one(extractor, text)
    assert (q.speaker.text, q.speaker.name) == ("Former Attorney General Michael Mukasey", "Michael Mukasey")
    assert q.text == "the server should disqualify her"


@pytest.mark.parametrize("text, content", [
    # A closing non-restrictive "which" is the writer's gloss.
    ("She said he would ban the imports, which are mostly made in Asia.", "he would ban the imports"),
    # ... not one set inside the statement, which goes on after it.
    ("The campaign responded, saying lobbyists have donated to a super PAC, and that the criticism, which is outlined "
     "in a report from Greenpeace, is fair game.",
     "lobbyists have donated to a super PAC, and that the criticism, which is outlined in a report from Greenpeace, is fair game"),
    # A comma-led contrast with its own subject is the writer's aside.
    ("The chairman said the bank would cut rates, while most traders expect a rise.", "the bank would cut rates"),
    # ... but an "although" with no clause of its own stays.
    ("She said the meeting was a useful, although short, chance to talk.", "the meeting was a useful, although short, chance to talk"),
    # A second "that" clause and a negated conjunct are still what was said.
    ("The economist said base salaries would fall slightly, but that the higher bonuses would offset any loss.",
     "base salaries would fall slightly, but that the higher bonuses would offset any loss"),
    ("He said he couldn't remember his password and hasn't visited the site in months.",
     "he couldn't remember his password and hasn't visited the site in months"),
])
def test_reported_clause_leaves_out_asides(extractor, text, content):
    quotes = extractor.extract(text)
    assert quotes[0].text == content, [q.text for q in quotes]


@pytest.mark.parametrize("text, content", [
    # The "if" of a condition inside the statement is part of it ...
    ("He said, if elected, he would build a wall.", "if elected, he would build a wall"),
    # ... also where the parse takes "if elected president" for an object of the cue.
    ("He said, if elected president, he would build a wall along the border.",
     "if elected president, he would build a wall along the border"),
    ("She said that if the council agrees the park will reopen in May.", "if the council agrees the park will reopen in May"),
    # ... and the comma after a dropped "that" is not.
    ("The mayor said that, if the council agrees, the park will reopen in May.",
     "if the council agrees, the park will reopen in May"),
    # A complementizer that opens the whole statement is still dropped.
    ("She asked whether the park would reopen.", "the park would reopen"),
    # Set off before the statement's own "that": the writer's aside.
    ("Smith said, as expected, that the plan would fail.", "the plan would fail"),
])
def test_statement_starts_at_its_first_word(extractor, text, content):
    assert one(extractor, text).text == content


def test_nested_report_in_an_aside_is_its_own_statement(extractor):
    text = "The chairman said the bank would cut rates, while analysts said that inflation was rising."
    quotes = extractor.extract(text)
    assert [(q.text, q.speaker.text) for q in quotes] == [
        ("the bank would cut rates", "The chairman"), ("inflation was rising", "analysts")]


@pytest.mark.parametrize("text, content, speaker", [
    ("The mayor was forced into a rare retreat and said that his words had been misconstrued.", "his words had been misconstrued", "The mayor"),
    ("The governor was prompted to say that the budget would balance.", "the budget would balance", "The governor"),
])
def test_passive_subject_speaks_for_a_cue_hung_on_its_verb(extractor, text, content, speaker):
    q = one(extractor, text)
    assert (q.text, q.speaker.text) == (content, speaker)


def test_name_after_an_inverted_cue_is_the_speaker(extractor):
    text = "''We have to wait for the right moment,'' recalled Mr. Rhodes."
    q = one(extractor, text)
    assert (q.text, q.cue.text, q.speaker.text) == ("''We have to wait for the right moment,''", "recalled", "Mr. Rhodes")


@pytest.mark.parametrize("text, speaker", [
    # The parse gives the cue the quotation's own noun as a subject.
    ("\"Every single amendment,\" said Cruz, who had introduced some of those amendments.", "Cruz"),
    # ... hangs the name on a following clause ...
    ("''I'm more skilled with my hands,'' said Robin Maynard, half joking.", "Robin Maynard"),
    # ... or tags it an adverb.
    ("“Having the file is valuable,” said Skelly.", "Skelly"),
])
def test_name_after_a_quotation_and_its_cue_speaks_whatever_the_parse(extractor, text, speaker):
    q = one(extractor, text)
    assert (q.type, q.cue.text, q.speaker.text) == ("direct", "said", speaker)


def test_a_subject_inside_the_quotation_gives_way_to_the_name_after_it(extractor):
    text = ("''If Reagan had gone with Kemp, I would have been sitting in Siberia for a long time,'' "
            "Mr. Daniloff, now 81 and retired in Cambridge, Mass., said by telephone this week.")
    q = one(extractor, text)
    assert (q.type, q.speaker.text) == ("direct", "Mr. Daniloff")


def test_participle_after_an_inverted_speaker_is_that_speaker_s(extractor):
    text = "“Having the file is valuable,” said Skelly, explaining he worked more closely with the staff."
    quotes = extractor.extract(text)
    assert [(q.type, q.speaker.text) for q in quotes] == [("direct", "Skelly"), ("indirect", "Skelly")]
    assert quotes[1].text == "he worked more closely with the staff"


@pytest.mark.parametrize("text, content", [
    # The quotation sits inside the cue's prepositional phrase or object.
    ("Then he turned on Bush, accusing him of acting like a “spoiled child.”", "him of acting like a “spoiled child.”"),
    ("Sanders told reporters the plan was “a disaster.”", "the plan was “a disaster.”"),
])
def test_quotation_inside_the_cue_s_object_is_a_mixed_statement(extractor, text, content):
    q = one(extractor, text)
    assert (q.type, q.text) == ("mixed", content)


@pytest.mark.parametrize("text, content", [
    ("The Microsoft chief executive, Satya Nadella, “had me at independence,” Mr. Weiner wrote in his memo.",
     "The Microsoft chief executive, Satya Nadella, “had me at independence,”"),
    ("He would be a better president than Clinton “no matter what,” one user commented.",
     "He would be a better president than Clinton “no matter what,”"),
])
def test_quotation_ending_a_clause_signed_after_it_is_a_mixed_statement(extractor, text, content):
    q = one(extractor, text)
    assert (q.type, q.text) == ("mixed", content)


@pytest.mark.parametrize("text, content", [
    ("To a question on the “privatization of public sector jobs,” Sanders said no.", "“privatization of public sector jobs,”"),
    ("The plan failed. “We will try again next year,” she said.", "“We will try again next year,”"),
])
def test_quotation_signed_after_it_keeps_no_scene_or_earlier_sentence(extractor, text, content):
    q = next(q for q in extractor.extract(text) if q.cue is not None)
    assert q.text == content


def test_quotation_introduced_by_its_cue_stays_direct(extractor):
    q = one(extractor, "The senator told reporters, “The governor has a steady hand.”")
    assert (q.type, q.text) == ("direct", "“The governor has a steady hand.”")


def test_that_misparsed_as_an_object_still_opens_the_reported_clause(extractor):
    text = "Kasich predicted at the most recent debate that Republicans will take “every state” if Sanders wins."
    q = one(extractor, text)
    assert (q.type, q.text) == ("mixed", "Republicans will take “every state” if Sanders wins")


@pytest.mark.parametrize("text, content", [
    ("A spokesman declined to address the report but said in a statement that the server was secure.", "the server was secure"),
    ("“My comments were not directed at any religion,” Clark said in a statement.", "“My comments were not directed at any religion,”"),
])
def test_a_negated_verb_does_not_negate_a_conjunct_of_its_own(extractor, text, content):
    q = one(extractor, text)
    assert (q.text, q.cue.text) == (content, "said")


def test_a_name_tagged_as_an_adverb_before_the_cue_speaks(extractor):
    q = one(extractor, "Informed of the district’s lean, Early described it as “news to me.”")
    assert q.speaker.text == "Early"


def test_object_of_a_participle_cue_is_not_inverted_into_a_speaker(extractor):
    text = "The senator changed course again, telling CNN that the rules “are settled for now.”"
    q = one(extractor, text)
    assert q.speaker.text == "The senator"


def test_cue_after_a_colon_reports_only_what_follows_it(extractor):
    text = "After the attack, the mayor asserted that the city had changed: “This is no longer our town,” she said."
    quotes = extractor.extract(text)
    assert [(q.text, q.cue.text, q.speaker.text) for q in quotes] == [
        ("the city had changed", "asserted", "the mayor"), ("“This is no longer our town,”", "said", "she")]


@pytest.mark.parametrize("text, content", [
    ("The tax has not made the city less attractive to banks: London was the top financial center in 2015, according to one index.",
     "London was the top financial center in 2015"),
    # The phrase interrupts the statement between its subject and its verb.
    ("Most voters - 63 percent in 2014, according to the survey - still believe the law is fair.",
     "Most voters - 63 percent in 2014, according to the survey - still believe the law is fair"),
    ("In 2014, according to the survey, most voters still believed the law was fair.", "most voters still believed the law was fair"),
])
def test_according_to_content_around_the_phrase(extractor, text, content):
    q = one(extractor, text)
    assert (q.text, q.cue.text) == (content, "according to")


def test_according_to_an_abbreviation_ending_a_paragraph_names_it(extractor):
    # The abbreviation's full stop ends the paragraph: the parse leaves the
    # name off "to".
    text = ("The smaller plane was grounded last week after The New York Times reported that its registration had "
            "expired in January. It is now cleared to fly again, according to the F.A.A.\n\nMost people who own "
            "aircraft do not have more than one or two.")
    q = record_for_cue(extractor, text, "according to")
    assert (q.text, q.speaker.name, q.speaker.kind) == ("It is now cleared to fly again", "F.A.A.", "organization")


@pytest.mark.parametrize("text, content", [
    ("The mayor questioned the chief's judgment in closing the station.", "the chief's judgment in closing the station"),
    ("The senator praised the governor's record, her grasp of policy and the energy she brings.",
     "the governor's record, her grasp of policy and the energy she brings"),
])
def test_object_content_keeps_what_completes_it(extractor, text, content):
    q = one(extractor, text)
    assert q.text == content


@pytest.mark.parametrize("text, content", [
    ("The senator criticized fellow Democrats in 2011 for seeking a higher tax rate on millionaires.",
     "fellow Democrats in 2011 for seeking a higher tax rate on millionaires"),
    ("Marco Rubio defended himself on Saturday for bailing on his own immigration bill.",
     "himself on Saturday for bailing on his own immigration bill"),
    ("The governor denied the charges on Monday.", "the charges"),
])
def test_a_time_between_the_object_and_what_completes_it(extractor, text, content):
    q = one(extractor, text)
    assert q.text == content


@pytest.mark.parametrize("text, speaker", [
    pytest.param("LONDON (Reuters) - Donald Trump said he was unlikely to get along with the prime minister.",
                 "Donald Trump", id="of two subjects the one next to the cue"),
    pytest.param("Voters, Clinton suggested, don't have to worry that big banks can buy politicians.",
                 "Clinton", id="of two subjects the one next to the cue, parenthetical"),
    pytest.param("At Boca West, where it costs new members $70,000 to sign up, Jay DiPietro, the club's president "
                 "and general manager, suggested that the trend was over.",
                 "Jay DiPietro", id="a name set off by commas the parse hung on the phrase before"),
    pytest.param("In a statement to the Observer, her senior policy adviser, Jake Sullivan, said the talks would go on.",
                 "Jake Sullivan", id="a name in apposition to a title"),
    pytest.param("In an interview with hosts Joe Scarborough and Mika Brzezinski, the Democratic presidential candidate "
                 "stated that the comments were dangerous.",
                 "the Democratic presidential candidate", id="a noun that can speak just before the cue"),
    pytest.param("About 4 in 10 say they want the next president to have more liberal policies.",
                 "About 4 in 10", id="a share of people just before the cue"),
    pytest.param("The St. Paul City Council on Wednesday approved a resolution condemning the call for a ban on Muslims.",
                 "The St. Paul City Council", id="a thing speaks for whoever made it"),
    pytest.param("Reporters met angry voters saying they want a ban on fracking.",
                 "angry voters", id="a group speaks for itself"),
    pytest.param("The mayor is releasing a new radio ad that urges voters to back the bond.",
                 "The mayor", id="who issued a thing speaks for what it says"),
    pytest.param("The group released a video that accuses the governor of lying.",
                 "The group", id="who issued a thing speaks for what it says"),
    pytest.param("The decisive victory led the party chairman to declare that the race was over.",
                 "the party chairman", id="an infinitive after an object is the object's statement"),
    pytest.param("The abrupt announcement left some analysts to speculate that the feud was to blame.",
                 "some analysts", id="an infinitive after an object is the object's statement"),
    pytest.param("The senator used the hearing to say that the program had failed.",
                 "The senator", id="an infinitive after a used thing stays the subject's"),
    pytest.param("The senator emailed supporters saying that the fight would go on.",
                 "The senator", id="a participle on who receives a message is the sender's"),
    pytest.param("The campaign sent a text message to supporters saying that the senator had won.",
                 "The campaign", id="a participle on who receives a message is the sender's"),
    pytest.param("The words may have affected the former president, who spent much of his speech defending his record.",
                 "who", id="a participle on a thing in a phrase is said by whom the phrase belongs to"),
    pytest.param("The pastor, who helped launch the movement with a March speech denouncing the plan, stayed home.",
                 "who", id="a participle on a thing in a phrase is said by whom the phrase belongs to"),
])
def test_who_speaks(extractor, text, speaker):
    q = one(extractor, text)
    assert q.speaker.text == speaker


def test_parenthetical_cue_keeps_the_subject_the_parse_gave_it(extractor):
    text = "Voters, Clinton suggested, don't have to worry that big banks can buy politicians."
    q = one(extractor, text)
    assert (q.text, q.speaker.text) == ("Voters, Clinton suggested, don't have to worry that big banks can buy politicians", "Clinton")


def test_closing_participle_inside_a_report_belongs_to_the_reporter(extractor):
    text = "The governor said the state would appeal the ruling, arguing that the judge had overstepped."
    quotes = extractor.extract(text)
    assert [(q.text, q.cue.text, q.speaker.text) for q in quotes] == [
        ("the state would appeal the ruling", "said", "The governor"), ("the judge had overstepped", "arguing", "The governor")]


def test_what_a_quotation_leaves_of_a_misparsed_clause_is_no_statement(extractor):
    text = ("“We’ve had more successful conventions than this one,” Texas delegate Bill Eastland, wearing a cowboy hat "
            "and “Ted Cruz” campaign pins, said matter-of-factly.")
    q = one(extractor, text)
    assert (q.text, q.speaker.text) == ("“We’ve had more successful conventions than this one,”", "Texas delegate Bill Eastland")


@pytest.mark.parametrize("text, speaker", [
    ("In addition to stating that unborn babies have no constitutional rights, Clinton has vowed to repeal the amendment.", "Clinton"),
    ("He will likely be able to sign up more donors and score a few endorsements by citing his Iowa results.", "He"),
])
def test_a_cue_after_a_preposition_speaks_for_the_clause_it_hangs_on(extractor, text, speaker):
    q = next(q for q in extractor.extract(text) if q.cue.text in ("stating", "citing"))
    assert q.speaker.text == speaker


def test_a_not_inside_the_quotation_does_not_negate_its_cue(extractor):
    text = "“Absolutely not, and never again,” Clinton responded."
    q = one(extractor, text)
    assert (q.text, q.cue.text, q.speaker.text) == ("“Absolutely not, and never again,”", "responded", "Clinton")


def test_a_participle_after_a_comma_is_not_under_the_negated_verb(extractor):
    text = ("The spokesman refused to answer questions on the election but said no meeting was planned, "
            "adding: “If one is proposed we will consider it.”")
    quotes = extractor.extract(text)
    assert [(q.text, q.cue.text) for q in quotes] == [
        ("no meeting was planned", "said"), ("“If one is proposed we will consider it.”", "adding")]
    assert {q.speaker.text for q in quotes} == {"The spokesman"}


def test_a_written_statement_reads(extractor):
    text = "“We will not be intimidated,” the statement read."
    q = one(extractor, text)
    assert (q.cue.text, q.speaker.text) == ("read", "the statement")
    # Reading is no statement without a quotation or a clause.
    assert [q.cue.text for q in extractor.extract("He read the report on the train and said it was good.")] == ["said"]


def test_speaking_on_a_channel_or_a_condition_reports_nothing(extractor):
    assert extractor.extract("She spoke to the newspaper on the condition of anonymity.") == []
    assert extractor.extract("Speaking on the cable channel CNBC on Monday, the investor smiled.") == []
    q = one(extractor, "The governor spoke about the economy for an hour.")
    assert q.text == "the economy"


@pytest.mark.parametrize("text, content", [
    ("Carson seems to recognize his credibility problem — he told the AP that his task is to prove he is tough.",
     "his task is to prove he is tough"),
    ("Jeffrey Salkin, a Hollywood, Fla., rabbi helping to organize the boycott, said he and other rabbis were alarmed.",
     "he and other rabbis were alarmed"),
])
def test_of_a_clause_on_each_side_the_one_after_the_cue_is_reported(extractor, text, content):
    q = one(extractor, text)
    assert q.text == content


def test_a_clause_past_a_later_participle_is_not_the_report(extractor):
    text = ("Nordvind Energy has abandoned plans for a wind farm, the company said on Monday, becoming the latest "
            "developer to pull out as higher interest rates squeeze returns.")
    q = one(extractor, text)
    assert q.text == "Nordvind Energy has abandoned plans for a wind farm"


def test_a_short_quotation_punctuated_as_speech_takes_the_cue_right_after_it(extractor):
    text = "“I am not going anywhere,” Rubio said. “Let me talk,” Bush replied. “Quiet!” Trump demanded."
    got = [(q.text, q.cue.text, q.speaker.text) for q in extractor.extract(text)]
    assert got == [("“I am not going anywhere,”", "said", "Rubio"), ("“Let me talk,”", "replied", "Bush"),
                   ("“Quiet!”", "demanded", "Trump")]
    # A scare quote inside what a parenthetical cue reports stays inside it.
    text = "Voters who backed the “reform,” officials said, now regret it."
    assert [q.text for q in extractor.extract(text)] == ["Voters who backed the “reform,” officials said, now regret it"]


def test_a_past_form_after_a_closing_quotation_is_its_cue_though_tagged_an_adjective(extractor):
    text = '"Debate recap," tweeted Rubio spokesman Alex Conant. "Clinton is old news."'
    got = [(q.text, q.cue.text, q.speaker.text) for q in extractor.extract(text)]
    assert got == [('"Debate recap,"', "tweeted", "Rubio spokesman Alex Conant"),
                   ('"Clinton is old news."', "tweeted", "Rubio spokesman Alex Conant")]


# --- what the small parser gets wrong --------------------------------------

@pytest.mark.parametrize("text, content, cue, speaker", [
    # A sentence-opening "Yet" is a conjunction, not "has yet to".
    ("Yet in private, the senator argued that the bill would fail.", "the bill would fail", "argued", "the senator"),
    ("And yet he said the bill would pass.", "the bill would pass", "said", "he"),
    # The parse coordinates the cue with the clause it reports.
    ("The plan covers every county in the state, Agriculture Secretary Tom Vilsack told a House panel Tuesday.",
     "The plan covers every county in the state", "told", "Agriculture Secretary Tom Vilsack"),
    # ... or hangs it on the verb before with no relation.
    ("The mayor paused, then revealed why the bridge had been closed.", "why the bridge had been closed", "revealed", "The mayor"),
    # "according to" reports the side with a finite verb, not the longer.
    ("Turnout fell sharply in the north, according to the election commission - despite a week of campaigning there.",
     "Turnout fell sharply in the north", "according to", "the election commission"),
])
def test_statement_despite_a_misparse(extractor, text, content, cue, speaker):
    q = one(extractor, text)
    assert (q.text, q.cue.text, q.speaker.text) == (content, cue, speaker)


def test_colon_after_a_noun_hands_the_quotation_to_its_verb(extractor):
    text = "The governor released the following statement: “We will rebuild every home in this county.”"
    q = one(extractor, text)
    assert (q.type, q.cue.text, q.speaker.text) == ("direct", "released", "The governor")


def test_cue_coordinated_with_its_statement_reports_it(extractor):
    # Longer sentences make the parser coordinate "Carter told" with the
    # clause it reports; a short one is parsed right, so the parse is given.
    from spacy.tokens import Doc

    from quotes.cues import clause_content
    words = ["This", "includes", "a", "force", ",", "Carter", "told", "a", "panel", "."]
    heads = [1, 1, 3, 1, 1, 6, 1, 8, 6, 6]
    deps = ["nsubj", "ROOT", "det", "dobj", "punct", "nsubj", "conj", "det", "dobj", "punct"]
    pos = ["PRON", "VERB", "DET", "NOUN", "PUNCT", "PROPN", "VERB", "DET", "NOUN", "PUNCT"]
    doc = Doc(extractor.nlp.vocab, words=words, spaces=[w not in (",", ".") for w in words[1:]] + [False],
              heads=heads, deps=deps, pos=pos)
    start, end = clause_content(doc[6], extractor.lexicon)
    assert doc[start:end].text == "This includes a force"
    # With a coordinator it is a second statement, not a report of the first.
    words[4] = "and"
    doc = Doc(extractor.nlp.vocab, words=words, heads=heads, deps=deps[:4] + ["cc"] + deps[5:],
              pos=pos[:4] + ["CCONJ"] + pos[5:])
    assert clause_content(doc[6], extractor.lexicon) is None


@pytest.mark.parametrize("text, speaker", [
    ("The senator unveiled a proposal to create a national office for immigrant affairs.", "The senator"),
    # A thing sends no message of its own.
    ("It sends a clear message that the rules do not apply to everyone.", None),
])
def test_who_issues_a_statement_noun_made_it(extractor, text, speaker):
    q = one(extractor, text)
    assert q.cue.text in ("proposal", "message") and (q.speaker.text if q.speaker else None) == speaker


def test_a_verb_the_parse_hung_on_its_subject_after_an_aside_is_a_cue(extractor):
    text = ("De Blasio, speaking on WOR710, called Trump a “blowhard,” and said his remarks were priceless "
            "“propaganda” for terrorist groups.")
    found = {q.text: (q.cue.text, q.speaker.text) for q in extractor.extract(text)}
    assert found["Trump a “blowhard,”"] == ("called", "De Blasio")


def test_a_quotation_keeps_its_own_verb_before_a_coordinated_one(extractor):
    text = "The senator exhorted voters to “vote your conscience” and said he was standing on principle."
    cues = {q.text: q.cue.text for q in extractor.extract(text)}
    assert cues == {"“vote your conscience”": "exhorted", "he was standing on principle": "said"}


@pytest.mark.parametrize("text, content, speaker", [
    ("The meeting was first reported by the local newspaper.", "The meeting", "the local newspaper"),
    ("The proposal was rejected by most of the council.", "The proposal", "most of the council"),
    # What the agent accuses of is no part of the agent, though the parse hangs it there.
    ("Trump was accused by the news media of beating his wife.", "Trump", "the news media"),
])
def test_passive_report_names_its_reporter(extractor, text, content, speaker):
    q = one(extractor, text)
    assert (q.type, q.text, q.speaker.text) == ("indirect", content, speaker)


@pytest.mark.parametrize("text, content", [
    ("The terms of the settlement were disclosed after the hearing.", "The terms of the settlement"),
    ("No formal deal was announced.", None),
    ("The terms were not disclosed.", None),
    ("The spokesman was criticized for the delay.", None),
])
def test_a_passive_report_with_no_reporter_names_what_was_said(extractor, text, content):
    quotes = extractor.extract(text)
    assert [q.text for q in quotes] == ([content] if content else [])


@pytest.mark.parametrize("text, content", [
    ("Migrants were blamed for mass sexual abuse during a chaotic New Year's Eve.", "Migrants were blamed for mass sexual abuse"),
    ("The former governor was praised for his handling of the crisis, officials said.",
     "The former governor was praised for his handling of the crisis"),
    ("The meeting was first reported to the police on Monday.", "The meeting"),
])
def test_a_passive_report_keeps_what_it_says_of_its_subject(extractor, text, content):
    assert [q.text for q in extractor.extract(text)] == [content]


def test_a_strike_called_by_a_union_is_not_a_statement(extractor):
    assert extractor.extract("The stoppage was called by the dockworkers' union after talks broke down.") == []


def test_a_passive_clause_after_the_cue_is_its_statement(extractor):
    # The parse also hangs the clause before the dash on "told"; a passive
    # clause is no report of its own, so it is the one told.
    text = "It was no accident — Anna Berg, a spokeswoman for the mayor, told the Herald that the office had been warned."
    q = one(extractor, text)
    assert (q.text, q.speaker.text) == ("the office had been warned", "Anna Berg")


def test_a_frame_is_not_negated_by_the_verb_of_its_statement(extractor):
    # "refuse" negates a report under it, not the "as" clause that frames it.
    text = "As the local paper reported, the council was refusing to release the minutes."
    q = one(extractor, text)
    assert q.speaker.text == "the local paper" and q.text.endswith("the council was refusing to release the minutes")


def test_a_contracted_not_inside_the_quotation_does_not_negate_its_cue(extractor):
    text = "'I gave everything I had. It wasn't enough today, but I'll be back,' she said after the final."
    q = one(extractor, text)
    assert (q.type, q.cue.text, q.speaker.text) == ("direct", "said", "she")


def test_said_in_a_statement_that_keeps_its_verb_and_speaker(extractor):
    # The parse hangs the clause on "statement" and a lone « on "said".
    text = ("Foreign Minister Anna Kobler said in a statement that Switzerland was ready to host a second round "
            "« as soon as the parties are ready to make it count ».")
    q = one(extractor, text)
    assert (q.cue.text, q.speaker.text, q.platform) == ("said", "Foreign Minister Anna Kobler", "statement")
    assert q.text.startswith("Switzerland was ready")


def test_an_empty_it_does_not_speak_for_a_verb_hung_inside_the_report(extractor):
    # "said it was too early but added ...": the parse coordinates "added"
    # with the reported clause, whose subject is an empty "it".
    from spacy.tokens import Doc

    from quotes.speakers import subject_of
    words = ["Lind", "said", "it", "was", "early", "but", "added", "more", "."]
    heads = [1, 1, 3, 1, 3, 3, 3, 6, 1]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "acomp", "cc", "conj", "dobj", "punct"]
    pos = ["PROPN", "VERB", "PRON", "AUX", "ADJ", "CCONJ", "VERB", "NOUN", "PUNCT"]
    doc = Doc(extractor.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos,
              lemmas=["Lind", "say", "it", "be", "early", "but", "add", "more", "."])
    assert subject_of(doc[6], extractor.lexicon).text == "Lind"


@pytest.mark.parametrize("gap", [" ", "\n\n"])
def test_a_quotation_goes_on_with_the_reported_statement_before_it(extractor, gap):
    text = ("Axelrod said the president felt bound to act on the climate." + gap +
            "“This is not a cosmetic item on his list. This is core stuff for him.”")
    quotes = extractor.extract(text)
    assert [(q.type, q.speaker.name) for q in quotes] == [("indirect", "Axelrod"), ("direct", "Axelrod")]
    assert quotes[1].text.startswith("“This is not")


def test_a_cue_inside_a_phrase_of_a_verb_is_spoken_by_that_verbs_subject(extractor):
    text = "Admiral Harris makes no apologies for accusing the navy of ignoring the warnings."
    q = one(extractor, text)
    assert (q.cue.text, q.speaker.text) == ("accusing", "Admiral Harris")


@pytest.mark.parametrize("text, speaker", [
    # The parser ends the sentence at the closing mark; the long sentence
    # after it reports nothing else, so it attributes the quotation.
    ('"Anna Berg is the greatest!!!" Miller wrote in a September 16, 2012 email to the top officials of the agency.', "Miller"),
    ('"All the way!" Dawson shouted, shorthand for taking the fight all the way to the convention.', "Dawson"),
])
def test_a_long_attribution_sentence_after_the_closing_mark(extractor, text, speaker):
    q = one(extractor, text)
    assert (q.type, q.speaker.text) == ("direct", speaker)


def test_a_sentence_with_a_statement_of_its_own_does_not_take_the_quotation_before_it(extractor):
    text = ('"We feel good about the areas we are going to," she said. "We will be everywhere." '
            'She noted a planned rally on Saturday in Sioux City with King in his district, one of several weekend rallies.')
    cues = [(q.text[:12], q.cue.text) for q in extractor.extract(text)]
    assert ('"We will be ', "said") in cues


@pytest.mark.parametrize("text, cue, speaker", [
    ("As the columnist put it, “Hello, it’s the end of an era.”", "put", "the columnist"),
    ("“Not a chance,” she shot back.", "shot", "she"),
])
def test_verbs_that_report_only_with_their_particle(extractor, text, cue, speaker):
    q = one(extractor, text)
    assert (q.type, q.cue.text, q.speaker.text) == ("direct", cue, speaker)


def test_put_without_it_reports_nothing(extractor):
    assert extractor.extract("She put the report on the table before the meeting.") == []


def test_a_name_and_colon_after_a_dash_introduces_a_quotation(extractor):
    text = "POLLS WERE NOT WRONG, JUST EARLY - Anna Berg and Tom Lind: “The polls stopped a week too soon to see the late swing.”"
    q = one(extractor, text)
    assert (q.type, q.speaker.text) == ("direct", "Anna Berg and Tom Lind")


def test_a_no_break_space_after_a_name_and_colon_after_a_dash(extractor):
    text = "TURNOUT WAS HIGH IN IOWA - Michael P. McDonald:\xa0“At long last the nomination contests have finally started this week.”"
    q = one(extractor, text)
    assert (q.type, q.speaker.text) == ("direct", "Michael P. McDonald")


def test_a_dash_and_a_colon_without_a_quotation_name_nobody(extractor):
    assert extractor.extract("The final score - Lyon 3, Nice 1: a fair result for the home side.") == []


@pytest.mark.parametrize("text", [
    "Ohio: Ann Lee, Bob Smith, Carl Jones, Dana White, Ed Brown.",
    "BOOM: The Senate Just Passed The Budget In A Late Vote.",
    "EMAIL: citydesk@example.com or call the newsroom.",
])
def test_a_heading_over_a_list_or_a_label_before_a_colon_names_nobody(extractor, text):
    assert extractor.extract(text) == []


@pytest.mark.parametrize("text", [
    "Ted Cruz: Constitutional conservative or another typical career politician?",
    "Netanyahu and Obama: A tortured relationship",
])
def test_a_name_and_colon_before_a_phrase_with_no_verb_is_a_title(extractor, text):
    assert extractor.extract(text) == []
    # With a verb it is the name's statement.
    q = one(extractor, "Ted Cruz: Trump would put liberals on the court")
    assert (q.text, q.speaker.text) == ("Trump would put liberals on the court", "Ted Cruz")


@pytest.mark.parametrize("text, content", [
    # The break after the paragraph hangs on its last sentence; it is no
    # part of the statement.
    ("As reported by the local paper, the secretary was told of her duty to protect classified information.\n\nMore follows.",
     "the secretary was told of her duty to protect classified information"),
    ("However, as the Herald has reported, cases that have led to charges included other circumstances.\n\nMore follows.",
     "cases that have led to charges included other circumstances"),
])
def test_a_frame_at_the_end_of_a_paragraph(extractor, text, content):
    q = extractor.extract(text)[0]
    assert q.text == content


@pytest.mark.parametrize("text, content", [
    ("The mayor accused him of sexism.", "him of sexism"),
    ("The senator blasted the governor for his support of the failed bill.", "the governor for his support of the failed bill"),
])
def test_criticism_of_a_person_says_what_of_them(extractor, text, content):
    q = one(extractor, text)
    assert (q.type, q.text) == ("indirect", content)


def test_a_bare_pronoun_object_is_no_statement(extractor):
    assert extractor.extract("She denied it.") == []


@pytest.mark.parametrize("text, cue, content", [
    ("The governor proposed barring all trucks from the old bridge.", "proposed", "barring all trucks from the old bridge"),
    ("The union reported spending $2 million on radio ads in the spring.", "reported", "spending $2 million on radio ads in the spring"),
])
def test_a_gerund_after_a_speech_verb_is_what_was_said(extractor, text, cue, content):
    q = one(extractor, text)
    assert (q.cue.text, q.text) == (cue, content)


@pytest.mark.parametrize("text, content", [
    ("Asked whether the bridge would reopen, the engineer said yes.", "yes"),
    ("Last spring, 41 percent of the members said the same.", "the same"),
])
def test_a_word_standing_for_a_statement_after_say(extractor, text, content):
    # The question before it is a record of its own (see the next test).
    assert ("said", content) in [(q.cue.text, q.text) for q in extractor.extract(text)]


# The question put to someone is a statement, as PolNeAR marks it: its
# speaker is whoever asks, the agent, or nobody named; the answer keeps its
# own cue and speaker.
@pytest.mark.parametrize("text, question, asker, answer", [
    ("Asked whether the bridge would reopen, the engineer said yes.",
     "the bridge would reopen", None, ("yes", "said", "the engineer")),
    ("“We will see,” Sanders said when asked whether he would raise money for others.",
     "he would raise money for others", None, ("“We will see,”", "said", "Sanders")),
    ("Cruz spoke in Ames on Tuesday. Asked which Iowa county was his favorite, he demurred: “Whichever one I’m in at the moment.”",
     "which Iowa county was his favorite", None, ("“Whichever one I’m in at the moment.”", "demurred", "he")),
    ("Asked by Matt Lauer whether she had practiced her speech, she said she had read it once.",
     "she had practiced her speech", "Matt Lauer", ("she had read it once", "said", "she")),
])
def test_the_question_put_to_someone_is_a_statement_apart_from_the_answer(extractor, text, question, asker, answer):
    quotes = {q.cue.text.lower(): q for q in extractor.extract(text)}
    asked = quotes["asked"]
    assert (asked.text, asked.speaker.text if asked.speaker else None) == (question, asker)
    text_, cue, speaker = answer
    assert (quotes[cue].text, quotes[cue].speaker.text) == (text_, speaker)


@pytest.mark.parametrize("text", [
    "The count includes pledged delegates and superdelegates.",
    "Both campaigns counted pledged delegates and party leaders.",
    "All told, up to 5 million undocumented people could be eligible for the programs.",
    "But dumping Trump is easier said than done in New York City.",
    "That said, the plan has critics in both parties.",
    "It is safe to say he is referring to the border wall.",
    "The two companies called off the merger after the new rules took effect.",
    "The race in the third district was too close to call on Tuesday night.",
    "It is worth noting that the bridge has been closed twice before.",
    "There is no denying the team has improved this season.",
    "It should be noted that the mayor once worked for the firm.",
    "It is too soon to say whether the new bridge will ease traffic in the city.",
    "It's fair to say that the new bridge has eased traffic in the city.",
    "Only time will tell if the new bridge eases traffic in the city.",
    "Employees protested outside the company's stores, warehouses and call centers throughout the six-week strike.",
    "The amendment was within hailing distance of becoming the law of the land.",
])
def test_terms_and_idioms_with_a_speech_word_report_nothing(extractor, text):
    assert extractor.extract(text) == []


def test_anonymity_to_discuss_says_why_not_what(extractor):
    q = one(extractor, "A council aide, who spoke on condition of anonymity to discuss the budget talks, said a deal was close.")
    assert (q.speaker.text, q.cue.text, q.text) == ("A council aide", "said", "a deal was close")


def test_an_owned_statement_before_a_colon_speaks(extractor):
    q = one(extractor, "The mayor’s message to residents: “Stay inside and keep warm.”")
    assert (q.speaker.text, q.speaker.name, q.cue.text, q.type) == ("The mayor", "mayor", "message", "direct")


def test_a_reply_noun_with_an_owner_before_a_colon_speaks(extractor):
    q = one(extractor, "An aide told the senator about the vote. The senator’s reply was: “Is that the bill on water or on roads?”")
    assert (q.speaker.text, q.cue.text, q.type) == ("The senator", "reply", "direct")


def test_the_last_of_a_list_of_verbs_has_the_first_ones_subject(extractor):
    text = ("Smith further summed up Clinton as “terrible,” denounced her record as secretary of state "
            "and said she should not even be allowed to run for office.")
    said = next(q for q in extractor.extract(text) if q.cue.text == "said")
    assert (said.speaker.text, said.text) == ("Smith", "she should not even be allowed to run for office")


def test_a_second_verb_hung_on_what_was_reported_has_the_reporters_subject(extractor):
    q = one(extractor, "Some analysts fear that the mayor has already lost the vote and warn that the budget will fail.")
    assert (q.speaker.text, q.cue.text, q.text) == ("Some analysts", "warn", "the budget will fail")


@pytest.mark.parametrize("text, speaker, content", [
    ("The chairwoman dismissed claims that the committee is breaking the rules — saying the other side chose not to take part.",
     "The chairwoman", "the other side chose not to take part"),
    ("The governor hoped that the new budget would fix the deficit, pointing to rising tax revenue.",
     "The governor", "rising tax revenue"),
])
def test_a_closing_participle_hung_inside_an_embedded_clause_has_the_main_subject(extractor, text, speaker, content):
    q = next(q for q in extractor.extract(text) if q.cue.text in ("saying", "pointing"))
    assert (q.speaker.text, q.text) == (speaker, content)


@pytest.mark.parametrize("text, speaker", [
    ('"We will not back down," said retired firefighter John Carson, asked about the strike.', "retired firefighter John Carson"),
    ('"Is the council running against the mayor?" asked Mr. Lopez, pointing at the chart.', "Mr. Lopez"),
])
def test_the_speaker_after_the_cue_of_a_quotation(extractor, text, speaker):
    q = next(q for q in extractor.extract(text) if q.text.startswith('"'))
    assert q.speaker is not None and q.speaker.text == speaker


def test_a_finite_verb_coordinated_with_an_infinitive_has_the_main_subject(extractor):
    text = "During the 2012 race, the governor largely ran on his ability to fix the state budget and accused his rival of hiding debts."
    q = one(extractor, text)
    assert (q.speaker.text, q.cue.text, q.text) == ("the governor", "accused", "his rival of hiding debts")


def test_who_is_punished_for_saying_something_said_it(extractor):
    q = one(extractor, "The coach was fined last week after criticizing the referees for their handling of the final.")
    assert (q.speaker.text, q.cue.text) == ("The coach", "criticizing")


@pytest.mark.parametrize("text", [
    "The mayor flew home on Sunday and spoke to reporters just after the count was announced.",
    "She was among several guests who spoke before the governor addressed the rally.",
])
def test_a_clause_saying_when_is_not_what_was_said(extractor, text):
    assert extractor.extract(text) == []


@pytest.mark.parametrize("text", [
    "Mrs. Lee spoke for about 20 minutes, took questions and posed for photos.",
    "On Monday, she was speaking to a union that had just voted to strike.",
])
def test_what_follows_a_talk_verb_and_its_frame_is_not_always_said(extractor, text):
    assert extractor.extract(text) == []


def test_called_for_someone_to_act_is_still_a_statement(extractor):
    q = one(extractor, "The senator is calling for the city to reopen the shelter before winter.")
    assert (q.speaker.text, q.text) == ("The senator", "the city to reopen the shelter before winter")


def test_asked_to_do_something_is_a_request(extractor):
    q = one(extractor, "The watchdog group asked to question the mayor under oath about the contracts.")
    assert (q.speaker.text, q.cue.text, q.text) == ("The watchdog group", "asked", "to question the mayor under oath about the contracts")


def test_portraying_someone_as_something_says_it(extractor):
    text = "On Monday, the senator tried to turn the tables, portraying her rival as a hypocrite who took money from banks."
    q = one(extractor, text)
    assert (q.speaker.text, q.cue.text, q.text) == ("the senator", "portraying", "her rival as a hypocrite who took money from banks")


@pytest.mark.parametrize("text, content, cue", [
    pytest.param("Bush referred to Rubio as “a bright, charismatic leader” but described his leadership skills as a "
                 "“work in progress.”", "to Rubio as “a bright, charismatic leader”", "referred", id="naming-verb-then-but"),
    pytest.param("The group published an open letter about the \"hateful discourse of Trump\" and called on voters to "
                 "reject him.", "an open letter about the \"hateful discourse of Trump\"", "published", id="issuing-verb-then-and"),
])
def test_a_quotation_in_a_first_conjunct_is_not_the_next_verbs(extractor, text, content, cue):
    # The speech verb after "and"/"but" reports what follows it; the
    # quotation before belongs to the phrase of the verb it is joined to.
    records = [(q.text, q.cue.text) for q in extractor.extract(text)]
    assert (content, cue) in records
    assert all(cue_text == cue for content_text, cue_text in records if content_text in content)


def test_an_as_clause_with_its_own_subject_is_no_name_given_to_the_object(extractor):
    # "as" opens a time here, not what "urged" calls "them": the addressee
    # is no statement, and the quotation before takes the verb.
    text = ("The crowd booed. “Just one minute, come on, one second, alright?” he urged them, as he explained how "
            "tough it is to run.")
    records = [(q.text, q.cue.text) for q in extractor.extract(text)]
    assert ("“Just one minute, come on, one second, alright?”", "urged") in records
    assert all(content != "them" for content, _ in records)


@pytest.mark.parametrize("text, content", [
    ("He endorsed “self-deportation,” which is like a sundae next to his own plans.", "“self-deportation,”"),
    ("The governor said the state would pay “every cent,” a promise that few believed.", "the state would pay “every cent,”"),
])
def test_the_writers_gloss_after_a_closing_quotation_is_not_said(extractor, text, content):
    q = one(extractor, text)
    assert q.text == content


def test_a_gerund_after_continue_is_no_statement(extractor):
    assert extractor.extract("The agency will continue screening applicants at the border.") == []


def test_called_upon_someone_to_act(extractor):
    q = one(extractor, "The senator called upon the council to reopen the shelter before winter.")
    assert (q.speaker.text, q.cue.text, q.text) == ("The senator", "called", "the council to reopen the shelter before winter")


def test_a_statement_noun_from_someone_is_theirs(extractor):
    text = "The report included an admission from Senator Lind that the old law would not have prevented the crisis."
    q = one(extractor, text)
    assert (q.cue.text, q.speaker.text) == ("admission", "Senator Lind")


@pytest.mark.parametrize("text, cue, content, speaker", [
    ("Sanders's argument on Sunday was that superdelegates should consider switching their allegiance to him.",
     "argument", "superdelegates should consider switching their allegiance to him", "Sanders"),
    ("His message long has been that he is a winner because he is ahead in the polls.",
     "message", "he is a winner because he is ahead in the polls", "His"),
])
def test_a_statement_noun_is_given_by_the_that_clause_after_be(extractor, text, cue, content, speaker):
    q = one(extractor, text)
    assert (q.cue.text, q.text, q.speaker.text) == (cue, content, speaker)


@pytest.mark.parametrize("text", ["Her argument was long.", "The problem is that the pay offer was too low."])
def test_be_without_a_that_clause_or_a_statement_noun_reports_nothing(extractor, text):
    assert extractor.extract(text) == []


def test_went_so_far_as_to_say(extractor):
    # The parse also hangs the quotation's first noun on "columnist": the
    # mention keeps only the head's own words.
    text = "The columnist Anna Berg went so far as to say: “The old network as we know it is over.”"
    q = one(extractor, text)
    assert (q.type, q.cue.text, q.speaker.text, q.speaker.name) == ("direct", "say", "The columnist Anna Berg", "Anna Berg")


def test_a_subject_after_the_cue_speaks_when_the_quotation_has_one_too(extractor):
    # The parse gives "said" two subjects: "the foundation" inside the
    # quotation and "a person" after the cue.
    text = "“The fall we see now is due to the emails, the foundation, all the old stuff,” said a person close to the family."
    q = one(extractor, text)
    assert (q.cue.text, q.speaker.text) == ("said", "a person close to the family")


def test_who_is_asked_does_not_ask(extractor):
    q = one(extractor, "Davis, who was asked about the war, did not answer.")
    assert (q.cue.text, q.speaker) == ("asked", None)


def test_a_quotation_said_according_to_someone_is_theirs(extractor):
    text = "The council met on Monday. “We will win this fight. The developers will lose,” the mayor said, according to the local paper."
    q = next(q for q in extractor.extract(text) if q.type == "direct")
    assert (q.cue.text, q.speaker.text) == ("according to", "the local paper")


def test_a_speaker_whose_description_the_parse_made_a_clause_still_speaks(extractor):
    text = ("Maria Lopez, director of Nurses United, a union that has endorsed the mayor and that has been busing "
            "its members across the state to campaign for him, also said her group planned to join the protest.")
    q = next(q for q in extractor.extract(text) if q.cue.text == "said")
    assert (q.speaker.text, q.text) == ("Maria Lopez", "her group planned to join the protest")


@pytest.mark.parametrize("text", [
    "“We should close the old mine for good,” said Sen. Maria Lopez of Nevada, the only senator to endorse Smith. "
    "“There are many workers who feel the company has lied to them for years.”",
    "“We should close the old mine,” said Tom Reyes, who also blamed the owners. “There are many workers who feel the company lied to them.”",
])
def test_an_aside_in_a_split_quotes_attribution_does_not_take_the_second_half(extractor, text):
    second = [q for q in extractor.extract(text) if q.type == "direct"][-1]
    assert second.text.startswith("“There are many workers")
    assert second.cue.text == "said" and second.speaker.text in ("Sen. Maria Lopez of Nevada", "Tom Reyes")


@pytest.mark.parametrize("text, cue", [
    ("The governor cautioned, “let’s not get ahead of ourselves,” predicting that the race would stay close until June.", "cautioned"),
    ("Mr. Hale told the crowd, ''I don't like it,'' adding that the council had acted too fast.", "told"),
])
def test_a_participle_after_a_quotation_reports_what_follows_it_not_the_quotation(extractor, text, cue):
    quote = next(q for q in extractor.extract(text) if q.type == "direct")
    assert quote.cue.text == cue


def test_a_cue_after_a_quotation_does_not_also_report_the_clause_set_off_before_it(extractor):
    text = ("A few minutes later, the mayor followed up by lamenting the paperwork his office requires, especially permits: "
            "“There’s just a ton of forms with this job,” he said.")
    said = [q for q in extractor.extract(text) if q.cue.text == "said"]
    assert [q.text for q in said] == ["“There’s just a ton of forms with this job,”"]


def test_a_clause_whose_quotation_another_verb_introduces_keeps_its_cue_after_it(extractor):
    text = "When asked about the delay, Ms. Lane “bristled” and said, “No comment,” the Herald reported."
    reported = next(q for q in extractor.extract(text) if q.cue.text == "reported")
    assert reported.text == "When asked about the delay, Ms. Lane “bristled”"


@pytest.mark.parametrize("text, quote", [
    ("In her speech, the governor declared the need for patience and courage: “Fix the roads and when you’ve done that, "
     "fix them again,” she said.", "“Fix the roads and when you’ve done that, fix them again,”"),
    ("The mayor saw the report differently: \"When they say the budget is balanced, I don't take that seriously,\" he said.",
     "\"When they say the budget is balanced, I don't take that seriously,\""),
])
def test_a_cue_after_a_clause_reports_only_what_follows_its_colon(extractor, text, quote):
    said = next(q for q in extractor.extract(text) if q.cue.text == "said")
    assert said.text == quote


@pytest.mark.parametrize("text, content", [
    ("There is no chance of that level of violence, officials insist, because modern policing has evolved to be less confrontational.",
     "There is no chance of that level of violence, officials insist, because modern policing has evolved to be less confrontational"),
    ("The plan is dead, the mayor said, as reporters crowded around the podium.", "The plan is dead"),
])
def test_a_statement_goes_on_after_an_attribution_set_inside_it_only_with_a_reason(extractor, text, content):
    assert extractor.extract(text)[0].text == content


def test_a_statement_the_parse_made_the_subject_of_an_inverted_cue_is_what_was_said(extractor):
    text = ('The rejection of the treaty signals "the beginning of the end" for the EU, said Geert Wilders, '
            'founder of the Dutch Party for Freedom.')
    q = extractor.extract(text)[0]
    assert (q.type, q.text, q.speaker.text) == (
        "mixed", 'The rejection of the treaty signals "the beginning of the end" for the EU', "Geert Wilders")


def test_a_reported_clause_keeps_the_subject_the_parse_made_an_object_of_the_cue(extractor):
    text = ('He also argued the Keystone XL pipeline, which is widely supported by Republicans, "wouldn\'t go 10 feet" '
            'without the use of eminent domain.')
    q = extractor.extract(text)[0]
    assert q.text.startswith("the Keystone XL pipeline, which") and q.text.endswith("eminent domain")


def test_a_verb_coordinated_after_a_quotation_reports_what_follows_it_not_the_quotation(extractor):
    text = ("Putin came close to an admission, saying, ''We never said there were no people there,'' "
            "but he denied that they were soldiers.")
    quote = next(q for q in extractor.extract(text) if q.type == "direct")
    assert (quote.cue.text, quote.speaker.text) == ("saying", "Putin")


@pytest.mark.parametrize("text, content", [
    ("The speaker says no matter what action the governor takes on taxes, “his word does not trump the constitution.”",
     "no matter what action the governor takes on taxes, “his word does not trump the constitution.”"),
    ("The senator said as she introduced her husband, “Finally, we are free to talk about ideas.”",
     "“Finally, we are free to talk about ideas.”"),
])
def test_a_clause_set_off_before_the_reported_one_belongs_to_it_unless_it_says_when(extractor, text, content):
    assert extractor.extract(text)[0].text == content


def test_a_participle_on_the_cue_of_a_split_quote_does_not_take_the_second_half(extractor):
    text = ("“Forty years ago, this town was full of life,” Ms. Grant said, pointing out where the old bakery used to be. "
            "“But those days are never coming back.”")
    second = [q for q in extractor.extract(text) if q.type == "direct"][-1]
    assert (second.text, second.cue.text, second.speaker.text) == ("“But those days are never coming back.”", "said", "Ms. Grant")


@pytest.mark.parametrize("text, speaker, cue", [
    ("Here’s Maria Lopez in March 2019: “We will rebuild every school in this district before the next winter.”",
     "Maria Lopez in March 2019", ":"),
    ("The council published its audit on Monday. From the report: “Most of the water lost in the city leaks from pipes laid before 1960.”",
     "the report", ":"),
    ("The mayor issued the following statement:\n\n“Our thoughts are with the families of the victims of this terrible fire.”",
     "The mayor", "issued"),
])
def test_a_quotation_after_a_colon_belongs_to_the_line_before_it(extractor, text, speaker, cue):
    q = one(extractor, text)
    assert q.text.startswith("“") and (q.speaker.text, q.cue.text) == (speaker, cue)


@pytest.mark.parametrize("text, speaker, cue", [
    ("The size of the crowd did not surprise local organizer Maria Lopez: “People here have been waiting for this for years.”",
     "local organizer Maria Lopez", ":"),
    ("Continued Garcia: “And the single best thing the city can do is to fix the roads before winter.”", "Garcia", "Continued"),
])
def test_a_name_that_ends_the_line_before_a_colon_speaks(extractor, text, speaker, cue):
    q = one(extractor, text)
    assert q.text.startswith("“") and (q.speaker.text, q.cue.text) == (speaker, cue)


def test_a_name_after_a_preposition_before_a_colon_does_not_speak(extractor):
    text = "A familiar voice celebrated the attacks on Twitter: “We have already arrived with our soldiers in the city.”"
    assert all(q.speaker is None or q.speaker.text != "Twitter" for q in extractor.extract(text))


def test_a_participle_after_a_comma_cues_the_quotation_it_opens(extractor):
    # The parse makes "writing" the subject of "Feels".
    text = ("Band member Flea shared the news on social media last week, writing “Feels great to support someone "
            "I believe in. This is a man with integrity.”")
    q = one(extractor, text)
    assert (q.text[0], q.cue.text, q.speaker.text) == ("“", "writing", "Band member Flea")


@pytest.mark.parametrize("text, speaker, cue", [
    ("Right after the vote, Senator Ana Ruiz issued a statement, “Tonight the people of this state were heard, and we will act.”",
     "Senator Ana Ruiz", "issued"),
    ("The governor tweeted a warning. \"Remember in November the members who voted against the schools.\"", "The governor", "tweeted"),
    ("Howard continued his scathing remarks.\n\n“Eight years ago she was the favorite, and a fellow came along and beat her.”",
     "Howard", "continued"),
])
def test_a_clause_ending_on_a_statement_hands_it_the_quotation_after_it(extractor, text, speaker, cue):
    q = one(extractor, text)
    assert q.text[0] in "“\"" and (q.speaker.text, q.cue.text) == (speaker, cue)


@pytest.mark.parametrize("text, speaker, cue", [
    ("“If she wants to be the next president, Hillary Clinton should act like one, and come to Louisiana,” the editorial read.",
     "the editorial", "read"),
    ('"Today, the kingdom is one of the leading nations in combating terrorism," the Saudis state in the white paper.',
     "the Saudis", "state"),
    ("Serafinowicz posted the clip to YouTube on Thursday.\n\n“What if Donald Trump had elocution lessons?” "
     "the 43-year-old asked in the video’s description.", "the 43-year-old", "asked"),
])
def test_a_cue_the_tagger_took_for_a_noun_after_a_quotation(extractor, text, speaker, cue):
    q = one(extractor, text)
    assert q.text[0] in "“\"" and (q.speaker.text, q.cue.text) == (speaker, cue)


def test_a_thing_with_an_owner_before_a_colon_speaks_for_them(extractor):
    q = one(extractor, "Smith’s letter makes a simple case: “We must stand together to protect everyone from hate.”")
    assert q.text[0] == "“" and (q.speaker.text, q.cue.text) == ("Smith’s letter", "makes")


@pytest.mark.parametrize("text, speaker", [
    ("The summit was held in Jerusalem because, in Forbes’ words, “they are the most entrepreneurial places on the planet with more startups.”",
     "Forbes’ words"),
    ("The plan failed because, in the words of one senior aide, “nobody wanted to pay for the new bridge at all.”", "one senior aide"),
])
def test_in_someone_s_words_before_a_quotation_names_its_speaker(extractor, text, speaker):
    q = one(extractor, text)
    assert q.text[0] == "“" and (q.speaker.text, q.cue.text) == (speaker, "in")


def test_a_short_quotation_after_in_someone_s_words_is_a_phrase_of_the_sentence(extractor):
    text = "Mrs. Clinton was, in the words of a senior adviser, “the torchbearer” of his legacy."
    assert all(q.cue is None or q.cue.text != "in" for q in extractor.extract(text))


def test_a_thing_before_a_colon_does_not_speak(extractor):
    assert extractor.extract("The plan has a name: “Project Blue Horizon for all of us”") == []


def test_a_quotation_paragraph_signed_with_a_dash_and_a_name(extractor):
    text = "The debate ran late.\n\n“We need a change in this town and we need it now.”\n\n— Sen. John Smith (D-Ohio)\n"
    q = one(extractor, text)
    assert (q.text, q.speaker.text, q.cue.text) == ("“We need a change in this town and we need it now.”", "Sen. John Smith", "—")


# Collected reactions sign each quotation on its own line, after it: with a
# space, a no-break space or nothing between the closing mark and the dash.
@pytest.mark.parametrize("signature, speaker", [
    (" ― Esther Tapia", "Esther Tapia"),
    ("\xa0―\xa0Karen Bobadilla.", "Karen Bobadilla"),
    ("― Pamela Padilla ", "Pamela Padilla"),
    (" — Oscar P. Quintero, 41, Phoenix", "Oscar P. Quintero"),
    ("–Carla Sanchez.", "Carla Sanchez"),
])
def test_a_quotation_line_signed_after_it_with_a_dash_and_a_name(extractor, signature, speaker):
    quotation = "“He makes simple blanket statements about people he knows nothing about.”"
    text = f"The debate ran late on Tuesday.\n{quotation}{signature}\n“We are the future of this country.” ― Ana Ruiz\n"
    quotes = extractor.extract(text)
    assert [(q.text, q.speaker.text, q.cue.text) for q in quotes] == [
        (quotation, speaker, signature.strip(" \xa0")[0]), ("“We are the future of this country.”", "Ana Ruiz", "―")]


@pytest.mark.parametrize("text", [
    # The dash opens an aside, not a signature.
    "The debate ran late on Tuesday.\n“He makes simple blanket statements about people.” ― and he meant it.\n",
    # The quotation does not open its line: a phrase of the sentence.
    "He called it “a disgrace for the whole town” — Mayor Ann Lee disagreed.\n",
])
def test_a_dash_after_a_quotation_that_signs_nothing(extractor, text):
    assert all(q.cue is None or q.cue.text not in "―—" for q in extractor.extract(text))


def test_a_dash_glued_to_a_closing_mark_is_a_token_of_its_own(extractor):
    text = "Cruz said he was not part of the “establishment”—which had failed voters."
    words = [t.text for t in extractor.nlp.tokenizer(text)]
    assert words[9:13] == ["establishment", "”", "—", "which"]


@pytest.mark.parametrize("text, cue", [
    ("“People are tired of waiting for the new bridge,” he surmised.", "surmised"),
    ("“So you are saying there will be no new taxes this year?” Garcia interjected.", "interjected"),
])
def test_verbs_of_a_remark_cue_a_quotation(extractor, text, cue):
    q = one(extractor, text)
    assert q.cue.text == cue and q.text.startswith("“")


def test_a_participle_after_a_closed_quotation_is_the_reporter_s(extractor):
    # The comma before the participle closes a quotation: the participle is
    # still what the speaker did, a report of its own.
    text = 'The mayor said the plan is "reckless," calling it a waste of money.'
    quotes = extractor.extract(text)
    assert [(q.text, q.cue.text, q.speaker.text) for q in quotes] == [
        ('the plan is "reckless,"', "said", "The mayor"), ("it a waste of money", "calling", "The mayor")]


def test_a_verb_with_an_argument_of_its_own_does_not_report_the_clause_before_it(extractor):
    # The parse makes the clause before a colon or a dash the verb's
    # complement; the verb's own object or infinitive shows it did
    # something else.
    text = "Fuel is one of the largest costs of the campaign: a firm the senator owns has charged it about $2 million since June."
    assert extractor.extract(text) == []
    text = "The club has been a steady earner for the family, however — he reported earning $12 million from it last year."
    q = one(extractor, text)
    assert (q.text, q.cue.text) == ("earning $12 million from it last year", "reported")


@pytest.mark.parametrize("text, speaker", [
    ("The bridge will be closed until March, Smith wrote Jones.", "Smith"),
    ("The bridge will be closed until March, officials told reporters on Monday.", "officials"),
])
def test_an_addressee_after_a_closing_cue_keeps_the_clause_before(extractor, text, speaker):
    q = one(extractor, text)
    assert (q.text, q.speaker.text) == ("The bridge will be closed until March", speaker)


@pytest.mark.parametrize("text", [
    "The mayor repeated her earlier claim - an argument that, whatever one thinks of the plan, did not hold up.",
    "He was fired for missing work, a claim that the office strongly disputes.",
])
def test_a_relative_clause_on_a_statement_noun_is_not_its_content(extractor, text):
    assert extractor.extract(text) == []


@pytest.mark.parametrize("text, content", [
    ("The mayor leads by 15 points in the north, according to the new poll, and has a small lead in the south.",
     "The mayor leads by 15 points in the north"),
    ("Female mayors have doubled, according to the league, although few of the cities they lead are large or have grown in the past ten years.",
     "Female mayors have doubled"),
])
def test_according_to_reports_the_clause_that_words_after_it_carry_on(extractor, text, content):
    q = [q for q in extractor.extract(text) if q.cue.text == "according to"][0]
    assert q.text == content


@pytest.mark.parametrize("text", [
    "“The bridge will be closed for months,” the mayor said answering a question at a town hall in the north.",
    "“There's no question I'm getting special scrutiny,” the candidate told CBS' Face the Nation on Sunday.",
])
def test_a_quotation_before_its_cue_is_all_the_cue_reports(extractor, text):
    quotes = extractor.extract(text)
    assert [q.text for q in quotes if q.cue.text in ("said", "told")] == [text[:text.index("”") + 1]]


@pytest.mark.parametrize("text, content, speaker", [
    ("“How big is that wall?” asked the boy.", "“How big is that wall?”", "the boy"),
    ("\"It's not right to say anything against them. We don't have freedom of opinion anymore,\" tweeted a German user "
     "from Hanover going by the handle Pulvermann.",
     "\"It's not right to say anything against them. We don't have freedom of opinion anymore,\"", "a German user from Hanover"),
])
def test_a_common_noun_after_the_verb_of_a_closed_quotation_is_its_speaker(extractor, text, content, speaker):
    assert [(q.text, q.speaker and q.speaker.text) for q in extractor.extract(text)] == [(content, speaker)]


@pytest.mark.parametrize("text, speaker", [
    ("It is important to note that the court has ruled only on emergency filings.", None),
    ("On a purely political level, it means admitting that Sanders speaks for millions of Americans.", None),
    ("It said the company had concealed the breach.", "It"),
])
def test_an_empty_it_before_be_or_mean_is_no_speaker(extractor, text, speaker):
    q = one(extractor, text)
    assert (q.speaker.text if q.speaker else None) == speaker


def test_a_name_the_parse_took_for_a_modal_speaks(extractor):
    text = "Citing the attack as a wake-up call, Will urged Republican voters to abandon outsider candidates."
    assert [(q.cue.text, q.speaker.text) for q in extractor.extract(text)] == [("Citing", "Will"), ("urged", "Will")]


def test_a_name_the_parse_compounded_with_the_verb_speaks(extractor):
    q = one(extractor, "“Go back to Univision,” Trump barked and a security guard escorted Ramos out.")
    assert (q.text, q.cue.text, q.speaker.text) == ("“Go back to Univision,”", "barked", "Trump")


def test_a_name_before_a_relative_clause_set_off_by_commas_speaks(extractor):
    text = ("Some Democrats feared a repeat of the 1992 convention, when Mr. Buchanan, who had failed to win his "
            "party's nomination, called for a ''cultural war'' against ''liberals and radicals.''")
    q = one(extractor, text)
    assert (q.cue.text, q.speaker.text) == ("called", "Mr. Buchanan")


def test_a_participle_hung_on_what_was_said_goes_with_who_said_it(extractor):
    text = "She said her father has been a good boss and would be a fair president, saying that he supports equal pay."
    q = extractor.extract(text)[-1]
    assert (q.text, q.speaker.text) == ("he supports equal pay", "She")


@pytest.mark.parametrize("text, speaker", [
    ("The mayor took the opportunity to declare that the city was safe.", "The mayor"),
    ("The senator's initial failure to denounce the violent protesters angered his allies.", "The senator"),
    ("It's no exaggeration to call this un-American.", None),
])
def test_an_infinitive_on_a_thing_is_its_owner_s_or_the_verb_subject_s(extractor, text, speaker):
    q = one(extractor, text)
    assert (q.speaker.text if q.speaker else None) == speaker


def test_a_name_after_the_speaker_s_description_is_in_the_mention(extractor):
    q = one(extractor, "One of the organisers, Maria Lopez, who had been up all night, said the march would go ahead.")
    assert (q.speaker.text, q.speaker.name) == ("One of the organisers, Maria Lopez", "Maria Lopez")


def test_an_s_before_a_speech_verb_can_be_has(extractor):
    q = one(extractor, "He's said he gets his ideas about the economy from an old novel.")
    assert (q.cue.text, q.speaker.text) == ("said", "He")


def test_an_opening_participle_is_said_by_who_reports_the_quotation_after_it(extractor):
    text = "Emphasizing the urgency of the matter, Trump said, “If we do not get tough and smart real fast, we are not going to have a country anymore.”"
    q = next(q for q in extractor.extract(text) if q.cue.text == "Emphasizing")
    assert q.speaker.text == "Trump"


def test_a_gerund_after_a_passive_goes_with_its_subject_not_the_agent(extractor):
    q = one(extractor, "The senator was booed by protesters after telling them that they were wrong.")
    assert (q.cue.text, q.speaker.text) == ("telling", "The senator")



def test_a_verb_coordinated_with_a_passive_goes_with_its_subject_not_the_agent(extractor):
    q = one(extractor, "FBI officials were angered by the deal and predicted it would affect the outcome of other cases.")
    assert (q.cue.text, q.speaker.text) == ("predicted", "FBI officials")


@pytest.mark.parametrize("text", [
    "Trump further summed up Clinton as “terrible,” denounced her record as secretary of state and said she should not even be allowed to run.",
])
def test_a_first_coordinated_verb_parsed_as_a_clause_lends_its_subject(extractor, text):
    q = next(q for q in extractor.extract(text) if q.cue.text == "said")
    assert q.speaker is not None and q.speaker.text == "Trump"

def test_a_closing_participle_leaves_an_infinitive_of_the_reported_clause(extractor):
    text = "A party strategist said Warren will have to choose whose side she’s on, saying, “At some point, she’s going to have to come out.”"
    q = next(q for q in extractor.extract(text) if q.cue.text == "saying")
    assert q.speaker.text == "A party strategist"
    # The rules end the statement of "said" before the participle the parse
    # hung on "choose", whatever the end model then picks.
    doc = extractor.nlp(text)
    said = next(t for t in doc if t.text == "said")
    assert doc[slice(*report_of(said, extractor.lexicon).content)].text == "Warren will have to choose whose side she’s on"


def test_a_participle_in_a_passive_relative_clause_is_said_by_the_pronoun(extractor):
    q = one(extractor, "The senator, who was distracted while saying that the vote would be close, left early.")
    assert (q.cue.text, q.speaker.text, q.speaker.name) == ("saying", "who", "senator")


def test_a_verb_after_a_quotation_aside_in_dashes_goes_with_the_sentence_before_it(extractor):
    text = ("Clinton suggested that the latest plan was unserious - \"Again, we need to get into the details,\" she said"
            " - and charged that the plan would jeopardize the law.")
    q = next(q for q in extractor.extract(text) if q.cue.text == "charged")
    assert q.speaker.text == "Clinton"


@pytest.mark.parametrize("text, speaker", [
    # The parse makes "said" an adverbial of "made": the cue and its subject
    # after the last comma still report the clause before them.
    ("The web has also made it possible for people with like-minded, if bogus, ideas and theories "
     "to organize into groups and reach others, she said.", "she"),
    # The parse hangs the whole sentence on "said" as one adverbial clause;
    # its opener does not stop the main clause after it being reported.
    ("As GOP front-runner Donald Trump prepared to speak to supporters in Wisconsin on Tuesday, "
     "a 15-year-old girl outside the venue was pepper-sprayed by another bystander, police said.", "police"),
    # The statement reports a belief of its own, and the writer's gloss
    # after a dash follows the cue.
    ("The mayor thinks the council spends far too much on outside consultants, her deputy said on Monday "
     "at a town hall — a rare public split between the two.", "her deputy"),
])
def test_a_closing_cue_the_parse_hung_on_the_statement_reports_it(extractor, text, speaker):
    q = one(extractor, text)
    assert q.text == text[:text.index(f", {speaker} said")] and q.cue.text == "said" and q.speaker.text == speaker


def test_a_negation_after_a_parenthetical_cue_is_not_the_cue_s(extractor):
    # "reports" hangs on "ask" as a complement; "didn't" negates the asking.
    text = ("On the day that the Times reports that the city lost millions on the project, "
            "the council members didn't ask the mayor about it.")
    q = one(extractor, text)
    assert (q.text, q.cue.text, q.speaker.text) == ("the city lost millions on the project", "reports", "the Times")


def test_reportedly_reports_its_clause_from_nobody_named(extractor):
    q = one(extractor, "After the vote, the agency is reportedly preparing new rules for the coastal fishing fleet.")
    assert (q.text, q.cue.text, q.speaker) == ("the agency is reportedly preparing new rules for the coastal fishing fleet", "reportedly", None)
    # Not on a participle, nor on a verb that reports for itself.
    assert extractor.extract("Talks between the two cities reportedly yielding real progress toward a deal.") == []
    assert [q.cue.text for q in extractor.extract("The mayor reportedly said that the plan would cost far too much money.")] == ["said"]


@pytest.mark.parametrize("text, content, speaker", [
    # The parse makes "According" the root and hangs the statement on it.
    ("According to a January 2016 study by the Pew Research Center based on census data from 2014, eligible voters who "
     "are young skew liberal in Oregon and make up a larger slice of the state's electorate.",
     "eligible voters who are young skew liberal in Oregon and make up a larger slice of the state's electorate",
     "a January 2016 study by the Pew Research Center based on census data from 2014"),
    # A participle or a clause with its own subject after the phrase is the writer's next point.
    ("The union has struck a provisional agreement with the company that covers nearly 40,000 workers in the state, "
     "according to the Labor Department, taking a step toward ending a long strike that executives said could hurt earnings.",
     "The union has struck a provisional agreement with the company that covers nearly 40,000 workers in the state",
     "the Labor Department"),
    ("The mayor leads the challenger by 271 votes with most precincts counted according to a count by the county clerk, "
     "but the challenger has vowed to fight on until every last absentee ballot in the county has been counted by hand.",
     "The mayor leads the challenger by 271 votes with most precincts counted", "a count by the county clerk"),
    # A demonstrative stands for the statement before it.
    ("That’s according to early results of exit polls conducted for the television networks.", "That",
     "early results of exit polls conducted for the television networks"),
])
def test_according_to_reports_the_clause_on_its_side(extractor, text, content, speaker):
    q = next(q for q in extractor.extract(text) if q.cue.text.lower() == "according to")
    assert (q.text, q.speaker.text) == (content, speaker)


def test_an_inverted_cue_closing_the_sentence_reports_all_before_it(extractor):
    # The parse coordinates "said" with "hanging"; the "but" inside is said.
    text = ("In nearby Dayton, the old Acme paper mill is hanging on, but it is under intense pressure from cheap imports, "
            "said the company's chief executive, John Miller.")
    q = one(extractor, text)
    assert (q.text, q.cue.text) == (text[:text.index(", said")], "said")


def test_a_verb_after_an_apposition_taken_for_a_participle_still_cues(extractor):
    # The parse makes "tweeted" a participle on "Romney", the root.
    text = "Mitt Romney, the 2012 Republican presidential nominee, tweeted in response: “Thug Putin kills journalists and opponents.”"
    q = one(extractor, text)
    assert (q.text, q.cue.text, q.speaker.text) == ("“Thug Putin kills journalists and opponents.”", "tweeted", "Mitt Romney")


def test_retweeted_is_a_cue_whatever_its_lemma(extractor):
    # The small model lemmatises "retweeted" as "retweete".
    q = one(extractor, "The senator retweeted the governor's message about the flood.")
    assert (q.text, q.cue.text, q.speaker.text) == ("the governor's message about the flood", "retweeted", "The senator")


def test_a_title_case_headline_verb_reports_the_rest_of_the_line(extractor):
    text = "Mayor Jane Porter Slams City Budget Plan After Late-Night Vote\n\nThe council met on Monday to vote on the budget."
    q = one(extractor, text)
    assert (q.text, q.cue.text, q.speaker.text) == ("City Budget Plan", "Slams", "Mayor Jane Porter")
    # A plural noun is no verb.
    assert extractor.extract("Geneva Talks on Sudan Aid Corridors End Without a Deal\n\nThe talks ended on Friday.") == []


def test_agree_with_reports_what_is_agreed_with(extractor):
    q = one(extractor, "Most economists agreed with the central bank's decision to raise rates.")
    assert (q.text, q.cue.text, q.speaker.text) == ("the central bank's decision to raise rates", "agreed", "Most economists")


@pytest.mark.parametrize("text, content, platform", [
    ("The mayor announced her endorsement on her Facebook page.", "her endorsement", "Facebook"),
    ('The mayor described the complaints as "noise" in a short video posted on his YouTube channel.',
     'the complaints as "noise"', "YouTube"),
    ("The minister condemned the deal with social media firms to get tougher on offensive speech.",
     "the deal with social media firms to get tougher on offensive speech", None),
])
def test_where_a_statement_was_made_is_not_what_was_said(extractor, text, content, platform):
    q = one(extractor, text)
    assert (q.text, q.platform) == (content, platform)


def test_a_naming_participle_on_a_noun_gives_a_name_not_a_statement(extractor):
    # The parse tags "called" as a past form hung on the noun.
    assert extractor.extract("He and his two sisters joined a resistance movement called the Ethiopian People's Revolutionary Party.") == []
    assert extractor.extract("The attacks were paid for by conservative groups, including one PAC called Stop Hillary.") == []
    # A judgement of someone is still said.
    q = one(extractor, "Much of the ire was directed at Bannon, who Beck on Wednesday called “a horrible, despicable human being.”")
    assert q.cue.text == "called"


def test_a_verb_opening_a_line_before_a_colon_is_a_label(extractor):
    text = "Revealed: Here Are The Conservatives The Establishment Has Blacklisted For Doing THIS.\n\nThe list was long."
    assert extractor.extract(text) == []
    # With its subject it reports.
    q = one(extractor, "Perry revealed: he had blacklisted them for years.")
    assert (q.cue.text, q.speaker.text) == ("revealed", "Perry")


def test_a_quotation_continuing_after_the_cue_takes_no_speaker_from_the_quotation_before(extractor):
    # The parse makes "said" a conjunct of "sitting", whose subject is the
    # "I" of the first quotation.
    text = ("''If Reagan had gone with Kemp, I would have been sitting in Siberia for a long time,'' Mr. Daniloff, "
            "now 81 and retired in Cambridge, Mass., said by telephone this week. ''I've got to tell you about being "
            "arrested and imprisoned - every minute is like a day, every hour is like a year.''")
    quotes = extractor.extract(text)
    assert [q.speaker.text for q in quotes] == ["Mr. Daniloff", "Mr. Daniloff"]


def test_according_to_after_a_conjunction_reports_the_clause_it_opens(extractor):
    text = ("Trump went to that debate, and he will probably go to the debate on December 15th, because, "
            "according to Trump, the media would call him a chicken if he didn't.")
    q = next(q for q in extractor.extract(text) if q.cue.text == "according to")
    assert (q.text, q.speaker.text) == ("the media would call him a chicken if he didn't", "Trump")


def test_a_closing_cue_reports_a_conjunct_that_shares_the_clause_subject(extractor):
    text = ("The agency also met with the director of the film, Michael Bay, and cited a list of concerns about "
            "the contents of the book and movie script, officials said.")
    q = next(q for q in extractor.extract(text) if q.cue.text == "said")
    assert q.text == text[:text.index(", officials said")]
    # A conjunct with a subject of its own is a second report.
    text = "Turnout was high, and more than four in 10 voters said the economy mattered most, officials said."
    q = next(q for q in extractor.extract(text) if q.speaker.text == "officials")
    assert q.text == "Turnout was high"


def test_a_that_clause_the_parse_hung_on_the_frame_noun_is_the_statement(extractor):
    # "said for the first time that ...": the parse made the statement a
    # relative clause on "time", with "that" as its adverb; the parse is
    # given as short sentences are parsed right.
    from spacy.tokens import Doc

    from quotes.cues import following_clause
    words = ["Ruiz", "said", "for", "the", "first", "time", "that", "files", "have", "been", "located", "."]
    heads = [1, 1, 1, 5, 5, 2, 10, 10, 10, 10, 5, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "amod", "pobj", "advmod", "nsubjpass", "aux", "auxpass", "relcl", "punct"]
    pos = ["PROPN", "VERB", "ADP", "DET", "ADJ", "NOUN", "SCONJ", "NOUN", "AUX", "AUX", "VERB", "PUNCT"]
    tags = ["NNP", "VBD", "IN", "DT", "JJ", "NN", "IN", "NNS", "VBP", "VBN", "VBN", "."]
    doc = Doc(extractor.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    start, end = following_clause(doc[1], extractor.lexicon)
    assert doc[start:end].text == "files have been located"
    # A real relative clause, whose "that" is its object, stays the frame's.
    words[7:11] = ["she", "has", "long", "awaited"]
    deps[6:11] = ["dobj", "nsubj", "aux", "advmod", "relcl"]
    pos[6:11] = ["PRON", "PRON", "AUX", "ADV", "VERB"]
    tags[6:11] = ["WDT", "PRP", "VBZ", "RB", "VBN"]
    doc = Doc(extractor.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    assert following_clause(doc[1], extractor.lexicon) is None


@pytest.mark.parametrize("text, content, speaker", [
    ("Trump called Clinton a liar during a rally in Ohio on Monday.", "Clinton a liar", "Trump"),
    ("The senator called Clinton “a world-class liar.”", "Clinton “a world-class liar.”", "The senator"),
])
def test_a_verb_the_parse_read_as_a_reduced_relative_in_a_verbless_sentence_is_the_main_verb(extractor, text, content, speaker):
    # The parse makes the name the root and "called" a participle on it.
    q = record_for_cue(extractor, text, "called")
    assert (q.text, q.speaker.text) == (content, speaker)


@pytest.mark.parametrize("text", [
    "Obama called Naghmeh Abedini, the wife of the jailed pastor, on Sunday.",
    "The Security Council called an emergency session following those reports.",
    "Trump called Cruz after the debate.",
    # The tagger takes the possessive apostrophe for a closing quotation mark.
    "The mayor called the dockworkers’ union on Monday.",
])
def test_a_naming_verb_that_gives_no_name_says_nothing(extractor, text):
    # A telephone call, a convened meeting: "call" with only an object.
    assert [q.cue.text for q in extractor.extract(text)] == []


@pytest.mark.parametrize("text, marks", [
    # The tagger tags these possessive apostrophes as closing marks.
    ("A floor vote on the rules’ passage followed.", []),
    ("The dockworkers’ union struck.", []),
    ("He called the plan ‘a farce’ on Monday.", ["‘", "’"]),
])
def test_a_possessive_apostrophe_is_no_quotation_mark(extractor, text, marks):
    assert [t.text for t in extractor.nlp(text) if is_quote_mark(t)] == marks


@pytest.mark.parametrize("text, content", [
    ("Sanders calls Clinton unqualified.", "Clinton unqualified"),
    ("Trump called him a jerk on Monday.", "him a jerk"),
    ("Trump, who called the notion of man-made global warming a hoax, spoke in Ohio.",
     "the notion of man-made global warming a hoax"),
    ("It was Clinton whom Trump called “a world-class liar.”", "“a world-class liar.”"),
])
def test_a_naming_verb_gives_the_name_however_the_parse_hangs_it(extractor, text, content):
    q = record_for_cue(extractor, text, "called", "calls")
    assert q.text == content


def test_a_naming_participle_on_a_noun_in_a_sentence_with_a_verb_still_names_a_thing(extractor):
    assert extractor.extract("A resistance movement called the Ethiopian People's Party took the capital.") == []


def test_a_date_after_a_promise_is_no_object_before_its_infinitive(extractor):
    q = one(extractor, "The senator promised Tuesday to introduce a bill on drug prices.")
    assert (q.text, q.cue.text, q.speaker.text) == ("to introduce a bill on drug prices", "promised", "The senator")


@pytest.mark.parametrize("text, content", [
    ("The governor speaks at length about her plan for the schools.", "her plan for the schools"),
    ("They were talking to voters about the price of housing.", "the price of housing"),
])
def test_about_hung_on_the_frame_of_a_cue_still_gives_its_statement(extractor, text, content):
    assert one(extractor, text).text == content


@pytest.mark.parametrize("text, content", [
    ("The two parties agreed on creating a panel to review the voting rules.", "creating a panel to review the voting rules"),
    ("Several economists cautioned against reading too much into one month of data.", "reading too much into one month of data"),
    ("The former aide admitted to leaking the memo.", "leaking the memo"),
    ("Lawmakers disagree over how far the reform should go.", "how far the reform should go"),
])
def test_agreeing_on_cautioning_against_and_admitting_to_report_their_object(extractor, text, content):
    assert one(extractor, text).text == content


@pytest.mark.parametrize("text, content", [
    ("The senator hinted at a run for governor next year.", "a run for governor next year"),
    # (Not "... after the game": whether a trailing time phrase belongs to
    # the statement is the learned end model's call.)
    ("The coach lashed out at the referees.", "the referees"),
    ("The bishop spoke against the new law.", "the new law"),
    ("The minister apologized for the delays in the payments.", "the delays in the payments"),
])
def test_hinting_at_lashing_at_speaking_against_and_apologizing_for_report_their_object(extractor, text, content):
    assert one(extractor, text).text == content


@pytest.mark.parametrize("text, content, speaker", [
    ("Super PAC blasts Trump for skipping debate.", "Trump for skipping debate", "Super PAC"),
    ("Merkel talks about a European consensus on migration.", "a European consensus on migration", "Merkel"),
])
def test_a_speech_verb_tagged_as_a_plural_noun_after_a_name_is_the_cue(extractor, text, content, speaker):
    # The tagger takes "blasts", "talks" for plural nouns and leaves the
    # sentence with no verb.
    q = one(extractor, text)
    assert (q.text, q.speaker.text) == (content, speaker)


@pytest.mark.parametrize("text, content", [
    ("The senator renewed her call for an independent inquiry into the contracts.", "an independent inquiry into the contracts"),
    # Nobody is named, or nothing was said.
    ("Calls for an independent inquiry grew louder on Monday.", None),
    ("The mayor made no comment on the ruling.", None),
])
def test_a_speech_noun_with_the_preposition_of_its_verb_reports_its_object(extractor, text, content):
    assert [q.text for q in extractor.extract(text)] == ([content] if content else [])


def test_according_to_inside_a_parenthesis_reports_what_the_parenthesis_holds(extractor):
    text = ("Rural states like Maine (91 percent of voters there were over 30, according to exit polls), "
            "Vermont and Ohio top the list.")
    q = one(extractor, text)
    assert (q.text, q.speaker.text) == ("91 percent of voters there were over 30", "exit polls")


def test_according_to_after_a_report_vouches_for_the_relative_clause_before_it(extractor):
    text = ("His campaign manager, Jeff Weaver, says it is proof the candidate can still close the gap in pledged "
            "delegates, which stood at 263 entering Tuesday's primary, according to the Associated Press.")
    q = next(q for q in extractor.extract(text) if q.cue.text == "according to")
    assert q.text == "which stood at 263 entering Tuesday's primary"


def test_according_to_keeps_a_relative_clause_with_no_report_before_it(extractor):
    text = "Zayada was traveling to mourn his mother, who died four days before the crash, according to the AP."
    q = next(q for q in extractor.extract(text) if q.cue.text == "according to")
    assert q.text.startswith("Zayada was traveling")


def test_a_label_and_colon_before_a_paragraph_of_others_reports_speaks_nothing(extractor):
    text = ("Superdelegates: Clinton is backed by 520 superdelegates compared with 39 who back Sanders, according to "
            "the Associated Press. Sanders supporters have launched petitions calling on superdelegates to back "
            "the will of voters at the convention. \"We want to have a process where voters decide,\" Devine said.")
    quotes = extractor.extract(text)
    assert all(q.cue.text != ":" for q in quotes)
    assert any(q.cue.text == "according to" and q.text.startswith("Clinton is backed") for q in quotes)


def test_a_headline_after_a_name_and_colon_with_one_verb_inside_stays(extractor):
    text = "Trey Gowdy: Benghazi Investigation Helped Reveal Clinton Email Scandal"
    assert any(q.cue.text == ":" for q in extractor.extract(text))


@pytest.mark.parametrize("text, content", [
    ("Sanders says “the wind is at our backs” despite his loss in the Nevada caucuses.",
     "“the wind is at our backs” despite his loss in the Nevada caucuses"),
    ("Cruz said “we have three weeks to go” until the Iowa caucuses.", "“we have three weeks to go” until the Iowa caucuses"),
])
def test_a_quotation_its_cue_introduces_goes_on_with_phrases_on_its_words(extractor, text, content):
    q = one(extractor, text)
    assert (q.type, q.text) == ("mixed", content)


@pytest.mark.parametrize("text, content", [
    ("Clinton said “we will keep fighting” on Monday.", "“we will keep fighting”"),
    ("She wrote “It is time to end his career for good,” and shared a link to her campaign page.",
     "“It is time to end his career for good,”"),
])
def test_a_quotation_its_cue_introduces_keeps_no_time_or_coordinated_clause(extractor, text, content):
    q = next(q for q in extractor.extract(text) if q.text.startswith("“"))
    assert q.text == content


def test_a_quotation_inside_the_cue_s_object_goes_on_with_phrases_on_its_words(extractor):
    q = one(extractor, "Cruz spent the day chiding the media for “the little game” of pitting Republicans against one another.")
    assert (q.type, q.text) == ("mixed", "the media for “the little game” of pitting Republicans against one another")


def test_a_quotation_ending_a_clause_whose_subject_follows_the_cue_is_a_mixed_statement(extractor):
    text = ("Trump said Carson is “losing strength because of questions about his autobiography. "
            "Some of his support appears to be moving to Cruz.”")
    q = one(extractor, text)
    assert (q.type, q.text[:16]) == ("mixed", "Carson is “losin")


def test_a_quotation_in_the_clause_of_a_statement_noun_is_its_content(extractor):
    text = ("Albright fanned controversy earlier this year over her remark that “there’s a special place "
            "in hell for women who don’t help each other.”")
    [q] = extractor.extract(text)
    assert q.text == "“there’s a special place in hell for women who don’t help each other.”"
    assert q.cue.text == "remark"
    assert q.speaker.text == "her"


@pytest.mark.parametrize("text, cue", [
    ('Iowa State University\'s Dianne Bystrom agreed. "Mainstream Republicans are running out of time to find '
     'an alternative to Trump or Cruz."', "agreed"),
    ("Sam Lau, the party's communications director, said in a statement. “There are no paper ballots to recount. "
     "Monday’s caucuses were a unique event.”", "said"),
])
def test_a_quotation_after_a_sentence_whose_cue_reports_nothing_is_its_statement(extractor, text, cue):
    [q] = extractor.extract(text)
    assert q.type == "direct" and q.cue.text == cue and q.speaker is not None


def test_a_name_in_quotation_marks_after_a_bare_cue_is_no_statement(extractor):
    assert [q.text for q in extractor.extract("Western Journalism reported. ‘Stickerboy’ was there.") if "Stickerboy" in q.text] == []


def test_a_sentence_quoted_after_a_comma_is_said_by_the_subject_of_the_clause_before(extractor):
    text = ("Filippo Grandi, the UN refugee chief, reacted skeptically to the EU-Turkey deal, “[I am] concerned about "
            "any agreement that involves blanket return of all individuals from one country to another.”")
    [q] = extractor.extract(text)
    assert (q.type, q.cue.text, q.speaker.text) == ("direct", "reacted", "Filippo Grandi")


@pytest.mark.parametrize("text", [
    "Trump said on ABC's “This Week.”",
    "“I never said that,” Cuban said in an interview airing Sunday on “Meet the Press.”",
    "The Huffington Post spoke with Teachout on the latest episode of its politics podcast “So, That Happened.”",
])
def test_a_show_named_at_the_end_of_a_sentence_is_no_quote(extractor, text):
    # American style sets the sentence's full stop inside the marks: the
    # title after a preposition, a possessive or a noun is still a name.
    assert all("This Week" not in q.text and "Meet the Press" not in q.text and "That Happened" not in q.text
               for q in extractor.extract(text))


@pytest.mark.parametrize("text, quote", [
    ("About 200 protesters were chanting “Dump Trump.”", "“Dump Trump.”"),
    ('Priorities USA emailed a link to the video with one sentence: "THIS IS NOT OK."', '"THIS IS NOT OK."'),
    ('"GROWING PARTY," he declared in a tweet after the primary.', '"GROWING PARTY,"'),
])
def test_a_sentence_or_a_shout_in_capitals_is_still_a_quote(extractor, text, quote):
    assert quote in [q.text for q in extractor.extract(text)]


def test_a_title_after_a_participle_and_a_comma_is_said_by_nobody(extractor):
    text = ("Former Obama speechwriter Jon Favreau published a column in The Daily Beast, entitled, "
            "“Why Electing Hillary in 2016 is More Important Than Electing Obama in 2008.”")
    assert extractor.extract(text) == []


def test_an_invisible_direction_mark_before_a_reversed_opening_mark_still_opens_the_quotation():
    text = "Palin’s post resonated.\n\n\u202a”Sorry Sarah, you should have said it, because I know you can handle a gun!!” posted Sharon Geyer."
    [q] = find_quotations(text)
    assert text[q.start:q.end].startswith("”Sorry Sarah") and text[q.start:q.end].endswith("gun!!”")


@pytest.mark.parametrize("text, content, cue", [
    ("The tweet was a dig at Trump’s statement earlier this year that women who seek out abortions should be punished.",
     "women who seek out abortions should be punished", "statement"),
    ("Clinton offered her firmest promise yet that she would not allow the accord to pass.",
     "she would not allow the accord to pass", "promise"),
])
def test_a_statement_noun_keeps_its_that_clause_across_a_time_or_adverb(extractor, text, content, cue):
    [q] = extractor.extract(text)
    assert (q.text, q.cue.text) == (content, cue)


@pytest.mark.parametrize("note", [
    "Editor’s note: Donald Trump is a serial liar who has repeatedly pledged to ban all Muslims from entering the U.S.",
    "Correction: An earlier version of this story said that Wynn intended to become a delegate.",
    "This story has been updated to note that Carson posted the syllabus on his Facebook page.",
])
def test_the_outlets_note_on_its_article_reports_nothing(extractor, note):
    text = f"Smith said the plan would fail.\n{note}"
    assert [q.text for q in extractor.extract(text)] == ["the plan would fail"]


def test_a_hard_wrapped_note_is_a_note_to_its_sentences_end(extractor):
    # Lines cut mid-sentence belong to the note; the line after its full
    # stop is the article again.
    text = ("Smith said the plan would fail.\nEditor’s note: Donald Trump regularly\nincites\npolitical violence and "
            "has\nrepeatedly pledged to ban all Muslims — 1.6 billion members of an entire religion — from\n"
            "entering the U.S.\nJones said the vote would be close.")
    assert [q.text for q in extractor.extract(text)] == ["the plan would fail", "the vote would be close"]


def test_a_finite_verb_joined_to_an_infinitive_statement_is_what_the_speaker_did(extractor):
    text = ("Mr. Rubio and Senator Ted Cruz urged the rest of the party to coalesce around their campaigns "
            "and tried to make the case that the nominating fight was still in its early stages.")
    [q] = extractor.extract(text)
    assert (q.text, q.cue.text) == ("the rest of the party to coalesce around their campaigns", "urged")


@pytest.mark.parametrize("text, cue, speaker", [
    ("Although there is no such overlap with Sanders's team, a White House official who spoke anonymously to discuss "
     "internal strategy said Wednesday, \"Certainly there are discussions between the White House and the campaign.\"",
     "said", "a White House official"),
    ("Sanders, meanwhile, who sits at zero such endorsements, said that fact speaks volumes about the race.",
     "said", "Sanders"),
])
def test_a_relative_clause_just_before_a_verb_without_subject_describes_its_speaker(extractor, text, cue, speaker):
    q = next(q for q in extractor.extract(text) if q.cue.text == cue)
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize("text, speaker", [
    ("She was adamant that she and the company keep the upper hand, telling Keyworth they wouldn't "
     "\"have to make the first move.\"", "She"),
    ("The mayor was certain that the council would back down, telling reporters the vote was a formality.", "The mayor"),
])
def test_a_participle_after_a_finite_that_clause_is_said_by_the_main_subject(extractor, text, speaker):
    [q] = extractor.extract(text)
    assert q.cue.text == "telling" and q.speaker.text == speaker


@pytest.mark.parametrize("text, speaker", [
    ("Last June, Trump stirred controversy with an assertion that the migrants crossing the border are largely criminals.",
     "Trump"),
    ("Mr. Putin also veered close to an admission that Russian soldiers had fought in eastern Ukraine.", "Mr. Putin"),
    # Who investigates a complaint did not make it.
    ("The Commerce Department began investigating complaints that Ukraine had illegally dumped steel.", None),
])
def test_a_statement_noun_without_owner_belongs_to_the_subject_that_makes_it(extractor, text, speaker):
    [q] = extractor.extract(text)
    assert (q.speaker.text if q.speaker else None) == speaker


@pytest.mark.parametrize("text, speaker", [
    ("Clinton seemed to be ready to riff on the incident in Iowa, telling the crowd, “Some people get a little carried "
     "away, have you noticed that?”", "Clinton"),
    ("It was at the conference that Swanson delivered his tirade in a convoluted speech, pointing to the author's "
     "revelation that she always thought of the wizard as a gay man.", "Swanson"),
])
def test_a_participle_set_off_after_a_clause_is_said_by_its_subject_whatever_the_parse(extractor, text, speaker):
    [q] = extractor.extract(text)
    assert q.speaker is not None and q.speaker.text == speaker


def test_a_participle_climbing_to_a_thing_is_said_by_the_speaker_of_the_clause_before_it(extractor):
    text = ("The first incident came during a speech at the State University of New York at Purchase, when Sanders "
            "protesters interrupted her speech, shouting “she wins, we lose!”")
    [q] = extractor.extract(text)
    assert (q.cue.text, q.speaker.text) == ("shouting", "Sanders protesters")


@pytest.mark.parametrize("text, speaker", [
    ("The conversation ended with Maddow asking Clinton pointedly whether she would consider a woman as a running mate.",
     "Maddow"),
    ("The focus on national security following the Paris attacks has created a natural opening for Clinton to highlight "
     "her experience as secretary of State.", "Clinton"),
    # "with" on a noun: the reports detail, not the commission.
    ("The candidates have to file reports with the Federal Election Commission detailing their finances.", "The candidates"),
])
def test_the_noun_after_with_or_for_is_the_subject_of_the_verb_after_it(extractor, text, speaker):
    [q] = extractor.extract(text)
    assert q.speaker.text == speaker


@pytest.mark.parametrize("text, speaker", [
    ("And it wasn’t a one-off or an accident — Brendan Buck, a spokesman for Ryan, told POLITICO that the House speaker "
     "gave Priebus a heads up about his declaration.", "Brendan Buck"),
    ("It is important to note that the council was warned.", None),
])
def test_a_verb_coordinated_with_the_writers_remark_keeps_the_name_before_it(extractor, text, speaker):
    [q] = extractor.extract(text)
    assert (q.speaker.text if q.speaker else None) == speaker


@pytest.mark.parametrize("text, cue, speaker", [
    ("Rubio pushed back on those claims Thursday, saying that the bill had the correct security components but was "
     "waylaid by voter mistrust - and arguing that he and Cruz shared \"almost all the same views on immigration.\"",
     "arguing", "Rubio"),
    ("For months, Cruz had effusively praised Trump, stating there was a benefit to having the New Yorker in the race "
     "and chiding the media for \"the little game\" of pitting Republicans against one another.", "chiding", "Cruz"),
])
def test_a_second_participle_goes_with_the_first_whatever_verb_the_parse_coordinated_it_with(extractor, text, cue, speaker):
    q = next(q for q in extractor.extract(text) if q.cue.text == cue)
    assert q.speaker is not None and q.speaker.text == speaker


def test_a_verb_the_cue_climbs_to_may_have_lost_its_subject_too(extractor):
    text = ("At a June Trump campaign event in St. Clairsville, Ohio, 62-year-old Brenda Johnson also railed against "
            "immigrants, and explained how much it upset her to hear them speak in other languages.")
    q = next(q for q in extractor.extract(text) if q.cue.text == "explained")
    assert q.speaker is not None and q.speaker.text == "62-year-old Brenda Johnson"


@pytest.mark.parametrize("text, speaker", [
    ("Just shy of half, 49%, say the \"sharing economy\" reflects an improvement on the American economy.", "49%"),
    ("In the poll, 42% of Ohioans say they don't know enough about the Republican to have an opinion.", "42% of Ohioans"),
])
def test_a_share_written_with_a_percent_sign_speaks(extractor, text, speaker):
    [q] = extractor.extract(text)
    assert q.speaker is not None and q.speaker.text == speaker


def test_an_aside_speaker_the_parse_took_for_an_appositive_of_the_subject(extractor):
    text = "Clinton, a top aide said, “is very confident, very confident in the contrast” between her and Trump."
    [q] = extractor.extract(text)
    assert (q.cue.text, q.speaker.text) == ("said", "a top aide")


@pytest.mark.parametrize("text, speaker", [
    ("And Skelly called Braynard “a real smart guy.”", "Skelly"),
    ("Less than a third agreed with the President that Britain would have to wait its turn, while 13 percent were unsure.",
     "Less than a third"),
])
def test_a_past_tense_tagged_as_a_participle_still_has_the_name_before_it(extractor, text, speaker):
    [q] = extractor.extract(text)
    assert q.speaker is not None and q.speaker.text == speaker


def test_a_dateline_the_parse_took_for_the_subject_does_not_speak(extractor):
    text = ("PHILADELPHIA ― Felicia Sanders and Polly Sheppard, two of the three people who survived a shooting at the "
            "Mother Emanuel Church in Charleston last year, made an impassioned call for love and racial unity on Wednesday.")
    [q] = extractor.extract(text)
    assert q.speaker.text == "Felicia Sanders and Polly Sheppard"


@pytest.mark.parametrize("text, content", [
    ("Though he mathematically has no shot at winning the nomination outright, John Kasich appears to have the best odds "
     "of beating Hillary Clinton in a general election fight, according to three recent polls.",
     "John Kasich appears to have the best odds of beating Hillary Clinton in a general election fight"),
    ("Despite a month of sharpened attacks, Senator Bernie Sanders has failed to dent Hillary Clinton's lead in the race, "
     "according to a New York Times survey released on Thursday.",
     "Senator Bernie Sanders has failed to dent Hillary Clinton's lead in the race"),
    ("Though the polls show a tie, the race is still hers to lose, the strategist said.", "the race is still hers to lose"),
])
def test_a_concession_opening_a_statement_closed_by_its_attribution_is_left_out(extractor, text, content):
    assert [q.text for q in extractor.extract(text)] == [content]


@pytest.mark.parametrize("text, content", [
    ("Still, almost two in three voters now view Trump favorably, according to a Gallup poll taken last week.",
     "almost two in three voters now view Trump favorably"),
    ("Still, he said, officials have to decide who gets extra scrutiny.", "officials have to decide who gets extra scrutiny"),
    ("In fact, neither tax plan would have any major impact on the middle class, analysts say.",
     "neither tax plan would have any major impact on the middle class"),
])
def test_a_connective_opening_a_statement_is_left_out(extractor, text, content):
    assert [q.text for q in extractor.extract(text)] == [content]


@pytest.mark.parametrize("text, content, cue", [
    ("''We've started all those conversations,'' Mr. Manafort said, adding of Mr. Trump, ''He cares about the united team.''",
     "of Mr. Trump, ''He cares about the united team.''", "adding"),
    ("“We had written two dozen songs before we got with [Danger Mouse],” Kiedis said, mentioning the long-awaited album "
     "is “in the home stretch.”", "the long-awaited album is “in the home stretch.”", "mentioning"),
])
def test_a_participle_opening_the_clause_the_parse_gave_the_cue_is_its_cue(extractor, text, content, cue):
    quotes = extractor.extract(text)
    assert [(q.text, q.cue.text) for q in quotes][1:] == [(content, cue)]
    assert quotes[0].cue.text == "said" and quotes[1].speaker.text == quotes[0].speaker.text


def test_a_word_or_two_quoted_inside_the_next_sentence_does_not_go_on_with_the_quote_before(extractor):
    text = "“We are not worried,” the aide said. Trump last week invited Russia to dig up thousands of “missing” emails."
    assert [q.text for q in extractor.extract(text)] == ["“We are not worried,”"]
    # A quotation opening the next sentence still does.
    text = "“We are not worried,” the aide said. “It will pass.”"
    assert [(q.text, q.cue.text) for q in extractor.extract(text)] == [("“We are not worried,”", "said"), ("“It will pass.”", "said")]


@pytest.mark.parametrize("text, quote, cue, speaker", [
    ('"Apparently there\'s a young man who\'s having some problems," Cruz said as the heckler yelled: "You suck!"',
     '"You suck!"', "yelled", "the heckler"),
    ("Trump joked that Brooklyn was his answer, but went on to say, “There are places in America that are among the most "
     "dangerous in the world.”", "“There are places in America that are among the most dangerous in the world.”", "say", "Trump"),
])
def test_the_speech_verb_a_quotation_follows_at_once_introduces_it(extractor, text, quote, cue, speaker):
    q = next(q for q in extractor.extract(text) if q.text == quote)
    assert (q.cue.text, q.speaker.text) == (cue, speaker)


def test_a_sentence_quoted_right_after_a_speech_verb_is_its_even_where_the_parse_tears_it_apart(extractor):
    # The parse makes "yelled" a modifier of "man" and "Stay" a verb of the
    # sentence's own; no colon or comma stands between.
    text = "Some in the crowd booed, and when Rubio thanked Miami, a man yelled “Stay there!”"
    q = next(q for q in extractor.extract(text) if q.text == "“Stay there!”")
    assert (q.type, q.cue.text, q.speaker.text) == ("direct", "yelled", "a man")


@pytest.mark.parametrize("text", [
    "Critics warned “grave consequences” would follow.",  # a phrase, not a sentence
    "The project was called “A Bridge Too Far.”",  # a naming verb names, says nothing
])
def test_a_phrase_quoted_right_after_a_verb_is_not_taken_for_an_utterance(extractor, text):
    from quotes.attribution import _introducing_verb

    doc = extractor.nlp(text)
    first = next(t for t in doc if t.text == "“")
    assert _introducing_verb(doc, first, extractor.lexicon, lambda tok: True) is None


def test_a_quotation_inside_an_opening_participle_is_the_participle_s(extractor):
    text = "The senator, citing “the unique magic of Trump,” said the candidate could win Pennsylvania."
    assert [(q.text, q.cue.text, q.speaker.text) for q in extractor.extract(text)] == [
        ("“the unique magic of Trump,”", "citing", "The senator"), ("the candidate could win Pennsylvania", "said", "The senator")]


@pytest.mark.parametrize("text, content, speaker", [
    ("Germany’s Chancellor Angela Merkel heralded the European Union’s deal with Turkey as a “breakthrough.”",
     "the European Union’s deal with Turkey as a “breakthrough.”", "Germany’s Chancellor Angela Merkel"),
    ("Trump, who has postured himself as the “law and order candidate,” has taken a hardline stance.",
     "himself as the “law and order candidate,”", "who"),
    ("Yildirim's LinkedIn page lists him as \"Executive Director at Harmony Enterprises.\"",
     "him as \"Executive Director at Harmony Enterprises.\"", "Yildirim's LinkedIn page"),
])
def test_a_quotation_after_as_is_the_name_the_verb_before_gives(extractor, text, content, speaker):
    [q] = extractor.extract(text)
    assert (q.text, q.type, q.speaker.text) == (content, "mixed", speaker)


@pytest.mark.parametrize("text", [
    "Mediators shuttled between them in a format known as « proximity talks ».",
    "Officials searched their records for words such as \"ambassador\" and \"attack.\"",
    "Republicans got behind an immigration overhaul, as the “autopsy” recommended, and watched it pass the Senate.",
])
def test_a_quotation_after_as_that_nobody_names_is_no_statement(extractor, text):
    assert extractor.extract(text) == []


@pytest.mark.parametrize("text", [
    "Nobody opposed him — he was confirmed 92 to 0.",
    "CPAC is conducting a straw poll of candidates, the results of which will be announced on Saturday afternoon.",
])
def test_a_passive_verb_with_its_own_subject_does_not_report_the_clause_before(extractor, text):
    assert [q.text for q in extractor.extract(text)] == []


@pytest.mark.parametrize("text, content, speaker", [
    ("Ted Nordhaus, co-founder of the Breakthrough Institute, welcomed \"the recognition that we do not, in fact, have "
     "all the technology we need to achieve deep reductions in emissions.\"",
     "\"the recognition that we do not, in fact, have all the technology we need to achieve deep reductions in emissions.\"",
     "Ted Nordhaus"),
    ("Then came another tweet, followed by one in which he took credit for \"being right on radical Islamic terrorism.\"",
     "credit for \"being right on radical Islamic terrorism.\"", "he"),
])
def test_a_long_quotation_no_cue_claims_is_said_by_the_subject_of_the_verb_above_it(extractor, text, content, speaker):
    [q] = extractor.extract(text)
    assert (q.text, q.speaker.text) == (content, speaker)


@pytest.mark.parametrize("text", [
    "Jon Favreau published a column in The Daily Beast, entitled, “Why Electing Hillary Is More Important Than Anything Else We Do.”",
    "He runs a website with headlines such as “Birth control makes women unattractive and crazy.”",
])
def test_a_long_quotation_that_names_or_shows_something_is_no_statement(extractor, text):
    assert extractor.extract(text) == []


def test_a_possessive_tagged_as_a_closing_mark_opens_no_quotation(extractor):
    # "Trump’s excesses are sickening, Hollande said, noting ...": the
    # tagger may tag "’s" as a closing quotation mark; the participle's
    # speaker before the comma is still outside any quotation.
    from quotes.reports import _subject_before_participle
    doc = hand_parse(extractor, """
        0  Trump     2  poss  PROPN NNP
        1  ’s        0  case  PART  ''
        2  excesses  4  nsubj NOUN  NNS
        3  are       4  aux   AUX   VBP
        4  sickening 7  ccomp VERB  VBG
        5  ,         7  punct PUNCT ,
        6  Hollande  7  nsubj PROPN NNP
        7  said      7  ROOT  VERB  VBD
        8  ,         7  punct PUNCT ,
        9  noting    12 csubj VERB  VBG
        10 the       11 det   DET   DT
        11 nominee   9  dobj  NOUN  NN
        12 makes     7  advcl VERB  VBZ
        13 things    12 dobj  NOUN  NNS
        14 .         7  punct PUNCT .
    """)
    assert _subject_before_participle(doc[9], extractor.lexicon).text == "Hollande"


def test_a_name_before_a_parenthesis_and_an_aside_speaks_for_a_verb_without_subject(extractor):
    # "Sen. Richard J. Durbin (D-Ill.), noting ..., said": the parse made the
    # aside the main clause and left "said" with no subject.
    from quotes.speakers import subject_of
    doc = hand_parse(extractor, """
        0  Sen.    3  compound  PROPN NNP
        1  Richard 3  compound  PROPN NNP
        2  J.      3  compound  PROPN NNP
        3  Durbin  10 nsubj     PROPN NNP
        4  (       3  punct     PUNCT -LRB-
        5  D       7  compound  PROPN NNP
        6  -       5  punct     PUNCT HYPH
        7  Ill.    3  appos     PROPN NNP
        8  )       3  punct     PUNCT -RRB-
        9  ,       3  punct     PUNCT ,
        10 noting  10 ROOT      VERB  VBG
        11 the     12 det       DET   DT
        12 size    10 dobj      NOUN  NN
        13 ,       10 punct     PUNCT ,
        14 said    10 parataxis VERB  VBD
        15 he      16 nsubj     PRON  PRP
        16 won     14 ccomp     VERB  VBD
        17 .       10 punct     PUNCT .
    """)
    assert subject_of(doc[14], extractor.lexicon).text == "Durbin"


def test_a_participle_opening_the_sentence_is_said_by_the_subject_after_its_comma(extractor):
    # "Noting that ..., Trump reminded Americans ...": the parse made the
    # participle the root and ran its clause on into the main one.
    from quotes.reports import report_of
    doc = hand_parse(extractor, """
        0 Noting    0 ROOT  VERB  VBG
        1 that      4 mark  SCONJ IN
        2 the       3 det   DET   DT
        3 policy    4 nsubj NOUN  NN
        4 failed    0 ccomp VERB  VBD
        5 ,         4 punct PUNCT ,
        6 Trump     7 nsubj PROPN NNP
        7 reminded  8 amod  VERB  VBD
        8 Americans 4 attr  PROPN NNPS
        9 .         0 punct PUNCT .
    """)
    rep = report_of(doc[0], extractor.lexicon)
    assert rep.speaker.text == "Trump"
    assert doc[rep.content[0]:rep.content[1]].text == "the policy failed"


@pytest.mark.parametrize("text, speaker", [
    ("Planes flew over the parade. “America is great! Trump is disgusting,” read one.", "one"),
    ('"In writing her speech, her team took notes on her life, and in some instances included fragments that '
     'reflected her own thinking," read the statement, which was attributed to Miller.', "the statement"),
])
def test_what_a_past_read_after_a_quotation_names_wrote_it(extractor, text, speaker):
    # The tagger takes a past "read" for a base form; the parse may also
    # coordinate it with a verb of the quotation.
    q = record_for_cue(extractor, text, "read")
    assert q.speaker is not None and q.speaker.text == speaker


@pytest.mark.parametrize("text", [
    "Ted Cruz, when asked specifically what about Trump’s vision for the country is wrong, responded that the "
    "businessman “is right about the problems, but his solutions don’t work.”",
    "“Jobs, jobs, jobs,” Mrs. Clinton said on “The Late Show” last month when asked what Mr. Clinton would do in the "
    "White House.",
])
def test_who_is_asked_after_when_does_not_ask(extractor, text):
    # However the parse hangs "when asked", the name before it is asked.
    quotes = extractor.extract(text)
    asked = [q for q in quotes if q.cue is not None and q.cue.text == "asked"]
    assert asked and all(q.speaker is None for q in asked)


def test_with_names_all_doing_a_participle_the_parse_made_an_appositive(extractor):
    # The parse hung "all calling for ..." on the first name as an appositive.
    text = ("The 2016 Republican field is split, though, with Donald Trump, Mike Huckabee and Chris Christie all calling "
            "for a strong ethanol blending rule, while the pro-ethanol groups American Renewable Future have knocked "
            "Marco Rubio, Jeb Bush, Carly Fiorina and John Kasich as having inconsistent or undefined stances on the "
            "program.")
    q = record_for_cue(extractor, text, "calling")
    assert q.speaker is not None and "Donald Trump" in q.speaker.text


@pytest.mark.parametrize("text, cue, start", [
    ("The rejection of the party’s received wisdom was complete when Trump in his announcement speech called "
     "undocumented immigrants from Mexico “rapists” (although he allowed that some might be good people) and promised "
     "to build a wall along the southern border.", "promised", "Trump"),
    ("He has also fulminated against plans by the company that owns Nabisco to shift some production to Mexico - "
     "''I love Oreos,'' he said, ''I will never eat them again'' - and vowed to impose a punishing tariff on imports of "
     "Fords.", "vowed", "He"),
])
def test_a_verb_after_an_aside_is_said_by_the_subject_before_it(extractor, text, cue, start):
    # The parse coordinated the verb after the parenthesis or the dashes
    # with the aside's own verb.
    q = record_for_cue(extractor, text, cue)
    assert q.speaker is not None and q.speaker.start == text.index(start)


def test_a_participle_after_made_it_clear_that_goes_with_the_main_subject(extractor):
    # The parse took the that-clause for an adverbial one on "clear".
    text = ("WASHINGTON — Presumptive Democratic nominee Hillary Clinton made it clear to House Democrats on Wednesday "
            "that she has their backs, touting a message of unity and coordination.")
    q = record_for_cue(extractor, text, "touting")
    assert q.speaker is not None and q.speaker.text.endswith("Hillary Clinton")


def test_an_object_driven_to_an_infinitive_the_parse_took_for_purpose_speaks(extractor):
    # "drove X to demand": the parse hung the infinitive on the verb as an
    # adverbial clause, and the first "of" on the number.
    text = ("Nagorno-Karabakh, a predominantly Armenian ethnic exclave, drove hundreds of thousands of Nagorno-Karabakh "
            "Armenians to demand a referendum to secede from Azerbaijan in 1988 and unite with Armenia.")
    q = record_for_cue(extractor, text, "demand")
    assert q.speaker is not None and q.speaker.text.endswith("Armenians")


def test_who_hung_on_an_auxiliary_is_the_mention_of_its_relative_clause(extractor):
    # The parse hung "who" on "is"; the mention is "who", as annotators
    # mark it, resolved to the name it follows.
    text = ("That could provide a strong argument against drastic change, especially for the elder Mr. Murdoch, who is "
            "by all accounts enjoying his new role running the network and is saying he won't rush into picking a "
            "successor to Mr. Ailes.")
    q = record_for_cue(extractor, text, "saying")
    assert q.speaker.text == "who" and q.speaker.name == "Murdoch"


def test_who_revises_a_statement_speaks_for_its_participle(extractor):
    text = ("Clinton gave a different account. Later in the summer, she revised her statement explaining that she had "
            "not sent or received emails that were “marked classified at the time.”")
    q = record_for_cue(extractor, text, "explaining")
    assert q.speaker.text == "she"


def test_a_participle_after_an_attribution_the_parse_embedded_goes_with_it(extractor):
    # The parse made "Lewandowski added" a clause of "say"; the verb after
    # the quotation reports, and its participle is its speaker's.
    text = ('Comey cannot say that “from his perspective,” Lewandowski added, saying it should be “up to the prosecutor '
            'to move forward or not.”')
    q = record_for_cue(extractor, text, "saying")
    assert q.speaker.text == "Lewandowski"


@pytest.mark.parametrize("before", [[], [","], ["—"], ["--"]], ids=["sentence-start", "comma", "em-dash", "double-hyphen"])
def test_the_name_the_parse_made_the_object_of_as_says_as_it_put_it(extractor, before):
    # "As Akhil Amar, professor ..., put it, ...": the parse took the
    # subject of the "as" clause for the object of "as", at a sentence's
    # start or after a comma or any dash.
    from spacy.tokens import Doc

    from quotes.speakers import subject_of
    words = before + ["As", "Akhil", "Amar", ",", "professor", ",", "put", "it", ",", "Senate", "Republicans", "should",
                      "remember", "."]
    n = len(before)
    heads = [n + 12] * n + [n + h for h in (6, 2, 0, 2, 2, 2, 12, 6, 12, 10, 12, 12, 12, 12)]
    deps = ["punct"] * n + ["mark", "compound", "pobj", "punct", "appos", "punct", "advcl", "dobj", "punct", "compound",
                            "nsubj", "aux", "ROOT", "punct"]
    pos = ["PUNCT"] * n + ["SCONJ", "PROPN", "PROPN", "PUNCT", "NOUN", "PUNCT", "VERB", "PRON", "PUNCT", "PROPN", "PROPN",
                           "AUX", "VERB", "PUNCT"]
    tags = [":"] * n + ["IN", "NNP", "NNP", ",", "NN", ",", "VB", "PRP", ",", "NNP", "NNPS", "MD", "VB", "."]
    doc = Doc(extractor.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)
    assert subject_of(doc[n + 6], extractor.lexicon).text == "Amar"


@pytest.mark.parametrize("text, cue, speaker", [
    # The parse coordinated the second clause's subject with the first
    # clause's object and left the second verb with no subject.
    pytest.param("Over the past two weeks, prosecutors charged the officer with murder and Emanuel fired his police "
                 "chief, acknowledging that significant segments of the city have lost trust in the force.",
                 "acknowledging", "Emanuel", id="noun-coordinated-with-an-object"),
    pytest.param("If you don’t believe your federal government, the Washington Post will brand you a liar and NBC News "
                 "will accuse you of engaging in a “freak out.”", "accuse", "NBC News", id="noun-coordinated-with-an-object-2"),
    pytest.param("On his way out of the campaign, Mr. Bush - in a line that seemed squarely directed at Mr. Trump's "
                 "divisive brand of politics - declared that a president must tend to all corners of the country.",
                 "declared", "Mr. Bush", id="name-before-a-pair-of-dashes"),
    pytest.param("It’s been extremely common for news accounts to portray Donald Trump’s candidacy as a “working-class” "
                 "rebellion against Republican elites.", "portray", "news accounts", id="for-object-after-an-adjective"),
    pytest.param('The Washington Post recently ran a piece that noted his "health care plan would benefit affluent '
                 'households more than it would poorer ones."', "noted", "The Washington Post", id="who-runs-a-piece"),
    # An empty "there" or a passive with no agent names nobody who made or
    # holds the thing.
    pytest.param("In a similar vein, there is anecdotal evidence suggesting that African-Americans are more likely to use "
                 "the economy's recent low point as the base line for their judgment.", "suggesting",
                 "anecdotal evidence", id="a-thing-nobody-holds"),
    pytest.param("Guests are given color-coded, timed tickets telling them when to join the queue.", "telling",
                 "color-coded, timed tickets", id="a-thing-nobody-holds-2"),
    pytest.param("Despite growing up during the worst downturn since the Great Depression -- and coming of age at a time "
                 "of wage stagnation and widening income inequality -- more than two-thirds of those in the nation's "
                 "rising generation predict they will be more successful in their professional lives than their "
                 "parents were.", "predict", "more than two-thirds of those in the nation's rising generation",
                 id="a-share-of-people"),
    pytest.param("Among likely GOP primary voters, about two-thirds, 67 percent, say they will vote for Trump.", "say",
                 "about two-thirds, 67 percent", id="a-share-of-people-2"),
    # A name the parse hung on the verb itself speaks before any clause above.
    pytest.param("When someone in the audience shouted, “Cruz,” Beck joked, again using an exaggerated Southern accent, "
                 "“Amen, brother! Come on up and get baptized!”", "joked", "Beck", id="name-as-a-compound"),
    pytest.param("While Will acknowledges Trump’s appeal as a “forceful persona,” he sees Christie as sharing this "
                 "characteristic.", "acknowledges", "Will", id="name-as-a-modal"),
    # The parse made the first clause a complement of the subjectless
    # "says"; the name inside it before the comma is no speaker.
    pytest.param("Kasich jokingly offered the man a job as Secretary of Defense, then says he’ll welcome advice for "
                 "anyone who wants to talk to or yell at him if elected.", "says", "Kasich",
                 id="leading-clause-in-another-tense"),
    # A day is neither the speaker nor part of the mention.
    pytest.param("Much of Beck’s ire was also directed at Bannon, who Beck on Wednesday called “a horrible, despicable "
                 "human being.”", "called", "Beck", id="not-a-day"),
    pytest.param("The Sanders campaign on Monday accused Clinton of hypocrisy.", "accused", "The Sanders campaign",
                 id="mention-without-its-day"),
    # A participle after a verb set off by a mere comma is not said by
    # the verb's object.
    pytest.param("On Sunday, Pastor Bradley Cranston stood at his pulpit in Burlington, Iowa, and, citing Exodus 18:21 "
                 "(''select out of all the people able men who fear God ... as leaders''), endorsed Senator Ted Cruz "
                 "of Texas, urging his parishioners to also consider voting for him.", "urging",
                 "Pastor Bradley Cranston", id="participle-not-said-by-the-object"),
])
def test_the_speaker_the_parse_hides(extractor, text, cue, speaker):
    q = record_for_cue(extractor, text, cue)
    assert q.speaker is not None and q.speaker.text == speaker


def test_a_verb_of_a_list_hung_on_an_opening_participle_takes_the_subject_before_it(extractor):
    # "Hastily politicizing the tragedy ..., Trump cast the blame ..., and
    # emphasized ...": the parse hung both verbs on the participle.
    from quotes.speakers import subject_of
    doc = hand_parse(extractor, """
        0  Politicizing 0  ROOT  VERB  VBG
        1  the          2  det   DET   DT
        2  tragedy      0  dobj  NOUN  NN
        3  ,            0  punct PUNCT ,
        4  Trump        5  nsubj PROPN NNP
        5  cast         0  conj  VERB  VBD
        6  the          7  det   DET   DT
        7  blame        5  dobj  NOUN  NN
        8  ,            5  punct PUNCT ,
        9  and          0  cc    CCONJ CC
        10 emphasized   0  conj  VERB  VBD
        11 the          12 det   DET   DT
        12 threat       10 dobj  NOUN  NN
        13 .            0  punct PUNCT .
    """)
    assert subject_of(doc[10], extractor.lexicon).text == "Trump"


def test_a_perfect_verb_after_a_participle_aside_is_said_by_the_name_before_it(extractor):
    from quotes.speakers import subject_to_the_left
    doc = hand_parse(extractor, """
        0  after 10 prep     ADP   IN
        1  Mr.   2  compound PROPN NNP
        2  Trump 0  pobj     PROPN NNP
        3  ,     10 punct    PUNCT ,
        4  asked 10 advcl    VERB  VBD
        5  about 4  prep     ADP   IN
        6  Mr.   7  compound PROPN NNP
        7  Putin 5  pobj     PROPN NNP
        8  ,     10 punct    PUNCT ,
        9  had   10 aux      AUX   VBD
        10 said  10 ROOT     VERB  VBN
        11 ,     10 punct    PUNCT ,
        12 yes   10 intj     INTJ  UH
        13 .     10 punct    PUNCT .
    """)
    assert subject_to_the_left(doc[10], extractor.lexicon).text == "Trump"


def test_the_second_clauses_subject_the_parse_coordinated_with_the_first_speaks(extractor):
    text = ("In the days before Trump's scheduled appearance at AIPAC, a group of rabbis called for a boycott of his "
            "speech, and the prominent Jewish civil rights organization the Anti-Defamation League strongly denounced "
            "Trump's rhetoric and said it would \"redirect\" all of his past donations to the league.")
    q = record_for_cue(extractor, text, "denounced")
    assert q.speaker.text.endswith("the Anti-Defamation League")


def test_a_subject_before_a_quoted_title_the_parse_made_a_second_subject_speaks(extractor):
    from quotes.speakers import subject_of
    doc = hand_parse(extractor, """
        0  Washington 10 nsubj PROPN NNP
        1  ,          0  punct PUNCT ,
        2  star       0  appos NOUN  NN
        3  of         2  prep  ADP   IN
        4  television 3  pobj  NOUN  NN
        5  ’s         0  case  PART  POS
        6  “          7  punct PUNCT ``
        7  Scandal    10 nsubj NOUN  NN
        8  ,          7  punct PUNCT ,
        9  ”          7  punct PUNCT ''
        10 thanked    10 ROOT  VERB  VBD
        11 Obama      10 dobj  PROPN NNP
        12 .          10 punct PUNCT .
    """)
    assert subject_of(doc[10], extractor.lexicon).text == "Washington"


def test_a_past_coordinated_with_a_main_verb_in_another_tense_goes_with_the_nearer_past(extractor):
    # "Mr. Obama's eyes welled with tears as he spoke ... and urged ...":
    # the parse coordinated "urged" with "welled", tagged a participle.
    from quotes.speakers import subject_of
    doc = hand_parse(extractor, """
        0 eyes   1 nsubj NOUN  NNS
        1 welled 1 ROOT  VERB  VBN
        2 as     4 mark  SCONJ IN
        3 he     4 nsubj PRON  PRP
        4 spoke  1 advcl VERB  VBD
        5 and    1 cc    CCONJ CC
        6 urged  1 conj  VERB  VBD
        7 voters 6 dobj  NOUN  NNS
        8 .      1 punct PUNCT .
    """)
    assert subject_of(doc[6], extractor.lexicon).text == "he"


def test_a_perfect_participle_set_off_by_double_hyphens_goes_with_the_main_subject(extractor):
    from quotes.speakers import subject_of
    doc = hand_parse(extractor, """
        0  Sanders        1  nsubj PROPN NNP
        1  said           1  ROOT  VERB  VBD
        2  Clinton        3  nsubj PROPN NNP
        3  has            1  ccomp VERB  VBZ
        4  the            5  det   DET   DT
        5  qualifications 3  dobj  NOUN  NNS
        6  --             3  punct PUNCT :
        7  having         8  aux   AUX   VBG
        8  suggested      3  advcl VERB  VBN
        9  she            10 nsubj PRON  PRP
        10 is             8  ccomp AUX   VBZ
        11 unqualified    10 acomp ADJ   JJ
        12 --             1  punct PUNCT :
        13 .              1  punct PUNCT .
    """)
    assert subject_of(doc[8], extractor.lexicon).text == "Sanders"


def test_a_participle_right_after_the_object_of_a_control_verb_is_the_objects(extractor):
    from quotes.speakers import subject_of
    doc = hand_parse(extractor, """
        0  The       1  det    DET   DT  the
        1  killings  3  nsubj  NOUN  NNS killing
        2  have      3  aux    AUX   VBP have
        3  left      3  ROOT   VERB  VBN leave
        4  62        5  nummod NUM   CD  62
        5  percent   3  dobj   NOUN  NN  percent
        6  of        5  prep   ADP   IN  of
        7  voters    6  pobj   NOUN  NNS voter
        8  saying    3  advcl  VERB  VBG say
        9  relations 10 nsubj  NOUN  NNS relation
        10 are       8  ccomp  AUX   VBP be
        11 worse     10 acomp  ADJ   JJR bad
        12 .         3  punct  PUNCT .   .
    """)
    assert subject_of(doc[8], extractor.lexicon).text == "percent"


def test_a_question_put_to_a_speaker_is_not_credited_to_the_answer(extractor):
    text = "Trump was asked, “Do you regret it?” He said no."
    q = next(q for q in extractor.extract(text) if q.text == "“Do you regret it?”")
    assert q.cue.text == "asked" and q.speaker is None


# "“We are scared,” ..." hung on the cue at index {cue}.
_QUOTED_CLAUSE = """
    0  “      {cue}  punct  PUNCT ``  “
    1  We     2  nsubj  PRON  PRP we
    2  are    {cue}  ccomp  AUX   VBP be
    3  scared 2  acomp  ADJ   JJ  scared
    4  ,      {cue}  punct  PUNCT ,   ,
    5  ”      {cue}  punct  PUNCT ''  ”
"""


@pytest.mark.parametrize("rest, cue, content", [
    # The parse hung the relative clause on the speaker ("the woman, who
    # ...") as a second complement of "said", its subject the speaker.
    ("""
        6  said   6  ROOT   VERB  VBD say
        7  the    8  det    DET   DT  the
        8  woman  13 nsubj  NOUN  NN  woman
        9  ,      8  punct  PUNCT ,   ,
        10 who    13 nsubj  PRON  WP  who
        11 did    13 aux    AUX   VBD do
        12 not    13 neg    PART  RB  not
        13 want   6  ccomp  VERB  VB  want
        14 to     16 aux    PART  TO  to
        15 be     16 auxpass AUX  VB  be
        16 named  13 xcomp  VERB  VBN name
        17 .      6  punct  PUNCT .   .
    """, 6, "We are scared"),
    # A relative clause on the addressee, hung on the cue the same way.
    ("""
        6  she    7  nsubj  PRON  PRP she
        7  told   7  ROOT   VERB  VBD tell
        8  voters 7  dobj   NOUN  NNS voter
        9  who    10 nsubj  PRON  WP  who
        10 knew   7  ccomp  VERB  VBD know
        11 why    10 advmod ADV   WRB why
        12 .      7  punct  PUNCT .   .
    """, 7, "We are scared"),
    # With its subject before it, the cue may report a clause after it.
    ("""
        6  she    7  nsubj  PRON  PRP she
        7  said   7  ROOT   VERB  VBD say
        8  they   9  nsubj  PRON  PRP they
        9  left   7  ccomp  VERB  VBD leave
        10 .      7  punct  PUNCT .   .
    """, 7, "they left"),
])
def test_a_clause_after_a_quotation_and_its_cue(extractor, rest, cue, content):
    from quotes.cues import clause_content
    doc = hand_parse(extractor, _QUOTED_CLAUSE.format(cue=cue) + rest.lstrip("\n"))
    start, end = clause_content(doc[cue], extractor.lexicon)
    assert doc[start:end].text == content


def test_a_mixed_quote_starts_after_the_cues_channel_and_time(extractor):
    """"said in a statement after the debate that X was “...”": the parse made
    the clause a relative clause on "debate"; the statement starts at its
    subject, and the channel before it is the platform."""
    text = ("Gov. Paul Lindgren, a Democrat who is not seeking a third term, said in a statement after the debate "
            "that Ferris was “the only person in this race who has actually run a state agency.”")
    q = one(extractor, text)
    assert (q.type, q.text[:10], q.platform) == ("mixed", "Ferris was", "statement")
