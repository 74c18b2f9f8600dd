"""The story layer: articles clustered, entities linked, events merged, claims grouped, a dated timeline."""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import summarise
from summarise import InputError
from summarise.render.story_html import render_story_html
from summarise.render.story_markdown import render_story_markdown
from summarise.schema import ArticleMeta, ArticleSummary, Claim, Entity, Event, Provenance, Span, TimeExpr
from summarise.stories import StorySettings, clusters, story
from summarise.stories.actions import action_key, stem
from summarise.stories.arguments import article_targets, other_targets
from summarise.stories.clusters import average_link
from summarise.stories.cuts import best_cut
from summarise.stories.times import days

ROOT = Path(__file__).resolve().parent.parent


def article(
    aid: str,
    published: str | None,
    entities: list[tuple[str, str, list[str]]],
    events: list[dict[str, Any]] = (),  # type: ignore[assignment]
    claims: list[dict[str, Any]] = (),  # type: ignore[assignment]
    summary: str = "",
) -> ArticleSummary:
    """A summary made by hand: entities as (name, type, aliases) with ids e1, e2 ...; events and claims as dicts."""
    return ArticleSummary(
        article=ArticleMeta(id=aid, published=date.fromisoformat(published) if published else None, text_sha256="0"),
        summary=summary,
        entities=[Entity(id=f"e{i}", name=n, type=t, aliases=a) for i, (n, t, a) in enumerate(entities, 1)],  # type: ignore[arg-type]
        events=[Event(id=f"v{i}", **e) for i, e in enumerate(events, 1)],
        claims=[Claim(id=f"c{i}", cue="said", **c) for i, c in enumerate(claims, 1)],
        provenance=Provenance(
            backend="fake", model="m", prompt_id="p", prompt_version="1", prompt_sha256="", schema_sha256=""
        ),
    )


def trigger(word: str, at: int = 0) -> Span:
    return Span(start=at, end=at + len(word), text=word, status="exact")


KIM_PUTIN = [("Kim Jong-un", "person", ["Kim", "the North Korean leader"]), ("Vladimir Putin", "person", ["Putin"])]


def test_the_function_is_exported_beside_summarise() -> None:
    assert summarise.story is story
    assert callable(summarise.story)


def test_one_person_across_spellings_and_descriptions() -> None:
    a = article("a", "2023-09-06", KIM_PUTIN)
    b = article("b", "2023-09-15", [("Kim Jong Un", "person", []), ("Vladimir Putin", "person", [])])
    c = article("c", "2023-09-16", [("North Korean leader", "person", []), ("Putin", "person", [])])
    (s,) = story([a, b, c]).stories
    kim = next(e for e in s.entities if e.name == "Kim Jong-un")
    assert {(m.article, m.entity) for m in kim.mentions} == {("a", "e1"), ("b", "e1"), ("c", "e1")}
    assert "Kim Jong Un" in kim.aliases
    assert len([e for e in s.entities if e.type == "person"]) == 2


def test_people_sharing_a_title_or_a_surname_stay_apart() -> None:
    a = article("a", "2023-01-01", [("Fumio Kishida", "person", ["the prime minister"]), ("Kim Jong-un", "person", [])])
    b = article("b", "2023-01-02", [("Rishi Sunak", "person", ["the prime minister"]), ("Kim Yo-jong", "person", [])])
    c = article("c", "2023-01-03", [("Kim", "person", []), ("the prime minister", "person", [])])
    s = story([a, b, c], StorySettings(similarity=0.0)).stories
    entities = [e for st in s for e in st.entities]
    assert all(len(e.mentions) == 1 for e in entities), [(e.name, e.mentions) for e in entities]


def test_one_surname_and_initial_is_one_person_but_other_first_names_are_not() -> None:
    text = "Watergate figure dies"
    a = article("a", "2023-01-01", [("Frederick LaRue", "person", []), ("Lindsay Lohan", "person", [])], summary=text)
    b = article("b", "2023-01-02", [("Fred LaRue", "person", []), ("Dina Lohan", "person", [])], summary=text)
    (s,) = story([a, b], StorySettings(similarity=0.0)).stories
    assert sorted(len(e.mentions) for e in s.entities) == [1, 1, 2]
    (larue,) = [e for e in s.entities if len(e.mentions) == 2]
    assert {larue.name, *larue.aliases} == {"Frederick LaRue", "Fred LaRue"}


