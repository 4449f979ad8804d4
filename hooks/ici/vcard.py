"""vCards (RFC 6350, version 4.0) so a reader can save a branch's contact on a phone.

One ``contacts/<id>.vcf`` per branch and language; the texts (name, organization, notes)
are in that language, the numbers in E.164 as ``tel:`` URIs.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from .dataset import Dataset, Record
from .fmt import country_name, e164, hours_rows, phone_display
from .paths import vcard_path
from .text import pick, plain

CRLF = "\r\n"
# RFC 6350 3.2: lines should not be longer than 75 octets, excluding the line break
LINE_OCTETS = 75


def escape(value: str) -> str:
    """Escape a text value (RFC 6350 3.4): backslash, comma, semicolon and newlines.

    CRLF, a bare CR and a bare LF all become ``\\n``: a lenient reader that splits lines
    at a CR would otherwise see a new property (or a new vCard) there.
    """
    return (
        value.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets without splitting a UTF-8 character."""
    parts: list[str] = []
    current, size = "", 0
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > LINE_OCTETS:
            parts.append(current)
            # a continuation line starts with one space, which counts towards its octets
            current, size = " ", 1
        current += char
        size += octets
    parts.append(current)
    return CRLF.join(parts)


def _structured(components: Iterable[str]) -> str:
    return ";".join(escape(c) for c in components)


def _phone_note(phone: dict, lang: str) -> str:
    line = phone_display(phone["number"])
    purpose = plain(phone.get("description"), lang)
    if purpose:
        line += f" – {purpose}"
    hours = ", ".join(f"{h['days']} {h['time']}" for h in hours_rows(phone.get("schedules"), lang))
    return f"{line} ({hours})" if hours else line


def branch_vcard(ds: Dataset, rec: Record, lang: str) -> str:
    """The vCard text of one branch, with CRLF line breaks."""
    org = ds.organizations[rec["organization_id"]]
    name = pick(rec["name"], lang)
    assert name is not None  # name is required by the schema
    uid = uuid.uuid5(uuid.NAMESPACE_URL, f"https://www.integration.lv/contacts/{rec['id']}")
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        "KIND:org",
        f"UID:urn:uuid:{uid}",
        f"FN;LANGUAGE={name.lang}:{escape(name.value)}",
        f"ORG:{_structured([plain(org['name'], lang)])}",
    ]
    for i, phone in enumerate(rec.get("phones", []), start=1):
        lines.append(f"TEL;VALUE=uri;TYPE=voice;PREF={i}:tel:{e164(phone['number'])}")
    if rec.get("email"):
        lines.append(f"EMAIL;TYPE=work:{rec['email']}")
    if rec.get("skype"):
        lines.append(f"IMPP;PREF=1:skype:{rec['skype']}")
    address = rec.get("address")
    if address:
        parts = ["", "", address.get("street", ""), address["city"], ""]
        parts += [address.get("postal_code", ""), country_name("LV", lang)]
        lines.append(f"ADR;TYPE=work:{_structured(parts)}")
    if rec.get("geo"):
        lines.append(f"GEO:geo:{rec['geo']['lat']},{rec['geo']['lon']}")
    for i, code in enumerate((rec.get("languages") or []), start=1):
        lines.append(f"LANG;PREF={i}:{code}")
    if org.get("url"):
        lines.append(f"URL:{org['url']}")
    note = [plain(rec.get("description"), lang)] + [
        _phone_note(p, lang) for p in rec.get("phones", [])
    ]
    lines.append(f"NOTE;LANGUAGE={lang}:{escape(chr(10).join(n for n in note if n))}")
    lines.append("END:VCARD")
    return "".join(fold(line) + CRLF for line in lines)


def branch_vcards(ds: Dataset, lang: str) -> dict[str, bytes]:
    """``LANGUAGE_OUTPUTS`` generator: ``contacts/<id>.vcf`` for every branch."""
    return {
        vcard_path(rid): branch_vcard(ds, rec, lang).encode("utf-8")
        for rid, rec in ds.branches.items()
    }
