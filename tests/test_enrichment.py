"""Speaker enrichment on sentences written for the purpose: who a
description or a name the NER missed refers to, and the role and
affiliation a reader would give the speaker."""
from __future__ import annotations

import pytest


def speakers(extractor, text):
    return [(q.speaker.name, q.speaker.kind, q.speaker.role, q.speaker.affiliation) for q in extractor.extract(text)]


def test_organisation_the_ner_missed_is_found_again_by_the_company(extractor):
    text = ("Aegean Grid, which runs the local network, said it had cut power to 6,000 homes. "
            "The company said supply would return by Monday.")
    got = speakers(extractor, text)
    assert [g[:2] for g in got] == [("Aegean Grid", "organization")] * 2


def test_the_regulator_is_an_organisation_when_no_person_holds_the_title(extractor):
    text = ("The Central Bank of Kenya opened an inquiry on Tuesday. "
            "The regulator warned that fines were possible.")
    ((name, kind, role, _),) = speakers(extractor, text)
    assert (name, kind, role) == ("Central Bank of Kenya", "organization", None)


def test_the_agency_is_the_organisation_just_named_not_the_one_named_most(extractor):
    text = ("Kano State Ministry of Health opened 300 clinics this week. Kano State Ministry of Health hired nurses for them.\n\n"
            "A spokesperson for the World Health Organization said the vaccine could prevent most severe cases. "
            "The agency warned that it was not a cure.")
    assert speakers(extractor, text)[1][:2] == ("World Health Organization", "organization")


def test_coordinated_titles_and_their_company(extractor):
    text = "PayKwik founder and chief executive Wanjiru Kamau wrote on X that the outage was over."
    assert speakers(extractor, text) == [("Wanjiru Kamau", "person", "founder and chief executive", "PayKwik")]


def test_country_in_the_possessive_is_the_affiliation(extractor):
    text = "Croatia's Marta Kovac told reporters that she had not slept for two weeks."
    ((name, _, _, affiliation),) = speakers(extractor, text)
    assert (name, affiliation) == ("Marta Kovac", "Croatia")


def test_the_groups_chair_belongs_to_the_group_just_named(extractor):
    text = ("Observers from Zambia Election Watch visited 400 polling stations. "
            "Grace Lungu, the group's chair, said the count had been slow.")
    ((name, _, role, affiliation),) = speakers(extractor, text)
    assert (name, role, affiliation) == ("Grace Lungu", "chair", "Zambia Election Watch")


def test_a_mayor_keeps_the_city_not_an_organisation_named_after_it(extractor):
    text = ("Tbilisi Mayor Giorgi Beridze said the fare rise was unavoidable. "
            "The Tbilisi City Council will vote on Monday.")
    assert speakers(extractor, text)[0] == ("Giorgi Beridze", "person", "Mayor", "Tbilisi")


def test_a_demonym_names_the_country_of_a_bare_office(extractor):
    text = ("Greek firefighters battled the blaze overnight. "
            "Prime Minister Alexandros Petridis said the coming hours would be difficult.")
    assert speakers(extractor, text) == [("Alexandros Petridis", "person", "Prime Minister", "Greece")]


def test_a_bare_office_serves_the_country_of_the_articles_other_officials(extractor):
    """No country in the text for the NER: the office of a named colleague
    carries it."""
    text = ("Greek Civil Protection Minister Nikos Vlachos posted on X that evacuation orders had been sent.\n\n"
            "Prime Minister Alexandros Petridis said the coming hours would be difficult.")
    assert [s[3] for s in speakers(extractor, text)] == ["Greece", "Greece"]


def test_a_us_state_counts_for_the_united_states(extractor):
    """US political news names the foreign countries it discusses more often
    than its own: the states it names are votes for the United States."""
    text = ("Senator Dana Whitcomb said the strike on Syria was overdue.\n\n"
            "She made the remarks in Iowa, a day after campaign stops in Ohio and Michigan. The strike hit northern Syria.")
    assert speakers(extractor, text) == [("Dana Whitcomb", "person", "Senator", "United States")]


