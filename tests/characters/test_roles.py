"""Rank and profession descriptions ("the doctor") resolved to the title's holder."""

import pytest

from ficlens.characters import roles
from ficlens.characters.names import parse_name
from ficlens.characters.roles import RoleHolders, role_of
from ficlens.model import Character, Mention


@pytest.mark.parametrize("written, role", [
    ("the doctor", "dr"), ("the Doctor", "dr"), ("the\ncolonel", "colonel"),
    ("the inspector", "inspector"),
    ("the Marquis", None),   # a rank of nobility, not a title worn with a surname
    ("the mariner", None), ("doctor", None), ("the good doctor", "dr"),
    ("the other doctor", None), ("the second doctor", None),   # someone else with the title
])
def test_roles_role_of(written, role):
    assert role_of(written) == role


def story(*parts: str) -> tuple[str, list[Mention]]:
    """Text from parts; a part "@cN:Name" is a name mention of character cN."""
    text, mentions = "", []
    for part in parts:
        if part.startswith("@"):
            character, written = part[1:].split(":", 1)
            mentions.append(Mention(len(text), len(text) + len(written), "name", character))
            part = written
        text += part + " "
    return text, mentions


LOSBERNE = Character("c0", "Mr. Losberne", ["Doctor Losberne", "Mr. Losberne"])


def test_roles_the_doctor_is_the_doctor_named_before_it():
    text, mentions = story("the doctor came.", "@c0:Mr. Losberne", "sat.", "the doctor spoke.")
    holders = RoleHolders(text, [LOSBERNE], mentions)
    first, last = text.find("the doctor"), text.rfind("the doctor")
    assert holders.holder_at("the doctor", first) is None  # someone met before him
    assert holders.holder_at("the doctor", last) == "c0"
    assert holders.holder_at("the clergyman", last) is None


def test_roles_holder_named_too_long_ago_is_not_meant(monkeypatch):
    text, mentions = story("@c0:Mr. Losberne", "sat." + " " * 50, "the doctor spoke.")
    monkeypatch.setattr(roles, "ROLE_WINDOW", 40)
    assert RoleHolders(text, [LOSBERNE], mentions).holder_at(
        "the doctor", text.find("the doctor")) is None


def test_roles_title_written_once_makes_the_one_bearer_of_the_surname_its_holder():
    plain = Character("c0", "Mr. Losberne", ["Mr. Losberne"])
    text, mentions = story("@c0:Mr. Losberne", "said the doctor.")
    offset = text.find("the doctor")
    assert RoleHolders(text, [plain], mentions).holder_at("the doctor", offset) is None
    written = [parse_name("Doctor Losberne")]
    assert RoleHolders(text, [plain], mentions, written).holder_at("the doctor", offset) == "c0"


def test_roles_holder_named_once_in_passing_does_not_take_the_title():
    croft = Character("c0", "Admiral Croft", ["Admiral Croft"])
    brand = Character("c1", "Admiral Brand", ["Admiral Brand"])
    text, mentions = story(*["@c0:Admiral Croft"] * 8, "@c1:Admiral Brand", "the Admiral said.")
    holders = RoleHolders(text, [croft, brand], mentions)
    assert holders.holder_at("the Admiral", text.find("the Admiral")) == "c0"


def test_roles_the_description_itself_does_not_count_as_naming():
    listed = Character("c0", "The Doctor", ["The Doctor"])
    text, mentions = story("@c0:the doctor", "@c1:Mr. Losberne", "said the doctor.")
    holders = RoleHolders(text, [listed, Character("c1", "Mr. Losberne", ["Mr. Losberne"])],
                          mentions, [parse_name("Doctor Losberne")])
    assert holders.holder_at("the doctor", text.rfind("the doctor")) == "c1"
