"""Ingest: decoding, boilerplate, title/dateline, paragraphs and sentences in offsets of the text as given."""

from __future__ import annotations

import hashlib
import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from summarise.errors import InputError
from summarise.ingest import Document, iter_inputs, iter_jsonl, load_path, load_text, parse_date
from summarise.ingest.sentences import split_sentences

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_WIRE = SEEDS / "000_ef4bc445b1a14fa2.txt"
SEED_WEB = SEEDS / "002_74635596341c1c7a.txt"


def sentences(doc: Document) -> list[str]:
    return [doc.text[s:e] for s, e in doc.sentences]


def paragraphs(doc: Document) -> list[str]:
    return [doc.text[s:e] for s, e in doc.paragraphs]


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def assert_well_formed(doc: Document) -> None:
    """Sentences are trimmed, ordered, inside paragraphs, and cover every visible character in them."""
    start, end = doc.body
    assert 0 <= start < end <= len(doc.text)
    assert doc.paragraphs[0][0] == start and doc.paragraphs[-1][1] == end
    covered: set[int] = set()
    previous = -1
    for s, e in doc.sentences:
        assert previous <= s < e
        assert not doc.text[s].isspace() and not doc.text[e - 1].isspace()
        assert any(ps <= s and e <= pe for ps, pe in doc.paragraphs)
        covered.update(range(s, e))
        previous = e
    for ps, pe in doc.paragraphs:
        assert all(i in covered for i in range(ps, pe) if not doc.text[i].isspace())


# Seeds ----------------------------------------------------------------------------------------------------


def test_wire_story_dateline_body_and_agency_tag() -> None:
    doc = load_path(SEED_WIRE)
    assert doc.dateline == "Tokyo, Sep 6 (EFE).-"
    assert doc.title is None
    assert doc.body_text.startswith("The Japanese government said on Wednesday")
    assert doc.body_text.endswith("finalize the sale of weapons.")
    assert "ahg-yk/ia" not in doc.body_text and not doc.body_text.endswith("EFE")
    assert len(doc.paragraphs) == 11
    assert_well_formed(doc)


def test_wire_story_sentences() -> None:
    doc = load_path(SEED_WIRE)
    found = sentences(doc)
    assert len(found) == 11
    assert found[0].startswith("The Japanese government said") and found[0].endswith("Vladimir Putin.")
    # A line without final punctuation still ends its sentence.
    assert found[5].endswith("Jake Sullivan told reporters")
    # The closing quote belongs to the sentence it ends.
    assert found[8].endswith("in-person leader-level discussions.”")
    assert found[9] == "However, he did not offer further details."


def test_web_page_boilerplate_is_not_body() -> None:
    doc = load_path(SEED_WEB)
    assert doc.title == "The Japanese Prime Minister is ready to meet with the North Korean leader"
    body = doc.body_text
    for junk in (
        "HomeWorld",
        "Stay Connected",
        "FansLike",
        "LEAVE A REPLY",
        "Related News",
        "Please enter your comment",
        "Author: DN/Lusa",
        "Source: DN",
        "Must Read",
    ):
        assert junk not in body
    assert body.startswith("Japan said Friday that Prime Minister Fumio Kishida")
    assert body.endswith("with Tokyo warning of the risk of violating U.N. sanctions.")
    assert_well_formed(doc)


def test_web_page_sentences() -> None:
    found = sentences(load_path(SEED_WEB))
    assert len(found) == 16
    assert "Kim Jong-un visits Russian aircraft factory" in found
    assert found[10] == (
        "During Wednesday’s meeting, Putin said he saw “prospects” for military cooperation with North Korea."
    )
    assert found[11].startswith("Kim Jong-un expressed his belief")
    assert found[-1].endswith("U.N. sanctions.")


def test_seed_gold_evidence_spans_are_sentences() -> None:
    """The hand-made gold summaries cite whole sentences; the splitter must produce exactly those spans."""
    for gold_path, text_path in (
        (SEEDS / "000_ef4bc445b1a14fa2.gold.json", SEED_WIRE),
        (SEEDS / "002_74635596341c1c7a.gold.json", SEED_WEB),
    ):
        if not gold_path.exists():
            pytest.skip("gold files not present")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = load_path(text_path)
        spans = {(sp["start"], sp["end"]) for item in gold["events"] + gold["claims"] for sp in item["evidence"]}
        assert spans <= set(doc.sentences)


