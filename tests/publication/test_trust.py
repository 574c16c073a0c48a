"""The six manipulations of issue 14, each made by an insider who holds the board's key and rebuilds
and re-signs the whole chain (and keys.json, and the export's own manifest): every one is caught by
``ostan verify`` with its step's code (docs/verification.md), the first and the dropped station's keys
only against the manifest an observer kept from before the polls opened."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import override_settings

from ostan.core.counting.ballots import BallotForm, tally_ballots
from ostan.core.counting.tabulation import count_tally
from ostan.core.polling import anchors as core
from ostan.core.polling import bulletin
from ostan.core.polling.audit import select_for_recheck
from ostan.core.polling.ballots import make_ballot, new_ballot_id
from ostan.core.polling.canonical import canonical_json
from ostan.core.polling.devices import device_keys
from ostan.core.polling.minutes import build_minutes, sign_minutes
from ostan.core.polling.publication import ballots_payload, minutes_document, minutes_from_json
from ostan.polling.models import Station
from ostan.publication import actions, board
from ostan.publication.errors import AlreadyOpened
from ostan.publication.export import CHAIN_FILE, KEYS_FILE, MANIFEST_FILE, export_publication
from ostan.publication.tree import log_id
from ostan.verify_cli import Pins, load, read_documents, run_verify, verify_export
from tests.actors import as_actor
from tests.publication.conftest import TEST_BULLETIN_KEY, forget_caches
from tests.publication.world import publish_all, run_election_day

pytestmark = pytest.mark.django_db

Item = tuple[str, dict[str, object]]  # (kind, document)
MD5 = "django.contrib.auth.hashers.MD5PasswordHasher"


@pytest.fixture(scope="module")
def built(django_db_setup: None, django_db_blocker: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three stations anchored before voting, published and counted, every station re-checked, and the
    export an observer downloads: built once for the module (the rebuilds below only read files),
    then the database flushed, as every test expects to find it."""
    out = tmp_path_factory.mktemp("trust") / "export"
    fast = {"OSTAN_BULLETIN_KEY": TEST_BULLETIN_KEY, "PASSWORD_HASHERS": [MD5]}
    with override_settings(**fast), django_db_blocker.unblock():
        forget_caches()
        pw, _ = run_election_day(stations=3, voters=9)
        publish_all(pw)
        drawn = actions.draw_recheck(actor=as_actor(pw.official), election_round=pw.election_round,
                                     unit=pw.world.city_a, size=3)  # fmt: skip
        for station in pw.stations:
            actions.record_recheck(
                actor=as_actor(pw.official), recheck=drawn, station=Station.objects.get(pk=station.pk)
            )
        export_publication(out)
        shutil.copy(out / MANIFEST_FILE, out.parent / "kept-manifest.json")  # what an observer printed beforehand
        call_command("flush", interactive=False, verbosity=0)
        forget_caches()
    return out


@pytest.fixture
def export(built: Path, tmp_path: Path) -> Path:
    """A copy of the module's export for one test to tamper with."""
    shutil.copytree(built.parent, tmp_path / "copy")
    return tmp_path / "copy" / "export"


def kept(export: Path) -> object:
    return json.loads((export.parent / "kept-manifest.json").read_text(encoding="utf-8"))


def items(export: Path) -> list[Item]:
    rows = [json.loads(line) for line in (export / CHAIN_FILE).read_text(encoding="utf-8").splitlines()]
    return [(str(r["kind"]), json.loads(str(r["payload"]))) for r in rows]


def payload(kind: str, doc: dict[str, object]) -> bytes:
    if kind == "ballots":  # ballots go on the board in their own canonical encoding
        return ballots_payload(str(doc["station_code"]), str(doc["constituency_id"]), _records(doc))
    return canonical_json(doc)


def _records(doc: dict[str, object]) -> list:  # type: ignore[type-arg]
    from ostan.core.polling.ballots import ballot_from_json

    return [ballot_from_json(b) for b in doc["ballots"]]  # type: ignore[attr-defined]


