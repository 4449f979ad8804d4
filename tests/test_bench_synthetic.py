"""The scale benchmark's synthetic data (bench/synthetic.py): valid, and the site builds."""

from __future__ import annotations

from pathlib import Path

from bench.synthetic import generate, write

from ici.dataset import load_dataset
from langs import PREFIX
from sitebuild import ROOT, build, copy_project

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


def test_synthetic_site_builds(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    write(root, N)
    built = build(root)
    assert built.returncode == 0, built.output
    for prefix in PREFIX.values():
        page = built.html(f"{prefix}register/svc-00049/index.html")
        assert page.css_first("h1.ici-svc-name").text(strip=True)
        assert built.html(f"{prefix}events/evt-00011/index.html").css_first("h1")
    index = built.html("register/index.html")
    items = index.css("li[data-ici-service]")
    real = load_dataset(ROOT)
    assert len({i.attributes["data-ici-service"] for i in items}) == N + len(real.services)
