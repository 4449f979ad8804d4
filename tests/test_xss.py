"""Hostile data cannot inject markup or script: every text field holds an XSS payload."""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from browserkit import Visit, chromium, serve, watch
from sitebuild import ROOT, Built, build, copy_project
from xss_data import write_hostile_data


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = copy_project(tmp_path_factory.mktemp("xss"))
    changed = write_hostile_data(ROOT, root)
    assert changed > 50
    built = build(root)
    assert built.returncode == 0, built.output
    return built


def _pages(built: Built) -> list[Path]:
    return [p for p in built.pages() if "pagefind" not in p.parts]


def test_no_payload_becomes_markup(hostile: Built) -> None:
    for path in _pages(hostile):
        doc = HTMLParser(path.read_text(encoding="utf-8"))
        for node in doc.css("*"):
            for name, value in node.attributes.items():
                value = value or ""
                assert not name.startswith("on") or "__xss" not in value, (path, name)
                if name in ("href", "src", "action", "formaction"):
                    assert not value.strip().lower().startswith("javascript:"), (path, value)
        for script in doc.css("script"):
            kind = script.attributes.get("type") or ""
            if kind in ("application/ld+json", "application/json"):
                continue
            assert "__xss" not in script.text(), path
        assert doc.css("svg[onload], img[onerror], b[onmouseover]") == [], path


def test_template_syntax_in_data_is_shown_literally(hostile: Built) -> None:
    page = hostile.html("contacts/index.html")
    text = page.body.text()
    assert "{{ 7*7 }}" in text
    assert '<script>window.__xss="script"</script>' in text  # shown as text, not run


@pytest.mark.browser
def test_no_payload_executes_in_the_browser(hostile: Built) -> None:
    record_pages = {}
    for path in _pages(hostile):
        rel = path.relative_to(hostile.site).as_posix()
        parts = rel.split("/")
        key = tuple(parts[:-2]) if len(parts) > 2 else tuple(parts[:-1])
        record_pages.setdefault(key, rel)
    with serve(hostile.site) as base, chromium() as browser:
        for rel in sorted(record_pages.values()):
            page = browser.new_page()
            visit = Visit()
            watch(page, visit)
            page.goto(base + rel, wait_until="load")
            page.evaluate(
                "() => document.querySelectorAll('*').forEach(e =>"
                " e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})))"
            )
            assert page.evaluate("() => window.__xss") is None, rel
            page.close()