def test_first_of_two_coordinated_descriptions_is_the_post(extractor):
    text = ("The study was run at Lakeshore General Hospital. “We were surprised,” said Dr. Hannah Cho, "
            "an emergency physician at Lakeshore General and the study's lead author.")
    assert speakers(extractor, text) == [("Hannah Cho", "person", "emergency physician", "Lakeshore General Hospital")]


def test_two_bare_titles_are_one_post_at_the_organisation_the_second_names(extractor):
    text = ("“We have never had this much attention,” said David Gilbert, "
            "the former president and chief executive of the Cleveland Host Committee.")
    assert speakers(extractor, text) == [("David Gilbert", "person", "president and chief executive", "Cleveland Host Committee")]


def test_a_second_description_with_its_own_article_keeps_its_organisation(extractor):
    text = ("“We are in shock,” said Adel Nefzi, a chemistry professor and a member of the Fort Pierce Islamic Center.")
    assert speakers(extractor, text)[0][3] is None


def test_a_hyphened_description_is_no_part_of_the_organisation(extractor):
    text = ("“The race is close,” said David Wasserman, an elections analyst with the non-partisan Cook Political Report.")
    assert speakers(extractor, text) == [("David Wasserman", "person", "elections analyst", "Cook Political Report")]


@pytest.mark.parametrize("text, expected", [
    # A title the tokenizer split at its hyphen stays whole.
    ("United Auto Workers Secretary-Treasurer Gary Casteel said the deal was good.",
     ("Gary Casteel", "person", "Secretary-Treasurer", "United Auto Workers")),
    ("CrowdStrike co-founder Dmitri Alperovitch told reporters the hack was Russian.",
     ("Dmitri Alperovitch", "person", "co-founder", "CrowdStrike")),
    # A hyphened descriptor is neither role nor affiliation.
    ("First-term Senator Kelly Ayotte said the bill was flawed.", ("Kelly Ayotte", "person", "Senator", None)),
    ("Then-lieutenant governor Dan Patrick said the bill was flawed.", ("Dan Patrick", "person", "lieutenant governor", None)),
])
def test_hyphened_words_before_a_title(extractor, text, expected):
    assert speakers(extractor, text) == [expected]


def test_the_candidate_is_the_candidate_the_paragraph_is_about(extractor):
    text = ("Dana Whitcomb toured the plant on Monday. Whitcomb has led the polls since June.\n\n"
            "Whitcomb spoke to workers for an hour. The candidate said the plant would stay open.")
    assert speakers(extractor, text) == [("Dana Whitcomb", "person", None, None)]


def test_a_candidate_introduced_unnamed_stays_unnamed(extractor):
    text = ("Dana Whitcomb toured the plant on Monday, with a candidate for the state house. Whitcomb has led "
            "the polls since June.\n\nWhitcomb spoke to workers for an hour. The candidate said the plant would stay open.")
    assert speakers(extractor, text) == [("candidate", "person", "candidate", None)]


def test_a_title_whose_relative_clause_the_name_opens_is_not_the_names(extractor):
    text = ("The federal judge Trump was referring to is Gonzalo Curiel, who was born in Indiana. "
            "Trump said the judge was biased.")
    assert speakers(extractor, text) == [("Trump", "person", None, None)]


def test_a_title_adjective_takes_the_noun_it_modifies(extractor):
    text = "“The rules are clear,” said John Ryder, the party’s chief counsel."
    assert speakers(extractor, text)[0][2] == "chief counsel"
    text = "FBI general counsel James Baker said the review was complete."
    assert speakers(extractor, text) == [("James Baker", "person", "general counsel", "FBI")]


def test_an_officeholders_aide_works_for_a_person_not_at_a_place(extractor):
    text = "“It works,” said Ben Rhodes, the president’s deputy national security adviser."
    assert speakers(extractor, text) == [("Ben Rhodes", "person", "deputy national security adviser", None)]


def test_a_state_senator_opening_a_sentence_serves_the_state(extractor):
    text = ("Lawmakers in Denver, Colorado, passed the water bill on Tuesday.\n\n"
            "State Sen. Carl Bruning called the bill “a water grab.”")
    assert speakers(extractor, text) == [("Carl Bruning", "person", "Senator", "Colorado")]


def test_the_congressman_is_the_representative_named_before(extractor):
    text = ("Former Rep. Dale Whitmore of Kansas toured Ankeny on Friday.\n\n"
            "“I have been outspent before,” the former congressman said.")
    assert speakers(extractor, text) == [("Dale Whitmore", "person", "Representative", "Kansas")]


