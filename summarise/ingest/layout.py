"""Find the article in a text: boilerplate lines, title, dateline, body paragraphs and sentences.

Every position is an offset into the text as given; nothing is rewritten. Boilerplate is recognised by general
patterns of web pages and wire copy (navigation, social widgets, comment forms, "Related" blocks, bylines and
source footers, agency sign-offs and editor codes), never by whole-article strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sentences import split_sentences

Range = tuple[int, int]

_LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")
_AGENCIES = r"EFE|AFP|AP|Reuters|dpa|DPA|ANSA|Lusa|Xinhua|UPI|IANS|PTI|Kyodo|Yonhap|TASS|RIA|Bernama|KUNA|WAM"

# A whole line (stripped, matched case-insensitively) that is page furniture.
_FURNITURE = re.compile(
    r"""(?ix)
    (?:home|menu|search|subscribe|sign\ (?:in|up)|log\ ?in|register|print|e-?mail|tweet|like|share
      |facebook|twitter|linkedin|whatsapp|telegram|pinterest|reddit|copy\ link|skip\ to\ (?:main\ )?content
      |advertisement|advertise\ with\ us|sponsored(?:\ content)?|close|next|previous|back\ to\ top)
    | (?:follow|like)\ us(?:\ on\ \w+)?
    | share\ (?:this|on)\b.{0,40}
    | (?:read|see)\ (?:more|also)(?:\s*[:»>|-].{0,120})?
    | cookies?\b.{0,120} | accept(?:\ all)?(?:\ cookies)?
    | ©.{0,120} | copyright\s*(?:©|\(c\)|\d{4}).{0,120} | .{0,80}all\ rights\ reserved\.?
    | please\ enter\ your\ (?:comment|name|e-?mail)(?:\ address)?(?:\ here)?!?
    | you\ have\ entered\ an\ incorrect\ e-?mail\ address!?
    | save\ my\ name.{0,120}
    | cancel\ reply
    | \d+\ min(?:ute)?s?\ read
    | [\W_]+
    | https?://\S+ | www\.\S+
    | [\d,.]+\s*[km]?\s*(?:fans|followers|subscribers|likes|shares|views|comments?)
      \s*(?:like|follow|subscribe)?
    """
)
# Headings after which the rest of a page is not the article (related links, comments, social blocks).
_END_MARKER = re.compile(
    r"""(?ix)
    (?:leave\ a\ (?:reply|comment)|post\ a\ comment|\d*\ ?comments?(?:\ \(\d+\))?|stay\ connected
      |related(?:\ (?:news|articles?|posts?|stories|content|coverage|topics))?|must\ read|most\ read
      |you\ (?:may|might)\ also\ like|more\ from\ [^.!?]{0,60}|recommended(?:\ for\ you)?|trending(?:\ now)?
      |popular(?:\ (?:posts?|news|stories))?|latest\ (?:news|posts?|stories))
    """
)
# A labelled footer or credit line: "Author: DN/Lusa", "Source: DN", "(Reporting by ...; Editing by ...)".
_LABEL_LINE = re.compile(
    r"(?i)(?:author|authors|source|sources|photo|photos|image|images|credit|credits|tags|tagged|filed under"
    r"|categor(?:y|ies)|topics|editing by|reporting by|written by)\s*:\s*.{0,100}"
    r"|\((?:additional\ )?(?:reporting|writing|editing|compiled)\b.{0,200}\)"
)
_BREADCRUMB = re.compile(r"Home(?:[A-Z]|\s*[>»›/|]).*|(?:[^>»›]{1,40}\s[>»›]\s){2,}[^>»›]{1,80}")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# Lines that are furniture only in a page's header (before or right after the title): bylines and date stamps.
_HEADER_LINE = re.compile(
    rf"""(?x)
    By\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}}(?:\s*(?:,|and|&)\s*[\w.'’ -]{{1,60}})?
    | (?i:updated|published|posted)(?:\ on)?:?\s.{{0,40}}\d.{{0,30}}
    | (?:\w+,?\s+)?(?:{_MONTH}\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\.?\s+\d{{4}}|\d{{4}}-\d\d-\d\d
        |\d{{1,2}}/\d{{1,2}}/\d{{2,4}})(?:\s*[-|,]?\s*\d{{1,2}}:\d\d.{{0,12}})?
    """
)
_EDITOR_CODE = re.compile(r"[a-z]{2,5}(?:-[a-z]{2,5})*/[a-z]{2,5}(?:-[a-z]{2,5})*")
_SIGN_OFF = re.compile(rf"(?:{_AGENCIES})")
_TRAILING_SIGN_OFF = re.compile(rf"(?<=[.!?”\"’)])[ \t]+\(?(?:{_AGENCIES}|[A-Z]{{2,5}})\)?[ \t]*$")
_DATELINE = re.compile(
    rf"""(?x)
    (?P<place>[A-Z][^\W\d_]*\.?(?:[ '’-][A-Z][^\W\d_]*\.?){{0,3}}
       (?:,[ ][A-Z][^\W\d_]*\.?(?:[ ]?[A-Z][^\W\d_]*\.?){{0,2}})?)
    (?:,[ ](?P<date>{_MONTH}\.?[ ]\d{{1,2}}(?:,[ ]\d{{4}})?))?
    (?:[ ]?\((?P<agency>[^()\n]{{1,40}})\))?
    (?P<sep>[ ]?\.?-|[ ]?\.?[–—―]|[ ]--)
    (?=\s)
    """
)
_TERMINAL_PUNCT = ".!?:;,"
_CLOSING = "\"'”’»)]"
_MAX_TITLE_CHARS = 200
_MAX_TITLE_WORDS = 30
_TEASER_MIN_CHARS = 20


@dataclass(frozen=True)
class Layout:
    """Where the article sits in a text."""

    body: Range
    paragraphs: tuple[Range, ...]
    sentences: tuple[Range, ...]
    title: str | None
    dateline: str | None


def analyse(text: str, *, title: str | None = None) -> Layout:
    """Locate title, dateline, body paragraphs and sentences in ``text``; ``title``: a known title."""
    lines = _lines(text)
    kept = _content_lines(text, lines)
    found_title: str | None = None
    if kept:
        first = kept[0]
        first_text = text[first[0] : first[1]]
        known = title is not None and _same_title(first_text, title)
        if known or (title is None and _looks_like_title(text, kept)):
            found_title = first_text.strip()
            kept = kept[1:]
    if not kept:
        kept = [line for line in lines if text[line[0] : line[1]].strip()]
    paragraphs = _paragraphs(text, lines, kept)
    dateline = None
    match = _DATELINE.match(text, paragraphs[0][0], paragraphs[0][1])
    if match and _is_dateline(match):
        dateline = match.group(0).strip()
        rest = _trim(text, match.end(), paragraphs[0][1])
        paragraphs = ([rest] if rest[0] < rest[1] else []) + paragraphs[1:]
    if paragraphs:
        paragraphs[-1] = _strip_sign_off(text, paragraphs[-1])
    else:
        paragraphs = [_trim(text, 0, len(text))]
    sentences = [s for p in paragraphs for s in split_sentences(text, p[0], p[1])]
    return Layout(
        body=(paragraphs[0][0], paragraphs[-1][1]),
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        title=title if title is not None else found_title,
        dateline=dateline,
    )


def _lines(text: str) -> list[Range]:
    """[start, end) of every line, line-break characters excluded, trimmed of surrounding whitespace."""
    lines: list[Range] = []
    start = 0
    for brk in _LINE_BREAK.finditer(text):
        lines.append(_trim(text, start, brk.start()))
        start = brk.end()
    lines.append(_trim(text, start, len(text)))
    return lines


def _trim(text: str, start: int, end: int) -> Range:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _content_lines(text: str, lines: list[Range]) -> list[Range]:
    """Non-blank lines that are not boilerplate, up to the first end-of-article heading."""
    kept: list[Range] = []
    openings = _Openings(text, lines)
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        if not line:
            continue
        if kept and _END_MARKER.fullmatch(line):
            break
        if _is_boilerplate(line, text, header=len(kept) <= 1, index=index, openings=openings):
            continue
        kept.append((start, end))
    return kept


def _is_boilerplate(line: str, text: str, *, header: bool, index: int, openings: _Openings) -> bool:
    if (
        _FURNITURE.fullmatch(line)
        or _END_MARKER.fullmatch(line)
        or _LABEL_LINE.fullmatch(line)
        or _BREADCRUMB.match(line)
        or _EDITOR_CODE.fullmatch(line)
        or _SIGN_OFF.fullmatch(line)
    ):
        return True
    if header and _HEADER_LINE.fullmatch(line):
        return True
    return _is_teaser(line, text, index, openings)


class _Openings:
    """The lines filed by their first ``_TEASER_MIN_CHARS`` characters: a teaser's copies are looked up, not
    searched for among all the lines (linear in the text's length)."""

    def __init__(self, text: str, lines: list[Range]) -> None:
        self.lines = lines
        self.by_opening: dict[str, list[int]] = {}
        for i, (s, e) in enumerate(lines):
            if e - s >= _TEASER_MIN_CHARS:
                self.by_opening.setdefault(text[s : s + _TEASER_MIN_CHARS], []).append(i)

    def starting_with(self, text: str, stem: str) -> list[int]:
        """Indices of the lines that start with ``stem`` (at least ``_TEASER_MIN_CHARS`` long)."""
        found = self.by_opening.get(stem[:_TEASER_MIN_CHARS], [])
        return [i for i in found if text[self.lines[i][0] : self.lines[i][1]].startswith(stem)]


def _is_teaser(line: str, text: str, index: int, openings: _Openings) -> bool:
    """A truncated copy of another line ("The Japanese Prime Minister is ready to...")."""
    if not line.endswith(("...", "…")):
        return False
    stem = line.rstrip(".… ")
    if len(stem) < _TEASER_MIN_CHARS:
        return False
    lines = openings.lines
    return any(i != index and lines[i][1] - lines[i][0] > len(stem) for i in openings.starting_with(text, stem))


def _same_title(line: str, title: str) -> bool:
    def key(s: str) -> str:
        return " ".join(s.split()).rstrip(_TERMINAL_PUNCT).casefold()

    return key(line) == key(title)


def _looks_like_title(text: str, kept: list[Range]) -> bool:
    """Whether the first kept line is a headline: short, followed by body, and unpunctuated, title-cased or
    followed by a dateline."""
    if len(kept) < 2:
        return False
    start, end = kept[0]
    line = text[start:end]
    words = line.split()
    if len(line) > _MAX_TITLE_CHARS or len(words) > _MAX_TITLE_WORDS:
        return False
    if _is_dateline(_DATELINE.match(line)):
        return False
    if _is_dateline(_DATELINE.match(text, kept[1][0], kept[1][1])):
        return True
    followed_by_blank = len(_LINE_BREAK.findall(text, end, kept[1][0])) >= 2
    if _open_ended(line):
        return followed_by_blank or not _continues(text, kept)
    return followed_by_blank and line.rstrip(_CLOSING)[-1:] in ".?!" and _title_cased(words)


def _open_ended(line: str) -> bool:
    return line.rstrip(_CLOSING)[-1:] not in _TERMINAL_PUNCT and line[-1:] not in _TERMINAL_PUNCT


def _continues(text: str, kept: list[Range]) -> bool:
    """Whether the first kept line runs on into the next (a hard-wrapped paragraph, not a headline)."""
    second = text[kept[1][0] : kept[1][1]]
    if second[:1].islower():
        return True
    adjacent = len(kept) > 2 and len(_LINE_BREAK.findall(text, kept[1][1], kept[2][0])) == 1
    return adjacent and _open_ended(second)


def _title_cased(words: list[str]) -> bool:
    long_words = [w.strip("\"'“”‘’(") for w in words[1:]]
    long_words = [w for w in long_words if len(w) >= 4 and w[:1].isalpha()]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.6 * len(long_words)


def _is_dateline(match: re.Match[str] | None) -> bool:
    if match is None:
        return False
    place = match.group("place")
    letters = [c for c in place if c.isalpha()]
    shouting = len(letters) >= 3 and "".join(letters[:3]).isupper() and place.split(",")[0].isupper()
    return bool(match.group("agency") or match.group("date") or shouting)


def _paragraphs(text: str, lines: list[Range], kept: list[Range]) -> list[Range]:
    """Each kept line is a paragraph, except in hard-wrapped blocks, where a block is one paragraph."""
    kept_set = set(kept)
    blocks: list[list[Range]] = []
    current: list[Range] = []
    for line in lines:
        if line in kept_set:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    paragraphs: list[Range] = []
    for block in blocks:
        if _hard_wrapped(text, block):
            paragraphs.append((block[0][0], block[-1][1]))
        else:
            paragraphs.extend(block)
    return paragraphs


def _hard_wrapped(text: str, block: list[Range]) -> bool:
    """A block whose lines mostly break mid-sentence (a wrapped paragraph rather than one line each)."""
    if len(block) < 2:
        return False
    inner = [text[s:e].rstrip(_CLOSING) for s, e in block[:-1]]
    open_ends = sum(1 for line in inner if line[-1:] not in ".!?:…。")
    return open_ends * 2 > len(inner)


def _strip_sign_off(text: str, paragraph: Range) -> Range:
    """Drop a wire agency's sign-off at the end of the last paragraph ("... weapons. EFE")."""
    start, end = paragraph
    match = _TRAILING_SIGN_OFF.search(text, start, end)
    return (start, match.start()) if match else paragraph
