"""ECB+ scoring: predicted event triggers and entity mentions aligned to gold mentions, cross-document
coreference scored on the aligned mentions, a same-lemma baseline on the same mentions, and topic clustering.

Alignment (per document, per kind): a predicted mention is an article event's ``trigger`` span (events without
one cannot be placed and count as unaligned predictions) or one of its ``retold`` spans (the headline or a later
sentence naming the same event again: a mention of it as much as the trigger), or one of an article entity's
``mentions`` spans. Its
similarity to a gold mention is the Dice overlap of its characters with the gold mention's tokens; the one-to-one
assignment of largest total overlap pairs them (``align.assign``), so each gold mention takes at most one
prediction and each prediction at most one gold mention. Mention detection: precision = aligned predictions /
predictions, recall = aligned gold mentions / gold mentions.

Coreference (``coref``: MUC, B³, CEAF-e, CoNLL F1) is scored on the aligned gold mentions only, both sides over
the same mentions: the key is their gold clusters (cross-document instances, in-document chains, singletons);
the response groups them as the predicted clusters group their predictions (a story event's article events; a
story entity's article entities and so every span of those), a prediction no predicted cluster holds standing
alone. Singletons count, as in the usual ECB+ evaluation (e.g. Barhom et al. 2019).

Same-lemma baseline, on the same aligned mentions in the same run: two mentions corefer when their articles are in
the same predicted story and their gold mentions' head words have the same lemma (the head: the token of the
mention whose syntactic head lies outside it, in the project's English parse of the document).

Topics: the predicted stories as clusters of documents against the gold topics (``1``, ``2`` …) and sub-topics
(``1ecb``, ``1ecbplus`` …): purity, inverse purity and their harmonic mean.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..extract.nlp import parser
from ..schema import ArticleSummary
from .align import assign
from .coref import CorefScores, inverse_purity, purity, score
from .ecbplus import EcbDoc, GoldMention, Kind

Interval = tuple[int, int]
PredKey = tuple[str, str]
"""(article id, item id): an article event, or an article entity."""
MIN_OVERLAP = 1e-9


@dataclass(frozen=True)
class Grouping:
    """What the eval reads of a story collection: its stories (article ids) and its merged events and entities
    (each the article items it joins). Items in no group stand alone."""

    stories: list[list[str]]
    events: list[list[PredKey]]
    entities: list[list[PredKey]]


@dataclass(frozen=True)
class Predicted:
    """A predicted mention: the article item it belongs to and where it stands."""

    item: PredKey
    span: Interval | None


@dataclass
class Aligned:
    """One kind's alignment over the corpus."""

    gold: int = 0
    predicted: int = 0
    pairs: list[tuple[Predicted, GoldMention]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return len(self.pairs) / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return len(self.pairs) / self.gold if self.gold else 0.0


def predicted_mentions(summary: ArticleSummary, kind: Kind) -> list[Predicted]:
    """The article's predicted mentions of one kind (see the module docstring)."""
    article = summary.article.id
    if kind == "event":
        told = [
            Predicted((article, e.id), (e.trigger.start, e.trigger.end) if e.trigger is not None else None)
            for e in summary.events
        ]
        retold = [Predicted((article, e.id), (s.start, s.end)) for e in summary.events for s in e.retold]
        return told + retold
    return [Predicted((article, e.id), (m.start, m.end)) for e in summary.entities for m in e.mentions]


def _dice(span: Interval, gold: GoldMention) -> float:
    shared = sum(max(0, min(span[1], b) - max(span[0], a)) for a, b in gold.tokens)
    size = sum(b - a for a, b in gold.tokens)
    return 2 * shared / (span[1] - span[0] + size) if shared else 0.0


def align_document(doc: EcbDoc, kind: Kind, predicted: Sequence[Predicted]) -> list[tuple[Predicted, GoldMention]]:
    """One-to-one pairs of predicted and gold mentions of one document, largest total overlap."""
    gold = doc.of_kind(kind)
    placed = [p for p in predicted if p.span is not None and p.span[1] > p.span[0]]
    if not gold or not placed:
        return []
    sim = np.array([[_dice(p.span, g) for g in gold] for p in placed if p.span is not None])
    return [(placed[i], gold[j]) for i, j, _ in assign(sim, MIN_OVERLAP)]


def align_corpus(docs: Sequence[EcbDoc], summaries: dict[str, ArticleSummary], kind: Kind) -> Aligned:
    out = Aligned()
    for doc in docs:
        out.gold += len(doc.of_kind(kind))
        summary = summaries.get(doc.name)
        if summary is None:
            continue
        predicted = predicted_mentions(summary, kind)
        out.predicted += len(predicted)
        out.pairs += align_document(doc, kind, predicted)
    return out


def head_lemmas(docs: Sequence[EcbDoc]) -> dict[str, str]:
    """Gold mention id -> the lemma of its head word in the project's English parse of its document (the token
    whose syntactic head lies outside the mention), case-folded; a mention without parsed tokens has none."""
    nlp = parser()
    heads: dict[str, str] = {}
    for doc, parsed in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        starts = [t.idx for t in parsed]
        for m in doc.mentions:
            within = range(bisect_left(starts, m.start), bisect_left(starts, m.end))
            tokens = [parsed[i] for i in within if any(a <= starts[i] < b for a, b in m.tokens)]
            if not tokens:
                continue
            inside = {t.i for t in tokens}
            head = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[-1])
            heads[m.id] = str(head.lemma_).casefold()
    return heads


