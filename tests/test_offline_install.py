"""Chromium's own installability check passes in every language (manifest, icons, worker).

Playwright's ordinary contexts are incognito, where Chromium never offers installation;
a persistent context (a fresh profile folder) is a normal profile.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from browserkit import (
    CHROMIUM,
    CHROMIUM_ARGS,
    LANGS,
    lang_prefix,
    playwright,
    require_chromium,
    serve,
)
from sitebuild import Built

pytestmark = pytest.mark.browser


def test_chromium_finds_no_installability_errors(site: Built, tmp_path: Path) -> None:
    require_chromium(CHROMIUM)
    found = {}
    pw = playwright()
    with serve(site.site) as base:
        context = pw.chromium.launch_persistent_context(
            tmp_path / "profile", executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            for lang in LANGS:
                page.goto(base + lang_prefix(lang) + "guide/")
                page.wait_for_function(
                    "() => navigator.serviceWorker.controller !== null", timeout=60000
                )
                manifest = cdp.send("Page.getAppManifest")
                assert manifest["url"] == base + lang_prefix(lang) + "manifest.webmanifest"
                assert manifest["errors"] == []
                errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
                found[lang] = [e["errorId"] for e in errors]
        finally:
            context.close()
    assert found == {lang: [] for lang in LANGS}
