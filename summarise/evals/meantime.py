"""MEANTIME adapter: load CAT XML articles as eval cases and score predicted events and entities against them.

Scope: MEANTIME annotates every event fully only in the headline (sentence 0), the date line (1) and the first
four body sentences (2-5); every figure here counts gold and predicted items in those sentences only
(``SCOPE_LAST_SENTENCE``). The article runs whole, with the creation time (TIMEX3
``functionInDocument="CREATION_TIME"``) as its published date.

Events. A predicted event is located by its trigger (and again by each word of its ``retold``: the headline
telling it, a later mention merged into it): the ``trigger`` Span when events carry one, else (today's
schema) a word of its ``action`` that can be a trigger (no auxiliary, modal, negation, determiner, number or -ly
adverb) found, same crude stem, in its evidence sentence(s): the first such that the project's English parser
tags a verb, else a noun, else the first found (``trigger_of``; the report counts which way each was located;
without the parser, the first found). A predicted event matches a gold EVENT_MENTION when its trigger overlaps
one of the mention's tokens; one-to-one pairs for the field scores.

- precision: predicted in-scope events whose trigger overlaps some gold event mention; recall: gold event
  mentions some trigger overlaps; also recall over gold mentions with an Arg0 or Arg1 participant (the issue's
  headline recall), per gold status class, part of speech and zone (headline / date line / body). A lenient
  variant (``events.words.*``) lets any trigger-capable action word found in the evidence cover a gold
  mention ("agreed to buy" then finds both "agreed" and "buy");
- actor accuracy: on pairs whose gold has an Arg0 entity, the predicted actor's name or an alias occurs over a
  mention of the Arg0's coreference chain (REFERS_TO; a mention without one is its own chain); no actor is
  wrong. Target accuracy likewise for Arg1 (any predicted target). ``*_given`` variants count only pairs where
  the prediction names one;
- time accuracy: a gold mention TLINKed (``ANCHORS``) to a TIMEX3 with a calendar value (the creation time
  included) is anchored, and so is another mention of the same event or one linked to an anchored event as
  simultaneous or within it (``_share_anchors``); a predicted time agrees when its value matches one such
  value down to the coarser of the two, the days of one holding the other's (2008-03 agrees with 2008-03-01,
  2004-W47 with 2004-11-15/2004-11-21). ``time_acc`` counts every matched pair (an unanchored gold event
  wants no time); ``time_acc_anchored`` only anchored ones (no time is wrong); ``time_acc_given`` anchored
  ones where the prediction gives a time;
- events and claims (``events_claims.*``): the same match with each claim counted as an event of saying (its
  cue's word in its sentence, outside the statement, is the trigger: ``cue_trigger``). MEANTIME's events include
  acts of saying ("said", "announced", a sixth of the gold events with an Arg0/Arg1); the project tells those
  as claims, not events, so the ``events`` row leaves them out and this row shows events and claims together;
- factuality: gold certainty x polarity x time as a status (``gold_status``) against the predicted ``status``;
  events without a ``status`` field read as ``happened`` (today's schema), so agreement is then the share of
  matched events the gold marks happened.

Entities (in-document coreference). A predicted entity is located by its ``mentions`` (where the project says
the article names it), or in summaries without them by every occurrence of its name and non-pronoun aliases;
each in-scope occurrence stands for the innermost in-scope gold ENTITY_MENTION containing it (else the longest
it contains, else the one it overlaps most). A gold chain counts when it has a name (syntactic type NAM or
PRE.NAM) and two or more non-pronoun mentions in scope. Of the chains some predicted entity stands for (found),
a chain is unified when exactly one predicted entity stands for its mentions (not split over several); complete
when one entity stands for every non-pronoun mention (descriptions included). A predicted entity that stands for
mentions of two or more chains joins two referents (share of the predicted entities that stand for any gold
mention); only mentions the gold links to an instance (REFERS_TO) count there, since an unlinked mention's
referent is unknown (two unlinked "Boeing" mentions are not two referents). An occurrence followed inside its
gold mention by a capitalised word or a number ("Boeing" in "Boeing 737s", "Ford" in "the Ford Taurus") only
modifies another name and stands for nothing: the gold mention is the product, which a search for the maker's
name would otherwise join to it; so does one followed there by a possessive ("the company" in "the company's
iPhone": the gold marks what it owns).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..errors import EvalError, ModelNotAvailable
from ..extract.nlp import parser
from ..schema import ArticleMeta, ArticleSummary, Claim, Entity, Event, Provenance, Span
from ..timex import calendar_days
from .align import assign, views
from .cat import CatDoc, Mention, read_cat
from .metrics import Columns, FloatArray, MetricDef, f1_of, ratio, ratio_metric
from .results import Alignment, DocScore, FieldError, Match
from .run import RunCase
from .score import OPS_METRICS, ops_counts
from .text import Interval, find_mentions, is_pronoun, norm, stem

DEFAULT_CORPUS = Path("..") / "shared" / "data" / "meantime-dev"
SCOPE_LAST_SENTENCE = 5
"""Headline (0), date line (1) and the first four body sentences (2-5): the fully annotated part."""
MODE = "trigger"
"""The alignment key MEANTIME doc scores use."""
STATUSES = ("happened", "planned", "possible", "conditional", "negated", "unknown")
ANCHORS = frozenset({"IS_INCLUDED", "INCLUDES", "SIMULTANEOUS", "DURING", "IDENTITY"})
"""TLINK types that place an event at a time expression's value."""
_SAME_TIME = frozenset({"SIMULTANEOUS", "IDENTITY"})
_WITHIN = frozenset({"IS_INCLUDED", "DURING"})
_CONTAINS = frozenset({"INCLUDES"})
"""Event-to-event TLINK types through which an anchor passes (the source takes the target's when the source
is within it; the target takes the source's when the source contains it)."""
TIGHT_WEIGHT = 1e-3
"""How much a pair's score prefers the gold mention the trigger fills most: only enough to break ties ("welcomed"
against a gold mention "welcomed everyone to the event and announced" on the same token)."""
NAME_TYPES = frozenset({"NAM", "PRE.NAM"})
ZONES = ("headline", "dateline", "body")
POS_KINDS = ("verb", "noun", "other")
HOWS = ("field", "verb", "noun", "word", "none")
"""How a predicted event's trigger was located (``Located.how``)."""
_NOT_TRIGGER = frozenset({
    "has", "have", "had", "having", "is", "was", "were", "are", "am", "be", "been", "being", "will", "would",
    "shall", "should", "can", "could", "may", "might", "must", "do", "does", "did", "not", "never", "no", "to",
    "also", "reportedly", "then", "later", "previously", "earlier", "further", "again", "once", "still",
    "the", "a", "an", "this", "that", "these", "those", "both", "all", "some", "any", "each", "more", "most",
    "already", "just", "now", "since", "whose", "which", "who", "us", "its", "their", "his", "her",
})  # fmt: skip
"""Words of an action that are not its trigger: auxiliaries, modals, negation, adverbs the parse keeps."""
_WORD = re.compile(r"\w+")
_CALENDAR = re.compile(r"^\d{4}")


