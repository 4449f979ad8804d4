"""Two builds of the same checkout are byte-identical: pages, feeds, exports, index."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sitebuild import Built, build, copy_project


def _digests(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_two_builds_are_byte_identical(site: Built, tmp_path: Path) -> None:
    # a new interpreter (the session's builds share the build server's hash seed)
    again = build(copy_project(tmp_path), fresh=True)
    assert again.returncode == 0, again.output
    first, second = _digests(site.site), _digests(again.site)
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
