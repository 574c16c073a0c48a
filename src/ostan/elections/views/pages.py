"""Pages: the elections home, an office's constituency page and the public results page."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from ostan.core.errors import NotFound
from ostan.elections import selectors
from ostan.elections.forms import BallotUploadForm, LotSeedForm, RosterUploadForm
from ostan.elections.models import Constituency
from ostan.elections.officials import can_configure_rounds, can_manage, is_election_official
from ostan.elections.result_sheets import sheet


def home(request: HttpRequest) -> HttpResponse:
    context = {"nav": "elections", "rounds": selectors.rounds(request.user),
               "can_configure_rounds": can_configure_rounds(request.user),
               "is_election_official": is_election_official(request.user)}  # fmt: skip
    return render(request, "elections/home.html", context)


def visible_constituency(request: HttpRequest, pk: int) -> Constituency:
    try:
        return selectors.constituency_for_user(request.user, pk)
    except NotFound as exc:
        raise Http404(exc.message) from None


def constituency_context(request: HttpRequest, constituency: Constituency, **extra: Any) -> dict[str, Any]:
    return {
        "nav": "elections",
        "constituency": constituency,
        "can_manage": can_manage(request.user, constituency.unit),
        "candidates": selectors.candidates(constituency),
        "party_lists": selectors.party_lists_with_sizes(constituency),
        "batches": selectors.batches(constituency),
        "ballot_count": selectors.ballot_count(constituency),
        "latest": selectors.latest_count(constituency),
        "roster_form": RosterUploadForm(),
        "ballot_form": BallotUploadForm(),
        "seed_form": LotSeedForm(initial={"seed": constituency.lot_seed}),
        "photos": selectors.photo_urls(constituency),
        **extra,
    }


def constituency(request: HttpRequest, pk: int) -> HttpResponse:
    found = visible_constituency(request, pk)
    if not selectors.can_see_unpublished(request.user, found):
        return redirect("elections:results", pk=found.pk)
    return render(request, "elections/constituency.html", constituency_context(request, found))


def results(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        found, record = selectors.count_for_user(request.user, pk)
    except NotFound as exc:
        raise Http404(exc.message) from None
    context = {"nav": "elections", "constituency": found, "record": record, "sheet": sheet(record.result),
               "photos": selectors.photo_urls(found)}  # fmt: skip
    return render(request, "elections/results.html", context)
