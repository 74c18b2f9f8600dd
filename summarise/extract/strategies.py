"""Extraction strategies: how an article is put to the model, and what comes back (``Extraction``: claims and
events as ``items`` records tied to sentences, and the summary).

- ``windows``: the article's sentences, numbered, in windows of a few sentences; each call also sees the title
  and opening sentence. Small models answer short lists reliably where one long list runs away or stops early.
- ``single``: all numbered sentences in one call (split into overlapping chunks past ``Settings.context_chars``);
  cheap on large remote models.
- ``hybrid``: attributed statements (``attribution``) and events (``events``) come from the dependency parse, cut
  from the text as written; the model writes the summary, one call per article. The embedded model's default:
  on the seeds the parse found events better than the 1.5B model listed them, and a model asked to review the
  parse's candidates kept the first ones or all of them (evals/STRATEGIES.md).
- ``parse``: the same claims and events, no model call at all; the summary is the article's lead.

The model's answers per window end with a grounding check (speakers named in the article, sentence numbers inside
the window), by ground's rules (``AnswerChecks``, handed in by the pipeline). Problems are fed back to the model
once, within the article's re-ask token budget (``Settings.max_retry_tokens``); the better answer is kept and what
still fails is flagged downstream.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Protocol

from pydantic import BaseModel

from ..backends.base import Backend, Completion, Request, Usage
from ..config import Settings
from ..errors import ConfigError, ExtractionError
from ..ingest import Document
from ..lexicon import reads_as_instruction
from ..prompts import Prompt
from ..workers import run_cpu
from .answers import Overview, WindowAnswer
from .article_events import find_events
from .attribution import find_attributions, parse_article, title_span, unparsed
from .content import SelfContained
from .items import ExtractedClaim, ExtractedEvent
from .nlp import parser

LEAD_CHARS = 320
OVERVIEW_CHARS = 3000
OVERVIEW_TOKENS = 400


@dataclass(frozen=True)
class Window:
    index: int
    sentences: tuple[int, ...]
    """1-based sentence numbers (indices into Document.sentences, plus one)."""
    bounds: tuple[int, int]
    """[start, end) of its sentences in the text."""


@dataclass
class Extraction:
    """Everything extracted from one article, by the model or the parse, before grounding."""

    claims: list[ExtractedClaim] = field(default_factory=list)
    events: list[ExtractedEvent] = field(default_factory=list)
    summary: str = ""
    usage: Usage = field(default_factory=Usage)
    warnings: list[str] = field(default_factory=list)
    repairs: int = 0


@dataclass(frozen=True)
class StrategyInfo:
    name: str
    description: str
    max_sentences: int
    max_chars: int
    overlap: int
    prompt: str = "news"
    """The prompt file (id) the strategy's calls use."""
    from_parse: bool = False
    """Claims and events come from the dependency parse: no model call per window."""
    model_summary: bool = True
    """The model writes the summary; else the article's lead stands for it."""


STRATEGIES: dict[str, StrategyInfo] = {
    s.name: s
    for s in (
        StrategyInfo("windows", "events and claims from the model, in windows of up to 5 sentences", 5, 900, 0),
        StrategyInfo("single", "all numbered sentences in one call; chunked past the context budget", 10_000, 0, 1),
        StrategyInfo(
            "hybrid",
            "claims and events from the dependency parse; the model writes the summary",
            8,
            1400,
            0,
            prompt="summary",
            from_parse=True,
        ),
        StrategyInfo(
            "parse",
            "claims and events from the dependency parse; no model call (the lead as summary)",
            8,
            1400,
            0,
            prompt="summary",
            from_parse=True,
            model_summary=False,
        ),
    )
}


def strategy(name: str) -> StrategyInfo:
    try:
        return STRATEGIES[name]
    except KeyError:
        raise ConfigError(f"unknown strategy {name!r}; choose from {', '.join(STRATEGIES)}") from None


