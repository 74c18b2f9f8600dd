"""Scaling: seconds per 100,000 characters of one article with ``--strategy parse`` (no model), by stage.

    .venv/bin/python benchmarks/bench_scaling.py [--sizes 10000 100000 1000000] [--dump DIR] [--profile N]

Each input is one synthetic news article of about the size asked, built here from templates (paragraphs with
distinct people, organisations, quotations, descriptions, pronouns, dates; nothing of a corpus): a long report,
a transcript or a feed run together should cost time in proportion to its length. The pipeline runs with the
fake backend and the parse strategy; the parser is loaded before the first timing. Stages are timed by wrapping
the functions that do them (wherever the package imports them): ingest, parse (spaCy), attributions, events,
grounding (spans, quotes, times, merging; entities excluded) and entities (canonicalisation). ``--dump`` writes
each summary as JSON (latency zeroed) to compare two versions of the code; ``--profile N`` prints the top N
cProfile entries of the largest size instead of the table.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import importlib
import json
import pstats
import random
import resource
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _common import table

from summarise import summarise
from summarise.backends.fake import FakeBackend
from summarise.config import Settings

STAGES: list[tuple[str, str, str]] = [
    ("ingest", "summarise.ingest.document", "load_text"),
    ("parse", "summarise.extract.attribution", "parse_article"),
    ("attributions", "summarise.extract.attribution", "find_attributions"),
    ("events", "summarise.extract.article_events", "find_events"),
    ("grounding", "summarise.ground.assemble", "ground"),
    ("entities", "summarise.ground.entities", "canonicalise"),
]
"""(stage, module defining it, function). Grounding's time includes the entities' and is shown without it."""

# -- the synthetic article ---------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return text.split()


_FIRST = _words(
    "Anna Boris Carla Dmitri Elena Farid Grace Hiroshi Ingrid Jamal Keiko Lars Maria Nikolai Olga Pedro "
    "Quentin Rosa Stefan Tamara Umar Vera Walter Ximena Yusuf Zofia Adrian Beatriz Chen Daniela Emeka "
    "Fatima Gustav Hana Ivan Julia Kwame Leila Marco Nadia Oscar Priya Rafael Sofia Tomas Ulrike Viktor "
    "Wanda Yuki Amira"
)
_LAST = _words(
    "Kovacs Petrenko Lindqvist Okafor Moreau Tanaka Herrera Novak Castellano Brennan Haddad Sato Albrecht "
    "Mbeki Romano Fischer Dubois Ivanova Kowalski Nakamura Ortega Papadopoulos Quinlan Rasmussen Silva "
    "Takeda Umarov Varga Whitfield Yilmaz Zielinski Abernathy Bauer Costa Draper Eriksen Ferreira "
    "Gallagher Horvath Iglesias Jansen Keller Larsen Mendez Nieminen Olsen Pereira Reyes Schmidt Torres "
    "Vogel Weber"
)
_COUNTRIES = (
    ("Japan", "Japanese", "Tokyo"),
    ("Russia", "Russian", "Moscow"),
    ("Germany", "German", "Berlin"),
    ("France", "French", "Paris"),
    ("Ukraine", "Ukrainian", "Kyiv"),
    ("China", "Chinese", "Beijing"),
    ("Turkey", "Turkish", "Ankara"),
    ("Mexico", "Mexican", "Mexico City"),
    ("India", "Indian", "New Delhi"),
    ("Iran", "Iranian", "Tehran"),
)
_ROLES = ("finance minister", "foreign minister", "prime minister", "president", "defence minister", "ambassador")
_ORG_STEMS = _words("Northwind Bluestone Harbor Meridian Crescent Summit Pinecrest Silverline Ironbridge Redfield")
_ORG_KINDS = ("Holdings", "Bank", "Energy", "Group", "Motors", "Pharmaceuticals", "Airlines", "Steel")
_TOPICS = (
    "energy prices",
    "the grain corridor",
    "a new trade agreement",
    "border security",
    "the sale of advanced weapons",
    "interest rates",
    "the climate fund",
    "a prisoner exchange",
)
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
_MONTHS = _words("January February March April May June July August September October November December")
_QUOTES = (
    "This is a painful decision for everyone involved",
    "We will not accept any deal that hurts our workers",
    "The talks were frank and we made real progress",
    "Nobody expected the crisis to last this long",
    "We are monitoring the situation with great concern",
    "Our priority is the safety of our citizens",
    "There is no alternative to dialogue at this stage",
    "The figures speak for themselves",
)


class _Cast:
    """Distinct people, organisations and countries, introduced in order and mentioned again later."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        pairs = [(f, last) for f in _FIRST for last in _LAST]
        rng.shuffle(pairs)
        self.names = iter(pairs)
        self.met: list[tuple[str, str, str]] = []  # (first, last, role phrase)
        self.orgs = [f"{s} {k}" for s in _ORG_STEMS for k in _ORG_KINDS]
        rng.shuffle(self.orgs)

    def newcomer(self) -> tuple[str, str, str, tuple[str, str, str]]:
        first, last = next(self.names)
        country = self.rng.choice(_COUNTRIES)
        role = self.rng.choice(_ROLES)
        self.met.append((first, last, f"{country[1]} {role}"))
        return first, last, role, country

    def someone(self) -> tuple[str, str, str]:
        return self.rng.choice(self.met[-12:])  # people of the current stretch of the story, as news returns to them

    def org(self) -> str:
        return self.rng.choice(self.orgs)


