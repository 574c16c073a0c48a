"""Rounds and constituencies: seats from the law's table, unknown population, overrides with a reason."""

from __future__ import annotations

import pytest

from ostan.accounts.models import User
from ostan.auditlog.models import Entry
from ostan.core.access import OutOfScope
from ostan.core.errors import DomainError
from ostan.elections import actions
from ostan.elections.errors import PopulationMissing
from ostan.elections.models import Constituency, ConstituencyKind, ElectionRound
from tests.actors import as_actor
from tests.elections.world import World


def test_city_seats_come_from_census_population(city: Constituency) -> None:
    assert (city.seats, city.alternates) == (7, 5)
    assert city.population == 150_000
    assert city.method == "plurality"


def test_tehran_proportional_has_21_members(election_round: ElectionRound, national: User, world: World) -> None:
    tehran = actions.create_constituency(
        actor=as_actor(national), election_round=election_round, unit=world.tehran, kind=ConstituencyKind.PROPORTIONAL
    )
    assert (tehran.seats, tehran.alternates, tehran.method) == (21, 11, "proportional")


def test_unknown_population_asks_for_it_in_persian(
    election_round: ElectionRound, official_b: User, world: World
) -> None:
    with pytest.raises(PopulationMissing) as refused:
        actions.create_constituency(
            actor=as_actor(official_b),
            election_round=election_round,
            unit=world.city_b,
            kind=ConstituencyKind.CITY_COUNCIL,
        )
    assert "جمعیت «آشتیان» ثبت نشده است" in refused.value.message
    assert not Constituency.objects.filter(unit=world.city_b).exists()


def test_override_needs_a_reason_and_is_audited(election_round: ElectionRound, official_b: User, world: World) -> None:
    with pytest.raises(DomainError):
        actions.create_constituency(
            actor=as_actor(official_b), election_round=election_round, unit=world.city_b,
            kind=ConstituencyKind.CITY_COUNCIL, seats=5, alternates=3,
        )  # fmt: skip
    before = Entry.objects.count()
    c = actions.create_constituency(
        actor=as_actor(official_b), election_round=election_round, unit=world.city_b,
        kind=ConstituencyKind.CITY_COUNCIL,
        seats=5, alternates=3, override_reason="مصوبه هیئت اجرایی",
    )  # fmt: skip
    assert (c.seats, c.alternates, c.seats_override_reason) == (5, 3, "مصوبه هیئت اجرایی")
    entry = Entry.objects.get(pk__gt=0, event="elections.constituency_created", object_id=str(c.pk))
    assert entry.after is not None
    assert entry.after["seats_override_reason"] == "مصوبه هیئت اجرایی"
    assert Entry.objects.count() == before + 1


def test_village_population_entered_with_source(election_round: ElectionRound, official_a: User, world: World) -> None:
    with pytest.raises(DomainError):
        actions.create_constituency(
            actor=as_actor(official_a), election_round=election_round, unit=world.village_a,
            kind=ConstituencyKind.VILLAGE_COUNCIL, population=2_000,
        )  # fmt: skip
    village = actions.create_constituency(
        actor=as_actor(official_a), election_round=election_round, unit=world.village_a,
        kind=ConstituencyKind.VILLAGE_COUNCIL, population=2_000, population_source="آمار دهیاری ۱۴۰۴",
    )  # fmt: skip
    assert (village.seats, village.alternates) == (5, 3)


def test_other_county_official_cannot_create(election_round: ElectionRound, official_b: User, world: World) -> None:
    with pytest.raises(OutOfScope):
        actions.create_constituency(
            actor=as_actor(official_b),
            election_round=election_round,
            unit=world.city_a,
            kind=ConstituencyKind.CITY_COUNCIL,
        )


def test_only_the_national_office_creates_rounds(official_a: User) -> None:
    with pytest.raises(OutOfScope):
        actions.create_round(actor=as_actor(official_a), number=8, name="دوره هشتم")
    assert not ElectionRound.objects.exists()
