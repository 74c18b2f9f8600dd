"""Article clustering: which articles tell the same story.

Each article is a TF-IDF vector over the keys of the names it mentions (``ground.entities`` keys, so Kim
Jong-un = Kim Jong Un) and the content words of its title, summary, actions and claims (the article text itself
may be left out of a summary). Stories are grown by average linkage (UPGMA): the two groups of articles whose
mean pairwise cosine is highest are joined, while that mean reaches ``StorySettings.similarity``. A group joins
another only if its articles are close to most of the other's, not to one of them or to a centroid that has
drifted. What that gathers is one kind of happening: both of two actresses' rehab stays when enough of their
articles share the words. So each group is then split in two while its articles, weighted by the group's own
IDF, fall in two at a normalized cut under ``StorySettings.cut`` (``cuts``): one story per happening, which is
what event merging inside a story needs (the literature clusters documents before it merges mentions: Barhom et
al. 2019). The cut also reads what tells two happenings of one kind apart and nothing across kinds: the numbers
the articles write (``happening_features``: a game's score, a quake's magnitude, a toll), and whom their acts
were done to (two articles telling of one act done to different named people count less alike:
``arguments.other_targets``, as Cybulska and Vossen 2015 and Barhom et al. 2019 compare arguments).

Blocking, so the cost grows as n log n at worst and not n^2: only pairs of articles that share one of the
``StorySettings.lookup`` heaviest features of either (per feature, the ``StorySettings.recent`` articles that used
it last) and are at most ``StorySettings.window_days`` apart are compared; a pair not compared counts as cosine 0
in the means. The linkage then costs O(E log E) in those E <= n * lookup * recent pairs (a heap of candidate
joins; each join merges the smaller group's neighbour sums into the larger's). The split compares the articles of
one group with each other, only in groups of at most ``SPLIT_AT_MOST`` articles: linear in n.

On ECB+ dev (770 documents, 33 topics, 66 sub-topics, no publication dates; ``summarise eval ecbplus``, the parse's
summaries) this gave 74 stories, topic purity 0.997 / inverse 0.680, sub-topic 0.869 / 0.943, event CoNLL F1
0.801 (same-lemma baseline 0.797); the single pass over story centroids that it replaced gave 66 stories, 0.969 /
0.765, sub-topic 0.739 / 0.918 and 0.775 (0.773). The numbers in the cut took 0.7992 to 0.8024, the targets
then to 0.8053 (sub-topic purity 0.873 -> 0.890 -> 0.917), and with the cut telling happenings apart the linkage
may gather more: mean cosine 0.1 -> 0.08, 0.8075 (``evals/ECBPLUS.md``).
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date

import numpy as np
from scipy.sparse import csr_matrix

from ..ground.entities import name_form
from ..lexicon import REPORTING_WORDS, SPEECH_VERBS, word_set
from ..schema import ArticleSummary
from ..unionfind import UnionFind
from .arguments import ArticleTargets, article_targets, other_targets
from .cuts import best_cut
from .settings import StorySettings

NAME_WEIGHT = 1.0
"""A name key counts as much as a word: ECB+ documents name their people in many ways ("the actress", "Reid"),
and names weighted 2 or 3 split stories more than they purify them (``evals/ECBPLUS.md``)."""

_WORD = re.compile(r"[^\W\d_]{3,}")
_NUMBER = re.compile(r"\d+(?:[.,:-]\d+)*")
"""A number as written: a score ("31-24"), a magnitude ("5.6"), a toll ("2,000"), an age, a year."""
_STOP = (
    word_set(
        """the and for that with from this have has had was were are been will would could should about after
        before over into than then them they their there these those which while who whom whose what when where
        also more most other some such only just not but its his her our out can may might must did does being
        very year years week month day today"""
    )
    | REPORTING_WORDS
    | SPEECH_VERBS
)
"""Words that tell no story from another: function words, saying (every story has it), calendar words."""
Vector = dict[str, float]
OTHER_TARGETS = 0.5
"""What the similarity of two articles counts in the cut when they tell of an act of one key done to different
named people (``arguments.other_targets``): the words they share are the kind's, not one happening's."""
SPLIT_FROM = 4
"""The fewest articles a story must have to be split in two (``split``)."""
SPLIT_AT_MOST = 400
"""The most articles a story may have to be split (``split``): the cut compares every pair of a group's articles
and costs an eigendecomposition, cubic in the group, so without a bound one story of most of the input would make
the merge cubic in n. Bounded, the splits cost at most n * SPLIT_AT_MOST^2 in all, linear in n (a 400-article
cut took 0.04 s here on one core, 0.08 s with every article naming targets to compare); no ECB+ dev topic has more
than 39 documents."""


def _texts(summary: ArticleSummary) -> list[str]:
    return [
        summary.article.title or "",
        summary.summary,
        *(e.action for e in summary.events),
        *(c.content for c in summary.claims),
    ]


def features(summary: ArticleSummary) -> Counter[str]:
    """Counts of the article's name keys (``n:``) and content words (``w:``)."""
    counts: Counter[str] = Counter()
    for entity in summary.entities:
        for surface in (entity.name, *entity.aliases):
            form = name_form(surface)
            if form is not None and not form.description:
                counts["n:" + form.key] += 1
    for text in _texts(summary):
        for w in _WORD.findall(text.casefold()):
            if w not in _STOP:
                counts["w:" + w] += 1
    return counts


