"""The shared vocabularies of the data, in display order: regions, service categories,
channels and provider types.

The values are the enums of schemas/common.schema.json and schemas/services.schema.json
(tests/test_vocab.py keeps them equal); every module that orders or lists them imports
them from here.
"""

from __future__ import annotations

REGIONS = ("riga", "kurzeme", "zemgale", "vidzeme", "latgale")
# the register's own folders beside the service pages (register/<id>/): listing pages by
# topic, region and of the ended services, and the filters' per-facet files
REGISTER_FOLDERS = frozenset({"topic", "region", "ended", "facets"})
# the event and course listings' own folders beside their record pages (events/<id>/):
# the listing pages of the upcoming and of the past entries (schemas/*.schema.json too)
LISTING_FOLDERS = ("upcoming", "archive")
CATEGORIES = (
    "residence",
    "work",
    "business",
    "family",
    "education",
    "health",
    "social",
    "housing",
    "taxes",
    "language",
    "psychological",
    "trafficking",
    "interpreting",
    "rights",
    "integration",
    "specialists",
    "information",
)
CHANNELS = ("in_person", "phone", "email", "skype", "online")
PROVIDER_TYPES = ("state", "municipal", "ngo")
