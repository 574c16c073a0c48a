"""Short codes at the station: issued after check-in, typed at the kiosk in any digit style, valid once
and only at their station; a lost token voided for its voter; and the one row joining a voter to a
token gone once the token is spent, voided or its station closed."""

from __future__ import annotations

import pytest
from django.test import Client

from ostan.auditlog.models import Entry
from ostan.core.errors import DomainError
from ostan.core.polling.short_codes import qr_payload
from ostan.polling import actions
from ostan.polling.models import CastBallot, CheckIn, TokenHolder, VoidedToken, VotingToken
from ostan.polling.simulator import new_ballot_id, new_token
from tests.actors import as_actor
from tests.elections.world import PASSWORD
from tests.polling.world import BALLOT_PATH, CHECK_IN_PATH, PollingWorld, check_in_payload, post

pytestmark = pytest.mark.django_db
SHORT_PATH = "/api/polling/short-codes"
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def checked_in(pw: PollingWorld, voter: int = 0, station: int = 0) -> tuple[str, str]:
    """(long token, short code) of a freshly checked-in voter."""
    token, hashed = new_token()
    request = check_in_payload(pw.voters[voter], hashed, request_id=f"r{voter}")
    _, body = post(Client(), pw.auth[station], CHECK_IN_PATH, request)
    assert body["is_accepted"], body
    status, short = post(Client(), pw.auth[station], SHORT_PATH,
                         {"token": token, "national_code": pw.voters[voter], "request_id": f"r{voter}"})  # fmt: skip
    assert status == 200, short
    assert len(short["short_code"]) == 9
    assert "<svg" in short["qr_svg"]
    return token, short["short_code"]


def open_ballot(pw: PollingWorld, token: str, station: int = 0) -> tuple[int, dict]:  # type: ignore[type-arg]
    return post(Client(), pw.voting[station], "/api/polling/ballots/open", {"token": token})


def cast(pw: PollingWorld, token: str, station: int = 0) -> tuple[int, dict]:  # type: ignore[type-arg]
    return post(Client(), pw.voting[station], BALLOT_PATH, {"ballot_id": new_ballot_id(), "token": token,
                                                              "codes": ["101"]})  # fmt: skip


def test_a_short_code_votes_once_in_any_digit_style_and_only_at_its_station(pw: PollingWorld) -> None:
    long_token, code = checked_in(pw)
    assert TokenHolder.objects.count() == 1
    assert open_ballot(pw, long_token)[1]["code"] == "unknown_token"  # re-keyed: only the nine digits open it
    assert open_ballot(pw, code, station=1)[1]["code"] == "unknown_token"  # another station: another token
    wrong = code[:-1] + str((int(code[-1]) + 1) % 10)
    status, body = open_ballot(pw, wrong)
    assert (status, body["code"]) == (400, "short_code_mistyped")
    assert open_ballot(pw, code.translate(PERSIAN))[0] == 200
    assert open_ballot(pw, qr_payload(code))[0] == 200
    status, body = cast(pw, f"{code[:4]}-{code[4:8]}-{code[8]}".translate(ARABIC))
    assert status == 200, body
    assert cast(pw, code)[1]["code"] == "token_already_used"
    assert TokenHolder.objects.count() == 0  # spent: the voter is forgotten in the same statement


def test_a_retried_request_for_the_short_code_gives_a_working_code(pw: PollingWorld) -> None:
    long_token, first = checked_in(pw)
    status, again = post(Client(), pw.auth[0], SHORT_PATH,
                         {"token": long_token, "national_code": pw.voters[0], "request_id": "r0"})  # fmt: skip
    assert status == 200
    assert open_ballot(pw, first)[1]["code"] == "unknown_token"
    assert cast(pw, again["short_code"])[0] == 200
    other = post(Client(), pw.auth[0], SHORT_PATH, {"token": new_token()[0], "national_code": pw.voters[1],
                                                     "request_id": "r9"})  # fmt: skip
    assert other[1]["code"] == "check_in_not_found"


def test_the_journal_upload_takes_short_codes_and_forgets_their_holders(pw: PollingWorld) -> None:
    _, code = checked_in(pw)
    _, other = checked_in(pw, voter=1)
    mistyped = other[:-1] + str((int(other[-1]) + 3) % 10)
    items = [{"ballot_id": new_ballot_id(), "token": code.translate(PERSIAN), "codes": ["101"]},
             {"ballot_id": new_ballot_id(), "token": mistyped, "codes": []}]  # fmt: skip
    status, body = post(Client(), pw.voting[0], "/api/polling/ballots/batch", {"ballots": items})
    assert status == 200, body
    assert len(body["accepted"]) == 1
    assert body["refused"][0]["code"] == "unknown_token"
    assert TokenHolder.objects.count() == 1  # the mistyped item's voter still holds an unspent token


