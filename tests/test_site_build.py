"""The built site: languages, alternates, switcher, sitemap, no third-party requests."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from conftest import UNTRANSLATED
from ici.languages import configured
from langs import PREFIX
from sitebuild import ROOT, Built

LANGS = PREFIX  # language -> URL prefix, from mkdocs.yml
SITE_URL = "https://www.integration.lv/"
PAGES = ["index.html", "contacts/index.html", "contacts/riga/index.html"]


def _resolve(page: str, href: str) -> str:
    """Site path that a relative href on ``page`` points to."""
    parts = page.split("/")[:-1]
    for seg in href.split("/"):
        if seg == "..":
            parts.pop()
        elif seg not in ("", "."):
            parts.append(seg)
    return "/".join(parts) + "/"


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_html_lang_alternates_and_switcher(site: Built, lang: str, page: str) -> None:
    rel = LANGS[lang] + page
    doc = site.html(rel)
    assert doc.css_first("html").attributes["lang"] == lang
    expected = {
        code: (prefix + page.removesuffix("index.html")) or "/" for code, prefix in LANGS.items()
    }
    # hreflang alternates are absolute (site_url), with x-default for the default language
    alternates = {
        link.attributes["hreflang"]: link.attributes["href"]
        for link in doc.css('head link[rel="alternate"][hreflang]')
    }
    assert alternates == {
        **{code: SITE_URL + path.lstrip("/") for code, path in expected.items()},
        "x-default": SITE_URL + expected["lv"].lstrip("/"),
    }
    # the switcher links every other language, relative to the page, named in its language
    links = doc.css(".ici-langs a.ici-langs__link[hreflang]")
    switcher = {a.attributes["hreflang"]: _resolve(rel, a.attributes["href"]) for a in links}
    assert switcher == {code: path for code, path in expected.items() if code != lang}
    assert all(a.attributes["lang"] == a.attributes["hreflang"] for a in links)
    current = doc.css_first(".ici-langs [aria-current=true]")
    assert current.attributes["lang"] == lang


def test_generated_page_switcher_names_languages_in_their_own_language(site: Built) -> None:
    names = [
        (a.attributes["lang"], a.text(strip=True))
        for a in site.html("en/contacts/riga/index.html").css(".ici-langs li > *")
    ]
    assert names == [(lang.code, lang.name) for lang in configured()]
    assert names[:3] == [("lv", "Latviešu"), ("ru", "Русский"), ("en", "English")]


def test_noindex_pages_stay_out_of_the_sitemap(site: Built) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [
        u.findtext("s:loc", "", ns)
        for u in ElementTree.parse(site.site / "sitemap.xml").findall("s:url", ns)
    ]
    assert f"{SITE_URL}ru/handout/" in locs
    for lang, prefix in LANGS.items():
        doc = site.html(f"{prefix}status/index.html")
        assert doc.css_first('meta[name="robots"]').attributes["content"] == "noindex"
        assert f"{SITE_URL}{prefix}status/" not in locs, lang


def test_sitemap_lists_generated_pages_with_alternates(site: Built) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    tree = ElementTree.parse(site.site / "sitemap.xml")
    urls = [
        u
        for u in tree.findall("s:url", ns)
        if u.findtext("s:loc", "", ns).endswith("/contacts/riga/")
    ]
    assert len(urls) == len(LANGS)
    for url in urls:
        links = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
        assert sorted(links) == sorted(LANGS)
        assert links["ru"] == "https://www.integration.lv/ru/contacts/riga/"


def test_generated_pages_stay_out_of_navigation(site: Built) -> None:
    doc = site.html("contacts/index.html")
    nav_links = [a.attributes.get("href", "") for a in doc.css("nav.md-nav a")]
    assert not any("riga" in href for href in nav_links)


def test_root_404_is_latvian(site: Built) -> None:
    assert site.html("404.html").css_first("html").attributes["lang"] == "lv"


_EXTERNAL = re.compile(rb"""(?:src|href)\s*=\s*["']?(?:https?:)?//(?!www\.openstreetmap\.org)""")


def test_no_third_party_requests_in_any_output_file(site: Built) -> None:
    offenders = []
    for path in site.site.rglob("*"):
        if path.suffix not in {".html", ".css", ".js", ".xml", ".json"} or path.name.endswith(
            ".map"
        ):
            continue
        data = path.read_bytes()
        if b"fonts.googleapis" in data or b"fonts.gstatic" in data:
            offenders.append(str(path))
        if path.suffix == ".html":
            doc = HTMLParser(data.decode("utf-8"))
            for node in doc.css("script[src], link[rel=stylesheet], img[src], iframe[src]"):
                url = node.attributes.get("src") or node.attributes.get("href") or ""
                if url.startswith(("http:", "https:", "//")):
                    offenders.append(f"{path}: {url}")
    assert offenders == []


def test_untranslated_page_shows_fallback_notice(untranslated: Built) -> None:
    assert "docs/en/contacts/index.md" in UNTRANSLATED
    built = untranslated
    doc = built.html("en/contacts/index.html")
    assert doc.css_first("html").attributes["lang"] == "en"
    notice = doc.css_first(".ici-fallback")
    assert notice is not None
    assert notice.text(strip=True) == "This page is not translated yet; it is shown in Latvian."
    assert doc.css_first('div[lang="lv"] h1').text(strip=True) == "Kontakti"


def test_readme_names_the_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make serve" in readme and "make test" in readme


def test_every_page_has_a_csp_meta_that_hashes_its_inline_scripts(site: Built) -> None:
    from ici.csp import inline_scripts, sha256_source

    for path in site.pages():
        html = path.read_text(encoding="utf-8")
        metas = HTMLParser(html).css('meta[http-equiv="Content-Security-Policy"]')
        assert len(metas) == 1, path
        policy = metas[0].attributes["content"]
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
        for script in inline_scripts(html):
            assert sha256_source(script) in policy, path


@pytest.mark.parametrize("lang", LANGS)
def test_footer_has_no_untranslated_theme_credit(site: Built, lang: str) -> None:
    doc = site.html(f"{LANGS[lang]}index.html")
    assert "Made with" not in doc.css_first("footer").text()
