"""Voiding a spoilt token and issuing another under a station member's record: the spoilt token can never
vote, the new one votes once, the check-in is untouched, and only the station's own members may do it."""

from __future__ import annotations

import pytest
from django.test import Client

from ostan.auditlog.models import Entry
from ostan.core.access import OutOfScope, Role
from ostan.core.errors import DomainError
from ostan.polling import actions
from ostan.polling.models import CastBallot, CheckIn, VotingToken
from ostan.polling.simulator import new_ballot_id, new_token
from tests.actors import as_actor
from tests.elections.world import PASSWORD, make_official
from tests.polling.world import BALLOT_PATH, CHECK_IN_PATH, PollingWorld, check_in_payload, post

pytestmark = pytest.mark.django_db


def checked_in(pw: PollingWorld) -> str:
    token, hashed = new_token()
    _, body = post(Client(), pw.auth[0], CHECK_IN_PATH, check_in_payload(pw.voters[0], hashed))
    assert body["is_accepted"], body
    return token


def ballot(pw: PollingWorld, token: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    return post(Client(), pw.voting[0], BALLOT_PATH, {"ballot_id": new_ballot_id(), "token": token, "codes": ["101"]})


def test_a_spoilt_token_is_voided_and_the_new_one_votes_once(pw: PollingWorld) -> None:
    spoilt = checked_in(pw)
    fresh = actions.replace_token(actor=as_actor(pw.members[0]), station=pw.stations[0],
                                  spoilt_token=spoilt.lower()).code  # fmt: skip
    status, body = ballot(pw, spoilt)
    assert (status, body["code"]) == (409, "token_already_used")
    assert ballot(pw, fresh)[0] == 200
    assert ballot(pw, fresh)[1]["code"] == "token_already_used"
    assert CastBallot.objects.count() == CheckIn.objects.count() == 1
    entry = Entry.objects.get(event="polling.token_replaced")
    assert entry.actor_id == pw.members[0].pk
    assert spoilt not in str(entry.after)
    with pytest.raises(DomainError) as twice:
        actions.replace_token(actor=as_actor(pw.members[0]), station=pw.stations[0], spoilt_token=spoilt)
    assert twice.value.code == "token_already_used"


def test_only_the_stations_members_replace_its_tokens(pw: PollingWorld) -> None:
    spoilt = checked_in(pw)
    with pytest.raises(DomainError) as official:
        actions.replace_token(actor=as_actor(pw.official), station=pw.stations[0], spoilt_token=spoilt)
    assert official.value.code == "not_station_official"
    with pytest.raises(DomainError) as other_station:
        actions.replace_token(actor=as_actor(pw.members[1]), station=pw.stations[0], spoilt_token=spoilt)
    assert other_station.value.code == "not_station_official"
    outsider = make_official("outsider", Role.STATION_OFFICIAL, pw.world.county_b)
    with pytest.raises(OutOfScope):
        actions.replace_token(actor=as_actor(outsider), station=pw.stations[0], spoilt_token=spoilt)
    with pytest.raises(DomainError) as unknown:
        actions.replace_token(actor=as_actor(pw.members[0]), station=pw.stations[0], spoilt_token=new_token()[0])
    assert unknown.value.code == "token_not_found"
    assert VotingToken.objects.filter(is_redeemed=False).count() == 1


def test_the_page_voids_the_typed_token_and_shows_the_new_one(pw: PollingWorld) -> None:
    spoilt = checked_in(pw)
    client = Client()
    assert client.login(username=pw.members[0].username, password=PASSWORD)
    url = f"/polling/stations/{pw.stations[0].pk}/tokens/replace/"
    assert 'name="token"' in client.get(url).content.decode()
    assert client.post(url, {"token": spoilt}).status_code == 400  # not ticked
    assert VotingToken.objects.filter(is_redeemed=False).count() == 1
    unknown = client.post(url, {"token": new_token()[0], "confirm": "on"})
    assert unknown.status_code == 400
    assert "صادر نشده" in unknown.content.decode()
    done = client.post(url, {"token": spoilt, "confirm": "on"})
    assert done.status_code == 200
    page = done.content.decode()
    fresh = page.split('data-short-code="', 1)[1].split('"', 1)[0]
    assert "<svg" in page  # the same code as a QR code
    assert ballot(pw, spoilt)[1]["code"] == "token_already_used"
    assert ballot(pw, fresh)[0] == 200
