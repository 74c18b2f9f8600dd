"""Where the article names each entity (``Entity.mentions``): every occurrence of a name or alias, exact spans."""

from __future__ import annotations

from summarise.ground.mentions import name_mentions
from summarise.schema import Entity


def _found(entities: list[Entity], text: str) -> dict[str, list[tuple[int, str]]]:
    return {e.id: [(m.start, m.text) for m in e.mentions] for e in name_mentions(entities, text)}


def test_every_occurrence_of_name_and_aliases_as_exact_spans() -> None:
    text = "North Korean leader Kim Jong-un met Putin. Kim Jong Un left; the North Korean leader waved. Kim smiled."
    kim = Entity(id="e1", name="Kim Jong-un", aliases=["North Korean leader", "Kim"])
    putin = Entity(id="e2", name="Vladimir Putin", aliases=["Putin"])
    found = _found([kim, putin], text)
    assert found["e1"] == [
        (0, "North Korean leader"),
        (20, "Kim Jong-un"),
        (43, "Kim Jong Un"),
        (65, "North Korean leader"),
        (92, "Kim"),
    ]
    assert found["e2"] == [(36, "Putin")]
    for entity in name_mentions([kim, putin], text):
        assert all(text[m.start : m.end] == m.text and m.status == "exact" for m in entity.mentions)


def test_longest_form_wins_and_words_are_whole() -> None:
    text = "The Japanese government spokesperson spoke for Japan; Japanese firms in Japanland agreed."
    japan = Entity(id="e1", name="Japan", aliases=["Japanese government"])
    spokesperson = Entity(id="e2", name="Hirokazu Matsuno", aliases=["Japanese government spokesperson"])
    found = _found([japan, spokesperson], text)
    assert found["e2"] == [(4, "Japanese government spokesperson")]
    assert found["e1"] == [(47, "Japan")]


def test_shared_forms_and_pronouns_name_nobody() -> None:
    text = "He said the president met the president of France."
    a = Entity(id="e1", name="Emmanuel Macron", aliases=["the president", "he"])
    b = Entity(id="e2", name="Joe Biden", aliases=["the president"])
    found = _found([a, b], text)
    assert found == {"e1": [], "e2": []}


def test_sentence_initial_capital_still_matches_an_alias() -> None:
    text = "The North Korean leader arrived. Officials greeted the North Korean leader."
    kim = Entity(id="e1", name="Kim Jong-un", aliases=["the North Korean leader"])
    assert _found([kim], text)["e1"] == [(0, "The North Korean leader"), (51, "the North Korean leader")]


def test_a_capitalised_form_does_not_find_a_common_word() -> None:
    post = Entity(id="e1", name="Washington Post", aliases=["Post"])
    assert _found([post], "The Post said it would post the letter.")["e1"] == [(4, "Post")]


def test_a_bare_common_noun_names_its_entity_only_as_a_whole_phrase() -> None:
    text = (
        "The team met. Boeing's product development team and the team formed later; 789 dealerships, the dealerships."
    )
    team = Entity(id="e1", name="team", aliases=["the team"])
    dealers = Entity(id="e2", name="dealerships", aliases=[])
    found = _found([team, dealers], text)
    assert found["e1"] == [(0, "The team"), (52, "the team")]  # not "team" in "development team"
    assert found["e2"] == [(text.index("the dealerships") + 4, "dealerships")]  # after a determiner only
    iphone = Entity(id="e3", name="iPhone 4")  # a name written lower-case first is no common noun
    assert _found([iphone], "Apple's new iPhone 4 sold.")["e3"] == [(12, "iPhone 4")]


def test_a_bare_noun_after_a_function_word_counts_but_not_inside_a_hyphenated_word_and_others_name_nobody() -> None:
    text = "Police left, but prosecutors stayed; the co-founder and prosecutors spoke. Others agreed."
    prosecutors = Entity(id="e1", name="prosecutors")
    co = Entity(id="e2", name="co")
    others = Entity(id="e3", name="others")
    found = _found([prosecutors, co, others], text)
    assert found["e1"] == [(17, "prosecutors"), (56, "prosecutors")]  # after "but", after "and"
    assert found["e2"] == [] and found["e3"] == []


def test_a_form_ending_in_a_common_word_does_not_find_part_of_a_hyphenated_word() -> None:
    text = "The co-founder left. The co said no. The Apple-made phone and the team-mates of the team."
    co = Entity(id="e1", name="co", aliases=["The co"])
    apple = Entity(id="e2", name="Apple")
    team = Entity(id="e3", name="the team")
    found = _found([co, apple, team], text)
    assert found["e1"] == [(text.index("The co said"), "The co")]
    assert found["e2"] == [(text.index("Apple"), "Apple")]  # a name may open a hyphenated word
    assert found["e3"] == [(text.rindex("the team"), "the team")]
