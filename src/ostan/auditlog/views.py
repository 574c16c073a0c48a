from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ostan.auditlog import selectors
from ostan.auditlog.access import may_read_log

PER_PAGE = 50


@login_required
def entry_list(request: HttpRequest) -> HttpResponse:
    if not may_read_log(request.user):
        raise PermissionDenied("دفتر رویدادها فقط برای کارکنان است.")
    event = request.GET.get("event", "").strip()
    entries = selectors.entries_for_reading(request.user, event=event)  # type: ignore[arg-type]
    page = Paginator(entries, PER_PAGE).get_page(request.GET.get("page"))
    events = [(e, selectors.event_label(e)) for e in selectors.events_visible_to(request.user)]  # type: ignore[arg-type]
    context = {"page": page, "event": event, "events": events, "labels": selectors.EVENT_LABELS, "nav": "audit"}
    return render(request, "auditlog/entry_list.html", context)
