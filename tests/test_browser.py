"""The review pages in headless Chromium: clicks link items and spans, nothing hostile runs, no errors.

Needs Debian's chromium (``.ci/install-browser.sh``); screenshots land in ``test-output/``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from test_html import HOSTILE, eval_docs, gold_files, headlined, hostile, load_gold, seed_000, seed_002

from summarise.render.html import render_eval_html, render_summary_html

CHROMIUM = "/usr/bin/chromium"
OUT = Path(__file__).resolve().parent.parent / "test-output"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent; run .ci/install-browser.sh"),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        context = chromium.new_context(viewport={"width": 1280, "height": 900})
        yield context
        context.close()
        chromium.close()


class Opened:
    """A page loaded from a file:// URL, recording console errors, page errors and dialogs."""

    def __init__(self, context: Any, name: str, html: str, height: int = 900) -> None:
        OUT.mkdir(exist_ok=True)
        self.path = OUT / f"{name}.html"
        self.path.write_text(html, encoding="utf-8")
        self.problems: list[str] = []
        self.page = context.new_page()
        self.page.set_viewport_size({"width": 1280, "height": height})
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda e: self.problems.append(f"pageerror: {e}"))
        self.page.on("dialog", self._dialog)
        self.page.goto(self.path.as_uri())
        self.page.wait_for_load_state("load")

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.problems.append(f"console: {message.text}")

    def _dialog(self, dialog: Any) -> None:
        self.problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    def shot(self, name: str) -> None:
        self.page.screenshot(path=str(OUT / f"{name}.png"))

    def key_of(self, label: str) -> str:
        return str(
            self.page.evaluate(
                "label => Object.entries(JSON.parse(document.getElementById('review-data').textContent)"
                ".items).find(([, v]) => v.label === label)[0]",
                label,
            )
        )

    def classes(self, selector: str) -> list[list[str]]:
        return list(self.page.eval_on_selector_all(selector, "els => els.map(e => [...e.classList])"))

    def wait_in_view(self, selector: str) -> None:
        """Wait until the element is inside its scroll box and the viewport (smooth scrolling settles)."""
        self.page.wait_for_function(
            """sel => {
                const el = document.querySelector(sel), r = el.getBoundingClientRect();
                const box = (el.closest('.scroller') || document.documentElement).getBoundingClientRect();
                return r.top >= Math.max(0, box.top) && r.bottom <= Math.min(innerHeight, box.bottom);
            }""",
            arg=selector,
            timeout=5000,
        )

    def close(self) -> None:
        self.page.close()
        assert self.problems == []


@pytest.fixture
def opened(browser: Any) -> Iterator[Callable[..., Opened]]:
    pages: list[Opened] = []

    def open_page(name: str, html: str, height: int = 900) -> Opened:
        pages.append(Opened(browser, name, html, height))
        return pages[-1]

    yield open_page
    for page in pages:
        page.close()


@pytest.mark.parametrize(("name", "build"), [("seed-000", seed_000), ("seed-002", seed_002)])
def test_pages_render_cleanly(opened: Callable[..., Opened], name: str, build: Any) -> None:
    p = opened(name, render_summary_html(build()))
    assert p.page.locator("#text mark.hl").count() > 5
    assert p.page.locator(".panel .item").count() > 5
    layout = p.page.evaluate(
        "() => [document.querySelector('.article-pane').getBoundingClientRect().toJSON(),"
        " document.querySelector('.panel').getBoundingClientRect().toJSON(), document.body.scrollWidth]"
    )
    article, panel, width = layout
    assert article["right"] <= panel["left"] + 1 and panel["right"] <= 1280 and width <= 1280  # side by side
    p.shot(name)


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.name)
def test_gold_pages(opened: Callable[..., Opened], path: Path) -> None:
    summary, text = load_gold(path)
    name = "gold-" + path.name.split("_")[0]
    p = opened(name, render_summary_html(summary, text=text))
    first = p.page.locator(".panel .item.ev, .panel .item.cl").first
    first.click()
    assert p.page.locator("#text mark.active").count() > 0
    p.page.wait_for_timeout(1800)  # let the flash fade and the scroll settle for the screenshot
    p.shot(name)