def plan_windows(doc: Document, info: StrategyInfo, context_chars: int) -> list[Window]:
    """Consecutive sentence windows bounded by count and characters; ``overlap`` sentences repeat across cuts."""
    max_chars = info.max_chars or context_chars
    windows: list[Window] = []
    current: list[int] = []
    size = 0

    def close() -> None:
        bounds = doc.sentences[current[0] - 1][0], doc.sentences[current[-1] - 1][1]
        windows.append(Window(len(windows), tuple(current), bounds))

    for number, (start, end) in enumerate(doc.sentences, start=1):
        length = end - start
        if current and (len(current) >= info.max_sentences or size + length > max_chars):
            close()
            current = current[len(current) - info.overlap :] if info.overlap else []
            size = sum(doc.sentences[n - 1][1] - doc.sentences[n - 1][0] for n in current)
        current.append(number)
        size += length
    if current:
        close()
    return windows


def _sentence(doc: Document, number: int) -> str:
    start, end = doc.sentences[number - 1]
    return " ".join(doc.text[start:end].split())


LEFT_OUT = "(left out: an instruction to a language model)"
"""What the model sees instead of a sentence that orders it about: it cannot follow what it is not shown."""


def _shown(doc: Document, number: int) -> str:
    text = _sentence(doc, number)
    return LEFT_OUT if reads_as_instruction(text) else text


def _common(doc: Document) -> dict[str, str]:
    return {
        "title": doc.title if doc.title and not reads_as_instruction(doc.title) else "(none)",
        "published": doc.published.isoformat() if doc.published else "(unknown)",
    }


def window_messages(prompt: Prompt, doc: Document, window: Window) -> list[dict[str, str]]:
    """The extraction messages for one window."""
    lead = _shown(doc, 1)[:LEAD_CHARS] if doc.sentences else ""
    numbered = "\n".join(f"[{n}] {_shown(doc, n)}" for n in window.sentences)
    return prompt.messages("extract", **_common(doc), lead=lead, sentences=numbered)


def lead_summary(doc: Document, sentences: int = 2) -> str:
    """The article's opening sentences: news puts who, what, when and where first. A sentence that orders a
    model about is not news and is skipped."""
    news = (text for n in range(1, len(doc.sentences) + 1) if not reads_as_instruction(text := _sentence(doc, n)))
    return " ".join(itertools.islice(news, sentences))


def planted_orders(doc: Document) -> list[int]:
    """Numbers of the article's sentences that read as instructions to a model (prompt injection)."""
    return [n for n in range(1, len(doc.sentences) + 1) if reads_as_instruction(_sentence(doc, n))]


def whole_sentences(summary: str) -> str:
    """The summary without a last sentence cut off by the answer's length bound."""
    text = summary.strip()
    if not text or text[-1] in ".!?\"'”’)":
        return text
    cut = max(text.rfind(". "), text.rfind("! "), text.rfind("? "))
    return text[: cut + 1] if cut > 0 else text


def overview_messages(prompt: Prompt, doc: Document) -> list[dict[str, str]]:
    start, end = doc.body
    text = doc.text[start:end]
    for n in reversed(planted_orders(doc)):  # the article as the model sees it: without orders to the model
        a, b = (min(max(x, start), end) - start for x in doc.sentences[n - 1])
        text = text[:a] + text[b:]
    body = " ".join(text.split())
    if len(body) > OVERVIEW_CHARS:
        body = body[:OVERVIEW_CHARS].rsplit(" ", 1)[0] + " …"
    return prompt.messages("overview", **_common(doc), body=body)


class AnswerChecks(Protocol):
    """Ground's rules for a model's answer (``ground.checks.ArticleChecks``), handed in by the pipeline: extract
    asks the model, ground judges what it wrote, and extract stays below ground."""

    def named(self, name: str) -> bool:
        """The article names ``name``."""
        ...

    def reported(self, verb: str, sentence: str) -> bool:
        """Someone is reported as saying something in ``sentence`` (with ``verb``, or another reporting word)."""
        ...

    def summary_problems(
        self, summary: str, claims: Sequence[ExtractedClaim], events: Sequence[ExtractedEvent] = ()
    ) -> list[str]:
        """Summary sentences that state one of the claims, or a planned, possible or conditional event, as fact,
        phrased for the model."""
        ...

    def unsupported(self, summary: str) -> list[str]:
        """Ways the summary fails to restate the article (an injected instruction followed, words the article
        does not use), phrased for the model; empty when it restates it."""
        ...


