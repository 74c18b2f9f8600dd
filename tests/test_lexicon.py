"""The English lexicon (summarise/lexicon.py): one home for the words the rules read, and its text helpers."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from summarise import lexicon
from summarise.lexicon import (
    ACT_FORMS,
    CUES,
    REPORTING_WORDS,
    SAYING_WORDS,
    SPEECH_VERBS,
    quoted_stretches,
    verb_stem,
)

PKG = Path(lexicon.__file__).resolve().parent


@pytest.mark.parametrize(
    ("written", "stem"),
    [("said", "say"), ("says", "say"), ("warned", "warn"), ("warns", "warn"), ("stressing", "stress"), ("do", "do")],
)
def test_a_verb_in_any_inflection_has_one_stem(written: str, stem: str) -> None:
    assert verb_stem(written) == stem


def test_the_word_classes_nest_as_the_rules_read_them() -> None:
    assert SPEECH_VERBS <= SAYING_WORDS and REPORTING_WORDS <= SAYING_WORDS
    assert "according" in REPORTING_WORDS and "warned" not in SPEECH_VERBS  # a warning stays an event
    assert {"say", "deny", "call"} <= CUES
    assert ACT_FORMS <= SPEECH_VERBS  # the forms a model's event may begin with that stay events


def test_quoted_stretches_need_two_words_unless_told() -> None:
    text = "Japan was “analyzing” moves and would “pay a price, ” he said."
    assert [text[a:b] for a, b in quoted_stretches(text, 0, len(text))] == ["pay a price"]
    assert [text[a:b] for a, b in quoted_stretches(text, 0, len(text), min_words=1)] == ["analyzing", "pay a price"]


def test_a_quotation_opened_in_one_typography_closes_in_the_other() -> None:
    text = 'He was a “good corporate citizen," who gave back. And the mayor said "it was hard” to measure.'
    got = [text[a:b] for a, b in quoted_stretches(text, 0, len(text))]
    assert got == ["good corporate citizen", "it was hard"]
    text = "“Not true,” “he said” and “a third one."
    assert [text[a:b] for a, b in quoted_stretches(text, 0, len(text))] == ["Not true", "he said", "a third one"]


def test_ascii_pairs_are_double_quotation_marks() -> None:
    # wire archives type ``this'', the New York Times text in PolNeAR ''this''; offsets stay the text's own
    text = "He asked ''whether he can win it,'' and said ``No cause can justify murder.'' Then he left."
    got = [text[a:b] for a, b in quoted_stretches(text, 0, len(text))]
    assert got == ["whether he can win it", "No cause can justify murder"]
    text = "''We said 'no.''' And ''Poor thing'' it was. ''Unclosed runs on"
    got = [text[a:b] for a, b in quoted_stretches(text, 0, len(text))]
    assert got == ["We said 'no.'", "Poor thing", "Unclosed runs on"]


def test_typography_mixed_with_ascii_pairs_closes_at_the_first_mark() -> None:
    text = "the facts: ''I' d distribute a memo,\" it said. And show \"Scrubs,'' has entered \"a center\" now."
    got = [text[a:b] for a, b in quoted_stretches(text, 0, len(text), min_words=1)]
    assert got == ["I' d distribute a memo", "Scrubs", "a center"]


def test_a_lone_apostrophe_or_a_pair_after_a_word_opens_nothing() -> None:
    text = "In the '90s the workers'' union said it's 'fine' and the Jones' car ran 'n' roll."
    assert quoted_stretches(text, 0, len(text), min_words=1) == []
    text = "The '' sign alone, and ''"
    assert quoted_stretches(text, 0, len(text), min_words=1) == []


def _word_lists(tree: ast.AST) -> list[tuple[int, set[str]]]:
    """(line, words) of every word list in a module: a string given to word_set / frozenset / re.compile, or a
    set literal of strings."""
    found: list[tuple[int, set[str]]] = []
    for node in ast.walk(tree):
        strings: list[ast.Constant] = []
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name in {"word_set", "_words", "frozenset", "compile"}:
                strings = [a for a in ast.walk(node) if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        elif isinstance(node, ast.Set):
            strings = [e for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        for c in strings:
            found.append((c.lineno, set(str(c.value).replace("|", " ").replace("(?:", " ").split())))
    return found


def test_one_module_defines_the_saying_verbs() -> None:
    """No module but the lexicon writes "said" or "say" into a word list of its own (the scorer's stemmer
    table in evals is its own on purpose: evals/text.py says why)."""
    offenders = []
    for module in sorted(PKG.rglob("*.py")):
        if module.name == "lexicon.py" or module.parent.name == "evals":
            continue
        for line, words in _word_lists(ast.parse(module.read_text(encoding="utf-8"))):
            if {"said", "say", "says", "told"} & words:
                offenders.append(f"{module.relative_to(PKG.parent)}:{line}")
    assert not offenders, offenders
    assert _word_lists(ast.parse((PKG / "lexicon.py").read_text(encoding="utf-8")))  # the reader sees lists


def test_the_lexicon_imports_nothing_of_ours() -> None:
    tree = ast.parse((PKG / "lexicon.py").read_text(encoding="utf-8"))
    ours = [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.ImportFrom) and (n.level > 0 or (n.module or "").startswith("summarise"))
    ]
    assert not ours