def test_crlf_is_kept_and_offsets_index_it() -> None:
    lf = SEED_WIRE.read_text(encoding="utf-8")
    crlf = lf.replace("\n", "\r\n")
    doc, plain = load_text(crlf), load_text(lf)
    assert doc.text == crlf
    assert sentences(doc) == sentences(plain)
    assert doc.dateline == plain.dateline
    assert_well_formed(doc)


# Sentence splitting ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. military and the U.N. Security Council met in Washington.",
        "Mr. Smith and Gen. Jones spoke to Dr. Lee on Monday.",
        "Donald J. Trump and Mary J. Blige were there.",
        "Growth was 3.5 percent, down from 4.2 percent.",
        "The vote was on Sept. 26 in room No. 4 of the hall.",
        "“Will you go?” he asked the minister.",
        "“We will continue,” US National Security Advisor Jake Sullivan told reporters.",
        "Apple Inc. shares rose at 10 a.m. on Tuesday.",
    ],
)
def test_splitter_keeps_one_sentence(text: str) -> None:
    assert split(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It rained. The match went on.", ["It rained.", "The match went on."]),
        (
            "He said it would “continue.” However, nothing changed.",
            ["He said it would “continue.”", "However, nothing changed."],
        ),
        (
            "Troops left the U.S. The move surprised allies.",
            ["Troops left the U.S.", "The move surprised allies."],
        ),
        (
            "Is it over? Nobody knows! Wait...  Then what?",
            ["Is it over?", "Nobody knows!", "Wait...", "Then what?"],
        ),
        ("He spoke at 10 a.m. The crowd cheered.", ["He spoke at 10 a.m.", "The crowd cheered."]),
        ("東京で会談した。日本政府は懸念を表明した。", ["東京で会談した。", "日本政府は懸念を表明した。"]),
    ],
)
def test_splitter_splits(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_each_line_is_a_paragraph_and_ends_its_sentence() -> None:
    doc = load_text("It began here.\nThis line has no stop\nLast line. Has two sentences.\n")
    assert paragraphs(doc) == ["It began here.", "This line has no stop", "Last line. Has two sentences."]
    assert sentences(doc) == ["It began here.", "This line has no stop", "Last line.", "Has two sentences."]


def test_hard_wrapped_paragraph_is_one_paragraph() -> None:
    text = (
        "The government said on Monday that it would\n"
        "raise taxes on fuel, and the opposition said it\n"
        "would fight the plan. Talks begin today.\n\n"
        "A second paragraph follows here.\n"
    )
    doc = load_text(text)
    assert len(doc.paragraphs) == 2
    assert sentences(doc)[0].startswith("The government said") and sentences(doc)[0].endswith("fight the plan.")
    assert sentences(doc)[1] == "Talks begin today."


# Title, dateline, boilerplate -----------------------------------------------------------------------------


def test_short_unpunctuated_first_line_is_the_title() -> None:
    doc = load_text("Storm hits coast\n\nA storm hit the coast on Monday. Thousands lost power.")
    assert doc.title == "Storm hits coast"
    assert doc.body_text == "A storm hit the coast on Monday. Thousands lost power."


def test_title_cased_headline_with_full_stop_is_the_title() -> None:
    doc = load_text("Poll: Wealthy Voters Abandon Republican Party.\n\nA poll shows that voters moved. It is new.")
    assert doc.title == "Poll: Wealthy Voters Abandon Republican Party."


def test_plain_first_sentence_is_not_a_title() -> None:
    doc = load_text("The government resigned on Monday.\n\nThe prime minister said he would stay on.")
    assert doc.title is None
    assert doc.body_text.startswith("The government resigned")


def test_single_line_without_punctuation_is_body() -> None:
    doc = load_text("Hello world")
    assert doc.title is None
    assert doc.body_text == "Hello world"
    assert sentences(doc) == ["Hello world"]


def test_given_title_is_kept_and_its_line_excluded() -> None:
    doc = load_text("Rates rise again.\nThe bank raised rates. Markets fell.", title="Rates rise again")
    assert doc.title == "Rates rise again"
    assert doc.body_text == "The bank raised rates. Markets fell."


@pytest.mark.parametrize(
    ("first", "dateline", "rest"),
    [
        (
            "WASHINGTON (AP) — The Senate voted on Tuesday.",
            "WASHINGTON (AP) —",
            "The Senate voted on Tuesday.",
        ),
        ("LONDON, Sept. 6 (Reuters) - Prices rose.", "LONDON, Sept. 6 (Reuters) -", "Prices rose."),
        ("HEMPSTEAD, N.Y. ― If it worked, fine.", "HEMPSTEAD, N.Y. ―", "If it worked, fine."),
        ("Kyiv, Sep 6 (EFE).- Drones struck.", "Kyiv, Sep 6 (EFE).-", "Drones struck."),
    ],
)
def test_datelines(first: str, dateline: str, rest: str) -> None:
    doc = load_text(first + "\nA second paragraph.")
    assert doc.dateline == dateline
    assert sentences(doc)[0] == rest


def test_no_dateline_in_ordinary_opening() -> None:
    doc = load_text("Japan - the country hosting the talks - said it was ready.\nMore text.")
    assert doc.dateline is None


def test_general_boilerplate_patterns() -> None:
    text = "\n".join(
        [
            "Home > World > Asia",
            "By John Smith",
            "September 15, 2023",
            "Floods displace thousands",
            "",
            "Heavy rain flooded the river valley on Sunday.",
            "Advertisement",
            "Share this article",
            "Rescue teams reached the villages on Monday. AFP",
            "Photo: Reuters/Jane Doe",
            "(Reporting by Jane Doe; Editing by Tim Roe)",
            "© 2023 Example Media. All rights reserved.",
            "Related Articles",
            "Another story headline that is not this article",
            "12,345 Followers",
        ]
    )
    doc = load_text(text)
    assert doc.title == "Floods displace thousands"
    assert paragraphs(doc) == [
        "Heavy rain flooded the river valley on Sunday.",
        "Rescue teams reached the villages on Monday.",
    ]
    assert_well_formed(doc)


def test_teaser_copy_of_title_is_boilerplate() -> None:
    doc = load_text("Leaders agree on a new climate...\nLeaders agree on a new climate deal\nThe deal was signed.")
    assert doc.title == "Leaders agree on a new climate deal"
    assert doc.body_text == "The deal was signed."


def test_a_teaser_needs_a_longer_copy_anywhere_in_the_text() -> None:
    text = (
        "Ministers meet in Paris on trade today\n"
        "The talks on the grain corridor resume...\n"  # its copy comes later: boilerplate
        "Officials said the talks would last two days.\n"
        "Prices of wheat rose sharply after the...\n"  # no copy: kept
        "Prices of wheat rose sharply after the\n"  # the stem itself, no longer: not a copy
        "The talks on the grain corridor resume on Monday in Paris.\n"
    )
    body = [text[s:e] for s, e in load_text(text).paragraphs]
    assert "The talks on the grain corridor resume..." not in body
    assert "Prices of wheat rose sharply after the..." in body
    assert "The talks on the grain corridor resume on Monday in Paris." in body


def test_body_line_resembling_furniture_words_is_kept() -> None:
    text = "Share prices fell on Monday.\nRead the full report, the minister said.\nCopyright law will change."
    assert len(load_text(text).paragraphs) == 3


# HTML -----------------------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><title>Japan watches Kim | Example News</title>
<meta property="article:published_time" content="2023-09-06"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Japan watches Kim</h1>
<p>Tokyo, Sep 6 (EFE).- The Japanese government said on Wednesday that it was monitoring North
Korea’s movements “with concern” over a possible meeting between Kim Jong-un and Vladimir Putin.</p>
<p>The Japanese reaction comes after reports in the United States’ media that Kim could travel to
Russia.</p>
</article><footer>Copyright 2023 Example News</footer></body></html>"""


def test_html_page_is_extracted_with_metadata() -> None:
    doc = load_text(PAGE, source="page.html")
    assert doc.is_html
    assert "<p>" not in doc.text and "Home" not in doc.body_text and "Copyright" not in doc.text
    assert doc.title == "Japan watches Kim"
    assert doc.published == date(2023, 9, 6)
    assert doc.dateline == "Tokyo, Sep 6 (EFE).-"
    assert sentences(doc)[-1].startswith("The Japanese reaction comes after")
    assert doc.text_sha256 == hashlib.sha256(doc.text.encode()).hexdigest()
    assert_well_formed(doc)


def test_html_fragment_falls_back_to_visible_text() -> None:
    doc = load_text("<p>Hello world.</p><p>Second paragraph here.</p><script>var x = 1;</script>")
    assert doc.is_html
    assert doc.text == "Hello world.\nSecond paragraph here."


def test_html_flag_overrides_detection() -> None:
    text = "Use <p> and <div> tags in markup. That is all."
    assert load_text(text, html=False).text == text
    assert not load_text(text, html=False).is_html


def test_caller_date_wins_over_page_date() -> None:
    assert load_text(PAGE, published="2023-09-07").published == date(2023, 9, 7)


# Files, decoding, errors ----------------------------------------------------------------------------------


def test_ids_and_hash() -> None:
    doc = load_text("Some article text. More of it.")
    assert doc.text_sha256 == hashlib.sha256(b"Some article text. More of it.").hexdigest()
    assert doc.id == doc.text_sha256[:12]
    assert load_text("Some article text.", id="a-1").id == "a-1"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Budánov said “yes”.".encode("utf-8-sig"), "Budánov said “yes”."),
        ("Budánov said “yes”.".encode("utf-16"), "Budánov said “yes”."),
        (b"\xfe\xff" + "Budánov said “yes”.".encode("utf-16-be"), "Budánov said “yes”."),
        (
            "Le président Budánov a déclaré que la réunion aura lieu à Genève.".encode("cp1252"),
            "Le président Budánov a déclaré que la réunion aura lieu à Genève.",
        ),
    ],
)
def test_decoding(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    doc = load_path(path, published="2023-09-06")
    assert doc.text == expected
    assert doc.source == str(path)
    assert doc.published == date(2023, 9, 6)


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "empty"), (b" \n\t\r\n", "whitespace"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary")],
)
def test_bad_files_raise_input_error_naming_the_file(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=message) as info:
        load_path(path)
    assert str(path) in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_path(tmp_path / "nope.txt")


def test_empty_string_is_rejected() -> None:
    with pytest.raises(InputError, match="empty"):
        load_text("   \n")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-09-06", date(2023, 9, 6)),
        ("2023-09-06T10:30:00Z", date(2023, 9, 6)),
        (date(2023, 9, 6), date(2023, 9, 6)),
        (None, None),
        ("  ", None),
    ],
)
def test_parse_date(value: str | date | None, expected: date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["06/09/2023", "2023-13-01", "yesterday"])
def test_parse_date_rejects_bad_values(value: str) -> None:
    with pytest.raises(InputError, match="bad date"):
        parse_date(value)


def test_iter_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "First article. It is short.", "published": "2023-09-06", "title": "T"}),
        "",
        json.dumps({"id": 7, "text": "Second article.", "source": "https://example.org/x"}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    docs = list(iter_jsonl(path))
    assert [d.id for d in docs] == ["a", "7"]
    assert docs[0].published == date(2023, 9, 6) and docs[0].title == "T" and docs[0].source == str(path)
    assert docs[1].source == "https://example.org/x"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 2: invalid JSON"),
        ('["a list"]', "line 2: expected a JSON object"),
        ('{"id": "x"}', 'line 2: "text" must be a string'),
        ('{"id": "x", "text": "  "}', "line 2: input is empty"),
        ('{"id": "x", "text": "ok.", "published": "soon"}', "line 2: bad date"),
    ],
)
def test_iter_jsonl_bad_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"text": "Good one."}) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        list(iter_jsonl(path))


def test_iter_inputs_directories_globs_and_errors(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.md").write_text("Second story.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First story.", encoding="utf-8")
    (tmp_path / "c.html").write_text("<html><body><p>Third story.</p></body></html>", encoding="utf-8")
    (tmp_path / "d.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Fourth story."}) + "\nbroken\n" + json.dumps({"id": "j2", "text": "Fifth."}),
        encoding="utf-8",
    )
    (tmp_path / "notes.csv").write_text("x,y", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "secret.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")

    results = list(iter_inputs([str(tmp_path), str(tmp_path / "*.txt"), str(tmp_path / "missing.txt")]))
    docs = [r for r in results if isinstance(r, Document)]
    errors = [r for r in results if isinstance(r, InputError)]
    assert [d.text for d in docs] == [
        "First story.",
        "Second story.",
        "Third story.",
        "Fourth story.",
        "Fifth.",
    ]
    assert docs[2].is_html
    assert [str(e) for e in errors] == [
        f"{tmp_path / 'd.jsonl'}: line 2: invalid JSON (Expecting value at column 1)",
        f"{tmp_path / 'empty.txt'}: file is empty",
        f"{tmp_path / 'missing.txt'}: no such file or directory",
    ]


def test_iter_inputs_glob_without_matches(tmp_path: Path) -> None:
    (error,) = iter_inputs([str(tmp_path / "*.txt")])
    assert isinstance(error, InputError) and "no files match" in str(error)


def test_iter_inputs_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"From stdin. Two sentences.")))
    (doc,) = iter_inputs(["-"])
    assert isinstance(doc, Document)
    assert doc.source == "stdin" and doc.text == "From stdin. Two sentences."
