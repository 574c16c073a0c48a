"""The public verifier: a clean publication passes; altered ballots, minutes or chain entries do not."""

from __future__ import annotations

import dataclasses

from ostan.core.counting import count
from ostan.core.polling.ballots import BallotRecord
from ostan.core.polling.bulletin import BulletinEntry, append
from ostan.core.polling.canonical import canonical_json
from ostan.core.polling.devices import device_keys
from ostan.core.polling.minutes import build_minutes, form_for, sign_minutes
from ostan.core.polling.publication import (
    SignedMinutes,
    StationBallots,
    ballots_document,
    minutes_document,
    result_document,
)
from ostan.core.polling.verify import Publication, publication_from_chain, verify

from .conftest import (
    CITY,
    CLOSED,
    HQ_KEYS,
    OPENED,
    STATION_KEYS,
    TOWN,
    ballot_records,
    publication,
    published_chain,
)


def problem_codes(pub: Publication) -> set[str]:
    return {p.code for p in verify(pub).problems}


def test_clean_publication_passes_with_its_figures() -> None:
    report = verify(publication(published_chain()))
    assert (report.ok, report.problems) == (True, ())
    assert report.figures == {"chain_entries": 7, "minutes": 3, "stations_with_ballots": 3, "ballots": 12, "results": 1}


def test_altered_published_ballot_is_caught() -> None:
    pub = publication(published_chain())
    first = pub.ballots[0]
    forged = dataclasses.replace(first.ballots[0], codes=("104", "105", "103"))
    ballots = [dataclasses.replace(first, ballots=(forged, *first.ballots[1:])), *pub.ballots[1:]]
    codes = problem_codes(dataclasses.replace(pub, ballots=ballots))
    assert codes == {"not_on_chain", "minutes_mismatch", "result_mismatch"}


def test_altered_published_minutes_are_caught() -> None:
    pub = publication(published_chain())
    signed = pub.minutes[1]
    moved = {"101": 1, "102": 1, "103": 1, "104": 3, "105": 1}  # two of 101's votes moved to 104: still consistent
    forged = dataclasses.replace(signed, minutes=dataclasses.replace(signed.minutes, votes_per_candidate=moved))
    codes = problem_codes(dataclasses.replace(pub, minutes=[pub.minutes[0], forged, *pub.minutes[2:]]))
    assert codes == {"minutes_signature_invalid", "not_on_chain", "minutes_mismatch"}


def test_altered_chain_entry_is_caught() -> None:
    entries = published_chain()
    result = entries[-1]
    entries[-1] = dataclasses.replace(result, payload=result.payload.replace(b'"votes":6', b'"votes":7'))
    assert result.payload != entries[-1].payload
    assert "chain_broken" in problem_codes(publication(entries))


def test_rebuilt_chain_without_the_headquarters_key_is_caught() -> None:
    honest = published_chain()
    forged: list[BulletinEntry] = []
    for entry in honest:
        payload = entry.payload.replace(b'"codes":["101"]', b'"codes":["104"]')
        forged.append(append(forged[-1] if forged else None, entry.kind, payload))
    pub = dataclasses.replace(publication(forged), chain_head=honest[-1].entry_hash)
    codes = problem_codes(pub)
    assert {"chain_broken", "minutes_mismatch", "result_mismatch"} <= codes


def test_station_with_more_ballots_than_check_ins_is_caught() -> None:
    codes = problem_codes(publication(published_chain(checked_in={"S-3": 2})))
    assert codes == {"ballots_exceed_check_ins", "minutes_inconsistent"}


def test_receipt_that_does_not_derive_from_the_id_is_caught() -> None:
    pub = publication(published_chain())
    first = pub.ballots[0]
    bad: BallotRecord = dataclasses.replace(first.ballots[0], receipt_code="AAAAAAAAAAAA")
    codes = problem_codes(
        dataclasses.replace(
            pub, ballots=[dataclasses.replace(first, ballots=(bad, *first.ballots[1:])), *pub.ballots[1:]]
        )
    )
    assert "receipt_mismatch" in codes


def test_missing_documents_are_reported() -> None:
    pub = publication(published_chain())
    codes = problem_codes(dataclasses.replace(pub, ballots=pub.ballots[1:], results=()))
    assert {"ballots_missing", "result_missing"} <= codes


def test_unknown_station_key_fails_the_signature() -> None:
    pub = publication(published_chain())
    assert problem_codes(dataclasses.replace(pub, station_keys={})) == {"minutes_signature_invalid"}


# A station serving two constituencies: the town's council (C-1) and, beside it, the city's proportional
# constituency (C-2). Each has its own minutes and its own ballots under the same station code.
SHARED_BALLOTS: dict[str, list[list[str]]] = {
    "C-1": [["101", "102"], ["103"], [], ["101", "104", "105"]],
    "C-2": [["201"], ["202", "203"], ["201", "202"], [], ["203"]],
}
SHARED_CHECKED_IN = {"C-1": 4, "C-2": 5}


SECOND_DEVICE = device_keys(bytes([77]) * 32)


