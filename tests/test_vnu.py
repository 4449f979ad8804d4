"""The Nu HTML Checker (vnu-jar, pinned in package.json) finds no error on one page of every
kind in every language, theme markup included (overrides/partials/, ici.theme_markup).

All pages go to one Java process: starting the JVM costs more than checking them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from browserkit import page_kinds
from sitebuild import ROOT, Built

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _require_vnu() -> str:
    java = shutil.which("java")
    if java and VNU_JAR.is_file():
        return java
    if os.environ.get("CI"):
        pytest.fail("CI must install Java and run npm ci (vnu-jar) for the HTML check")
    pytest.skip("the HTML check needs java and node_modules/vnu-jar (npm ci)")


def vnu_errors(files: list[Path]) -> list[dict]:
    """vnu's error messages for ``files``, checked in one run (the C1 compiler only and
    the serial collector: the optimising compiler cost more CPU than it saved here)."""
    java = _require_vnu()
    proc = subprocess.run(
        [
            java,
            "-Xss8m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            *files,
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return json.loads(proc.stderr)["messages"]


def _describe(messages: list[dict], site: Path) -> list[str]:
    return [
        f"{m.get('url', '').removeprefix(site.as_uri() + '/')}:{m.get('lastLine', '?')}: "
        f"{m['message']}"
        for m in messages
    ]


BAD_PAGE = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title></head>'
    '<body><input type="checkbox" autocomplete="off"><label tabindex="">x</label>'
    "</body></html>"
)


@pytest.fixture(scope="module")
def checked(site: Built, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict]]:
    """vnu's errors for one page of every kind (``site``) and for a page known to be
    invalid (``bad``), from one Java run: starting Java costs more than checking pages."""
    bad = tmp_path_factory.mktemp("vnu") / "bad.html"
    bad.write_text(BAD_PAGE, encoding="utf-8")
    found: dict[str, list[dict]] = {"site": [], "bad": []}
    for message in vnu_errors([*(site.site / rel for rel in page_kinds(site)), bad]):
        found["bad" if message.get("url", "").endswith("/bad.html") else "site"].append(message)
    return found


def test_every_page_kind_in_every_language_is_valid_html(
    site: Built, checked: dict[str, list[dict]]
) -> None:
    kinds = page_kinds(site)
    # lv, ru and en of the home page, guide, register, records, news, 404 ...
    assert len(kinds) >= 3 * 10
    assert _describe(checked["site"], site.site) == []


def test_the_checker_reports_invalid_markup(checked: dict[str, list[dict]]) -> None:
    errors = checked["bad"]
    assert len(errors) == 2
    assert "autocomplete" in errors[0]["message"]
    assert "tabindex" in errors[1]["message"]
