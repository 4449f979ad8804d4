"""Valid HTML where Material writes invalid markup outside any block a theme can replace.

Material 9.8.1's ``base.html`` writes its two toggle checkboxes (navigation drawer and
search) with ``autocomplete="off"``, which HTML allows on text-like inputs only; the
validator (vnu) reports it on every page. The rest of the theme's invalid markup is fixed
in overrides/partials/.
"""

from __future__ import annotations

_FIXES = tuple(
    (
        f'type="checkbox" id="{toggle}" autocomplete="off">',
        f'type="checkbox" id="{toggle}">',
    )
    for toggle in ("__drawer", "__search")
)


def fix_theme_markup(html: str) -> str:
    """The page with the theme's invalid attributes removed (first occurrence only: the
    toggles come before any content)."""
    for old, new in _FIXES:
        html = html.replace(old, new, 1)
    return html
