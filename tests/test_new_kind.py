"""Adding a kind of record takes five files: its declaration (hooks/ici/kinds.py), schema,
data file, template and interface strings. The rest of the site iterates over the kinds."""

from __future__ import annotations

from pathlib import Path

from ici.text import LANGS
from sitebuild import ROOT, build, copy_project

NEW_KIND = Path(__file__).parent / "fixtures" / "new_kind"
DECLARATION = (
    '    Kind("documents", "documents", "document", "documents/{id}/", "ici/document.html"),\n'
)
STRINGS = (
    "documents:\n  open:\n    lv: Atvērt dokumentu\n    ru: Открыть документ\n"
    "    en: Open the document\n"
)
TITLES = {
    "lv": "Informācijas centra imigrantiem tīmekļa vietne",
    "ru": "Сайт Информационного центра для иммигрантов",
    "en": "Website of the Information Centre for Immigrants",
}


def _with_documents() -> dict[str, str]:
    """The five files that add the kind ``documents`` (changed or new), by path."""
    kinds = (ROOT / "hooks/ici/kinds.py").read_text(encoding="utf-8")
    anchor = '    Kind("figures", "figures"),\n'
    assert anchor in kinds
    strings = (ROOT / "data/strings.yaml").read_text(encoding="utf-8")
    return {
        "hooks/ici/kinds.py": kinds.replace(anchor, anchor + DECLARATION),
        "schemas/documents.schema.json": (NEW_KIND / "documents.schema.json").read_text("utf-8"),
        "data/documents.yaml": (NEW_KIND / "documents.yaml").read_text("utf-8"),
        "overrides/ici/document.html": (NEW_KIND / "document.html").read_text("utf-8"),
        "data/strings.yaml": strings + STRINGS,
    }


def test_a_new_kind_takes_five_files_and_gets_a_page_in_every_language(tmp_path: Path) -> None:
    files = _with_documents()
    assert len(files) <= 5
    built = build(copy_project(tmp_path, files))
    assert built.returncode == 0, built.output
    for lang in LANGS:
        prefix = "" if lang == LANGS[0] else f"{lang}/"
        page = built.html(f"{prefix}documents/ici-website/index.html")
        assert page.css_first("article.ici-document h1").text() == TITLES[lang]
        link = page.css_first("article.ici-document a")
        assert link.attributes["href"] == "https://www.integration.lv/"
        assert link.text() == {"lv": "Atvērt dokumentu", "ru": "Открыть документ"}.get(
            lang, "Open the document"
        )
        # the record's sources, as on every record page
        assert "2017" in page.css_first(".ici-sources").text()
