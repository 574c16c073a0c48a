"""Canonical JSON: one byte string per document, so hashes and signatures can be recomputed anywhere.

``json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`` encoded as UTF-8.
Only objects with string keys, arrays, strings, integers, booleans and null are allowed: no floats,
whose text differs between languages. For such values this is the JSON Canonicalization Scheme
(RFC 8785) as long as keys are ASCII, which every key of our documents is.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence

from ostan.core.polling.errors import InvalidDocument


def _check(value: object, where: str) -> None:
    if value is None or isinstance(value, (str, bool, int)):
        return
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                raise InvalidDocument(f"کلید «{key!r}» در {where} متن نیست.")
            _check(item, f"{where}.{key}")
        return
    if isinstance(value, Sequence) and not isinstance(value, (bytes, bytearray)):
        for i, item in enumerate(value):
            _check(item, f"{where}[{i}]")
        return
    raise InvalidDocument(f"مقدار {where} در JSON متعارف پذیرفته نیست (عدد اعشاری یا نوع ناشناخته).")


def _is_plain(value: object) -> bool:
    """True when ``value`` holds only exact dicts with text keys, lists, tuples, texts, ints, booleans and
    None: the shape of every document we publish, accepted without building a path per value. Anything
    else (a float, a subclass, another mapping) is left to :func:`_check`, which names the culprit."""
    stack = [value]
    while stack:
        current = stack.pop()
        kind = type(current)
        if kind is dict:
            for key, item in current.items():  # type: ignore[attr-defined]
                if type(key) is not str:
                    return False
                if type(item) is not str and type(item) is not int:
                    stack.append(item)
        elif kind is list or kind is tuple:
            stack.extend(item for item in current if type(item) is not str and type(item) is not int)  # type: ignore[attr-defined]
        elif not (kind is str or kind is int or kind is bool or current is None):
            return False
    return True


def canonical_json(value: object) -> bytes:
    """The canonical bytes of ``value`` (see the module docstring); floats and other types are refused."""
    if not _is_plain(value):
        _check(value, "$")
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load_json(data: bytes) -> object:
    """Parse published bytes; a malformed document is a typed error, never a crash."""
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidDocument("سند منتشرشده JSON درستی نیست.") from exc
