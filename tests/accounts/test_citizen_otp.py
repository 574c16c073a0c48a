"""Citizens sign in with national code and an SMS code: the API, the pages, expiry and the limits."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from ostan.accounts.models import OtpChallenge, User
from ostan.accounts.sms import MemoryBackend
from ostan.auditlog.models import Entry
from ostan.core.access import Role
from ostan.core.text import to_persian_digits
from tests.accounts.conftest import Clock
from tests.accounts.people import Tree, make_staff

NATIONAL_CODE = "0499370899"
MOBILE = "09121234567"
Capture = Callable[..., Any]


def last_code() -> str:
    match = re.search(r"\b(\d{6})\b", MemoryBackend.outbox[-1].text)
    assert match is not None
    return match.group(1)


def request_code(client: Client, capture: Capture, national_code: str = NATIONAL_CODE, mobile: str = MOBILE) -> Any:
    with capture(execute=True):
        return client.post(
            "/api/accounts/otp/request",
            {"national_code": national_code, "mobile": mobile},
            content_type="application/json",
        )


def verify(client: Client, code: str, national_code: str = NATIONAL_CODE) -> Any:
    body = {"national_code": national_code, "code": code}
    return client.post("/api/accounts/otp/verify", body, content_type="application/json")


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_full_flow_creates_the_citizen_and_signs_in(
    client: Client, django_capture_on_commit_callbacks: Capture, clock: Clock
) -> None:
    sent = request_code(
        client, django_capture_on_commit_callbacks, to_persian_digits(NATIONAL_CODE), "+98 912 123 4567"
    )
    assert sent.status_code == 200
    assert sent.json() == {"national_code": NATIONAL_CODE, "masked_mobile": "0912***4567", "expires_in_seconds": 120}
    assert len(MemoryBackend.outbox) == 1
    assert MemoryBackend.outbox[0].to == MOBILE
    code = last_code()
    refused = verify(client, wrong(code))
    assert refused.status_code == 400
    assert refused.json()["code"] == "otp_wrong"
    logins_before = Entry.objects.filter(event="accounts.signed_in").count()
    ok = verify(client, to_persian_digits(code))
    assert ok.status_code == 200
    assert ok.json()["role"] == Role.CITIZEN
    citizen = User.objects.get(username=NATIONAL_CODE)
    assert citizen.national_code == NATIONAL_CODE
    assert citizen.mobile == MOBILE
    assert not citizen.has_usable_password()
    assert client.get("/api/accounts/me").json()["username"] == NATIONAL_CODE
    assert Entry.objects.filter(event="accounts.signed_in").count() == logins_before + 1


def test_the_code_is_never_stored_or_audited(client: Client, django_capture_on_commit_callbacks: Capture) -> None:
    request_code(client, django_capture_on_commit_callbacks)
    code = last_code()
    challenge = OtpChallenge.objects.get()
    assert code not in challenge.digest
    entry = Entry.objects.get(event="accounts.otp_requested")
    assert code not in str(entry.after)
    assert MOBILE not in str(entry.after)  # masked


def test_no_sms_leaves_when_the_transaction_does_not_commit(
    client: Client, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(
            "/api/accounts/otp/request",
            {"national_code": NATIONAL_CODE, "mobile": MOBILE},
            content_type="application/json",
        )
    assert len(callbacks) == 1
    assert MemoryBackend.outbox == []


def test_expired_code_is_refused(client: Client, django_capture_on_commit_callbacks: Capture, clock: Clock) -> None:
    request_code(client, django_capture_on_commit_callbacks)
    code = last_code()
    clock.advance(minutes=2)
    response = verify(client, code)
    assert response.status_code == 400
    assert response.json()["code"] == "otp_expired"
    assert not User.objects.filter(username=NATIONAL_CODE).exists()


def test_sixth_try_is_refused_even_with_the_right_code(
    client: Client, django_capture_on_commit_callbacks: Capture, clock: Clock
) -> None:
    request_code(client, django_capture_on_commit_callbacks)
    code = last_code()
    for _ in range(5):
        assert verify(client, wrong(code)).json()["code"] == "otp_wrong"
    response = verify(client, code)
    assert response.status_code == 429
    assert response.json()["code"] == "too_many_attempts"
    assert not User.objects.filter(username=NATIONAL_CODE).exists()
    assert OtpChallenge.objects.get().attempts == 5


def test_a_used_code_cannot_sign_in_twice(client: Client, django_capture_on_commit_callbacks: Capture) -> None:
    request_code(client, django_capture_on_commit_callbacks)
    code = last_code()
    assert verify(client, code).status_code == 200
    assert verify(Client(), code).json()["code"] == "too_many_attempts"


def test_fourth_request_in_ten_minutes_is_refused(
    client: Client, django_capture_on_commit_callbacks: Capture, clock: Clock
) -> None:
    for _ in range(3):
        assert request_code(client, django_capture_on_commit_callbacks).status_code == 200
        clock.advance(minutes=1)
    refused = request_code(client, django_capture_on_commit_callbacks)
    assert refused.status_code == 429
    assert refused.json()["code"] == "too_many_attempts"
    assert len(MemoryBackend.outbox) == 3
    clock.advance(minutes=10)
    assert request_code(client, django_capture_on_commit_callbacks).status_code == 200


@pytest.mark.parametrize(
    ("national_code", "mobile", "code"),
    [
        ("0499370898", MOBILE, "invalid_national_code"),
        ("۱۲۳", MOBILE, "invalid_national_code"),
        ("", MOBILE, "invalid_national_code"),
        (NATIONAL_CODE, "0212345678", "invalid_mobile"),
        (NATIONAL_CODE, "۰۹۱۲abc", "invalid_mobile"),
    ],
)
def test_bad_input_gets_stable_codes(
    client: Client, django_capture_on_commit_callbacks: Capture, national_code: str, mobile: str, code: str
) -> None:
    response = request_code(client, django_capture_on_commit_callbacks, national_code, mobile)
    assert response.status_code == 400
    assert response.json()["code"] == code
    assert MemoryBackend.outbox == []
    assert OtpChallenge.objects.count() == 0


def test_a_known_citizen_only_gets_codes_on_their_own_number(
    client: Client, django_capture_on_commit_callbacks: Capture, clock: Clock
) -> None:
    request_code(client, django_capture_on_commit_callbacks)
    verify(client, last_code())
    other = request_code(Client(), django_capture_on_commit_callbacks, mobile="09350000000")
    assert other.status_code == 403
    assert other.json()["code"] == "mobile_mismatch"
    assert len(MemoryBackend.outbox) == 1


def test_staff_national_codes_cannot_use_the_citizen_door(
    client: Client, django_capture_on_commit_callbacks: Capture, admin: User, tree: Tree
) -> None:
    official = make_staff(admin, "official", Role.COUNTY_ELECTION_OFFICIAL, tree.county_a)
    User.objects.filter(pk=official.pk).update(national_code=NATIONAL_CODE)
    response = request_code(client, django_capture_on_commit_callbacks)
    assert response.json()["code"] == "staff_account"
    assert MemoryBackend.outbox == []


@pytest.mark.parametrize("body", [b"", b"{}", b'{"national_code": 12}', b'{"national_code": "x", "code": []}'])
def test_verify_never_fails_with_500(client: Client, db: None, body: bytes) -> None:
    response = client.post("/api/accounts/otp/verify", body, content_type="application/json")
    assert response.status_code in {400, 422}


def test_page_flow_with_persian_digits(client: Client, django_capture_on_commit_callbacks: Capture) -> None:
    page = client.get("/accounts/citizen/")
    assert "کد ملی" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(
            "/accounts/citizen/", {"national_code": to_persian_digits(NATIONAL_CODE), "mobile": "۰۹۱۲۱۲۳۴۵۶۷"}
        )
    assert sent.status_code == 302
    assert sent["Location"].startswith("/accounts/citizen/code/")
    form = client.get(sent["Location"])
    assert to_persian_digits(NATIONAL_CODE) in form.content.decode()
    refused = client.post("/accounts/citizen/code/", {"code": wrong(last_code())})
    assert "کد واردشده درست نیست" in refused.content.decode()
    signed_in = client.post("/accounts/citizen/code/", {"code": last_code()})
    assert signed_in.status_code == 302
    assert client.session["_auth_user_id"] == str(User.objects.get(username=NATIONAL_CODE).pk)


def test_page_shows_persian_errors(client: Client, db: None) -> None:
    response = client.post("/accounts/citizen/", {"national_code": "0499370898", "mobile": MOBILE})
    assert response.status_code == 200
    assert "رقم کنترل کد ملی درست نیست" in response.content.decode()


def test_code_page_without_a_request_goes_back_to_the_start(client: Client, db: None) -> None:
    response = client.get("/accounts/citizen/code/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/citizen/"
