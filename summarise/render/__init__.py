"""Renderers that turn summaries into documents people read."""

from ..schema import Event


def time_words(event: Event) -> str:
    """How a reader is told where an event's time comes from: its time words, or "present tense" when the words
    are the event's own verb (the article's present holds at the time of writing: ``Grounder._now``)."""
    if event.time is None:
        return ""
    if event.trigger is not None and event.time.text == event.trigger.text:
        return "present tense"
    return event.time.text
