"""The register as a CSV table: one row per service, UTF-8 with a BOM for Excel.

Excel opens a CSV as the system's legacy code page unless the file starts with a byte
order mark; with it, Latvian and Russian letters show correctly. Rows end with CRLF as
RFC 4180 and Excel expect. A cell that a spreadsheet would read as a formula starts with
a single quote (OWASP). Codes (category, channels, regions) are kept next to the words
so the table can be filtered and re-imported.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator

from .chunks import Content
from .context import RenderContext
from .dataset import Record
from .fmt import e164, hours_rows, language_name
from .lifecycle import is_ended, status_of
from .pages import record_path
from .register import branches_of, email, organization, phones, website
from .text import plain
from .vocab import REGIONS

COLUMNS = (
    "id",
    "name",
    "organization",
    "organization_type",
    "category",
    "category_name",
    "description",
    "eligibility",
    "fees",
    "free",
    "languages",
    "language_codes",
    "interpreter_languages",
    "channels",
    "phones",
    "email",
    "skype",
    "website",
    "service_areas",
    "branches",
    "opening_hours",
    "status",
    "ended",
    "last_reviewed",
    "page",
)
SEP = "; "
# a cell starting with one of these is a formula to Excel or LibreOffice (OWASP CSV injection)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """``cell`` made inert for spreadsheets: a leading formula character gets a ``'`` before it.

    OWASP's advice for CSV injection: the quote makes the cell text; spreadsheets hide it.
    Phone numbers (``+371...``) get it too, which also keeps their plus sign in Excel.
    """
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def service_row(ctx: RenderContext, rec: Record) -> dict[str, str]:
    """One row of the table, texts in the context's language."""
    ds, lang, words = ctx.dataset, ctx.lang, ctx.strings
    org = organization(ds, rec)
    return {
        "id": rec["id"],
        "name": plain(rec["name"], lang),
        "organization": plain(org["name"], lang),
        "organization_type": org["type"],
        "category": rec["category"],
        "category_name": words.get(f"register.category_{rec['category']}", lang),
        "description": plain(rec["description"], lang),
        "eligibility": plain(rec.get("eligibility_description"), lang),
        "fees": plain(rec.get("fees_description"), lang),
        "free": {True: "yes", False: "no"}.get(rec.get("free"), ""),
        "languages": SEP.join(language_name(c, lang) for c in (rec.get("languages") or [])),
        "language_codes": " ".join(rec.get("languages") or []),
        "interpreter_languages": " ".join(rec.get("interpreter_languages", [])),
        "channels": " ".join(rec["channels"]),
        "phones": SEP.join(e164(p["number"]) for p in phones(ds, rec)),
        "email": email(ds, rec) or "",
        "skype": rec.get("skype", ""),
        "website": website(ds, rec) or "",
        "service_areas": SEP.join(
            words.get(f"regions.{r}", lang) for r in REGIONS if r in rec["service_areas"]
        ),
        "branches": SEP.join(plain(b["name"], lang) for b in branches_of(ds, rec)),
        "opening_hours": SEP.join(
            f"{h['days']} {h['time']}" for h in hours_rows(rec.get("schedules"), lang)
        ),
        "status": status_of(rec),
        "ended": rec.get("ended", "") if is_ended(rec) else "",
        "last_reviewed": rec["last_reviewed"],
        "page": record_path("service", rec["id"]),
    }


def services_csv(ctx: RenderContext) -> dict[str, Content]:
    """``data/services.csv`` for one language (``Kind.exports``, ``ici.outputs.GENERATORS``),
    written some rows at a time."""
    return {"data/services.csv": _csv_chunks(ctx)}


def _csv_chunks(ctx: RenderContext, rows: int = 500) -> Iterator[bytes]:
    out = io.StringIO()
    # a plain writer of each row's cells in COLUMNS order: DictWriter's bytes, without its
    # per-row check of the keys (service_row gives exactly COLUMNS)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    yield codecs.BOM_UTF8  # Excel reads the table as UTF-8 with it
    for i, rec in enumerate(ctx.dataset.services.values(), 1):
        row = service_row(ctx, rec)
        writer.writerow([neutralise(row[k]) for k in COLUMNS])
        if i % rows == 0:
            yield out.getvalue().encode("utf-8")
            out.seek(0)
            out.truncate()
    yield out.getvalue().encode("utf-8")