def test_common_noun_entities_join_by_their_head_noun_unless_told_apart() -> None:
    text = "Hit-and-run crash injures pedestrian"
    a = article(
        "a",
        "2023-01-01",
        [("a 66-year-old woman", "other", []), ("the Japanese government", "other", [])],
        summary=text,
    )
    b = article("b", "2023-01-02", [("A woman", "other", []), ("the Russian government", "other", [])], summary=text)
    c = article("c", "2023-01-03", [("a young woman", "other", []), ("an elderly woman", "other", [])], summary=text)
    (s,) = story([a, b, c], StorySettings(similarity=0.0)).stories
    joined = [sorted(m.article for m in e.mentions) for e in s.entities if len(e.mentions) > 1]
    assert joined == [["a", "b"]], joined  # the women of a and b; c's two women and the two governments apart


def _meeting(actor: str, target: str, status: str, word: str, value: str | None = None) -> dict[str, Any]:
    time = TimeExpr(text=value or "", value=value) if value else None
    return {"actor": actor, "targets": [target], "action": f"{word} ", "status": status, "trigger": trigger(word),
            "time": time}  # fmt: skip


def test_a_planned_meeting_and_the_meeting_held_are_one_event_whose_status_changes() -> None:
    a = article("a", "2023-09-06", KIM_PUTIN, [_meeting("e1", "e2", "planned", "meeting", "2023-09")])
    b = article("b", "2023-09-15", KIM_PUTIN, [_meeting("e2", "e1", "happened", "met", "2023-09-13")])
    (s,) = story([a, b]).stories
    (event,) = s.events
    assert [(m.article, m.status) for m in event.mentions] == [("a", "planned"), ("b", "happened")]
    assert event.statuses == ["planned", "happened"] and event.status == "happened"
    assert (event.earliest, event.latest) == (date(2023, 9, 6), date(2023, 9, 15))
    assert event.time is not None and event.time.value == "2023-09-13"
    (entry,) = s.timeline
    assert (entry.date, entry.date_source, entry.articles) == ("2023-09-13", "event time", ["a", "b"])


def test_same_words_on_other_days_or_between_other_people_are_other_events() -> None:
    people = [*KIM_PUTIN, ("Fumio Kishida", "person", [])]
    a = article("a", "2023-09-06", people, [_meeting("e1", "e2", "happened", "met", "2023-09-05")])
    b = article("b", "2023-09-15", people, [
        _meeting("e1", "e2", "happened", "met", "2023-09-13"),  # another day
        _meeting("e3", "e1", "planned", "meet", "2023-09"),  # Kishida will meet Kim: not Kim's meeting with Putin
    ])  # fmt: skip
    (s,) = story([a, b]).stories
    assert len(s.events) == 3


def test_an_announcement_is_one_doer_s_act_across_articles() -> None:
    firms = [("General Motors", "organization", ["GM"]), ("Ford", "organization", [])]

    def announced(actor: str) -> dict[str, Any]:
        return {"actor": actor, "action": "announced", "trigger": trigger("announced")}

    a = article("a", "2009-02-03", firms, [announced("e1")])
    b = article("b", "2009-02-03", firms, [announced("e1"), announced("e2")])  # GM's again, and Ford's
    (s,) = story([a, b]).stories
    assert sorted(len(e.mentions) for e in s.events) == [1, 2]


def test_a_party_s_spokespeople_and_one_publicist_s_descriptions_are_one_doer_of_an_act_of_saying() -> None:
    def confirmed(actor: str) -> dict[str, Any]:
        return {"actor": actor, "action": "confirmed", "trigger": trigger("confirmed")}

    cnn = [
        article("a", "2009-01-06", [("CNN officials", "group", [])], [confirmed("e1")]),
        article("b", "2009-01-06", [("CNN's management", "other", [])], [confirmed("e1")]),
        article("c", "2009-01-07", [("CNN", "organization", [])], [confirmed("e1")]),
    ]
    reid = [
        article("d", "2008-12-30", [("Tara Reid's publicist", "other", [])], [confirmed("e1")]),
        article("e", "2008-12-30", [("her publicist", "other", [])], [confirmed("e1")]),
    ]
    for articles in (cnn, reid):
        (s,) = story(articles, StorySettings(similarity=0.0)).stories
        assert [len(e.mentions) for e in s.events] == [len(articles)], [e.mentions for e in s.events]


