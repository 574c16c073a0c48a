"""The pure cores behind issue 14 without a database: anchors, the manifest, the board's order rules,
roll-ups and the inputs digest, on the small council election of conftest."""

from __future__ import annotations

import hashlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ostan.core.counting import count
from ostan.core.polling import anchors as core
from ostan.core.polling.board_rules import board_rule_problems
from ostan.core.polling.bulletin import BulletinEntry, append
from ostan.core.polling.canonical import canonical_json
from ostan.core.polling.inputs import inputs_digest
from ostan.core.polling.publication import documents_from_chain
from ostan.core.polling.rollups import rollup_document, rollup_problems

from .conftest import HQ_KEYS, STATION_BALLOTS, STATION_KEYS, TOWN, published_chain


def anchored_chain(late: str | None = None) -> list[BulletinEntry]:
    """The conftest day with every station anchored before an opening entry (``late``: after it)."""
    entries: list[BulletinEntry] = []

    def post(kind: str, doc: object) -> None:
        entries.append(
            append(entries[-1] if entries else None, kind, canonical_json(doc), private_key=HQ_KEYS.private_key)
        )

    def anchor(code: str) -> dict[str, object]:
        device = core.AnchoredDevice(f"{code}-v", "voting", STATION_KEYS[code].public_key.hex())
        return core.station_document(core.StationAnchor(code, "U-1", ("C-1",), (device,)))

    for code in STATION_BALLOTS:
        if code != late:
            post("station", anchor(code))
    post("opening", core.opening_document(round_number=7, station_codes=STATION_BALLOTS))
    if late:
        post("station", anchor(late))
    for e in published_chain():
        post(e.kind, json.loads(e.payload))
    return entries


def problems_of(chain: list[BulletinEntry]) -> set[str]:
    docs = documents_from_chain(chain)
    anchors = core.read_anchors(chain)
    return {p.code for p in core.anchor_problems(anchors, docs.minutes, ["C-1"])}


def test_anchored_minutes_pass_and_a_late_station_is_flagged_with_its_minutes() -> None:
    assert problems_of(anchored_chain()) == set()
    assert problems_of(anchored_chain(late="S-2")) == {
        "anchor_after_opening",
        "station_not_anchored",
        "device_key_late",
    }
    assert problems_of(published_chain()) == {"anchors_missing"}


def test_a_manifest_pins_the_opening_and_refuses_another_key() -> None:
    chain = anchored_chain()
    anchors = core.read_anchors(chain)
    assert anchors.opening is not None
    doc = core.manifest_document(
        board_public_key=HQ_KEYS.public_key, log_id="ostan/test", round_number=7, stations=anchors.stations.values(),
        constituencies={}, opening=anchors.opening, issued_at="2026-06-18T08:00:00Z",
    )  # fmt: skip
    signed = core.sign_manifest(doc, HQ_KEYS.private_key)
    manifest = core.read_manifest(signed, board_public_key=HQ_KEYS.public_key)
    assert core.manifest_problems(manifest, chain, anchors) == []
    with pytest.raises(core.ManifestInvalid) as other:
        core.read_manifest(signed, board_public_key=STATION_KEYS["S-1"].public_key)
    assert other.value.code == "manifest_board_key_mismatch"
    signed["manifest"]["round"] = 8  # type: ignore[index]
    with pytest.raises(core.ManifestInvalid) as forged:
        core.read_manifest(signed)
    assert forged.value.code == "manifest_signature_invalid"


def test_a_chosen_lot_seed_breaks_the_order_rules() -> None:
    chain = published_chain()  # its result's lot seed is a word somebody chose, no entry of the board
    assert json.loads(chain[-1].payload)["lot_seed"] == "published-seed"
    assert {p.code for p in board_rule_problems(chain)} == {"lot_seed_not_head"}


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["C-1", "C-2", "C-3"]), min_size=1, max_size=3, unique=True), st.integers(0, 5))
def test_a_rollup_adds_up_and_any_changed_figure_is_caught(ids: list[str], bump: int) -> None:
    docs = documents_from_chain(published_chain())
    base = json.loads(canonical_json(count(TOWN, [b.codes for sb in docs.ballots for b in sb.ballots]).to_json()))
    results = {cid: {**base, "constituency_id": cid} for cid in ids}
    minutes = [m.minutes for m in docs.minutes]
    doc = rollup_document(unit_code="U-1", level="county", round_number=7, constituency_ids=ids, results=results,
                          minutes=minutes)  # fmt: skip
    assert doc["ballots"]["total"] == len(ids) * base["ballots"]["total"]  # type: ignore[index]
    assert rollup_problems([doc], results, minutes) == []
    forged = {**doc, "checked_in": int(doc["checked_in"]) + bump + 1}  # type: ignore[call-overload]
    assert {p.code for p in rollup_problems([forged], results, minutes)} == {"rollup_mismatch"}


def test_the_inputs_digest_is_sha256_of_the_two_hashes_with_newlines() -> None:
    a, b = "a" * 64, "b" * 64
    assert inputs_digest(a, b) == hashlib.sha256(f"{a}\n{b}\n".encode()).hexdigest()
