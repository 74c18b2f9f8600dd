"""The Document every later stage reads, and how to build one from a string."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property

from ..errors import InputError
from . import html as html_input
from .index import RangeLookup
from .layout import Range, analyse


@dataclass(frozen=True)
class Document:
    """An article: its text, where the body, paragraphs and sentences are in it, and its metadata.

    Every offset is a code-point index into ``text``: the input exactly as given, or for HTML input the text
    extracted from it.
    """

    id: str
    text: str
    body: Range
    paragraphs: tuple[Range, ...]
    sentences: tuple[Range, ...]
    title: str | None
    dateline: str | None
    published: date | None
    source: str | None
    text_sha256: str
    is_html: bool

    @property
    def body_text(self) -> str:
        return self.text[self.body[0] : self.body[1]]

    def sentence_text(self, index: int) -> str:
        start, end = self.sentences[index]
        return self.text[start:end]

    def sentence_number(self, offset: int) -> int | None:
        """1-based number of the first sentence holding ``offset``, or None."""
        found = self._sentence_lookup.index(offset)
        return None if found is None else found + 1

    def paragraph_start(self, offset: int) -> int | None:
        """Start of the first paragraph holding ``offset``, or None."""
        found = self._paragraph_lookup.index(offset)
        return None if found is None else self.paragraphs[found][0]

    @cached_property
    def _sentence_lookup(self) -> RangeLookup:
        return RangeLookup(self.sentences)

    @cached_property
    def _paragraph_lookup(self) -> RangeLookup:
        return RangeLookup(self.paragraphs)


def parse_date(value: str | date | None, *, source: str | None = None) -> date | None:
    """An ISO 8601 date (a datetime's date part is taken); None or a blank string gives None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raw = value.strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00")).date()
    except ValueError:
        raise InputError(f"bad date {value!r}: expected an ISO date such as 2023-09-06", source=source) from None


def load_text(
    text: str,
    *,
    id: str | None = None,
    source: str | None = None,
    published: date | str | None = None,
    title: str | None = None,
    html: bool | None = None,
) -> Document:
    """A Document from a string; ``html`` None detects HTML from the markup."""
    if not text.strip():
        raise InputError("input is empty", source=source)
    if "\x00" in text:
        raise InputError("input contains NUL characters: binary data, not text", source=source)
    published_date = parse_date(published, source=source)
    is_html = html_input.looks_like_html(text) if html is None else html
    if is_html:
        page = html_input.extract(text)
        if not page.text.strip():
            raise InputError("no article text found in the HTML", source=source)
        text = page.text
        title = title if title is not None else page.title
        if published_date is None and page.date:
            published_date = _page_date(page.date)
    layout = analyse(text, title=title)
    sha = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return Document(
        id=id if id is not None else sha[:12],
        text=text,
        body=layout.body,
        paragraphs=layout.paragraphs,
        sentences=layout.sentences,
        title=layout.title,
        dateline=layout.dateline,
        published=published_date,
        source=source,
        text_sha256=sha,
        is_html=is_html,
    )


def _page_date(value: str) -> date | None:
    """A page's metadata date, ignored when malformed (it is a hint, not user input)."""
    try:
        return parse_date(value)
    except InputError:
        return None