def test_spokespeople_of_other_named_parties_or_of_no_name_in_common_are_other_doers() -> None:
    def announced(actor: str) -> dict[str, Any]:
        return {"actor": actor, "action": "announced", "trigger": trigger("announced")}

    text = "Nuclear talks resume in Geneva"
    a = article("a", "2009-01-06", [("Iranian officials", "group", [])], [announced("e1")], summary=text)
    b = article("b", "2009-01-06", [("US officials", "group", [])], [announced("e1")], summary=text)
    c = article("c", "2009-01-06", [("the team", "other", [])], [announced("e1")], summary=text)
    d = article("d", "2009-01-06", [("President", "person", [])], [announced("e1")], summary=text)  # a title
    (s,) = story([a, b, c, d], StorySettings(similarity=0.0)).stories
    assert [len(e.mentions) for e in s.events] == [1, 1, 1, 1]


def _said(actor: str, word: str, what: str, status: str = "happened") -> list[dict[str, Any]]:
    return [
        {"actor": actor, "action": word, "trigger": trigger(word), "status": status},
        {"actor": "e2", "action": what, "trigger": trigger(what), "reported_by": ["c1"]},
    ]


def test_one_doer_s_statement_about_one_event_in_other_words_is_one_act() -> None:
    people = [("Harlan Boll", "person", []), ("Bea Arthur", "person", [])]
    claim = [{"claimant": "e1", "content": "Bea Arthur died", "event_ids": ["v1", "v2"]}]
    a = article("a", "2009-04-25", people, _said("e1", "announced", "died"), claim)
    b = article("b", "2009-04-26", people, _said("e1", "confirmed", "died"), claim)
    c = article("c", "2009-04-26", people, _said("e1", "denied", "died"), claim)  # not the same statement
    d = article("d", "2009-04-26", people, _said("e1", "disclosed", "died", "negated"), claim)  # declined to
    (s,) = story([a, b, c, d], StorySettings(similarity=0.0)).stories
    said = sorted(sorted(m.article for m in e.mentions) for e in s.events if e.mentions[0].event == "v1")
    assert said == [["a", "b"], ["c"], ["d"]]
    (death,) = [e for e in s.events if e.mentions[0].event == "v2"]
    assert len(death.mentions) == 4


def test_what_happened_before_an_article_is_not_what_a_later_one_plans() -> None:
    a = article("a", "2019-04-25", KIM_PUTIN, [_meeting("e1", "e2", "happened", "met")])
    b = article("b", "2019-05-10", KIM_PUTIN, [_meeting("e1", "e2", "planned", "meet")])
    (s,) = story([a, b]).stories
    assert len(s.events) == 2


def test_one_action_done_to_two_named_people_is_two_events() -> None:
    """Placing Reggie Bush on injured reserve is not placing Pierre Thomas there; a report naming no one joins
    the event of the people its article names."""

    def placed(aid: str, day: str, player: str, named: bool = True) -> ArticleSummary:
        """The Saints (e1) placed the player (e2), the player named as the target or only in the article."""
        people = [("New Orleans Saints", "organization", ["Saints"]), (player, "person", [])]
        event = {"actor": "e1", "targets": ["e2"] if named else [], "action": "placed", "trigger": trigger("placed")}
        return article(aid, day, people, [event], summary="Saints injured reserve")

    a, b = placed("a", "2008-12-17", "Reggie Bush"), placed("b", "2008-12-18", "Reggie Bush")
    c, d = placed("c", "2012-12-19", "Pierre Thomas"), placed("d", "2012-12-20", "Pierre Thomas", named=False)
    (s,) = story([a, b, c, d], StorySettings(window_days=5000)).stories
    assert sorted(sorted(m.article for m in e.mentions) for e in s.events) == [["a", "b"], ["c", "d"]]


