"""Feeds, exports, vCards and sitemaps carry no build time but ``SOURCE_DATE_EPOCH``.

The session site is built at one epoch; a second copy at another, a few days, an hour, a
minute and a second later. In every such file, once each build's epoch (in each of the
forms a file may write it) is replaced by a placeholder, the two builds must be equal:
so any date that is not from the data is exactly ``SOURCE_DATE_EPOCH``, never the clock.
(Pages may differ: "now" decides which events are upcoming. Pagefind's index is tested
by the search work.)
"""

from __future__ import annotations

import gzip
import struct
from datetime import UTC, datetime
from pathlib import Path

import pytest

from langs import PREFIX
from sitebuild import SOURCE_DATE_EPOCH, Built, build, copy_project

OTHER_EPOCH = SOURCE_DATE_EPOCH + 3 * 86400 + 3661  # 2026-01-04T01:01:01Z
# the files whose bytes must not depend on the build's clock, by glob below the site root
FILES = [
    "sitemap.xml",
    "**/news/feed.xml",
    "**/events/*.ics",
    "**/data/services.json",
    "**/data/services.csv",
    "**/contacts/*.vcf",
]


def _forms(epoch: int) -> list[str]:
    """Ways a file may write an instant: longest first, so a date inside a time goes too."""
    t = datetime.fromtimestamp(epoch, UTC)
    return [
        t.strftime("%a, %d %b %Y %H:%M:%S +0000"),
        t.isoformat(),
        t.strftime("%Y-%m-%dT%H:%M:%SZ"),
        t.strftime("%Y%m%dT%H%M%SZ"),
        t.strftime("%Y-%m-%d"),
        str(epoch),
    ]


def _normalized(text: str, epoch: int) -> str:
    for form in _forms(epoch):
        text = text.replace(form, "<EPOCH>")
    return text


@pytest.fixture(scope="module")
def later(tmp_path_factory: pytest.TempPathFactory) -> Built:
    built = build(copy_project(tmp_path_factory.mktemp("later")), epoch=OTHER_EPOCH)
    assert built.returncode == 0, built.output
    return built


def _files(site: Path) -> list[str]:
    return sorted({p.relative_to(site).as_posix() for g in FILES for p in site.glob(g)})


def test_the_same_files_are_written(site: Built, later: Built) -> None:
    names = _files(site.site)
    assert names == _files(later.site)
    for lang in PREFIX.values():
        for name in ("news/feed.xml", "events/events.ics", "data/services.json"):
            assert lang + name in names


def test_only_source_date_epoch_differs(site: Built, later: Built) -> None:
    differing = []
    for name in _files(site.site):
        first = (site.site / name).read_text(encoding="utf-8")
        second = (later.site / name).read_text(encoding="utf-8")
        if _normalized(first, SOURCE_DATE_EPOCH) != _normalized(second, OTHER_EPOCH):
            differing.append(name)
    assert differing == []


def test_source_date_epoch_is_used_where_a_build_date_is_needed(site: Built, later: Built) -> None:
    # the sitemap's lastmod and the calendars' DTSTAMP are the build's epoch
    for built, epoch in ((site, SOURCE_DATE_EPOCH), (later, OTHER_EPOCH)):
        day, stamp = _forms(epoch)[4], _forms(epoch)[3]
        assert f"<lastmod>{day}</lastmod>" in (built.site / "sitemap.xml").read_text("utf-8")
        ics = (built.site / "events" / "events.ics").read_text(encoding="utf-8")
        assert f"DTSTAMP:{stamp}" in ics


def test_compressed_sitemap_has_the_epoch_as_its_time(site: Built, later: Built) -> None:
    for built, epoch in ((site, SOURCE_DATE_EPOCH), (later, OTHER_EPOCH)):
        raw = (built.site / "sitemap.xml.gz").read_bytes()
        # gzip header (RFC 1952): magic, method, flags, then MTIME as 4 little-endian bytes;
        # MkDocs writes the start of the epoch's day
        assert struct.unpack("<I", raw[4:8])[0] == epoch - epoch % 86400
        assert gzip.decompress(raw) == (built.site / "sitemap.xml").read_bytes()
