"""Exports written as chunks are the files the whole-file writers gave: the same bytes (CSV),
the same parsed content one record a line (JSON)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import render_context
from golden import FIXTURE_SITE
from ici.chunks import content_bytes, json_list_chunks
from ici.dataset import load_dataset
from ici.exports_csv import COLUMNS, _csv_chunks, neutralise, service_row, services_csv
from ici.exports_hsds import hsds_service, services_json
from langs import LANGS

CASES = [
    [],
    [{}],
    [1, "two", None, [], {}],
    [{"name": "Rīga\nline two \u2028", "nested": [{"a": [1, {"b": "ü"}]}], "empty": []}],
    [{"id": str(i), "list": list(range(i))} for i in range(5)],
]


@pytest.mark.parametrize("items", CASES)
def test_json_chunks_are_the_list_one_item_a_line(items: list) -> None:
    text = content_bytes(json_list_chunks(iter(items))).decode("utf-8")
    assert json.loads(text) == items
    lines = text.split("\n")
    if not items:
        assert lines == ["[]", ""]
        return
    # "[", one line per item (a comma after all but the last), "]", and a final line break
    assert lines[0] == "[" and lines[-2:] == ["]", ""]
    body = lines[1:-2]
    assert [json.loads(line.removesuffix(",")) for line in body] == items
    assert [line.endswith(",") for line in body] == [True] * (len(items) - 1) + [False]
    # json's own text of each item, UTF-8 unescaped (ensure_ascii=False)
    assert body == [
        json.dumps(item, ensure_ascii=False) + ("," if i < len(items) - 1 else "")
        for i, item in enumerate(items)
    ]


def test_a_chunked_export_equals_the_whole_file() -> None:
    ds = load_dataset(FIXTURE_SITE)
    for lang in LANGS:
        ctx = render_context(ds, lang)
        services = list(ds.services.values())
        assert len(services) > 1
        records = [hsds_service(ctx, r) for r in services]
        text = content_bytes(services_json(ctx)["data/services.json"]).decode("utf-8")
        assert json.loads(text) == records
        assert text.count("\n") == len(services) + 2  # "[", a service a line, "]"
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        for rec in services:
            writer.writerow({k: neutralise(v) for k, v in service_row(ctx, rec).items()})
        table = content_bytes(services_csv(ctx)["data/services.csv"])
        assert table == out.getvalue().encode("utf-8-sig")
        assert table.count(b"\r\n") == len(services) + 1
        # a row at a time: the same table
        assert content_bytes(_csv_chunks(ctx, rows=1)) == table
