"""Closing a station from its page asks for a ticked confirmation first (no JavaScript needed), and the
minutes' confirm button is shown only to the station's members, and no longer once they confirmed."""

from __future__ import annotations

import base64

import pytest
from django.test import Client

from ostan.core.polling.canonical import canonical_json
from ostan.core.polling.devices import sign_document
from ostan.core.polling.minutes import MINUTES_CONTEXT
from ostan.polling.models import Station, StationStatus
from tests.elections.world import PASSWORD
from tests.polling.world import PollingWorld, post

pytestmark = pytest.mark.django_db

CONFIRM_BUTTON = "تأیید صورتجلسه</button>"


def signed_in(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def test_closing_needs_the_confirmation_ticked(pw: PollingWorld) -> None:
    member = signed_in(pw.members[0].username)
    station = pw.stations[0]
    url = f"/polling/stations/{station.pk}/close/"
    page = member.get(f"/polling/stations/{station.pk}/").content.decode()
    assert f'href="{url}"' in page  # a link to the confirm page, not a one-click form
    shown = member.get(url)
    assert shown.status_code == 200
    assert 'type="checkbox" name="confirm"' in shown.content.decode()
    unticked = member.post(url, {})
    assert unticked.status_code == 400
    assert Station.objects.get(pk=station.pk).status == StationStatus.OPEN
    closed = member.post(url, {"confirm": "on"})
    assert closed.status_code == 302
    assert Station.objects.get(pk=station.pk).status == StationStatus.CLOSED


def test_the_confirm_button_is_for_members_only_and_goes_once_they_confirmed(pw: PollingWorld) -> None:
    station = pw.stations[0]
    member = signed_in(pw.members[0].username)
    assert member.post(f"/polling/stations/{station.pk}/close/", {"confirm": "on"}).status_code == 302
    minutes = station.minutes.get()
    signature = sign_document(pw.voting[0].keys.private_key, MINUTES_CONTEXT, canonical_json(minutes.document))
    status, body = post(Client(), pw.voting[0], f"/api/polling/minutes/{minutes.pk}/signature",
                        {"signature": base64.b64encode(signature).decode()})  # fmt: skip
    assert status == 200, body
    url = f"/polling/stations/{station.pk}/"
    assert CONFIRM_BUTTON in member.get(url).content.decode()
    official = signed_in("county_a")  # may run the station, but is not one of its members
    assert CONFIRM_BUTTON not in official.get(url).content.decode()
    other_member = signed_in(pw.members[1].username)  # a member of another station in the same city
    assert CONFIRM_BUTTON not in other_member.get(url).content.decode()
    assert member.post(f"/polling/minutes/{minutes.pk}/confirm/").status_code == 302
    after = member.get(url).content.decode()
    assert CONFIRM_BUTTON not in after
    assert "تأییدشده به دست" in after