def test_a_death_is_the_killing_of_the_same_named_person_and_no_other() -> None:
    """A stray bullet killing Kathina Thomas and Kathina Thomas's death, or a death whose subject is not named,
    are one happening; the death of someone the killing does not name is another."""
    people = [("Kathina Thomas", "person", ["Thomas"]), ("Miles Vinar", "person", [])]
    text = "stray bullet girl Albany"
    killed = {"actor": None, "targets": ["e1"], "action": "killed", "trigger": trigger("killed")}
    a = article("a", "2008-06-01", people, [killed], summary=text)

    def died(aid: str, who: str) -> ArticleSummary:
        return article(aid, "2008-06-02", people, [{"actor": who, "action": "death", "trigger": trigger("death")}],
                       summary=text)  # fmt: skip

    (s,) = story([a, died("b", "e1")]).stories
    (event,) = s.events
    assert event.action == "killed" and [m.article for m in event.mentions] == ["a", "b"]
    (s,) = story([a, died("c", "e2")]).stories
    assert len(s.events) == 2
    unnamed = article("d", "2008-06-02", [], [{"action": "died", "trigger": trigger("died")}], summary=text)
    (s,) = story([a, unnamed]).stories
    assert len(s.events) == 1  # nothing tells them apart: one happening, as two reports of one verb would be


def test_a_repeated_statement_is_one_claim_with_two_sources() -> None:
    said = "Japan is monitoring North Korea's movements with concern"
    a = article("a", "2023-09-06", [("Hirokazu Matsuno", "person", [])], claims=[{"claimant": "e1", "content": said}])
    b = article("b", "2023-09-07", [("Matsuno", "person", ["Hirokazu Matsuno"])], claims=[
        {"claimant": "e1", "content": said + "."}, {"claimant": "e1", "content": "Japan wants a summit soon"}
    ])  # fmt: skip
    (s,) = story([a, b]).stories
    assert [len(c.mentions) for c in s.claims] == [2, 1]
    assert len({c.claimant for c in s.claims}) == 1


def test_unrelated_articles_are_separate_stories() -> None:
    a = article("a", "2023-09-06", KIM_PUTIN, summary="Kim Jong-un may meet Putin in Russia")
    b = article("b", "2023-09-07", [("Lionel Messi", "person", []), ("Inter Miami", "organization", [])],
                summary="Messi scores twice for Inter Miami")  # fmt: skip
    c = article("c", "2023-09-08", KIM_PUTIN, summary="Kim Jong-un arrives in Russia to meet Putin")
    stories = story([a, b, c]).stories
    assert sorted(s.articles for s in stories) == [["a", "c"], ["b"]]


def test_two_stories_of_the_same_kind_stay_two_when_two_of_their_articles_share_words() -> None:
    def rehab(aid: str, day: str, who: str, summary: str) -> ArticleSummary:
        return article(aid, day, [(who, "person", [])], summary=summary)

    reid, lohan = "Tara Reid", "Lindsay Lohan"
    articles = [
        rehab("r1", "2023-05-01", reid, "Tara Reid checks into Promises, a Malibu rehab clinic"),
        rehab("r2", "2023-05-01", reid, "Tara Reid enters Promises rehab, her publicist says"),
        rehab("r3", "2023-05-02", reid, "Actress Tara Reid is at Promises rehab, her publicist says"),
        rehab("l1", "2023-05-03", lohan, "Lindsay Lohan checks into a Malibu rehab clinic after leaving Betty Ford"),
        rehab("l2", "2023-05-03", lohan, "Lindsay Lohan leaves Betty Ford rehab, her lawyer says"),
        rehab("l3", "2023-05-04", lohan, "Lohan left Betty Ford for Cliffside rehab, her lawyer says"),
    ]  # fmt: skip
    stories = story(articles).stories
    # l1 is close to r1 (checks into a Malibu rehab clinic) but not to the other Reid articles: joining the
    # nearest story centroid took it, and then all of Lohan's, into Reid's story; the mean over pairs does not
    assert sorted(s.articles for s in stories) == [["l1", "l2", "l3"], ["r1", "r2", "r3"]]


