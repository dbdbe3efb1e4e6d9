"""User character lists and AO3 character tags."""

import json

import pytest

from ficlens.characters.inventory import load_character_list, metadata_seeds, tag_name
from ficlens.errors import ConfigError


def test_inventory_loads_csv(tmp_path):
    path = tmp_path / "cast.csv"
    path.write_text("name,aliases,gender\nMargaret Harlow,Meg; Miss Harlow,she/her\n"
                    "Tobias Finch,Toby,\n", encoding="utf-8")
    first, second = load_character_list(path)
    assert (first.id, first.name, first.aliases, first.gender, first.source) == (
        "c0", "Margaret Harlow", ["Margaret Harlow", "Meg", "Miss Harlow"], "she/her", "user")
    assert (second.id, second.aliases, second.gender) == ("c1", ["Tobias Finch", "Toby"], None)


def test_inventory_loads_json(tmp_path):
    path = tmp_path / "cast.json"
    path.write_text(json.dumps([{"name": "Dru", "aliases": ["Drusilla"], "gender": "she"},
                                {"name": "Spike"}]), encoding="utf-8")
    characters = load_character_list(path)
    assert [(c.name, c.aliases, c.gender) for c in characters] == [
        ("Dru", ["Dru", "Drusilla"], "she/her"), ("Spike", ["Spike"], None)]


@pytest.mark.parametrize("name, content, message", [
    ("bad.json", "[{\"name\": ", "not valid JSON"),
    ("bad.json", "{\"name\": \"Spike\"}", "expected a JSON list"),
    ("bad.json", "[{\"aliases\": [\"x\"]}]", "has no name"),
    ("bad.json", "[{\"name\": \"Spike\", \"aliases\": \"William\"}]", "must be a list"),
    ("bad.json", "[{\"name\": \"Spike\", \"gender\": \"vampire\"}]", "unknown gender"),
    ("bad.csv", "who,aliases\nSpike,William\n", "needs a \"name\" column"),
    ("bad.csv", "name,aliases\n", "is empty"),
])
def test_inventory_rejects_bad_files(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_character_list(path)


def test_inventory_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_character_list(tmp_path / "nothere.csv")


@pytest.mark.parametrize("tag, name", [
    ("Spike (Buffy the Vampire Slayer)", "Spike"),
    ("Buffy Summers", "Buffy Summers"),
    ("Original Female Character(s)", None),
    ("Reader", None),
])
def test_inventory_tag_name(tag, name):
    assert tag_name(tag) == name


def test_inventory_metadata_seeds_deduplicate():
    seeds = metadata_seeds(["Spike (Buffy the Vampire Slayer)", "Spike (BtVS)", "Buffy Summers"])
    assert [seed.display() for seed in seeds] == ["Spike", "Buffy Summers"]