def rebuild(
    export: Path, edit: Callable[[list[Item]], list[Item]], *, extra_keys: dict[str, str] | None = None,
    lot_seed: str | None = None,
) -> None:  # fmt: skip
    """The insider's rebuild: apply ``edit``, then append every entry again, re-signed, keeping the rules
    the verifier checks where the insider can: the lot and re-check seeds taken again from the new
    chain, the results and samples recounted, the manifest re-signed, keys.json rewritten."""
    edited = edit(items(export))
    last_station = max(i for i, (kind, _) in enumerate(edited) if kind in {"minutes", "ballots"})
    key, head, built = board.private_key(), None, []
    for i, (kind, doc) in enumerate(edited):
        if kind == "constituency" and i > last_station and head is not None:
            doc["constituency"]["lot_seed"] = lot_seed or head.entry_hash  # type: ignore[index]
        elif kind == "result":
            doc = recount(built, str(doc["constituency_id"]))
        elif kind == "seed" and head is not None:
            doc["seed"] = head.entry_hash
        elif doc.get("format") == "ostan.recheck-sample/1":
            doc["seed"] = last_seed(built)
            doc["stations"] = list(select_for_recheck(doc["drawn_from"], doc["seed"], int(doc["size"])))  # type: ignore[arg-type]
        elif doc.get("format") == "ostan.recheck-outcome/1":
            doc["seed"] = last_seed(built)
        elif kind == "manifest":
            doc = resigned_manifest(built, doc)
            (export / MANIFEST_FILE).write_text(json.dumps(doc), encoding="utf-8")
        head = bulletin.append(head, kind, payload(kind, doc), private_key=key)
        built.append(head)
    text = "".join(json.dumps(bulletin.entry_to_json(e), ensure_ascii=False) + "\n" for e in built)
    (export / CHAIN_FILE).write_text(text, encoding="utf-8")
    keys = json.loads((export / KEYS_FILE).read_text(encoding="utf-8"))
    assert head is not None
    keys["chain_head"], keys["chain_length"] = head.entry_hash, len(built)
    for code, hex_key in (extra_keys or {}).items():
        keys["station_keys"][code] = hex_key
    (export / KEYS_FILE).write_text(json.dumps(keys), encoding="utf-8")


def last_seed(built: list[bulletin.BulletinEntry]) -> str:
    seeds = [e for e in built if e.kind == "seed"]
    return str(json.loads(seeds[-1].payload)["seed"])


def recount(built: list[bulletin.BulletinEntry], cid: str) -> dict[str, object]:
    docs = read_documents(built)
    constituency = docs.constituencies[cid]
    form = BallotForm.for_constituency(constituency)
    codes = [b.codes for sb in docs.ballots if sb.constituency_id == cid for b in sb.ballots]
    return count_tally(constituency, tally_ballots(form, codes)).to_json()


def resigned_manifest(built: list[bulletin.BulletinEntry], old: dict[str, object]) -> dict[str, object]:
    anchors = core.read_anchors(built)
    assert anchors.opening is not None
    inner = old["manifest"]
    assert isinstance(inner, dict)
    document = core.manifest_document(
        board_public_key=board.public_key(), log_id=log_id(), round_number=int(inner["round"]),
        stations=anchors.stations.values(), opening=anchors.opening, issued_at=str(inner["issued_at"]),
        constituencies=core.constituency_hashes(built, until=anchors.opening.seq),
    )  # fmt: skip
    return core.sign_manifest(document, board.private_key())


def codes(export: Path, *, manifest: object = None) -> set[str]:
    outcome = verify_export(load(str(export)), pins=Pins(board_key=board.public_key(), manifest=manifest))
    return {p.code for p in outcome.problems}


def forged_station(chain: list[Item], code: str, votes: int, private_key: bytes) -> list[Item]:
    """A station that never existed: ``votes`` ballots for one candidate, minutes signed by a fresh key."""
    docs = read_documents([bulletin.BulletinEntry(0, k, payload(k, d), "", "") for k, d in chain])
    (cid,) = docs.constituencies
    constituency = docs.constituencies[cid]
    winner = constituency.candidates[-1].code
    template = next(d for k, d in chain if k == "minutes")
    old = minutes_from_json(template["minutes"])
    ballots = [make_ballot(ballot_id=new_ballot_id(bytes([i]) * 16), station_code=code, constituency_id=cid,
                           codes=[winner]) for i in range(votes)]  # fmt: skip
    m = build_minutes(constituency=constituency, station_code=code, form=old.form, checked_in=votes,
                      ballots=[b.codes for b in ballots], opened_at=old.opened_at, closed_at=old.closed_at)  # fmt: skip
    signed = minutes_document(m, sign_minutes(private_key, m))
    return [("minutes", signed), ("ballots", json.loads(ballots_payload(code, cid, ballots)))]


