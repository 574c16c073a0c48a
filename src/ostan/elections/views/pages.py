"""Pages: the elections home, an office's constituency page and the public results page."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from ostan.access.guards import guarded
from ostan.core.access import acting
from ostan.core.errors import NotFound
from ostan.elections import selectors
from ostan.elections.forms import BallotUploadForm, LotSeedForm, RosterUploadForm
from ostan.elections.models import Constituency
from ostan.elections.permissions import CONFIGURE_ROUNDS, READ_RESULTS
from ostan.elections.result_sheets import sheet


@guarded(READ_RESULTS)
def home(request: HttpRequest) -> HttpResponse:
    actor = acting(request)
    context = {"nav": "elections", "rounds": selectors.rounds(actor),
               "can_configure_rounds": actor.is_person and CONFIGURE_ROUNDS.reach_for(actor.role) is not None,
               "is_election_official": selectors.is_election_official(actor)}  # fmt: skip
    return render(request, "elections/home.html", context)


def visible_constituency(request: HttpRequest, pk: int) -> Constituency:
    try:
        return selectors.constituency_for_user(acting(request), pk)
    except NotFound as exc:
        raise Http404(exc.message) from None


CANDIDATES_PER_PAGE = 50


def candidate_listing(request: HttpRequest, constituency: Constituency) -> dict[str, Any]:
    """The candidates table: searched by name or code, by code or alphabetically, a page at a time."""
    query = request.GET.get("q", "")[: selectors.CANDIDATE_QUERY_MAX_LENGTH].strip()
    alphabetical = request.GET.get("order") == "name"
    found = selectors.find_candidates(constituency, query, alphabetical=alphabetical)
    page = Paginator(found, CANDIDATES_PER_PAGE).get_page(request.GET.get("page"))
    kept = urlencode({k: v for k, v in (("q", query), ("order", "name" if alphabetical else "")) if v})
    return {"candidate_page": page, "candidate_q": query, "candidate_order": "name" if alphabetical else "code",
            "candidate_query": kept, "candidate_total": selectors.candidates(constituency).count()}  # fmt: skip


def constituency_context(request: HttpRequest, constituency: Constituency, **extra: Any) -> dict[str, Any]:
    return {
        "nav": "elections",
        "constituency": constituency,
        "can_manage": selectors.can_manage(acting(request), constituency.unit),
        "candidates": selectors.candidates(constituency),
        **candidate_listing(request, constituency),
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


@guarded(READ_RESULTS, target="published_constituency")
def constituency(request: HttpRequest, pk: int) -> HttpResponse:
    found = visible_constituency(request, pk)
    if not selectors.can_see_unpublished(acting(request), found):
        return redirect("elections:results", pk=found.pk)
    return render(request, "elections/constituency.html", constituency_context(request, found))


@guarded(READ_RESULTS, target="published_constituency")
def results(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        found, record = selectors.count_for_user(acting(request), pk)
    except NotFound as exc:
        raise Http404(exc.message) from None
    context = {"nav": "elections", "constituency": found, "record": record, "sheet": sheet(record.result),
               "photos": selectors.photo_urls(found)}  # fmt: skip
    return render(request, "elections/results.html", context)