def default_corpus() -> Path | None:
    return DEFAULT_CORPUS if DEFAULT_CORPUS.is_dir() else None


def corpus_files(root: Path) -> dict[str, Path]:
    """CAT files under ``root`` by article id (the file stem), skipping ``upstream/``."""
    found = {p.stem: p for p in sorted(root.rglob("*.xml")) if "upstream" not in p.relative_to(root).parts}
    return dict(sorted(found.items()))


def load_corpus(root: Path, *, articles: Sequence[str] | None = None, limit: int | None = None) -> list[RunCase]:
    """Cases of a directory of MEANTIME CAT files (searched recursively)."""
    if not root.is_dir():
        raise EvalError(f"not a MEANTIME corpus directory: {root}")
    files = corpus_files(root)
    ids = list(files)
    if articles is not None:
        unknown = [a for a in articles if a not in files]
        if unknown:
            raise EvalError(f"{root}: no CAT article {unknown[0]!r} ({len(unknown)} unknown id(s))")
        ids = list(dict.fromkeys(articles))
    ids = ids[:limit] if limit is not None else ids
    if not ids:
        raise EvalError(f"{root}: no CAT articles selected")
    cases = []
    for article in ids:
        doc = read_cat(files[article])
        case = RunCase(id=article, article=str(files[article]), text=doc.text, published=doc.creation_time)
        cases.append(case.model_copy(update={"source": "Wikinews", "meantime": doc}))
    return cases


# ------------------------------------------------------------------------------------------------- gold side


def gold_status(mention: Mention) -> str:
    """happened <- certain, positive, not future; planned <- future; possible <- possible/probable;
    negated <- negative; anything underspecified -> unknown."""
    attrs = mention.attrs
    polarity, certainty, time = attrs.get("polarity"), attrs.get("certainty"), attrs.get("time")
    if polarity == "NEG":
        return "negated"
    if certainty in {"POSSIBLE", "PROBABLE"}:
        return "possible"
    if time == "FUTURE":
        return "planned"
    if (certainty, polarity, time) == ("CERTAIN", "POS", "NON_FUTURE"):
        return "happened"
    return "unknown"


def _zone(mention: Mention) -> str:
    return ZONES[min(mention.sentence, 2)]


def _pos(mention: Mention) -> str:
    pos = mention.attrs.get("pos", "").lower()
    return pos if pos in POS_KINDS else "other"