def test_a_lost_token_is_voided_for_its_voter_and_counted_in_the_minutes(pw: PollingWorld) -> None:
    _, lost = checked_in(pw)
    member = as_actor(pw.members[0])
    issued = actions.void_lost_token(
        actor=member, station=pw.stations[0], national_code=pw.voters[0].translate(PERSIAN)
    )
    assert cast(pw, lost)[1]["code"] == "token_already_used"
    assert TokenHolder.objects.get().check_in == CheckIn.objects.get()
    again = actions.void_lost_token(actor=member, station=pw.stations[0], national_code=pw.voters[0])  # lost twice
    assert cast(pw, issued.code)[1]["code"] == "token_already_used"
    assert cast(pw, again.code)[0] == 200
    assert TokenHolder.objects.count() == 0
    with pytest.raises(DomainError) as voted:
        actions.void_lost_token(actor=member, station=pw.stations[0], national_code=pw.voters[0])
    assert voted.value.code == "no_unspent_token"
    with pytest.raises(DomainError) as elsewhere:
        actions.void_lost_token(actor=as_actor(pw.members[1]), station=pw.stations[1], national_code=pw.voters[0])
    assert elsewhere.value.code == "check_in_not_found"
    assert list(VoidedToken.objects.values_list("reason", flat=True)) == ["lost", "lost"]
    # one ballot per check-in still holds, and the minutes count the voided tokens by reason
    assert CastBallot.objects.count() == CheckIn.objects.count() == 1
    minutes = actions.close_station(actor=member, station=pw.stations[0])
    client = Client()
    assert client.login(username=pw.members[0].username, password=PASSWORD)
    page = client.get(f"/polling/minutes/{minutes[0].pk}/").content.decode()
    assert "رمز گم‌شده" in page
    assert "data-voided" in page


def test_the_lost_token_page_shows_the_new_code_once(pw: PollingWorld) -> None:
    checked_in(pw)
    client = Client()
    assert client.login(username=pw.members[0].username, password=PASSWORD)
    url = f"/polling/stations/{pw.stations[0].pk}/tokens/lost/"
    assert client.post(url, {"national_code": pw.voters[0]}).status_code == 400  # not ticked
    refused = client.post(url, {"national_code": pw.voters[5], "confirm": "on"})
    assert refused.status_code == 400
    assert "پذیرفته نشده" in refused.content.decode()
    done = client.post(url, {"national_code": pw.voters[0], "confirm": "on"})
    page = done.content.decode()
    fresh = page.split('data-short-code="', 1)[1].split('"', 1)[0]
    assert "<svg" in page
    assert cast(pw, fresh)[0] == 200
    api = client.post(f"/api/polling/stations/{pw.stations[0].pk}/tokens/lost", {"national_code": pw.voters[0]},
                      content_type="application/json")  # fmt: skip
    assert api.status_code >= 400
    assert api.json()["code"] == "no_unspent_token"


def test_closing_forgets_every_holder_and_no_stored_field_joins_a_ballot_to_a_voter(pw: PollingWorld) -> None:
    checked_in(pw)
    _, code = checked_in(pw, voter=1)
    assert cast(pw, code)[0] == 200
    checked_in(pw, voter=2)
    actions.void_lost_token(actor=as_actor(pw.members[0]), station=pw.stations[0], national_code=pw.voters[2])
    assert TokenHolder.objects.count() == 2  # the unspent tokens of voters 0 and 2 only
    actions.close_station(actor=as_actor(pw.members[0]), station=pw.stations[0])
    assert TokenHolder.objects.count() == 0
    # The schema: ballots name no token, check-in or time; tokens and voids name no voter or time.
    ballot_columns = {f.column for f in CastBallot._meta.concrete_fields}
    assert ballot_columns == {"ballot_id", "station_id", "constituency_id", "codes", "receipt_code"}
    assert {f.column for f in VotingToken._meta.concrete_fields} == {
        "token_hash", "station_id", "constituency_id", "is_redeemed"}  # fmt: skip
    assert {f.column for f in VoidedToken._meta.concrete_fields} == {"id", "station_id", "constituency_id", "reason"}
    # Nothing stored anywhere holds a spent token's hash next to a voter's code, and no audit entry
    # names a voter's code or a short code.
    spent = set(VotingToken.objects.filter(is_redeemed=True).values_list("token_hash", flat=True))
    audit = " ".join(str(row) for row in Entry.objects.values_list("after", "before", "object_label", "object_id"))
    assert not any(h in audit for h in spent)
    assert code not in audit
    assert not any(v in audit for v in pw.voters[:3])


def test_a_spoilt_short_code_is_replaced_through_the_api_and_its_holder_moves(pw: PollingWorld) -> None:
    _, spoilt = checked_in(pw)
    client = Client()
    assert client.login(username=pw.members[0].username, password=PASSWORD)
    url = f"/api/polling/stations/{pw.stations[0].pk}/tokens/spoilt"
    response = client.post(url, {"token": spoilt.translate(PERSIAN)}, content_type="application/json")
    assert response.status_code == 200, response.content
    fresh = response.json()["short_code"]
    assert TokenHolder.objects.get().check_in == CheckIn.objects.get()  # the voter still holds the new token
    assert cast(pw, spoilt)[1]["code"] == "token_already_used"
    assert cast(pw, fresh)[0] == 200
    assert list(VoidedToken.objects.values_list("reason", flat=True)) == ["spoilt"]
    again = client.post(url, {"token": fresh}, content_type="application/json")
    assert again.json()["code"] == "token_already_used"
