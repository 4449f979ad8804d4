"""The one stylesheet and theme script joined at build time (ici.assets)."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from ici.assets import THEME_SITEMAP_CALL, AssetError, join_css, strip_sitemap_probe
from sitebuild import Built


def test_the_sitemap_probe_is_cut_from_the_theme_script() -> None:
    assert strip_sitemap_probe(f"a();{THEME_SITEMAP_CALL}b();") == "a();b();"


@pytest.mark.parametrize("count", [0, 2])
def test_a_theme_script_that_changed_stops_the_build(count: int) -> None:
    with pytest.raises(AssetError) as err:
        strip_sitemap_probe("a();" + THEME_SITEMAP_CALL * count)
    assert str(err.value) == (
        f"the theme's script has {count} copies of {THEME_SITEMAP_CALL!r}, expected 1: "
        "check hooks/ici/assets.py against the installed Material version"
    )


def test_stylesheets_are_joined_in_order_with_their_names() -> None:
    assert (
        join_css([("a.css", "x{}\n\n"), ("b.css", "y{}")])
        == b"/* a.css */\nx{}\n/* b.css */\ny{}\n"
    )


@pytest.mark.parametrize(
    "page", ["index.html", "ru/register/index.html", "en/events/index.html", "handout/index.html"]
)
def test_every_page_loads_one_stylesheet_and_only_deferred_scripts(site: Built, page: str) -> None:
    doc: HTMLParser = site.html(page)
    sheets = [n.attributes["href"] for n in doc.css('link[rel="stylesheet"]')]
    assert len(sheets) == 1 and "assets/stylesheets/ici." in sheets[0]
    assert not doc.css("style")
    for script in doc.css("script[src]"):
        assert "defer" in script.attributes, script.attributes["src"]
    joined = (site.site / "assets" / "javascripts").glob("ici.*.js")
    (js,) = list(joined)
    assert THEME_SITEMAP_CALL not in js.read_text(encoding="utf-8")
