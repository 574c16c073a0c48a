"""The election-day demo builds on the elections demo, can run twice, and gives the day to accounts that
can run it: the stations' head and member, the constituency's and the county's officials."""

from __future__ import annotations

from ostan.access.actors import actor_for
from ostan.accounts.demo import DEMO_CITIZEN_NATIONAL_CODE
from ostan.accounts.models import User
from ostan.core.access import allows
from ostan.polling.demo import create_demo_polling
from ostan.polling.models import Device, RollVoter, Station
from ostan.polling.permissions import RUN_STATION
from ostan.polling.station_maps import station_map
from ostan.polling.voter_guide import registration
from ostan.publication.permissions import PUBLISH
from ostan.territory.models import UnitKind
from ostan.territory.scope import target_of
from tests.actors import as_actor
from tests.elections.world import make_unit, make_world


def test_demo_is_idempotent_and_its_accounts_run_the_day(db: None) -> None:
    world = make_world()
    district = world.city_a.parent
    make_unit("0001021102", UnitKind.CITY, "سنجان", district, population=60_000)
    first = create_demo_polling()
    second = create_demo_polling()
    assert first == second
    assert Station.objects.count() == 3
    assert Device.objects.count() == 6
    assert RollVoter.objects.count() == 3_001  # the synthetic roll and the demo citizen
    station = Station.objects.select_related("unit").get(code="R7-001")
    assert station.unit.name == "سنجان"
    assert not station.constituencies.get().is_published  # polls are open: the day's own council
    members = set(station.officials.values_list("username", flat=True))
    assert {"demo_day_head", "demo_day_member"} <= members
    where = target_of(station.unit)
    for username in ("demo_day_head", "demo_day_member"):
        assert allows(actor_for(User.objects.get(username=username)), RUN_STATION, where)
        assert not allows(actor_for(User.objects.get(username=username)), PUBLISH, where)
    for username in ("demo_day_constituency", "demo_day_county"):
        assert allows(actor_for(User.objects.get(username=username)), PUBLISH, where)
    assert any("demo_day_county" in line for line in first)


def test_the_demo_citizen_is_on_the_roll_and_sees_a_station_and_candidates(db: None) -> None:
    world = make_world()
    make_unit("0001021102", UnitKind.CITY, "سنجان", world.city_a.parent, population=60_000)
    create_demo_polling()
    create_demo_polling()
    voter = RollVoter.objects.get(national_code=DEMO_CITIZEN_NATIONAL_CODE)
    reg = registration(as_actor(None), DEMO_CITIZEN_NATIONAL_CODE)
    assert reg is not None
    assert reg.constituency == voter.constituency
    assert [s.code for s in reg.stations] == ["R7-001", "R7-002", "R7-003"]
    assert len(reg.candidates) == 12
    drawn = station_map(reg.stations)  # the demo's stations are placed inside their county (Arak)
    assert drawn is not None
    assert [p.code for p in drawn.points] == ["R7-001", "R7-002", "R7-003"]
