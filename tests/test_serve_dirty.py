"""``make serve`` (``mkdocs serve --dirty``): a rebuild after an edit serves the same site
as a fresh build of the edited project, and renders only what the edit changed."""

from __future__ import annotations

from pathlib import Path

import yaml

from ici.serve_deps import page_keys, site_key
from langs import LANGS, PREFIX
from scalekit import EPOCH, scaled_dataset, scaled_project
from servekit import Served

EDITED, REMOVED, UNRELATED = "svc-00010", "svc-00020", "svc-00030"


def _edit(root: Path) -> None:
    """Add a word to one service's Latvian description and remove another service."""
    path = root / "data" / "services.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    services = {rec["id"]: rec for rec in data["services"]}
    services[EDITED]["description"]["lv"] = "Labots. " + services[EDITED]["description"]["lv"]
    data["services"] = [rec for rec in data["services"] if rec["id"] != REMOVED]
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(text, encoding="utf-8")


def _page(lang: str, rid: str) -> str:
    return f"{PREFIX[lang]}register/{rid}/index.html"


def test_a_rebuild_after_an_edit_serves_what_a_fresh_build_does(tmp_path: Path) -> None:
    (tmp_path / "project").mkdir()
    root = scaled_project(tmp_path / "project")
    with Served(root, tmp_path / "serve", epoch=EPOCH) as served:
        served.built()
        site = served.site
        before = {p: p.stat().st_mtime_ns for p in site.rglob("index.html")}
        assert all((site / _page(lang, REMOVED)).is_file() for lang in LANGS)
        mark = len(served.lines)
        _edit(root)
        served.built(mark)
        rebuilt = served.files()
        after = {p: p.stat().st_mtime_ns for p in site.rglob("index.html")}
        log = "".join(served.lines[mark:])
    assert log.count("Building documentation") == 1, log
    # on the same address: the pages name it (canonical links), the service worker hashes them
    with Served(root, tmp_path / "fresh", epoch=EPOCH, port=served.port) as fresh:
        fresh.built()
        expected = fresh.files()
    assert sorted(rebuilt) == sorted(expected)
    differ = [path for path in expected if rebuilt[path] != expected[path]]
    assert differ == []
    assert "Labots." in rebuilt[_page("lv", EDITED)].decode("utf-8")
    for lang in LANGS:
        edited, unrelated = site / _page(lang, EDITED), site / _page(lang, UNRELATED)
        assert after[edited] != before[edited]
        # a page that shows nothing of the edit is left as it was: not rendered again
        assert after[unrelated] == before[unrelated]
        assert _page(lang, REMOVED) not in rebuilt


def test_a_page_key_changes_with_the_records_the_page_shows_and_no_other(tmp_path: Path) -> None:
    (tmp_path / "project").mkdir()
    root = scaled_project(tmp_path / "project")
    ds = scaled_dataset(root)
    site = site_key(root, ("data",), ds)
    before = page_keys(ds, site)
    org = ds.services[EDITED]["organization_id"]
    ds.organizations[org]["name"]["lv"] += " (labots)"
    changed = {key for key, value in page_keys(ds, site).items() if before[key] != value}
    shows = {("service", rid) for rid, rec in ds.services.items() if rec["organization_id"] == org}
    shows |= {("branch", rid) for rid, rec in ds.branches.items() if rec["organization_id"] == org}
    for kind, name in (("event", "events"), ("course", "courses")):
        shows |= {
            (kind, rid)
            for rid, rec in ds.collection(name).items()
            if org == rec.get("organizer") or org in (rec.get("partners") or [])
        }
    assert ("service", EDITED) in changed and len(changed) < len(before)
    assert changed == shows
    # a record's edit is not a change of the whole site; a page's text or a template is
    assert site_key(root, ("data",), ds) == site
    guide = root / "docs" / "lv" / "guide" / "work.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\nJauns teikums.\n", encoding="utf-8")
    assert site_key(root, ("data",), ds) != site
