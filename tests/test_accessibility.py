"""axe-core in headless Chromium: 0 WCAG 2.1 AA violations on every page kind, every language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from browserkit import chromium, serve
from sitebuild import ROOT, Built

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def page_kinds(built: Built) -> list[str]:
    """One page of each kind and language: every listing page and the first record page."""
    chosen: dict[tuple[str, ...], str] = {}
    for path in built.pages():
        rel = path.relative_to(built.site).as_posix()
        if rel.startswith("pagefind/"):
            continue
        parts = rel.split("/")
        lang = parts[0] if parts[0] in ("ru", "en") else "lv"
        body = parts[1:] if lang != "lv" else parts
        depth = tuple(body[:-2]) if len(body) > 2 else (*body[:-1], "index")
        chosen.setdefault((lang, *depth), rel)
    return sorted(chosen.values())


@pytest.fixture(scope="module")
def axe_browser(site: Built) -> Iterator[tuple[object, str]]:
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `npm ci` (make test does)")
    with serve(site.site) as base, chromium() as browser:
        yield browser, base


def test_every_kind_is_checked(site: Built) -> None:
    kinds = page_kinds(site)
    assert "contacts/riga/index.html" in kinds or "contacts/kurzeme/index.html" in kinds
    assert any(k.startswith("ru/") for k in kinds) and any(k.startswith("en/") for k in kinds)


def test_axe_finds_no_violations(site: Built, axe_browser: tuple[object, str]) -> None:
    browser, base = axe_browser
    # the page's CSP rightly refuses injected scripts; axe is a test tool, so bypass it here
    context = browser.new_context(bypass_csp=True)
    report = {}
    for rel in page_kinds(site):
        page = context.new_page()
        page.goto(base + rel, wait_until="load")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
        )
        found = [f"{v['id']}: {n['target']}" for v in result["violations"] for n in v["nodes"]]
        if found:
            report[rel] = found
        page.close()
    context.close()
    assert report == {}