@dataclass
class Gold:
    """The in-scope view of one CAT document that scoring needs."""

    doc: CatDoc
    scope_end: int
    events: list[Mention]
    entities: list[Mention]
    token_spans: dict[str, Interval]
    by_id: dict[str, Mention]
    roles: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    """event m_id -> role -> entity mention m_ids."""
    chains: dict[str, list[Mention]] = field(default_factory=dict)
    """chain id -> entity mentions (all sentences)."""
    anchors: dict[str, list[str]] = field(default_factory=dict)
    """event m_id -> calendar values of the time expressions it is anchored to."""

    def chain_id(self, mention_id: str) -> str:
        return self.doc.refers_to.get(mention_id, f"m{mention_id}")

    def intervals(self, mention: Mention) -> list[Interval]:
        return [self.token_spans[t] for t in mention.tokens if t in self.token_spans]

    def chain_intervals(self, mention_ids: Sequence[str]) -> list[Interval]:
        chains = {self.chain_id(m) for m in mention_ids}
        return sorted((m.start, m.end) for c in chains for m in self.chains.get(c, []))


def _in_scope(mention: Mention) -> bool:
    return bool(mention.tokens) and 0 <= mention.sentence <= SCOPE_LAST_SENTENCE


def _unique(mentions: list[Mention]) -> list[Mention]:
    seen: set[tuple[str, ...]] = set()
    out = []
    for m in mentions:
        if tuple(m.tokens) not in seen:
            seen.add(tuple(m.tokens))
            out.append(m)
    return out


def gold_view(doc: CatDoc) -> Gold:
    by_id = {m.id: m for m in doc.mentions}
    gold = Gold(
        doc=doc,
        scope_end=doc.sentence_end(SCOPE_LAST_SENTENCE),
        events=_unique([m for m in doc.mentions if m.tag == "EVENT_MENTION" and _in_scope(m)]),
        entities=_unique([m for m in doc.mentions if m.tag == "ENTITY_MENTION" and _in_scope(m)]),
        token_spans={t.id: (t.start, t.end) for t in doc.tokens},
        by_id=by_id,
    )
    for m in doc.mentions:
        if m.tag == "ENTITY_MENTION" and m.tokens:
            gold.chains.setdefault(gold.chain_id(m.id), []).append(m)
    for rel in doc.relations:
        if rel.tag == "HAS_PARTICIPANT" and by_id.get(rel.target) is not None:
            if by_id[rel.target].tag == "ENTITY_MENTION":
                gold.roles.setdefault(rel.source, {}).setdefault(rel.role, []).append(rel.target)
        elif rel.tag == "TLINK" and rel.role in ANCHORS:
            for event, timex in ((rel.source, rel.target), (rel.target, rel.source)):
                value = _timex_value(doc, by_id.get(timex))
                if _CALENDAR.match(value):
                    gold.anchors.setdefault(event, []).append(value)
    _share_anchors(gold)
    return gold


def _timex_value(doc: CatDoc, timex: Mention | None) -> str:
    """A TIMEX3's value; the creation time's as the reader read it (one dev article writes it "03-02-2009")."""
    if timex is None or timex.tag != "TIMEX3":
        return ""
    if timex.attrs.get("functionInDocument") == "CREATION_TIME" and doc.creation_time is not None:
        return doc.creation_time.isoformat()
    return timex.attrs.get("value", "")


def _share_anchors(gold: Gold) -> None:
    """Anchors that follow from the gold's other links (``_takes_from``), to a fixed point: chains of links
    (a headline event -> its body mention -> a simultaneous anchored one)."""
    takes = _takes_from(gold)
    changed = True
    while changed:
        changed = False
        for event, others in takes.items():
            have = gold.anchors.get(event, [])
            new = [v for o in sorted(others) for v in gold.anchors.get(o, []) if v not in have]
            if new:
                gold.anchors[event] = [*have, *dict.fromkeys(new)]
                changed = True


def _takes_from(gold: Gold) -> dict[str, set[str]]:
    """event m_id -> the events whose anchors it takes: mentions of one event (REFERS_TO the same instance)
    share them, as do events TLINKed SIMULTANEOUS or IDENTITY, and an event IS_INCLUDED (or DURING) in another
    takes the other's. MEANTIME TLINKs almost no headline event (6 of 170 dev headline mentions) but ties it to
    the body's mention of the same event, and links many body events only to a simultaneous or containing
    event that is anchored; without this a headline event's date counted as a time the gold denies."""
    takes: dict[str, set[str]] = defaultdict(set)
    for rel in gold.doc.relations:
        source, target = gold.by_id.get(rel.source), gold.by_id.get(rel.target)
        if rel.tag != "TLINK" or source is None or target is None:
            continue
        if source.tag != "EVENT_MENTION" or target.tag != "EVENT_MENTION":
            continue
        if rel.role in _SAME_TIME or rel.role in _WITHIN:
            takes[rel.source].add(rel.target)
        if rel.role in _SAME_TIME or rel.role in _CONTAINS:
            takes[rel.target].add(rel.source)
    instances: dict[str, list[str]] = defaultdict(list)
    for mention in gold.doc.mentions:
        if mention.tag == "EVENT_MENTION" and mention.id in gold.doc.refers_to:
            instances[gold.doc.refers_to[mention.id]].append(mention.id)
    for told in instances.values():
        for one in told:
            takes[one].update(other for other in told if other != one)
    return takes


