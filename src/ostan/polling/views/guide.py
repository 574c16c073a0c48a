"""The voter's pages: a citizen's own election page, and a public page per constituency with its stations
and candidates, searchable by name or code."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from ostan.access.guards import guarded
from ostan.core.access import acting
from ostan.core.errors import NotFound
from ostan.polling import voter_guide
from ostan.polling.permissions import READ_OWN_REGISTRATION, READ_VOTER_GUIDE
from ostan.polling.station_maps import station_map

MAX_QUERY = 100


@guarded(READ_OWN_REGISTRATION)
def mine(request: HttpRequest) -> HttpResponse:
    national_code = getattr(request.user, "national_code", None) or ""
    found = voter_guide.registration(acting(request), national_code) if national_code else None
    drawn = station_map(found.stations) if found is not None else None
    return render(request, "polling/mine.html", {"nav": "mine", "reg": found, "station_map": drawn})


@guarded(READ_VOTER_GUIDE)
def guide_index(request: HttpRequest) -> HttpResponse:
    return render(request, "polling/guide_index.html", {"nav": "guide", "rows": voter_guide.public_constituencies()})


@guarded(READ_VOTER_GUIDE)
def guide(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        found = voter_guide.constituency_for_guide(acting(request), pk)
    except NotFound as exc:
        raise Http404(exc.message) from None
    query = request.GET.get("q", "")[:MAX_QUERY]
    stations = voter_guide.stations(found)
    context = {
        "nav": "guide",
        "c": found,
        "q": query,
        "candidates": voter_guide.candidates(found, query),
        "lists": found.party_lists.order_by("code") if found.is_proportional else [],
        "stations": stations,
        "station_map": station_map(stations),
    }
    return render(request, "polling/guide.html", context)
