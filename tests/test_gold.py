"""The hand-labelled gold answers in evals/suites/seeds.toml are well-formed and agree with their articles.

Each check is a function returning a list of problems, run on every case; the mutation tests at the end
prove that each check notices the fault it exists for. Labelling rules: evals/GUIDE.md.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from evaltools import load_tool

from summarise.schema import ArticleSummary, Claim, Event, Span

ROOT = Path(__file__).resolve().parents[1]
SUITE = ROOT / "evals" / "suites" / "seeds.toml"


@dataclass(frozen=True)
class Case:
    id: str
    article: Path
    gold: Path
    published: date

    def text(self) -> str:
        with open(self.article, encoding="utf-8", newline="") as fh:
            return fh.read()

    def summary(self) -> ArticleSummary:
        return ArticleSummary.model_validate_json(self.gold.read_text(encoding="utf-8"))


def load_cases() -> list[Case]:
    suite = tomllib.loads(SUITE.read_text(encoding="utf-8"))
    base = SUITE.parent
    return [
        Case(
            id=c["id"],
            article=(base / c["article"]).resolve(),
            gold=(base / c["gold"]).resolve(),
            published=date.fromisoformat(str(c["published"])),
        )
        for c in suite["cases"]
    ]


CASES = load_cases()


@pytest.fixture(params=CASES, ids=[c.id for c in CASES])
def case(request: pytest.FixtureRequest) -> Case:
    param: Case = request.param
    return param


# ---------------------------------------------------------------- zones no span may touch


def boilerplate_zones(case_id: str, text: str) -> list[tuple[int, int]]:
    """[start, end) stretches of the article that are not news text: datelines, sign-offs, web furniture."""
    zones: list[tuple[int, int]] = []
    if case_id == "000":
        dateline = "Tokyo, Sep 6 (EFE).- "
        assert text.startswith(dateline)
        zones.append((0, len(dateline)))
        signoff = text.index(" EFE\nahg-yk/ia")
        zones.append((signoff, len(text)))
    if case_id == "002":
        assert text.startswith("HomeWorld")
        zones.append((0, text.index("\n")))  # the breadcrumb line
        zones.append((text.index("Author: DN/Lusa"), len(text)))  # byline, source, share widgets, comments
    return zones


# ---------------------------------------------------------------- checks


def spans_of(s: ArticleSummary) -> Iterator[tuple[str, Span]]:
    for item in [*s.events, *s.claims]:
        for k, span in enumerate(item.evidence):
            yield f"{item.id}.evidence[{k}]", span


def check_spans(s: ArticleSummary, text: str) -> list[str]:
    out = []
    for where, span in spans_of(s):
        if not 0 <= span.start < span.end <= len(text):
            out.append(f"{where}: bad offsets [{span.start}:{span.end}]")
        elif text[span.start : span.end] != span.text:
            out.append(f"{where}: text differs from article[{span.start}:{span.end}]")
        if span.status != "exact":
            out.append(f"{where}: status {span.status!r}, gold spans are exact")
        if span.text != span.text.strip() or "\n" in span.text:
            out.append(f"{where}: not a trimmed single sentence")
    for item in [*s.events, *s.claims]:
        if not item.evidence:
            out.append(f"{item.id}: no evidence")
    return out


def check_ids(s: ArticleSummary) -> list[str]:
    ids = [x.id for x in [*s.entities, *s.events, *s.claims]]
    out = [f"duplicate id {i!r}" for i in sorted({i for i in ids if ids.count(i) > 1})]
    entities = {e.id for e in s.entities}
    events = {v.id for v in s.events}
    for v in s.events:
        for ref in [v.actor, *v.targets]:
            if ref is not None and ref not in entities:
                out.append(f"{v.id}: unknown entity {ref!r}")
    for c in s.claims:
        if c.claimant is not None and c.claimant not in entities:
            out.append(f"{c.id}: unknown claimant {c.claimant!r}")
        out += [f"{c.id}: unknown event {e!r}" for e in c.event_ids if e not in events]
    return out


def check_quotes(s: ArticleSummary, text: str) -> list[str]:
    out = []
    for c in s.claims:
        if (c.quote is None) != (c.speech == "indirect"):
            out.append(f"{c.id}: speech {c.speech!r} with quote {c.quote!r}")
        if c.quote is None:
            continue
        if c.quote not in text:
            out.append(f"{c.id}: quote not verbatim in article")
        if not any(c.quote in span.text for span in c.evidence):
            out.append(f"{c.id}: quote outside its evidence")
    return out


def check_meta(s: ArticleSummary, text: str, case: Case) -> list[str]:
    out = []
    if s.article.text_sha256 != hashlib.sha256(text.encode("utf-8")).hexdigest():
        out.append("text_sha256 does not match the article")
    if s.article.id != case.id:
        out.append(f"article.id {s.article.id!r} != case id {case.id!r}")
    if s.article.published != case.published:
        out.append(f"published {s.article.published} != suite {case.published}")
    if s.article.source is None or (ROOT / s.article.source).resolve() != case.article:
        out.append(f"source {s.article.source!r} is not the case's article")
    if s.provenance.backend != "gold":
        out.append("provenance.backend is not 'gold'")
    return out


def check_boilerplate(s: ArticleSummary, text: str, case_id: str) -> list[str]:
    zones = boilerplate_zones(case_id, text)
    return [
        f"{where}: overlaps boilerplate [{a}:{b}]"
        for where, span in spans_of(s)
        for a, b in zones
        if span.start < b and a < span.end
    ]


_DATE = r"\d{4}-\d{2}-\d{2}"


def _day(v: str) -> date | None:
    try:
        return date.fromisoformat(v) if re.fullmatch(_DATE, v) else None
    except ValueError:
        return None


def time_problem(value: str | None, granularity: str | None) -> str | None:
    """Why (value, granularity) is not a valid ISO 8601 resolution, or None when it is."""
    if value is None:
        return None if granularity in (None, "unknown") else f"null value with granularity {granularity!r}"
    if granularity == "day":
        return None if _day(value) else f"{value!r} is not a date"
    if granularity == "month":
        ok = re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value)
        return None if ok else f"{value!r} is not YYYY-MM"
    if granularity == "year":
        return None if re.fullmatch(r"\d{4}", value) else f"{value!r} is not YYYY"
    if granularity == "datetime":
        try:
            datetime.fromisoformat(value)
        except ValueError:
            return f"{value!r} is not a datetime"
        return None
    if granularity in ("week", "interval"):
        if granularity == "week" and re.fullmatch(r"\d{4}-W(0[1-9]|[1-4]\d|5[0-3])", value):
            return None
        a, _, b = value.partition("/")
        start, end = _day(a), _day(b)
        if start is None or end is None or start > end:
            return f"{value!r} is not a date interval start/end"
        if granularity == "week" and (start.isoweekday() != 1 or end - start != timedelta(days=6)):
            return f"{value!r} is not a Monday-to-Sunday week"
        return None
    return f"value {value!r} with granularity {granularity!r}"


def check_times(s: ArticleSummary) -> list[str]:
    out = []
    for v in s.events:
        if v.time is None:
            continue
        problem = time_problem(v.time.value, v.time.granularity)
        if problem:
            out.append(f"{v.id}: {problem}")
        if not any(v.time.text in span.text for span in v.evidence):
            out.append(f"{v.id}: time text {v.time.text!r} not in its evidence")
    return out


def check_entities(s: ArticleSummary, text: str, case_id: str) -> list[str]:
    """Aliases are written as in the article (case aside), outside its boilerplate."""
    for a, b in boilerplate_zones(case_id, text):
        text = text[:a] + "\0" * (b - a) + text[b:]
    low = text.lower()
    out = [
        f"{e.id}: alias {alias!r} not in article" for e in s.entities for alias in e.aliases if alias.lower() not in low
    ]
    return out + [f"{e.id}: name repeated among aliases" for e in s.entities if e.name in e.aliases]


def check_salience(s: ArticleSummary) -> list[str]:
    out = []
    for kind, items in (("event", s.events), ("claim", s.claims)):
        key: list[Event | Claim] = [x for x in items if x.key]
        if not 1 <= len(key) <= 5:
            out.append(f"{len(key)} key {kind}s, expected 1-5")
        out += [f"{x.id}: rank without key or key without rank" for x in items if x.key != (x.rank is not None)]
        ranks = sorted(x.rank for x in key if x.rank is not None)
        if ranks != list(range(1, len(ranks) + 1)):
            out.append(f"{kind} ranks {ranks} are not 1..n")
    sentences = [x for x in re.split(r"(?<=[.!?])\s+", s.summary.strip()) if x]
    if not 2 <= len(sentences) <= 4:
        out.append(f"summary has {len(sentences)} sentences")
    return out


# ---------------------------------------------------------------- the gold passes


def test_suite_has_the_seeds() -> None:
    assert [c.id for c in CASES] == ["000", "002"]
    for c in CASES:
        assert c.article.is_file() and c.gold.is_file()


def test_gold_validates_strictly(case: Case) -> None:
    raw = json.loads(case.gold.read_text(encoding="utf-8"))
    summary = ArticleSummary.model_validate_json(case.gold.read_text(encoding="utf-8"))
    assert raw["article"]["text"] is None  # the suite points at the file
    assert summary.provenance.strategy == "manual" and summary.provenance.model == "hand-labelled"


@pytest.mark.parametrize("check", [check_spans, check_quotes], ids=lambda f: f.__name__)
def test_text_checks(case: Case, check: Callable[[ArticleSummary, str], list[str]]) -> None:
    assert check(case.summary(), case.text()) == []


def test_aliases_occur_outside_boilerplate(case: Case) -> None:
    assert check_entities(case.summary(), case.text(), case.id) == []


def test_ids_and_references(case: Case) -> None:
    assert check_ids(case.summary()) == []


def test_meta_matches_article(case: Case) -> None:
    assert check_meta(case.summary(), case.text(), case) == []


def test_no_span_in_boilerplate(case: Case) -> None:
    assert check_boilerplate(case.summary(), case.text(), case.id) == []


def test_times_resolved(case: Case) -> None:
    assert check_times(case.summary()) == []


def test_salience(case: Case) -> None:
    assert check_salience(case.summary()) == []


def test_time_resolutions_by_hand() -> None:
    """Spot-check the hand resolutions named in the guide against the publication dates."""
    resolved = {
        c.id: {(v.time.text, v.time.value, v.time.granularity) for v in c.summary().events if v.time} for c in CASES
    }
    assert ("Late on Tuesday", "2023-09-05", "day") in resolved["000"]
    assert ("last week", "2023-08-28/2023-09-03", "week") in resolved["000"]
    assert ("this month", "2023-09", "month") in resolved["000"]
    assert ("on Wednesday", "2023-09-13", "day") in resolved["002"]
    assert ("since September 12", "2023-09-12/2023-09-15", "interval") in resolved["002"]
    assert ("in 2022 alone", "2022", "year") in resolved["002"]
    assert ("“a month and a half” ago", None, "unknown") in resolved["002"]


# ---------------------------------------------------------------- each check can fail


def _mutated(case: Case, mutate: Callable[[dict[str, Any]], None]) -> ArticleSummary:
    raw = json.loads(case.gold.read_text(encoding="utf-8"))
    mutate(raw)
    return ArticleSummary.model_validate(raw)


def _shift_span(raw: dict[str, Any]) -> None:
    raw["claims"][0]["evidence"][0]["start"] += 1


def _dangling_claimant(raw: dict[str, Any]) -> None:
    raw["claims"][0]["claimant"] = "e999"


def _duplicate_id(raw: dict[str, Any]) -> None:
    raw["events"][1]["id"] = raw["events"][0]["id"]


def _bad_quote(raw: dict[str, Any]) -> None:
    raw["claims"][0]["quote"] = "words nobody said"


def _quote_elsewhere(raw: dict[str, Any]) -> None:
    other = next(c for c in raw["claims"][1:] if c["evidence"][0]["text"] != raw["claims"][0]["evidence"][0]["text"])
    raw["claims"][0]["evidence"] = other["evidence"]


def _direct_without_quote(raw: dict[str, Any]) -> None:
    raw["claims"][0].update(speech="direct", quote=None)


def _stale_sha(raw: dict[str, Any]) -> None:
    raw["article"]["text_sha256"] = "0" * 64


def _bad_week(raw: dict[str, Any]) -> None:
    raw["events"][0]["time"] = {"text": "this month", "value": "2023-08-29/2023-09-04", "granularity": "week"}


def _bad_month(raw: dict[str, Any]) -> None:
    raw["events"][0]["time"] = {"text": "this month", "value": "2023-13", "granularity": "month"}


def _unknown_with_value(raw: dict[str, Any]) -> None:
    raw["events"][0]["time"] = {"text": "this month", "value": "soon", "granularity": "unknown"}


def _two_rank_ones(raw: dict[str, Any]) -> None:
    raw["claims"][1].update(key=True, rank=1)


def _invented_alias(raw: dict[str, Any]) -> None:
    raw["entities"][0]["aliases"].append("the Land of the Rising Sun")


MUTATIONS: list[tuple[Callable[[dict[str, Any]], None], Callable[[ArticleSummary, str, Case], list[str]]]] = [
    (_shift_span, lambda s, t, c: check_spans(s, t)),
    (_dangling_claimant, lambda s, t, c: check_ids(s)),
    (_duplicate_id, lambda s, t, c: check_ids(s)),
    (_bad_quote, lambda s, t, c: check_quotes(s, t)),
    (_quote_elsewhere, lambda s, t, c: check_quotes(s, t)),
    (_direct_without_quote, lambda s, t, c: check_quotes(s, t)),
    (_stale_sha, lambda s, t, c: check_meta(s, t, c)),
    (_bad_week, lambda s, t, c: check_times(s)),
    (_bad_month, lambda s, t, c: check_times(s)),
    (_unknown_with_value, lambda s, t, c: check_times(s)),
    (_two_rank_ones, lambda s, t, c: check_salience(s)),
    (_invented_alias, lambda s, t, c: check_entities(s, t, c.id)),
]


@pytest.mark.parametrize(("mutate", "check"), MUTATIONS, ids=[m.__name__ for m, _ in MUTATIONS])
def test_checks_catch_faults(
    case: Case,
    mutate: Callable[[dict[str, Any]], None],
    check: Callable[[ArticleSummary, str, Case], list[str]],
) -> None:
    assert check(_mutated(case, mutate), case.text(), case) != []


def test_boilerplate_check_catches_a_span_in_the_furniture() -> None:
    case = next(c for c in CASES if c.id == "002")
    text = case.text()
    at = text.index("Stay Connected")

    def into_furniture(raw: dict[str, Any]) -> None:
        raw["events"][0]["evidence"] = [{"start": at, "end": at + 14, "text": "Stay Connected", "status": "exact"}]

    spoiled = _mutated(case, into_furniture)
    assert check_spans(spoiled, text) == []  # the span itself is faithful ...
    assert check_boilerplate(spoiled, text, "002") != []  # ... but lies in the web furniture

    def furniture_alias(raw: dict[str, Any]) -> None:
        raw["entities"][0]["aliases"].append("DN/Lusa")

    assert check_entities(_mutated(case, furniture_alias), text, "002") != []


# ---------------------------------------------------------------- the offset tool


def _draft(case: Case) -> dict[str, Any]:
    """The case's gold with offsets, status and sha stripped: what a labeller writes by hand."""
    raw = json.loads(case.gold.read_text(encoding="utf-8"))
    raw["article"]["text_sha256"] = ""
    for item in [*raw["events"], *raw["claims"]]:
        item["evidence"] = [{"text": span["text"]} for span in item["evidence"]]
    return raw