def _date(rng: random.Random) -> str:
    return rng.choice((f"on {rng.choice(_WEEKDAYS)}", f"on {rng.choice(_MONTHS)} {rng.randint(1, 28)}", "last week"))


def _paragraph(cast: _Cast, rng: random.Random) -> str:
    """Three to six sentences of one development: someone new, someone met before, a quotation, an event."""
    first, last, role, (country, demonym, capital) = cast.newcomer()
    other = cast.someone()
    org = cast.org()
    topic = rng.choice(_TOPICS)
    quote = rng.choice(_QUOTES)
    pronoun = rng.choice(("He", "She"))
    opening = rng.choice(
        (
            f"{demonym} {role.title()} {first} {last} said {_date(rng)} that {country} would press ahead with "
            f"plans on {topic} despite objections from {org}.",
            f"{first} {last}, the {demonym} {role}, met {other[0]} {other[1]} in {capital} {_date(rng)} to "
            f"discuss {topic}.",
            f"The {demonym} {role}, {first} {last}, warned {_date(rng)} that talks on {topic} could collapse "
            f"within weeks.",
        )
    )
    middle = [
        f"“{quote},” {last} told reporters at a news conference in {capital}.",
        f"{pronoun} added that {org} had been asked to submit new figures by {rng.choice(_MONTHS)}.",
        f"According to officials in {capital}, about {rng.randint(2, 90) * 100} people attended a meeting "
        f"between {last} and {other[1]} {_date(rng)}.",
        f"{other[0]} {other[1]}, who has led the negotiations since {rng.randint(2015, 2023)}, denied the report "
        f"and said the {other[2]} would travel to {rng.choice(_COUNTRIES)[0]} next month.",
        f"Shares in {org} fell {rng.randint(2, 9)}% in early trading after the announcement.",
        f"The {demonym} government said it was studying the proposal and would respond {_date(rng)}.",
        f'"{rng.choice(_QUOTES)}. We have said so from the start," {other[1]} said in a statement.',
        f"The {other[2]} also said that {topic} would top the agenda when ministers meet {_date(rng)}.",
    ]
    rng.shuffle(middle)
    return " ".join([opening, *middle[: rng.randint(2, 5)]])


def article(chars: int, seed: int = 12) -> str:
    """A news-like article of at least ``chars`` characters: a headline, a dateline, then paragraphs."""
    rng = random.Random(seed)
    cast = _Cast(rng)
    for _ in range(8):
        cast.newcomer()
    parts = ["Talks on trade and security drag on as ministers trade warnings", ""]
    size = sum(len(p) + 1 for p in parts)
    lead = "LONDON, March 3 (Reuters) - "
    while size < chars:
        paragraph = lead + _paragraph(cast, rng)
        lead = ""
        parts += [paragraph, ""]
        size += len(paragraph) + 2
    return "\n".join(parts)


# -- timing ------------------------------------------------------------------------------------------------


