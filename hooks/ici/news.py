"""News items: Markdown pages under ``docs/<lang>/news/`` with a date in their front matter.

They are read here, without MkDocs, so the news list, each item's date and the feed come
from one validated source. The front matter is checked like a data file (JSON Schema,
``file:line: field: expected ..., got ...``), and a translation must carry the same date
as the Latvian page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path as FsPath

from .frontmatter import split_front_matter
from .languages import languages
from .problems import Problem, show_value
from .schema_check import SCHEMA_DIR, schema_problems
from .text import DEFAULT_LANG, Text
from .textguard import line_problems
from .yamlsource import parse_text

NEWS_DIR = "news"
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_HEADING = re.compile(r"^#\s+(?P<title>.+?)\s*#*\s*$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A publication date whose month or day may be unknown (the source gives only a year)."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | int) -> PartialDate:
        """``2017-12-28``, ``2018-01`` or ``2009`` (a YAML integer); ValueError if not real."""
        parts = [int(p) for p in str(value).split("-")]
        found = cls(*parts)
        found.first_day()  # raises ValueError for 2017-02-30 or month 13
        return found

    def first_day(self) -> date:
        """The first day the date can mean: used for sorting and for the feed."""
        return date(self.year, self.month or 1, self.day or 1)

    def iso(self) -> str:
        """``2017-12-28``, ``2018-01`` or ``2009``: valid in an HTML ``<time datetime>``."""
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
            if self.day:
                text += f"-{self.day:02d}"
        return text

    def sort_key(self) -> tuple[int, int, int]:
        """Newest first sorts on this, descending; an unknown day counts as the month's end."""
        return (self.year, self.month or 13, self.day or 32)


@dataclass(frozen=True)
class NewsItem:
    """One news page in one language (``lang`` is the language of its text)."""

    slug: str
    lang: str
    title: str
    date: PartialDate
    description: str
    file: str  # docs-relative path for messages, e.g. docs/lv/news/x.md


@dataclass
class News:
    """News items by site language (falling back to the Latvian page) and feed titles."""

    items: dict[str, list[NewsItem]] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)  # the news index's heading

    def for_lang(self, lang: str) -> list[NewsItem]:
        """Items shown in ``lang``, newest first."""
        return self.items.get(lang, [])


def _title(body: str) -> str | None:
    for line in body.split("\n"):
        m = _HEADING.match(line)
        if m:
            return m["title"]
    return None


def read_item(
    path: FsPath, display: str, schema_dir: FsPath
) -> tuple[NewsItem | None, list[Problem]]:
    """One news page: its item, or the problems that keep it from being one."""
    try:
        # a byte order mark (some editors save one) is not part of the text, as for MkDocs
        text = path.read_text(encoding="utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        return None, [
            Problem(
                display,
                1,
                "",
                f"expected UTF-8 text, got a byte {exc.object[exc.start]:#x}",
                "content.encoding",
            )
        ]
    bad = line_problems(text, display)
    if bad:
        # the heading and description go into the feed's XML, which cannot hold them
        return None, bad
    front, body, _ = split_front_matter(text)
    if front is None or not front.strip():
        return None, [
            Problem(
                display,
                1,
                "",
                "expected front matter between --- lines with date and description",
                "news.front_matter",
            )
        ]
    src, problems = parse_text(front, display, ("template", "ici_list", "date", "description"))
    if src.data is None:
        return None, problems
    problems.extend(schema_problems(src, "news", schema_dir))
    title = _title(body)
    if title is None:
        problems.append(
            Problem(
                display,
                1,
                "",
                "expected a first-level heading (# Title), got nothing",
                "news.heading",
            )
        )
    when = None
    raw = src.data.get("date")
    if isinstance(raw, str | int) and not isinstance(raw, bool) and _DATE.match(str(raw)):
        try:
            when = PartialDate.parse(raw)
        except ValueError:
            problems.append(
                src.problem(
                    ("date",),
                    f"expected a real calendar date, got {show_value(raw)}",
                    "date.unreal",
                )
            )
    if problems or when is None or title is None:
        return None, problems
    lang = display.split("/")[1]
    return NewsItem(path.stem, lang, title, when, src.data["description"], display), []


def _index_title(path: FsPath) -> str | None:
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return None  # reported by the content check
    title = _title(split_front_matter(text)[1])
    return title if title and not line_problems(title, "") else None


def load_news(root: FsPath, langs: tuple[str, ...] | None = None) -> tuple[News, list[Problem]]:
    """Read ``root/docs/<lang>/news/*.md`` for every language; all problems at once."""
    langs = langs or languages(root)
    schema_dir = root / "schemas" if (root / "schemas").is_dir() else SCHEMA_DIR
    own: dict[str, dict[str, NewsItem]] = {}
    problems: list[Problem] = []
    news = News()
    for lang in langs:
        folder = root / "docs" / lang / NEWS_DIR
        own[lang] = {}
        for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
            if path.name == "index.md":
                continue
            display = f"docs/{lang}/{NEWS_DIR}/{path.name}"
            item, found = read_item(path, display, schema_dir)
            problems.extend(found)
            if item is not None:
                own[lang][item.slug] = item
        title = _index_title(folder / "index.md")
        if title:
            news.titles[lang] = title
    base = own.get(DEFAULT_LANG, {})
    for lang in langs:
        for slug, item in own[lang].items():
            if slug in base and item.date != base[slug].date:
                problems.append(
                    Problem(
                        item.file,
                        _date_line(root / item.file),
                        "date",
                        f"expected the same date as {base[slug].file} ({base[slug].date.iso()}), "
                        f"got {item.date.iso()!r}",
                        "news.date_mismatch",
                    )
                )
        merged = {**base, **own[lang]}  # a missing translation is built from the lv page
        news.items[lang] = sorted(
            merged.values(), key=lambda i: (i.date.sort_key(), i.slug), reverse=True
        )
    return news, problems


def _date_line(path: FsPath) -> int:
    text = path.read_text(encoding="utf-8").removeprefix("\ufeff")
    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith("date:"):
            return number
    return 1


def text_of(item: NewsItem, lang: str, value: str) -> Text:
    """A text of ``item`` as shown in ``lang``: marked as a fallback when it is Latvian."""
    return Text(value, item.lang, item.lang != lang)