# -- clusters -------------------------------------------------------------------------------------------------


def gold_clusters(pairs: Iterable[tuple[Predicted, GoldMention]]) -> list[list[str]]:
    by_cluster: dict[str, list[str]] = defaultdict(list)
    for _, g in pairs:
        by_cluster[g.cluster].append(g.id)
    return list(by_cluster.values())


def response_clusters(
    pairs: Iterable[tuple[Predicted, GoldMention]], groups: Iterable[Iterable[PredKey]]
) -> list[list[str]]:
    """The aligned gold mentions grouped as the predicted groups group their items (an item in no group, and so
    every mention of it, stands as a group of its own)."""
    group_of: dict[PredKey, int] = {}
    for n, group in enumerate(groups):
        for item in group:
            group_of.setdefault(item, n)
    by_group: dict[Hashable, list[str]] = defaultdict(list)
    for p, g in pairs:
        by_group[group_of.get(p.item, p.item)].append(g.id)
    return list(by_group.values())


def lemma_clusters(
    pairs: Iterable[tuple[Predicted, GoldMention]], stories: Sequence[Sequence[str]], heads: dict[str, str]
) -> list[list[str]]:
    """The same-lemma baseline: aligned mentions whose articles share a predicted story and whose gold mentions'
    heads (``heads``: gold mention id -> lemma) have the same lemma, one cluster."""
    story_of = {a: n for n, story in enumerate(stories) for a in story}
    by_key: dict[Hashable, list[str]] = defaultdict(list)
    for p, g in pairs:
        article = p.item[0]
        by_key[(story_of.get(article, article), heads.get(g.id, g.text.casefold()))].append(g.id)
    return list(by_key.values())


def gold_links_across_stories(
    pairs: Sequence[tuple[Predicted, GoldMention]], stories: Sequence[Sequence[str]]
) -> float:
    """Of the gold coreference links among aligned mentions (pairs of mentions of one gold cluster), the share
    whose two articles the predicted stories put apart: links no event merge inside a story can recover."""
    story_of = {a: n for n, story in enumerate(stories) for a in story}
    by_cluster: dict[str, dict[Hashable, int]] = defaultdict(lambda: defaultdict(int))
    for p, g in pairs:
        by_cluster[g.cluster][story_of.get(p.item[0], p.item[0])] += 1
    total = apart = 0
    for counts in by_cluster.values():
        n = sum(counts.values())
        links = n * (n - 1) // 2
        together = sum(c * (c - 1) // 2 for c in counts.values())
        total += links
        apart += links - together
    return apart / total if total else 0.0


# -- report ---------------------------------------------------------------------------------------------------


def coref_record(scores: CorefScores) -> dict[str, object]:
    return {
        "conll_f1": round(scores.conll_f1, 4),
        "muc": scores.muc.rounded(),
        "b_cubed": scores.b_cubed.rounded(),
        "ceaf_e": scores.ceaf_e.rounded(),
        "mentions": scores.mentions,
        "gold_clusters": scores.key_clusters,
        "predicted_clusters": scores.response_clusters,
    }


def kind_record(
    aligned: Aligned, groups: Sequence[Sequence[PredKey]], stories: Sequence[Sequence[str]], heads: dict[str, str]
) -> dict[str, object]:
    """Mention detection, the system's coreference and the same-lemma baseline's, for one kind."""
    key = gold_clusters(aligned.pairs)
    return {
        "mentions": {
            "gold": aligned.gold,
            "predicted": aligned.predicted,
            "aligned": len(aligned.pairs),
            "precision": round(aligned.precision, 4),
            "recall": round(aligned.recall, 4),
        },
        "system": coref_record(score(key, response_clusters(aligned.pairs, groups))),
        "lemma_baseline": coref_record(score(key, lemma_clusters(aligned.pairs, stories, heads))),
        "gold_links_across_stories": round(gold_links_across_stories(aligned.pairs, stories), 4),
    }


def topic_record(docs: Sequence[EcbDoc], stories: Sequence[Sequence[str]]) -> dict[str, object]:
    """Purity, inverse purity and F of the predicted stories against gold topics and sub-topics."""
    known = {d.name for d in docs}
    predicted = [[a for a in story if a in known] for story in stories]
    placed = {a for story in predicted for a in story}
    predicted += [[d.name] for d in docs if d.name not in placed]  # an article no story holds stands alone
    out: dict[str, object] = {"documents": len(docs), "stories": sum(1 for s in predicted if s)}
    for name, gold in (("topic", {d.name: d.topic for d in docs}), ("subtopic", {d.name: d.subtopic for d in docs})):
        p, ip = purity(predicted, gold), inverse_purity(predicted, gold)
        out[name] = {
            "gold": len(set(gold.values())),
            "purity": round(p, 4),
            "inverse_purity": round(ip, 4),
            "f1": round(2 * p * ip / (p + ip), 4) if p + ip else 0.0,
        }
    return out