def problems(answer: WindowAnswer, doc: Document, window: Window, checks: AnswerChecks) -> list[str]:
    """Grounding problems in one window's answer, phrased for the model."""
    found: list[str] = []
    allowed = set(window.sentences)
    for i, c in enumerate(answer.claims, start=1):
        if c.s not in allowed:
            found.append(f"claim {i}: sentence [{c.s}] is not one of the numbered sentences")
            continue
        if c.who and not checks.named(c.who):
            found.append(f'claim {i}: the speaker "{c.who}" is not named in the article; use the name as written')
        start, end = doc.sentences[c.s - 1]
        if not checks.reported(c.verb, doc.text[start:end]):
            found.append(
                f"claim {i}: nobody is reported as saying anything in sentence [{c.s}]; report only statements "
                "the article attributes to someone"
            )
    for i, e in enumerate(answer.events, start=1):
        if e.s not in allowed:
            found.append(f"event {i}: sentence [{e.s}] is not one of the numbered sentences")
        elif e.actor and not checks.named(e.actor):  # e.g. copied from the worked example
            found.append(f'event {i}: the actor "{e.actor}" is not named in the article; use the name as written')
    return found


def _worth(answer: WindowAnswer, found: list[str]) -> int:
    """Items that passed the checks: a re-ask wins only by keeping more good items, not by saying less."""
    return len(answer.claims) + len(answer.events) - 2 * len(found)


def repair_messages(messages: list[dict[str, str]], answer: BaseModel, found: list[str]) -> list[dict[str, str]]:
    feedback = "Some of your answer does not match the article:\n- " + "\n- ".join(found)
    feedback += "\nAnswer again with the full corrected JSON."
    return [
        *messages,
        {"role": "assistant", "content": answer.model_dump_json()},
        {"role": "user", "content": feedback},
    ]


def parse_items(doc: Document, windows: Sequence[Window]) -> Extraction:
    """Claims and events from the dependency parse (``from_parse`` strategies), with a warning for each sentence
    too long to parse. A pure function of its arguments, so a worker process may run it."""
    article = parse_article(doc)
    attributions = find_attributions(doc, article)
    events = find_events(doc, article, attributions)
    # The window holding each sentence: the stretch grounding searches, as for a model's answer.
    where = {n: w.bounds for w in windows for n in w.sentences}
    if (title := title_span(doc)) is not None:
        where[0] = title  # the headline's claims (sentence 0): grounding takes the title as their sentence
    found = Extraction()
    contents = SelfContained(doc, article, attributions)
    found.claims = [
        ExtractedClaim(
            "parse", a.sentence, where[a.sentence], a.source, a.cue, a.content, a.content_span, contents.content(a)
        )
        for a in attributions
    ]
    found.events = [
        ExtractedEvent(
            "parse",
            e.sentence,
            where[e.sentence],
            e.actor,
            e.action,
            e.targets,
            e.when,
            e.where,
            status=e.status,
            trigger=e.trigger,
            sense=e.sense,
            retold=e.retold,
            present=e.present,
            kind=e.kind,
            dated_present=e.dated_present,
            counted=e.counted,
        )
        for e in events
    ]
    for n in unparsed(doc):
        start, end = doc.sentences[n - 1]
        found.warnings.append(f"sentence {n} is too long to parse ({end - start:,} characters)")
    return found


def load_parser() -> None:
    """Load the parser now: a worker process's initializer, so its first article does not wait for the load."""
    parser()


Call = Callable[[Request[Any]], Awaitable[Completion[Any]]]