def test_a_quotation_opening_a_paragraph_finds_the_candidate_the_paragraph_before_was_about(extractor):
    text = ("Dale Whitmore toured Ankeny on Friday. Whitmore has led the polls since June, and "
            "Whitmore will spend $1 million on ads.\n\n"
            "“I have been counted out before,” the candidate said as he boarded his bus.")
    assert speakers(extractor, text)[-1][0] == "Dale Whitmore"


def test_a_party_in_an_apposition_is_not_where_an_office_belongs(extractor):
    text = "Sen. Patty Marsh, the Democratic leader, said the bill would pass."
    assert speakers(extractor, text) == [("Patty Marsh", "person", "Senator", "United States")]


def test_a_cabinet_secretary_serves_the_country_the_article_is_about(extractor):
    text = ("The rules cover Lake Mead in Nevada and Lake Powell in Utah.\n\n"
            "Deputy Interior Secretary Paul Whitcomb said the department would impose its own cuts.")
    assert speakers(extractor, text)[0][3] == "United States"


def test_a_field_of_work_belongs_to_the_role(extractor):
    text = ("“The gains are real,” said Dr. Michael Osei, a professor of health policy at McGill University.")
    assert speakers(extractor, text) == [("Michael Osei", "person", "professor of health policy", "McGill University")]


def test_a_sentence_initial_capital_is_not_an_organisation(extractor):
    text = "Opposition leader Nino Gelashvili said the arrests were unlawful."
    assert speakers(extractor, text) == [("Nino Gelashvili", "person", "Opposition leader", None)]


def test_an_age_description_is_the_person_just_named(extractor):
    text = ("Croatia's Marta Kovac beat Emily Hart in the final. "
            "The 23-year-old told reporters that she had not slept for two weeks.")
    (q,) = extractor.extract(text)
    assert (q.speaker.text, q.speaker.name, q.speaker.affiliation) == ("The 23-year-old", "Marta Kovac", "Croatia")
    assert q.confidence < 0.95  # found through a description, not named in place


def test_an_age_is_neither_role_nor_affiliation(extractor):
    text = "Jay DiPietro, the club's 78-year-old president, suggested that the trend was over."
    ((name, _, role, affiliation),) = speakers(extractor, text)
    assert (name, role, affiliation) == ("Jay DiPietro", "president", None)


@pytest.mark.parametrize("text, affiliation", [
    ("Even HBO comedian John Oliver said the plan would work.", "HBO"),
    ("So Labor Secretary Thomas Perez stopped writing his speech and said the plan would work.", None),
])
def test_the_word_opening_the_sentence_is_no_affiliation(extractor, text, affiliation):
    ((_, _, _, got),) = speakers(extractor, text)
    assert got == affiliation


def test_a_possessive_pronoun_is_no_affiliation(extractor):
    text = "Her senior policy adviser, Jake Sullivan, said the talks would go on."
    ((name, _, role, affiliation),) = speakers(extractor, text)
    assert (name, role, affiliation) == ("Jake Sullivan", "senior policy adviser", None)


@pytest.mark.parametrize("text, name", [
    ("Senator Tom Alvarez toured the plant. His claim that the factory would close drew protests.", "Tom Alvarez"),
    ("Jane Okafor, the union leader, met workers on Friday. Her argument was that the pay offer was too low.", "Jane Okafor"),
])
def test_a_possessive_pronoun_owning_a_statement_noun_is_the_person_just_named(extractor, text, name):
    ((got, kind, _, _),) = speakers(extractor, text)
    assert (got, kind) == (name, "person")


def test_a_possessive_inside_an_organisation_name_stays(extractor):
    text = "Maria Lopez, a nurse at St. Luke's Hospital, said the wards were full."
    ((name, _, role, affiliation),) = speakers(extractor, text)
    assert (name, role, affiliation) == ("Maria Lopez", "nurse", "St. Luke's Hospital")


def test_a_pronoun_does_not_resolve_to_a_name_only_the_quotation_mentions(extractor):
    text = ("Donald Trump spoke to donors in Ohio on Monday. “Benjamin Netanyahu is a very good man,” he said. "
            "He said the plan was good.")
    names = [q.speaker.name for q in extractor.extract(text)]
    assert names == ["Donald Trump", "Donald Trump"]


