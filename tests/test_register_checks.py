"""Register rules in the cross-record check: no second problem from one wrong value."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ici.dataset import load_dataset
from ici.problems import DataError
from sitebuild import ROOT


def test_a_mistyped_branch_region_is_reported_once(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    contacts = tmp_path / "data" / "contacts.yaml"
    contacts.write_text(
        contacts.read_text(encoding="utf-8").replace("region: latgale", "region: latgal", 1),
        encoding="utf-8",
    )
    with pytest.raises(DataError) as info:
        load_dataset(tmp_path)
    assert [p.path for p in info.value.problems] == ["branches[1].region"]


def test_real_branches_lie_in_their_service_areas() -> None:
    # load_dataset raising nothing means every channel has its contact as well
    ds = load_dataset(ROOT)
    for rec in ds.services.values():
        for bid in rec.get("branches", []):
            assert ds.branches[bid]["region"] in rec["service_areas"], rec["id"]


def test_a_service_id_the_register_pages_use_fails_with_its_line(tmp_path: Path) -> None:
    """``register/topic/`` and the like are listing pages: a service there would clash."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    services = tmp_path / "data" / "services.yaml"
    text = services.read_text(encoding="utf-8")
    line = text.splitlines().index("  - id: ici-legal-consultation") + 1
    services.write_text(text.replace("id: ici-legal-consultation\n", "id: topic\n", 1), "utf-8")
    with pytest.raises(DataError) as info:
        load_dataset(tmp_path)
    assert [str(p) for p in info.value.problems if p.code == "service.reserved_id"] == [
        f"data/services.yaml:{line}: services[0].id: expected an id other than ended, facets, "
        "region, topic (the register's listing pages use them), got 'topic'"
    ]