def test_clicking_an_item_scrolls_to_and_flashes_its_spans(opened: Callable[..., Opened]) -> None:
    p = opened("seed-000-short", render_summary_html(seed_000()), height=520)  # short: the span starts hidden
    key = p.key_of("v4 (event)")  # the last span in the article
    seg = f'#text mark[data-items~="{key}"]'
    assert p.page.evaluate("() => document.querySelector('.article-pane').scrollTop") == 0
    p.page.locator(f'.timeline [data-key="{key}"]').click()
    assert all({"active", "flash"} <= set(c) for c in p.classes(seg))
    p.wait_in_view(seg)
    assert p.page.evaluate("() => document.querySelector('.article-pane').scrollTop") > 0
    assert "selected" in p.classes(f'.timeline [data-key="{key}"]')[0]
    assert p.classes("#text mark.active") == p.classes(seg)  # nothing else stays active
    p.page.wait_for_function(f"() => !document.querySelector('{seg}').classList.contains('flash')", timeout=5000)
    p.shot("seed-000-item-clicked")


def test_clicking_a_span_selects_its_items(opened: Callable[..., Opened]) -> None:
    p = opened("seed-000-span", render_summary_html(seed_000()))
    c4 = p.key_of("c4 (claim)")
    p.page.locator(f'#text mark[data-items="{c4}"]').first.click()
    cards = f'.panel [data-key="{c4}"]'
    assert all("selected" in c for c in p.classes(cards)) and len(p.classes(cards)) == 2  # key points + group
    p.wait_in_view(cards)
    assert "c4 (claim)" in p.page.inner_text("#selection")
    # an overlap selects every item covering it, and only those
    keys = {p.key_of(x) for x in ("v1 (event)", "v6 (event)", "c3 (claim)")}
    p.page.locator('#text mark[data-n="3"]').first.click()
    selected = p.page.eval_on_selector_all(".panel .selected", "els => els.map(e => e.dataset.key)")
    assert set(selected) == keys
    p.shot("seed-000-span-clicked")


def test_clicking_an_entity_selects_its_items(opened: Callable[..., Opened]) -> None:
    p = opened("seed-002-entity", render_summary_html(seed_002()))
    p.page.locator(".panel .item.en", has_text="Denis Manturov").click()
    c2 = p.key_of("c2 (claim)")
    assert all("active" in c for c in p.classes(f'#text mark[data-items~="{c2}"]'))


def test_an_event_lights_the_words_that_tell_it_again_and_they_select_it(opened: Callable[..., Opened]) -> None:
    summary = headlined()
    p = opened("headline-retold", render_summary_html(summary))
    key = p.key_of(f"{summary.events[0].id} (event)")
    p.page.locator(f'.timeline [data-key="{key}"]').click()
    lit = p.page.eval_on_selector_all("#text mark.active", "els => els.map(e => e.textContent)")
    assert lit == ["buys", "bought"]  # the headline's word, then where the body tells it
    p.page.locator(".panel .item.en").first.click()  # select something else first
    p.page.locator("#text mark.rt").click()
    selected = p.page.eval_on_selector_all(".panel .selected", "els => els.map(e => e.dataset.key)")
    assert set(selected) == {key}
    assert "told again" in (p.page.locator("#text mark.rt").get_attribute("title") or "")
    p.shot("headline-retold")


def test_hostile_content_is_shown_as_text_and_never_runs(opened: Callable[..., Opened]) -> None:
    summary = hostile()
    p = opened("escape", render_summary_html(summary))
    text = p.page.inner_text("#text")
    for payload in HOSTILE:
        assert payload in text
    assert p.page.locator("img, textarea, [onerror], [onclick]").count() == 0
    assert p.page.locator("script").count() == 2
    p.page.locator(".panel .item.ev").first.click()  # JS still works with hostile ids
    assert p.page.locator("#text mark.active").count() == 2
    p.page.wait_for_timeout(300)
    p.shot("escape")
    # problems (a dialog from alert(), a CSP violation, a script error) are checked on close


def test_eval_page_links_gold_and_predicted(opened: Callable[..., Opened]) -> None:
    p = opened("eval", render_eval_html(eval_docs(), [("event F1", "0.83"), ("claim F1", "0.71")]))
    key = p.key_of("v2 ↔ v2 (wrong fields)")
    p.page.locator(f'tr[data-key="{key}"]').click()
    active = p.page.eval_on_selector_all("mark.active", "els => els.map(e => e.id)")
    assert any(re.match(r"d0g\d", i) for i in active) and any(re.match(r"d0p\d", i) for i in active)
    miss = p.key_of("v3 (missed)")
    p.page.locator(f'mark[data-items~="{miss}"]').first.click()
    assert "selected" in p.classes(f'tr[data-key="{miss}"]')[0]
    p.page.evaluate("() => window.scrollTo(0, 0)")
    p.page.wait_for_timeout(300)
    p.shot("eval")
