"""A small CBOR codec (RFC 8949): just what Pagefind's index files use.

Integers, byte and text strings, arrays and maps, with definite lengths;
encoding always uses the shortest form, which is what Pagefind writes.
"""

from __future__ import annotations

import struct
from typing import Any

_UINT = {24: (1, ">B"), 25: (2, ">H"), 26: (4, ">I"), 27: (8, ">Q")}


class CBORError(ValueError):
    """The bytes are not CBOR of the supported kinds."""


def decode(data: bytes) -> Any:
    value, end = _decode(data, 0)
    if end != len(data):
        raise CBORError(f"{len(data) - end} bytes after the value")
    return value


def _decode(data: bytes, position: int) -> tuple[Any, int]:
    major, argument, position = _read_head(data, position)
    if major == 0:
        return argument, position
    if major == 1:
        return -1 - argument, position
    if major in (2, 3):
        if position + argument > len(data):
            raise CBORError("the data ends inside a string")
        raw = data[position : position + argument]
        return (raw if major == 2 else raw.decode("utf-8")), position + argument
    if major == 4:
        items = []
        for _ in range(argument):
            item, position = _decode(data, position)
            items.append(item)
        return items, position
    if major == 5:
        mapping = {}
        for _ in range(argument):
            key, position = _decode(data, position)
            mapping[key], position = _decode(data, position)
        return mapping, position
    raise CBORError(f"unsupported major type {major}")


def _read_head(data: bytes, position: int) -> tuple[int, int, int]:
    """The major type, the argument and where the value's content starts."""
    if position >= len(data):
        raise CBORError("the data ends inside a value")
    major, info = data[position] >> 5, data[position] & 31
    position += 1
    if info < 24:
        return major, info, position
    if info not in _UINT:
        raise CBORError(f"unsupported additional information {info}")
    size, form = _UINT[info]
    if position + size > len(data):
        raise CBORError("the data ends inside a value")
    return major, struct.unpack(form, data[position : position + size])[0], position + size


def encode(value: Any) -> bytes:
    if isinstance(value, bool) or value is None:
        raise CBORError(f"unsupported value {value!r}")
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(encode(item) for item in value)
    if isinstance(value, dict):
        return _head(5, len(value)) + b"".join(encode(k) + encode(v) for k, v in value.items())
    raise CBORError(f"unsupported value of type {type(value).__name__}")


def _head(major: int, argument: int) -> bytes:
    if argument < 24:
        return bytes([major << 5 | argument])
    for info, (size, form) in _UINT.items():
        if argument < 1 << (8 * size):
            return bytes([major << 5 | info]) + struct.pack(form, argument)
    raise CBORError(f"argument {argument} too large")
