"""Offline reading in headless Chromium: after one visit the reader's language works offline.

Served on 127.0.0.1 (a secure context, so the service worker registers). In each
language: visit the home page, wait until the worker is active (its precache is complete
by then), go offline, and open kept pages; an unkept page shows the offline page in that
language. Then a rebuilt site with a changed guide page replaces the old one on the
server: one reload shows the new page, and the old build's cache is gone.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

import pytest

from browserkit import badges_filled, chromium, lang_prefix, serve
from conftest import EDITED_KEPT
from langkit import strings_by_section
from langs import LANGS
from sitebuild import Built

pytestmark = pytest.mark.browser

KEPT = ["contacts/", "contacts/riga/", "guide/residence/", "guide/work/", "handout/"]
GUIDE_PAGE, MARKER = EDITED_KEPT
# the changed page, a kept page of the default language (at the site root)
GUIDE = GUIDE_PAGE.removeprefix(f"docs/{LANGS[0]}/").removesuffix(".md") + "/"
STRINGS = strings_by_section()


class NoStore(SimpleHTTPRequestHandler):
    """Files the browser's HTTP cache never keeps: offline, only the worker's caches answer."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


def _config(site: Path, lang: str) -> dict[str, object]:
    text = (site / lang_prefix(lang) / "sw.js").read_text(encoding="utf-8")
    m = re.search(r"^const ICI = (\{.*?\n\});$", text, re.MULTILINE | re.DOTALL)
    assert m, "sw.js has no configuration"
    return json.loads(m.group(1))


@pytest.fixture(scope="module")
def served(site: Built, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    # a copy the update test may replace, so other tests' site stays as built
    root = tmp_path_factory.mktemp("served") / "site"
    shutil.copytree(site.site, root)
    with serve(root, NoStore) as base:
        yield root, base


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as b:
        yield b


def _visit_and_wait(page: object, url: str, lang: str, version: str) -> None:
    page.goto(url)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60000)
    names = page.evaluate("() => caches.keys()")
    assert f"ici-{lang}-pre-{version}" in names


def _h1(page: object) -> str:
    return page.locator("article h1").first.inner_text().strip()


@pytest.mark.parametrize("lang", LANGS)
def test_kept_pages_work_offline_and_others_show_the_offline_page(
    browser: object, served: tuple[Path, str], site: Built, lang: str
) -> None:
    root, base = served
    home = base + lang_prefix(lang)
    context = browser.new_context(service_workers="allow")
    errors: list[str] = []
    page = context.new_page()
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    _visit_and_wait(page, home, lang, _config(root, lang)["version"])
    # a page the reader opens online is kept too (runtime cache), with what it loads
    page.goto(home + "about/")
    about = _h1(page)
    context.set_offline(True)
    try:
        for path in KEPT:
            page.goto(home + path)
            built = site.html(f"{lang_prefix(lang)}{path}index.html")
            assert _h1(page) == built.css_first("article h1").text().strip(), path
            assert page.locator("[data-ici-offline]").count() == 0, path
            # the stylesheets came from the cache too: Material's layout is applied
            assert page.evaluate("getComputedStyle(document.body).display") == "flex", path
        page.goto(home + "contacts/")
        badges_filled(page)  # "open now" works from the kept script and data
        page.goto(home + "register/")
        page.wait_for_selector("[data-ici-filter-toggle].is-ready")  # the register's script ran
        page.locator("[data-ici-pin] button[data-pinned=false]").first.click()
        page.wait_for_selector("[data-ici-shortlist-items] li")
        # search needs the network: the box says so in the reader's language
        page.fill("#ici-search-input", "PMLP")
        status = page.locator("[data-ici-search-status]")
        status.wait_for(state="visible")
        page.wait_for_function(
            "t => document.querySelector('[data-ici-search-status]').textContent === t",
            arg=STRINGS["search"]["offline"][lang],
        )
        page.goto(home)
        assert _h1(page)
        page.goto(home + "about/")
        assert _h1(page) == about
        assert page.locator("[data-ici-offline]").count() == 0
        # a page the reader never opened: the offline page, in the reader's language
        page.goto(home + "news/")
        assert page.url == home + "news/"
        assert page.locator("[data-ici-offline]").count() == 1
        assert page.evaluate("document.documentElement.lang") == lang
        offline = site.html(f"{lang_prefix(lang)}offline/index.html")
        assert _h1(page) == offline.css_first("article h1").text().strip()
        assert page.locator(".ici-hotlines a[href^='tel:']").count() > 0
        # its links lead to the kept pages, from whatever URL it is shown at
        first = page.locator("[data-ici-offline-pages] a").first
        assert first.evaluate("a => a.href") == home
        assert page.evaluate("getComputedStyle(document.body).display") == "flex"
        first.click()
        page.wait_for_url(home)
        assert page.locator("[data-ici-offline]").count() == 0
    finally:
        context.set_offline(False)
        context.close()
    assert errors == []