# -------------------------------------------------------------------------------------------- predicted side


@dataclass(frozen=True)
class Located:
    """A predicted event as scoring sees it: where its trigger is and how it was found."""

    event: Event
    trigger: Interval | None
    how: str
    """'field' (the event's trigger Span); an action word in the evidence the parser tags 'verb' or 'noun', or
    else the first found ('word'); 'none' when no action word occurs there."""
    words: tuple[Interval, ...] = ()
    """Every occurrence in the evidence of every trigger-capable action word (the trigger Span when given):
    the lenient "action words" variant of the match."""

    @property
    def start(self) -> int:
        if self.trigger is not None:
            return self.trigger[0]
        return min((s.start for s in self.event.evidence), default=0)


def _trigger_word(word: str) -> bool:
    """Whether an action word can be its trigger: no auxiliary, modal, negation, determiner or -ly adverb."""
    adverb = len(word) > 4 and word.endswith("ly") and not word.endswith("ply")
    return word not in _NOT_TRIGGER and not adverb and not word.isdigit()


def word_classes(text: str) -> dict[int, str] | None:
    """Universal part of speech of each word of ``text`` by start offset, from the project's English parser;
    None when the parser is not installed (triggers then fall back to the action's first word)."""
    try:
        nlp = parser()
    except ModelNotAvailable:
        return None
    return {token.idx: token.pos_ for token in nlp(text)}


def trigger_of(event: Event, text: str, classes: dict[int, str] | None = None) -> Located:
    """The event's trigger: its ``trigger`` Span when it has one, else an occurrence in its evidence of a
    trigger-capable action word (``_trigger_word``, same stem): with ``classes`` (see ``word_classes``) the first
    that is a verb, else a noun, else the first found ("the iPod was released" -> "released", not "iPod")."""
    span = getattr(event, "trigger", None)
    if isinstance(span, Span):
        return Located(event, (span.start, span.end), "field", ((span.start, span.end),))
    words = [stem(w) for w in norm(event.action).split() if _trigger_word(w)]
    tokens = [
        (ev.start + m.start(), ev.start + m.end(), stem(m.group().casefold()))
        for ev in event.evidence
        for m in _WORD.finditer(text[ev.start : ev.end])
    ]
    found = [(start, end) for word in words for start, end, key in tokens if key == word]
    if not found:
        return Located(event, None, "none")
    for wanted in ("VERB", "NOUN"):
        first = next((iv for iv in found if classes and classes.get(iv[0]) == wanted), None)
        if first is not None:
            return Located(event, first, wanted.lower(), tuple(found))
    return Located(event, found[0], "word", tuple(found))


def retold(event: Event) -> list[Located]:
    """The event again at each word that tells it again (``retold``: the headline's, a merged mention's), each a
    predicted mention of its own."""
    return [Located(event, (s.start, s.end), "field", ((s.start, s.end),)) for s in getattr(event, "retold", [])]


def pred_status(event: Event) -> str:
    """The predicted status; events without the field (schema before 1.2) read as happened."""
    status = getattr(event, "status", None)
    return status if isinstance(status, str) and status in STATUSES else "happened"


def occurrences(pred: ArticleSummary, entity_id: str | None, text: str) -> list[Interval]:
    entity = pred.entity(entity_id) if entity_id else None
    if entity is None:
        return []
    return find_mentions(text, [n for n in (entity.name, *entity.aliases) if not is_pronoun(n)])


def _touches(a: Sequence[Interval], b: Sequence[Interval]) -> bool:
    return any(s < e2 and s2 < e for s, e in a for s2, e2 in b)


# ------------------------------------------------------------------------------------------------ scoring