def fake_anchor(chain: list[Item], code: str, device: core.AnchoredDevice) -> core.StationAnchor:
    real = core.station_from_json(next(d for k, d in chain if k == "station"))
    return core.StationAnchor(code, real.unit_code, real.constituency_ids, (device,))


def test_a_clean_export_verifies_against_the_kept_key_and_manifest(export: Path) -> None:
    argv = [
        str(export),
        "--board-key",
        board.public_key().hex(),
        "--manifest",
        str(export.parent / "kept-manifest.json"),
    ]
    assert run_verify(argv) == 0
    outcome = verify_export(load(str(export)), pins=Pins(board_key=board.public_key(), manifest=kept(export)))
    assert outcome.figures["anchored_stations"] == 3


def test_a_round_opens_once() -> None:
    pw, _ = run_election_day(stations=1, voters=2)
    with pytest.raises(AlreadyOpened):
        actions.open_round(actor=as_actor(pw.hq), election_round=pw.election_round)


def test_1_a_fresh_station_after_the_opening_is_flagged_and_its_minutes_fail(export: Path) -> None:
    fresh = device_keys(b"\x07" * 32)
    device = core.AnchoredDevice("Z999-voting", "voting", fresh.public_key.hex())

    def add(chain: list[Item]) -> list[Item]:
        at = max(i for i, (kind, _) in enumerate(chain) if kind == "ballots") + 1
        station = [("station", core.station_document(fake_anchor(chain, "Z999", device)))]
        return [*chain[:at], *station, *forged_station(chain, "Z999", 30, fresh.private_key), *chain[at:]]

    rebuild(export, add, extra_keys={"Z999": fresh.public_key.hex()})
    found = codes(export)
    assert {"anchor_after_opening", "device_key_late"} <= found
    assert "minutes_mismatch" not in found
    assert "result_mismatch" not in found


def test_1b_a_fresh_station_slipped_in_before_the_opening_fails_the_kept_manifest(export: Path) -> None:
    fresh = device_keys(b"\x08" * 32)
    device = core.AnchoredDevice("Z998-voting", "voting", fresh.public_key.hex())

    def add(chain: list[Item]) -> list[Item]:
        opening = next(i for i, (kind, _) in enumerate(chain) if kind == "opening")
        at = max(i for i, (kind, _) in enumerate(chain) if kind == "ballots") + 1
        forged = forged_station(chain, "Z998", 30, fresh.private_key)
        chain = [*chain[:at], *forged, *chain[at:]]
        return [
            *chain[:opening],
            ("station", core.station_document(fake_anchor(chain, "Z998", device))),
            *chain[opening:],
        ]

    rebuild(export, add, extra_keys={"Z998": fresh.public_key.hex()})
    assert codes(export) == set()  # the rebuilt board agrees with itself, and with its re-signed manifest
    assert {"opening_head_mismatch", "manifest_stations_mismatch"} <= codes(export, manifest=kept(export))


def test_2_a_dropped_recheck_outcome_is_reported(export: Path) -> None:
    def drop(chain: list[Item]) -> list[Item]:
        outcome = next(i for i, (_, d) in enumerate(chain) if d.get("format") == "ostan.recheck-outcome/1")
        return chain[:outcome] + chain[outcome + 1 :]

    rebuild(export, drop)
    assert codes(export, manifest=kept(export)) == {"recheck_outcome_missing"}


def _without_station(chain: list[Item], code: str, *, keys_too: bool) -> list[Item]:
    def station_of(kind: str, d: dict[str, object]) -> str:
        if kind == "minutes":
            return str(d["minutes"]["station_code"])  # type: ignore[index]
        if kind == "ballots" or (kind == "station" and keys_too):
            return str(d["station_code"])
        return ""

    kept_items = [(k, d) for k, d in chain if station_of(k, d) != code]
    for _, d in kept_items:
        if d.get("format") == "ostan.recheck-sample/1":
            d["drawn_from"] = [c for c in d["drawn_from"] if c != code]  # type: ignore[attr-defined]
            d["size"] = len(d["drawn_from"])  # type: ignore[arg-type]
    return [
        (k, d)
        for k, d in kept_items
        if not (d.get("format") == "ostan.recheck-outcome/1" and d["station_code"] == code)
    ]


