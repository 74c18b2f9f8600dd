"""The summary check: a summary sentence that gives an attributed statement as fact is fed back once."""

from __future__ import annotations

from summarise.backends.fake import FakeBackend
from summarise.config import Settings
from summarise.ground.summary import Statement, Told, event_problems, summary_problems
from summarise.pipeline import summarise
from summarise.schema import ArticleSummary

SAID = Statement("Mayor Jane Roux", "said", "the new bridge would carry twenty thousand cars a day from May")


def test_a_statement_given_as_fact_is_found_and_an_attributed_one_is_not() -> None:
    fact = "The new bridge will carry twenty thousand cars a day from May. It opened on Monday."
    (problem,) = summary_problems(fact, [SAID])
    assert problem.startswith("sentence 1 gives what Mayor Jane Roux said as fact")
    assert summary_problems("Mayor Jane Roux says the new bridge will carry twenty thousand cars a day.", [SAID]) == []
    criticized = Statement("Lawmakers", "criticized", "the plan would carry twenty thousand cars a day past schools")
    assert (
        summary_problems("Lawmakers criticize a plan to carry twenty thousand cars a day past schools.", [criticized])
        == []
    )
    assert summary_problems("The bridge opened.", [Statement("Roux", "said", "it opened")]) == []  # too short to tell


ARTICLE = (
    "Mayor Jane Roux opened the new bridge on Monday. "
    "She said the new bridge would carry twenty thousand cars a day from May."
)


def run(answers: list[str]) -> tuple[ArticleSummary, list[str]]:
    asked: list[str] = []

    def script(messages: list[dict[str, str]], model: object) -> dict[str, str]:
        asked.append(messages[-1]["content"])
        return {"summary": answers[min(len(asked), len(answers)) - 1]}

    result = summarise(ARTICLE, backend=FakeBackend(script), settings=Settings(strategy="hybrid", cache=False))
    return result, asked


def test_the_model_is_asked_once_to_attribute_and_the_better_summary_is_kept() -> None:
    fixed = "Mayor Jane Roux opened a bridge on Monday and said it would carry twenty thousand cars a day from May."
    result, asked = run(["The new bridge will carry twenty thousand cars a day from May.", fixed])
    assert len(asked) == 2 and 'begin that sentence with "Jane Roux said that"' in asked[1]
    assert result.summary == fixed and result.provenance.retries == 1
    assert result.provenance.warnings == []


def test_a_summary_still_wrong_after_the_second_ask_is_kept_and_flagged() -> None:
    wrong = "The new bridge will carry twenty thousand cars a day from May."
    result, asked = run([wrong, wrong])
    assert len(asked) == 2 and result.summary == wrong
    (warning,) = result.provenance.warnings
    assert warning.startswith("in the summary, sentence 1 gives what Jane Roux said as fact")


def test_the_eval_counts_summary_sentences_that_give_a_gold_statement_as_fact() -> None:
    from summarise.evals.metrics import point
    from summarise.evals.run import RunCase
    from summarise.evals.score import suite_metrics, summary_counts
    from summarise.schema import ArticleMeta, Claim, Entity, Provenance, Span

    span = Span(start=49, end=len(ARTICLE), text=ARTICLE[49:], status="exact")
    meta = ArticleMeta(id="t", text_sha256="0" * 64)
    prov = Provenance(backend="t", model="m", prompt_id="p", prompt_version="1", prompt_sha256="", schema_sha256="")
    gold = ArticleSummary(
        article=meta,
        summary="",
        entities=[Entity(id="e1", name="Jane Roux", type="person")],
        claims=[Claim(id="c1", claimant="e1", cue="said", content=SAID.content, evidence=[span])],
        provenance=prov,
    )

    def case(text: str) -> RunCase:
        prediction = gold.model_copy(update={"summary": text, "claims": []})
        return RunCase(id="t", article="t.txt", text=ARTICLE, gold=gold, prediction=prediction)

    as_fact = case("Jane Roux opened a bridge. The new bridge will carry twenty thousand cars a day from May.")
    assert summary_counts(as_fact) == {"summary.sentences": 2.0, "summary.as_fact": 1.0}
    said = case("Jane Roux said the new bridge would carry twenty thousand cars a day from May.")
    assert summary_counts(said) == {"summary.sentences": 1.0, "summary.as_fact": 0.0}
    rate = point(suite_metrics(), [summary_counts(as_fact), summary_counts(said)])["summary.as_fact_rate"]
    assert rate == 1 / 3


def test_a_planned_possible_or_conditional_event_stated_as_fact_is_flagged() -> None:
    planned = Told("Kim Jong-un", "visit Russia", "planned")
    possible = Told("Kim Jong-un", "travel to Vladivostok", "possible")
    (problem,) = event_problems("Kim Jong-un visited Russia and met Putin.", [planned])
    assert "sentence 1" in problem and "a plan" in problem
    assert event_problems("Kim Jong-un will visit Russia.", [planned]) == []  # the plan is stated as one
    assert event_problems("Kim Jong-un could travel to Vladivostok.", [possible]) == []
    assert len(event_problems("Kim Jong-un travels to Vladivostok.", [possible])) == 1
    happened = Told("Kim Jong-un", "visit Russia", "happened")
    assert event_problems("Kim Jong-un visited Russia.", [happened]) == []  # what happened may be told as fact
