"""Participation's front page for an office: what waits for it, what it waits for, and where to go."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ostan.access.guards import guarded
from ostan.core.access import acting
from ostan.participation import selectors
from ostan.participation.permissions import READ_COPY


@guarded(READ_COPY)
def home(request: HttpRequest) -> HttpResponse:
    actor = acting(request)
    context = {
        "nav": "participation",
        "to_acknowledge": selectors.inbox(actor).filter(acknowledged_at__isnull=True, office_id=actor.organisation_id)[
            :20
        ],
        "not_acknowledged": selectors.not_acknowledged(actor).count(),
        "late_decisions": [r for r in selectors.decisions(actor, open_only=True) if r.status == "late"][:20],
    }
    return render(request, "participation/home.html", context)
