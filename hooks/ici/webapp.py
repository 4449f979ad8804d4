"""The web app manifest of each language and the app icon (SVG and PNG from one drawing).

The icon is drawn from two shapes (the dot and the stem of a white "i" on the site's
carmine), which are written as SVG and rasterized to PNG here, with the standard library
only: no network, no native library, the same bytes on every build. The carmine fills the
whole square and the letter stays inside the central circle of 40 % radius, so one PNG
serves as a "maskable" icon too.
"""

from __future__ import annotations

import json
import math
import struct
import zlib
from collections.abc import Callable

THEME_COLOR = "#7a1f2b"  # --md-primary-fg-color in overrides/assets/stylesheets/ici.css
BACKGROUND_COLOR = "#ffffff"
ICON_DIR = "assets/images/"  # below the site root
ICON_SVG = "ici-icon.svg"
PNG_SIZES = (192, 512)
MANIFEST = "manifest.webmanifest"  # below each language's root

# The letter in units of the icon's side (0..1): a circle and a rounded bar.
DOT = (0.5, 0.3, 0.075)  # centre x, centre y, radius
STEM = (0.4375, 0.43, 0.5625, 0.74, 0.03)  # x0, y0, x1, y1, corner radius


def png_name(size: int) -> str:
    """The file name of the PNG icon of one size."""
    return f"ici-icon-{size}.png"


def icon_svg() -> bytes:
    """The icon as SVG (512 units square)."""
    s = 512
    cx, cy, r = (v * s for v in DOT)
    x0, y0, x1, y1, rr = (v * s for v in STEM)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {s} {s}" width="{s}" '
        f'height="{s}"><rect width="{s}" height="{s}" fill="{THEME_COLOR}"/>'
        f'<circle cx="{cx:g}" cy="{cy:g}" r="{r:g}" fill="#fff"/>'
        f'<rect x="{x0:g}" y="{y0:g}" width="{x1 - x0:g}" height="{y1 - y0:g}" '
        f'rx="{rr:g}" fill="#fff"/></svg>\n'
    )
    return svg.encode("ascii")


def _hex_rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def _shapes(size: int) -> list[tuple[tuple[int, int, int, int], Callable[[float, float], float]]]:
    """Each shape's pixel bounding box and signed distance (in pixels) from a point."""
    cx, cy, r = (v * size for v in DOT)
    x0, y0, x1, y1, rr = (v * size for v in STEM)

    def dot(x: float, y: float) -> float:
        return math.hypot(x - cx, y - cy) - r

    hx, hy = (x1 - x0) / 2 - rr, (y1 - y0) / 2 - rr
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2

    def stem(x: float, y: float) -> float:
        qx, qy = abs(x - mx) - hx, abs(y - my) - hy
        outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
        return outside + min(max(qx, qy), 0.0) - rr

    def box(a: float, b: float, c: float, d: float) -> tuple[int, int, int, int]:
        return int(a) - 1, int(b) - 1, math.ceil(c) + 1, math.ceil(d) + 1

    return [(box(cx - r, cy - r, cx + r, cy + r), dot), (box(x0, y0, x1, y1), stem)]


def icon_png(size: int) -> bytes:
    """The icon rasterized to an RGB PNG of ``size`` pixels square (edges anti-aliased)."""
    bg = _hex_rgb(THEME_COLOR)
    rows = [bytearray(bytes(bg) * size) for _ in range(size)]
    for (bx0, by0, bx1, by1), dist in _shapes(size):
        for y in range(max(by0, 0), min(by1, size)):
            row = rows[y]
            for x in range(max(bx0, 0), min(bx1, size)):
                # coverage of the pixel from the distance of its centre to the edge
                cover = min(max(0.5 - dist(x + 0.5, y + 0.5), 0.0), 1.0)
                if cover > 0.0:
                    i = 3 * x
                    for c in range(3):
                        row[i + c] = max(row[i + c], round(bg[c] + (255 - bg[c]) * cover))
    raw = b"".join(b"\x00" + bytes(row) for row in rows)

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def icon_files() -> dict[str, bytes]:
    """Every icon file by path below the site root."""
    files = {ICON_DIR + ICON_SVG: icon_svg()}
    for size in PNG_SIZES:
        files[ICON_DIR + png_name(size)] = icon_png(size)
    return files


def manifest(lang: str, name: str, short_name: str, description: str, to_root: str) -> bytes:
    """The manifest of one language, written at that language's root.

    ``start_url``, ``scope`` and ``id`` are relative ("./"): they resolve against the
    manifest's own URL, so the app works under any base path. ``to_root`` leads from the
    language's root to the site root ("" or "../"), where the icons are.
    """
    icons: list[dict[str, str]] = [
        {
            "src": f"{to_root}{ICON_DIR}{ICON_SVG}",
            "sizes": "any",
            "type": "image/svg+xml",
            "purpose": "any",
        }
    ]
    for purpose in ("any", "maskable"):
        for size in PNG_SIZES:
            icons.append(
                {
                    "src": f"{to_root}{ICON_DIR}{png_name(size)}",
                    "sizes": f"{size}x{size}",
                    "type": "image/png",
                    "purpose": purpose,
                }
            )
    data = {
        "lang": lang,
        "dir": "ltr",
        "name": name,
        "short_name": short_name,
        "description": description,
        "id": "./",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": BACKGROUND_COLOR,
        "theme_color": THEME_COLOR,
        "icons": icons,
    }
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


__all__ = ["MANIFEST", "THEME_COLOR", "icon_files", "icon_png", "icon_svg", "manifest", "png_name"]
