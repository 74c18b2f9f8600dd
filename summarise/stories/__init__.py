"""Stories: many articles' summaries merged into one timeline of who did what and who said what.

``summarise.story(summaries)`` (this package's ``story``) returns a ``StoryCollection``
(``summarise.stories.schema``). The package is named ``stories`` so that ``summarise.story`` stays the
function. The steps are modules of their own, for tuning and for the evals: ``clusters`` (which articles are
one story, with ``cuts``), ``entities`` (one entity across articles), ``events`` (one event across articles,
with ``actions``, ``arguments``, ``doers`` and ``times``), ``claims`` (statements by claimant), ``timeline``; ``build``
assembles them.
Above the pipeline: nothing below imports this package.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .build import Progress
from .schema import STORY_SCHEMA_VERSION, Story, StoryCollection
from .settings import StorySettings

__all__ = ["STORY_SCHEMA_VERSION", "Progress", "Story", "StoryCollection", "StorySettings", "story"]


def story(
    summaries: Iterable[Any], settings: StorySettings | None = None, *, progress: Progress | None = None
) -> StoryCollection:
    """Merge many articles' summaries (``ArticleSummary`` records, or dicts of them) into stories.

    Articles about the same thing become one story; within it, one entity per referent, one event per
    happening (each article's report of it kept, with its status), claims by claimant, and a dated timeline.
    Raises :class:`summarise.InputError` for an input that is not a summary or an article id given twice.
    ``progress(step, done, total)`` is told how a long merge goes.
    """
    from .build import merge

    return merge(summaries, settings, progress)
