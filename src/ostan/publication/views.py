"""Public pages of the results and the bulletin board, the downloads ``ostan verify`` reads, and the
officials' dashboard. Each view is a few lines over the selectors."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from ostan.access.guards import guarded
from ostan.core.access import OutOfScope, acting
from ostan.core.errors import NotFound
from ostan.core.polling.ballots import format_receipt
from ostan.elections.ballot_files import jsonl_lines
from ostan.elections.files import constituency_id
from ostan.elections.models import Constituency, ElectionRound
from ostan.pages.forms import ConfirmForm, status_of, submitted
from ostan.polling.models import Station
from ostan.publication import actions, export, maps, selectors
from ostan.publication import dashboard as dashboards
from ostan.publication import day as days
from ostan.publication.manifest_pdf import manifest_pdf
from ostan.publication.models import BulletinEntry, ElectionManifest
from ostan.publication.permissions import OPEN_ROUND, PUBLISH, READ_BOARD, READ_DASHBOARD
from ostan.publication.presentation import entry_rows, result_rows, station_rows
from ostan.territory.models import Unit

ENTRIES_PER_PAGE = 50
PUBLISHED_ID = re.compile(r"round(\d+)-(\d+)")


@guarded(READ_BOARD)
def index(request: HttpRequest) -> HttpResponse:
    results = selectors.published_constituencies()
    context = {"nav": "results", "results": results, "head": selectors.board_head(), "turnout_map": None}
    newest = results.order_by("-constituency__election_round__number").first()
    if newest is not None:
        election_round = newest.constituency.election_round
        area = maps.published_area(election_round.pk)
        context["turnout_map"] = maps.published_turnout(election_round.pk, area) if area else None
        context["map_round"] = election_round
    return render(request, "publication/index.html", context)


@guarded(READ_BOARD, target="board_constituency")
def constituency(request: HttpRequest, pk: int) -> HttpResponse:
    """The old address by database id: moved for good to the constituency's published id."""
    try:
        found = selectors.constituency_result(pk)
    except NotFound as exc:
        raise Http404(exc.message) from None
    return redirect("publication:constituency_code", code=constituency_id(found.constituency), permanent=True)


@guarded(READ_BOARD)
def constituency_by_code(request: HttpRequest, code: str) -> HttpResponse:
    """A published constituency's result at its published id (``round7-3``, as on the board)."""
    matched = PUBLISHED_ID.fullmatch(code)
    try:
        found = selectors.constituency_result(int(matched.group(2))) if matched else None
    except NotFound:
        found = None
    if found is None or constituency_id(found.constituency) != code:
        raise Http404("نتیجه‌ای با این شناسه منتشر نشده است.")
    stations = station_rows(selectors.constituency_stations(found.constituency))
    province = maps.province_of(found.constituency.unit)
    turnout = maps.published_turnout(found.constituency.election_round_id, province) if province else None
    context = {
        "nav": "results", "found": found, "rows": result_rows(found.result), "stations": stations,
        "turnout_map": turnout,
    }  # fmt: skip
    return render(request, "publication/constituency.html", context)


