"""HTML input: detect it, and extract the main text (with title and date) using trafilatura."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

import trafilatura

from ..lexicon import word_set as _words

_STRONG_MARK = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]", re.IGNORECASE)
_TAG = re.compile(r"</?(?:p|div|article|section|br|span|a|h[1-6]|ul|ol|li|table|main|meta|script)\b[^>]*>", re.I)
_MIN_TAGS = 2
_BLOCKS = _words("p div article section main br li ul ol h1 h2 h3 h4 h5 h6 tr table blockquote pre figure figcaption")
_SKIPPED = _words("script style noscript template nav header footer aside form button svg head")


@dataclass(frozen=True)
class Extracted:
    text: str
    title: str | None
    date: str | None


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML document or fragment rather than plain text."""
    head = text[:4096]
    return bool(_STRONG_MARK.search(head)) or len(_TAG.findall(head)) >= _MIN_TAGS


def extract(html: str) -> Extracted:
    """The main text of a page (trafilatura), or every visible block when trafilatura finds no article."""
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_recall=True)
    if doc is not None:
        data = doc if isinstance(doc, dict) else doc.as_dict()
        text = data.get("text") or ""
        if text.strip():
            return Extracted(text=text, title=data.get("title") or None, date=data.get("date") or None)
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    return Extracted(text=parser.text(), title=parser.title or None, date=None)


class _TextParser(HTMLParser):
    """Visible text of a small page, one line per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._parts: list[str] = []
        self._skip = 0
        self._in_title = False
        self.title = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _SKIPPED:
            self._skip += 1
        elif tag in _BLOCKS:
            self._parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self._parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data.strip()
        elif not self._skip:
            self._parts.append(data)

    def text(self) -> str:
        lines = (" ".join(line.split()) for line in "".join(self._parts).splitlines())
        return "\n".join(line for line in lines if line)