def test_a_description_with_no_closing_comma_is_not_an_apposition(extractor):
    text = ("In an interview with hosts Joe Scarborough and Mika Brzezinski, the Democratic presidential candidate "
            "stated that the comments were dangerous.")
    ((name, _, role, _),) = speakers(extractor, text)
    assert name != "Mika Brzezinski" and role == "presidential candidate"


def test_one_of_a_group_is_no_affiliation_and_its_relative_clause_no_name(extractor):
    text = "“Not now,” said one of the organisers, who had been up all night."
    q = extractor.extract(text)[0]
    assert (q.speaker.text, q.speaker.affiliation) == ("one of the organisers", None)


def test_she_is_the_subject_of_her_paragraph_before_the_last_speaker(extractor):
    text = ("Anna Kovac beat Emily Hart in the final. 'I will sleep for two days,' Kovac told reporters.\n\n"
            "Hart, cheered on by her fans, was in tears as she addressed the crowd. 'I gave everything I had,' she said.")
    assert [q.speaker.name for q in extractor.extract(text)] == ["Anna Kovac", "Emily Hart"]


# --- platform and outlet ----------------------------------------------------

def channels(extractor, text):
    return [(q.platform, q.outlet) for q in extractor.extract(text)]


def test_a_medium_noun_after_a_name_is_not_part_of_the_outlet(extractor):
    text = "Carlos Serra told Cadena SER radio that 400 people had been rescued overnight."
    assert channels(extractor, text) == [("radio", "Cadena SER")]


def test_a_named_station_said_on_is_the_outlet_and_a_social_network_is_not(extractor):
    assert channels(extractor, "The minister said on France Inter radio that the state would not pay.") == [("radio", "France Inter")]
    assert channels(extractor, "The council said on its Telegram channel that the line was closed.") == [("Telegram", None)]


def test_a_press_conference_is_the_channel_not_the_audience(extractor):
    text = "Chief executive Lars Holm told a press conference in Copenhagen that the numbers no longer added up."
    assert channels(extractor, text) == [("press conference", None)]


@pytest.mark.parametrize("text, platform", [
    ("“We will win this state,” the senator said at a rally in Binghamton on Saturday.", "rally"),
    ("Speaking at a Fox News town hall on Monday, Clinton said the account was a mistake.", "town hall"),
    ("During Saturday's debate, Halvorson said the congressman had misled voters.", "debate"),
    ("The director said at a Senate hearing that the files had been deleted.", "hearing"),
    ("“The program works,” she wrote in an op-ed for the Des Moines Register.", "op-ed"),
    ("“We are gravely concerned,” the members wrote in a letter to the president.", "letter"),
    ("In an email, the spokesman said the campaign would not comment.", "email"),
    ("The governor told listeners of his weekly podcast that the budget was balanced.", "podcast"),
])
def test_a_venue_or_written_channel_is_the_platform(extractor, text, platform):
    assert [q.platform for q in extractor.extract(text)] == [platform]


def test_what_followed_a_debate_was_not_said_at_it(extractor):
    # Nor is a debate inside the statement (the sentence outside it is read).
    text = "After the debate, the candidate told reporters that his tax cut would be paid for."
    assert channels(extractor, text) == [(None, "reporters")]
    assert channels(extractor, "The mayor said the debate over fares had gone on too long.") == [(None, None)]


def test_the_outlet_ends_at_its_noun(extractor):
    text = "Trade Minister Lee Soo-ah told a parliamentary committee that Seoul was seeking exemptions."
    assert channels(extractor, text) == [(None, "parliamentary committee")]


def test_whom_an_interview_was_with_is_the_outlet_unless_it_is_the_speaker(extractor):
    assert channels(extractor, "In an interview with CNN on Tuesday, Marsh said the plan would fail.") == [("interview", "CNN")]
    assert channels(extractor, "In an interview with Ellen Marsh on Tuesday, Marsh said the plan would fail.") == [("interview", None)]


