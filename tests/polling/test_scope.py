"""Station officials act on their own station's unit only; the roll is all-or-nothing with a line report."""

from __future__ import annotations

import pytest

from ostan.auditlog.models import Entry
from ostan.core.access import OutOfScope, Role
from ostan.core.errors import DomainError
from ostan.polling import actions
from ostan.polling.errors import RollImportRefused
from ostan.polling.models import RollVoter
from ostan.polling.simulator import SimulatedDevice, seed_key
from tests.actors import as_actor
from tests.elections.world import make_official
from tests.polling.world import PollingWorld, national_code, roll_csv


def test_an_official_of_another_county_cannot_register_a_device_or_close(pw: PollingWorld) -> None:
    outsider = make_official("outsider", Role.STATION_OFFICIAL, pw.world.county_b)
    device = SimulatedDevice(device_id="x", station_code="A001", private_key=seed_key("x"))
    with pytest.raises(OutOfScope):
        actions.register_device(
            actor=as_actor(outsider),
            station=pw.stations[0],
            device_id="x",
            kind="auth",
            public_key=device.public_key_hex,
        )
    with pytest.raises(OutOfScope):
        actions.close_station(actor=as_actor(outsider), station=pw.stations[0])


def test_station_members_cannot_create_stations(pw: PollingWorld) -> None:
    with pytest.raises(OutOfScope):
        actions.create_station(actor=as_actor(pw.members[0]), election_round=pw.election_round, code="Z1", address="x",
                               unit=pw.world.city_a, constituencies=[pw.city])  # fmt: skip


def test_roll_import_reports_every_bad_line_and_imports_nothing(pw: PollingWorld) -> None:
    before = RollVoter.objects.count()
    rows = [
        [national_code(5000), "مینا", "کاظمی", "1375/02/02", "زن", pw.world.city_a.path],
        ["1234567890", "بد", "کد", "1375/02/02", "زن", pw.world.city_a.path],
        [national_code(5001), "رضا", "۱۲", "1375/02/02", "مرد", pw.world.city_a.path],
        [national_code(5000), "تکرار", "کد", "1375/02/02", "مرد", pw.world.city_a.path],
    ]
    with pytest.raises(RollImportRefused) as refused:
        actions.import_roll(
            actor=as_actor(pw.hq),
            election_round=pw.election_round,
            unit=pw.world.country,
            file_name="r.csv",
            data=roll_csv(rows),
        )
    assert [e["line"] for e in refused.value.details["errors"]] == [3, 4, 5]  # type: ignore[index]
    assert RollVoter.objects.count() == before


def test_roll_voters_get_their_constituency_and_generate_roll_is_seeded(pw: PollingWorld) -> None:
    voter = RollVoter.objects.get(national_code=pw.voters[0])
    assert voter.constituency_id == pw.city.pk
    report = actions.generate_roll(
        actor=as_actor(pw.hq), election_round=pw.election_round, unit=pw.world.county_a, size=500, seed=3
    )
    assert report.imported == 500
    assert RollVoter.objects.filter(constituency=pw.city).count() >= 20
    assert Entry.objects.filter(event="polling.roll_generated").count() == 1


def test_generate_roll_with_a_used_seed_is_refused_in_persian_and_adds_nothing(pw: PollingWorld) -> None:
    actions.generate_roll(
        actor=as_actor(pw.hq), election_round=pw.election_round, unit=pw.world.county_a, size=200, seed=5
    )
    voters, entries = RollVoter.objects.count(), Entry.objects.count()
    with pytest.raises(DomainError) as refused:
        actions.generate_roll(
            actor=as_actor(pw.hq), election_round=pw.election_round, unit=pw.world.county_a, size=200, seed=5
        )
    assert refused.value.code == "seed_used"
    assert "بذر" in refused.value.message
    assert (RollVoter.objects.count(), Entry.objects.count()) == (voters, entries)


def test_generate_roll_command(pw: PollingWorld) -> None:
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command(
        "generate_roll", "--round", "7", "--unit", pw.world.city_a.code, "--size", "300", "--seed", "9", stdout=out
    )
    assert out.getvalue().startswith("300 voters")
    assert (
        RollVoter.objects.filter(constituency=pw.city).count() == 300 + 21
    )  # 20 voters and the one too young live in the city
