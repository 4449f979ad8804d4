"""The shared vocabularies (ici.vocab) are the schemas' enums, in display order."""

from __future__ import annotations

import json

from ici import vocab
from sitebuild import ROOT


def _schema(name: str) -> dict:
    return json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))


def test_vocabularies_are_the_schema_enums() -> None:
    services, common = _schema("services"), _schema("common")
    item = services["properties"]["services"]["items"]["properties"]
    org = services["properties"]["organizations"]["items"]["properties"]
    assert tuple(item["category"]["enum"]) == vocab.CATEGORIES
    assert tuple(item["channels"]["items"]["enum"]) == vocab.CHANNELS
    assert tuple(org["type"]["enum"]) == vocab.PROVIDER_TYPES
    assert tuple(common["$defs"]["region"]["enum"]) == vocab.REGIONS


def test_no_module_keeps_its_own_copy_of_a_vocabulary() -> None:
    """A region or category list written out anywhere else would drift from the schema."""
    copies = []
    for path in sorted((ROOT / "hooks").rglob("*.py")):
        if path.name == "vocab.py":
            continue
        text = path.read_text(encoding="utf-8")
        if '"riga", "kurzeme"' in text or '"residence",\n    "work"' in text:
            copies.append(path.relative_to(ROOT).as_posix())
    assert copies == []
