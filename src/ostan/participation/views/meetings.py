"""Meetings with the middle rings: the list, a new meeting with its invitations, its page with the minutes
(and their PDF), and the follow-up of every decision to done, overdue first."""

from __future__ import annotations

from typing import cast

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ostan.access.guards import guarded
from ostan.core.access import acting, allows
from ostan.pages.forms import found, status_of, submitted
from ostan.participation import actions, selectors
from ostan.participation.entries import DecisionEntry, MeetingEntry, MinutesEntry
from ostan.participation.forms import DecisionDoneForm, MeetingForm, MinutesForm
from ostan.participation.minutes_pdf import minutes_pdf
from ostan.participation.models import Decision, Meeting
from ostan.participation.permissions import MANAGE_MEETINGS, READ_MEETINGS
from ostan.participation.targets import target_of_meeting

PER_PAGE = 50


def _choices(form: forms.Form, name: str, choices: list[tuple[str, str]]) -> None:
    cast(forms.MultipleChoiceField, form.fields[name]).choices = choices


@guarded(READ_MEETINGS)
def meetings(request: HttpRequest) -> HttpResponse:
    actor = acting(request)
    page = Paginator(selectors.meetings(actor), PER_PAGE).get_page(request.GET.get("page"))
    context = {"nav": "participation", "page": page, "may_add": MANAGE_MEETINGS.reach_for(actor.role) is not None}
    return render(request, "participation/meetings.html", context)


@guarded(MANAGE_MEETINGS)
def new_meeting(request: HttpRequest) -> HttpResponse:
    actor = acting(request)
    form = MeetingForm(request.POST or None, initial={"unit": request.GET.get("unit", "")})
    people = selectors.stakeholders(actor)[:300]
    _choices(form, "stakeholders", [(str(s.pk), f"{s.name} ({s.get_ring_display()}، {s.unit.name})") for s in people])

    def call() -> Meeting:
        d = form.cleaned_data
        entry = MeetingEntry(
            unit_code=d["unit"], title=d["title"], held_at=d["held_at"], agenda=d["agenda"], kind=d["kind"],
            place=d["place"], stakeholder_ids=tuple(int(x) for x in d["stakeholders"]),
        )  # fmt: skip
        return actions.schedule_meeting(actor=actor, entry=entry)

    if request.method == "POST" and (made := submitted(form, call)):
        messages.success(request, f"جلسهٔ «{made.title}» ثبت شد.")
        return redirect("participation:meeting", pk=made.pk)
    context = {"nav": "participation", "form": form}
    return render(request, "participation/meeting_new.html", context, status=status_of(form))


def _meeting_page(request: HttpRequest, pk: int, minutes_form: MinutesForm | None = None) -> HttpResponse:
    actor = acting(request)
    item = found(selectors.meeting, actor, pk)
    may_manage = allows(actor, MANAGE_MEETINGS, target_of_meeting(item))
    invitations = list(item.invitations.select_related("stakeholder__unit").order_by("stakeholder__name"))
    form = minutes_form or MinutesForm(initial={"minutes": item.minutes})
    _choices(form, "attended", [(str(i.stakeholder_id), i.stakeholder.name) for i in invitations])
    context = {
        "nav": "participation", "item": item, "invitations": invitations, "may_manage": may_manage,
        "decisions": selectors.decision_rows(list(item.decisions.all())), "form": form,
        "decision_fields": [(form[f"decision_{i}"], form[f"owner_{i}"], form[f"due_{i}"]) for i in range(5)],
        "done_form": DecisionDoneForm(),
    }  # fmt: skip
    return render(request, "participation/meeting.html", context, status=status_of(form))


@guarded(READ_MEETINGS, target="meeting")
def meeting(request: HttpRequest, pk: int) -> HttpResponse:
    return _meeting_page(request, pk)


@require_POST
@guarded(MANAGE_MEETINGS, target="meeting")
def minutes(request: HttpRequest, pk: int) -> HttpResponse:
    actor = acting(request)
    item = found(selectors.meeting, actor, pk)
    form = MinutesForm(request.POST)
    _choices(form, "attended", [(str(i.stakeholder_id), "") for i in item.invitations.all()])

    def call() -> Meeting:
        d = form.cleaned_data
        entry = MinutesEntry(
            text=d["minutes"], attended_ids=tuple(int(x) for x in d["attended"]),
            decisions=tuple(DecisionEntry(t, o, due) for t, o, due in d["decision_rows"]),
        )  # fmt: skip
        return actions.record_minutes(actor=actor, meeting_id=item.pk, entry=entry)

    if submitted(form, call) is not None:
        messages.success(request, "صورتجلسه ثبت شد.")
        return redirect("participation:meeting", pk=pk)
    return _meeting_page(request, pk, form)


@guarded(READ_MEETINGS, target="meeting")
def minutes_file(request: HttpRequest, pk: int) -> HttpResponse:
    item = found(selectors.meeting, acting(request), pk)
    response = HttpResponse(minutes_pdf(item), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="minutes-{item.pk}.pdf"'
    return response


@guarded(READ_MEETINGS)
def decisions(request: HttpRequest) -> HttpResponse:
    rows = selectors.decisions(acting(request))
    late = sum(1 for r in rows if r.status == "late")
    return render(request, "participation/decisions.html", {"nav": "participation", "rows": rows, "late": late})


@require_POST
@guarded(MANAGE_MEETINGS, target="decision")
def decision_done(request: HttpRequest, pk: int) -> HttpResponse:
    actor = acting(request)
    form = DecisionDoneForm(request.POST)
    meeting_id = Decision.objects.filter(pk=pk).values_list("meeting_id", flat=True).get()

    def call() -> Decision:
        d = form.cleaned_data
        return actions.mark_decision_done(actor=actor, decision_id=pk, done_on=d["done_on"], note=d["note"])

    if submitted(form, call) is not None:
        messages.success(request, "انجام مصوبه ثبت شد.")
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
    return redirect("participation:meeting", pk=meeting_id)
