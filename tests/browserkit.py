"""Headless Chromium over a local HTTP server: the pieces every browser test needs."""

from __future__ import annotations

import atexit
import contextlib
import functools
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from langs import DEFAULT_LANG, LANGS
from sitebuild import Built

CHROMIUM = "/usr/bin/chromium"
# Debian's build of the same Chromium without the desktop browser around it (the package
# chromium-headless-shell, what Playwright itself runs for headless): the same Blink and V8,
# about half the CPU a page load takes in the full browser, which the browser tests spend
# on hundreds of page loads. The full browser stays for what only it does: Chromium's
# own installability check (tests/test_offline_install.py) and Lighthouse.
HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"
# RenderDocument (a new renderer frame for every navigation) cost about a quarter of the
# CPU of each page load in the tests' long same-site walks; pages behave the same without.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-features=RenderDocument",
]


def require_chromium(binary: str = HEADLESS_SHELL) -> None:
    """Skip where the browser is missing, except in CI, where a missing browser is a failure."""
    if not Path(binary).exists():
        package = Path(binary).name
        if os.environ.get("CI"):
            pytest.fail(f"CI must install Debian's {package} for the browser tests")
        pytest.skip(f"Debian's {package} is not installed")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # the browser drops connections it no longer needs (a page left mid-load): no noise
        pass


@contextmanager
def serve(
    directory: Path, handler_class: type[SimpleHTTPRequestHandler] | None = None
) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 and yield the base URL (ends with a slash)."""
    handler = functools.partial(handler_class or _Quiet, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Visit:
    """What one page did: every request it made and every console error or page error.

    ``failed`` holds ``(status, url)`` of every response with status 400 or more, and
    ``error_urls`` the URL each console error came from (for "Failed to load resource"
    errors: the resource), so a test can tell the theme's known 404s from real ones.
    """

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    failed: list[tuple[int, str]] = field(default_factory=list)
    error_urls: list[str] = field(default_factory=list)


# One Playwright driver and one browser per test process, started at first use: starting
# them for each test module cost about 0.45 s of CPU each time. Each user of ``chromium()``
# gets its own contexts, which are closed when it is done.
_running: dict[str, object] = {}


def _shared_browser() -> object:
    browser = _running.get("browser")
    if browser is not None and browser.is_connected():
        return browser
    browser = playwright().chromium.launch(
        executable_path=HEADLESS_SHELL, headless=True, args=CHROMIUM_ARGS
    )
    _running["browser"] = browser
    return browser


def playwright() -> object:
    """The process's Playwright (its sync API allows one per thread), for a test that
    launches a browser of its own (``launch_persistent_context``)."""
    if "playwright" not in _running:
        from playwright.sync_api import sync_playwright

        _running["playwright"] = sync_playwright().start()
        atexit.register(shutdown)
    return _running["playwright"]


def shutdown() -> None:
    """Close the shared browser and stop Playwright (at the end of the test session)."""
    browser = _running.pop("browser", None)
    driver = _running.pop("playwright", None)
    if browser is not None and browser.is_connected():
        browser.close()
    if driver is not None:
        driver.stop()


@contextmanager
def chromium() -> Iterator[object]:
    """A headless Chromium (Playwright, Debian's headless shell, no network beyond us):
    the process's shared browser; the contexts and pages opened through it are closed at
    the end of the block."""
    require_chromium()
    user = _NoWorkers(_shared_browser())
    try:
        yield user
    finally:
        user.close_opened()


class _NoWorkers:
    """The browser, whose new contexts and pages block service workers unless a test asks
    for them (``service_workers="allow"``, the offline tests): the site's worker precaches
    a language's pages on each new context and then answers every request, which made the
    page loads of the other tests a quarter slower and is not what they test."""

    def __init__(self, browser: object) -> None:
        self._browser = browser
        self._opened: list[object] = []

    def __getattr__(self, name: str) -> object:
        return getattr(self._browser, name)

    def close_opened(self) -> None:
        """Close every context opened through this user that is still open."""
        for context in self._opened:
            with contextlib.suppress(Exception):  # closed already, or the browser is gone
                context.close()
        self._opened.clear()

    def new_context(self, **options: object) -> object:
        options.setdefault("service_workers", "block")
        context = self._browser.new_context(**options)
        self._opened.append(context)
        return context

    def new_page(self, **options: object) -> object:
        options.setdefault("service_workers", "block")
        page = self._browser.new_page(**options)
        self._opened.append(page.context)
        return page


def _console(visit: Visit, msg: object) -> None:
    if msg.type == "error":
        visit.errors.append(msg.text)
        visit.error_urls.append((msg.location or {}).get("url", ""))


def _pageerror(visit: Visit, exc: object) -> None:
    visit.errors.append(str(exc))
    visit.error_urls.append("")


def _response(visit: Visit, response: object) -> None:
    if response.status >= 400:
        visit.failed.append((response.status, response.url))


def watch(page: object, visit: Visit) -> None:
    """Record requests and errors of ``page`` into ``visit``."""
    page.on("request", lambda req: visit.requests.append(req.url))
    page.on("response", lambda response: _response(visit, response))
    page.on("console", lambda msg: _console(visit, msg))
    page.on("pageerror", lambda exc: _pageerror(visit, exc))


def watch_context(context: object, visit: Visit) -> None:
    """Record requests and errors of every page of a browser context into ``visit``.

    The context also sees the requests of the pages' workers (Pagefind's search runs in
    a dedicated worker), which a page's own ``request`` event may not.
    """
    context.on("request", lambda req: visit.requests.append(req.url))
    context.on("response", lambda response: _response(visit, response))
    context.on("console", lambda msg: _console(visit, msg))
    context.on("weberror", lambda err: _pageerror(visit, err.error))


# ---- the pages to visit ---------------------------------------------------------------


def split_lang(rel: str) -> tuple[str, str]:
    """``ru/register/x/index.html`` -> ``("ru", "register/x/")``; the site root is ``lv``."""
    parts = rel.split("/")
    lang = parts[0] if parts[0] in LANGS and parts[0] != DEFAULT_LANG else DEFAULT_LANG
    body = parts[1:] if lang != DEFAULT_LANG else parts
    if body[-1] == "index.html":
        body = body[:-1]
        return lang, "".join(part + "/" for part in body)
    return lang, "/".join(body)


def lang_prefix(lang: str) -> str:
    """The folder of a language below the site root: ``""`` for lv, ``"ru/"`` for ru."""
    return "" if lang == DEFAULT_LANG else f"{lang}/"


def page_kinds(built: Built) -> list[str]:
    """One page of each kind and language: every listing page and the first record page.

    Derived from the built site, so a new section or record kind is covered without
    editing a list: pages are grouped by language and folder (a record page by its parent
    folder), the 404 page is its own kind, and Pagefind's files are left out.
    """
    chosen: dict[tuple[str, ...], str] = {}
    for path in built.pages():
        rel = path.relative_to(built.site).as_posix()
        if rel.startswith("pagefind/"):
            continue
        parts = rel.split("/")
        lang = parts[0] if parts[0] in LANGS and parts[0] != DEFAULT_LANG else DEFAULT_LANG
        body = parts[1:] if lang != DEFAULT_LANG else parts
        if len(body) > 2:
            key = (*body[:-2], "*")  # a record page: one per folder
        elif body[-1] == "index.html":
            key = (*body[:-1], "index")
        else:
            key = tuple(body)  # 404.html
        chosen.setdefault((lang, *key), rel)
    return sorted(chosen.values())


# ---- the scripted components in the state a reader leaves them in ---------------------


def badges_filled(page: object) -> None:
    """Wait until the opening-hours script has filled every badge of the page."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-ici-hours]')]"
        ".every(b => !b.hidden && b.textContent.trim())"
    )