def test_a_new_build_replaces_the_cache_after_one_reload(
    browser: object, served: tuple[Path, str], edited: Built
) -> None:
    root, base = served
    old = _config(root, "lv")["version"]
    context = browser.new_context(service_workers="allow")
    page = context.new_page()
    assert GUIDE in KEPT
    _visit_and_wait(page, base + GUIDE, "lv", old)
    assert MARKER not in page.locator("article").inner_text()

    # the same site rebuilt with one guide page changed, deployed over the old one
    shutil.rmtree(root)
    shutil.copytree(edited.site, root)
    version = _config(root, "lv")["version"]
    assert version != old

    page.reload()
    # the new worker installs the whole new build, takes over and reloads the page once
    page.wait_for_function(
        f"() => document.querySelector('article').innerText.includes({MARKER!r})",
        timeout=60000,
    )
    names = page.evaluate("() => caches.keys()")
    assert [n for n in names if n.startswith("ici-lv-pre-")] == [f"ici-lv-pre-{version}"]
    # every kept page now comes from the new build: the cached home page is the new one
    cached = page.evaluate(
        """async ([v, url]) => {
            const r = await (await caches.open('ici-lv-pre-' + v)).match(url);
            return r ? await r.text() : null;
        }""",
        [version, base + GUIDE],
    )
    assert cached is not None and MARKER in cached
    assert cached == (root / GUIDE / "index.html").read_text(encoding="utf-8")
    context.close()


def test_runtime_cache_keeps_recent_pages_within_its_budget(
    browser: object, site: Built, tmp_path: Path
) -> None:
    """Opened pages are kept up to the byte budget; the least recently used go first."""
    root = tmp_path / "site"
    shutil.copytree(site.site, root)
    news = (root / "news" / "index.html").stat().st_size
    worker = root / "sw.js"
    text = worker.read_text(encoding="utf-8")
    budget = f'"runtimeBudget": {news + 2000},'
    text, count = re.subn(r'"runtimeBudget": \d+,', budget, text)
    assert count == 1
    worker.write_text(text, encoding="utf-8")
    with serve(root, NoStore) as base:
        context = browser.new_context(service_workers="allow")
        page = context.new_page()
        _visit_and_wait(page, base, "lv", _config(root, "lv")["version"])
        page.goto(base + "about/")
        page.goto(base + "news/")
        # trimming runs after the response: wait until the older page has left the cache
        page.wait_for_function(
            """async (url) => {
                const names = await caches.keys();
                const name = names.find(n => n.startsWith('ici-lv-run-'));
                return !!name && !(await (await caches.open(name)).match(url));
            }""",
            arg=base + "about/",
        )
        context.set_offline(True)
        try:
            page.goto(base + "news/")
            assert page.locator("[data-ici-offline]").count() == 0
            page.goto(base + "about/")
            assert page.locator("[data-ici-offline]").count() == 1
        finally:
            context.set_offline(False)
            context.close()


def test_without_service_workers_the_site_works_as_before(
    browser: object, served: tuple[Path, str]
) -> None:
    _, base = served
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    for path in ("", "contacts/", "register/"):
        page.goto(base + path)
        assert _h1(page)
    page.wait_for_selector("[data-ici-filter-toggle].is-ready")  # the register's script ran
    assert (
        page.evaluate("navigator.serviceWorker ? navigator.serviceWorker.controller : null") is None
    )
    context.close()
    assert errors == []
