"""Batched appends and batched station publication make exactly the entries the one-by-one path makes,
and the verifier still catches what an insider with the board's key could change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ostan.auditlog.models import Entry
from ostan.core.polling import bulletin
from ostan.core.polling.ballots import BallotRecord
from ostan.core.polling.canonical import canonical_json
from ostan.core.polling.publication import ballots_document
from ostan.polling.models import CastBallot, Station, StationMinutes
from ostan.publication import actions, board, documents
from ostan.publication.errors import NotReady
from ostan.publication.export import CHAIN_FILE, export_publication
from ostan.publication.models import BulletinEntry, ElectionManifest, StationPublication
from ostan.verify_cli import load, verify_export
from tests.actors import as_actor
from tests.polling.world import make_polling_world
from tests.publication.world import publish_all, run_election_day

pytestmark = pytest.mark.django_db

NOTICES = [{"format": "ostan.notice/1", "n": n, "text": "اعلان"} for n in range(5)]


def stored(rows: list[BulletinEntry]) -> list[tuple[object, ...]]:
    return [(r.seq, r.kind, r.payload, r.prev_hash, r.entry_hash, r.signature, r.subject) for r in rows]


def one_by_one(documents_: list[tuple[str, bytes]], head: bulletin.BulletinEntry | None = None) -> list[str]:
    hashes = []
    for kind, payload in documents_:
        head = bulletin.append(head, kind, payload, private_key=board.private_key())
        hashes.append(head.entry_hash)
    return hashes


def test_a_batch_is_the_chain_one_append_at_a_time_would_make() -> None:
    first = board.append("notice", NOTICES[0], subject="a")
    rows = board.append_many([board.Pending("notice", d, "b") for d in NOTICES[1:]])
    assert [r.seq for r in rows] == [1, 2, 3, 4]
    expected = one_by_one([("notice", canonical_json(d)) for d in NOTICES])
    assert [first.entry_hash, *(r.entry_hash for r in rows)] == expected
    assert stored(list(BulletinEntry.objects.order_by("seq")))[1:] == stored(rows)
    core = [board.core_entry(r) for r in BulletinEntry.objects.order_by("seq")]
    assert bulletin.verify_chain(core, public_key=board.public_key(), expected_head=expected[-1]) == []
    assert board.append_many([]) == []


def test_bytes_are_taken_as_the_payload_itself() -> None:
    (row,) = board.append_many([board.Pending("notice", canonical_json(NOTICES[0]))])
    assert row.payload_bytes == canonical_json(NOTICES[0])
    assert row.entry_hash == one_by_one([("notice", canonical_json(NOTICES[0]))])[0]


def test_publishing_stations_together_makes_the_entries_publishing_each_would() -> None:
    pw, _ = run_election_day(stations=3, voters=15)
    stations = [Station.objects.get(pk=s.pk) for s in pw.stations]
    before = Entry.objects.count()
    published = actions.publish_stations(actor=as_actor(pw.official), stations=stations)
    assert Entry.objects.count() == before + 1
    assert Entry.objects.latest("id").event == "publication.stations_published"
    assert [p.station_id for p in published] == [s.pk for s in stations]
    # What the one-by-one path made before batching: the constituency once, then each station's pair,
    # its ballots document built and encoded by the general functions.
    core = documents.core_constituency(pw.city.pk)
    opening = list(
        BulletinEntry.objects.order_by("seq").filter(seq__lte=ElectionManifest.objects.get().opening_entry.seq + 1)
    )
    expected = [(r.kind, r.payload_bytes) for r in opening]  # the round's opening: its constituency file first
    assert expected[0] == ("constituency", canonical_json(documents.constituency_document(core)))
    for s in stations:
        m = StationMinutes.objects.get(station=s)
        cast = CastBallot.objects.filter(station=s).values_list("ballot_id", "codes", "receipt_code")
        records = [BallotRecord(i, s.code, core.id, tuple(c.split()), r) for i, c, r in cast]
        expected.append(("minutes", canonical_json(documents.signed_minutes_document(m))))
        expected.append(("ballots", canonical_json(ballots_document(s.code, core.id, records))))
    rows = list(BulletinEntry.objects.order_by("seq"))
    assert [(r.kind, r.payload_bytes) for r in rows] == expected
    assert [r.entry_hash for r in rows] == one_by_one(expected)
    assert [(p.minutes_entry.kind, p.ballots_entry.subject) for p in published] == [
        ("minutes", s.code) for s in stations
    ]


def test_one_station_not_ready_refuses_the_whole_batch() -> None:
    pw = make_polling_world(stations=2, voters=2)
    with pytest.raises(NotReady) as refused:
        actions.publish_stations(actor=as_actor(pw.official), stations=list(pw.stations))
    assert refused.value.code == "station_open"
    assert not BulletinEntry.objects.exists()
    assert not StationPublication.objects.exists()


@pytest.fixture
def export(tmp_path: Path) -> Path:
    pw, _ = run_election_day(stations=3, voters=18)
    publish_all(pw)
    export_publication(tmp_path)
    return tmp_path


def resigned(export: Path, change: object) -> set[str]:
    """Apply ``change`` to the first ballots document, then rebuild and sign the chain with the board's
    own key (an insider): only the recounts can catch it."""
    entries = [json.loads(line) for line in (export / CHAIN_FILE).read_text(encoding="utf-8").splitlines()]
    target = next(e for e in entries if e["kind"] == "ballots")
    target["payload"] = change(json.loads(target["payload"]))  # type: ignore[operator]
    head = None
    lines = []
    for e in entries:
        head = bulletin.append(head, e["kind"], e["payload"].encode(), private_key=board.private_key())
        lines.append(json.dumps(bulletin.entry_to_json(head), ensure_ascii=False) + "\n")
    (export / CHAIN_FILE).write_text("".join(lines), encoding="utf-8")
    report = verify_export(load(str(export)), head=head.entry_hash if head else None)
    assert not report.ok
    return {p.code for p in report.problems}


def test_a_resigned_chain_with_a_non_canonical_ballots_document_is_not_on_chain(export: Path) -> None:
    codes = resigned(export, lambda doc: json.dumps(doc, ensure_ascii=False))  # spaces, keys unsorted
    assert codes == {"not_on_chain", "lot_seed_not_head"}  # the seed was a head of the chain before


def test_a_resigned_chain_with_a_forged_receipt_is_caught(export: Path) -> None:
    def forge(doc: dict) -> str:  # type: ignore[type-arg]
        doc["ballots"][0]["receipt_code"] = "AAAAAAAAAAAA"
        return canonical_json(doc).decode()

    assert resigned(export, forge) == {"receipt_mismatch", "lot_seed_not_head"}


def test_a_resigned_chain_with_a_ballot_moved_between_stations_fails_both_recounts(export: Path) -> None:
    def move(doc: dict) -> str:  # type: ignore[type-arg]
        doc["ballots"] = doc["ballots"][1:]
        return canonical_json(doc).decode()

    assert {"minutes_mismatch", "result_mismatch"} <= resigned(export, move)
