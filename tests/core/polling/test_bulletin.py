"""The hash-chained bulletin board: tampering of any kind is detected."""

from __future__ import annotations

import dataclasses
import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ostan.core.polling.bulletin import (
    GENESIS_HASH,
    BulletinEntry,
    append,
    entry_from_json,
    entry_hash,
    entry_to_json,
    verify_chain,
)
from ostan.core.polling.canonical import canonical_json
from ostan.core.polling.devices import device_keys
from ostan.core.polling.errors import InvalidBulletinEntry

HQ = device_keys(bytes(range(100, 132)))


def chain(payloads: list[bytes], *, private_key: bytes | None = None) -> list[BulletinEntry]:
    entries: list[BulletinEntry] = []
    for payload in payloads:
        entries.append(append(entries[-1] if entries else None, "notice", payload, private_key=private_key))
    return entries


PAYLOADS = [canonical_json({"n": i, "text": "اعلان"}) for i in range(5)]


def codes(entries: list[BulletinEntry], **options: object) -> list[str]:
    return [p.code for p in verify_chain(entries, **options)]  # type: ignore[arg-type]


def test_first_entry_hash_is_the_documented_concatenation() -> None:
    first = append(None, "seed", b'{"seed":"x"}')
    payload_hash = hashlib.sha256(b'{"seed":"x"}').hexdigest()
    expected = hashlib.sha256(b"ostan-bulletin-v1\x000\x00seed\x00" + b"0" * 64 + b"\x00" + payload_hash.encode())
    assert (first.seq, first.prev_hash, first.entry_hash) == (0, GENESIS_HASH, expected.hexdigest())


def test_intact_chain_has_no_problem() -> None:
    assert verify_chain(chain(PAYLOADS)) == []


def test_one_changed_payload_byte_is_detected() -> None:
    entries = chain(PAYLOADS)
    tampered = bytearray(entries[2].payload)
    tampered[5] ^= 1
    entries[2] = dataclasses.replace(entries[2], payload=bytes(tampered))
    assert codes(entries) == ["altered_entry"]


def test_rehashing_a_changed_entry_breaks_the_next_link() -> None:
    entries = chain(PAYLOADS)
    forged = dataclasses.replace(entries[2], payload=b"{}")
    entries[2] = dataclasses.replace(forged, entry_hash=entry_hash(2, "notice", forged.prev_hash, b"{}"))
    assert [(p.code, p.position) for p in verify_chain(entries)] == [("broken_link", 3)]


def test_dropped_entry_is_detected() -> None:
    entries = chain(PAYLOADS)
    del entries[1]
    assert set(codes(entries)) == {"bad_seq", "broken_link"}


def test_swapped_entries_are_detected() -> None:
    entries = chain(PAYLOADS)
    entries[1], entries[3] = entries[3], entries[1]
    assert set(codes(entries)) == {"bad_seq", "broken_link"}


def test_cut_off_end_is_caught_by_the_announced_head() -> None:
    entries = chain(PAYLOADS)
    head = entries[-1].entry_hash
    assert codes(entries[:-1]) == []
    assert codes(entries[:-1], expected_head=head) == ["head_mismatch"]
    assert codes(entries, expected_head=head) == []


def test_signed_chain_verifies_and_detects_missing_or_wrong_signatures() -> None:
    entries = chain(PAYLOADS, private_key=HQ.private_key)
    assert codes(entries, public_key=HQ.public_key) == []
    entries[0] = dataclasses.replace(entries[0], signature=None)
    entries[1] = dataclasses.replace(entries[1], signature=entries[2].signature)
    assert codes(entries, public_key=HQ.public_key) == ["missing_signature", "bad_signature"]


def test_entries_round_trip_through_json_lines() -> None:
    entries = chain(PAYLOADS, private_key=HQ.private_key)
    assert [entry_from_json(entry_to_json(e)) for e in entries] == entries


def test_kind_must_be_a_lower_case_word() -> None:
    with pytest.raises(InvalidBulletinEntry):
        append(None, "Minutes\x00", b"{}")


@given(st.lists(st.binary(max_size=40), min_size=2, max_size=8), st.data())
def test_any_single_byte_change_anywhere_is_detected(payloads: list[bytes], data: st.DataObject) -> None:
    entries = chain(payloads)
    i = data.draw(st.integers(0, len(entries) - 1))
    extra = data.draw(st.binary(min_size=1, max_size=3))
    entries[i] = dataclasses.replace(entries[i], payload=entries[i].payload + extra)
    assert "altered_entry" in codes(entries)