def test_a_quote_in_the_same_paragraph_keeps_its_speakers_channel(extractor):
    text = ("Defence Minister Rasa Vaitkiene told a briefing in Vilnius that the drone had been tracked by radar. "
            "“It did not carry explosives,” she said.\n\n"
            "“We are watching,” Vaitkiene said.")
    assert channels(extractor, text) == [("briefing", None), ("briefing", None), (None, None)]


def test_also_on_the_cue_goes_on_in_the_speakers_channel_in_a_new_paragraph(extractor):
    text = ("Chief executive Lars Holm told a press conference in Copenhagen that the numbers no longer added up.\n\n"
            "He also confirmed that the company would book a write-off.\n\n"
            "He confirmed that the company would cut jobs.")
    assert channels(extractor, text) == [("press conference", None), ("press conference", None), (None, None)]


def test_a_countrys_office_is_named_without_the_country_and_keeps_its_and(extractor):
    text = "A spokesperson for Poland's Ministry of Science and Higher Education said the ministry was watching closely."
    ((_, _, role, affiliation),) = speakers(extractor, text)
    assert (role, affiliation) == ("spokesperson", "Ministry of Science and Higher Education")


def test_an_ordinal_is_part_of_the_name_it_numbers(extractor):
    text = "Monique Sutton, alderperson for the 29th Ward, wrote on Instagram that the community deserves answers."
    ((name, _, role, affiliation),) = speakers(extractor, text)
    assert (name, role, affiliation) == ("Monique Sutton", "alderperson", "29th Ward")


def test_a_surname_the_ner_tags_an_organisation_is_the_person_named_before(extractor):
    text = ("Zaid Jacobs, the committee member for water, told the Gazette that crews were working around the clock. "
            "\"We would rather tell residents the truth,\" Jacobs added.")
    got = speakers(extractor, text)
    assert [g[:2] for g in got] == [("Zaid Jacobs", "person")] * 2


@pytest.mark.parametrize("text, speaker", [
    ("Yoon Ha-na, a spokeswoman for the company, said the plant would open in May.",
     ("Yoon Ha-na", "person", "spokeswoman", None)),
    ("Jean-Luc Martin, mayor of Aix-en-Provence, said the plan was reckless.",
     ("Jean-Luc Martin", "person", "mayor", "Aix-en-Provence")),
    ("Laurent Vasseur, president of the Auvergne-Rhône-Alpes region, said the delay was a slap in the face.",
     ("Laurent Vasseur", "person", "president", "Auvergne-Rhône-Alpes")),
])
def test_hyphenated_names_stay_whole(extractor, text, speaker):
    # The tokenizer splits words at a hyphen; a name or a place never stops there.
    assert speakers(extractor, text) == [speaker]


def test_a_mention_does_not_stop_inside_a_hyphenated_word(extractor):
    q = extractor.extract("Co-host Mika Brzezinski said the interview had gone well.")[0]
    assert q.speaker.text == "Co-host Mika Brzezinski"


def test_a_name_opening_the_sentence_before_a_lowercase_role_is_the_affiliation(extractor):
    # Capitalised at a sentence start only, "Opposition" would be part of the
    # role; a word written so inside a sentence too is a name.
    text = "Talks with Liscont broke down on Friday. Liscont chief executive Helena Sardinha told Reuters the offer was generous."
    assert speakers(extractor, text) == [("Helena Sardinha", "person", "chief executive", "Liscont")]


def test_a_judge_with_no_court_named_sits_in_the_court_the_article_names(extractor):
    text = ("Leeds City Council had paid the invoices for years. Leeds City Council said it would review its contracts. "
            "The case was heard at Leeds Crown Court. Judge Ann Parry said the fraud had been cynical.")
    (judge,) = [s for s in speakers(extractor, text) if s[0] == "Ann Parry"]
    assert judge == ("Ann Parry", "person", "Judge", "Leeds Crown Court")


def test_a_person_s_adviser_has_no_affiliation(extractor):
    text = "Mr Ngakola’s lawyer, Pierre-Alain Moreau, denied that his client had commanded the fighters."
    assert speakers(extractor, text) == [("Pierre-Alain Moreau", "person", "lawyer", None)]


