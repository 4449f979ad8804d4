"""The handout prints on exactly one A4 page in every language (headless Chromium)."""

from __future__ import annotations

import functools
import http.server
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitebuild import Built

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists() and not os.environ.get("CI"),
        reason="Debian chromium is not installed (required in CI)",
    ),
]
A4_POINTS = (595, 842)


@pytest.fixture(scope="module")
def server(site: Built) -> Iterator[str]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site.site))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.mark.parametrize("prefix", ["", "ru/", "en/"])
def test_handout_is_one_a4_page(server: str, prefix: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-background-networking"],
        )
        page = browser.new_page()
        page.goto(f"{server}{prefix}handout/")
        pdf = page.pdf(prefer_css_page_size=True, print_background=True)
        browser.close()
    pages = re.findall(rb"/Type\s*/Page(?!s)", pdf)
    assert len(pages) == 1
    box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert box is not None
    assert (round(float(box[1])), round(float(box[2]))) == A4_POINTS
