"""The Content-Security-Policy allows the inline scripts our templates write, and only those."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from ici.csp import OwnScripts, inline_scripts, policy_for, sha256_source, with_csp
from sitebuild import ROOT, Built

PAGE = (
    '<!doctype html><html><head><meta charset="utf-8">{own}</head>'
    "<body><p>x</p>{injected}</body></html>"
)


def test_an_injected_inline_script_gets_no_hash() -> None:
    own = OwnScripts()
    ours = own.write("var a=1")
    html = PAGE.format(own=ours, injected="<script>alert(1)</script>")
    policy = policy_for(html, own)
    assert sha256_source("var a=1") in policy
    assert sha256_source("alert(1)") not in policy
    assert "'unsafe-inline'" not in policy
    assert "script-src 'self' 'wasm-unsafe-eval' 'sha256-" in policy


def test_a_page_without_our_scripts_gets_no_hash() -> None:
    html = PAGE.format(own="", injected="<script>alert(1)</script><script>var a=1</script>")
    assert "sha256" not in policy_for(html, OwnScripts())


def test_the_meta_comes_before_any_script() -> None:
    own = OwnScripts()
    html = with_csp(PAGE.format(own=own.write("var a=1"), injected=""), own)
    assert html.index("Content-Security-Policy") < html.index("<script")


def test_our_script_cannot_close_its_element() -> None:
    own = OwnScripts()
    try:
        own.write("x='</script><script>alert(1)'")
    except ValueError:
        pass
    else:
        raise AssertionError("a script with </script was written")


def test_every_inline_script_of_the_theme_is_written_by_ici_script() -> None:
    # a new inline <script> in an override would be blocked on the site: write it through
    # {% call ici_script() %} so that the policy allows it
    for template in (ROOT / "overrides").rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert inline_scripts(text.replace("{{", "").replace("}}", "")) == [], template


def test_the_sites_policies_hold_only_the_themes_scripts(site: Built) -> None:
    hashes: set[str] = set()
    for path in site.pages():
        if "pagefind" in path.parts:
            continue
        tree = HTMLParser(path.read_text(encoding="utf-8"))
        meta = tree.css_first('meta[http-equiv="Content-Security-Policy"]')
        policy = meta.attributes["content"] or ""
        hashes |= {word for word in policy.split() if word.startswith("'sha256-")}
    # Material's scope script (one per folder depth) and the tab-link script
    assert 2 <= len(hashes) <= 8, sorted(hashes)
