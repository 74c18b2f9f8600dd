"""A claim's content is self-contained: a pronoun replaced by "[Name]", its statement the exact words."""

from __future__ import annotations

import pytest

from summarise.config import Settings
from summarise.extract.attribution import find_attributions, parse_article
from summarise.extract.content import SelfContained
from summarise.ingest import load_text
from summarise.pipeline import summarise


def contents(text: str) -> dict[str, str]:
    """Each attribution's content as cut -> as made self-contained."""
    doc = load_text(text)
    article = parse_article(doc)
    found = find_attributions(doc, article)
    made = SelfContained(doc, article, found)
    return {a.content: made.content(a) for a in found}


@pytest.mark.parametrize(
    ("text", "cut", "self_contained"),
    [
        # the source's own pronoun, as subject and possessive
        (
            "Mayor Jane Roux said she would not resign over her budget.",
            "she would not resign over her budget",
            "[Mayor Jane Roux] would not resign over [Mayor Jane Roux]'s budget",
        ),
        # a pronoun source resolved: the same name for the same pronoun inside
        (
            "Mayor Jane Roux opened the station. She said she was proud of it.",
            "she was proud of it",
            "[Jane Roux] was proud of it",
        ),
        # the object of a verb is not its subject: "Ito criticized her" is about Roux
        (
            "Jane Roux said Ken Ito had criticized her unfairly.",
            "Ken Ito had criticized her unfairly",
            "Ken Ito had criticized [Jane Roux] unfairly",
        ),
        # a name the statement gives comes first, unless its gender disagrees
        (
            "Mr. Ito said Ms. Roux had lost her seat.",
            "Ms. Roux had lost her seat",
            "Ms. Roux had lost [Roux]'s seat",
        ),
        # "I" in a quotation is the speaker; "I'm" becomes "[Name is]"
        (
            "“I will win, and I’m sure of it,” Jane Roux said.",
            "I will win, and I’m sure of it",
            "[Jane Roux] will win, and [Jane Roux is] sure of it",
        ),
        # "I think" would misquote the grammar as "[Roux] think": left; "they" is never replaced
        (
            "“I think they will pay,” Jane Roux said.",
            "I think they will pay",
            "I think they will pay",
        ),
    ],
)
def test_pronouns_are_replaced_by_the_names_they_stand_for(text: str, cut: str, self_contained: str) -> None:
    assert contents(text)[cut] == self_contained


def test_a_pronoun_inside_someone_s_quotation_is_not_given_the_speaker_s_name() -> None:
    # inside her own quotation, "he" is not Roux; no name in the statement: left as written
    text = "Jane Roux spoke on Monday. “He is wrong about the tram,” Roux said."
    assert contents(text)["He is wrong about the tram"] == "He is wrong about the tram"


def test_the_claim_keeps_the_exact_statement_beside_its_edited_content() -> None:
    text = "Mayor Jane Roux opened the station on Monday. She said she was proud of the new line."
    (claim,) = summarise(text, settings=Settings(backend="fake", strategy="parse", cache=False)).claims
    assert claim.content == "[Jane Roux] was proud of the new line"
    assert claim.statement is not None and claim.statement.text == "she was proud of the new line"
    assert text[claim.statement.start : claim.statement.end] == claim.statement.text