def shared_station_chain(
    move_ballot: bool = False, alter: str | None = None, c2_signer: bytes | None = None
) -> tuple[list[BulletinEntry], list[SignedMinutes], list[StationBallots]]:
    """The chain of one station serving C-1 and C-2, and the documents as published beside it.

    ``move_ballot`` moves one of C-1's ballots into C-2's published record; ``alter`` names a
    constituency whose published minutes are changed (one vote moved between candidates);
    ``c2_signer`` is the private key that signs C-2's minutes (by default the station's device).
    """
    entries: list[BulletinEntry] = []

    def post(kind: str, payload: bytes) -> None:
        entries.append(append(entries[-1] if entries else None, kind, payload, private_key=HQ_KEYS.private_key))

    records = {cid: ballot_records("S-1", codes, seed, cid) for seed, (cid, codes) in enumerate(SHARED_BALLOTS.items())}
    minutes, ballots = [], []
    for cid, constituency in (("C-1", TOWN), ("C-2", CITY)):
        m = build_minutes(constituency=constituency, station_code="S-1", form=form_for("city"),
                          checked_in=SHARED_CHECKED_IN[cid], ballots=SHARED_BALLOTS[cid], opened_at=OPENED,
                          closed_at=CLOSED)  # fmt: skip
        signer = c2_signer if cid == "C-2" and c2_signer else STATION_KEYS["S-1"].private_key
        signed = SignedMinutes(m, sign_minutes(signer, m))
        post("minutes", canonical_json(minutes_document(m, signed.signature)))
        post("ballots", canonical_json(ballots_document("S-1", cid, records[cid])))
        minutes.append(signed)
        ballots.append(StationBallots("S-1", cid, tuple(records[cid])))
    post("result", canonical_json(result_document(count(TOWN, SHARED_BALLOTS["C-1"]))))
    post("result", canonical_json(result_document(count(CITY, SHARED_BALLOTS["C-2"]))))
    if move_ballot:
        moved = dataclasses.replace(ballots[0].ballots[0], constituency_id="C-2")
        ballots = [
            dataclasses.replace(ballots[0], ballots=ballots[0].ballots[1:]),
            dataclasses.replace(ballots[1], ballots=(*ballots[1].ballots, moved)),
        ]
    if alter is not None:
        i = [s.minutes.constituency_id for s in minutes].index(alter)
        m = minutes[i].minutes
        votes = dict(m.votes_per_candidate)
        first, last = sorted(votes)[0], sorted(votes)[-1]
        votes[first], votes[last] = votes[first] - 1, votes[last] + 1
        minutes[i] = dataclasses.replace(minutes[i], minutes=dataclasses.replace(m, votes_per_candidate=votes))
    return entries, minutes, ballots


def shared_publication(
    move_ballot: bool = False, alter: str | None = None, c2_signer: bytes | None = None
) -> Publication:
    entries, minutes, ballots = shared_station_chain(move_ballot, alter, c2_signer)
    pub = publication_from_chain(
        entries,
        constituencies={"C-1": TOWN, "C-2": CITY},
        station_keys={"S-1": STATION_KEYS["S-1"].public_key},
        chain_key=HQ_KEYS.public_key,
        chain_head=entries[-1].entry_hash,
    )
    return dataclasses.replace(pub, minutes=minutes, ballots=ballots)


def test_a_station_serving_two_constituencies_verifies_each_against_its_own_ballots() -> None:
    report = verify(shared_publication())
    assert (report.ok, report.problems) == (True, ())
    assert report.figures == {"chain_entries": 6, "minutes": 2, "stations_with_ballots": 2, "ballots": 9, "results": 2}


def test_a_ballot_moved_between_a_stations_two_constituencies_is_reported_for_both() -> None:
    report = verify(shared_publication(move_ballot=True))
    found = {(p.code, p.subject) for p in report.problems}
    assert {("minutes_mismatch", "S-1"), ("result_mismatch", "C-1"), ("result_mismatch", "C-2")} <= found
    mismatches = [p.message for p in report.problems if p.code == "minutes_mismatch"]
    assert len(mismatches) == 2
    assert any("شعبهٔ S-1، حوزهٔ C-1" in text for text in mismatches)
    assert any("شعبهٔ S-1، حوزهٔ C-2" in text for text in mismatches)


def test_one_constituencys_altered_minutes_at_a_shared_station_name_that_constituency() -> None:
    report = verify(shared_publication(alter="C-2"))
    assert {p.code for p in report.problems} == {"minutes_signature_invalid", "not_on_chain", "minutes_mismatch"}
    assert all("شعبهٔ S-1، حوزهٔ C-2" in p.message for p in report.problems)


def test_minutes_signed_by_a_second_device_are_checked_with_that_devices_key() -> None:
    signed_by_two = shared_publication(c2_signer=SECOND_DEVICE.private_key)
    problems = verify(signed_by_two).problems
    assert [(p.code, p.subject) for p in problems] == [("minutes_signature_invalid", "S-1")]
    assert "حوزهٔ C-2" in problems[0].message
    keyed = dataclasses.replace(signed_by_two, minutes_keys={("S-1", "C-2"): SECOND_DEVICE.public_key})
    assert verify(keyed).ok