def test_he_is_the_subject_of_his_paragraph_even_when_his_given_name_is_unknown(extractor):
    text = ("Andrzej Kowal, the university's rector, said the strike was unlawful.\n\n"
            "Kacper Nowicki, president of the student council, said most students supported the lecturers. "
            "\"People are scared,\" he wrote on the council's channel.")
    quote = next(q for q in extractor.extract(text) if q.cue.text == "wrote")
    assert quote.speaker.name == "Kacper Nowicki"


def test_a_name_in_apposition_to_a_capitalised_title_is_the_speaker(extractor):
    text = "Georgia’s Public Defender, Levan Ioseliani, wrote on Facebook that his staff had visited 29 detainees."
    (q,) = extractor.extract(text)
    assert (q.speaker.text, q.speaker.name, q.speaker.kind, q.speaker.role, q.speaker.affiliation) == (
        "Georgia’s Public Defender, Levan Ioseliani", "Levan Ioseliani", "person", "Public Defender", "Georgia")


@pytest.mark.parametrize("text, role, affiliation", [
    ("Zaid Jacobs, the mayoral committee member for water and sanitation, told the Gazette that crews were working.",
     "mayoral committee member for water and sanitation", None),
    ("Ana Ruiz, an emergency physician at Lakeshore General and the study's lead author, said the tool worked.",
     "emergency physician", "Lakeshore General"),
])
def test_and_inside_a_description_joins_two_posts_or_one_field(extractor, text, role, affiliation):
    ((_, _, got_role, got_affiliation),) = speakers(extractor, text)
    assert (got_role, got_affiliation) == (role, affiliation)


@pytest.mark.parametrize("text, name", [
    # The NER misses one name and takes the other for a person's; the
    # apposition says what they are, and no later organisation wins.
    ("Rijnland Water, the agency that manages the dykes, has run the pumps since 1997. "
     "The Hague city council said it would pay. The agency said the work would begin in 2027.", "Rijnland Water"),
    ("The weather service said more rain was coming. Across town, the amateur football club CD Ribarroja "
     "opened its clubhouse to families. The club posted on Instagram that it had taken in 80 people.", "CD Ribarroja"),
])
def test_the_organisation_a_description_named_is_found_again_by_it(extractor, text, name):
    assert speakers(extractor, text)[-1][:2] == (name, "organization")



def test_an_organisation_nouns_name_in_apposition_is_the_speakers_name(extractor):
    text = "According to the Syrian monitoring group Raqqa Watch, at least 30 people were killed."
    assert speakers(extractor, text)[0][:2] == ("Raqqa Watch", "organization")


def test_the_unions_officer_belongs_to_the_union_a_description_named(extractor):
    # Not the organisation named last, which is no union.
    text = ("The strike was called by the teachers’ union KNUT after talks with the Ministry of Education "
            "broke down. “We will not back down,” said Amos Wekesa, the union’s general secretary.")
    assert speakers(extractor, text)[-1] == ("Amos Wekesa", "person", "general secretary", "KNUT")


@pytest.mark.parametrize("name", ["Precious Mumba", "Blessing Chanda"])
def test_a_title_in_apposition_makes_a_person_of_a_name_the_ner_mistook(extractor, name):
    # The NER takes these for a place or an organisation, or leaves them out.
    text = f"Observers from Copperbelt Election Watch visited 400 polling stations. {name}, the group's chair, said the count had been slow."
    assert speakers(extractor, text) == [(name, "person", "chair", "Copperbelt Election Watch")]


@pytest.mark.parametrize("text, role, affiliation", [
    # AP-style abbreviated titles are written out; the state before one is
    # where the office belongs, a party is not.
    ("Vermont Sen. Bernie Sanders said the plan had failed.", "Senator", "Vermont"),
    ("Former Maryland Gov. Martin O’Malley said the plan had failed.", "Governor", "Maryland"),
    ("Lt. Gov. Dan Patrick of Texas said the plan had failed.", "Lieutenant Governor", "Texas"),
    ("Maj. Gen. Curtis Bellamy, the adjutant general of the Pennsylvania National Guard, said the plan had failed.",
     "Major General", "Pennsylvania National Guard"),
    ("S.C. Sen. Lindsey Graham said the plan had failed.", "Senator", "South Carolina"),
    ("Democratic U.S. Rep. Gwen Graham said the plan had failed.", "Representative", "United States"),
    ("Republican Sen. Ted Cruz said the plan had failed.", "Senator", "United States"),
    # A party is what a candidate belongs to; inside a name it stays.
    ("Republican presidential candidate Ted Cruz said the plan had failed.", "presidential candidate", "Republican"),
    ("New Democratic Party candidate Sarah Okafor said the plan had failed.", "candidate", "New Democratic Party"),
])
def test_abbreviated_us_titles_and_where_the_office_belongs(extractor, text, role, affiliation):
    ((_, _, got_role, got_affiliation),) = speakers(extractor, text)
    assert (got_role, got_affiliation) == (role, affiliation)


