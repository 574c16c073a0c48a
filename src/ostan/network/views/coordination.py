"""The county network's pages: who does what where (with its map and exports), the dashboard, overlaps
to resolve and gaps."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from ostan.access.guards import guarded
from ostan.core.access import acting
from ostan.core.network import InvalidPeriod, Period, PeriodKind, parse_period, period_containing
from ostan.core.tables import csv_text, xlsx_bytes
from ostan.network import actions, exports, maps, needs, selectors
from ostan.network.committees import CATEGORY_NAMES
from ostan.network.forms import FilterForm, ResolveForm
from ostan.network.permissions import READ_COORDINATION, READ_NETWORK, RESOLVE_OVERLAPS
from ostan.network.views.structure import offers, unit_or_404
from ostan.pages.forms import found, status_of, submitted

ROWS_PER_PAGE = 40  # units per page: a county has hundreds; the exports hold them all
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _period(text: str) -> tuple[Period | None, str]:
    if not text.strip():
        return None, ""
    try:
        return parse_period(text), ""
    except InvalidPeriod as exc:
        return None, exc.message


@guarded(READ_NETWORK, target="unit")
def matrix(request: HttpRequest, code: str) -> HttpResponse:
    current = unit_or_404(request, code)
    form = FilterForm(request.GET)
    data = form.cleaned_data if form.is_valid() else {"period": "", "committee": ""}
    period, problem = _period(data["period"])
    table, names = selectors.who_does_what(current, period=period, committee=data["committee"])
    fmt = request.GET.get("format", "")
    if fmt in ("csv", "xlsx"):
        lines = list(exports.matrix_lines(table, names))
        if fmt == "csv":
            response = HttpResponse("\ufeff" + csv_text(exports.HEADER, lines), content_type="text/csv; charset=utf-8")
        else:
            response = HttpResponse(xlsx_bytes(exports.HEADER, lines, title="3W"), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="3w-{current.code}.{fmt}"'
        return response
    query = request.GET.copy()
    query.pop("page", None)
    rows = Paginator(table.rows, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "nav": "network", "unit": current, "form": form, "problem": problem, "matrix": table, "page": rows,
        "institution_names": names, "category_names": CATEGORY_NAMES,
        "map": maps.matrix_map(current, table), "query": query.urlencode(), **offers(acting(request), current),
    }  # fmt: skip
    return render(request, "network/matrix.html", context)


@guarded(READ_COORDINATION, target="unit")
def dashboard(request: HttpRequest, code: str) -> HttpResponse:
    actor, current = acting(request), unit_or_404(request, code)
    board = selectors.dashboard(actor, current, today=timezone.localdate())
    year = _this_year()
    gaps = selectors.action_gaps(current, period=year, flags=needs.flags_for(current, year))
    context = {"nav": "network", "unit": current, "board": board, "gaps": gaps[:10], **offers(actor, current)}
    return render(request, "network/dashboard.html", context)


def _this_year() -> Period:
    return period_containing(timezone.localdate(), PeriodKind.YEAR)


@guarded(READ_COORDINATION, target="unit")
def overlaps(request: HttpRequest, code: str) -> HttpResponse:
    actor, current = acting(request), unit_or_404(request, code)
    context = {
        "nav": "network", "unit": current, "open": selectors.overlaps(actor, current)[:200],
        "decided": selectors.overlaps(actor, current, decided=True)[:50], **offers(actor, current),
    }  # fmt: skip
    return render(request, "network/overlaps.html", context)


@guarded(RESOLVE_OVERLAPS, target="unit")
@require_POST
def detect(request: HttpRequest, code: str) -> HttpResponse:
    current = unit_or_404(request, code)
    new = actions.detect_overlaps(actor=acting(request), unit=current)
    messages.success(request, f"{new} هم‌پوشانی تازه یافت شد." if new else "هم‌پوشانی تازه‌ای یافت نشد.")
    return redirect("network:overlaps", code=current.code)


@guarded(RESOLVE_OVERLAPS, target="overlap")
def resolve(request: HttpRequest, pk: int) -> HttpResponse:
    actor = acting(request)
    shown = found(selectors.overlap, actor, pk)
    form = ResolveForm(request.POST or None)
    call = lambda: actions.resolve_overlap(actor=actor, overlap_id=pk, **form.cleaned_data)  # noqa: E731
    if request.method == "POST" and submitted(form, call) is not None:
        messages.success(request, "تصمیم دربارهٔ هم‌پوشانی ثبت شد.")
        return redirect("network:overlaps", code=shown.unit.code)
    context = {"nav": "network", "overlap": shown, "unit": shown.unit, "form": form}
    return render(request, "network/overlap.html", context, status=status_of(form))


@guarded(READ_COORDINATION, target="unit")
def gaps(request: HttpRequest, code: str) -> HttpResponse:
    current = unit_or_404(request, code)
    period, problem = _period(request.GET.get("period", ""))
    period = period or _this_year()
    flags = needs.flags_for(current, period)
    context = {
        "nav": "network", "unit": current, "period": period, "problem": problem,
        "gaps": selectors.action_gaps(current, period=period, flags=flags), **offers(acting(request), current),
    }  # fmt: skip
    return render(request, "network/gaps.html", context)
