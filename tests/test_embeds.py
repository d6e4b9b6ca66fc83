"""Posts embedded in an article: a tweet's text, closed by its signature."""
import pytest

from quotes.embeds import find_posts
from quotes.lexicon import Lexicon


@pytest.fixture(scope="module")
def signatures():
    return Lexicon.load().post_signatures


def texts(text, posts):
    return [(text[p.start:p.end], text[p.name[0]:p.name[1]], p.platform) for p in posts]


@pytest.mark.parametrize("text, expected", [
    # Signature on the post's own line; the picture link is the embed's.
    ("Ryan reacted.\n\nNo one should be above the law. pic.twitter.com/Oqct — Paul Ryan (@SpeakerRyan) July 5, 2016\n",
     [("No one should be above the law.", "Paul Ryan", "X")]),
    # Signature on a line of its own, after a shortened link.
    ("Why isn't Pence wearing the hat? https://t.co/daC7Qr7ZhZ\n— Ben Jacobs (@Bencjacobs) September 1, 2016",
     [("Why isn't Pence wearing the hat?", "Ben Jacobs", "X")]),
    # Markup a scraper left before the text is no part of it.
    ('<tweet id="7" author="@thedailybeast">Trump has a wish list — The Daily Beast (@thedailybeast) June 29, 2016</tweet>.',
     [("Trump has a wish list", "The Daily Beast", "X")]),
])
def test_a_signature_closes_the_text_of_its_post(signatures, text, expected):
    assert texts(text, find_posts(text, signatures)) == expected


@pytest.mark.parametrize("text", [
    "Follow the mayor (@mayor) for updates — she posts daily.",
    "The senator — Jane Doe (@janedoe) — spoke on Monday.",
    "— Paul Ryan (@SpeakerRyan) July 5, 2016",
])
def test_a_handle_without_a_dated_signature_or_text_is_no_post(signatures, text):
    assert find_posts(text, signatures) == []


def test_an_embedded_tweet_is_its_authors_direct_quote_on_x(extractor):
    text = ("The campaign's plans leaked on Tuesday.\n\n"
            "Rape conviction? No problem! Team Trump reportedly wants Mike Tyson at the convention "
            "https://t.co/8FtYoYE0G3 — Twitchy Team (@TwitchyTeam) June 28, 2016\n")
    [q] = extractor.extract(text)  # not also "reportedly" inside the tweet
    assert (q.type, q.text, q.speaker.name, q.platform) == (
        "direct", "Rape conviction? No problem! Team Trump reportedly wants Mike Tyson at the convention",
        "Twitchy Team", "X")
    assert text[q.cue.start:q.cue.end] == "—"
