"""Event merging across the articles of one story: the reports of one event become one story event.

Blocking: an event is compared only with the merged events of its own story that have its key (the stem of its
trigger, ``actions.action_key``), never with every event of the corpus; within a key, with the clusters formed so
far, not with every report. Reports join a cluster unless something contradicts it:

- time: the days the report allows (its resolved time, else "by the publication date" for what happened and
  "after it" for what is planned: ``times.bounds``) must overlap the days every report so far allows; the US
  warning North Korea on 5 September is not its warning on 13 September;
- participants (canonical cross-article entity ids), only where both sides say which person did it to whom (an
  actor typed person, and a target): they must share one, and each side's actor must take part on the other
  side ("Kim met Putin" = "Putin met Kim", but "Kishida will meet Kim" is not "Kim met Putin");
- doers of an act of saying (``actions.SAYING_KEYS``): "GM announced" is not "Ford announced", whatever their
  types (ECB+ dev event CoNLL F1 0.803 with it and without it); one doer is one story entity, or descriptions
  naming one party ("CNN officials", "CNN's management", "CNN": ``doers``; 0.803 -> 0.805).

Once merged, an event whose reports name different persons or organisations as its targets is split, one event
per target ("placed Reggie Bush" is not "placed Pierre Thomas"; ``arguments``): a report naming no target goes with
the people its article names. On ECB+ dev this took event CoNLL F1 from 0.775 to 0.777 (same-lemma baseline 0.775).

A caused event joins an event causing it as the reports of one key join, the causing verb's targets standing for
the caused verb's subject ("a stray bullet killed Kathina Thomas", "Kathina Thomas's death", "a girl died":
``actions.CAUSED``, ``join_caused``). On ECB+ dev this took event CoNLL F1 from 0.7995 to 0.8043 (same-lemma
0.7944; 92 right links gained, 22 wrong); joining only where both name the same person, 0.8002 (``evals/ECBPLUS.md``).

One doer's act of saying told in different words about one story event is one statement ("Harlan Boll announced
her death", "Boll confirmed her death": ``join_said``; ECB+ dev event CoNLL F1 0.805 -> 0.806).

Measured on ECB+ dev (``summarise eval ecbplus``, 1,463 aligned event mentions), every stricter rule cost more than
it gave. The participants rule for any actor (not only persons) split 26 true links for 10 false ones (a warship and
"the Indian Navy", "a 5.6-magnitude quake" and "the tremor" are not linked entities): event CoNLL F1 0.759 against
0.771 with it for persons only (0.773 with no participants rule at all). Participants compared whenever both sides
name any, and the words after the trigger ("visited two factories" vs "visiting Russia": adverbials and complements
as often as objects), split more true links than false ones too. Status never contradicts: the point is that one
article's planned meeting is the next one's meeting held. Reports are taken in order of publication, so a cluster's
first report is its earliest.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from ..schema import ArticleSummary, Event, EventStatus
from .actions import CAUSED, FORCE, SAYING_KEYS, action_key
from .arguments import Name, named, target_groups
from .doers import Doer, doer
from .entities import EntityLinks
from .times import Days, bounds, event_days, overlap, width


@dataclass(frozen=True)
class Report:
    """One article's event, with its canonical participants and its key."""

    article: int
    published: date | None
    event: Event
    actor: int | None
    targets: tuple[int, ...]
    key: str
    days: Days | None
    person: bool
    """Whether its actor is a person (a named one: the participants rule compares only those)."""
    target_names: tuple[Name, ...] = ()
    """Its targets that are named persons or organisations (``arguments``)."""
    actor_name: Name | None = None
    context: frozenset[int] = frozenset()
    """The named persons and organisations of its article (story entity indices)."""
    doer: Doer = field(default_factory=Doer)
    """Its actor's words as its article writes them (``doers``)."""
    told: frozenset[str] = frozenset()
    """The ids of the events its article tells inside the claims of which it is an event (an act of saying's news:
    "Boll confirmed her death")."""

    @property
    def participants(self) -> set[int]:
        return {*self.targets} | ({self.actor} if self.actor is not None else set())


