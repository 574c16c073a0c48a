"""The files anyone downloads to run ``ostan verify``: the chain as JSON Lines, the public keys, the
election manifest (``manifest.json``) and the latest signed tree head with its cosignatures
(``tree-head.json``, ``ostan.witnessed-head/1``).

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

from ostan.core.polling.anchors import STATION_KIND, station_document, station_from_json
from ostan.core.polling.bulletin import entry_to_json
from ostan.polling.models import Device, StationMinutes
from ostan.publication import board, tree
from ostan.publication.models import Board, BulletinEntry, ElectionManifest, StationPublication, TreeHead

KEYS_FORMAT = "ostan.keys/1"
CHAIN_FILE = "chain.jsonl"
KEYS_FILE = "keys.json"
MANIFEST_FILE = "manifest.json"
TREE_HEAD_FILE = "tree-head.json"
WITNESSED_HEAD_FORMAT = "ostan.witnessed-head/1"
CHUNK = 2_000


def chain_lines(up_to: int | None = None) -> Iterator[str]:
    rows = BulletinEntry.objects.order_by("seq")
    if up_to is not None:
        rows = rows.filter(seq__lte=up_to)
    for row in rows.iterator(chunk_size=CHUNK):
        yield json.dumps(entry_to_json(board.core_entry(row)), ensure_ascii=False, separators=(",", ":")) + "\n"


def anchored_devices() -> dict[str, list[dict[str, str]]]:
    """Each station's devices as its latest ``station`` entry on the board anchors them."""
    found: dict[str, list[dict[str, str]]] = {}
    for subject, payload in (
        BulletinEntry.objects.filter(kind=STATION_KIND).order_by("seq").values_list("subject", "payload")
    ):
        found[subject] = station_document(station_from_json(json.loads(payload)))["devices"]  # type: ignore[assignment]
    return found


def manifest_document() -> dict[str, object] | None:
    """The latest round's signed manifest, as published at its opening."""
    row = ElectionManifest.objects.order_by("-created_at").first()
    return dict(row.document) if row else None


def tree_head_document(up_to_size: int | None = None) -> dict[str, object] | None:
    """The latest signed head (no larger than ``up_to_size``) with every cosignature the board received."""
    heads = TreeHead.objects.order_by("-tree_size", "-issued_at")
    if up_to_size is not None:
        heads = heads.filter(tree_size__lte=up_to_size)
    row = heads.first()
    if row is None:
        return None
    return {"format": WITNESSED_HEAD_FORMAT, "head": tree.head_json(row), "cosignatures": tree.cosignatures_json(row)}


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
    devices: dict[str, list[dict[str, str]]] = anchored_devices()
    unanchored: set[str] = set()  # stations of rounds never opened: their devices as registered
    for code, device_id, kind, key in (
        Device.objects.filter(station_id__in=published)
        .order_by("station__code", "device_id")
        .values_list("station__code", "device_id", "kind", "public_key")
    ):
        if code not in devices or code in unanchored:
            unanchored.add(code)
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
    for name, document in ((MANIFEST_FILE, manifest_document()), (TREE_HEAD_FILE, tree_head_document(entries))):
        if document is not None:
            (directory / name).write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return entries, str(keys["chain_head"])