def _event_counts(gold: Gold, located: list[Located], text: str) -> tuple[dict[str, float], list[tuple[int, int]]]:
    """Counts of the trigger match and the one-to-one pairs (located index, gold index)."""
    counts: dict[str, float] = defaultdict(float)
    spans = [gold.intervals(g) for g in gold.events]
    matrix = np.zeros((len(located), len(gold.events)))
    for i, loc in enumerate(located):
        counts[f"events.located.{loc.how}"] += 1
        if loc.trigger is None:
            continue
        for j, ivs in enumerate(spans):
            shared = sum(max(0, min(loc.trigger[1], e) - max(loc.trigger[0], s)) for s, e in ivs)
            if shared:  # ties go to the gold mention the trigger fills most, not to a long one that holds it
                tight = shared / max(1, sum(e - s for s, e in ivs))
                matrix[i, j] = shared / max(1, loc.trigger[1] - loc.trigger[0]) + TIGHT_WEIGHT * tight
    found = matrix > 0
    counts["events.pred"] = float(len(located))
    counts["events.pred_matched"] = float(found.any(axis=1).sum())
    for j, g in enumerate(gold.events):
        hit = float(found[:, j].any())
        has_args = bool({"Arg0", "Arg1"} & set(gold.roles.get(g.id, {})))
        for key in ("", f".status.{gold_status(g)}", f".pos.{_pos(g)}", f".zone.{_zone(g)}", *([".args"] * has_args)):
            counts[f"events.gold{key}"] += 1
            counts[f"events.gold_matched{key}"] += hit
    covered = np.array([[_touches(loc.words, ivs) for ivs in spans] for loc in located], dtype=bool)
    covered = covered.reshape(len(located), len(spans))
    counts["events.words.pred_matched"] = float(covered.any(axis=1).sum())
    for j, g in enumerate(gold.events):
        hit = float(covered[:, j].any())
        counts["events.words.gold_matched"] += hit
        counts["events.words.gold_matched.args"] += hit * bool({"Arg0", "Arg1"} & set(gold.roles.get(g.id, {})))
    pairs = [(i, j) for i, j, _ in assign(matrix, 1e-9)]
    return counts, pairs


def cue_trigger(claim: Claim, text: str) -> Interval | None:
    """Where a claim's saying verb stands: its cue's first word (same stem) in the claim's first evidence
    sentence, outside the statement, the occurrence nearest the statement; None when it is not there."""
    words = [stem(w) for w in norm(claim.cue).split() if _trigger_word(w)]
    if not words or not claim.evidence:
        return None
    ev, said = claim.evidence[0], claim.statement
    found = [
        (ev.start + m.start(), ev.start + m.end())
        for m in _WORD.finditer(text[ev.start : ev.end])
        if stem(m.group().casefold()) == words[0]
    ]
    if said is not None:
        found = [iv for iv in found if iv[1] <= said.start or iv[0] >= said.end] or found
        return min(found, key=lambda iv: min(abs(iv[0] - said.end), abs(iv[1] - said.start)), default=None)
    return found[0] if found else None


def _with_speech(gold: Gold, located: list[Located], pred: ArticleSummary, text: str) -> dict[str, float]:
    """The trigger match counted again with each claim as an event of saying (MEANTIME's speech events: "said",
    "announced"), its cue the trigger: the ``events_claims.*`` counts. The product tells saying as claims, not
    events; this row shows how far events and claims together cover the gold's events."""
    speech = []
    for claim in pred.claims:
        at = cue_trigger(claim, text)
        if at is not None and at[0] < gold.scope_end:
            event = Event(id=claim.id, action=claim.cue, actor=claim.claimant, evidence=claim.evidence[:1])
            speech.append(Located(event, at, "field", (at,)))
    both, _ = _event_counts(gold, [*located, *speech], text)
    keys = ("pred", "pred_matched", "gold", "gold_matched", "gold.args", "gold_matched.args")
    return {f"events_claims.{k}": both[f"events.{k}"] for k in keys}


def _pair_fields(
    gold: Gold, pred: ArticleSummary, loc: Located, g: Mention, text: str, counts: dict[str, float]
) -> list[FieldError]:
    """Actor, target, time and factuality of one matched pair, added to ``counts``; the fields that differ."""
    errors: list[FieldError] = []
    event, roles = loc.event, gold.roles.get(g.id, {})

    def err(name: str, gold_value: str | None, pred_value: str | None) -> None:
        errors.append(FieldError(item_type="events", gold_id=g.id, pred_id=event.id, field=name, gold=gold_value,
                                 pred=pred_value))  # fmt: skip

    for name, role, ids in (("actor", "Arg0", [event.actor]), ("target", "Arg1", event.targets)):
        if role not in roles:
            continue
        chain = gold.chain_intervals(roles[role])
        given = [i for i in ids if i]
        ok = any(_touches(occurrences(pred, i, text), chain) for i in given)
        counts[f"events.{name}.n"] += 1
        counts[f"events.{name}.given"] += bool(given)
        counts[f"events.{name}.correct"] += ok
        if not ok:
            shown = ", ".join(e.name for i in given if (e := pred.entity(i)) is not None) or None
            err(name, " / ".join(text[s:e] for s, e in gold.chain_intervals(roles[role])[:1]) or None, shown)
    values = gold.anchors.get(g.id, [])
    value = event.time.value if event.time is not None else None
    ok = bool(value) and any(_same_time(value or "", v) for v in values)
    counts["events.time_all.n"] += 1
    counts["events.time_all.correct"] += ok or not (values or value)
    if value and not values:
        err("time", None, value)
    if values:
        counts["events.time.n"] += 1
        counts["events.time.given"] += bool(value)
        counts["events.time.correct"] += ok
        if not ok:
            err("time", values[0], value)
    g_status, p_status = gold_status(g), pred_status(event)
    counts["fact.n"] += 1
    counts[f"fact.gold.{g_status}"] += 1
    counts["fact.agree"] += g_status == p_status
    counts[f"fact.{g_status}.{p_status}"] += 1
    if g_status != p_status:
        err("status", g_status, p_status)
    return errors


