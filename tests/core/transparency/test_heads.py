"""Signed tree heads: the documented canonical bytes, signatures, and strict reading."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from nacl.signing import VerifyKey

from ostan.core.polling.devices import key_fingerprint
from ostan.core.transparency import (
    InvalidKey,
    SignedTreeHead,
    TreeHead,
    TreeHeadInvalid,
    TreeHeadSignatureInvalid,
    key_id,
    public_key,
    sign_tree_head,
    signed_head_from_json,
    signed_head_to_json,
    tree_head_bytes,
    tree_head_from_bytes,
    verify_tree_head,
)

from .conftest import LOG_ID, LOG_SEED, WITNESS_SEEDS, flip

ROOT8 = bytes.fromhex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")
HEAD = TreeHead(LOG_ID, 8, ROOT8, dt.datetime(2025, 6, 13, 8, 30, 15, 123456, tzinfo=dt.UTC))
CANONICAL = (
    b"ostan-tree-head-v1\nostan/round-7\n8\n5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328\n"
    b"2025-06-13T08:30:15.123Z"
)
# Ed25519 is deterministic (RFC 8032): the signature of CANONICAL by the test log key, pinned.
SIGNATURE = bytes.fromhex(
    "e02dfc5d99ea8613d2f0e60436b9f2e7f1fbbee96aebba0076cc1f470ae20eca"
    "3daf5df37255caeec13b17069f2c7ecc02682bac2f8fd7ebf7920c1846917f07"
)


def test_canonical_form_is_the_documented_text() -> None:
    assert tree_head_bytes(HEAD) == CANONICAL
    assert tree_head_from_bytes(CANONICAL) == HEAD


def test_time_is_kept_in_utc_to_the_millisecond() -> None:
    tehran = dt.timezone(dt.timedelta(hours=3, minutes=30))
    same = TreeHead(LOG_ID, 8, ROOT8, dt.datetime(2025, 6, 13, 12, 0, 15, 123999, tzinfo=tehran))
    assert same == HEAD
    assert same.issued_at.tzinfo == dt.UTC
    with pytest.raises(TreeHeadInvalid):
        TreeHead(LOG_ID, 8, ROOT8, dt.datetime(2025, 6, 13, 8, 30))


def test_signature_is_ed25519_over_the_canonical_bytes() -> None:
    signed = sign_tree_head(HEAD, LOG_SEED)
    assert signed.signature == SIGNATURE
    VerifyKey(public_key(LOG_SEED)).verify(CANONICAL, SIGNATURE)  # PyNaCl, on the documented bytes alone
    verify_tree_head(signed, public_key(LOG_SEED))


@pytest.mark.parametrize(
    "change",
    [
        {"log_id": "ostan/round-8"},
        {"tree_size": 9},
        {"root_hash": flip(ROOT8)},
        {"issued_at": HEAD.issued_at + dt.timedelta(milliseconds=1)},
    ],
    ids=["log_id", "tree_size", "root_hash", "issued_at"],
)
def test_any_changed_field_breaks_the_signature(change: dict) -> None:
    forged = SignedTreeHead(dataclasses.replace(HEAD, **change), SIGNATURE)
    with pytest.raises(TreeHeadSignatureInvalid) as caught:
        verify_tree_head(forged, public_key(LOG_SEED))
    assert caught.value.code == "tree_head_signature_invalid"


def test_another_key_or_a_mangled_signature_fails() -> None:
    with pytest.raises(TreeHeadSignatureInvalid):
        verify_tree_head(SignedTreeHead(HEAD, SIGNATURE), public_key(WITNESS_SEEDS[0]))
    for bad in (flip(SIGNATURE, 9), SIGNATURE[:-1], b""):
        with pytest.raises(TreeHeadSignatureInvalid):
            verify_tree_head(SignedTreeHead(HEAD, bad), public_key(LOG_SEED))


def test_keys_of_the_wrong_length_are_refused() -> None:
    with pytest.raises(InvalidKey):
        sign_tree_head(HEAD, LOG_SEED[:31])
    with pytest.raises(InvalidKey):
        verify_tree_head(SignedTreeHead(HEAD, SIGNATURE), b"\x00" * 33)


def test_key_id_is_the_device_fingerprint() -> None:
    assert key_id(public_key(LOG_SEED)) == key_fingerprint(public_key(LOG_SEED)) == "f14bb71e4a7fa65a"


@pytest.mark.parametrize(
    "data",
    [
        CANONICAL + b"\n",  # a final newline
        CANONICAL.replace(b"\n8\n", b"\n08\n"),  # a leading zero
        CANONICAL.replace(b"5dc9da", b"5DC9DA"),  # upper-case hex
        CANONICAL.replace(b".123Z", b"Z"),  # no milliseconds
        CANONICAL.replace(b".123Z", b".123+00:00"),
        CANONICAL.replace(b"ostan-tree-head-v1", b"ostan-tree-head-v2"),
        CANONICAL.replace(b"ostan/round-7", b"Ostan/round-7"),
        CANONICAL.replace(b"\n8\n", b"\n-8\n"),
        CANONICAL.replace(b"2025-06-13", b"2025-02-30"),
        CANONICAL.replace(b"\n", b"\r\n"),
        "ostan-tree-head-v1\nاستان\n8\n".encode(),
    ],
)
def test_only_the_canonical_bytes_are_read(data: bytes) -> None:
    with pytest.raises(TreeHeadInvalid):
        tree_head_from_bytes(data)


@pytest.mark.parametrize(
    "fields",
    [
        {"log_id": ""},
        {"log_id": "a\nb"},
        {"log_id": "x" * 129},
        {"tree_size": -1},
        {"tree_size": 2**63},
        {"tree_size": True},
        {"root_hash": ROOT8[:31]},
    ],
)
def test_impossible_heads_are_refused(fields: dict) -> None:
    with pytest.raises(TreeHeadInvalid):
        dataclasses.replace(HEAD, **fields)


def test_published_document_round_trips() -> None:
    signed = SignedTreeHead(HEAD, SIGNATURE)
    document = signed_head_to_json(signed)
    assert document["format"] == "ostan.tree-head/1"
    assert document["issued_at"] == "2025-06-13T08:30:15.123Z"
    assert signed_head_from_json(document) == signed


@pytest.mark.parametrize(
    "change",
    [
        {"format": "ostan.tree-head/2"},
        {"tree_size": "8"},
        {"root_hash": None},
        {"signature": "not base64!"},
        {"signature": "AAAA"},
        {"issued_at": "2025-06-13T08:30:15Z"},
    ],
)
def test_malformed_documents_are_refused(change: dict) -> None:
    document = {**signed_head_to_json(SignedTreeHead(HEAD, SIGNATURE)), **change}
    with pytest.raises(TreeHeadInvalid):
        signed_head_from_json(document)


@given(
    st.from_regex(r"[a-z0-9][a-z0-9._:/-]{0,40}", fullmatch=True),
    st.integers(0, 2**63 - 1),
    st.binary(min_size=32, max_size=32),
    st.datetimes(timezones=st.just(dt.UTC)),
)
def test_every_head_round_trips_through_its_bytes(log_id: str, size: int, root: bytes, moment: dt.datetime) -> None:
    head = TreeHead(log_id, size, root, moment)
    assert tree_head_from_bytes(tree_head_bytes(head)) == head
