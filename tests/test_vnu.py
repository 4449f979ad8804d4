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
    """vnu's error messages for ``files``, checked in one run."""
    java = _require_vnu()
    proc = subprocess.run(
        [java, "-Xss8m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
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


def test_every_page_kind_in_every_language_is_valid_html(site: Built) -> None:
    kinds = page_kinds(site)
    # lv, ru and en of the home page, guide, register, records, news, 404 ...
    assert len(kinds) >= 3 * 10
    errors = vnu_errors([site.site / rel for rel in kinds])
    assert _describe(errors, site.site) == []


def test_the_checker_reports_invalid_markup(tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    page.write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title></head>'
        '<body><input type="checkbox" autocomplete="off"><label tabindex="">x</label>'
        "</body></html>",
        encoding="utf-8",
    )
    errors = vnu_errors([page])
    assert len(errors) == 2
    assert "autocomplete" in errors[0]["message"]
    assert "tabindex" in errors[1]["message"]