def _same_time(pred: str, gold: str) -> bool:
    """Same calendar value down to the coarser of the two (at least the year): the days one names hold the
    other's. Values are read as days ("2004-W47" is Monday to Sunday, "2009-Q1" January to March, an interval
    "a/b" its ends); one that cannot be read is compared by its leading characters."""
    p, g = calendar_days(pred), calendar_days(gold)
    if p is not None and g is not None:
        return (p[0] <= g[0] and g[1] <= p[1]) or (g[0] <= p[0] and p[1] <= g[1])
    p_text, g_text = pred[:10], gold[:10]
    short = min(len(p_text), len(g_text))
    return short >= 4 and p_text[:short] == g_text[:short]


def _stands_for(occurrence: Interval, mentions: Sequence[Mention]) -> Mention | None:
    """The gold mention an occurrence of a predicted name stands for (innermost containing, else the longest
    contained, else the most overlapped)."""
    start, end = occurrence
    containing = [m for m in mentions if m.start <= start and end <= m.end]
    if containing:
        return min(containing, key=lambda m: m.end - m.start)
    contained = [m for m in mentions if start <= m.start and m.end <= end]
    if contained:
        return max(contained, key=lambda m: m.end - m.start)
    overlap = [(min(end, m.end) - max(start, m.start), m) for m in mentions if m.start < end and start < m.end]
    return max(overlap, key=lambda p: p[0])[1] if overlap else None


_NAME_GOES_ON = re.compile(r"[\s-]*[A-Z0-9]|['’]s?\s+\w")


def only_modifies(occurrence: Interval, mention: Mention, text: str) -> bool:
    """Whether the name only modifies a longer name inside the gold mention ("Boeing" in "Boeing 737s",
    "Ford" in "the Ford Taurus", "Airbus" in "Airbus A350"): a capitalised word or a number follows it there;
    or it owns what the mention names ("the company" in "the company's iPhone"): a possessive follows it there.
    The name then stands for no mention of that chain (the gold marks the product, not its maker or owner)."""
    return _NAME_GOES_ON.match(text, occurrence[1], mention.end) is not None


def _named_chains(gold: Gold) -> dict[str, set[str]]:
    """chain id -> ids of its non-pronoun in-scope mentions, for chains with a name and two such mentions."""
    members: dict[str, list[Mention]] = defaultdict(list)
    for m in gold.entities:
        members[gold.chain_id(m.id)].append(m)
    out = {}
    for chain, ms in members.items():
        solid = {
            m.id
            for m in ms
            if m.attrs.get("syntactic_type") != "PRO" and not is_pronoun(gold.doc.text[m.start : m.end])
        }
        if len(solid) >= 2 and any(m.attrs.get("syntactic_type") in NAME_TYPES for m in ms):
            out[chain] = solid
    return out


def named_at(pred: ArticleSummary, entity: Entity, text: str) -> list[Interval]:
    """Where the prediction names an entity: its ``mentions`` when the summary's entities carry them (the
    project's own claim: a form two entities share names neither, the longest form wins), else every occurrence
    of its name and non-pronoun aliases (summaries made before entities had mentions)."""
    if any(e.mentions for e in pred.entities):
        return [(m.start, m.end) for m in entity.mentions]
    return occurrences(pred, entity.id, text)


def coref_counts(gold: Gold, pred: ArticleSummary, text: str) -> dict[str, float]:
    chains = _named_chains(gold)
    stands: dict[str, set[str]] = {}
    for entity in pred.entities:
        found_at = [o for o in named_at(pred, entity, text) if o[0] < gold.scope_end]
        hits = [(o, _stands_for(o, gold.entities)) for o in found_at]
        stands[entity.id] = {m.id for o, m in hits if m is not None and not only_modifies(o, m, text)}
    touching = [ids for ids in stands.values() if ids]
    linked = gold.doc.refers_to  # an unlinked mention's referent is unknown: it joins nothing
    joins = [ids for ids in touching if len({gold.chain_id(i) for i in ids if i in linked}) >= 2]
    found = {c: sum(bool(ids & mine) for mine in stands.values()) for c, ids in chains.items()}
    complete = [c for c, ids in chains.items() if any(ids <= mine for mine in stands.values())]
    return {
        "coref.chains": float(len(chains)),
        "coref.found": float(sum(n > 0 for n in found.values())),
        "coref.unified": float(sum(n == 1 for n in found.values())),
        "coref.complete": float(len(complete)),
        "coref.pred_entities": float(len(touching)),
        "coref.all_entities": float(len(pred.entities)),
        "coref.joining": float(len(joins)),
    }


