"""The story page in headless Chromium: a timeline entry lights every report of its event in every article, a
report goes to its own article's span, nothing hostile runs (see tests/test_browser.py for the harness)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from test_browser import CHROMIUM, Opened, browser  # noqa: F401 (the fixture)
from test_story_seeds import seeds

from summarise.render.story_html import render_story_html

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent; run .ci/install-browser.sh"),
]


@pytest.fixture
def story_page(browser: Any) -> Iterator[Callable[..., tuple[Opened, str, str]]]:  # noqa: F811
    """Opens the seeds' story page; on close, fails on any console error, page error or dialog."""
    pages: list[Opened] = []

    def open_page(name: str, height: int = 900) -> tuple[Opened, str, str]:
        pages.append(Opened(browser, name, _html(), height))
        return _with_meeting(pages[-1])

    yield open_page
    for page in pages:
        page.close()


def _html() -> str:
    summaries, collection = seeds()
    return render_story_html(collection, list(summaries.values()))


def _with_meeting(p: Opened) -> tuple[Opened, str, str]:
    """The page, the internal key of the Kim-Putin meeting, and its story event id."""
    _, collection = seeds()
    (s,) = collection.stories
    (meeting,) = [e for e in s.events if e.statuses == ["possible", "happened"] and len(e.mentions) == 2]
    return p, p.key_of(f"{meeting.id} {meeting.action}"), meeting.id


def test_the_story_page_renders_both_articles_and_the_timeline(story_page: Callable[..., Any]) -> None:
    p, _, _ = story_page("story-seeds")
    assert p.page.locator("section.story-article").count() == 2
    assert p.page.locator(".timeline .item.ev").count() > 10
    assert p.page.locator("section.story-article mark.hl").count() > 10
    p.shot("story-seeds")


def test_a_timeline_entry_lights_its_reports_in_both_articles(story_page: Callable[..., Any]) -> None:
    p, key, event_id = story_page("story-seeds-entry")
    p.page.locator(f'.timeline li[data-key="{key}"] .body').click()
    lit = p.page.eval_on_selector_all("mark.hl.active", "els => els.map(e => e.closest('section.story-article').id)")
    assert sorted(set(lit)) == ["article-0", "article-1"]
    assert event_id in p.page.inner_text("#selection")
    p.page.wait_for_timeout(1800)
    p.shot("story-seeds-entry-clicked")


def test_a_report_goes_to_its_own_span(story_page: Callable[..., Any]) -> None:
    p, key, _ = story_page("story-seeds-report", height=520)  # short: the second article starts hidden
    report = f'.timeline li[data-key="{key}"] .report:nth-of-type(2)'
    p.page.locator(report).click()
    lit = p.page.eval_on_selector_all(
        "mark.hl.active", "els => els.map(e => [e.closest('section.story-article').id, e.textContent])"
    )
    assert lit == [["article-1", "met"]]
    p.wait_in_view("mark.hl.active")
    assert p.page.evaluate("() => document.querySelector('.article-pane').scrollTop") > 0
    assert "(happened)" in p.page.inner_text("#selection")
    p.shot("story-seeds-report-clicked")
