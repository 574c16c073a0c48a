"""The two files anyone downloads to run ``ostan verify``: the chain as JSON Lines and the public keys.

``chain.jsonl``: one ``entry_to_json`` object per line, in sequence order. ``keys.json``
(``ostan.keys/1``): the board's public key, the head hash at the moment of export (the figure read out
at announcement) and, per station, the public key of the device that signed its minutes, with every
device the station registered. ``minutes_keys`` gives the signing key per station *and* constituency
(the constituency's published id, as in the minutes): a station serving two constituencies signs two
minutes, possibly with two devices.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ostan.core.polling.bulletin import entry_to_json
from ostan.polling.models import Device, StationMinutes
from ostan.publication import board
from ostan.publication.models import Board, BulletinEntry, StationPublication

KEYS_FORMAT = "ostan.keys/1"
CHAIN_FILE = "chain.jsonl"
KEYS_FILE = "keys.json"
CHUNK = 2_000


def chain_lines(up_to: int | None = None) -> Iterator[str]:
    rows = BulletinEntry.objects.order_by("seq")
    if up_to is not None:
        rows = rows.filter(seq__lte=up_to)
    for row in rows.iterator(chunk_size=CHUNK):
        yield json.dumps(entry_to_json(board.core_entry(row)), ensure_ascii=False, separators=(",", ":")) + "\n"


def keys_document() -> dict[str, object]:
    head = Board.objects.filter(pk=board.BOARD_PK).first()
    published = StationPublication.objects.values_list("station_id", flat=True)
    signed = StationMinutes.objects.filter(station_id__in=published, signed_by__isnull=False)
    signers = signed.values_list("station__code", "signed_by__public_key")
    minutes_keys: dict[str, dict[str, str]] = {}
    for code, cid, key in signed.order_by("station__code").values_list(
        "station__code", "document__constituency_id", "signed_by__public_key"
    ):
        minutes_keys.setdefault(code, {})[cid] = key
    devices: dict[str, list[dict[str, str]]] = {}
    for code, device_id, kind, key in (
        Device.objects.filter(station_id__in=published)
        .order_by("station__code", "device_id")
        .values_list("station__code", "device_id", "kind", "public_key")
    ):
        devices.setdefault(code, []).append({"device_id": device_id, "kind": kind, "public_key": key})
    return {
        "format": KEYS_FORMAT,
        "board_public_key": board.announced_public_key(),
        "chain_head": head.head_hash if head else "0" * 64,
        "chain_length": (head.head_seq + 1) if head else 0,
        "station_keys": dict(sorted(signers)),
        "minutes_keys": {code: dict(sorted(keys.items())) for code, keys in minutes_keys.items()},
        "devices": devices,
    }


def export_publication(directory: Path) -> tuple[int, str]:
    """Write chain.jsonl and keys.json into ``directory``; returns (entries, head hash)."""
    directory.mkdir(parents=True, exist_ok=True)
    keys = keys_document()
    entries = 0
    with (directory / CHAIN_FILE).open("w", encoding="utf-8") as out:
        for line in chain_lines(int(str(keys["chain_length"])) - 1):
            out.write(line)
            entries += 1
    (directory / KEYS_FILE).write_text(json.dumps(keys, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return entries, str(keys["chain_head"])
