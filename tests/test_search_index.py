"""The search index's files are made reproducible: their CBOR, and the sorting."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import cbor2
import pytest

from dearconstituent.searchindex import MAGIC, decode_cbor, make_deterministic


@pytest.mark.parametrize(
    "value",
    [
        0,
        23,
        24,
        255,
        256,
        65535,
        65536,
        2**32,
        -1,
        -25,
        "",
        "Alister Jack",
        "¶",
        b"\x00\xff",
        [],
        [1, [2, ["three"]]],
        {"a": 1, "b": [2]},
        ["1.5.2", [["en-gb_e85b1af", 436]], [["topic", "en-gb_bcca999"]], [["date", [0]]]],
    ],
)
def test_cbor_round_trips(value: object) -> None:
    assert cbor2.loads(cbor2.dumps(value)) == value


def test_cbor_is_written_in_pagefinds_shortest_form() -> None:
    """Re-sorted files are written as Pagefind writes them: definite lengths, shortest heads."""
    assert cbor2.dumps(23) == b"\x17"
    assert cbor2.dumps(24) == b"\x18\x18"
    assert cbor2.dumps(256) == b"\x19\x01\x00"
    assert cbor2.dumps("ab") == b"\x62ab"
    assert cbor2.dumps([1, 2]) == b"\x82\x01\x02"
    assert cbor2.dumps({"a": [b"\x00"]}) == b"\xa1\x61a\x81\x41\x00"


@pytest.mark.parametrize("data", [b"", b"\x18", b"\x62a", b"\x1c", b"\xff", b"\x01\x02"])
def test_cbor_refuses_what_it_cannot_read(data: bytes) -> None:
    with pytest.raises((cbor2.CBORError, ValueError)):
        decode_cbor(data)


def write(path: Path, content: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(MAGIC + cbor2.dumps(content), mtime=0))


def bundle(folder: Path, order: list[int]) -> Path:
    """A Pagefind bundle in miniature, with filters and values in the given order."""
    values = [["Civic", [0, 2]], ["Heritage", [1]], ["Green", [3]]]
    filters = [["party", "en-gb_aaaaaaa"], ["year", "en-gb_bbbbbbb"]]
    write(folder / "filter" / "en-gb_aaaaaaa.pf_filter", ["party", [values[i] for i in order]])
    write(folder / "filter" / "en-gb_bbbbbbb.pf_filter", ["year", [["2019", [0, 1, 2, 3]]]])
    meta = [
        "1.5.2",
        [["en-gb_f", 10]],
        [["0", "z", "en-gb_i"]],
        filters if order[0] == 0 else filters[::-1],
        [["date", [0]]],
        ["title"],
    ]
    write(folder / "pagefind.en-gb_0000000000000.pf_meta", meta)
    entry = {
        "version": "1.5.2",
        "languages": {"en-gb": {"hash": "en-gb_0000000000000", "wasm": "en-gb", "page_count": 4}},
    }
    (folder / "pagefind-entry.json").write_text(json.dumps(entry), encoding="utf-8")
    return folder


def files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_two_orders_of_the_same_index_become_the_same_bytes(tmp_path: Path) -> None:
    first = bundle(tmp_path / "one", [0, 1, 2])
    second = bundle(tmp_path / "two", [2, 0, 1])
    assert files(first) != files(second)
    make_deterministic(first)
    make_deterministic(second)
    assert files(first) == files(second)
    entry = json.loads((first / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta_name = f"pagefind.{entry['languages']['en-gb']['hash']}.pf_meta"
    meta = cbor2.loads(gzip.decompress((first / meta_name).read_bytes())[len(MAGIC) :])
    assert [name for name, _ in meta[3]] == ["party", "year"]
    party = meta[3][0][1]
    content = cbor2.loads(
        gzip.decompress((first / "filter" / f"{party}.pf_filter").read_bytes())[len(MAGIC) :]
    )
    assert [value for value, _ in content[1]] == ["Civic", "Green", "Heritage"]
