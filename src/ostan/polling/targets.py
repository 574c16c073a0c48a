"""Where the stations, devices and minutes the election-day pages name lie: at the station's unit."""

from __future__ import annotations

from typing import Any

from ostan.access.locators import locator, whole_number
from ostan.core.access import Target
from ostan.core.errors import NotFound
from ostan.polling.models import Station, StationMinutes
from ostan.territory.scope import target_of

STATION_NOT_FOUND = "شعبه پیدا نشد یا خارج از حوزه مسئولیت شماست."


@locator("station", conceal=True)
@locator("device", conceal=True)
def station(pk: object, **_: Any) -> Target | None:
    number = whole_number(pk)
    if number is None:
        return None
    found = Station.objects.select_related("unit").filter(pk=number).first()
    if found is None:
        raise NotFound(STATION_NOT_FOUND)
    return target_of(found.unit)


@locator("minutes", conceal=True)
def minutes(pk: object, **_: Any) -> Target | None:
    number = whole_number(pk)
    if number is None:
        return None
    found = StationMinutes.objects.select_related("station__unit").filter(pk=number).first()
    if found is None:
        raise NotFound("صورتجلسه پیدا نشد یا خارج از حوزه مسئولیت شماست.")
    return target_of(found.station.unit)