def happening_features(summary: ArticleSummary, counts: Counter[str]) -> Counter[str]:
    """The article's features (``features``) and the numbers it writes (``d:``), for telling two happenings of one
    kind apart (``split``): the score of a game, a quake's magnitude, a toll, an age. Not in the story vectors: across
    the whole input, two articles sharing a "3" or a "2008" tell nothing of one story (``evals/ECBPLUS.md``)."""
    out = Counter(counts)
    for text in _texts(summary):
        for number in _NUMBER.findall(text):
            out["d:" + number] += 1
    return out


def tfidf(counted: Sequence[Counter[str]]) -> list[Vector]:
    """Unit TF-IDF vectors of feature counts (log-scaled counts, smoothed IDF taken over these counts alone;
    names weighted ``NAME_WEIGHT``)."""
    df: Counter[str] = Counter()
    for c in counted:
        df.update(c.keys())
    n = len(counted)
    out = []
    for c in counted:
        v = {
            f: (1 + math.log(k)) * (1 + math.log((n + 1) / (df[f] + 1))) * (NAME_WEIGHT if f[0] == "n" else 1.0)
            for f, k in c.items()
        }
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out.append({f: x / norm for f, x in v.items() if x > 0})
    return out


def _matrix(vs: Sequence[Vector]) -> csr_matrix:
    index: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, v in enumerate(vs):
        for f, x in v.items():
            rows.append(i)
            cols.append(index.setdefault(f, len(index)))
            vals.append(x)
    return csr_matrix((vals, (rows, cols)), shape=(len(vs), max(len(index), 1)))


def candidate_pairs(
    vs: Sequence[Vector],
    published: Sequence[date | None],
    settings: StorySettings,
    progress: Callable[[int], None] | None = None,
) -> list[tuple[int, int]]:
    """The pairs of articles worth comparing (blocking): two articles within ``window_days`` of each other of
    which one has a feature among the ``lookup`` heaviest of the other; per feature, only the ``recent``
    articles before that used it last. Taken in order of publication, so each pair is found from its later
    article, which looks both through its own heaviest features and through all of its features for earlier
    articles whose heaviest they were."""
    order = sorted(range(len(vs)), key=lambda i: (published[i] or date.min, i))
    having: dict[str, list[int]] = {}
    heaviest: dict[str, list[int]] = {}
    pairs: set[tuple[int, int]] = set()
    for done, i in enumerate(order, start=1):
        top = sorted(vs[i], key=lambda f: -vs[i][f])[: settings.lookup]
        found = {j for f in top for j in having.get(f, ())[-settings.recent :]}
        found |= {j for f in vs[i] for j in heaviest.get(f, ())[-settings.recent :]}
        pairs |= {(j, i) if j < i else (i, j) for j in found if not _too_far(published[i], published[j], settings)}
        for f in vs[i]:
            having.setdefault(f, []).append(i)
        for f in top:
            heaviest.setdefault(f, []).append(i)
        if progress is not None:
            progress(done)
    return sorted(pairs)


def _too_far(a: date | None, b: date | None, settings: StorySettings) -> bool:
    return a is not None and b is not None and abs((a - b).days) > settings.window_days


def similarities(vs: Sequence[Vector], pairs: Sequence[tuple[int, int]]) -> np.ndarray:
    if not pairs:
        return np.zeros(0)
    m = _matrix(vs)
    left, right = (np.array(side) for side in zip(*pairs, strict=True))
    return np.asarray(m[left].multiply(m[right]).sum(axis=1)).ravel()


