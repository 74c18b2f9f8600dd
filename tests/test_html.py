"""HTML review pages: every span highlighted exactly, overlaps and statuses marked, panel ordered, escaped."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from summarise.config import Settings
from summarise.errors import InputError, SummariseError
from summarise.pipeline import summarise
from summarise.render.html import EvalDocView, render_eval_html, render_summary_html
from summarise.schema import (
    ArticleMeta,
    ArticleSummary,
    Claim,
    Entity,
    Event,
    GroundingCounts,
    Provenance,
    Span,
    SpanStatus,
    TimeExpr,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
HOSTILE = ["<script>alert(1)</script>", "</textarea>", '" onerror="alert(1)', "<img src=x onerror=alert(1)>"]


# ------------------------------------------------------------------------------------------- fixture builders


def span(text: str, needle: str, status: SpanStatus = "exact", *, quoted: str | None = None) -> Span:
    """The span of the first ``needle``; ``quoted`` overrides the span text (a model's paraphrase)."""
    start = text.find(needle)
    assert start >= 0, needle
    return Span(start=start, end=start + len(needle), text=quoted or needle, status=status)


def make_summary(text: str, article_id: str, **fields: Any) -> ArticleSummary:
    provenance = Provenance(
        backend="llama-cpp",
        model="qwen2.5-coder-1.5b-instruct-q4",
        prompt_id="extract",
        prompt_version="3",
        prompt_sha256="ab" * 32,
        schema_sha256="cd" * 32,
        prompt_tokens=1234,
        completion_tokens=567,
        calls=2,
        latency_s=12.5,
        grounding=GroundingCounts(exact=9, fuzzy=1, unverified=1, quotes_verified=2),
        warnings=["window 2 re-asked once"],
        summarise_version="0.1.0",
    )
    meta = ArticleMeta(
        id=article_id,
        title=fields.pop("title", None),
        source=f"seeds/{article_id}.txt",
        published=date(2023, 9, 6),
        text_sha256=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
    )
    return ArticleSummary(article=meta, summary=fields.pop("summary", "A summary."), provenance=provenance, **fields)


def seed_000() -> ArticleSummary:
    t = (SEEDS / "000_ef4bc445b1a14fa2.txt").read_text(encoding="utf-8")
    entities = [
        Entity(id="e1", name="Japanese government", type="organization", aliases=["Tokyo", "Japan"]),
        Entity(id="e2", name="Kim Jong-un", type="person", aliases=["Kim", "North Korean leader"]),
        Entity(id="e3", name="Vladimir Putin", type="person", aliases=["Putin"]),
        Entity(id="e4", name="Hirokazu Matsuno", type="person", aliases=["Matsuno"]),
        Entity(id="e5", name="United States", type="location", aliases=["US", "Washington"]),
        Entity(id="e6", name="Jake Sullivan", type="person", aliases=["Sullivan"]),
        Entity(id="e7", name="North Korea", type="location", aliases=["Pyongyang"]),
        Entity(id="e8", name="Kremlin", type="organization"),
    ]
    events = [
        Event(
            id="v1",
            actor="e2",
            action="may travel to Russia to meet",
            targets=["e3"],
            time=TimeExpr(text="this month", value="2023-09", granularity="month"),
            evidence=[span(t, "Kim could travel to Russia this month to meet Putin")],
            key=True,
            rank=1,
        ),
        Event(
            id="v2",
            actor="e5",
            action="warned",
            targets=["e7"],
            location=None,
            time=TimeExpr(text="Late on Tuesday", value="2023-09-05", granularity="day"),
            evidence=[span(t, "the US had warned North Korea that the regime would “pay a price")],
            rank=2,
        ),
        Event(
            id="v3",
            actor="e8",
            action="refused to comment on the possible meeting",
            time=TimeExpr(text="on Tuesday", value="2023-09-05", granularity="day"),
            evidence=[span(t, "Kremlin on Tuesday refused to comment on the possible meeting")],
        ),
        Event(
            id="v4",
            action="published reports on the planned visit",
            time=TimeExpr(text="On Monday", value="2023-09-04", granularity="day"),
            evidence=[span(t, "New York Times and The Washington Post had published reports")],
        ),
        Event(
            id="v5",
            actor="e7",
            action="discussed the sale of advanced weapons",
            targets=["e3"],
            evidence=[
                span(
                    t,
                    "actively discussing the sale of advanced weapons",
                    "unverified",
                    quoted="agreed on the sale of advanced weapons",
                )
            ],
        ),
        Event(
            id="v6",
            actor="e2",
            action="to discuss an exchange of weapons",
            targets=["e3"],
            time=TimeExpr(text="this month", value=None),
            evidence=[span(t, "meet Putin and discuss an exchange of weapons")],
        ),
    ]
    claims = [
        Claim(
            id="c1",
            claimant="e1",
            cue="said",
            speech="mixed",
            quote="with concern",
            key=True,
            rank=1,
            content="Japan is monitoring North Korea's movements with concern.",
            evidence=[
                span(
                    t,
                    "The Japanese government said on Wednesday that it was monitoring North Korea’s "
                    "movements “with concern”",
                )
            ],
        ),
        Claim(
            id="c2",
            claimant="e4",
            cue="said in a press conference",
            speech="indirect",
            content="Tokyo is monitoring possible violations of UN Security Council resolutions.",
            evidence=[span(t, "Tokyo was monitoring the situation with concern over the possible violation")],
        ),
        Claim(
            id="c3",
            claimant=None,
            cue="said",
            speech="indirect",
            event_ids=["v1", "v6"],
            content="US media reported that Kim could travel to Russia this month to meet Putin.",
            evidence=[
                span(
                    t,
                    "reports in the United States’ media that said that Kim could travel to Russia this "
                    "month to meet Putin and discuss an exchange of weapons",
                )
            ],
        ),
        Claim(
            id="c4",
            claimant="e6",
            cue="told reporters",
            speech="direct",
            key=True,
            rank=2,
            event_ids=["v2"],
            quote="We will continue to call on North Korea to abide by its public commitments",
            content="The US will keep calling on North Korea not to supply weapons to Russia.",
            evidence=[span(t, "“We will continue to call on North Korea to abide by its public commitments")],
        ),
        Claim(
            id="c5",
            claimant="e6",
            cue="said",
            speech="mixed",
            content="Washington has information that Kim expects arms deal negotiations to continue.",
            evidence=[span(t, "Washington had information about Kim expecting the arms deal negotiations", "fuzzy")],
        ),
        Claim(
            id="c6",
            claimant="e5",
            cue="warned",
            speech="mixed",
            event_ids=["v2"],
            content="North Korea would pay a price if it supplied weapons to Russia.",
            evidence=[span(t, "would “pay a price in the international community”")],
        ),
    ]
    return make_summary(
        t,
        "000_ef4bc445b1a14fa2",
        title="Japan monitors North Korea ‘with concern’",
        summary="Japan said it was monitoring North Korea with concern ahead of a possible "
        "Kim–Putin meeting; the US warned Pyongyang against supplying weapons to Russia.",
        entities=entities,
        events=events,
        claims=claims,
    )


def seed_002() -> ArticleSummary:
    t = (SEEDS / "002_74635596341c1c7a.txt").read_text(encoding="utf-8")
    entities = [
        Entity(id="e1", name="Fumio Kishida", type="person", aliases=["Prime Minister Kishida"]),
        Entity(id="e2", name="Kim Jong Un", type="person", aliases=["Kim", "Kim Jong-un", "North Korean leader"]),
        Entity(id="e3", name="Hirokazu Matsuno", type="person"),
        Entity(id="e4", name="Vladimir Putin", type="person", aliases=["Putin"]),
        Entity(id="e5", name="Denis Manturov", type="person", aliases=["Russia’s Industry and Trade Minister"]),
        Entity(id="e6", name="Kirilo Budánov", type="person"),
        Entity(id="e7", name="Ukraine", type="location"),
    ]
    events = [
        Event(
            id="v1",
            actor="e2",
            action="met",
            targets=["e4"],
            key=True,
            rank=1,
            time=TimeExpr(text="on Wednesday", value="2023-09-13", granularity="day"),
            evidence=[span(t, "meeting Russian President Vladimir Putin on Wednesday")],
        ),
        Event(
            id="v2",
            actor="e2",
            action="visited two aircraft factories",
            location="Komsomolsk-on-Amur",
            time=TimeExpr(text="today", value="2023-09-15", granularity="day"),
            evidence=[span(t, "The North Korean leader today visited two factories")],
        ),
        Event(
            id="v3",
            actor="e2",
            action="has been visiting Russia",
            time=TimeExpr(text="since September 12", value="2023-09-12/2023-09-17", granularity="interval"),
            evidence=[span(t, "Kim Jong Un has been visiting Russia since September 12")],
        ),
        Event(
            id="v4",
            actor="e2",
            action="began supplying weapons to the Russian military",
            time=TimeExpr(text="a month and a half ago", value="2023-W31", granularity="week"),
            evidence=[span(t, "North Korea began supplying weapons “a month and a half” ago")],
        ),
    ]
    claims = [
        Claim(
            id="c1",
            claimant="e3",
            cue="said",
            speech="direct",
            key=True,
            rank=1,
            quote="at any time and without prior conditions",
            content="Kishida is determined to meet Kim Jong Un in person without preconditions.",
            evidence=[
                span(
                    t,
                    "“Prime Minister Kishida has expressed his determination to meet Kim Jong Un in "
                    "person “at any time and without prior conditions,”",
                )
            ],
        ),
        Claim(
            id="c2",
            claimant="e5",
            cue="emphasizes",
            speech="direct",
            quote="We see opportunities for cooperation both in the field of aircraft manufacturing",
            content="Russia sees opportunities for cooperation in aircraft manufacturing and elsewhere.",
            evidence=[span(t, "“We see opportunities for cooperation both in the field of aircraft manufacturing")],
        ),
        Claim(
            id="c3",
            claimant="e6",
            cue="according to",
            speech="indirect",
            event_ids=["v4"],
            content="Pyongyang supplied 122mm and 152mm artillery projectiles and Grad rockets.",
            evidence=[span(t, "Pyongyang supplied 122mm and 152mm caliber projectiles", "fuzzy")],
        ),
        Claim(
            id="c4",
            claimant="e7",
            cue="said",
            speech="indirect",
            event_ids=["v4"],
            content="North Korea began supplying weapons to Russia six weeks ago.",
            evidence=[span(t, "Ukraine said North Korea began supplying weapons")],
        ),
        Claim(
            id="c5",
            claimant=None,
            cue="is said",
            speech="indirect",
            content="Russia spent more than 10 million projectiles in 2022.",
            evidence=[
                span(
                    t,
                    "spent more than 10 million projectiles on the war in 2022",
                    "unverified",
                    quoted="fired 10 million shells in 2022",
                )
            ],
        ),
    ]
    return make_summary(
        t,
        "002_74635596341c1c7a",
        title="Kishida ready to meet Kim",
        summary="Japan said Kishida is willing to meet Kim Jong Un without preconditions.",
        entities=entities,
        events=events,
        claims=claims,
    )


def hostile() -> ArticleSummary:
    """Article text, names, ids, cues and quotes full of markup that must stay text."""
    text = "Intro. " + " Middle. ".join(HOSTILE) + " End."
    entities = [Entity(id='e1"><script>alert(2)</script>', name=HOSTILE[3], aliases=[HOSTILE[1]])]
    events = [
        Event(
            id='v1" onclick="alert(3)',
            actor=entities[0].id,
            action=HOSTILE[0],
            time=TimeExpr(text=HOSTILE[2], value="</script>"),
            evidence=[span(text, HOSTILE[0]), span(text, HOSTILE[3], "unverified", quoted=HOSTILE[1])],
        )
    ]
    claims = [
        Claim(
            id="c1</script><script>alert(4)</script>",
            claimant=entities[0].id,
            cue=HOSTILE[2],
            content=HOSTILE[1],
            quote=HOSTILE[0],
            evidence=[span(text, HOSTILE[2], "fuzzy")],
        )
    ]
    return make_summary(
        text,
        "</script>",
        title=HOSTILE[0],
        summary=HOSTILE[3],
        entities=entities,
        events=events,
        claims=claims,
    )


# ------------------------------------------------------------------------------------------- page inspection


class Page(HTMLParser):
    """Reads back a rendered page: text per ``.text`` block with the marks covering it, and the JS data."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.texts: list[list[tuple[str, dict[str, str]]]] = []  # per .text block: (chunk, mark attrs or {})
        self.tags: list[tuple[str, dict[str, str]]] = []
        self._depth = 0  # div nesting inside the current .text block
        self._mark: dict[str, str] | None = None
        self.feed(page)
        found = re.search(r'<script type="application/json" id="review-data">(.*?)</script>', page, re.S)
        assert found
        self.data: dict[str, Any] = json.loads(found[1])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append((tag, a))
        if self._depth:
            self._depth += tag == "div"
            if tag == "mark":
                self._mark = a
        elif tag == "div" and "text" in a.get("class", "").split():
            self.texts.append([])
            self._depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self._depth and tag == "mark":
            self._mark = None
        elif self._depth and tag == "div":
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._depth:
            self.texts[-1].append((data, self._mark or {}))

    def coverage(self, block: int = 0) -> tuple[str, dict[str, set[int]], list[tuple[int, int, dict[str, str]]]]:
        """The block's plain text, the code points each item key covers, and every mark with its offsets."""
        text, pos = "", 0
        cover: dict[str, set[int]] = {}
        marks: list[tuple[int, int, dict[str, str]]] = []
        for chunk, attrs in self.texts[block]:
            if attrs:
                marks.append((pos, pos + len(chunk), attrs))
                for key in attrs["data-items"].split():
                    cover.setdefault(key, set()).update(range(pos, pos + len(chunk)))
            text += chunk
            pos += len(chunk)
        return text, cover, marks

    def key_of(self, label: str) -> str:
        return next(str(k) for k, v in self.data["items"].items() if v["label"] == label)


def marks_over(page: Page, needle: str, block: int = 0) -> list[dict[str, str]]:
    text, _, marks = page.coverage(block)
    start = text.find(needle)
    return [a for s, e, a in marks if s < start + len(needle) and start < e]


# ----------------------------------------------------------------------------------------------- summary page


@pytest.mark.parametrize("build", [seed_000, seed_002, hostile])
def test_text_round_trips_and_every_span_is_highlighted_exactly(build: Any) -> None:
    summary = build()
    page = Page(render_summary_html(summary))
    text, cover, _ = page.coverage()
    assert text == summary.article.text
    for kind, items in (("event", summary.events), ("claim", summary.claims)):
        for item in items:
            expected = {i for s in item.evidence for i in range(s.start, s.end)}
            assert cover[page.key_of(f"{item.id} ({kind})")] == expected, item.id


def gold_files() -> list[Path]:
    """Gold summaries written by hand (text omitted), when present; tests over them are optional extras."""
    return sorted(SEEDS.glob("*.gold.json"))


def load_gold(path: Path) -> tuple[ArticleSummary, str]:
    text = path.with_name(path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
    return ArticleSummary.model_validate_json(path.read_text(encoding="utf-8")), text


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.name)
def test_gold_summaries_render_with_text_given(path: Path) -> None:
    summary, text = load_gold(path)
    page = Page(render_summary_html(summary, text=text))
    got, cover, _ = page.coverage()
    assert got == text
    items: list[tuple[str, Event | Claim]] = [("event", v) for v in summary.events]
    for kind, item in items + [("claim", c) for c in summary.claims]:
        located = {i for s in item.evidence if 0 <= s.start < s.end <= len(text) for i in range(s.start, s.end)}
        label = f"{item.id} ({kind})" if getattr(item, "status", "happened") == "happened" else None
        label = label or f"{item.id} ({getattr(item, 'status', '')} {kind})"
        lit = cover.get(page.key_of(label), set())
        if isinstance(item, Claim) and item.statement is not None:  # the statement and its cue, not the sentence
            statement = set(range(item.statement.start, item.statement.end))
            assert statement <= lit <= statement | located and len(lit - statement) <= len(item.cue)
        else:
            assert lit == located


def test_overlaps_are_split_and_styled_by_kind_and_count() -> None:
    page = Page(render_summary_html(seed_000()))
    v1, v6, c3 = (page.key_of(x) for x in ("v1 (event)", "v6 (event)", "c3 (claim)"))
    triple = marks_over(page, "meet Putin")[0]
    assert set(triple["data-items"].split()) == {v1, v6, c3}
    assert {"k-both", "ov"} <= set(triple["class"].split()) and triple["data-n"] == "3"
    event_and_claim = marks_over(page, "Kim could travel")[0]
    assert set(event_and_claim["data-items"].split()) == {v1, c3}
    only_claim = marks_over(page, "reports in the United")[0]
    assert only_claim["data-items"] == c3 and set(only_claim["class"].split()) == {"hl", "k-cl"}
    only_event = marks_over(page, "Kremlin on Tuesday")[0]
    assert set(only_event["class"].split()) == {"hl", "k-ev"}


def test_unverified_and_fuzzy_spans_are_marked_with_tooltips() -> None:
    page = Page(render_summary_html(seed_000()))
    unverified = marks_over(page, "actively discussing")[0]
    assert "unv" in unverified["class"].split()
    assert "unverified: not found in the article" in unverified["title"]
    assert "agreed on the sale of advanced weapons" in unverified["title"]  # what the model claimed
    fuzzy = marks_over(page, "Washington had information")[0]
    assert "fz" in fuzzy["class"].split() and "unv" not in fuzzy["class"].split()
    assert "fuzzy" in fuzzy["title"]


def test_spans_outside_the_text_are_listed_not_highlighted() -> None:
    summary = seed_002()
    assert summary.article.text is not None
    n = len(summary.article.text)
    summary.events[0].evidence.append(Span(start=n - 2, end=n + 40, text="beyond the end", status="unverified"))
    html = render_summary_html(summary)
    page = Page(html)
    assert page.coverage()[0] == summary.article.text
    assert "offsets outside the text" in html


def section(html: str, start: str, end: str) -> str:
    return html[html.index(start) : html.index(end)]


def test_timeline_orders_by_resolved_time_with_undated_last() -> None:
    html = render_summary_html(seed_000())
    events = section(html, "<h2>Events", "<h2>Claims")
    # "2023-09" (this month) sorts by its start, before 2023-09-04; equal values keep article order.
    assert re.findall(r"<code>(v\d)</code>", events) == ["v1", "v4", "v2", "v3", "v5", "v6"]
    assert events.index("Undated") < events.index("<code>v5</code>")
    assert "Late on Tuesday" in events and "2023-09-05" in events
    # ISO weeks and intervals sort by their start: 2023-W31 (July) first, interval from 09-12 before 09-13.
    events = section(render_summary_html(seed_002()), "<h2>Events", "<h2>Claims")
    assert re.findall(r"<code>(v\d)</code>", events) == ["v4", "v3", "v1", "v2"]


def test_claims_grouped_by_claimant_key_first_unattributed_last() -> None:
    html = render_summary_html(seed_000())
    claims = section(html, "<h2>Claims", "<h2>Entities")
    groups = re.findall(r"<h3>(.*?) <", claims)
    assert groups == [
        "Japanese government",
        "Jake Sullivan",
        "Hirokazu Matsuno",
        "United States",
        "unattributed",
    ]
    assert re.findall(r"<code>(c\d)</code>", claims) == ["c1", "c4", "c5", "c2", "c6", "c3"]
    assert "told reporters" in claims and "direct" in claims
    assert "“We will continue to call on North Korea to abide by its public commitments”" in claims


def test_key_points_first_by_rank_and_marked() -> None:
    html = render_summary_html(seed_000())
    key = section(html, "<h2>Key points", "<h2>Events")
    assert re.findall(r"<code>(\w\d)</code>", key) == ["v1", "c1", "c4"]
    assert html.index("<h2>Key points") < html.index("<h2>Events")
    assert key.count("★ key") == 3
    # each claim card names its claimant, in the key points as in the claims list
    assert re.findall(r'<code>c\d</code>.*?<b class="who">(.*?)</b>', key) == ["Japanese government", "Jake Sullivan"]


def test_entities_listed_with_type_aliases_and_related_items() -> None:
    summary = seed_000()
    html = render_summary_html(summary)
    page = Page(html)
    entities = section(html, "<h2>Entities", "</aside>")
    assert "Hirokazu Matsuno" in entities and "person" in entities and "also: US, Washington" in entities
    sullivan = page.data["items"][page.key_of("Jake Sullivan")]
    assert {page.data["items"][k]["label"] for k in sullivan["rel"]} == {"c4 (claim)", "c5 (claim)"}


def test_panel_items_and_segments_share_keys() -> None:
    page = Page(render_summary_html(seed_000()))
    keys = {a["data-key"] for tag, a in page.tags if "data-key" in a}
    assert keys == set(page.data["items"])
    seg_ids = {a["id"] for tag, a in page.tags if tag == "mark"}
    for item in page.data["items"].values():
        assert set(item["segs"]) <= seg_ids


def test_provenance_footer() -> None:
    html = render_summary_html(seed_000())
    footer = section(html, '<footer class="prov">', "</footer>")
    for needle in (
        "qwen2.5-coder-1.5b-instruct-q4 via llama-cpp",
        "extract v3",
        "1234 prompt + 567 completion",
        "12.50 s",
        "9 exact · 1 fuzzy · 1 unverified",
        "window 2 re-asked once",
    ):
        assert needle in footer


def test_title_override_and_default() -> None:
    assert "<title>Japan monitors North Korea ‘with concern’</title>" in render_summary_html(seed_000())
    assert "<h1>Custom</h1>" in render_summary_html(seed_000(), title="Custom")
    untitled = seed_000()
    untitled = untitled.model_copy(update={"article": untitled.article.model_copy(update={"title": None})})
    page = render_summary_html(untitled)
    first = untitled.summary.split(". ")[0]
    assert f"<title>{first[:60]}" in page and untitled.article.id not in page.split("</title>")[0]


def test_text_given_separately_when_omitted_from_summary() -> None:
    full = seed_002()
    text = full.article.text
    assert text is not None
    omitted = full.model_copy(update={"article": full.article.model_copy(update={"text": None})})
    assert Page(render_summary_html(omitted, text=text)).coverage() == Page(render_summary_html(full)).coverage()
    with pytest.raises(InputError, match="carries no text") as missing:
        render_summary_html(omitted)
    assert isinstance(missing.value, SummariseError) and missing.value.exit_code == 2
    with pytest.raises(InputError, match="does not match its text_sha256"):
        render_summary_html(omitted, text=text + " ")


def test_mismatched_embedded_text_warns() -> None:
    summary = seed_002()
    summary.article.text_sha256 = "0" * 64
    assert "does not match its text_sha256" in render_summary_html(summary)


def script_blocks(html: str) -> list[str]:
    return re.findall(r"<script\b[^>]*>", html)


def test_hostile_content_stays_text() -> None:
    summary = hostile()
    html = render_summary_html(summary)
    for payload in HOSTILE:
        assert payload not in html
    assert "alert(2)</script>" not in html and "alert(4)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&quot; onerror=&quot;alert(1)" in html
    assert script_blocks(html) == ['<script type="application/json" id="review-data">', "<script>"]
    assert "<img" not in html and "<textarea" not in html
    page = Page(html)
    assert page.coverage()[0] == summary.article.text
    allowed = "html head meta title style body header main section aside footer div p h1 h2 h3 ul ol li dl dt dd"
    assert {tag for tag, _ in page.tags} <= {
        *allowed.split(),
        "mark",
        "span",
        "code",
        "b",
        "blockquote",
        "script",
    }
    labels = {v["label"] for v in page.data["items"].values()}  # JSON decodes back to the raw strings
    assert 'v1" onclick="alert(3) (event)' in labels and HOSTILE[3] in labels
    json_block = re.search(r'id="review-data">(.*?)</script>', html, re.S)
    assert json_block and "<" not in json_block[1] and ">" not in json_block[1]


def test_page_is_self_contained_and_allows_only_its_own_script() -> None:
    html = render_summary_html(seed_000())
    assert not re.search(r"\b(src|href)=|<link|@import|url\(|https?://", html)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert csp and "default-src 'none'" in csp[1]
    script = html.rsplit("<script>", 1)[1].split("</script>", 1)[0]
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp[1]


# -------------------------------------------------------------------------------------------------- eval page


def eval_docs() -> list[EvalDocView]:
    gold = seed_000()
    assert gold.article.text is not None
    pred = gold.model_copy(deep=True)
    pred.events = [v for v in pred.events if v.id != "v3"]  # v3 missed
    pred.events[1].time = TimeExpr(text="Late on Tuesday", value="2023-09-06")  # v2: wrong time
    pred.claims.append(
        Claim(
            id="c9",
            cue="said",
            content="A claim nobody made.",
            claimant="e8",
            evidence=[span(gold.article.text, "However, he did not offer further details.")],
        )
    )
    doc = EvalDocView(
        doc_id="000_ef4bc445b1a14fa2",
        text=gold.article.text,
        gold=gold,
        predicted=pred,
        matches=[
            ("v1", "v1", 1.0, []),
            ("v2", "v2", 0.81, ["time"]),
            ("c1", "c1", 0.95, []),
            ("c4", "c4", 0.9, ["speech", "quote"]),
        ],
        missed=["v3"],
        false_positives=["c9"],
    )
    failed_gold = seed_002()
    assert failed_gold.article.text is not None
    failed = EvalDocView(
        doc_id="002 <b>bad</b>",
        text=failed_gold.article.text,
        gold=failed_gold,
        error="ExtractionError: answer stayed invalid </script>",
        missed=["v1", "c1"],
    )
    return [doc, failed]


def test_eval_page_colours_outcomes_on_both_sides() -> None:
    docs = eval_docs()
    html = render_eval_html(docs, [("event F1", "0.83"), ("claim F1", "0.71 <i>")])
    page = Page(html)
    assert len(page.texts) == 3  # gold + predicted for doc 0, gold only for the failed doc
    for block in range(3):
        assert page.coverage(block)[0] == docs[0 if block < 2 else 1].text

    def kinds(needle: str, block: int) -> set[str]:
        return {c for a in marks_over(page, needle, block) for c in a["class"].split() if c.startswith("k-")}

    assert kinds("Kremlin on Tuesday", 0) == {"k-miss"}  # gold, missed
    assert kinds("Kremlin on Tuesday", 1) == set()  # not predicted
    assert kinds("the US had warned", 0) == kinds("the US had warned", 1) == {"k-wrong"}
    assert kinds("The Japanese government said", 1) == {"k-ok"}
    assert kinds("However, he did not offer", 1) == {"k-fp"} and kinds("However, he did not offer", 0) == set()
    assert kinds("Tokyo was monitoring", 0) == {"k-none"}  # c2: neither matched nor missed by the scorer
    # a row links the spans on both sides
    row = page.data["items"][page.key_of("v2 ↔ v2 (wrong fields)")]
    assert any(s.startswith("d0g") for s in row["segs"]) and any(s.startswith("d0p") for s in row["segs"])


def test_eval_page_tables_errors_and_wrong_fields() -> None:
    html = render_eval_html(eval_docs(), [("event F1", "0.83"), ("claim F1", "0.71 <i>")])
    assert "<tr><td>event F1</td><td>0.83</td></tr>" in html and "0.71 &lt;i&gt;" in html
    assert html.index('class="scores"') < html.index('id="doc-0"')
    assert '<dt class="wrong">time</dt><dd class="wrong">Late on Tuesday = 2023-09-06</dd>' in html
    assert '<dt class="wrong">speech</dt>' in html and "<td>0.81</td>" in html
    assert "Run failed: ExtractionError: answer stayed invalid &lt;/script&gt;" in html
    assert "No prediction." in html and "002 &lt;b&gt;bad&lt;/b&gt;" in html
    doc0 = section(html, 'id="doc-0"', 'id="doc-1"')
    assert doc0.count(">missed</td>") == 1 and doc0.count(">false positive</td>") == 1
    assert doc0.count(">wrong fields</td>") == 2 and doc0.count(">match</td>") == 2
    assert script_blocks(html) == ['<script type="application/json" id="review-data">', "<script>"]


def test_the_words_carrying_items_are_lit_not_their_sentences_which_selection_shows() -> None:
    text = "Kim Jong Un visited a factory on Tuesday. Ukraine said North Korea began supplying weapons."
    summary = summarise(text, published="2023-09-15", settings=Settings(backend="fake", strategy="parse", cache=False))
    page = Page(render_summary_html(summary))
    _, cover, _ = page.coverage()
    for v in summary.events:
        assert v.trigger is not None
        assert cover[page.key_of(f"{v.id} (event)")] == set(range(v.trigger.start, v.trigger.end))
        assert page.data["items"][page.key_of(f"{v.id} (event)")]["sentence"] == v.evidence[0].text
    (claim,) = summary.claims
    assert claim.statement is not None
    lit = cover[page.key_of(f"{claim.id} (claim)")]
    cue = text.index("said")
    assert lit == set(range(claim.statement.start, claim.statement.end)) | set(range(cue, cue + 4))


def test_events_not_told_as_having_happened_stand_apart_with_their_status_and_source() -> None:
    text = "Kim Jong Un visited a factory on Tuesday. Ukraine said Kim could travel to Moscow."
    summary = summarise(text, published="2023-09-15", settings=Settings(backend="fake", strategy="parse", cache=False))
    html = render_summary_html(summary)
    events = html[html.index("<h2>Events") :]
    real, maybe = events.index("visited a factory"), events.index("travel to Moscow")
    assert real < events.index("Not told as having happened") < maybe
    assert "according to Ukraine" in events[maybe:]
    page = Page(html)
    assert any(v["label"].endswith("(possible event)") for v in page.data["items"].values())


def test_an_act_of_saying_shows_what_it_said() -> None:
    text = "The Kremlin denied on Friday that Putin would travel to Pyongyang. Ukraine said Kim met Putin."
    summary = summarise(text, published="2023-09-15", settings=Settings(backend="fake", strategy="parse", cache=False))
    html = render_summary_html(summary)
    events = html[html.index("<h2>Events") :]
    card = events[events.index("denied") :]
    card = card[: card.index("</li>")]
    assert "“Putin would travel to Pyongyang”" in card
    assert "“Kim met Putin”" not in events  # "said" only passes a statement on: no event of saying


HEADLINED = (
    "Acme buys Harbour Mills for $2 billion\n\nAcme Corp. bought Harbour Mills on Monday. "
    "Acme also opened a store in Lyon. Unions protested."
)


def headlined() -> ArticleSummary:
    """A summary whose first event the headline tells again ("buys" retells "bought")."""
    settings = Settings(backend="fake", strategy="parse", cache=False)
    return summarise(HEADLINED, published="2021-05-04", settings=settings)


def test_the_words_retelling_an_event_are_lit_with_it_and_marked_as_told_again() -> None:
    summary = headlined()
    bought = summary.events[0]
    assert bought.trigger is not None and [w.text for w in bought.retold] == ["buys"]
    html = render_summary_html(summary)
    page = Page(html)
    _, cover, marks = page.coverage()
    key = page.key_of(f"{bought.id} (event)")
    told, trigger = bought.retold[0], bought.trigger
    assert cover[key] == set(range(told.start, told.end)) | set(range(trigger.start, trigger.end))
    (again,) = marks_over(page, "buys")
    assert again["data-items"] == key and {"k-ev", "rt"} <= set(again["class"].split())
    assert f"{bought.id} (event told again)" in again["title"]
    assert [a for _, _, a in marks if "rt" in a["class"].split()] == [again]  # not where an event is first told
    card = html[html.index(f'data-key="{key}"') :]
    assert "told again: “buys”" in card[: card.index("</li>")]
