"""Check-in through the signed API: acceptance, refusals with Persian reasons, idempotent retries, link down."""

from __future__ import annotations

from django.test import Client

from ostan.auditlog.models import Entry
from ostan.polling import link
from ostan.polling.models import CheckIn, VotingToken
from ostan.polling.simulator import new_token
from tests.polling.world import CHECK_IN_PATH, PollingWorld, check_in_payload, national_code, post


def test_a_voter_is_accepted_once_and_refused_elsewhere_with_where_and_when(pw: PollingWorld) -> None:
    client, code = Client(), pw.voters[0]
    _, hashed = new_token()
    status, body = post(
        client, pw.auth[0], CHECK_IN_PATH, check_in_payload("۰" + code[1:] if code[0] == "0" else code, hashed)
    )
    assert status == 200
    assert body["is_accepted"]
    assert body["reason_code"] == "accepted"
    assert VotingToken.objects.filter(token_hash=hashed, station=pw.stations[0], is_redeemed=False).exists()
    status, body = post(client, pw.auth[1], CHECK_IN_PATH, check_in_payload(code, new_token()[1], "r2"))
    assert status == 200
    assert not body["is_accepted"]
    assert body["reason_code"] == "already_voted"
    assert "A۰۰۱" in body["message"]
    assert "قبلاً" in body["message"]
    assert CheckIn.objects.count() == 1
    assert VotingToken.objects.count() == 1
    assert Entry.objects.filter(event="polling.checked_in").count() == 1


def test_persian_digits_are_accepted(pw: PollingWorld) -> None:
    persian = pw.voters[1].translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    status, body = post(Client(), pw.auth[0], CHECK_IN_PATH, check_in_payload(persian, new_token()[1]))
    assert status == 200
    assert body["is_accepted"]


def test_a_retry_of_the_same_request_gets_the_same_outcome_and_no_second_token(pw: PollingWorld) -> None:
    client, code = Client(), pw.voters[0]
    first_hash, second_hash = new_token()[1], new_token()[1]
    post(client, pw.auth[0], CHECK_IN_PATH, check_in_payload(code, first_hash, "same-id"))
    status, body = post(client, pw.auth[0], CHECK_IN_PATH, check_in_payload(code, second_hash, "same-id"))
    assert status == 200
    assert body["is_accepted"]
    assert body["is_retry"]
    assert list(VotingToken.objects.values_list("token_hash", flat=True)) == [first_hash]


def test_refusals_say_why_in_persian(pw: PollingWorld) -> None:
    client = Client()
    young = post(client, pw.auth[0], CHECK_IN_PATH, check_in_payload(national_code(9000), new_token()[1], "a"))[1]
    assert young["reason_code"] == "not_eligible"
    assert "سال" in young["message"]
    away = post(client, pw.auth[0], CHECK_IN_PATH, check_in_payload(national_code(9001), new_token()[1], "b"))[1]
    assert away["reason_code"] == "wrong_constituency"
    assert "حوزه" in away["message"]
    unknown = post(client, pw.auth[0], CHECK_IN_PATH, check_in_payload(national_code(123456), new_token()[1], "c"))[1]
    assert unknown["reason_code"] == "not_eligible"
    assert "فهرست" in unknown["message"]
    payload = {**check_in_payload(pw.voters[2], new_token()[1], "d"), "evidence": "0000"}
    assert post(client, pw.auth[0], CHECK_IN_PATH, payload)[1]["reason_code"] == "identity_not_confirmed"
    assert CheckIn.objects.count() == 0


def test_link_down_refuses_writes_nothing_and_the_station_works_again_after(pw: PollingWorld) -> None:
    client, code = Client(), pw.voters[3]
    with link.simulated_outage():
        status, body = post(client, pw.auth[0], CHECK_IN_PATH, check_in_payload(code, new_token()[1], "x"))
    assert status == 200
    assert body["reason_code"] == "link_down"
    assert "ارتباط" in body["message"]
    assert CheckIn.objects.count() == 0
    reported = post(client, pw.auth[0], CHECK_IN_PATH, check_in_payload(code, new_token()[1], "y", is_link_down=True))
    assert reported[1]["reason_code"] == "link_down"
    status, body = post(client, pw.auth[0], CHECK_IN_PATH, check_in_payload(code, new_token()[1], "z"))
    assert body["is_accepted"]
    assert CheckIn.objects.count() == 1


def test_a_voting_device_cannot_check_in(pw: PollingWorld) -> None:
    status, body = post(Client(), pw.voting[0], CHECK_IN_PATH, check_in_payload(pw.voters[0], new_token()[1]))
    assert status == 403
    assert body["code"] == "wrong_device_kind"