@pytest.mark.parametrize("text, name, affiliation", [
    ("Sen. Bernie Sanders (I-Vt.) said the plan had failed.", "Bernie Sanders", "Vermont"),
    ("Rep. Jason Chaffetz (R-Utah) said the plan had failed.", "Jason Chaffetz", "Utah"),
    ("Sen. Lindsey Graham (R-S.C.) said the plan had failed.", "Lindsey Graham", "South Carolina"),
    ("Paul Ryan (R-WI) said the plan had failed.", "Paul Ryan", "Wisconsin"),
    # Not a state: the designation says nothing, and "Sen." a US senator.
    ("Sen. Barbara Comstock (R-Loudoun) said the plan in Libya had failed in Libya.", "Barbara Comstock", "United States"),
])
def test_a_party_state_designation_gives_the_lawmakers_state(extractor, text, name, affiliation):
    ((got_name, _, _, got_affiliation),) = speakers(extractor, text)
    assert (got_name, got_affiliation) == (name, affiliation)


def test_a_governor_with_no_state_named_serves_the_state_the_article_names(extractor):
    text = ("TRENTON, N.J. — Gov. Chris Christie said crime had gone down. "
            "In Washington, state Atty. Gen. Ana Ruiz said the law was clear.")
    assert [(n, r, a) for n, _, r, a in speakers(extractor, text)] == [
        ("Chris Christie", "Governor", "New Jersey"), ("Ana Ruiz", "Attorney General", "New Jersey")]


@pytest.mark.parametrize("text, affiliation", [
    # The dateline names the city: it counts for three mentions.
    ("TUCSON, Ariz. — Bus fares will return in July, Mayor Teresa Valdivia said on Tuesday. Riders in Phoenix pay $2.", "Tucson"),
    ("Clarkston has welcomed refugees for decades. Mayor Ted Terry said Clarkston would go on doing so.", "Clarkston"),
    # "New York" names a city and a state: no guess.
    ("Mayor Bill de Blasio said New York would not pay. Crowds in Brooklyn and New York cheered.", None),
    # Two cities as often: no guess.
    ("Mayor Ana Ruiz said Tucson and Phoenix would share the cost.", None),
])
def test_a_mayor_with_no_city_named_serves_the_city_the_article_names_most(extractor, text, affiliation):
    assert [(r, a) for _, _, r, a in speakers(extractor, text)][0] == ("Mayor", affiliation)


@pytest.mark.parametrize("text, affiliation", [
    ("The Tucson City Council voted 4-3 on Tuesday. “We cannot keep asking the general fund,” said Councilmember Dana Ortiz.",
     "Tucson City Council"),
    # A councillor works at a council, not at whatever the article is about.
    ("The Sun Tran agency will raise fares. “We cannot keep asking the general fund,” said Councilmember Dana Ortiz.", None),
])
def test_a_councillor_with_no_council_named_works_at_the_council_the_article_names(extractor, text, affiliation):
    assert speakers(extractor, text) == [("Dana Ortiz", "person", "Councilmember", affiliation)]


@pytest.mark.parametrize("text, kind", [
    ("Transit advocates had pushed for the cap. We asked readers how the decision will affect them.", "organization"),
    ("Mayor Ana Ruiz opened the meeting. I wrote last week that the fares would return.", "person"),
])
def test_the_writer_s_we_or_i_is_nobody_named_before(extractor, text, kind):
    assert [(n, k) for n, k, _, _ in speakers(extractor, text)][-1] == (None, kind)


def test_the_senator_is_the_senator_named_by_an_abbreviated_title(extractor):
    text = ("Sen. Teresa Halloran (D-Pa.) met the mayor on Monday. "
            "“This is our money,” the senator said.")
    assert speakers(extractor, text) == [("Teresa Halloran", "person", "Senator", "Pennsylvania")]


