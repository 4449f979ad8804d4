"""The SVG bar chart on its own: structure, scaling, escaping."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from ici.chart_svg import BAR_AREA, Bar, bar_chart, describe

NS = {"s": "http://www.w3.org/2000/svg"}
BARS = [Bar("Rīga", 1451, "1 451"), Bar("Cēsis", 179, "179")]


def _svg(bars: list[Bar] = BARS) -> ET.Element:
    return ET.fromstring(bar_chart("c1", "Klienti pa pilsētām", describe(bars), bars))


def test_title_and_desc_label_the_image() -> None:
    svg = _svg()
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "c1-title c1-desc"
    assert svg.find("s:title", NS).get("id") == "c1-title"
    assert svg.find("s:title", NS).text == "Klienti pa pilsētām"
    assert svg.find("s:desc", NS).text == "Rīga: 1 451; Cēsis: 179"


def test_bars_are_proportional_and_carry_their_numbers() -> None:
    groups = _svg().findall("s:g", NS)
    assert [g.get("data-value") for g in groups] == ["1451", "179"]
    widths = [float(g.find("s:rect", NS).get("width")) for g in groups]
    assert widths[0] == BAR_AREA
    assert widths[1] == round(BAR_AREA * 179 / 1451, 1)
    labels = [g.find("s:text[@class='ici-bar-value']", NS).text for g in groups]
    assert labels == ["1 451", "179"]


def test_zero_values_draw_empty_bars() -> None:
    groups = _svg([Bar("a", 0, "0"), Bar("b", 0, "0")]).findall("s:g", NS)
    assert [g.find("s:rect", NS).get("width") for g in groups] == ["0", "0"]


def test_markup_in_data_stays_text() -> None:
    evil = [Bar('<script>alert("x")</script>', 1, "1")]
    text = bar_chart("c2", "<b>t</b>", describe(evil), evil)
    assert "<script>" not in text and "<b>" not in text
    svg = ET.fromstring(text)
    assert svg.find("s:script", NS) is None
    assert svg.find("s:g/s:text", NS).text == '<script>alert("x")</script>'


def test_output_is_deterministic() -> None:
    assert bar_chart("c", "t", "d", BARS) == bar_chart("c", "t", "d", BARS)
