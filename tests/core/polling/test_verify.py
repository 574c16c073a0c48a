"""The public verifier: a clean publication passes; altered ballots, minutes or chain entries do not."""

from __future__ import annotations

import dataclasses

from ostan.core.polling.ballots import BallotRecord
from ostan.core.polling.bulletin import BulletinEntry, append
from ostan.core.polling.verify import Publication, verify

from .conftest import publication, published_chain


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
