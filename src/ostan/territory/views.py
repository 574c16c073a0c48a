"""Territory pages: browse, a unit, search, maps; and the two forms officials post."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ostan.access.guards import guarded
from ostan.core.access import acting, allows
from ostan.core.errors import DomainError, NotFound, PermissionRefused
from ostan.territory import actions, errors, maps, selectors
from ostan.territory.forms import NeighbourhoodForm, PopulationForm
from ostan.territory.models import Unit, UnitKind
from ostan.territory.permissions import EDIT_UNITS, READ_UNITS
from ostan.territory.reference import COUNTRY_CODE
from ostan.territory.scope import target_of

CHILDREN_PER_PAGE = 200
SEARCH_PAGE_LIMIT = 50


def _unit_or_404(request: HttpRequest, code: str) -> Unit:
    try:
        return selectors.get_unit(code, actor=acting(request))
    except NotFound as exc:
        raise Http404(exc.message) from exc


@guarded(READ_UNITS)
def browse(request: HttpRequest) -> HttpResponse:
    country = Unit.objects.filter(code=COUNTRY_CODE).first()
    provinces = selectors.children(country, actor=acting(request)) if country else []
    return render(request, "territory/browse.html", {"nav": "territory", "country": country, "provinces": provinces})


@guarded(READ_UNITS, target="unit")
def unit(request: HttpRequest, code: str) -> HttpResponse:
    return render(request, "territory/unit.html", unit_context(request, code))


def unit_context(request: HttpRequest, code: str) -> dict[str, object]:
    """What a unit's page shows of the territory itself; the site's joined page (``ostan.web.units``) adds
    every area's summary to it."""
    current = _unit_or_404(request, code)
    page = Paginator(selectors.children(current, actor=acting(request)), CHILDREN_PER_PAGE).get_page(
        request.GET.get("page")
    )
    editable = allows(acting(request), EDIT_UNITS, target_of(current))
    context = {
        "nav": "territory",
        "unit": current,
        "ancestors": selectors.ancestors(current),
        "page": page,
        "province_code": selectors.province_of(current),
        "takes_neighbourhoods": current.kind in selectors.NEIGHBOURHOOD_PARENT_KINDS,
        "can_edit": editable,
    }
    return context


def _refused(request: HttpRequest, exc: PermissionRefused) -> HttpResponse:
    return render(request, "territory/refused.html", {"nav": "territory", "error": exc}, status=exc.status)


@guarded(EDIT_UNITS, target="unit")
@require_POST
def add_neighbourhood(request: HttpRequest, code: str) -> HttpResponse:
    city = _unit_or_404(request, code)
    form = NeighbourhoodForm(request.POST)
    try:
        if not form.is_valid():
            raise errors.InvalidTerritoryInput("نام محله را درست وارد کنید.")
        created = actions.create_neighbourhood(actor=acting(request), city=city, name=form.cleaned_data["name"])
        messages.success(request, f"محله «{created.name}» افزوده شد.")
    except PermissionRefused as exc:
        return _refused(request, exc)
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("territory:unit", code=city.code)


@guarded(EDIT_UNITS, target="unit")
@require_POST
def set_population(request: HttpRequest, code: str) -> HttpResponse:
    target = _unit_or_404(request, code)
    form = PopulationForm(request.POST)
    try:
        if not form.is_valid():
            raise errors.InvalidTerritoryInput("جمعیت، سال و دلیل را درست وارد کنید.")
        data = form.cleaned_data
        actions.set_population(
            actor=acting(request),
            unit=target,
            population=data["population"],
            year=data["year"],
            reason=data["reason"],
        )
        messages.success(request, "جمعیت ثبت شد.")
    except PermissionRefused as exc:
        return _refused(request, exc)
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("territory:unit", code=target.code)


@guarded(READ_UNITS)
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[: selectors.SEARCH_QUERY_MAX_LENGTH]
    kind = request.GET.get("kind", "")
    kinds = [kind] if kind in UnitKind.values else None
    found = selectors.search_units(query, kinds=kinds, limit=SEARCH_PAGE_LIMIT, actor=acting(request))
    places = selectors.place_names(found) if query else {}
    results = [(u, places.get(u.code, "")) for u in found] if query else []
    context = {"nav": "territory", "q": query, "kind": kind, "kinds": UnitKind.choices, "results": results}
    if request.headers.get("HX-Request"):
        return render(request, "territory/_search_results.html", context)
    return render(request, "territory/search.html", context)


@guarded(READ_UNITS)
def map_view(request: HttpRequest, province_code: str | None = None) -> HttpResponse:
    try:
        drawn = maps.province_map(province_code) if province_code else maps.country_map()
    except NotFound as exc:
        raise Http404(exc.message) from exc
    chart = maps.population_choropleth(drawn)
    context = {"nav": "territory", "map": drawn, "chart": chart, "province_code": province_code}
    return render(request, "territory/map.html", context)
