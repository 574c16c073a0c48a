"""Text messages to the citizen at four events of a request: filing, referral, the public answer and closing.

An action calls ``notify`` inside its own transaction: it writes one ``Notification`` row, named by the event,
and asks for the sending task after the commit (``ostan.servicedesk.tasks.send_notification``). A rollback
leaves neither row nor message; an event seen twice (the same key) leaves one row, which is sent once.
The text says what the citizen needs and nothing more: the tracking code, what happened, where to look.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from ostan.core.servicedesk.tracking import display
from ostan.servicedesk.models import Notification, NotificationKind, ServiceRequest
from ostan.servicedesk.replies import deadline_text


def _track_link(code: str) -> str:
    return f"{settings.OSTAN_SITE_URL}{reverse('servicedesk:track')}?{urlencode({'code': code})}"


def message(found: ServiceRequest, kind: NotificationKind) -> str:
    """The Persian text for ``kind`` on ``found`` (which has its tracking code)."""
    assert found.tracking_code is not None
    code = display(found.tracking_code)
    if kind is NotificationKind.FILED:
        due = deadline_text(found)
        when = f"\nپاسخ تا {due}" if due else ""
        return f"درخواست شما در میز خدمت ثبت شد.\nکد رهگیری: {code}{when}\nپیگیری: {_track_link(found.tracking_code)}"
    if kind is NotificationKind.REFERRED:
        holder = f" به «{found.organisation.name}»" if found.organisation is not None else ""
        return f"درخواست {code} برای رسیدگی{holder} ارجاع شد.\nپیگیری: {_track_link(found.tracking_code)}"
    if kind is NotificationKind.ANSWERED:
        return f"به درخواست {code} پاسخ داده شد.\nپاسخ را ببینید: {_track_link(found.tracking_code)}"
    survey = f"{settings.OSTAN_SITE_URL}{reverse('servicedesk:request', args=[found.pk])}"
    return f"درخواست {code} بسته شد.\nلطفاً در نظرسنجی رضایت شرکت کنید: {survey}"


def notify(found: ServiceRequest, kind: NotificationKind, key: str) -> Notification | None:
    """Within the action's transaction: the row for this event (kept if it is already there) and, after the
    commit, its sending task. Nothing when the request has no mobile number."""
    if not found.citizen_mobile:
        return None
    row, created = Notification.objects.get_or_create(
        key=f"{kind.value}:{key}",
        defaults={"request": found, "kind": kind.value, "mobile": found.citizen_mobile, "text": message(found, kind)},
    )
    if created:
        enqueue_after_commit(row.pk)
    return row


def enqueue_after_commit(notification_id: int) -> None:
    """Ask for the sending task once the current transaction commits; a queue that cannot take it then is
    logged and leaves the row unsent (``manage.py send_notifications`` asks again), never failing the action."""
    from ostan.servicedesk.tasks import send_notification

    transaction.on_commit(lambda: send_notification.enqueue(notification_id), robust=True)