def test_average_linkage_joins_groups_by_their_mean_similarity() -> None:
    # 0, 1 and 2 close together; 3 close to 2 alone: its mean with the group (0.8 + 0 + 0) / 3 is under 0.5
    pairs = [(0, 1), (0, 2), (1, 2), (2, 3)]
    assert average_link(4, pairs, np.array([0.9, 0.8, 0.85, 0.8]), 0.5) == [[0, 1, 2], [3]]
    assert average_link(4, pairs, np.array([0.9, 0.8, 0.85, 0.8]), 0.25) == [[0, 1, 2, 3]]
    assert average_link(3, [], np.zeros(0), 0.0) == [[0], [1], [2]]


def test_the_best_normalized_cut_separates_two_groups_and_values_the_split() -> None:
    w = np.array(
        [
            [0, 0.9, 0.8, 0.1, 0],
            [0.9, 0, 0.85, 0, 0.05],
            [0.8, 0.85, 0, 0, 0],
            [0.1, 0, 0, 0, 0.7],
            [0, 0.05, 0, 0.7, 0],
        ]
    )
    found = best_cut(w)
    assert found is not None
    value, side = found
    assert sorted(side.nonzero()[0].tolist()) in ([0, 1, 2], [3, 4])
    a, b = side.nonzero()[0], (~side).nonzero()[0]
    cut = w[np.ix_(a, b)].sum()
    assert value == pytest.approx(cut / w[a].sum() + cut / w[b].sum())  # 0.15 / 4.9 + 0.15 / 1.6
    alike = best_cut(np.ones((3, 3)) - np.eye(3))
    assert alike is not None and alike[0] >= 1.0  # one group: any cut costs much
    assert best_cut(np.zeros((2, 2))) is None and best_cut(np.zeros((1, 1))) is None


def test_a_story_of_two_happenings_of_one_kind_is_split_by_what_tells_them_apart() -> None:
    # Across all articles the Oscars' words are rare and join the six; weighted by their own IDF, names decide
    def host(aid: str, who: str, summary: str) -> ArticleSummary:
        return article(aid, "2023-05-01", [(who, "person", [])], summary=summary)

    hugh, ellen = "Hugh Jackman", "Ellen DeGeneres"
    articles = [
        host("h1", hugh, "Hugh Jackman will host the Oscars, the Australian actor confirmed"),
        host("h2", hugh, "Australian actor Hugh Jackman to host the Oscars in February"),
        host("h3", hugh, "X-Men star Hugh Jackman named Oscars host"),
        host("e1", ellen, "Ellen DeGeneres will host the Oscars again, the comedian tweeted"),
        host("e2", ellen, "Comedian Ellen DeGeneres returns to host the Oscars"),
        host("e3", ellen, "Ellen DeGeneres to host the Oscars a second time"),
        *(host(f"o{n}", "Lionel Messi", f"Messi scores {n} times for Inter Miami") for n in range(3)),
    ]
    merged = story(articles, StorySettings(cut=None)).stories
    assert sorted(s.articles for s in merged) == [["h1", "h2", "h3", "e1", "e2", "e3"], ["o0", "o1", "o2"]]
    apart = story(articles).stories
    assert sorted(s.articles for s in apart) == [["e1", "e2", "e3"], ["h1", "h2", "h3"], ["o0", "o1", "o2"]]


def test_two_happenings_told_apart_only_by_their_numbers_are_split_by_them() -> None:
    # Two quakes told in the same words: only their magnitudes, times, depths and tolls tell them apart
    told_as = "A {m} quake at {t}, {d} km deep: {n} hurt"
    said = [("5.6", "12", "4:15", "10")] * 3 + [("4.3", "3", "22:40", "35")] * 3
    summaries = [
        article(f"q{i}", "2023-05-01", [], summary=told_as.format(m=m, n=n, t=t, d=d))
        for i, (m, n, t, d) in enumerate(said)
    ]
    counted = [clusters.features(s) for s in summaries]
    assert not any(f.startswith("d:") for c in counted for f in c)  # no numbers in the story vectors
    assert clusters.split(list(range(6)), counted, 0.65) == [list(range(6))]
    told = [clusters.happening_features(s, c) for s, c in zip(summaries, counted, strict=True)]
    assert told[0]["d:5.6"] == 1 and told[3]["d:4.3"] == 1
    assert sorted(map(sorted, clusters.split(list(range(6)), told, 0.65))) == [[0, 1, 2], [3, 4, 5]]


