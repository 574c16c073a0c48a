"""A count made outside this app (the electronic count of election day) recorded as the published one:
one record and one audit entry, the same input twice changes nothing, and refusals in Persian."""

from __future__ import annotations

import dataclasses

import pytest

from ostan.accounts.models import User
from ostan.auditlog.models import Entry
from ostan.core import counting
from ostan.core.access import OutOfScope
from ostan.core.errors import DomainError
from ostan.elections import actions, files
from ostan.elections.models import Constituency, CountOrigin, CountRecord
from tests.actors import as_actor
from tests.elections.conftest import CITY_BALLOTS, CITY_MEMBERS

BALLOTS_SHA256 = "ab" * 32
ENTRY_HASH = "cd" * 32
BALLOTS_URL = "/results/c/1/ballots.jsonl"


def electronic_count(constituency: Constituency, **changes: object) -> counting.CountResult:
    """The count another app would make of the same ballots, under ``constituency`` as it stands."""
    core = dataclasses.replace(files.core_constituency(constituency), **changes)
    return counting.count(core, counting.ballots_from_csv(CITY_BALLOTS.decode().splitlines(keepends=True)))


def record(constituency: Constituency, actor: User, result: counting.CountResult, **changes: str) -> CountRecord:
    options = {"ballots_sha256": BALLOTS_SHA256, "ballots_url": BALLOTS_URL, "bulletin_entry_hash": ENTRY_HASH}
    return actions.record_external_count(
        actor=as_actor(actor), constituency=constituency, result=result, **{**options, **changes}
    )


def test_the_count_is_stored_and_published_with_one_audit_entry(
    city_with_candidates: Constituency, official_a: User
) -> None:
    start = Entry.objects.count()
    stored = record(city_with_candidates, official_a, electronic_count(city_with_candidates))
    city = Constituency.objects.get(pk=city_with_candidates.pk)
    assert city.is_published
    assert (stored.origin, stored.source, stored.ballot_count) == (CountOrigin.BULLETIN, "machine", 26)
    assert list(stored.result["members"]) == CITY_MEMBERS
    assert stored.inputs_sha256 == files.inputs_sha256(stored.constituency_sha256, BALLOTS_SHA256)
    assert files.sha256_hex(files.constituency_file_bytes(stored.constituency_file)) == stored.constituency_sha256
    assert list(Entry.objects.order_by("id").values_list("event", flat=True))[start:] == [
        "elections.external_count_recorded"
    ]


def test_the_same_count_twice_is_one_record(city_with_candidates: Constituency, official_a: User) -> None:
    result = electronic_count(city_with_candidates)
    first = record(city_with_candidates, official_a, result)
    start = Entry.objects.count()
    assert record(city_with_candidates, official_a, result).pk == first.pk
    assert (CountRecord.objects.filter(constituency=city_with_candidates).count(), Entry.objects.count()) == (1, start)
    with pytest.raises(DomainError) as refused:
        record(city_with_candidates, official_a, result, bulletin_entry_hash="ef" * 32)
    assert refused.value.code == "election_closed"


def test_results_published_from_this_apps_count_refuse_an_electronic_one(
    published_city: Constituency, official_a: User
) -> None:
    with pytest.raises(DomainError) as refused:
        record(published_city, official_a, electronic_count(published_city))
    assert refused.value.code == "election_closed"
    assert "پیش‌تر" in refused.value.message
    assert CountRecord.objects.filter(constituency=published_city).count() == 1


def test_imported_ballots_refuse_an_electronic_count(counted_city: Constituency, official_a: User) -> None:
    with pytest.raises(DomainError) as refused:
        record(counted_city, official_a, electronic_count(counted_city))
    assert refused.value.code == "ballots_imported"
    assert not Constituency.objects.get(pk=counted_city.pk).is_published


def test_a_count_under_another_lot_seed_or_roster_is_refused(
    city_with_candidates: Constituency, official_a: User
) -> None:
    for stale in (
        electronic_count(city_with_candidates, lot_seed="another seed"),
        electronic_count(city_with_candidates, seats=5),
    ):
        with pytest.raises(DomainError) as refused:
            record(city_with_candidates, official_a, stale)
        assert refused.value.code == "stale_count"
        assert "دوباره" in refused.value.message
    assert not Constituency.objects.get(pk=city_with_candidates.pk).is_published


def test_a_constituency_not_voting_refuses(city_with_candidates: Constituency, official_a: User) -> None:
    actions.set_voting(actor=as_actor(official_a), constituency=city_with_candidates, is_voting=False, reason="تعویق")
    with pytest.raises(DomainError) as refused:
        record(city_with_candidates, official_a, electronic_count(city_with_candidates))
    assert refused.value.code == "not_voting"


def test_bad_hashes_are_refused(city_with_candidates: Constituency, official_a: User) -> None:
    with pytest.raises(DomainError) as refused:
        record(city_with_candidates, official_a, electronic_count(city_with_candidates), ballots_sha256="xyz")
    assert refused.value.code == "invalid_hash"


def test_an_official_of_another_county_may_not_record(city_with_candidates: Constituency, official_b: User) -> None:
    with pytest.raises(OutOfScope):
        record(city_with_candidates, official_b, electronic_count(city_with_candidates))
    assert not CountRecord.objects.filter(constituency=city_with_candidates).exists()
