"""The scale benchmark's synthetic data (bench/synthetic.py): valid, and the site builds."""

from __future__ import annotations

from pathlib import Path

from bench.synthetic import generate, write

import scalekit
from ici.dataset import load_dataset
from langs import PREFIX
from sitebuild import ROOT, Built

N = 50


def test_synthetic_data_is_valid_and_sized(tmp_path: Path) -> None:
    write(tmp_path, N)
    ds = load_dataset(tmp_path)  # raises DataError, listing every problem, if not valid
    real = load_dataset(ROOT)
    synthetic = [o for o in ds.organizations if o not in real.organizations]
    # the real services stay: the guide pages link them
    assert real.services.keys() <= ds.services.keys()
    assert (
        len(ds.services) - len(real.services),
        len(synthetic),
        len(ds.events),
        len(ds.courses),
    ) == (
        N,
        N // 10,
        N // 4,
        N // 10,
    )
    assert ds.branches.keys() == real.branches.keys()
    assert ds.figures == real.figures
    # every text in all three languages, as the real data has them
    assert not ds.notices


def test_same_seed_same_data() -> None:
    assert generate(20, seed=7) == generate(20, seed=7)
    assert generate(20, seed=7) != generate(20, seed=8)


def test_synthetic_site_builds(scaled: Built) -> None:
    """The scale tests' build (tests/scalekit.py: the synthetic data at N = scalekit.N)."""
    built = scaled
    last = f"svc-{scalekit.N - 1:05d}"
    for prefix in PREFIX.values():
        page = built.html(f"{prefix}register/{last}/index.html")
        assert page.css_first("h1.ici-svc-name").text(strip=True)
        assert built.html(f"{prefix}events/evt-00011/index.html").css_first("h1")
    real = load_dataset(ROOT)
    ds = scalekit.scaled_dataset(built.root)
    assert len(ds.services) == scalekit.N + len(real.services)
    for rid in ds.services:
        assert (built.site / "register" / rid / "index.html").is_file(), rid
