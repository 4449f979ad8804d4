"""The handout prints on exactly one A4 page in every language (headless Chromium)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from browserkit import chromium, serve
from langs import PREFIX
from sitebuild import Built

pytestmark = pytest.mark.browser
A4_POINTS = (595, 842)


@pytest.fixture(scope="module")
def server(site: Built) -> Iterator[str]:
    with serve(site.site) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as b:
        yield b


@pytest.mark.parametrize("prefix", list(PREFIX.values()))
def test_handout_is_one_a4_page(browser, server: str, prefix: str) -> None:
    page = browser.new_page()
    try:
        page.goto(f"{server}{prefix}handout/")
        pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    finally:
        page.close()
    pages = re.findall(rb"/Type\s*/Page(?!s)", pdf)
    assert len(pages) == 1
    box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert box is not None
    assert (round(float(box[1])), round(float(box[2]))) == A4_POINTS