def test_articles_telling_of_one_act_done_to_different_people_count_less_alike_in_the_cut() -> None:
    # One kind of happening told in the same words: only whom it was done to tells the two apart
    def placed(aid: str, player: str) -> ArticleSummary:
        people = [("Saints", "organization", []), (player, "person", [player.split()[-1]])]
        event = {"actor": "e1", "targets": ["e2"], "action": "placed", "trigger": trigger("placed")}
        return article(aid, "2023-05-01", people, [event], summary="Saints put him on injured reserve")

    summaries = [placed(f"b{i}", "Reggie Bush") for i in range(3)] + [
        placed(f"t{i}", "Pierre Thomas") for i in range(3)
    ]
    counted = [clusters.features(s) for s in summaries]
    targets = [article_targets(s) for s in summaries]
    assert targets[0] == {"plac": [frozenset({"reggie", "bush"})]}
    assert other_targets(targets[0], targets[3]) and not other_targets(targets[0], targets[1])
    assert clusters.split(list(range(6)), counted, 0.65) == [list(range(6))]
    parts = clusters.split(list(range(6)), counted, 0.65, targets)
    assert sorted(map(sorted, parts)) == [[0, 1, 2], [3, 4, 5]]


def test_a_story_over_the_split_bound_stays_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    # The cut is cubic in a story's articles: past SPLIT_AT_MOST a story is left whole so the merge stays linear
    counted = [Counter({"w:oscars": 1, "w:host": 1, f"n:{who}": 2}) for who in ("jackman",) * 3 + ("ellen",) * 3]
    assert sorted(map(sorted, clusters.split(list(range(6)), counted, 0.65))) == [[0, 1, 2], [3, 4, 5]]
    monkeypatch.setattr(clusters, "SPLIT_AT_MOST", 5)
    assert clusters.split(list(range(6)), counted, 0.65) == [list(range(6))]


def test_an_article_far_later_starts_a_new_story() -> None:
    a = article("a", "2019-04-25", KIM_PUTIN, summary="Kim Jong-un meets Putin")
    b = article("b", "2023-09-13", KIM_PUTIN, summary="Kim Jong-un meets Putin")
    assert len(story([a, b], StorySettings(window_days=30)).stories) == 2
    assert len(story([a, b], StorySettings(window_days=2000)).stories) == 1


def test_timeline_falls_back_to_publication_dates_and_says_so() -> None:
    a = article("a", "2023-09-06", KIM_PUTIN, [{"actor": "e1", "action": "warned", "trigger": trigger("warned")}])
    (s,) = story([a]).stories
    (entry,) = s.timeline
    assert (entry.date, entry.date_source) == ("2023-09-06", "published")
    assert entry.spans[0].article == "a" and entry.spans[0].text == "warned"


AIRPORT_TEXT = "Suvarnabhumi Airport serves Bangkok. Protesters closed Suvarnabhumi Airport."
AIRPORT = [("Suvarnabhumi Airport", "location", []), ("Bangkok", "location", []), ("protesters", "other", [])]


def _airport(aid: str, published: str, serves_kind: str, closed: bool = True) -> ArticleSummary:
    """'The airport serves Bangkok' (a state, or told as an act) and, unless ``closed`` is False, protesters
    closing the airport, with the text their spans index."""
    events: list[dict[str, Any]] = [
        {"actor": "e1", "action": "serves", "targets": ["e2"], "trigger": trigger("serves", 21), "kind": serves_kind}
    ]
    if closed:
        events.append({"actor": "e3", "action": "closed", "targets": ["e1"], "trigger": trigger("closed", 47)})
    summary = article(aid, published, AIRPORT, events)
    meta = summary.article.model_copy(
        update={"text": AIRPORT_TEXT, "text_sha256": hashlib.sha256(AIRPORT_TEXT.encode()).hexdigest()}
    )
    return summary.model_copy(update={"article": meta})