def average_link(n: int, pairs: Sequence[tuple[int, int]], sims: np.ndarray, threshold: float) -> list[list[int]]:
    """Groups of 0..n-1 (see ``UnionFind.groups``): the two groups of highest mean pairwise similarity (pairs
    not given count 0) are joined while that mean reaches ``threshold`` (average linkage, UPGMA).

    A heap holds candidate joins with the mean they had when pushed. The side with more neighbours keeps its
    sums and takes in the other's: its mean with a neighbour of its own alone only falls (the same sum over more
    articles), so that entry stays in the heap as an upper bound, checked when popped and pushed again at its
    current mean; the means with the other side's neighbours are pushed anew."""
    sums: list[dict[int, float]] = [{} for _ in range(n)]
    for (i, j), s in zip(pairs, sims.tolist(), strict=True):
        if s > 0:
            sums[i][j] = sums[j][i] = s
    size = [1] * n
    sets = UnionFind(n)

    def mean(a: int, b: int) -> float:
        return sums[a][b] / (size[a] * size[b])

    heap = [(-s, i, j) for i in range(n) for j, s in sums[i].items() if i < j and s >= threshold]
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if size[a] == 0 or size[b] == 0:
            continue  # one side was joined into another group
        now = mean(a, b)
        if now != -negative:
            if now >= threshold:
                heapq.heappush(heap, (-now, a, b))
            continue
        if len(sums[a]) < len(sums[b]):
            a, b = b, a
        del sums[a][b], sums[b][a]
        moved = sums[b]
        for c, s in moved.items():
            sums[a][c] = sums[c][a] = sums[a].get(c, 0.0) + s
            del sums[c][b]
        size[a], size[b], sums[b] = size[a] + size[b], 0, {}
        sets.union(a, b)
        for c in moved:
            if (m := mean(a, c)) >= threshold:
                heapq.heappush(heap, (-m, min(a, c), max(a, c)))
    return sets.groups()


def cluster_articles(
    summaries: Sequence[ArticleSummary],
    settings: StorySettings,
    progress: Callable[[int], None] | None = None,
) -> list[list[int]]:
    """Groups of article indices, one per story, each in order of publication; groups by their first article."""
    counted = [features(s) for s in summaries]
    vs = tfidf(counted)
    published = [s.article.published for s in summaries]
    pairs = candidate_pairs(vs, published, settings, progress)
    groups = average_link(len(summaries), pairs, similarities(vs, pairs), settings.similarity)
    if settings.cut is not None:
        told = [happening_features(s, c) for s, c in zip(summaries, counted, strict=True)]
        targets = [article_targets(s) for s in summaries]
        groups = [part for g in groups for part in split(g, told, settings.cut, targets)]

    def when(i: int) -> tuple[date, int]:
        return published[i] or date.min, i

    return sorted((sorted(g, key=when) for g in groups), key=lambda g: when(g[0]))


def split(
    group: list[int],
    counted: Sequence[Counter[str]],
    threshold: float,
    targets: Sequence[ArticleTargets] | None = None,
) -> list[list[int]]:
    """The group as stories: in two while the normalized cut of its articles, weighted by the group's own IDF,
    is under ``threshold`` (``cuts``), each part split again the same way. Given each article's named targets,
    two articles that tell of one act done to different people count ``OTHER_TARGETS`` of their similarity."""
    if not SPLIT_FROM <= len(group) <= SPLIT_AT_MOST:
        return [group]
    m = _matrix(tfidf([counted[i] for i in group]))
    similarity = (m @ m.T).toarray()
    np.fill_diagonal(similarity, 0.0)
    if targets is not None:
        _discount_other_targets(similarity, [targets[i] for i in group])
    found = best_cut(similarity)
    if found is None or found[0] >= threshold:
        return [group]
    side = found[1]
    parts = [[i for i, s in zip(group, side, strict=True) if s == x] for x in (True, False)]
    return [piece for part in parts for piece in split(part, counted, threshold, targets)]


def _discount_other_targets(similarity: np.ndarray, targets: Sequence[ArticleTargets]) -> None:
    """Each pair of articles that tell of one act done to different named people (``arguments.other_targets``)
    counts ``OTHER_TARGETS`` of its similarity; only articles naming a target are compared."""
    named = [x for x, t in enumerate(targets) if t]
    for n, x in enumerate(named):
        for y in named[n + 1 :]:
            if other_targets(targets[x], targets[y]):
                similarity[x, y] *= OTHER_TARGETS
                similarity[y, x] *= OTHER_TARGETS
