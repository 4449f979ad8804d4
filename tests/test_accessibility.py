"""Accessibility in headless Chromium on every page kind in every language.

- axe-core: 0 WCAG 2.1 AA violations, with the scripted components in the state a reader
  sees them (register filters used and a service pinned, event and course filters used,
  opening-hours badges filled at a fixed instant, search results open), and the footer's
  copyright line among the texts axe's contrast rule actually measured;
- a skip link on every page that works from the keyboard;
- a visible focus indicator (3:1 against what it is drawn on) on the first keyboard stops
  from the top, in the content and at the foot of each page.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from browserkit import ENHANCE, badges_filled, chromium, page_kinds, serve, split_lang
from langs import DEFAULT_LANG, LANGS
from sitebuild import ROOT, Built

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# fixed instants for the opening-hours badges: contact pages show "closed" (a Sunday),
# every other page "open" (a Tuesday morning in Riga), so both badge colours are checked
OPEN = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
CLOSED = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
# keyboard stops checked from the top (skip link, header, language menu, search, first
# navigation links), inside the content, and from the foot of the page
TOP_STOPS, CONTENT_STOPS, FOOT_STOPS = 8, 3, 3


@pytest.fixture(scope="module")
def served(site: Built) -> Iterator[tuple[object, str]]:
    with serve(site.site) as base, chromium() as browser:
        yield browser, base


def _instant(path: str) -> datetime:
    return CLOSED if path.startswith("contacts/") else OPEN


def test_every_kind_is_checked(site: Built) -> None:
    kinds = page_kinds(site)
    paths = {split_lang(rel) for rel in kinds}
    for lang in LANGS:
        assert (lang, "") in paths  # the home page
        assert (lang, "contacts/kurzeme/") in paths or (lang, "contacts/riga/") in paths
        assert all((lang, p) in paths for p in ENHANCE)
    assert (DEFAULT_LANG, "404.html") in paths


AXE_RUN = """async tags => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  const inCopyright = nodes => nodes.filter(n => n.target.some(t => {
    const el = document.querySelector(t);
    return el && el.closest('.md-copyright');
  })).length;
  const contrast = kind => result[kind].filter(r => r.id === 'color-contrast')
    .flatMap(r => r.nodes);
  return {
    violations: result.violations.flatMap(v => v.nodes.map(n => v.id + ': ' + n.target)),
    copyright_passed: inCopyright(contrast('passes')),
    copyright_unsure: inCopyright(contrast('incomplete')),
  };
}"""


def axe_context(browser: object) -> object:
    """A browser context whose every page has axe-core loaded before its own scripts run.

    Loaded once as the context's init script rather than into each page: sending and
    parsing axe's 550 kB for every page took longer than the check itself.
    """
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `npm ci` (make test does)")
    # the page's CSP rightly refuses injected scripts; axe is a test tool, so bypass it here;
    # without the theme's transitions axe never measures a colour halfway through a fade
    context = browser.new_context(bypass_csp=True, reduced_motion="reduce")
    context.add_init_script(path=str(AXE))
    return context


def test_axe_finds_no_violations(site: Built, served: tuple[object, str]) -> None:
    browser, base = served
    report, copyright_unchecked, enhanced = {}, [], []
    context = axe_context(browser)
    page = context.new_page()
    for rel in page_kinds(site):
        _, path = split_lang(rel)
        page.clock.set_fixed_time(_instant(path))
        page.goto(base + rel, wait_until="load")
        badges_filled(page)
        if path in ENHANCE:
            ENHANCE[path](page)
            enhanced.append(rel)
        result = page.evaluate(AXE_RUN, TAGS)
        if result["violations"]:
            report[rel] = result["violations"]
        # the footer's copyright line has text only when mkdocs.yml sets one (the theme's
        # English "Made with Material for MkDocs" is switched off: extra.generator false)
        has_copyright = page.evaluate(
            "() => (document.querySelector('.md-copyright')?.textContent || '').trim() !== ''"
        )
        if has_copyright and (not result["copyright_passed"] or result["copyright_unsure"]):
            copyright_unchecked.append(rel)
    context.close()
    assert report == {}
    # axe measured the footer's copyright text (not "incomplete", e.g. over an image)
    assert copyright_unchecked == []
    assert len(enhanced) == len(LANGS) * len(ENHANCE)


# ---- keyboard: skip link and visible focus --------------------------------------------

FOCUS_STYLE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const rgba = c => { const v = (c.match(/[\\d.]+/g) || []).map(Number);
    return v.length === 3 ? [...v, 1] : v; };
  const background = node => {
    for (; node && node.nodeType === 1; node = node.parentElement) {
      const c = rgba(getComputedStyle(node).backgroundColor);
      if (c[3] > 0) return c;
    }
    return [255, 255, 255, 1];
  };
  const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05); };
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
    && rgba(s.outlineColor)[3] > 0;
  // an outline drawn outside the element lies on its surroundings, inside it on itself
  const under = background(parseFloat(s.outlineOffset) < 0 ? el : el.parentElement);
  const classes = [...el.classList].filter(c => c !== 'focus-visible');
  const id = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + classes.map(c => '.' + c).join('') + ' '
    + (el.getAttribute('href') || el.getAttribute('name') || '');
  return {
    id: id,
    visible: el.matches(':focus-visible'),
    outline: outline,
    shadow: s.boxShadow !== 'none',
    ratio: outline ? Math.round(ratio(rgba(s.outlineColor), under) * 100) / 100 : null,
    in_content: !!el.closest('article.md-content__inner'),
  };
}"""

