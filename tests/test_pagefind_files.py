"""ici.pagefind_files: Pagefind's bundle put in a fixed order, whatever order a run chose."""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
from pathlib import Path

import pytest

from ici.pagefind_files import (
    SIGNATURE,
    PagefindFormatError,
    cbor_decode,
    cbor_encode,
    read_index_file,
    stabilize,
)
from sitebuild import Built

META_FILTERS = 3


def _digests(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _write(path: Path, value: object) -> str:
    """Write an index file as Pagefind would; return its Pagefind name (hash)."""
    body = cbor_encode(value)
    path.write_bytes(gzip.compress(SIGNATURE + body))
    return hashlib.sha1(body).hexdigest()


def _shuffle(bundle: Path) -> None:
    """Put a built bundle in another order, as another Pagefind run may write it."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for lang, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = read_index_file(meta_path)
        listed = []
        for name, old in reversed(meta[META_FILTERS]):
            old_path = bundle / "filter" / f"{old}.pf_filter"
            filter_name, values = read_index_file(old_path)
            old_path.unlink()
            tmp = bundle / "filter" / "tmp.pf_filter"
            digest = _write(tmp, [filter_name, list(reversed(values))])
            tmp.rename(bundle / "filter" / f"{lang}_{digest[:7]}.pf_filter")
            listed.append([name, f"{lang}_{digest[:7]}"])
        meta[META_FILTERS] = listed
        meta_path.unlink()
        tmp = bundle / "meta.tmp"
        digest = _write(tmp, meta)
        info["hash"] = f"{lang}_{digest[: len(lang) + 8]}"
        tmp.rename(bundle / f"pagefind.{info['hash']}.pf_meta")
    entry["languages"] = dict(reversed(entry["languages"].items()))
    entry_path.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")


def test_another_order_gives_the_same_bundle(site: Built, tmp_path: Path) -> None:
    built = site.site / "pagefind"
    bundle = tmp_path / "pagefind"
    shutil.copytree(built, bundle)
    _shuffle(bundle)
    assert _digests(bundle) != _digests(built)
    stabilize(bundle)
    assert _digests(bundle) == _digests(built)
    stabilize(bundle)  # a second pass changes nothing
    assert _digests(bundle) == _digests(built)


def test_every_index_file_encodes_back_to_its_bytes(site: Built) -> None:
    files = [
        p
        for p in sorted((site.site / "pagefind").rglob("*"))
        if p.suffix in (".pf_filter", ".pf_meta", ".pf_index")
    ]
    assert len(files) > 20
    for path in files:
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(SIGNATURE), path.name
        body = data[len(SIGNATURE) :]
        assert cbor_encode(cbor_decode(body)) == body, path.name


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x81\xf6", "unsupported CBOR major type 7 at 1"),  # null: not in Pagefind's files
        (b"\xfb" + bytes(8), "unsupported CBOR major type 7 at 0"),  # a float
        (b"\x9f\xff", "unsupported CBOR item 0x9f at 0"),  # an array of unknown length
        (b"\x82\x01", "CBOR data ends early"),
        (b"\x01\x02", "1 bytes after the CBOR value"),
    ],
)
def test_an_unknown_format_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(PagefindFormatError) as err:
        cbor_decode(data)
    assert str(err.value) == message


def test_a_file_that_does_not_encode_back_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "en_0000000.pf_filter"
    # 1 written with a one-byte head (0x18 0x01) where the shortest head is 0x01
    path.write_bytes(gzip.compress(SIGNATURE + b"\x82\x61k\x81\x82\x61x\x81\x18\x01"))
    with pytest.raises(PagefindFormatError) as err:
        read_index_file(path)
    assert str(err.value) == "en_0000000.pf_filter: does not encode back to the same bytes"