def test_3_a_dropped_station_is_reported_as_registered_without_minutes(export: Path) -> None:
    rebuild(export, lambda chain: _without_station(chain, "A002", keys_too=False))
    assert codes(export, manifest=kept(export)) == {"station_minutes_missing"}


def test_3b_a_dropped_station_with_its_keys_fails_the_kept_manifest(export: Path) -> None:
    rebuild(export, lambda chain: _without_station(chain, "A002", keys_too=True))
    assert codes(export) == set()  # consistent with itself and its re-signed manifest
    assert {"opening_head_mismatch", "manifest_stations_mismatch"} <= codes(export, manifest=kept(export))


def test_4_a_constituency_file_changed_after_the_count_is_reported(export: Path) -> None:
    def more_alternates(chain: list[Item]) -> list[Item]:
        last = max(i for i, (kind, _) in enumerate(chain) if kind == "constituency")
        chain[last][1]["constituency"]["alternates"] += 2  # type: ignore[index,operator]
        return chain

    rebuild(export, more_alternates)
    assert codes(export, manifest=kept(export)) == {"constituency_changed"}


def test_5_a_lot_seed_chosen_by_the_operator_is_reported(export: Path) -> None:
    rebuild(export, lambda chain: chain, lot_seed="ab" * 32)  # the result counted again under that seed
    assert codes(export, manifest=kept(export)) == {"lot_seed_not_head"}


def test_4_keys_json_is_checked_against_the_anchored_keys(export: Path) -> None:
    keys = json.loads((export / KEYS_FILE).read_text(encoding="utf-8"))
    other = device_keys(b"\x05" * 32).public_key.hex()
    keys["devices"]["A001"][0]["public_key"] = other
    keys["minutes_keys"]["A001"] = dict.fromkeys(keys["minutes_keys"]["A001"], other)
    (export / KEYS_FILE).write_text(json.dumps(keys), encoding="utf-8")
    assert codes(export) == {"keys_file_mismatch"}  # the board's own anchored key still verifies the minutes


def test_3_a_device_registered_after_the_opening_is_on_the_board_and_its_minutes_fail(tmp_path: Path) -> None:
    from django.test import Client

    from ostan.core.polling.devices import sign_document
    from ostan.core.polling.minutes import MINUTES_CONTEXT
    from ostan.polling import actions as polling
    from ostan.polling.models import StationMinutes
    from ostan.polling.simulator import SimulatedDevice, seed_key
    from tests.polling.world import make_polling_world, post
    from tests.publication.world import vote

    pw = make_polling_world(stations=1, voters=2)
    actions.open_round(actor=as_actor(pw.hq), election_round=pw.election_round)
    station = pw.stations[0]
    late = SimulatedDevice(device_id="A001-late", station_code="A001", private_key=seed_key("A001-late"))
    polling.register_device(actor=as_actor(pw.members[0]), station=station, device_id=late.device_id,
                            kind="voting", public_key=late.public_key_hex)  # fmt: skip
    client = Client()
    for national in pw.voters:
        vote(client, pw.auth[0], late, national, ["101"])
    for m in polling.close_station(actor=as_actor(pw.official), station=Station.objects.get(pk=station.pk)):
        signature = sign_document(late.keys.private_key, MINUTES_CONTEXT, canonical_json(m.document))
        status, body = post(client, late, f"/api/polling/minutes/{m.pk}/signature",
                            {"signature": __import__("base64").b64encode(signature).decode()})  # fmt: skip
        assert status == 200, body
    assert StationMinutes.objects.filter(signed_by__device_id="A001-late").exists()
    publish_all(pw)
    export_publication(tmp_path)
    found = codes(tmp_path, manifest=json.loads((tmp_path / MANIFEST_FILE).read_text(encoding="utf-8")))
    assert {"anchor_after_opening", "device_key_late"} <= found  # the board itself shows the late device
    assert "minutes_signature_invalid" not in found  # signed by a key of the station: only not anchored in time
