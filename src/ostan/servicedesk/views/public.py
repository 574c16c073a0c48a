"""Pages anyone may open: the catalogue of services and the status page reached with a tracking code."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ostan.access.guards import guarded
from ostan.core.access import acting
from ostan.pages.forms import found
from ostan.servicedesk import selectors
from ostan.servicedesk.forms import SearchForm, TrackForm
from ostan.servicedesk.permissions import (
    MANAGE_CATALOGUE,
    MANAGE_OPEN311_KEYS,
    READ_CATALOGUE,
    READ_INBOX,
    TRACK_REQUEST,
)


@guarded(READ_CATALOGUE)
def catalogue(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    actor = acting(request)
    context = {
        "nav": "desk", "form": form, "services": selectors.services(query), "query": query,
        "may_inbox": actor.is_person and READ_INBOX.reach_for(actor.role) is not None,
        "may_keep_holidays": actor.is_person and MANAGE_CATALOGUE.reach_for(actor.role) is not None,
        "may_keep_keys": actor.is_person and MANAGE_OPEN311_KEYS.reach_for(actor.role) is not None,
    }  # fmt: skip
    return render(request, "servicedesk/catalogue.html", context)


@guarded(READ_CATALOGUE)
def service_detail(request: HttpRequest, code: str) -> HttpResponse:
    context = {"nav": "desk", "service": found(selectors.service, code)}
    return render(request, "servicedesk/service.html", context)


@guarded(TRACK_REQUEST)
def track(request: HttpRequest) -> HttpResponse:
    form = TrackForm(request.GET if "code" in request.GET else None)
    status, problem = None, ""
    if form.is_bound and form.is_valid():
        status, problem = selectors.try_status(form.cleaned_data["code"])
        if problem:
            form.add_error("code", problem)
    context = {"nav": "desk", "form": form, "status": status}
    return render(request, "servicedesk/track.html", context, status=404 if problem else 200)
