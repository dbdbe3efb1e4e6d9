"""Diminutives: the table and the prefix rule."""

import pytest

from ficlens.characters.nicknames import is_diminutive, stems


@pytest.mark.parametrize("short, full", [
    ("Dru", "Drusilla"), ("Liz", "Elizabeth"), ("Lizzy", "Elizabeth"), ("Beth", "Elizabeth"),
    ("Eliza", "Elizabeth"), ("Bill", "William"), ("Will", "William"), ("Toby", "Tobias"),
    ("Meg", "Margaret"), ("Hallie", "Halfrek"), ("Fred", "Frederick"), ("Peggy", "Margaret"),
])
def test_nicknames_known_and_spelled_out_diminutives(short, full):
    assert is_diminutive(short, full)


@pytest.mark.parametrize("short, full", [
    ("Drusilla", "Dru"), ("Tom", "Tom"), ("Jo", "John"), ("Western", "Westerner"),
    ("Ann", "Anne"), ("Mary", "Margaret"),
])
def test_nicknames_not_diminutives(short, full):
    assert not is_diminutive(short, full)


def test_nicknames_stems_drop_pet_endings_and_doubled_letters():
    assert stems("Hallie") == {"hallie", "hall", "hal"}
    assert stems("Toby") == {"toby", "tob"}
