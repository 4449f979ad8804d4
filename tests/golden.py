"""Golden files of the fixture site (tests/fixtures/site/): what each output looks like.

``tests/golden/`` holds, for one page of each kind and each export in every language, the
output of the fixture site with its volatile parts normalised (asset and version hashes).
A test compares a new build with them and shows a diff on a change; after an intended
change, ``make golden`` (``pytest tests/test_golden.py --update-golden``) writes them anew,
and the diff of ``tests/golden/`` goes into the commit for review.
"""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from langs import LANGS, PREFIX
from sitebuild import ROOT, Built, build

FIXTURE_SITE = ROOT / "tests" / "fixtures" / "site"
GOLDEN = ROOT / "tests" / "golden"

# one page of each kind, below the language's root
PAGES = {
    "service": "register/legal/",
    "service-ended": "register/interpreters/",
    "branch": "contacts/riga/",
    "event": "events/day/",
    "event-partial-date": "events/meeting/",
    "course": "courses/course/",
    "news": "news/first/",
    "guide": "guide/work/",
    "register-index": "register/",
    "contacts-index": "contacts/",
    "events-index": "events/",
    "courses-index": "courses/",
    "news-index": "news/",
    "home": "",
}
# every export of a language, below the language's root
EXPORTS = {
    "hsds.json": "data/services.json",
    "services.csv": "data/services.csv",
    "events.ics": "events/events.ics",
    "event.ics": "events/day.ics",
    "event-partial-date.ics": "events/meeting.ics",
    "feed.atom": "news/feed.xml",
    "branch.vcf": "contacts/riga.vcf",
    "manifest.json": "manifest.webmanifest",
}

# a content hash in an asset's name (ici.523a25e80d.js) and the offline cache's version
_HASH = re.compile(r"(?<=\.)[0-9a-f]{8,64}(?=\.(?:min\.)?(?:js|css)\b)")
_VERSION = re.compile(r"((?:version|ici-[a-z]+-pre-)[\"':= ]*)[0-9a-f]{16}\b")
_JSONLD = re.compile(r'(<script type="application/ld\+json">).*?(</script>)', re.DOTALL)


def build_fixture_site(dest: Path) -> Built:
    """Build the fixture site in place (its paths point at the project) into ``dest/site``."""
    return build(FIXTURE_SITE, "-f", str(FIXTURE_SITE / "mkdocs.yml"), site_dir=dest / "site")


def normalise(text: str) -> str:
    """The text with hashes replaced and line ends unified."""
    text = _HASH.sub("HASH", text.replace("\r\n", "\n"))
    return _VERSION.sub(r"\1HASH", text)


def page_text(html: str) -> str:
    """The parts of a page the golden file keeps: the head's title, description, language
    links and canonical URL, then the article (JSON-LD kept apart, see ``page_jsonld``)."""
    doc = HTMLParser(html)
    lines = [f"lang: {doc.css_first('html').attributes.get('lang')}"]
    lines.append(f"title: {doc.css_first('title').text()}")
    for node in doc.css("head meta[name=description], head meta[name=robots]"):
        lines.append(f"meta {node.attributes['name']}: {node.attributes.get('content')}")
    for node in doc.css("head link[rel=canonical], head link[rel=alternate]"):
        attrs = node.attributes
        lines.append(
            f"link {attrs['rel']} {attrs.get('hreflang') or attrs.get('type')}: {attrs['href']}"
        )
    article = doc.css_first("article")
    body = article.html if article is not None else ""
    body = _JSONLD.sub(r"\1[JSON-LD: jsonld.LANG.json]\2", body or "")
    return normalise("\n".join(lines) + "\n\n" + body.strip() + "\n")


def page_jsonld(html: str) -> list[object]:
    """The JSON-LD blocks of a page, parsed."""
    doc = HTMLParser(html)
    return [json.loads(n.text()) for n in doc.css('script[type="application/ld+json"]')]


def expected_files(site: Path) -> dict[str, str]:
    """Golden file name -> the normalised text of ``site`` it holds."""
    out: dict[str, str] = {}
    for lang in LANGS:
        root = site / PREFIX[lang]
        jsonld: dict[str, list[object]] = {}
        for kind, rel in PAGES.items():
            if not (root / rel / "index.html").is_file():
                out[f"{lang}/{kind}.html.txt"] = f"[not written: {PREFIX[lang]}{rel}]\n"
                continue
            html = (root / rel / "index.html").read_text(encoding="utf-8")
            out[f"{lang}/{kind}.html.txt"] = page_text(html)
            blocks = page_jsonld(html)
            if blocks:
                jsonld[rel or "/"] = blocks
        text = json.dumps(jsonld, ensure_ascii=False, indent=2, sort_keys=True)
        out[f"{lang}/jsonld.json"] = normalise(text + "\n")
        for name, rel in EXPORTS.items():
            if not (root / rel).is_file():
                out[f"{lang}/{name}"] = f"[not written: {PREFIX[lang]}{rel}]\n"
                continue
            raw = (root / rel).read_bytes().decode("utf-8")
            if name.endswith(".json"):  # one key a line, for a readable diff
                raw = json.dumps(json.loads(raw), ensure_ascii=False, indent=2) + "\n"
            out[f"{lang}/{name}"] = normalise(raw)
    out["sitemap.xml"] = normalise((site / "sitemap.xml").read_text(encoding="utf-8"))
    return out


def compare(site: Path, update: bool = False) -> list[str]:
    """Differences between ``site`` and the golden files (all written anew if ``update``)."""
    wanted = expected_files(site)
    problems: list[str] = []
    if update:
        for old in GOLDEN.rglob("*"):
            if old.is_file() and old.relative_to(GOLDEN).as_posix() not in wanted:
                old.unlink()
    for name, text in sorted(wanted.items()):
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="")
            continue
        if not path.is_file():
            problems.append(f"tests/golden/{name}: missing (make golden writes it)")
            continue
        old = path.read_text(encoding="utf-8")
        if old != text:
            diff = difflib.unified_diff(
                old.splitlines(), text.splitlines(), f"golden/{name}", "built", lineterm="", n=2
            )
            problems.append("\n".join(list(diff)[:80]))
    stale = sorted(
        p.relative_to(GOLDEN).as_posix()
        for p in GOLDEN.rglob("*")
        if p.is_file() and p.relative_to(GOLDEN).as_posix() not in wanted
    )
    problems.extend(f"tests/golden/{name}: no longer written (make golden)" for name in stale)
    return problems
