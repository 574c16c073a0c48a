"""Reply templates (متن‌های آماده) an organisation's officers start from when they answer, ask or refer, and
the automatic first answer a citizen gets on filing, saying by which day to expect the reply.

The first answer is the holding organisation's «first» template when it has one, else the desk's own text;
in either, ``{کد}`` and ``{مهلت}`` become the tracking code and the deadline's Jalali date.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction

from ostan.access.models import Organisation
from ostan.auditlog.actions import action, record, snapshot
from ostan.core.access import Actor, Target, ensure
from ostan.core.jalali import TEHRAN, format_date
from ostan.core.servicedesk import State
from ostan.core.servicedesk.tracking import display
from ostan.core.text import normalize, to_persian_digits
from ostan.servicedesk.errors import InvalidRequest
from ostan.servicedesk.events import ServiceDeskEvent
from ostan.servicedesk.models import ReplyStep, ReplyTemplate, ServiceRequest
from ostan.servicedesk.permissions import MANAGE_REPLY_TEMPLATES

TITLE_MAX, TEXT_MAX = 120, 4000
CODE_MARK, DEADLINE_MARK = "{کد}", "{مهلت}"


def deadline_text(found: ServiceRequest) -> str:
    if found.due_at is None:
        return ""
    return format_date(found.due_at.astimezone(TEHRAN).date(), long=True)


def filled(text: str, found: ServiceRequest) -> str:
    code = display(found.tracking_code) if found.tracking_code else ""
    return text.replace(CODE_MARK, code).replace(DEADLINE_MARK, deadline_text(found))


def first_answer(found: ServiceRequest) -> str:
    """What the citizen reads on the status page (and by SMS) the moment the request is registered."""
    if found.organisation_id is not None:
        own = ReplyTemplate.objects.filter(
            organisation_id=found.organisation_id, step=ReplyStep.FIRST, is_active=True
        ).order_by("title").first()  # fmt: skip
        if own is not None:
            return filled(own.text, found)
    holder = f" و به «{found.organisation.name}» سپرده شد" if found.organisation is not None else ""
    due = deadline_text(found)
    when = f" پاسخ را تا {due} ({found.working_days} روز کاری) دریافت می‌کنید." if due else ""
    return to_persian_digits(f"درخواست شما ثبت شد{holder}.{when}")


def organisation_target(organisation: Organisation) -> Target:
    return Target(unit_path=organisation.seat.path, unit_name=organisation.seat.name,
                  organisation_path=organisation.path)  # fmt: skip


def _organisation(code: str) -> Organisation:
    found = Organisation.objects.select_related("seat").filter(code=code.strip(), is_active=True).first()
    if found is None:
        raise InvalidRequest("دستگاهی با این کد نیست.", details={"field": "organisation"})
    return found


@action()
def save_reply_template(
    *, actor: Actor, organisation_code: str, step: str, state: str, title: str, text: str
) -> ReplyTemplate:
    """Add an organisation's template, or change the one of the same step and title."""
    organisation = _organisation(organisation_code)
    ensure(actor, MANAGE_REPLY_TEMPLATES, organisation_target(organisation))
    if step not in ReplyStep.values:
        raise InvalidRequest("مرحلهٔ متن آماده را برگزینید.", details={"field": "step"})
    if state and state not in State._value2member_map_:
        raise InvalidRequest("وضعیت درخواست شناخته نیست.", details={"field": "state"})
    title, text = normalize(title).strip(), normalize(text).strip()
    if not title or len(title) > TITLE_MAX:
        raise InvalidRequest("عنوان متن آماده را (تا ۱۲۰ نویسه) بنویسید.", details={"field": "title"})
    if not text or len(text) > TEXT_MAX:
        raise InvalidRequest("متن آماده را (تا ۴۰۰۰ نویسه) بنویسید.", details={"field": "text"})
    with transaction.atomic(durable=True):
        row = ReplyTemplate.objects.select_for_update().filter(
            organisation=organisation, step=step, title=title
        ).first() or ReplyTemplate(organisation=organisation, step=step, title=title)  # fmt: skip
        before = snapshot(row, ("state", "text", "is_active")) if row.pk else None
        row.state, row.text, row.is_active = state, text, True
        try:
            row.save()
        except IntegrityError:
            raise InvalidRequest("متنی با این عنوان هست.", details={"field": "title"}) from None
        record(
            actor=actor, event=ServiceDeskEvent.REPLY_TEMPLATE_SAVED, obj=row, unit_path=organisation.seat.path,
            before=before, after={"organisation": organisation.code, "step": step, "state": state, "text": text},
        )  # fmt: skip
    return row


@action()
def deactivate_reply_template(*, actor: Actor, template_id: int) -> ReplyTemplate:
    row = ReplyTemplate.objects.select_related("organisation__seat").filter(pk=template_id).first()
    if row is None:
        raise InvalidRequest("چنین متن آماده‌ای نیست.", details={"field": "template"})
    ensure(actor, MANAGE_REPLY_TEMPLATES, organisation_target(row.organisation))
    with transaction.atomic(durable=True):
        row = ReplyTemplate.objects.select_for_update().get(pk=template_id)
        row.is_active = False
        row.save(update_fields=["is_active"])
        record(actor=actor, event=ServiceDeskEvent.REPLY_TEMPLATE_DEACTIVATED, obj=row, after={"is_active": False})
    return row