class Extractor:
    """Runs one strategy over one document with one backend. Sync and async share the same steps."""

    def __init__(
        self, doc: Document, backend: Backend, settings: Settings, prompt: Prompt, name: str, checks: AnswerChecks
    ) -> None:
        self.doc = doc
        self.backend = backend
        self.settings = settings
        self.prompt = prompt
        self.info = strategy(name)
        self.found = Extraction()
        self.checks = checks
        self.windows = plan_windows(doc, self.info, settings.context_chars)
        self.repair_budget = settings.max_retry_tokens

    def _request(self, messages: list[dict[str, str]], model: type[Any], max_tokens: int) -> Request[Any]:
        return Request(messages, model, max_tokens=max_tokens, max_retries=self.settings.max_retries)

    def _answer_budget(self, window: Window) -> int:
        """Token limit for one window's answer: about two short items per sentence, never the schema's maximum."""
        return min(1536, 200 + 100 * len(window.sentences))

    async def _window(self, window: Window, call: Call) -> Extraction:
        """One window's claims and events, in the answer's order (none when the answer stayed invalid)."""
        messages = window_messages(self.prompt, self.doc, window)
        try:
            done = await call(self._request(messages, WindowAnswer, self._answer_budget(window)))
        except ExtractionError as exc:  # this window's answer stayed invalid: keep the rest of the article
            self.found.warnings.append(f"window {window.index + 1}: {exc}")
            return Extraction()
        self.found.usage.add(done.usage)
        answer: WindowAnswer = done.value
        found = problems(answer, self.doc, window, self.checks)
        if found:
            request = self._request(repair_messages(messages, answer, found), WindowAnswer, self._answer_budget(window))
            fixed = await self._reask(call, request, done.usage, f"window {window.index + 1}")
            if fixed is not None:
                still = problems(fixed.value, self.doc, window, self.checks)
                if _worth(fixed.value, still) > _worth(answer, found):
                    answer = fixed.value
        claims = [ExtractedClaim("model", c.s, window.bounds, c.who, c.verb, c.what) for c in answer.claims]
        events = [
            # A model's '' for the time means it gave none (only the parse knows time words are not the event's).
            ExtractedEvent(
                "model",
                e.s,
                window.bounds,
                e.actor,
                e.action,
                tuple(e.targets),
                e.when or None,
                e.where,
                status=e.status,
            )
            for e in answer.events
        ]
        return Extraction(claims, events)

    async def _reask(self, call: Call, request: Request[Any], first: Usage, label: str) -> Completion[Any] | None:
        """Feed problems back once, within the article's re-ask token budget; None when not asked or it failed."""
        if self.repair_budget < first.prompt_tokens + first.completion_tokens:
            return None
        self.found.repairs += 1
        try:
            fixed = await call(request)
        except ExtractionError as exc:
            self.found.warnings.append(f"{label} re-ask: {exc}")
            return None
        self.found.usage.add(fixed.usage)
        self.found.usage.retries += 1
        self.repair_budget -= fixed.usage.prompt_tokens + fixed.usage.completion_tokens
        return fixed

    async def _overview(self, call: Call) -> None:
        messages = overview_messages(self.prompt, self.doc)
        try:
            done = await call(self._request(messages, Overview, OVERVIEW_TOKENS))
        except ExtractionError as exc:
            self.found.warnings.append(f"summary: {exc}")
            return
        self.found.usage.add(done.usage)
        summary = whole_sentences(done.value.summary)
        # Claims are known before the summary only when the parse found them (the model's come in parallel).
        said = self.found.claims if self.info.from_parse else []
        told = self.found.events if self.info.from_parse else []
        astray = self.checks.unsupported(summary)
        found = astray + self.checks.summary_problems(summary, said, told)
        if found:
            request = self._request(repair_messages(messages, done.value, found), Overview, OVERVIEW_TOKENS)
            fixed = await self._reask(call, request, done.usage, "summary")
            if fixed is not None:
                better = whole_sentences(fixed.value.summary)
                still_astray = self.checks.unsupported(better)
                still = still_astray + self.checks.summary_problems(better, said, told)
                if better and (len(still_astray), len(still)) < (len(astray), len(found)):
                    summary, found, astray = better, still, still_astray
        if astray:
            # Asked again once and still not a restatement of the article (an instruction inside it followed,
            # words it does not use): the article's own opening stands in; the model's text is not shown.
            self.found.warnings.append(
                "summary: the model's summary did not restate the article (" + "; ".join(astray) + "); "
                "the article's opening sentences stand in"
            )
            self.found.summary = lead_summary(self.doc)
            return
        self.found.warnings += [f"in the summary, {p}" for p in found]  # not "summary: …", a part that failed
        self.found.summary = summary

    async def _summary(self, call: Call) -> None:
        if self.info.model_summary:
            await self._overview(call)
        else:
            self.found.summary = lead_summary(self.doc)

    def _add(self, answer: Extraction) -> None:
        self.found.claims += answer.claims
        self.found.events += answer.events

    def _leave_out_orders(self) -> None:
        """Items read from a sentence that orders a model about (an injected instruction) are dropped: such a
        sentence is an attack on the summariser, not news, whoever it is attributed to."""
        orders = set(planted_orders(self.doc))
        if self.doc.title and reads_as_instruction(self.doc.title):
            self.found.claims = [c for c in self.found.claims if c.sentence != 0]  # the headline's (sentence 0)
            self.found.warnings.append(
                "the title reads as an instruction to a language model (prompt injection): not followed"
            )
        if not orders:
            return
        self.found.claims = [c for c in self.found.claims if c.sentence not in orders]
        self.found.events = [e for e in self.found.events if e.sentence not in orders]
        numbers = ", ".join(str(n) for n in sorted(orders))
        self.found.warnings.append(
            f"sentence(s) {numbers} read as instructions to a language model (prompt injection): not followed,"
            " and left out of the claims, events and summary"
        )

    async def run(self, call: Call, concurrency: int = 1) -> Extraction:
        found = await self._run(call, concurrency)
        self._leave_out_orders()
        return found

    async def _run(self, call: Call, concurrency: int = 1) -> Extraction:
        if self.info.from_parse:
            # A CPU step (~40-50 ms an article): in a worker process when the batch has a pool (``workers``).
            parsed = await run_cpu(parse_items, self.doc, self.windows)
            self.found.claims, self.found.events = parsed.claims, parsed.events
            self.found.warnings += parsed.warnings
            await self._summary(call)
        elif concurrency <= 1:
            for window in self.windows:
                self._add(await self._window(window, call))
            await self._summary(call)
        else:
            gate = asyncio.Semaphore(concurrency)

            async def bounded(request: Request[Any]) -> Completion[Any]:
                async with gate:
                    return await call(request)

            try:  # a failure (endpoint down) cancels the article's other calls instead of letting them run on
                async with asyncio.TaskGroup() as group:
                    answers = [group.create_task(self._window(w, bounded)) for w in self.windows]
                    group.create_task(self._summary(bounded))
            except BaseExceptionGroup as failed:
                raise failed.exceptions[0] from None
            for task in answers:  # in window order, each window's items by sentence, however they arrived
                done = task.result()
                done.claims.sort(key=lambda c: c.sentence)
                done.events.sort(key=lambda e: e.sentence)
                self._add(done)
        return self.found


def extract(
    doc: Document, backend: Backend, settings: Settings, prompt: Prompt, name: str, checks: AnswerChecks
) -> Extraction:
    """Run a strategy synchronously (the embedded model: one call at a time, in prompt-cache-friendly order)."""

    async def call(request: Request[Any]) -> Completion[Any]:
        return backend.complete(request)

    work = Extractor(doc, backend, settings, prompt, name, checks).run(call)
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(work)
    # Called from inside an event loop (a notebook, an async app): run on a worker thread's own loop.
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, work).result()


async def aextract(
    doc: Document, backend: Backend, settings: Settings, prompt: Prompt, name: str, checks: AnswerChecks
) -> Extraction:
    """Run a strategy with up to ``settings.concurrency`` calls in flight (remote endpoints)."""
    extractor = Extractor(doc, backend, settings, prompt, name, checks)
    return await extractor.run(backend.acomplete, settings.concurrency)