def test_tool_refills_gold_from_text_only(case: Case, tmp_path: Path) -> None:
    draft = tmp_path / "draft.gold.json"
    draft.write_text(json.dumps(_draft(case), ensure_ascii=False), encoding="utf-8")
    tool = load_tool("label_offsets")
    assert tool.main([str(draft), "--article", str(case.article)]) == 0
    assert json.loads(draft.read_text(encoding="utf-8")) == json.loads(case.gold.read_text(encoding="utf-8"))
    assert tool.main([str(case.gold), "--check"]) == 0  # source resolved against the repo root


def test_tool_fails_loudly(tmp_path: Path) -> None:
    case = next(c for c in CASES if c.id == "000")
    tool = load_tool("label_offsets")

    def run(raw: dict[str, Any]) -> list[str]:
        path = tmp_path / "g.json"
        path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
        with pytest.raises(tool.LabelError) as err:
            tool.label(path, case.article)
        problems: list[str] = err.value.problems
        return problems

    ambiguous = _draft(case)
    ambiguous["events"][0]["evidence"] = [{"text": "Putin"}]
    assert any("ambiguous" in p for p in run(ambiguous))

    straight = _draft(case)
    span = straight["claims"][0]["evidence"][0]
    span["text"] = span["text"].replace("’", "'")
    assert any("folded" in p for p in run(straight))

    misquoted = _draft(case)
    misquoted["claims"][0]["quote"] = "with grave concern"
    assert any("quote" in p for p in run(misquoted))

    picked = _draft(case)
    picked["events"][0].update(evidence=[{"text": "Putin", "nth": 1}], time=None)
    path = tmp_path / "ok.json"
    path.write_text(json.dumps(picked, ensure_ascii=False), encoding="utf-8")
    gold, _ = tool.label(path, case.article)
    text = case.text()
    span = gold["events"][0]["evidence"][0]
    assert span["start"] == [m.start() for m in re.finditer("Putin", text)][1] and "nth" not in span

    unchecked = tmp_path / "stale.json"
    unchecked.write_text(json.dumps(_draft(case), ensure_ascii=False), encoding="utf-8")
    assert tool.main([str(unchecked), "--article", str(case.article), "--check"]) == 1
