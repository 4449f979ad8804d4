"""Accessible horizontal bar charts as inline SVG, built from data at build time.

The chart is an image for sighted readers (``role="img"``) whose ``<title>`` and ``<desc>``
carry the same facts in words; the page shows a table with the same numbers next to it.
ElementTree escapes every label and title, so data can never inject markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree import ElementTree as ET

SVG_NS = "http://www.w3.org/2000/svg"

# Layout in SVG user units (pixels at 100 % zoom). Text is measured roughly: SVG has no
# text metrics at build time, so the label column is sized from the longest label.
FONT_SIZE = 14
CHAR_WIDTH = 8.2  # average advance of a 14 px sans-serif letter, Latvian and Cyrillic too
ROW_HEIGHT = 30
BAR_HEIGHT = 18
BAR_AREA = 320  # width of the longest bar
VALUE_GAP = 8
VALUE_AREA = 70  # room for the number after the longest bar
PAD = 8

BAR_COLOUR = "#1f4e79"  # 8.6:1 on white, the site's link blue
TEXT_COLOUR = "#1b1b1b"


@dataclass(frozen=True)
class Bar:
    """One bar: its label, its value, and the value as the reader's language writes it."""

    label: str
    value: int
    display: str


def _text(parent: ET.Element, x: float, y: float, words: str, **attrs: str) -> ET.Element:
    node = ET.SubElement(
        parent,
        "text",
        {"x": _n(x), "y": _n(y), "font-size": str(FONT_SIZE), "fill": TEXT_COLOUR, **attrs},
    )
    node.text = words
    return node


def _n(value: float) -> str:
    """A coordinate without noise: ``12`` or ``12.5``."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def bar_width(value: int, largest: int) -> float:
    """Width of a bar, proportional to the largest value (which fills BAR_AREA)."""
    return 0.0 if largest <= 0 else BAR_AREA * value / largest


def bar_chart(chart_id: str, title: str, desc: str, bars: list[Bar]) -> str:
    """An SVG bar chart with ``<title>``/``<desc>`` referenced by ``aria-labelledby``.

    ``chart_id`` must be unique on the page: it prefixes the ids of the title and desc.
    Each bar is a ``<g>`` with ``data-value`` holding the exact number.
    """
    label_width = max((len(b.label) for b in bars), default=0) * CHAR_WIDTH + PAD
    width = PAD + label_width + BAR_AREA + VALUE_GAP + VALUE_AREA
    height = PAD * 2 + ROW_HEIGHT * len(bars)
    largest = max((b.value for b in bars), default=0)
    svg = ET.Element(
        "svg",
        {
            "xmlns": SVG_NS,
            "class": "ici-bar-chart",
            "role": "img",
            "aria-labelledby": f"{chart_id}-title {chart_id}-desc",
            "viewBox": f"0 0 {_n(width)} {_n(height)}",
            "width": _n(width),
            "height": _n(height),
        },
    )
    ET.SubElement(svg, "title", {"id": f"{chart_id}-title"}).text = title
    ET.SubElement(svg, "desc", {"id": f"{chart_id}-desc"}).text = desc
    bar_x = PAD + label_width
    for i, bar in enumerate(bars):
        top = PAD + i * ROW_HEIGHT
        middle = top + ROW_HEIGHT / 2
        group = ET.SubElement(svg, "g", {"class": "ici-bar", "data-value": str(bar.value)})
        _text(
            group,
            bar_x - PAD,
            middle + FONT_SIZE / 3,
            bar.label,
            **{"class": "ici-bar-label", "text-anchor": "end"},
        )
        w = bar_width(bar.value, largest)
        ET.SubElement(
            group,
            "rect",
            {
                "x": _n(bar_x),
                "y": _n(middle - BAR_HEIGHT / 2),
                "width": _n(w),
                "height": str(BAR_HEIGHT),
                "fill": BAR_COLOUR,
            },
        )
        value_x = bar_x + w + VALUE_GAP
        _text(group, value_x, middle + FONT_SIZE / 3, bar.display, **{"class": "ici-bar-value"})
    return ET.tostring(svg, encoding="unicode")


def describe(bars: list[Bar], separator: str = "; ") -> str:
    """The chart in words for ``<desc>``: ``Rīga: 1451; Liepāja: 462``."""
    return separator.join(f"{b.label}: {b.display}" for b in bars)
