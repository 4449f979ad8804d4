"""Latvian ordinals and years at the start of a line are text, not numbered lists."""

from __future__ import annotations

import io
from pathlib import Path

import markdown
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from ici.check import run_check
from ici.ordinals import doubtful_ordinals, escape_ordinals
from sitebuild import Built, copy_project

NEWS = "news/ngo-dialogue-platform-5th-meeting/index.html"


def test_years_and_date_ordinals_are_escaped() -> None:
    text = (
        "2017. gada 21. septembrī notika.\n\n2015. gadā\n\n21. septembrī\n  3. decembrim\n"
        "- 2015. gadā Latvija\n> 1999. gadā\n"
    )
    assert escape_ordinals(text) == (
        "2017\\. gada 21. septembrī notika.\n\n2015\\. gadā\n\n21\\. septembrī\n"
        "  3\\. decembrim\n- 2015\\. gadā Latvija\n> 1999\\. gadā\n"
    )


def test_real_lists_and_code_are_left_alone() -> None:
    text = (
        "1. **Sazinieties ar ICI.** Teksts.\n2. **Pastāstiet.**\n\n"
        "```\n2017. gada\n```\n\n    2017. gada (indented code)\n"
    )
    assert escape_ordinals(text) == text
    assert doubtful_ordinals(text) == []


def test_a_lone_number_and_lowercase_word_is_doubtful_a_lowercase_list_is_not() -> None:
    text = "Ievads.\n\n3. vietā ierindojās Rīga.\n\n1. iesniegt\n2. gaidīt\n\n2017. gada\n"
    assert escape_ordinals(text).count("\\.") == 1
    assert doubtful_ordinals(text) == [(2, "3. vietā")]


def test_fifth_meeting_news_shows_the_date_as_written(site: Built) -> None:
    article = site.html(NEWS).css_first("article")
    first = article.css("p")
    assert any(p.text().startswith("2017. gada 21. septembrī Informācijas centrā") for p in first)
    assert article.css("ol") == []  # "- 2015. gadā ..." stays a bullet starting with 2015
    assert any(li.text().startswith("2015. gadā Latvija") for li in article.css("ul > li"))


def test_numbered_lists_still_render_in_latvian() -> None:
    # the real guide holds no steps any more (no source describes them): a page of steps
    # as an editor would write one, converted as the build converts Latvian pages
    steps = "1. **Noskaidrojiet** savu līmeni.\n2. Izvēlieties kursu.\n3. Pierakstieties.\n"
    html = markdown.markdown(escape_ordinals("Ievads.\n\n" + steps))
    items = HTMLParser(html).css("ol > li")
    assert [li.text() for li in items] == [
        "Noskaidrojiet savu līmeni.",
        "Izvēlieties kursu.",
        "Pierakstieties.",
    ]


def test_check_warns_about_a_doubtful_ordinal_and_passes(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    page = root / "docs" / "lv" / "guide" / "work.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n3. vietā ir darbs.\n\n2019. gadā nekā.\n",
        encoding="utf-8",
    )
    line = page.read_text(encoding="utf-8").split("\n").index("3. vietā ir darbs.") + 1
    out = io.StringIO()
    assert run_check(root, out, status=False) == 0
    lines = out.getvalue().splitlines()
    warning = (
        f"warning: docs/lv/guide/work.md:{line}: line starts with '3. vietā': expected a "
        "numbered list item, got what may be an ordinal (Markdown shows it as a list item "
        "numbered 1)"
    )
    assert warning in lines
    assert lines[lines.index(warning) + 1].startswith("    how to fix: if the number is an ordinal")
    assert not any("2019" in w for w in lines if w.startswith("warning:"))


def test_escaped_line_renders_without_a_list() -> None:
    import markdown

    html = markdown.markdown(escape_ordinals("2015. gadā centrs sāka darbu."))
    tree = HTMLParser(html)
    assert tree.css("ol") == []
    assert tree.css_first("p").text() == "2015. gadā centrs sāka darbu."