def _gold_label(gold: Gold, g: Mention) -> str:
    a = g.attrs
    facts = "/".join(a.get(k) or "-" for k in ("certainty", "polarity", "time"))
    words = gold.doc.text[g.start : g.end]
    return f"{words} ({a.get('pred') or '-'}, {_zone(g)}, {facts})"


def score_meantime_case(case: RunCase) -> DocScore:
    doc = case.meantime
    if doc is None:
        raise EvalError(f"case {case.id!r} has no MEANTIME gold")
    gold = gold_view(doc)
    pred = case.prediction
    bare = pred is not None and any(not isinstance(getattr(e, "trigger", None), Span) for e in pred.events)
    classes = word_classes(case.text) if bare else None
    located = [trigger_of(e, case.text, classes) for e in pred.events] if pred else []
    located += [retelling for e in pred.events for retelling in retold(e)] if pred else []
    located = [loc for loc in located if loc.start < gold.scope_end]
    counts, pairs = _event_counts(gold, located, case.text)
    if pred is not None:
        counts.update(_with_speech(gold, located, pred, case.text))
    errors: list[FieldError] = []
    if pred is not None:
        for i, j in pairs:
            errors += _pair_fields(gold, pred, located[i], gold.events[j], case.text, counts)
        counts.update(coref_counts(gold, pred, case.text))
    else:
        counts.update(coref_counts(gold, _empty(case), case.text))
    matched_l, matched_g = {i for i, _ in pairs}, {j for _, j in pairs}
    alignment = Alignment(
        matches=[Match(pred=located[i].event.id, gold=gold.events[j].id, sim=1.0) for i, j in pairs],
        missed=[g.id for j, g in enumerate(gold.events) if j not in matched_g],
        false_positives=[loc.event.id for i, loc in enumerate(located) if i not in matched_l],
    )
    score = DocScore(id=case.id, error=case.error, counts=dict(counts), field_errors=errors)
    score.alignments = {MODE: {"events": alignment}}
    score.gold_labels = {f"events/{g.id}": _gold_label(gold, g) for g in gold.events}
    score.pred_labels = {f"events/{v.id}": v.label for v in views(pred, "events")} if pred else {}
    score.counts.update(ops_counts(case))
    return score


def _empty(case: RunCase) -> ArticleSummary:
    return gold_summary(case).model_copy(update={"entities": [], "events": []})


# ------------------------------------------------------------------------------------------------ metrics


def _prf(prefix: str, what: str) -> list[MetricDef]:
    def precision(c: Columns) -> FloatArray:
        return ratio(c["events.pred_matched"], c["events.pred"])

    def recall(c: Columns) -> FloatArray:
        return ratio(c["events.gold_matched"], c["events.gold"])

    def f1(c: Columns) -> FloatArray:
        return f1_of(precision(c), recall(c))

    return [
        MetricDef(f"{prefix}.precision", precision, description=f"{what}: precision (trigger on a gold event)"),
        MetricDef(f"{prefix}.recall", recall, description=f"{what}: recall over all gold event mentions"),
        MetricDef(f"{prefix}.f1", f1, description=f"{what}: F1"),
    ]


def _matched_another_way(prefix: str, totals: str, how: str) -> list[MetricDef]:
    """Precision, recall (over all gold events and over Arg0/Arg1 events) and F1 of events matched another way
    (``how``): ``prefix``'s matched counts over ``totals``' counts."""

    def f1(c: Columns) -> FloatArray:
        precision = ratio(c[f"{prefix}.pred_matched"], c[f"{totals}.pred"])
        return f1_of(precision, ratio(c[f"{prefix}.gold_matched"], c[f"{totals}.gold"]))

    defs = [
        ratio_metric(f"{prefix}.{name}", f"{prefix}.{matched}", f"{totals}.{total}", f"{what}, {how}")
        for name, matched, total, what in (
            ("precision", "pred_matched", "pred", "precision"),
            ("recall", "gold_matched", "gold", "recall"),
            ("recall_args", "gold_matched.args", "gold.args", "recall (Arg0/Arg1 events)"),
        )
    ]
    return [*defs, MetricDef(f"{prefix}.f1", f1, description=f"F1, {how}")]


