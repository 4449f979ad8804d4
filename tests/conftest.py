"""Shared fixtures: one build of the real project per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from hostilekit import make_base
from sitebuild import Built, build_copy


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The real content and data, built once into a temporary folder."""
    built = build_copy(tmp_path_factory.mktemp("site"))
    assert built.returncode == 0, built.output
    return built


@pytest.fixture(scope="session")
def hostile_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project copy that hostile-input cases (tests/hostilekit.py) are cloned from."""
    return make_base(tmp_path_factory.mktemp("hostile") / "base")
