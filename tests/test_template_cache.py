"""Fragments shared by record pages (ici_mkdocs.template_cache) keep every link right."""

from __future__ import annotations

import posixpath
import re

from ici_mkdocs.template_cache import Fragments, _relative_targets
from langs import PREFIX
from sitebuild import Built


def test_relative_targets() -> None:
    html = (
        '<a href="../../register/">r</a><a href="../riga/#map">b</a>'
        '<script src="../../assets/x.js"></script><div data-pagefind="../../pagefind/"></div>'
    )
    assert _relative_targets(html) == ({"riga", ".."}, False)
    assert _relative_targets('<a href="./">here</a>')[1]
    assert _relative_targets('<a href="?q=1">here</a>')[1]
    assert _relative_targets('<a href="">here</a>')[1]
    assert not _relative_targets('<label tabindex="">x</label><a href="#top">top</a>')[1]


def test_a_fragment_is_rendered_once_per_folder() -> None:
    fragments = Fragments()
    calls: list[str] = []

    def render_for(name: str):
        def render() -> str:
            calls.append(name)
            return '<a href="../riga/">Rīga</a><a href="../../">home</a>'

        return render

    for name in ("a", "b", "c"):
        assert fragments("nav", ("contacts", name), render_for(name)).startswith("<a")
    assert calls == ["a"]
    # the page the fragment links to renders its own (its link to itself differs)
    fragments("nav", ("contacts", "riga"), render_for("riga"))
    assert calls == ["a", "riga"]
    # another folder and another block render anew
    fragments("nav", ("events", "a"), render_for("events/a"))
    fragments("footer", ("contacts", "b"), render_for("footer"))
    assert calls == ["a", "riga", "events/a", "footer"]


def test_a_fragment_that_links_to_its_own_page_is_not_shared() -> None:
    fragments = Fragments()
    calls: list[str] = []

    def render() -> str:
        calls.append("x")
        return '<a href="./">this page</a>'

    fragments("nav", ("register", "a"), render)
    fragments("nav", ("register", "b"), render)
    assert calls == ["x", "x"]


_SIBLING = re.compile(r"\.\./[^./][^/]*/")


def _footer_links(site: Built, rel: str) -> list[str]:
    page = site.html(rel)
    return [a.attributes["href"] for a in page.css(".md-footer .ici-hotlines a[href]")]


def test_footer_links_on_branch_pages_are_their_own(site: Built) -> None:
    # the footer lists hotlines that are branch pages: from one branch page another is
    # "../<id>/" and the page itself "./", exactly as if each page rendered its footer
    for lang in PREFIX.values():
        folder = f"{lang}contacts"
        names = sorted(p.parent.name for p in (site.site / folder).glob("*/index.html"))
        assert len(names) >= 2
        seen_self = False
        for name in names:
            for href in _footer_links(site, f"{folder}/{name}/index.html"):
                if not (href.startswith("./") or _SIBLING.match(href)):
                    continue  # phone links, the folder's index, pages elsewhere
                target = posixpath.normpath(posixpath.join(name, href))
                expected = "./" if target == name else f"../{target}/"
                assert href.split("#")[0] == expected, (folder, name, href)
                seen_self = seen_self or target == name
        assert seen_self, f"no branch page in {folder} links to itself from its footer"
