"""Renderers that turn summaries into documents people read."""

from ..schema import ArticleSummary, Claim, Event


def time_words(event: Event) -> str:
    """How a reader is told where an event's time comes from: its time words, or "present tense" when the words
    are the event's own verb (the article's present holds at the time of writing: ``Grounder._now``)."""
    if event.time is None:
        return ""
    if event.trigger is not None and event.time.text == event.trigger.text:
        return "present tense"
    return event.time.text


def statements(summary: ArticleSummary, event: Event) -> list[Claim]:
    """The claims a bare act of saying makes ("GM announced today that it will offer buyouts": the announcement
    is an event, what it announced a claim): its word is the claim's cue, in the claim's sentence and outside what
    the claim says. Shown with the event, so its line tells what was announced, denied or promised; an act with
    an object ("denied the allegations", "announced a phone") already says what it acts on."""
    word = event.trigger
    if word is None:
        return []
    # the action without its time words; the verb itself stays when its tense is what dates it ("has confirmed")
    timed = set((event.time.text if event.time else "").casefold().split()) - {word.text.casefold()}
    said = set(event.action.casefold().split()) - timed
    if said != {word.text.casefold()}:
        return []
    return [
        c
        for c in summary.claims
        if c.evidence
        and c.evidence[0].start <= word.start < c.evidence[0].end
        and not (c.statement is not None and c.statement.start <= word.start < c.statement.end)
        and word.text.casefold() in c.cue.casefold().split()
    ]
