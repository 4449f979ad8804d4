"""Pagefind one language at a time (``ici.pagefind_split``): the same bundle as one run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ici.pagefind_files import ENTRY, stabilize
from ici.pagefind_split import index_input, language_tree, merge_bundle
from sitebuild import Built


def _files(bundle: Path) -> dict[str, bytes]:
    return {
        p.relative_to(bundle).as_posix(): p.read_bytes()
        for p in sorted(bundle.rglob("*"))
        if p.is_file()
    }


def test_per_language_runs_give_the_bundle_of_one_run(site: Built, tmp_path: Path) -> None:
    whole = tmp_path / "whole"
    cmd = [sys.executable, "-m", "pagefind_bin", "--site", str(site.site), "--output-path"]
    subprocess.run([*cmd, str(whole)], check=True, capture_output=True, cwd=tmp_path)
    stabilize(whole)
    built = _files(site.site / "pagefind")
    one_run = {k: v for k, v in _files(whole).items() if k in built or k == ENTRY}
    # the build removed Pagefind's unused UIs; everything else is byte for byte the same
    assert built == one_run
    assert not [k for k in _files(whole) if k not in built and not k.startswith("pagefind-")]


INDEXED = (
    '<html lang="lv"><head><title>T</title></head><body><nav>menu</nav>'
    '<article id="ici-main" class="x" data-pagefind-body><h1>{}</h1></article>'
    "<!--/ici-indexed--><footer>f</footer></body></html>"
)


def test_a_language_tree_holds_only_its_indexed_pages(tmp_path: Path) -> None:
    site = tmp_path / "site"
    pages = {
        "index.html": INDEXED.format("home"),
        "a/index.html": INDEXED.format("a"),
        "fallback/index.html": '<html lang="lv"><body><article id="ici-main">x</article></body>',
        "ru/index.html": INDEXED.format("ru"),
        "pagefind/x.html": INDEXED.format("bundle"),
        "a/s.css": "data-pagefind-body",
    }
    for rel, text in pages.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")
    assert language_tree(site, "", {"ru", "pagefind"}, tmp_path / "lv") == 2
    assert sorted(
        p.relative_to(tmp_path / "lv").as_posix() for p in (tmp_path / "lv").rglob("*.*")
    ) == [
        "a/index.html",
        "index.html",
    ]
    assert language_tree(site, "ru", {"pagefind"}, tmp_path / "ru") == 1
    assert (tmp_path / "ru" / "ru" / "index.html").read_text(encoding="utf-8") == (
        '<html lang="lv"><head><title>T</title></head><body>'
        '<article id="ici-main" class="x" data-pagefind-body><h1>ru</h1></article>'
        "</body></html>"
    )


def test_pagefind_gets_the_head_and_the_indexed_article_only() -> None:
    page = INDEXED.format("x").encode()
    assert index_input(page) == (
        b'<html lang="lv"><head><title>T</title></head><body>'
        b'<article id="ici-main" class="x" data-pagefind-body><h1>x</h1></article>'
        b"</body></html>"
    )
    # a page of another layout is handed over whole; one without indexed content not at all
    other = b"<html><head></head><body><main data-pagefind-body>x</main><nav>n</nav></body>"
    assert index_input(other) == other
    unmarked = page.replace(b"<!--/ici-indexed-->", b"")
    assert index_input(unmarked) == unmarked
    assert index_input(b"<html><body><article id='ici-main'>x</article></body>") is None
    # the article's end is the template's marker, after anything the content may hold
    tricky = INDEXED.format("<!--/ici-indexed-->y").encode()
    assert index_input(tricky).endswith(b"<h1><!--/ici-indexed-->y</h1></article></body></html>")


def _bundle(path: Path, lang: str, version: str = "1.5.2") -> Path:
    path.mkdir(parents=True)
    entry = {"version": version, "languages": {lang: {"hash": f"{lang}_1", "page_count": 1}}}
    (path / ENTRY).write_text(json.dumps(entry), encoding="utf-8")
    (path / "pagefind.js").write_text("js", encoding="utf-8")
    (path / "index").mkdir()
    (path / "index" / f"{lang}_1.pf_index").write_text(lang, encoding="utf-8")
    return path


def test_merge_joins_languages_and_refuses_a_language_twice(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    merge_bundle(_bundle(tmp_path / "lv", "lv"), bundle)
    merge_bundle(_bundle(tmp_path / "ru", "ru"), bundle)
    entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
    assert sorted(entry["languages"]) == ["lv", "ru"]  # langs: data
    assert sorted(_files(bundle)) == [
        "index/lv_1.pf_index",
        "index/ru_1.pf_index",
        ENTRY,
        "pagefind.js",
    ]
    with pytest.raises(ValueError, match=r"Pagefind indexed \['ru'\] in two runs"):
        merge_bundle(_bundle(tmp_path / "ru2", "ru"), bundle)
    with pytest.raises(ValueError, match=r"versions 1\.5\.2, 9"):
        merge_bundle(_bundle(tmp_path / "en", "en", version="9"), bundle)