def test_a_story_event_is_an_act_when_any_report_tells_it_as_one_and_the_timeline_holds_only_acts() -> None:
    (s,) = story([_airport("a", "2023-09-06", "state"), _airport("b", "2023-09-07", "state")]).stories
    kinds = {e.action: e.kind for e in s.events}
    assert kinds == {"serves": "state", "closed": "act"}
    assert [next(e.action for e in s.events if e.id == t.event) for t in s.timeline] == ["closed"]
    (s,) = story([_airport("a", "2023-09-06", "state"), _airport("b", "2023-09-07", "act")]).stories
    assert {e.action: e.kind for e in s.events} == {"serves": "act", "closed": "act"}
    assert len(s.timeline) == 2


def test_a_story_of_states_alone_lays_them_out_on_its_timeline() -> None:
    (s,) = story([_airport("a", "2023-09-06", "state", closed=False)]).stories
    (event,) = s.events
    assert event.kind == "state" and [t.event for t in s.timeline] == [event.id]
    assert "### Described" not in render_story_markdown(story([_airport("a", "2023-09-06", "state", closed=False)]))


def test_story_markdown_and_page_list_states_last_under_described() -> None:
    summaries = [_airport("a", "2023-09-06", "state"), _airport("b", "2023-09-07", "state")]
    collection = story(summaries)
    md = render_story_markdown(collection)
    timeline = md.split("### Timeline (1)")[1].split("###")[0]
    assert "closed" in timeline and "serves" not in timeline
    assert "### Events reported by several articles (1)" in md
    described = md.split("### Described (1)")[1].split("### Entities")[0]
    assert "**Suvarnabhumi Airport** serves → Bangkok [1: 21–27] [2: 21–27]" in described
    assert md.index("### Events reported by several articles") < md.index("### Described") < md.index("### Entities")
    page = render_story_html(collection, summaries)
    assert page.count('class="item ev"') == 2
    assert page.index(">Described</li>") < page.index('<span class="time">description</span>')


def test_bad_input_is_an_input_error() -> None:
    a = article("a", None, KIM_PUTIN)
    with pytest.raises(InputError, match="given twice"):
        story([a, a])
    with pytest.raises(InputError, match="not an ArticleSummary"):
        story([a, "text"])
    with pytest.raises(InputError, match="not an ArticleSummary"):
        story([{"article": {}}])
    assert story([]).stories == []
    assert story([a.model_dump(mode="json")]).stories[0].articles == ["a"]


def test_stems_and_days() -> None:
    assert {stem(w) for w in ("meet", "meets", "meeting", "met")} == {"meet"}
    assert {stem(w) for w in ("visit", "visited", "visiting", "visits")} == {"visit"}
    assert {stem(w) for w in ("agree", "agreed", "agreement")} == {"agre"}
    assert stem("planned") == stem("plan") and stem("called") != stem("cal")
    assert {stem(w) for w in ("hang", "hanged", "hung", "hangs")} == {"hang"}  # irregular forms looked up first
    assert stem("going") == stem("go") and stem("shown") == stem("showed")
    assert days("2023-09") == (date(2023, 9, 1), date(2023, 9, 30))
    assert days("2023-W37") == (date(2023, 9, 11), date(2023, 9, 17))
    assert days("2023-09-12/2023-09-15") == (date(2023, 9, 12), date(2023, 9, 15))
    assert days("2023-Q3") == (date(2023, 7, 1), date(2023, 9, 30))
    assert days("PRESENT_REF") is None and days("XXXX-09-13") is None and days("2023-02-30") is None


def test_an_event_key_is_the_last_word_of_a_trigger_of_several() -> None:
    def key(trigger: str, action: str) -> str:
        span = Span(start=0, end=len(trigger), text=trigger, status="exact")
        return action_key(Event(id="v1", action=action, trigger=span))

    assert key("began supplying", "began supplying weapons") == key("supplied", "supplied weapons")
    assert key("made its maiden flight", "made its maiden flight") == key("flew", "flew to Chicago")
    assert key("visited", "visited a factory") == stem("visit")