def test_an_abbreviated_title_is_one_token_and_ends_no_sentence(extractor):
    doc = extractor.nlp("Maj. Gen. Curtis Bellamy and Lt. Gov. Luis Arroyo met on Monday.")
    assert [t.text for t in doc][:6] == ["Maj.", "Gen.", "Curtis", "Bellamy", "and", "Lt."]
    assert len(list(doc.sents)) == 1


@pytest.mark.parametrize("text, affiliation", [
    ("Bank of England Governor Andrew Bailey said rates would rise.", "Bank of England"),
    ("University of Ottawa professor Daniel Roy said rates would rise.", "University of Ottawa"),
])
def test_an_organisation_named_with_of_before_a_title_is_the_affiliation_whole(extractor, text, affiliation):
    ((_, _, _, got),) = speakers(extractor, text)
    assert got == affiliation


def test_a_lowercase_party_before_a_title_stays_in_the_role(extractor):
    # Unlike "state Atty. Gen.", where the state is where the office belongs.
    text = ("The Republican Party met on Monday. "
            "Later, party Chairman Reince Priebus said the convention would be orderly.")
    assert [(name, role) for name, _, role, _ in speakers(extractor, text)] == [("Reince Priebus", "party Chairman")]


@pytest.mark.parametrize("text, name", [
    ("Sens. Ted Cruz and Marco Rubio said the plan had failed.", "Ted Cruz and Marco Rubio"),
    # The parse hangs "House Speaker" on Trump; the words still join two names.
    ("Donald Trump and House Speaker Paul Ryan said the plan had failed.", "Donald Trump and Paul Ryan"),
    ("Donald Trump met Paul Ryan. Trump and Ryan said the plan had failed.", "Donald Trump and Paul Ryan"),
])
def test_named_speakers_joined_by_and_speak_as_a_group(extractor, text, name):
    assert [(n, kind) for n, kind, _, _ in speakers(extractor, text)] == [(name, "group")]


@pytest.mark.parametrize("text, name, kind", [
    ("Trump's adviser John Smith said the plan had failed.", "John Smith", "person"),
    ("House Speaker Paul Ryan said the plan had failed.", "Paul Ryan", "person"),
])
def test_one_named_speaker_with_another_name_in_his_description_is_no_group(extractor, text, name, kind):
    assert [(n, k) for n, k, _, _ in speakers(extractor, text)] == [(name, kind)]


@pytest.mark.parametrize("text, mention, name", [
    # The commas of a list ending in "and" join its names.
    ("Mark Blumenthal, Jon Cohen and Ann Selzer said the plan had failed.",
     "Mark Blumenthal, Jon Cohen and Ann Selzer", "Mark Blumenthal, Jon Cohen and Ann Selzer"),
    # Not all named: the group as written.
    ("Trump and his aides said the plan had failed.", "Trump and his aides", "Trump and his aides"),
    ("Bernie Sanders toured Iowa. Sanders and his supporters said the plan had failed.",
     "Sanders and his supporters", "Sanders and his supporters"),
])
def test_a_list_of_speakers_is_one_group(extractor, text, mention, name):
    (q,) = extractor.extract(text)
    assert (q.speaker.text, q.speaker.name, q.speaker.kind) == (mention, name, "group")


@pytest.mark.parametrize("text, name", [
    ("Mark Blumenthal, a pollster, said the plan had failed.", "Mark Blumenthal"),
    ("The Vermont senator and Democratic presidential candidate Bernie Sanders said the plan had failed.", "Bernie Sanders"),
])
def test_one_speaker_described_twice_is_no_group(extractor, text, name):
    (q,) = extractor.extract(text)
    assert (q.speaker.kind, q.speaker.name) == ("person", name)


def test_an_honorific_picks_the_namesake_of_its_gender(extractor):
    text = ("Hillary Clinton met voters. Bill Clinton spoke later. "
            "Mrs. Clinton said the plan had failed. Mr. Clinton said the plan would work.")
    assert [name for name, _, _, _ in speakers(extractor, text)] == ["Hillary Clinton", "Bill Clinton"]
