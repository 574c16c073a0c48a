"""Text messages to the citizen at filing, referral, answer and closing, sent once, retried on failure
(here with the immediate tasks backend; tests/servicedesk/test_notifications_worker.py runs the real worker)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import Any

import pytest
from pytest_django.fixtures import Settings

from ostan.accounts.sms import MemoryBackend
from ostan.core.servicedesk.tracking import display
from ostan.servicedesk import actions
from ostan.servicedesk.models import Notification, NotificationKind
from ostan.servicedesk.tasks import ALREADY_SENT, SENT, send_notification
from tests.servicedesk.conftest import NATIONAL_CODE, Desk
from tests.servicedesk.sms_backends import FlakyMemoryBackend

MOBILE = "09121234567"
Capture = Callable[..., AbstractContextManager[list[Callable[[], Any]]]]


@pytest.fixture(autouse=True)
def _outbox(settings: Settings) -> Iterator[None]:
    settings.OSTAN_SMS_BACKEND = "tests.servicedesk.sms_backends.FlakyMemoryBackend"
    settings.OSTAN_SITE_URL = "https://ostan.example"
    MemoryBackend.outbox.clear()
    FlakyMemoryBackend.failures = 0
    yield
    MemoryBackend.outbox.clear()


def test_each_event_of_a_requests_life_sends_one_persian_message(
    desk: Desk, django_capture_on_commit_callbacks: Capture
) -> None:
    officer, citizen = desk.actor(desk.water_officer), desk.actor(desk.citizen)
    with django_capture_on_commit_callbacks(execute=True):
        found = desk.file()
    assert found.tracking_code is not None
    code = display(found.tracking_code)
    assert [(m.to, m.text.splitlines()[1]) for m in MemoryBackend.outbox] == [(MOBILE, f"کد رهگیری: {code}")]
    assert f"https://ostan.example/desk/track/?code={found.tracking_code}" in MemoryBackend.outbox[0].text
    with django_capture_on_commit_callbacks(execute=True):
        actions.accept_request(actor=officer, request_id=found.pk)  # no message for accepting
    assert len(MemoryBackend.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        actions.refer_request(actor=officer, request_id=found.pk, organisation_code="POWER-0001", reason="برق است.")
    assert MemoryBackend.outbox[-1].text.startswith(f"درخواست {code} برای رسیدگی به «برق اراک» ارجاع شد.")
    power = desk.actor(desk.power_officer)
    with django_capture_on_commit_callbacks(execute=True):
        actions.accept_request(actor=power, request_id=found.pk)
        actions.answer_request(actor=power, request_id=found.pk, answer="کابل تعویض شد.")
    assert MemoryBackend.outbox[-1].text.startswith(f"به درخواست {code} پاسخ داده شد.")
    with django_capture_on_commit_callbacks(execute=True):
        actions.close_request(actor=citizen, request_id=found.pk)
    assert MemoryBackend.outbox[-1].text.endswith(
        f"نظرسنجی رضایت شرکت کنید: https://ostan.example/desk/requests/{found.pk}/"
    )
    assert len(MemoryBackend.outbox) == 4
    assert list(Notification.objects.values_list("kind", flat=True)) == [
        NotificationKind.FILED, NotificationKind.REFERRED, NotificationKind.ANSWERED, NotificationKind.CLOSED,
    ]  # fmt: skip
    assert all(n.sent_at is not None and n.attempts == 1 for n in Notification.objects.all())
    for message in MemoryBackend.outbox:  # the citizen's own details and the answer's text stay off the phone
        assert NATIONAL_CODE not in message.text
        assert "کابل" not in message.text


def test_nothing_is_sent_before_the_commit(desk: Desk, django_capture_on_commit_callbacks: Capture) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        desk.file()
    assert Notification.objects.get().sent_at is None
    assert MemoryBackend.outbox == []
    assert len(callbacks) == 1


def test_the_same_event_enqueued_twice_sends_one_message(
    desk: Desk, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        found = desk.file()
    row = Notification.objects.get(request=found)
    assert send_notification.call(row.pk) == ALREADY_SENT
    assert len(MemoryBackend.outbox) == 1
    # The same event seen again in another transaction keeps the one row and asks for no second send.
    from ostan.servicedesk.notifications import notify

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert notify(found, NotificationKind.FILED, key=str(found.pk)) == row
    assert callbacks == []
    assert Notification.objects.count() == 1
    assert len(MemoryBackend.outbox) == 1


def test_a_failed_send_is_retried_and_counted(
    desk: Desk, settings: Settings, django_capture_on_commit_callbacks: Capture
) -> None:
    FlakyMemoryBackend.failures = 2
    with django_capture_on_commit_callbacks(execute=True):
        desk.file()
    row = Notification.objects.get()
    assert row.sent_at is not None
    assert (row.attempts, row.last_error) == (3, "SmsNotSent")
    assert len(MemoryBackend.outbox) == 1


def test_a_gateway_that_keeps_failing_is_given_up_after_the_last_attempt(
    desk: Desk, settings: Settings, django_capture_on_commit_callbacks: Capture
) -> None:
    settings.OSTAN_NOTIFY_MAX_ATTEMPTS = 3
    FlakyMemoryBackend.failures = 10
    with django_capture_on_commit_callbacks(execute=True):
        desk.file()
    row = Notification.objects.get()
    assert (row.sent_at, row.attempts, row.last_error) == (None, 3, "SmsNotSent")
    assert row.gave_up_at is not None
    assert MemoryBackend.outbox == []
    FlakyMemoryBackend.failures = 0
    assert send_notification.call(row.pk) == ALREADY_SENT  # given up: not tried again by a stray task


def test_a_request_without_a_mobile_gets_no_message(desk: Desk, django_capture_on_commit_callbacks: Capture) -> None:
    desk.citizen.mobile = ""
    desk.citizen.save()
    with django_capture_on_commit_callbacks(execute=True):
        desk.file()
    assert Notification.objects.count() == 0
    assert MemoryBackend.outbox == []


def test_send_returns_sent_for_a_fresh_row(desk: Desk, django_capture_on_commit_callbacks: Capture) -> None:
    with django_capture_on_commit_callbacks(execute=False):
        found = desk.file()
    row = Notification.objects.get(request=found)
    assert send_notification.call(row.pk) == SENT
    assert send_notification.call(row.pk) == ALREADY_SENT
    assert len(MemoryBackend.outbox) == 1