class Stopwatch:
    """CPU seconds spent in each stage's function, summed over calls (nested calls of the same stage count once).
    CPU time, not wall-clock time: on a shared machine it is the steadier figure."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.depth: dict[str, int] = {}

    def wrap(self, stage: str, func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def timed(*args: Any, **kwargs: Any) -> Any:
            self.depth[stage] = self.depth.get(stage, 0) + 1
            started = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                self.depth[stage] -= 1
                if self.depth[stage] == 0:
                    self.seconds[stage] = self.seconds.get(stage, 0.0) + time.process_time() - started

        return timed


@contextmanager
def instrumented(watch: Stopwatch) -> Iterator[list[str]]:
    """Wrap each stage's function in every ``summarise`` module that holds it; yields the stages found."""
    patched: list[tuple[Any, str, Any]] = []
    found: list[str] = []
    for stage, module_name, attr in STAGES:
        try:
            func = getattr(importlib.import_module(module_name), attr)
        except (ImportError, AttributeError):
            continue  # moved by a refactoring: the stage shows as n/a
        found.append(stage)
        timed = watch.wrap(stage, func)
        for module in [m for name, m in sys.modules.items() if name.startswith("summarise") and m is not None]:
            for key, value in list(vars(module).items()):
                if value is func:
                    patched.append((module, key, value))
                    setattr(module, key, timed)
    try:
        yield found
    finally:
        for module, key, value in reversed(patched):
            setattr(module, key, value)


def _settings() -> Settings:
    return Settings(backend="fake", strategy="parse", cache=False, home=Path("/tmp/bench-scaling-home"))


@dataclass
class Run:
    wall: float
    cpu: float
    stages: dict[str, float]
    """CPU seconds by stage."""
    result: Any


def run_one(text: str, settings: Settings, backend: FakeBackend) -> Run:
    watch = Stopwatch()
    with instrumented(watch):
        wall, cpu = time.perf_counter(), time.process_time()
        result = summarise(text, settings=settings, backend=backend, published="2024-03-03", id="bench")
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return Run(wall, cpu, watch.seconds, result)


def _dump(result: Any, path: Path) -> None:
    data = json.loads(result.model_dump_json())
    data["provenance"]["latency_s"] = 0
    path.write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


def _per_100k(seconds: float, chars: int) -> float:
    return seconds * 100_000 / chars


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--dump", type=Path, help="write each summary's JSON here (latency zeroed)")
    parser.add_argument("--profile", type=int, default=0, help="print the top N cProfile rows of the last size")
    args = parser.parse_args()
    settings = _settings()
    backend = FakeBackend()
    summarise(article(2_000, seed=1), settings=settings, backend=backend)  # loads the parser: not timed
    rows: list[list[str]] = []
    rates: dict[int, float] = {}
    for size in args.sizes:
        text = article(size)
        if args.profile and size == args.sizes[-1]:
            profile = cProfile.Profile()
            profile.enable()
            summarise(text, settings=settings, backend=backend, published="2024-03-03")
            profile.disable()
            pstats.Stats(profile).sort_stats("cumulative").print_stats(args.profile)
            pstats.Stats(profile).sort_stats("tottime").print_stats(args.profile)
            continue
        run = run_one(text, settings, backend)
        result = run.result
        if args.dump:
            args.dump.mkdir(parents=True, exist_ok=True)
            _dump(result, args.dump / f"summary-{size}.json")
        rates[size] = _per_100k(run.cpu, len(text))
        own = dict(run.stages)
        if "grounding" in own and "entities" in own:
            own["grounding"] -= own["entities"]
        other = run.cpu - sum(own.values())
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rows.append(
            [
                f"{len(text):,}",
                f"{run.wall:.2f}",
                f"{run.cpu:.2f}",
                f"{rates[size]:.2f}",
                *(f"{_per_100k(own[s], len(text)):.2f}" if s in own else "n/a" for s, _, _ in STAGES),
                f"{_per_100k(other, len(text)):.2f}",
                f"{len(result.claims)}/{len(result.events)}/{len(result.entities)}",
                f"{peak_mb:,.0f}",
            ]
        )
    if rows:
        table(
            "scaling, --backend fake --strategy parse: CPU seconds per 100,000 characters, by stage "
            "(target: within 1.5x from 10k to 1M; 1M under 120 s on 2 cores)",
            [
                "chars",
                "wall s",
                "cpu s",
                "cpu s/100k",
                *(s for s, _, _ in STAGES),
                "other",
                "claims/events/entities",
                "peak MB",
            ],
            rows,
        )
    if len(rates) >= 2:
        small, large = min(rates), max(rates)
        ratio = rates[large] / rates[small]
        print(f"\ncpu s/100k, ratio of the {large:,}-char input to the {small:,}-char one: {ratio:.2f}")


if __name__ == "__main__":
    main()