def open_register_filters(page: object) -> None:
    """Unfold the register's filters with their button (folded when the page opens)."""
    toggle = page.locator("[data-ici-filter-toggle].is-ready")
    toggle.wait_for()
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    page.wait_for_selector("[data-ici-filters]:not([hidden])")


def _register(page: object) -> None:
    open_register_filters(page)
    # the shortlist is kept in localStorage, which the languages share: pin one more
    page.locator("[data-ici-pin] button[data-pinned=false]").first.click()
    page.wait_for_selector("[data-ici-shortlist-items] li")
    page.locator("[data-ici-filters] input[type=checkbox]").first.check()


def _listing(page: object) -> None:
    page.click("[data-ici-filter-toggle].is-ready")
    page.wait_for_selector("form[data-ici-filters]:not([hidden])")
    page.locator("form[data-ici-filters] select").first.select_option(index=1)
    page.locator("form[data-ici-filters] input[type=checkbox]").first.check()


def _search(page: object) -> None:
    page.fill("#ici-search-input", "PMLP")
    page.wait_for_selector("[data-ici-search-results] li")


# site path below the language root -> what a reader does there: filters used and a
# service pinned in the register, event and course filters used, search results open
ENHANCE: dict[str, Callable[[object], None]] = {
    "": _search,
    "register/": _register,
    "events/": _listing,
    "courses/": _listing,
}


def open_page(
    browser_and_base: tuple[object, str], path: str, now: object = None
) -> tuple[object, Visit]:
    """A new page at ``path`` below the served site (watched: console errors, failed
    requests), its clock fixed at ``now`` (a datetime) before the page's scripts read it,
    when given."""
    browser, base = browser_and_base
    url = base + path
    page = browser.new_page()
    visit = Visit()
    watch(page, visit)
    if now is not None:
        page.clock.set_fixed_time(now)
    page.goto(url, wait_until="load")
    return page, visit


def listed_ids(page: object, selector: str) -> list[str]:
    """The ``data-ici-id`` of the listing items directly in ``selector``, in order."""
    return page.eval_on_selector_all(
        f"{selector} > li[data-ici-item]", "els => els.map(e => e.dataset.iciId)"
    )