# Records FOCUS_STYLE at every focus change into window.__iciFocus, so a walk of many key
# presses reads them back in one call instead of one call per press.
RECORD_FOCUS = (
    "() => { window.__iciFocus = []; const style = "
    + FOCUS_STYLE
    + "; document.addEventListener('focusin', () => window.__iciFocus.push(style()), true); }"
)
FOCUS_RECORDED = "from => window.__iciFocus.slice(from)"
FOCUS_COUNT = "() => window.__iciFocus.length"

SKIP_CHECK = """() => {
  const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  const el = document.activeElement;
  return {
    hash: location.hash,
    focused: el && el.outerHTML.slice(0, 80),
    target_in_content: !!(target && target.closest('.md-content')),
    after_target: !!(target && el && el !== document.body
      && (target.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)),
    in_header_or_nav: !!(el && el.closest('.md-header, .md-tabs, .md-sidebar--primary')),
  };
}"""

# the last element a keyboard reaches, to walk the footer backwards from
LAST_FOCUSABLE = """() => {
  const all = [...document.querySelectorAll('a[href], button, input, select, textarea')]
    .filter(e => !e.disabled && e.offsetParent !== null && e.tabIndex >= 0);
  all[all.length - 1].focus();
}"""


def _weak_focus(style: dict | None) -> str | None:
    """Why a focused element's indicator is not visible enough, or None when it is."""
    if style is None:
        return None
    if not style["visible"]:
        return f"{style['id']}: not :focus-visible after Tab"
    if style["outline"]:
        if style["ratio"] < 3:
            return f"{style['id']}: outline contrast {style['ratio']}:1 (needs 3:1)"
        return None
    if style["shadow"]:
        return None
    return f"{style['id']}: no outline or box-shadow"


def _keyboard_walk(page: object) -> tuple[object, set[str | None], int]:
    """Skip link problem (or None), weak focus indicators and stops checked on one page."""
    weak: set[str | None] = set()
    # from the top: the first stop is the skip link, shown once focused
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUS_STYLE)
    if not first or not first["id"].startswith("a.md-skip"):
        return f"first Tab stop is {first and first['id']}", weak, 0
    if page.evaluate("() => getComputedStyle(document.activeElement).opacity") != "1":
        return "the skip link stays invisible when focused", weak, 0
    href = page.evaluate("() => document.activeElement.getAttribute('href')")
    weak.add(_weak_focus(first))
    page.evaluate(RECORD_FOCUS)
    for _ in range(TOP_STOPS - 1):
        page.keyboard.press("Tab")
    top = page.evaluate(FOCUS_RECORDED, 0)
    # the skip link jumps over header and navigation into the content (focused by script:
    # Playwright's focus() waits for actionability, a third of the walk's time)
    page.evaluate("() => document.querySelector('a.md-skip').focus()")
    page.keyboard.press("Enter")
    # a jump within the page is usually done when the key press returns
    if page.evaluate("() => location.hash") != href:
        page.wait_for_function("href => location.hash === href", arg=href)
    content_from = page.evaluate(FOCUS_COUNT)
    page.keyboard.press("Tab")
    landed = page.evaluate(SKIP_CHECK)
    problem = None
    if not (
        landed["target_in_content"] and landed["after_target"] and not landed["in_header_or_nav"]
    ):
        problem = landed
    for _ in range(CONTENT_STOPS - 1):
        page.keyboard.press("Tab")
    content = page.evaluate(FOCUS_RECORDED, content_from)
    # from the foot of the page backwards: footer links, on a dark background
    page.evaluate(LAST_FOCUSABLE)
    for _ in range(FOOT_STOPS - 1):
        page.keyboard.press("Shift+Tab")
    foot = page.evaluate(FOCUS_RECORDED, content_from + len(content))
    # the last focus changes of each stretch (moving to the skip link's target may add one)
    styles = [*top[-(TOP_STOPS - 1) :], *content[-CONTENT_STOPS:], *foot[-FOOT_STOPS:]]
    for style in styles:
        weak.add(_weak_focus(style))
    weak.discard(None)
    # every key press was seen to move the focus (a recorder that saw nothing checks nothing)
    return problem, weak, 1 + len(styles)


def test_skip_link_and_visible_focus_on_every_kind(site: Built, served: tuple[object, str]) -> None:
    browser, base = served
    # without the theme's transitions the skip link is shown at once when focused
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    skip_problems: dict[str, object] = {}
    focus_problems: dict[str, set[str]] = {}
    checked = 0
    for rel in page_kinds(site):
        page.goto(base + rel, wait_until="load")
        problem, weak, stops = _keyboard_walk(page)
        if problem:
            skip_problems[rel] = problem
        if weak:
            focus_problems[rel] = weak
        checked += stops
    context.close()
    assert skip_problems == {}
    assert focus_problems == {}
    assert checked == (TOP_STOPS + CONTENT_STOPS + FOOT_STOPS) * len(page_kinds(site))
