"""Offline reading in the built site: manifests, icons, service workers, the offline page."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import struct
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from browserkit import LANGS, lang_prefix
from conftest import EDITED_KEPT, EDITED_UNKEPT
from ici import precache
from ici.webapp import icon_png
from langkit import strings_by_section
from langs import DEFAULT_LANG, OTHER_LANGS, PREFIX
from sitebuild import ROOT, Built

STRINGS = strings_by_section()
CONTACTS = yaml.safe_load((ROOT / "data" / "contacts.yaml").read_text(encoding="utf-8"))
BRANCHES = [b["id"] for b in CONTACTS["branches"]]
GUIDE_TOPICS = sorted(p.stem for p in (ROOT / "docs" / "lv" / "guide").glob("*.md"))
BASE = "https://example.org/some/base/"  # any base path: URLs are resolved against it


def _config(site: Path, lang: str) -> dict:
    text = (site / lang_prefix(lang) / "sw.js").read_text(encoding="utf-8")
    m = re.search(r"^const ICI = (\{.*?\n\});$", text, re.MULTILINE | re.DOTALL)
    assert m, "sw.js has no configuration"
    return json.loads(m.group(1))


def _site_path(site: Path, lang: str, url: str) -> Path:
    """The file behind a precache URL (relative to the language's folder)."""
    absolute = urljoin(BASE + lang_prefix(lang), url)
    assert absolute.startswith(BASE), url
    rel = absolute.removeprefix(BASE)
    return site / (rel + "index.html" if rel == "" or rel.endswith("/") else rel)


def _manifest(site: Path, lang: str) -> dict:
    return json.loads((site / lang_prefix(lang) / "manifest.webmanifest").read_text("utf-8"))


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("lang", LANGS)
def test_manifest_of_each_language(site: Built, lang: str) -> None:
    m = _manifest(site.site, lang)
    assert m["lang"] == lang
    assert m["name"] == STRINGS["app"]["name"][lang]
    assert m["short_name"] == STRINGS["app"]["short_name"][lang]
    # relative: they resolve against the manifest's URL, under any base path
    assert (m["start_url"], m["scope"], m["id"]) == ("./", "./", "./")
    assert m["display"] in ("standalone", "minimal-ui")
    assert re.fullmatch(r"#[0-9a-f]{6}", m["theme_color"])
    pngs = {}
    for icon in m["icons"]:
        path = site.site / lang_prefix(lang) / icon["src"]
        assert path.resolve().is_file(), icon["src"]
        assert not icon["src"].startswith(("/", "http")), icon["src"]
        if icon["type"] == "image/png":
            w, h = _png_size(path.read_bytes())
            assert icon["sizes"] == f"{w}x{h}"
            pngs.setdefault(w, set()).add(icon["purpose"])
    assert pngs == {192: {"any", "maskable"}, 512: {"any", "maskable"}}


def test_icon_png_is_drawn_not_blank() -> None:
    data = icon_png(48)
    assert _png_size(data) == (48, 48)
    assert icon_png(48) == data  # the same bytes on every build


def test_every_page_links_its_languages_manifest_and_registers_the_worker(site: Built) -> None:
    checked = 0
    for path in site.pages():
        rel = path.relative_to(site.site).as_posix()
        if rel.startswith("pagefind/") or rel == "404.html":
            continue
        tree = site.html(rel)
        lang = tree.css_first("html").attributes["lang"]
        page_url = BASE + rel.removesuffix("index.html")
        links = tree.css('head link[rel="manifest"]')
        assert len(links) == 1, rel
        assert urljoin(page_url, links[0].attributes["href"]) == (
            BASE + lang_prefix(lang) + "manifest.webmanifest"
        ), rel
        scripts = [s for s in tree.css("script[src]") if "offline.js" in s.attributes["src"]]
        assert len(scripts) == 1 and "defer" in scripts[0].attributes, rel
        csp = tree.css_first('meta[http-equiv="Content-Security-Policy"]').attributes["content"]
        assert "worker-src 'self'" in csp and "manifest-src 'self'" in csp, rel
        checked += 1
    assert checked > 100


@pytest.mark.parametrize("lang", LANGS)
def test_precache_keeps_the_pages_and_what_they_need(site: Built, lang: str) -> None:
    config = _config(site.site, lang)
    urls = config["precache"]
    assert len(urls) == len(set(urls))
    pages = {"./", "contacts/", "guide/", "register/", "handout/", "offline/"}
    pages |= {f"contacts/{b}/" for b in BRANCHES} | {f"contacts/{b}.vcf" for b in BRANCHES}
    pages |= {f"guide/{t}/" for t in GUIDE_TOPICS if t != "index"}
    assert pages <= set(urls)
    assert "news/" not in urls and "events/" not in urls
    files = {_site_path(site.site, lang, u) for u in urls}
    assert all(f.is_file() for f in files)
    # every stylesheet, script and icon a kept page loads is kept (found independently)
    for url in pages:
        if url.endswith(".vcf"):
            continue
        page_file = _site_path(site.site, lang, url)
        tree = site.html(page_file.relative_to(site.site).as_posix())
        page_url = urljoin(BASE + lang_prefix(lang), url)
        needed = [s.attributes["src"] for s in tree.css("script[src]")]
        needed += [
            link.attributes["href"]
            for link in tree.css("link[href]")
            if link.attributes.get("rel") in ("stylesheet", "icon", "manifest")
        ]
        needed += [i.attributes["src"] for i in tree.css("img[src]")]
        for ref in needed:
            absolute = urljoin(page_url, ref)
            if absolute.startswith(BASE):
                rel = absolute.removeprefix(BASE)
                assert site.site / rel in files, f"{url} needs {ref}"
    for icon in _manifest(site.site, lang)["icons"]:
        assert (site.site / lang_prefix(lang) / icon["src"]).resolve() in {
            f.resolve() for f in files
        }
    # the version is the content hash of exactly these files
    digests = [
        hashlib.sha256(_site_path(site.site, lang, u).read_bytes()).hexdigest() for u in urls
    ]
    h = hashlib.sha256()
    for url, digest in zip(urls, digests, strict=True):
        h.update(f"{url}\0{digest}\n".encode())
    assert config["version"] == h.hexdigest()[:16]


@pytest.mark.parametrize("lang", LANGS)
def test_precache_of_one_language_is_within_budget(site: Built, lang: str) -> None:
    urls = _config(site.site, lang)["precache"]
    total = sum(
        len(gzip.compress(_site_path(site.site, lang, u).read_bytes(), compresslevel=9))
        for u in urls
    )
    assert total <= precache.BUDGET_GZIP_BYTES == 600_000


def test_default_language_worker_leaves_the_others_to_theirs(site: Built) -> None:
    assert _config(site.site, DEFAULT_LANG)["others"] == [PREFIX[lang] for lang in OTHER_LANGS]
    for lang in OTHER_LANGS:
        assert _config(site.site, lang)["others"] == []


@pytest.mark.parametrize("lang", LANGS)
def test_offline_page(site: Built, lang: str) -> None:
    rel = f"{lang_prefix(lang)}offline/index.html"
    tree = site.html(rel)
    assert tree.css_first("html").attributes["lang"] == lang
    assert tree.css_first('meta[name="robots"]').attributes["content"] == "noindex"
    assert tree.css_first("[data-pagefind-body]") is None
    sitemap = (site.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "offline/" not in sitemap
    # the information line and every contact point's phones, as the data gives them
    tels = {a.attributes["href"] for a in tree.css("[data-ici-offline] a[href^='tel:']")}
    numbers = {
        "tel:" + p["number"].replace(" ", "")
        for b in CONTACTS["branches"]
        if b["kind"] in ("hotline", "office", "contact_point")
        for p in b.get("phones", [])
    }
    assert numbers <= tels
    info = [
        p["number"]
        for b in CONTACTS["branches"]
        for p in b.get("phones", [])
        if p.get("description", {}).get("en") == "Information line"
    ]
    assert info and all("tel:" + n.replace(" ", "") in tels for n in info)
    # the list of pages kept offline: every link is in the precache
    urls = set(_config(site.site, lang)["precache"])
    page_url = BASE + lang_prefix(lang) + "offline/"
    listed = [
        urljoin(page_url, a.attributes["href"]).removeprefix(BASE + lang_prefix(lang)) or "./"
        for a in tree.css("[data-ici-offline-pages] a")
    ]
    assert len(listed) == 1 + 1 + len(BRANCHES) + len(GUIDE_TOPICS) + 2
    assert set(listed) <= urls
    assert all(a.text().strip() for a in tree.css("[data-ici-offline-pages] a"))


def test_references_and_missing_files(tmp_path: Path) -> None:
    html = (
        b'<link rel="stylesheet" href="../a.css"><link rel="alternate" href="../feed.xml">'
        b'<script src="x.js" defer></script><img src="https://cdn.example/i.png">'
        b'<img srcset="p1.png 1x, p2.png 2x"><a href="../other/">x</a>'
    )
    assert precache.references(html, "ru/page/index.html") == [
        "ru/a.css",
        "ru/page/x.js",
        "ru/page/p1.png",
        "ru/page/p2.png",
    ]
    css = b"a{background:url('img/b.svg')} b{background:url(data:image/png;base64,xx)}"
    assert precache.references(css, "assets/s.css") == ["assets/img/b.svg"]
    (tmp_path / "index.html").write_bytes(b'<link rel="stylesheet" href="gone.css">')
    with pytest.raises(precache.PrecacheError) as err:
        precache.collect(tmp_path, "lv", "", [""])
    assert str(err.value) == "gone.css: missing from the built site (referenced by index.html)"


def test_a_worker_changes_only_with_its_kept_pages(site: Built, edited: Built) -> None:
    """A rebuild that changes a kept page of one language and a page no worker keeps:
    that language's worker changes, every other worker stays byte-identical."""
    kept, unkept = EDITED_KEPT[0], EDITED_UNKEPT[0]
    for rel, sentence in (EDITED_KEPT, EDITED_UNKEPT):
        lang, page = rel.removeprefix("docs/").removesuffix(".md").split("/", 1)
        html = edited.site / lang_prefix(lang) / page / "index.html"
        assert sentence in html.read_text(encoding="utf-8")
    changed = kept.split("/")[1]
    assert unkept.split("/")[1] != changed
    for lang in LANGS:
        name = f"{lang_prefix(lang)}sw.js"
        same = (edited.site / name).read_bytes() == (site.site / name).read_bytes()
        assert same == (lang != changed), name