@guarded(READ_BOARD, target="board_constituency")
def ballots_jsonl(request: HttpRequest, pk: int) -> StreamingHttpResponse:
    """A published constituency's ballots, one JSON array of codes per line in ballot-id order: with the
    constituency file, ``ostan count`` gives the published result again."""
    try:
        codes = selectors.published_ballot_codes(pk)
    except NotFound as exc:
        raise Http404(exc.message) from None
    response = StreamingHttpResponse(_in_chunks(jsonl_lines(codes)), content_type="application/jsonl; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="ballots-{pk}.jsonl"'
    return response


def _in_chunks(lines: Iterator[str], size: int = 10_000) -> Iterator[bytes]:
    pending: list[str] = []
    for line in lines:
        pending.append(line)
        if len(pending) >= size:
            yield "".join(pending).encode()
            pending = []
    yield "".join(pending).encode()


@guarded(READ_BOARD, target="board_station")
def station(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        page = selectors.station_page(pk)
    except NotFound as exc:
        raise Http404(exc.message) from None
    return render(request, "publication/station.html", {"nav": "results", "page": page})


@guarded(READ_BOARD)
def bulletin(request: HttpRequest) -> HttpResponse:
    entries = Paginator(selectors.entries(), ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
    rows = entry_rows(entries.object_list)
    context = {"nav": "results", "entries": entries, "rows": rows, "head": selectors.board_head()}
    return render(request, "publication/bulletin.html", context)


@guarded(READ_BOARD, target="entry")
def payload(request: HttpRequest, seq: int) -> HttpResponse:
    try:
        found = selectors.entry(seq)
    except NotFound as exc:
        raise Http404(exc.message) from None
    return HttpResponse(found.payload_bytes, content_type="application/json; charset=utf-8")


@guarded(READ_BOARD)
def receipt(request: HttpRequest) -> HttpResponse:
    typed = request.GET.get("code", "")[:40]
    context: dict[str, object] = {"nav": "results", "typed": typed}
    if typed:
        try:
            found = selectors.receipt(typed)
            context |= {"found": found, "formatted": format_receipt(found.receipt_code)}
        except NotFound as exc:
            context["error"] = exc.message
    return render(request, "publication/receipt.html", context)


@guarded(READ_BOARD)
def chain_jsonl(request: HttpRequest) -> StreamingHttpResponse:
    response = StreamingHttpResponse(export.chain_lines(), content_type="application/x-ndjson; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="chain.jsonl"'
    return response


@guarded(READ_BOARD)
def keys_json(request: HttpRequest) -> JsonResponse:
    response = JsonResponse(export.keys_document(), json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Disposition"] = 'attachment; filename="keys.json"'
    return response


@guarded(READ_DASHBOARD)
def dashboard(request: HttpRequest) -> HttpResponse:
    return _dashboard(request, "publication/dashboard.html")


@guarded(READ_DASHBOARD)
def dashboard_panel(request: HttpRequest) -> HttpResponse:
    return _dashboard(request, "publication/_dashboard_panel.html")


def _dashboard(request: HttpRequest, template: str) -> HttpResponse:
    unit_code = request.GET.get("unit") or None
    try:
        board = dashboards.build(acting(request), unit_code=unit_code)
    except OutOfScope as exc:
        return render(request, "publication/refused.html", {"message": exc.message}, status=403)
    return render(request, template, {"nav": "results", "d": board, "unit_code": unit_code or ""})


@guarded(READ_DASHBOARD)
def day(request: HttpRequest) -> HttpResponse:
    """Every station's and constituency's state in the viewer's unit, and what comes next."""
    unit_code = request.GET.get("unit") or None
    try:
        state = days.build(acting(request), unit_code=unit_code)
    except OutOfScope as exc:
        return render(request, "publication/refused.html", {"message": exc.message}, status=403)
    return render(request, "publication/day.html", {"nav": "results", "d": state, "unit_code": unit_code or ""})


def _confirm(request: HttpRequest, form: ConfirmForm, **shown: str) -> HttpResponse:
    context = {"nav": "results", "form": form, "back": reverse("publication:day"), **shown}
    return render(request, "pages/confirm.html", context, status=status_of(form))


def _form(request: HttpRequest) -> ConfirmForm:
    return ConfirmForm(request.POST if request.method == "POST" else None)


@guarded(PUBLISH, target="station")
def publish_station(request: HttpRequest, pk: int) -> HttpResponse:
    """Publish a closed station whose minutes are signed and confirmed: a confirm page, then the action."""
    s = Station.objects.select_related("unit").get(pk=pk)  # the guard's locator found it, in reach
    form = _form(request)
    call = lambda: actions.publish_station(actor=acting(request), station=s, require_confirmed=True)  # noqa: E731
    if submitted(form, call):
        messages.success(request, f"صورتجلسه و برگه‌های شعبهٔ {s.code} روی تابلوی اعلانات منتشر شد.")
        return redirect("publication:day")
    return _confirm(
        request, form, step="publish_station", title=f"انتشار شعبهٔ {s.code}", button="انتشار روی تابلو",
        what=f"صورتجلسهٔ امضاشده و برگه‌های بی‌نام شعبهٔ {s.code} ({s.address}) روی تابلوی اعلانات افزوده می‌شود.",
        warning="آنچه روی تابلو می‌رود هرگز پاک یا دگرگون نمی‌شود.",
    )  # fmt: skip


@guarded(PUBLISH, target="constituency")
def aggregate(request: HttpRequest, pk: int) -> HttpResponse:
    """Aggregate a constituency whose stations are all published (checked by a full recount)."""
    c = Constituency.objects.select_related("unit").get(pk=pk)
    form = _form(request)
    if submitted(form, lambda: actions.aggregate_constituency(actor=acting(request), constituency=c)):
        messages.success(request, f"آرای {c} تجمیع شد؛ اکنون نتیجه را اعلام کنید.")
        return redirect("publication:day")
    return _confirm(
        request, form, step="aggregate", title=f"تجمیع آرای {c}", button="تجمیع آرا",
        what="صورتجلسه‌های همهٔ شعبه‌های منتشرشدهٔ حوزه جمع و شمرده می‌شود و با بازشماری همهٔ برگه‌ها سنجیده می‌شود.",
        warning="پس از تجمیع، نتیجه برای اعلام آماده است.",
    )  # fmt: skip


@guarded(PUBLISH, target="constituency")
def publish_result(request: HttpRequest, pk: int) -> HttpResponse:
    """Announce the aggregated result on the board (and as the constituency's published count)."""
    c = Constituency.objects.select_related("unit").get(pk=pk)
    form = _form(request)
    if submitted(form, lambda: actions.publish_result(actor=acting(request), constituency=c)):
        messages.success(request, f"نتیجهٔ {c} روی تابلوی اعلانات اعلام شد.")
        return redirect("publication:constituency", pk=c.pk)
    return _confirm(
        request, form, step="publish_result", title=f"اعلام نتیجهٔ {c}", button="اعلام نتیجه",
        what="نتیجهٔ تجمیع‌شده روی تابلوی اعلانات می‌رود و نتیجهٔ رسمی حوزه می‌شود؛ رأی‌گیری در حوزه پایان می‌یابد.",
        warning="اعلام نتیجه برگشت‌پذیر نیست.",
    )  # fmt: skip


def _manifest_row(request: HttpRequest) -> ElectionManifest:
    rows = ElectionManifest.objects.select_related("election_round", "opening_entry").order_by("-created_at")
    number = request.GET.get("round")
    row = rows.filter(election_round__number=int(number)).first() if number and number.isdigit() else rows.first()
    if row is None:
        raise Http404("هنوز بیانیهٔ انتخاباتی صادر نشده است.")
    return row


@guarded(READ_BOARD)
def manifest_json(request: HttpRequest) -> JsonResponse:
    """The signed election manifest of the latest round (``?round=N`` for another)."""
    response = JsonResponse(_manifest_row(request).document, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Disposition"] = 'attachment; filename="manifest.json"'
    return response


@guarded(READ_BOARD)
def manifest_print(request: HttpRequest) -> HttpResponse:
    """The manifest to print: key fingerprint and opening head as text and QR, stations, constituency files."""
    row = _manifest_row(request)
    response = HttpResponse(manifest_pdf(row.document), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="manifest-{row.election_round.number}.pdf"'
    return response


@guarded(READ_BOARD)
def tree_head_json(request: HttpRequest) -> JsonResponse:
    """The latest signed tree head with the witnesses' cosignatures (``ostan.witnessed-head/1``)."""
    document = export.tree_head_document()
    if document is None:
        raise Http404("هنوز هیچ سرِ درختی امضا نشده است.")
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Disposition"] = 'attachment; filename="tree-head.json"'
    return response


@guarded(READ_BOARD)
def opening(request: HttpRequest) -> HttpResponse:
    """Each round: opened (its manifest to download and print) or not yet (a button for those who may)."""
    opened = {m.election_round_id: m for m in ElectionManifest.objects.select_related("opening_entry")}
    rounds = [(r, opened.get(r.pk)) for r in ElectionRound.objects.order_by("-number")]
    may_open = OPEN_ROUND.reach_for(acting(request).role) is not None
    return render(request, "publication/opening.html", {"nav": "results", "rounds": rounds, "may_open": may_open})


@guarded(OPEN_ROUND, target="round")
def open_round(request: HttpRequest, pk: int) -> HttpResponse:
    """Anchor the round's stations and device keys on the board and issue its manifest: a confirm page."""
    election_round = _round(pk)
    form = _form(request)
    if submitted(form, lambda: actions.open_round(actor=acting(request), election_round=election_round)):
        messages.success(request, f"شعبه‌ها و کلیدهای {election_round.name} روی تابلو ثبت و بیانیه صادر شد.")
        return redirect("publication:opening")
    return _confirm(
        request, form, step="open_round", title=f"ثبت شعبه‌ها و صدور بیانیهٔ {election_round.name}",
        button="ثبت روی تابلو و صدور بیانیه",
        what="هر شعبه با کلیدهای عمومی دستگاه‌هایش و پرونده‌های حوزه‌ها روی تابلو می‌رود، سپس مدخل گشایش و بیانیهٔ امضاشده.",
        warning="این کار یک بار برای هر دوره است؛ دستگاهی که پس از آن ثبت شود روی تابلو «دیرهنگام» نشان داده می‌شود.",
    )  # fmt: skip


@guarded(READ_BOARD)
def unit_totals(request: HttpRequest, code: str) -> HttpResponse:
    """A county's, province's or country's published totals, by the unit's stable code (``ostan.rollup/1``)."""
    unit = Unit.objects.filter(code=code[:32]).first()
    if unit is None:
        raise Http404("واحدی با این کد نیست.")
    rows = BulletinEntry.objects.filter(kind="rollup", subject=unit.code).order_by("-seq")
    published = [(e, json.loads(e.payload)) for e in rows[:20]]
    rounds = ElectionRound.objects.order_by("-number")
    may_publish = PUBLISH.reach_for(acting(request).role) is not None
    context = {"nav": "results", "unit": unit, "published": published, "rounds": rounds, "may_publish": may_publish}
    return render(request, "publication/unit_totals.html", context)


def _round(pk: int) -> ElectionRound:
    found = ElectionRound.objects.filter(pk=pk).first()
    if found is None:
        raise Http404("دوره‌ای با این شناسه نیست.")
    return found


@guarded(PUBLISH, target="unit_round")
def publish_unit_totals(request: HttpRequest, code: str, round_pk: int) -> HttpResponse:
    """Publish the unit's totals from its constituencies' published results: a confirm page, then the action."""
    unit = Unit.objects.filter(code=code[:32]).first()
    if unit is None:
        raise Http404("واحدی با این کد نیست.")
    election_round = _round(round_pk)
    form = _form(request)
    call = lambda: actions.publish_rollup(actor=acting(request), election_round=election_round, unit=unit)  # noqa: E731
    if submitted(form, call):
        messages.success(request, f"جمع آرای {unit} روی تابلوی اعلانات منتشر شد.")
        return redirect("publication:unit_totals", code=unit.code)
    return _confirm(
        request, form, step="publish_rollup", title=f"انتشار جمع آرای {unit}", button="انتشار جمع روی تابلو",
        what=f"جمع نتایج اعلام‌شدهٔ همهٔ حوزه‌های {unit} در {election_round.name} روی تابلو می‌رود.",
        warning="هر کس این جمع را با ostan verify از نتایج و صورتجلسه‌های روی تابلو دوباره می‌سازد.",
    )  # fmt: skip
