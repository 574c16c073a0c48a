"""Circulars and reports: sending with attachments, the sender's view of every recipient's receipt and of who
has not acknowledged, the recipient office's inbox, reading and acknowledging, and guarded downloads."""

from __future__ import annotations

from typing import cast

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ostan.access.guards import guarded
from ostan.core.access import acting, allows
from ostan.core.errors import DomainError
from ostan.pages.forms import found, status_of, submitted
from ostan.participation import actions, attachments, record, selectors
from ostan.participation.attachments import Upload
from ostan.participation.entries import CircularEntry
from ostan.participation.forms import AcknowledgeForm, CircularForm
from ostan.participation.models import Attachment, Circular, CircularKind, Recipient
from ostan.participation.offices import office_of, reachable
from ostan.participation.permissions import ACKNOWLEDGE_CIRCULAR, READ_CIRCULARS, READ_COPY, SEND_CIRCULAR
from ostan.participation.targets import target_of_copy

PER_PAGE = 50


@guarded(READ_CIRCULARS)
def outbox(request: HttpRequest) -> HttpResponse:
    actor = acting(request)
    page = Paginator(selectors.outbox(actor).order_by("-sent_at", "-pk"), PER_PAGE).get_page(request.GET.get("page"))
    context = {"nav": "participation", "page": page, "may_send": SEND_CIRCULAR.reach_for(actor.role) is not None}
    return render(request, "participation/outbox.html", context)


@guarded(READ_CIRCULARS)
def pending(request: HttpRequest) -> HttpResponse:
    """Who has not acknowledged: every waiting copy of the office's circulars, the nearest deadline first."""
    rows = selectors.not_acknowledged(acting(request))[:500]
    return render(request, "participation/pending.html", {"nav": "participation", "rows": rows})


@guarded(SEND_CIRCULAR)
def new_circular(request: HttpRequest) -> HttpResponse:
    actor = acting(request)
    kind = request.POST.get("kind") or request.GET.get("kind") or CircularKind.CIRCULAR
    form = CircularForm(request.POST or None, request.FILES or None, initial={"kind": kind})
    try:
        offices, no_office = list(reachable(office_of(actor), kind)), ""
    except DomainError as exc:  # a post in no office: the page says so; sending is refused by the action
        offices, no_office = [], exc.message
    cast(forms.MultipleChoiceField, form.fields["recipients"]).choices = [(o.code, o.name) for o in offices]

    def call() -> Circular:
        d = form.cleaned_data
        uploads = tuple(Upload(f.name, f.read()) for f in d["attachments"])
        entry = CircularEntry(
            title=d["title"], body=d["body"], priority=d["priority"], deadline_at=d["deadline_at"],
            recipient_codes=tuple(d["recipients"]), kind=d["kind"], uploads=uploads,
        )  # fmt: skip
        return actions.send_circular(actor=actor, entry=entry)

    if request.method == "POST" and (sent := submitted(form, call, {"invalid_attachment": "attachments"})):
        messages.success(request, f"«{sent.title}» برای {len(form.cleaned_data['recipients'])} دفتر فرستاده شد.")
        return redirect("participation:circular", pk=sent.pk)
    context = {"nav": "participation", "form": form, "kind": kind, "no_office": no_office}
    return render(request, "participation/circular_new.html", context, status=status_of(form))


@guarded(READ_CIRCULARS, target="circular")
def circular(request: HttpRequest, pk: int) -> HttpResponse:
    item = found(selectors.circular, acting(request), pk)
    states = selectors.recipient_states(item)
    context = {
        "nav": "participation", "item": item, "states": states, "attachments": item.attachments.all(),
        "waiting": sum(1 for s in states if s.copy.acknowledged_at is None),
        "late": sum(1 for s in states if s.state.is_late), "problems": record.problems(item),
    }  # fmt: skip
    return render(request, "participation/circular.html", context)


def _download(found_attachment: Attachment | None) -> HttpResponse:
    if found_attachment is None:
        raise Http404("چنین پیوستی یافت نشد.")
    response = HttpResponse(attachments.read(found_attachment.stored_name), content_type=found_attachment.content_type)
    response["Content-Disposition"] = f'attachment; filename="attachment-{found_attachment.pk}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@guarded(READ_CIRCULARS, target="circular")
def circular_attachment(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    item = found(selectors.circular, acting(request), pk)
    return _download(item.attachments.filter(pk=attachment_pk).first())


@guarded(READ_COPY)
def inbox(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.inbox(acting(request)), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "participation/inbox.html", {"nav": "participation", "page": page})


def _copy_page(request: HttpRequest, pk: int, form: AcknowledgeForm | None = None) -> HttpResponse:
    actor = acting(request)
    item = found(selectors.copy, actor, pk)
    context = {
        "nav": "participation", "item": item, "circular": item.circular,
        "attachments": item.circular.attachments.all(), "form": form or AcknowledgeForm(),
        "may_acknowledge": item.acknowledged_at is None and allows(actor, ACKNOWLEDGE_CIRCULAR, target_of_copy(item)),
    }  # fmt: skip
    return render(request, "participation/copy.html", context, status=status_of(*([form] if form else [])))


@guarded(READ_COPY, target="circular_copy")
def copy(request: HttpRequest, pk: int) -> HttpResponse:
    actions.mark_read(actor=acting(request), copy_id=pk)
    return _copy_page(request, pk)


@require_POST
@guarded(ACKNOWLEDGE_CIRCULAR, target="circular_copy")
def acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    form = AcknowledgeForm(request.POST)
    done = submitted(
        form, lambda: actions.acknowledge(actor=acting(request), copy_id=pk, note=form.cleaned_data["note"])
    )
    if done is not None:
        messages.success(request, "دریافت بخشنامه تأیید و در زنجیرهٔ امضاشده ثبت شد.")
        return redirect("participation:copy", pk=pk)
    return _copy_page(request, pk, form)


@guarded(READ_COPY, target="circular_copy")
def copy_attachment(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    item: Recipient = found(selectors.copy, acting(request), pk)
    return _download(item.circular.attachments.filter(pk=attachment_pk).first())