def meantime_metrics() -> list[MetricDef]:
    defs = _prf("events", "events")
    defs.append(ratio_metric("events.recall_args", "events.gold_matched.args", "events.gold.args",
                             "recall over gold events with an Arg0/Arg1 participant"))  # fmt: skip
    defs += _matched_another_way("events.words", "events", "any action word covering the gold")
    defs += _matched_another_way("events_claims", "events_claims", "claims counted as events of saying")
    defs.append(ratio_metric("events.time_acc", "events.time_all.correct", "events.time_all.n",
                             "time accuracy on all matched pairs (no gold anchor: no time is right)"))  # fmt: skip
    defs.append(ratio_metric("events.time_acc_anchored", "events.time.correct", "events.time.n",
                             "time accuracy on pairs with a gold anchor (none given is wrong)"))  # fmt: skip
    for name, what in (("actor", "actor (Arg0)"), ("target", "target (Arg1)"), ("time", "time")):
        if name != "time":
            defs.append(ratio_metric(f"events.{name}_acc", f"events.{name}.correct", f"events.{name}.n",
                                     f"{what} accuracy on matched pairs (none given is wrong)"))  # fmt: skip
        defs.append(ratio_metric(f"events.{name}_acc_given", f"events.{name}.correct", f"events.{name}.given",
                                 f"{what} accuracy where the prediction gives one"))  # fmt: skip
        defs.append(ratio_metric(f"events.{name}_given_rate", f"events.{name}.given", f"events.{name}.n",
                                 f"matched pairs with a gold {what} where the prediction gives one"))  # fmt: skip
    defs.append(ratio_metric("factuality.agreement", "fact.agree", "fact.n", "status agrees with the gold's"))
    for status in STATUSES:
        defs.append(ratio_metric(f"events.recall.status.{status}", f"events.gold_matched.status.{status}",
                                 f"events.gold.status.{status}", f"recall of gold {status} events"))  # fmt: skip
        defs.append(ratio_metric(f"factuality.share.{status}", f"fact.gold.{status}", "fact.n",
                                 f"matched events the gold marks {status}"))  # fmt: skip
        defs.append(ratio_metric(f"factuality.agreement.{status}", f"fact.{status}.{status}", f"fact.gold.{status}",
                                 f"matched gold {status} events given that status"))  # fmt: skip
    for kind in (*(f"pos.{p}" for p in POS_KINDS), *(f"zone.{z}" for z in ZONES)):
        defs.append(ratio_metric(f"events.recall.{kind}", f"events.gold_matched.{kind}", f"events.gold.{kind}",
                                 f"recall of gold events ({kind})"))  # fmt: skip
    defs.append(ratio_metric("coref.unified_rate", "coref.unified", "coref.found",
                             "named gold chains found that one predicted entity stands for (not split)"))  # fmt: skip
    defs.append(ratio_metric("coref.found_rate", "coref.found", "coref.chains",
                             "named gold chains some predicted entity stands for"))  # fmt: skip
    defs.append(ratio_metric("coref.complete_rate", "coref.complete", "coref.chains",
                             "named gold chains whose every non-pronoun mention one entity stands for"))  # fmt: skip
    defs.append(ratio_metric("coref.joining_rate", "coref.joining", "coref.pred_entities",
                             "predicted entities standing for two gold referents", higher=False))  # fmt: skip
    return defs + OPS_METRICS


# ------------------------------------------------------------------------------------------- gold summary


def gold_summary(case: RunCase) -> ArticleSummary:
    """The in-scope gold events (evidence: the trigger tokens) and named chains, e.g. for review pages."""
    if case.meantime is None:
        raise EvalError(f"case {case.id!r} has no MEANTIME gold")
    gold = gold_view(case.meantime)
    text = case.text
    entities: dict[str, Entity] = {}
    for chain, ids in _named_chains(gold).items():
        names = list(dict.fromkeys(text[gold.by_id[i].start : gold.by_id[i].end] for i in sorted(ids, key=int)))
        entities[chain] = Entity(id=f"e{len(entities) + 1}", name=names[0], aliases=names[1:])
    events = []
    for g in gold.events:
        arg0 = gold.roles.get(g.id, {}).get("Arg0", [])
        actor = next((entities[gold.chain_id(a)].id for a in arg0 if gold.chain_id(a) in entities), None)
        span = Span(start=g.start, end=g.end, text=text[g.start : g.end], status="exact")
        events.append(Event(id=g.id, action=g.attrs.get("pred") or span.text, actor=actor, evidence=[span]))
    sha = hashlib.sha256(text.encode()).hexdigest()
    meta = ArticleMeta(id=case.id, published=case.published, source=case.source, text_sha256=sha)
    provenance = Provenance(backend="gold", model="meantime", prompt_id="gold", prompt_version="0",
                            prompt_sha256="", schema_sha256="")  # fmt: skip
    return ArticleSummary(
        article=meta, summary="", entities=list(entities.values()), events=events, provenance=provenance
    )
