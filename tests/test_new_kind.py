"""Adding a kind of record takes five files: its declaration (hooks/ici/kinds.py), schema,
data file, template and its Latvian interface strings (data/strings/lv.yaml). The rest of
the site iterates over the kinds."""

from __future__ import annotations

from pathlib import Path

from ici.text import LANGS
from sitebuild import ROOT, build, copy_project

NEW_KIND = Path(__file__).parent / "fixtures" / "new_kind"
DECLARATION = (
    '    Kind("documents", "documents", "document", "documents/{id}/", "ici/document.html"),\n'
)
# the Latvian string is the one needed; the other languages show it until they translate it
STRINGS = "documents:\n  open: Atvērt dokumentu\n"
TITLES = {
    "lv": "Informācijas centra imigrantiem tīmekļa vietne",
    "ru": "Сайт Информационного центра для иммигрантов",
    "en": "Website of the Information Centre for Immigrants",
}


def _with_documents() -> dict[str, str]:
    """The five files that add the kind ``documents`` (changed or new), by path."""
    kinds = (ROOT / "hooks/ici/kinds.py").read_text(encoding="utf-8")
    anchor = '    Kind("figures", "figures", checks=("figures",)),\n'
    assert anchor in kinds
    strings = (ROOT / "data/strings/lv.yaml").read_text(encoding="utf-8")
    return {
        "hooks/ici/kinds.py": kinds.replace(anchor, anchor + DECLARATION),
        "schemas/documents.schema.json": (NEW_KIND / "documents.schema.json").read_text("utf-8"),
        "data/documents.yaml": (NEW_KIND / "documents.yaml").read_text("utf-8"),
        "overrides/ici/document.html": (NEW_KIND / "document.html").read_text("utf-8"),
        "data/strings/lv.yaml": strings + STRINGS,
    }


def test_a_new_kind_takes_five_files_and_gets_a_page_in_every_language(tmp_path: Path) -> None:
    files = _with_documents()
    assert len(files) <= 5
    built = build(copy_project(tmp_path, files))
    assert built.returncode == 0, built.output
    for lang in LANGS:
        prefix = "" if lang == LANGS[0] else f"{lang}/"
        page = built.html(f"{prefix}documents/ici-website/index.html")
        heading = page.css_first("article.ici-document h1")
        if lang in TITLES:
            assert heading.text() == TITLES[lang]
        else:  # a language the fixture has no text for: the Latvian title, marked
            assert heading.css_first('span[lang="lv"]').text() == TITLES["lv"]
        link = page.css_first("article.ici-document a")
        assert link.attributes["href"] == "https://www.integration.lv/"
        assert link.text() == "Atvērt dokumentu"
        # the record's sources, as on every record page
        assert "2017" in page.css_first(".ici-sources").text()
