"""A large synthetic data set for the scale benchmark: seeded, realistic, in every language.

``python -m bench.synthetic OUT_DIR --n 2000`` writes a complete data folder into
OUT_DIR/data: services.yaml, events.yaml and courses.yaml with N services from N/10
providers, N/4 events and N/10 courses, plus the real services and providers (the guide
pages link them); contacts.yaml with the real branches; figures.yaml and the interface
strings (strings/) copied from the project. Texts are written in each language of
mkdocs.yml that has content to draw words from. The same seed always gives the same files.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import random
import re
import shutil
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))
from ici.languages import LANGS as SITE_LANGS

# the project's real data: branches, providers and figures are taken from it
REAL = Path(__file__).resolve().parents[1] / "data"
REGIONS = ["riga", "kurzeme", "zemgale", "vidzeme", "latgale"]
CATEGORIES = [
    "residence", "work", "business", "family", "education", "health", "social", "housing",
    "taxes", "language", "psychological", "trafficking", "interpreting", "rights",
    "integration", "specialists", "information",
]  # fmt: skip
CHANNELS = ["in_person", "phone", "email", "skype", "online"]
# languages services are offered in (not the site's languages)
LANGS = ["lv", "ru", "en", "uk", "ar", "fr", "es", "zh", "tr", "hi"]
BRANCHES = ["riga", "latgale", "zemgale", "vidzeme", "kurzeme"]
DOCS = REAL.parent / "docs"
# Markdown and HTML syntax that is not text: attribute lists, tags, link targets, URLs
_NOT_TEXT = re.compile(r"\{[^}]*\}|<[^>]+>|\]\([^)]*\)|https?://\S+|\w+@\S+")
_WORD = re.compile(r"[^\W\d_]{2,}")


@functools.cache
def vocabulary(lang: str) -> tuple[list[str], list[int]]:
    """The words of the project's own texts in ``lang`` and their cumulative counts.

    Synthetic texts draw words as often as the real pages and data use them: a handful of
    very common words, a long tail of rare ones. (A few dozen words each on every page
    would make every query match every page, unlike a real register.)
    """
    counts: Counter[str] = Counter()

    def add(text: str) -> None:
        counts.update(w.lower() for w in _WORD.findall(_NOT_TEXT.sub(" ", text)))

    for md in sorted((DOCS / lang).rglob("*.md")):
        text = md.read_text(encoding="utf-8")
        add(text.split("---\n", 2)[2] if text.startswith("---\n") else text)

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if isinstance(value.get(lang), str):
                add(value[lang])
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for name in ("services", "contacts", "events", "courses", "figures"):
        walk(yaml.safe_load((REAL / f"{name}.yaml").read_text(encoding="utf-8")))
    words = sorted(counts)  # a fixed order: the same seed gives the same text
    return words, list(itertools.accumulate(counts[w] for w in words))


def _sentence(rng: random.Random, lang: str, words: int) -> str:
    vocab, cumulative = vocabulary(lang)
    chosen = rng.choices(vocab, cum_weights=cumulative, k=words)
    return (" ".join(chosen)).capitalize() + "."


def _text(rng: random.Random, min_words: int, max_words: int, sentences: int = 1) -> dict[str, str]:
    seed = rng.random()
    out = {}
    for lang in SITE_LANGS:
        if not vocabulary(lang)[0]:
            continue  # a language without content yet: its readers see the lv text
        local = random.Random(f"{seed}-{lang}")
        out[lang] = " ".join(
            _sentence(local, lang, local.randint(min_words, max_words)) for _ in range(sentences)
        )
    return out


def _phone(rng: random.Random) -> str:
    # mobile numbers starting 26 or 29: every such number is valid (not all 2x ranges are)
    return f"+371 2{rng.choice('69')}{rng.randint(0, 999999):06d}"


def _hours() -> list[dict[str, Any]]:
    return [{"byday": ["MO", "TU", "WE", "TH", "FR"], "opens_at": "09:00", "closes_at": "17:00"}]


def _cited(day: str) -> list[dict[str, str]]:
    # a new list each time: a shared one would be written as a YAML alias
    return [{"title": "Synthetic benchmark data", "publisher": "bench", "published": day}]


def generate(n: int, seed: int = 2026) -> dict[str, dict[str, Any]]:
    """The four data files as Python values."""
    rng = random.Random(seed)
    # every record needs a source: one a month before the benchmark's build date
    # (SOURCE_DATE_EPOCH 2026-01-01 in bench/run.py), so its later events are allowed
    checked = "2025-12-01"
    orgs = [
        {
            "id": f"org-{i:05d}",
            "name": _text(rng, 2, 5),
            "type": rng.choice(["state", "municipal", "ngo"]),
            "url": f"https://org{i}.example.org/",
            "sources": _cited(checked),
        }
        for i in range(max(n // 10, 1))
    ]
    services = []
    for i in range(n):
        areas = sorted(rng.sample(REGIONS, rng.randint(1, 5)))
        # a service's branches lie in its service areas (the branch ids are region names)
        local = [b for b in BRANCHES if b in areas]
        branches = sorted(rng.sample(local, rng.randint(0, min(2, len(local)))))
        channels = sorted(rng.sample(CHANNELS, rng.randint(1, 4)))
        service: dict[str, Any] = {
            "id": f"svc-{i:05d}",
            "name": _text(rng, 2, 6),
            "description": _text(rng, 8, 18, sentences=3),
            "organization_id": rng.choice(orgs)["id"],
            "status": "active",
            "category": rng.choice(CATEGORIES),
            "eligibility_description": _text(rng, 6, 14),
            "fees_description": _text(rng, 2, 6),
            "free": rng.random() < 0.7,
            "languages": sorted(set(["lv", *rng.sample(LANGS, rng.randint(1, 4))])),
            "channels": channels,
            "phones": [{"number": _phone(rng)}],
        }
        if rng.random() < 0.2:
            service["interpreter_languages"] = sorted(rng.sample(LANGS[3:], 2))
        # every channel needs its contact: an e-mail and a Skype name of the service's own
        if "email" in channels or rng.random() < 0.3:
            service["email"] = f"svc{i}@example.org"
        if "skype" in channels:
            service["skype"] = f"svc.{i:05d}"
        if branches:
            service["branches"] = branches
        service["service_areas"] = areas
        service["schedules"] = _hours()
        service["last_reviewed"] = checked
        service["sources"] = _cited(checked)
        services.append(service)
    # the real branches and their organizations, so places and contacts stay realistic
    contacts = yaml.safe_load((REAL / "contacts.yaml").read_text(encoding="utf-8"))
    real_orgs = yaml.safe_load((REAL / "services.yaml").read_text(encoding="utf-8"))
    orgs = real_orgs["organizations"] + orgs
    # the real services too: the guide pages link them, and the branches list them
    services = real_orgs["services"] + services
    start = date(2026, 1, 1)
    events = []
    for i in range(max(n // 4, 1)):
        day = start + timedelta(days=rng.randint(0, 700))
        hour = rng.randint(9, 17)
        status = rng.choice(["scheduled"] * 8 + ["cancelled", "moved"])
        event = {
            "id": f"evt-{i:05d}",
            "kind": rng.choice(["informative_day", "cultural_evening", "seminar", "webinar"]),
            "title": _text(rng, 3, 7),
            "description": _text(rng, 10, 20, sentences=2),
            "start": f"{day}T{hour:02d}:00",
            "end": f"{day}T{hour + 2:02d}:00",
            "place": {"branch": rng.choice(BRANCHES)},
            "languages": ["lv", rng.choice(["ru", "en"])],
            "organizer": rng.choice(orgs)["id"],
            "free": True,
            "status": status,
            "sources": _cited(checked),
        }
        if status == "moved":
            event["previous_start"] = f"{day - timedelta(days=7)}T{hour:02d}:00"
        events.append(event)
    courses = []
    for i in range(max(n // 10, 1)):
        first = start + timedelta(days=rng.randint(0, 500))
        kind = rng.choice(["latvian", "integration", "qualification"])
        courses.append(
            {
                "id": f"crs-{i:05d}",
                "title": _text(rng, 3, 7),
                "description": _text(rng, 10, 20, sentences=2),
                "kind": kind,
                **({"cefr_level": rng.choice(["A1", "A2", "B1"])} if kind == "latvian" else {}),
                "academic_hours": rng.choice([28, 40, 80, 120]),
                "languages": ["lv"],
                "start_date": str(first),
                "end_date": str(first + timedelta(days=rng.randint(14, 120))),
                "place": {"branch": rng.choice(BRANCHES)},
                "organizer": rng.choice(orgs)["id"],
                "free": rng.random() < 0.8,
                "registration_status": rng.choice(["open", "full", "closed"]),
                "registration": {"email": "konsultacijas@integration.lv"},
                "sources": _cited(checked),
            }
        )
    return {
        "services": {"organizations": orgs, "services": services},
        "contacts": contacts,
        "events": {"events": events},
        "courses": {"courses": courses},
    }


def write(out: Path, n: int, seed: int = 2026) -> None:
    """Write the synthetic data files into ``out/data``."""
    data = out / "data"
    data.mkdir(parents=True, exist_ok=True)
    for name, doc in generate(n, seed).items():
        text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=1000)
        (data / f"{name}.yaml").write_text(text, encoding="utf-8")
    # the figures do not grow with the register: the real file, for a complete data folder
    shutil.copyfile(REAL / "figures.yaml", data / "figures.yaml")
    shutil.copytree(REAL / "strings", data / "strings", dirs_exist_ok=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    write(args.out, args.n, args.seed)
