"""Anchors before the polls open: every station and every device key on the board, then the opening.

Before election day the board publishes one ``station`` entry per station (``ostan.station/1``: its
code, its unit's and constituencies' stable codes, and every registered device with its public key),
then one ``opening`` entry (``ostan.opening/1``). The opening entry's hash is the **opening head**:
printed in the election manifest (``ostan.manifest/1``, signed by the board's key) that parties and
observers keep from before the polls open. A station or device key that first appears on the board
after the opening is *late*: it is flagged, and minutes signed by such a key fail verification.

Everything here is pure: the board's entries and the documents go in, typed problems come out.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ostan.core.errors import DomainError
from ostan.core.polling.bulletin import BulletinEntry
from ostan.core.polling.canonical import canonical_json, load_json
from ostan.core.polling.devices import is_document_signature_valid, key_fingerprint, sign_document
from ostan.core.polling.minutes import is_minutes_signature_valid
from ostan.core.polling.publication import SignedMinutes
from ostan.core.polling.verify import Problem

STATION_FORMAT = "ostan.station/1"
OPENING_FORMAT = "ostan.opening/1"
MANIFEST_FORMAT = "ostan.manifest/1"
SIGNED_MANIFEST_FORMAT = "ostan.signed-manifest/1"
MANIFEST_CONTEXT = "ostan-manifest-v1"
STATION_KIND = "station"
OPENING_KIND = "opening"
MANIFEST_KIND = "manifest"


class AnchorInvalid(DomainError):
    code = "anchor_invalid"


class ManifestInvalid(DomainError):
    code = "manifest_invalid"


@dataclass(frozen=True)
class AnchoredDevice:
    device_id: str
    kind: str
    public_key: str  # hex

    @property
    def key_bytes(self) -> bytes:
        return bytes.fromhex(self.public_key)


@dataclass(frozen=True)
class StationAnchor:
    code: str
    unit_code: str  # the unit's stable code (its territory code)
    constituency_ids: tuple[str, ...]  # the published ids of the constituencies it serves, sorted
    devices: tuple[AnchoredDevice, ...]  # sorted by device id


def station_document(anchor: StationAnchor) -> dict[str, object]:
    return {
        "format": STATION_FORMAT,
        "station_code": anchor.code,
        "unit_code": anchor.unit_code,
        "constituency_ids": sorted(anchor.constituency_ids),
        "devices": [
            {"device_id": d.device_id, "kind": d.kind, "public_key": d.public_key}
            for d in sorted(anchor.devices, key=lambda d: d.device_id)
        ],
    }


def _text(data: Mapping[str, object], name: str) -> str:
    value = data.get(name)
    if not isinstance(value, str):
        raise AnchorInvalid(f"فیلد «{name}» در ثبت شعبه متن نیست.")
    return value


def station_from_json(data: object) -> StationAnchor:
    if not isinstance(data, Mapping) or data.get("format") != STATION_FORMAT:
        raise AnchorInvalid(f"ثبت شعبه باید شیء JSON با قالب «{STATION_FORMAT}» باشد.")
    cids, raw = data.get("constituency_ids"), data.get("devices")
    if not isinstance(cids, list) or not all(isinstance(c, str) for c in cids) or not isinstance(raw, list):
        raise AnchorInvalid("حوزه‌ها یا دستگاه‌های ثبت شعبه فهرست نیست.")
    devices = []
    for d in raw:
        if not isinstance(d, Mapping):
            raise AnchorInvalid("دستگاه ثبت شعبه شیء JSON نیست.")
        key = _text(d, "public_key")
        try:
            if len(bytes.fromhex(key)) != 32:
                raise ValueError(key)
        except ValueError as exc:
            raise AnchorInvalid("کلید عمومی دستگاه باید ۶۴ رقم شانزده‌شانزدهی باشد.") from exc
        devices.append(AnchoredDevice(_text(d, "device_id"), _text(d, "kind"), key))
    return StationAnchor(_text(data, "station_code"), _text(data, "unit_code"), tuple(cids), tuple(devices))


def opening_document(*, round_number: int, station_codes: Iterable[str]) -> dict[str, object]:
    codes = sorted(station_codes)
    return {"format": OPENING_FORMAT, "round": round_number, "stations": len(codes),
            "station_codes_sha256": hashlib.sha256("\n".join(codes).encode()).hexdigest()}  # fmt: skip


@dataclass
class Anchors:
    """What the board anchored: stations before the opening, and any station entry after it."""

    opening: BulletinEntry | None = None
    stations: dict[str, StationAnchor] = field(default_factory=dict)  # before the opening
    late: list[tuple[BulletinEntry, StationAnchor]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # (station, constituency, signature) → the anchored key that signed, or None: each checked once
    signers: dict[tuple[str, str, bytes], bytes | None] = field(default_factory=dict)

    def keys(self, station_code: str) -> list[bytes]:
        anchor = self.stations.get(station_code)
        return [d.key_bytes for d in anchor.devices] if anchor else []

    def late_keys(self, station_code: str) -> list[bytes]:
        return [d.key_bytes for _, a in self.late if a.code == station_code for d in a.devices]


def read_anchors(chain: Sequence[BulletinEntry]) -> Anchors:
    """The station entries before the first ``opening`` entry, and those after it (late)."""
    found = Anchors()
    for entry in chain:
        if entry.kind == OPENING_KIND and found.opening is None:
            found.opening = entry
            continue
        if entry.kind != STATION_KIND:
            continue
        try:
            anchor = station_from_json(load_json(entry.payload))
        except DomainError as exc:
            found.problems.append(Problem("unreadable_anchor", f"chain#{entry.seq}", exc.message))
            continue
        if found.opening is None:
            found.stations[anchor.code] = anchor  # a station registered twice before opening: the later counts
        else:
            found.late.append((entry, anchor))
            text = f"شعبهٔ {anchor.code} پس از گشایش (مدخل {found.opening.seq}) روی تابلو ثبت شده است."
            found.problems.append(Problem("anchor_after_opening", anchor.code, text))
    return found


def minutes_signer(anchors: Anchors, signed: SignedMinutes) -> bytes | None:
    """The anchored key (before the opening) that signed these minutes, or None."""
    m = signed.minutes
    memo = (m.station_code, m.constituency_id, signed.signature)
    if memo not in anchors.signers:
        found = (k for k in anchors.keys(m.station_code) if is_minutes_signature_valid(k, m, signed.signature))
        anchors.signers[memo] = next(found, None)
    return anchors.signers[memo]


def anchor_problems(
    anchors: Anchors, minutes: Sequence[SignedMinutes], published_constituencies: Iterable[str]
) -> list[Problem]:
    """Step 3 of docs/verification.md: every minutes is signed by a key anchored before the opening,
    from a station anchored before it, for a constituency that station serves; and every anchored
    station has minutes for each of its constituencies whose result is published."""
    problems = list(anchors.problems)
    if anchors.opening is None:
        if minutes:
            text = "تابلو پیش از صورتجلسه‌ها هیچ مدخل گشایشی (ثبت شعبه‌ها و کلیدها پیش از رأی‌گیری) ندارد."
            problems.append(Problem("anchors_missing", "chain", text))
        return problems
    seen: set[tuple[str, str]] = set()
    for signed in minutes:
        m = signed.minutes
        seen.add((m.station_code, m.constituency_id))
        named = f"شعبهٔ {m.station_code}، حوزهٔ {m.constituency_id}"
        anchor = anchors.stations.get(m.station_code)
        if anchor is None:
            problems.append(
                Problem("station_not_anchored", m.station_code, f"{named}: شعبه پیش از گشایش ثبت نشده است.")
            )
        elif m.constituency_id not in anchor.constituency_ids:
            text = f"{named}: این حوزه در ثبت شعبه پیش از گشایش نیست."
            problems.append(Problem("station_constituency_not_anchored", m.station_code, text))
        if minutes_signer(anchors, signed) is None:
            late = any(is_minutes_signature_valid(k, m, signed.signature) for k in anchors.late_keys(m.station_code))
            code = "device_key_late" if late else "device_key_not_anchored"
            text = f"{named}: صورتجلسه با کلیدی امضا شده که پیش از گشایش روی تابلو ثبت نشده است."
            problems.append(Problem(code, m.station_code, text))
    published = set(published_constituencies)
    for code, anchor in sorted(anchors.stations.items()):
        for cid in anchor.constituency_ids:
            if cid in published and (code, cid) not in seen:
                text = f"شعبهٔ {code}، حوزهٔ {cid}: شعبه پیش از گشایش ثبت شده ولی صورتجلسه‌اش منتشر نشده است."
                problems.append(Problem("station_minutes_missing", code, text))
    return problems


def derived_keys(anchors: Anchors, minutes: Sequence[SignedMinutes]) -> dict[str, object]:
    """The parts of ``keys.json`` the board itself fixes: every anchored device, and per station and
    constituency the anchored key that signed its minutes (``keys.json`` must agree with them)."""
    devices = {
        code: [{"device_id": d.device_id, "kind": d.kind, "public_key": d.public_key} for d in a.devices]
        for code, a in sorted(anchors.stations.items())
    }
    minutes_keys: dict[str, dict[str, str]] = {}
    for signed in minutes:
        key = minutes_signer(anchors, signed)
        if key is not None:
            minutes_keys.setdefault(signed.minutes.station_code, {})[signed.minutes.constituency_id] = key.hex()
    return {"devices": devices, "minutes_keys": minutes_keys}


# The election manifest -------------------------------------------------------------------------------


def manifest_document(
    *, board_public_key: bytes, log_id: str, round_number: int, stations: Iterable[StationAnchor],
    constituencies: Mapping[str, str], opening: BulletinEntry, issued_at: str,
) -> dict[str, object]:  # fmt: skip
    """The manifest: what the board fixed before the polls opened. ``constituencies`` maps each
    constituency's published id to the SHA-256 of its ``constituency`` entry's payload."""
    return {
        "format": MANIFEST_FORMAT,
        "log_id": log_id,
        "round": round_number,
        "board_public_key": board_public_key.hex(),
        "board_key_fingerprint": key_fingerprint(board_public_key),
        "stations": [station_document(a) for a in sorted(stations, key=lambda a: a.code)],
        "constituencies": dict(sorted(constituencies.items())),
        "opening": {"seq": opening.seq, "entry_hash": opening.entry_hash},
        "issued_at": issued_at,
    }


def sign_manifest(document: Mapping[str, object], private_key: bytes) -> dict[str, object]:
    signature = sign_document(private_key, MANIFEST_CONTEXT, canonical_json(document))
    return {"format": SIGNED_MANIFEST_FORMAT, "manifest": dict(document),
            "signature": base64.b64encode(signature).decode("ascii")}  # fmt: skip


@dataclass(frozen=True)
class Manifest:
    document: Mapping[str, object]
    board_public_key: bytes
    opening_seq: int
    opening_hash: str
    stations: Mapping[str, StationAnchor]
    constituencies: Mapping[str, str]


def read_manifest(data: object, *, board_public_key: bytes | None = None) -> Manifest:
    """A signed manifest whose signature verifies under its own board key, which must equal
    ``board_public_key`` when one is pinned; anything else is :class:`ManifestInvalid`."""
    if not isinstance(data, Mapping) or data.get("format") != SIGNED_MANIFEST_FORMAT:
        raise ManifestInvalid(f"بیانیهٔ انتخابات باید شیء JSON با قالب «{SIGNED_MANIFEST_FORMAT}» باشد.")
    doc, signature = data.get("manifest"), data.get("signature")
    if not isinstance(doc, Mapping) or doc.get("format") != MANIFEST_FORMAT or not isinstance(signature, str):
        raise ManifestInvalid("بیانیهٔ انتخابات ناقص است.")
    try:
        key = bytes.fromhex(str(doc.get("board_public_key")))
        raw = base64.b64decode(signature, validate=True)
        opening = doc.get("opening")
        assert isinstance(opening, Mapping)
        seq, head = opening.get("seq"), opening.get("entry_hash")
        assert isinstance(seq, int)
        assert isinstance(head, str)
        stations_raw, constituencies = doc.get("stations"), doc.get("constituencies")
        assert isinstance(stations_raw, list)
        assert isinstance(constituencies, Mapping)
        stations = {a.code: a for a in (station_from_json(s) for s in stations_raw)}
    except (ValueError, binascii.Error, AssertionError, AnchorInvalid) as exc:
        raise ManifestInvalid("بیانیهٔ انتخابات خوانا نیست.") from exc
    if board_public_key is not None and key != board_public_key:
        raise ManifestInvalid("کلید تابلو در بیانیه با کلید پین‌شده یکی نیست.", code="manifest_board_key_mismatch")
    if len(key) != 32 or not is_document_signature_valid(key, MANIFEST_CONTEXT, canonical_json(doc), raw):
        raise ManifestInvalid("امضای بیانیهٔ انتخابات با کلید تابلو درست نیست.", code="manifest_signature_invalid")
    cmap = {str(k): str(v) for k, v in constituencies.items()}
    return Manifest(doc, key, seq, head, stations, cmap)


def manifest_problems(manifest: Manifest, chain: Sequence[BulletinEntry], anchors: Anchors) -> list[Problem]:
    """The board agrees with the manifest kept from before the polls opened: the same opening head at
    the same place, the same stations and device keys, the same constituency files before the opening."""
    problems: list[Problem] = []
    at = chain[manifest.opening_seq] if 0 <= manifest.opening_seq < len(chain) else None
    if at is None or at.entry_hash != manifest.opening_hash or at.kind != OPENING_KIND:
        text = f"مدخل {manifest.opening_seq} زنجیره چکیدهٔ گشایش بیانیه ({manifest.opening_hash[:16]}…) را ندارد."
        problems.append(Problem("opening_head_mismatch", f"chain#{manifest.opening_seq}", text))
    if dict(anchors.stations) != dict(manifest.stations):
        changed = sorted(set(anchors.stations.items()) ^ set(manifest.stations.items()))
        names = "، ".join(sorted({code for code, _ in changed}))
        text = f"شعبه‌ها یا کلیدهای ثبت‌شده پیش از گشایش با بیانیه یکی نیست: {names}"
        problems.append(Problem("manifest_stations_mismatch", "manifest", text))
    before = constituency_hashes(chain, until=manifest.opening_seq)
    if before != dict(manifest.constituencies):
        text = "پرونده‌های حوزه پیش از گشایش با بیانیه یکی نیست."
        problems.append(Problem("manifest_constituency_mismatch", "manifest", text))
    return problems


def constituency_hashes(chain: Sequence[BulletinEntry], *, until: int) -> dict[str, str]:
    """Constituency id → SHA-256 of the latest ``constituency`` entry's payload at or before ``until``."""
    found: dict[str, str] = {}
    for entry in chain[: until + 1]:
        if entry.kind != "constituency":
            continue
        try:
            data = load_json(entry.payload)
        except DomainError:
            continue
        inner = data.get("constituency") if isinstance(data, Mapping) else None
        if isinstance(inner, Mapping):
            found[str(inner.get("id"))] = hashlib.sha256(entry.payload).hexdigest()
    return found
