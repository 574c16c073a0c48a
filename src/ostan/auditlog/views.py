from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ostan.access.guards import guarded
from ostan.auditlog import selectors
from ostan.auditlog.permissions import READ_ENTRIES
from ostan.core.access import acting

PER_PAGE = 50


@guarded(READ_ENTRIES)
def entry_list(request: HttpRequest) -> HttpResponse:
    actor = acting(request)
    event = request.GET.get("event", "").strip()
    entries = selectors.entries_for_reading(actor, event=event)
    page = Paginator(entries, PER_PAGE).get_page(request.GET.get("page"))
    events = [(e, selectors.event_label(e)) for e in selectors.events_visible_to(actor)]
    context = {"page": page, "event": event, "events": events, "nav": "audit"}
    return render(request, "auditlog/entry_list.html", context)