@dataclass
class MergedEvent:
    """Reports of one event, earliest first, and what they allow together."""

    key: str
    reports: list[Report] = field(default_factory=list)
    actors: set[int] = field(default_factory=set)
    participants: set[int] = field(default_factory=set)
    days: Days | None = None
    full: bool = False
    """Whether some report names both its actor, a person, and a target."""
    doer: Doer = field(default_factory=Doer)
    """The words of its reports' actors (``doers``)."""

    def accepts(self, r: Report) -> tuple[bool, Days | None]:
        """Whether the report can be of this event, and the days both allow."""
        fits, both = overlap(self.days, r.days)
        if not fits:
            return False, None
        if self.key in SAYING_KEYS and self._other_doer(r):
            return False, None  # "GM announced" is not "Ford announced"
        if r.person and r.targets and self.full:  # both say which person did it to whom: they must agree
            theirs = r.participants
            if not theirs & self.participants or r.actor not in self.participants or not self.actors & theirs:
                return False, None
        return True, both

    def _other_doer(self, r: Report) -> bool:
        """Whether the report's actor is none of this event's actors, as entities and by words ("CNN officials"
        are CNN: ``doers``)."""
        if r.actor is None or not self.actors or r.actor in self.actors:
            return False
        return not r.doer.same(self.doer)

    def add(self, r: Report, span: Days | None) -> None:
        self.reports.append(r)
        if r.actor is not None:
            self.actors.add(r.actor)
            self.full |= r.person and bool(r.targets)
        self.participants |= r.participants
        self.doer |= r.doer
        self.days = span


def reports(summaries: Sequence[ArticleSummary], links: EntityLinks) -> list[Report]:
    """Every event of the story's articles, with canonical participants, in order of publication."""
    names = [named(i, x) for i, x in enumerate(links.entities)]
    context: dict[int, set[int]] = {}
    for (a, _), i in links.index.items():
        if names[i] is not None:
            context.setdefault(a, set()).add(i)
    out = []
    for a, s in enumerate(summaries):
        entities = {x.id: x for x in s.entities}
        told = _told(s)
        for e in s.events:
            targets = tuple(t for t in (links.of(a, x) for x in e.targets) if t is not None)
            actor = links.of(a, e.actor)
            days = bounds(e, s.article.published)
            person = actor is not None and links.entities[actor].type == "person"
            out.append(
                Report(
                    a,
                    s.article.published,
                    e,
                    actor,
                    targets,
                    action_key(e),
                    days,
                    person,
                    target_names=tuple(n for t in targets if (n := names[t]) is not None),
                    actor_name=names[actor] if actor is not None else None,
                    context=frozenset(context.get(a, ())),
                    doer=doer(entities[e.actor]) if e.actor in entities else Doer(),
                    told=told.get(e.id, frozenset()),
                )
            )
    out.sort(key=_published)
    return out


def _told(s: ArticleSummary) -> dict[str, frozenset[str]]:
    """Per event id, the other events of the claims that list it (an act of saying's claim lists the act and what
    it said)."""
    out: dict[str, set[str]] = {}
    for c in s.claims:
        for e in c.event_ids:
            out.setdefault(e, set()).update(x for x in c.event_ids if x != e)
    return {e: frozenset(x) for e, x in out.items()}


def merge_events(summaries: Sequence[ArticleSummary], links: EntityLinks) -> list[MergedEvent]:
    """The story's events, each the reports of one event (see the module's rules)."""
    by_key: dict[str, list[MergedEvent]] = {}
    merged: list[MergedEvent] = []
    for r in reports(summaries, links):
        best: tuple[int, MergedEvent, Days | None] | None = None
        for cluster in by_key.get(r.key, []) if r.key else []:
            ok, span = cluster.accepts(r)
            shared = len(cluster.participants & r.participants)
            if ok and (best is None or shared > best[0]):
                best = (shared, cluster, span)
        if best is None:
            cluster = MergedEvent(r.key)
            by_key.setdefault(r.key, []).append(cluster)
            merged.append(cluster)
            best = (0, cluster, r.days)
        best[1].add(r, best[2])
    return join_said(join_caused([part for m in merged for part in split_by_targets(m)]))


def join_caused(events: list[MergedEvent]) -> list[MergedEvent]:
    """Each caused event (``actions.CAUSED``: a death) joined to an event causing it (a killing), as the reports
    of one key join: unless their days do not fit, or both name who underwent it (the causing verb's named
    targets, the caused verb's named subjects) and share no name. Of several, the first sharing a name, else the
    first."""
    causes: dict[str, list[MergedEvent]] = {}
    for m in events:
        if m.key in CAUSED:
            causes.setdefault(CAUSED[m.key], []).append(m)
    out = []
    for m in events:
        fits = [(c, u) for c in causes.get(m.key, []) if (u := _undergone(m, c)) is not False]
        fits = [(c, u) for c, u in fits if overlap(c.days, m.days)[0]]
        if not fits:
            out.append(m)
            continue
        _absorb(max(fits, key=lambda cu: cu[1] is True)[0], m)
    return out


