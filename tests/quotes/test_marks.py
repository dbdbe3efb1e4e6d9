"""Quotation marks: roles read from the surroundings, apostrophes, convention."""

from __future__ import annotations

import pytest

from ficlens.quotes.marks import (
    Role,
    classify,
    opens_paragraph,
    primary_kind,
    resolve_weak_closers,
)


def roles(text: str) -> list[tuple[str, Role]]:
    marks = classify(text, 0, len(text))
    resolve_weak_closers(marks)
    return [(text[mark.position], mark.role) for mark in marks]


@pytest.mark.parametrize(("text", "expected"), [
    ('"Hi," he said.', [Role.OPEN, Role.CLOSE]),
    ('said"Hi', [Role.EITHER]),
    ('a " b', [Role.EITHER]),
    ("\u201cHi\u201d", [Role.OPEN, Role.CLOSE]),
    ("\u201dHi\u201d", [Role.OPEN, Role.CLOSE]),
    ("\u2014\u201d\u6768", [Role.CLOSE]),
    ("don't o'clock", [Role.APOSTROPHE, Role.APOSTROPHE]),
    ("give 'em", [Role.APOSTROPHE]),
    ("the '90s", [Role.APOSTROPHE]),
    ("rock 'n' roll", [Role.APOSTROPHE, Role.APOSTROPHE]),
    ("'S all", [Role.APOSTROPHE]),
    ("'Sam", [Role.OPEN]),
    ("tell 'im", [Role.OPEN_IF_CLOSED]),
    ("'Tis", [Role.APOSTROPHE]),
    ("'Go,' she", [Role.OPEN, Role.CLOSE]),
])
def test_marks_roles(text: str, expected: list[Role]) -> None:
    assert [role for _, role in roles(text)] == expected


def test_marks_weak_closers_keep_the_last_of_a_run() -> None:
    text = "'the dogs' bowls' she said. 'Now.'"
    assert [role for _, role in roles(text)] == [
        Role.OPEN, Role.APOSTROPHE, Role.CLOSE, Role.OPEN, Role.CLOSE]


def test_marks_weak_closers_give_way_to_a_strong_one() -> None:
    text = "'I'm goin' home, an' then,' he said."
    assert [role for _, role in roles(text)] == [
        Role.OPEN, Role.APOSTROPHE, Role.APOSTROPHE, Role.APOSTROPHE, Role.CLOSE]


@pytest.mark.parametrize(("text", "kind"), [
    ('"Yes," she said. "No."', "double"),
    ("'Yes,' she said. 'No.' \"Fine\"", "single"),
    ("\u2018Yes,\u2019 she said, \u2018it\u2019s the dogs\u2019 bowls.\u2019", "single"),
    ("\"Don't give 'em the '90s,\" she said.", "double"),
    ("", "double"),
])
def test_marks_primary_kind(text: str, kind: str) -> None:
    assert primary_kind(text) == kind


@pytest.mark.parametrize("paragraph, opens", [
    ('"Hello."', True), ("\u00abHello.\u00bb", True), ("\u2014 Hello.", True),
    ("  \u201cHello.\u201d", True), ('He said, "Hello."', False),
])
def test_marks_opens_paragraph(paragraph: str, opens: bool) -> None:
    start = paragraph.index("Hello")
    assert opens_paragraph(paragraph, 0, start) is opens