def _absorb(host: MergedEvent, m: MergedEvent) -> None:
    """The reports of ``m`` joined to ``host``'s, earliest first."""
    both = sorted([*host.reports, *m.reports], key=_published)
    host.reports, host.days = [], overlap(host.days, m.days)[1]
    for r in both:
        host.add(r, host.days)


def join_said(events: list[MergedEvent]) -> list[MergedEvent]:
    """Reports of one doer's act of saying told in different words joined: "Harlan Boll announced her death" and
    "Boll confirmed her death" are one statement. Each act of saying joins the first earlier one of another key
    and the same force (``actions.FORCE``: not a denial to a confirmation) that one doer (one story entity) made
    about one story event (``Report.told``), unless their days do not fit, either is not told as done ("declined
    to disclose") or one article tells both (an article telling two acts in two words tells two acts)."""
    where = {(r.article, r.event.id): n for n, m in enumerate(events) for r in m.reports}

    def said(m: MergedEvent) -> set[int]:
        return {where[(r.article, t)] for r in m.reports for t in r.told if (r.article, t) in where}

    out: list[MergedEvent] = []
    for m in events:
        host = next((o for o in out if _one_statement(o, m, said)), None) if m.key in FORCE else None
        if host is None:
            out.append(m)
        else:
            _absorb(host, m)
    return out


def _one_statement(o: MergedEvent, m: MergedEvent, said: Callable[[MergedEvent], set[int]]) -> bool:
    """Whether ``m``, an act of saying, is ``o`` told in other words (``join_said``)."""
    if o.key == m.key or o.key not in FORCE or FORCE[o.key] != FORCE[m.key] or not o.actors & m.actors:
        return False
    if not overlap(o.days, m.days)[0]:
        return False
    if any(r.event.status != "happened" for r in (*o.reports, *m.reports)):
        return False
    if {r.article for r in o.reports} & {r.article for r in m.reports}:
        return False
    return bool(said(o) & said(m))


def _undergone(caused: MergedEvent, cause: MergedEvent) -> bool | None:
    """Whether a named subject of the caused event is a named target of the causing one; None when either side
    names no one."""
    subjects = [r.actor_name for r in caused.reports if r.actor_name is not None]
    targets = [t for r in cause.reports for t in r.target_names]
    if not subjects or not targets:
        return None
    return any(s.same(t) for s in subjects for t in targets)


def _published(r: Report) -> tuple[date, int]:
    return (r.published or date.max, r.article)


def split_by_targets(m: MergedEvent) -> list[MergedEvent]:
    """The merged event as one event per group of its reports' named targets (``arguments.target_groups``)."""
    groups = target_groups(
        [r.target_names for r in m.reports], [r.actor_name for r in m.reports], [r.context for r in m.reports]
    )
    if len(groups) == 1:
        return [m]
    parts = []
    for group in groups:
        part, days = MergedEvent(m.key), None
        for i in group:
            days = overlap(days, m.reports[i].days)[1]
        for i in group:
            part.add(m.reports[i], days)
        parts.append(part)
    return parts


FACTUAL: tuple[EventStatus, ...] = ("happened", "negated", "planned", "possible", "conditional", "unknown")
"""Within one article, the status it gives an event it reports several times: the most factual."""


def article_statuses(m: MergedEvent) -> list[tuple[int, EventStatus]]:
    """(article, status) per reporting article, earliest report first."""
    per: dict[int, EventStatus] = {}
    for r in m.reports:
        seen = per.get(r.article)
        if seen is None or FACTUAL.index(r.event.status) < FACTUAL.index(seen):
            per[r.article] = r.event.status
    return list(per.items())


def chosen_actor(m: MergedEvent) -> int | None:
    counts = Counter(r.actor for r in m.reports if r.actor is not None)
    return counts.most_common(1)[0][0] if counts else None


def chosen_targets(m: MergedEvent, actor: int | None) -> list[int]:
    counts = Counter(t for r in m.reports for t in r.targets if t != actor)
    return [t for t, _ in counts.most_common()]


def chosen_report(m: MergedEvent) -> Report:
    """The report whose wording stands for the event: the first in the earliest article that says it happened,
    else the first report."""
    return next((r for r in m.reports if r.event.status == "happened"), m.reports[0])


def chosen_time(m: MergedEvent) -> Report | None:
    """The report whose time the event takes: the chosen report's when resolved, else the report with the
    narrowest resolved time (what happened first), else None."""
    chosen = chosen_report(m)
    if event_days(chosen.event) is not None:
        return chosen
    timed = [(r, span) for r in m.reports if (span := event_days(r.event)) is not None]
    if not timed:
        return None
    return min(timed, key=lambda rs: (rs[0].event.status != "happened", width(rs[1])))[0]
