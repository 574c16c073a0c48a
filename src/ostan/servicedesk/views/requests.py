"""Filing a request, the citizen's own list, the inbox (کارتابل) and every step from a request's page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ostan.access.guards import guarded
from ostan.core.access import Capability, acting, allows
from ostan.core.servicedesk import Event, State
from ostan.core.servicedesk.lifecycle import find_transition
from ostan.core.servicedesk.tracking import display
from ostan.pages.forms import found, status_of, submitted
from ostan.servicedesk import actions, exports, replies, search, selectors
from ostan.servicedesk.entries import Filing
from ostan.servicedesk.errors import RequestNotFound
from ostan.servicedesk.forms import (
    AssignForm,
    EmptyForm,
    FilingForm,
    InboxFilterForm,
    MergeForm,
    ReasonForm,
    ReferForm,
    ResponsibleForm,
    SurveyForm,
    TextFilesForm,
    TextForm,
    uploads_of,
)
from ostan.servicedesk.models import ServiceRequest
from ostan.servicedesk.permissions import (
    FILE_REQUEST,
    HANDLE_REQUEST,
    READ_INBOX,
    READ_OWN_REQUESTS,
    READ_REQUESTS,
    RESPOND_AS_CITIZEN,
    ROUTE_REQUEST,
)
from ostan.servicedesk.targets import target_of_request
from ostan.territory.models import Unit, UnitKind

PER_PAGE = 50


def _choices(form: forms.Form, name: str, choices: list[tuple[str, str]]) -> None:
    cast(forms.ChoiceField, form.fields[name]).choices = choices


@guarded(FILE_REQUEST)
def file_request(request: HttpRequest) -> HttpResponse:
    actor = acting(request)
    on_behalf = not actor.is_citizen
    initial = {"service": request.GET.get("service", "")}
    form = FilingForm(request.POST or None, request.FILES or None, initial=initial, on_behalf=on_behalf)

    def call() -> ServiceRequest:
        data = form.cleaned_data
        filing = Filing(
            service_code=data["service"], kind=data["kind"], unit_code=data["unit"], text=data["text"],
            channel=data.get("channel", "online"), citizen_name=data.get("citizen_name", ""),
            national_code=data.get("national_code", ""), mobile=data.get("mobile", ""),
        )  # fmt: skip
        return actions.file_request(actor=actor, filing=filing, uploads=uploads_of(data))

    if request.method == "POST" and (filed := submitted(form, call)):
        assert filed.tracking_code is not None
        messages.success(request, f"درخواست ثبت شد. کد رهگیری: {display(filed.tracking_code)}")
        return redirect("servicedesk:filed", pk=filed.pk)
    cities = (
        Unit.objects.filter(kind__in=(UnitKind.CITY, UnitKind.COUNTY)).order_by("name").values_list("name", flat=True)
    )
    context = {"nav": "desk", "form": form, "on_behalf": on_behalf, "places": list(cities[:2000])}
    return render(request, "servicedesk/file.html", context, status=status_of(form))


@guarded(READ_REQUESTS, target="service_request")
def filed(request: HttpRequest, pk: int) -> HttpResponse:
    actor = acting(request)
    found_request = found(selectors.request, actor, pk)
    assert found_request.tracking_code is not None
    duplicates = selectors.likely_duplicates(actor, found_request) if actor.is_staff else []
    context = {"nav": "desk", "item": found_request, "code": display(found_request.tracking_code),
               "duplicates": duplicates}  # fmt: skip
    return render(request, "servicedesk/filed.html", context)


@guarded(READ_OWN_REQUESTS)
def mine(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.mine(acting(request)), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "servicedesk/mine.html", {"nav": "desk", "page": page})


def _inbox_rows(request: HttpRequest) -> tuple[InboxFilterForm, QuerySet[ServiceRequest]]:
    """The inbox's search form and the requests it finds (the page and its export read the same)."""
    actor = acting(request)
    organisations = [(o.code, o.name) for o in selectors.organisations_in_reach(actor)]
    form = InboxFilterForm(request.GET, organisations=organisations)
    criteria = form.criteria if form.is_valid() else search.Criteria()
    return form, search.requests(actor, criteria)


def _filters(request: HttpRequest) -> str:
    query = request.GET.copy()
    for name in ("page", "format"):
        query.pop(name, None)
    return query.urlencode()


def _format(request: HttpRequest) -> str:
    kind = request.GET.get("format", "csv")
    return kind if kind in exports.FORMATS else "csv"


@guarded(READ_INBOX)
def inbox(request: HttpRequest) -> HttpResponse:
    form, rows = _inbox_rows(request)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    context = {"nav": "desk", "form": form, "page": page, "query": _filters(request)}
    return render(request, "servicedesk/inbox.html", context, status=status_of(form))


@guarded(READ_INBOX)
def inbox_export(request: HttpRequest) -> HttpResponse:
    """The inbox's list under the same filters, as CSV or XLSX (``?format=``)."""
    _, rows = _inbox_rows(request)
    listed = exports.request_rows(rows[: exports.EXPORT_MAX])
    return exports.download(_format(request), "inbox", exports.REQUEST_HEADER, listed)


@guarded(READ_INBOX)
def escalations(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.escalations(acting(request)), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "servicedesk/escalations.html", {"nav": "desk", "page": page, "query": ""})


def _grouping(request: HttpRequest) -> str:
    by = request.GET.get("by", "organisation")
    return by if by in selectors.GROUPINGS else "organisation"


@guarded(READ_INBOX)
def dashboard(request: HttpRequest) -> HttpResponse:
    by = _grouping(request)
    rows = selectors.dashboard(acting(request), by=by)
    context = {
        "nav": "desk", "rows": rows, "by": by, "groupings": selectors.GROUPINGS.items(),
        "heading": selectors.GROUPINGS[by], "map": selectors.county_map(rows) if by == "unit" else None,
        "timely": [r for r in rows if r.on_time_percent is not None],  # a bar needs a figure; «—» stays in the table
    }  # fmt: skip
    return render(request, "servicedesk/dashboard.html", context)


@guarded(READ_INBOX)
def dashboard_export(request: HttpRequest) -> HttpResponse:
    by = _grouping(request)
    rows = selectors.dashboard(acting(request), by=by)
    return exports.download(_format(request), f"dashboard-{by}", exports.dashboard_header(by),
                            exports.dashboard_rows(rows))  # fmt: skip


def _offers(item: ServiceRequest, side: str, event: Event) -> bool:
    row = find_transition(State(item.state), event)
    return row is not None and side in {s.value for s in row.sides}


def _detail(
    request: HttpRequest, pk: int, bound: dict[str, forms.Form] | None = None, status: int = 200
) -> HttpResponse:
    actor = acting(request)
    item = found(selectors.request, actor, pk)
    target = target_of_request(item)
    may_handle, may_route = allows(actor, HANDLE_REQUEST, target), allows(actor, ROUTE_REQUEST, target)
    may_respond = allows(actor, RESPOND_AS_CITIZEN, target)
    serving = [(o.code, o.name) for o in selectors.organisations_serving(item)]
    shown: dict[str, forms.Form] = {
        "ask": TextForm(prefix="ask"), "answer": TextFilesForm(prefix="answer"), "note": TextForm(prefix="note"),
        "refer": ReferForm(prefix="refer"), "not_ours": ResponsibleForm(prefix="not_ours"),
        "assign": AssignForm(prefix="assign"), "settle": ResponsibleForm(prefix="settle"),
        "reply": TextFilesForm(prefix="reply"), "reopen": ReasonForm(prefix="reopen"),
        "survey": SurveyForm(prefix="survey"),
        "merge": MergeForm(prefix="merge"),
    }  # fmt: skip
    picked = _picked(request, item) if may_handle else None
    if picked is not None:
        field = "reason" if picked[0] == "refer" else "text"
        shown[picked[0]].initial = {field: picked[1]}
    shown.update(bound or {})
    refusals = [str(e) for form in (bound or {}).values() if form.is_bound for e in form.non_field_errors()]
    for name in ("refer", "assign"):
        _choices(shown[name], "organisation", serving)
    offers = {
        "accept": may_handle and _offers(item, "agency", Event.ACCEPT),
        "ask": may_handle and _offers(item, "agency", Event.REQUEST_INFORMATION),
        "answer": may_handle and _offers(item, "agency", Event.ANSWER),
        "note": may_handle and item.is_open,
        "refer": may_handle and _offers(item, "agency", Event.REFER),
        "not_ours": may_handle and _offers(item, "agency", Event.RETURN),
        "assign": may_route and _offers(item, "desk", Event.ASSIGN),
        "settle": may_route and _offers(item, "desk", Event.DECLARE_NOT_OURS),
        "desk_close": may_route and _offers(item, "desk", Event.CLOSE),
        "merge": may_route and _offers(item, "desk", Event.MERGE),
        "reply": may_respond and _offers(item, "citizen", Event.PROVIDE_INFORMATION),
        "close": may_respond and _offers(item, "citizen", Event.CLOSE),
        "reopen": may_respond and _offers(item, "citizen", Event.REOPEN),
        "survey": may_respond and item.state == State.CLOSED and item.satisfaction is None,
    }
    internal = actor.is_staff
    assert item.tracking_code is not None
    context = {
        "nav": "desk", "item": item, "code": display(item.tracking_code), "forms": shown, "offers": offers,
        "entries": selectors.history_with_files(item, internal=internal), "internal": internal,
        "is_late": selectors.is_overdue(item), "remaining": selectors.remaining_days(item), "refusals": refusals,
        "duplicates": selectors.likely_duplicates(actor, item) if internal and item.is_open else [],
        "templates": selectors.reply_templates(item) if may_handle and item.is_open else [],
    }  # fmt: skip
    return render(request, "servicedesk/request.html", context, status=status)


def _picked(request: HttpRequest, item: ServiceRequest) -> tuple[str, str] | None:
    """The step and filled text of the template the officer chose (``?template=``), if it is one offered."""
    chosen = request.GET.get("template", "")
    for row in selectors.reply_templates(item):
        if str(row.pk) == chosen:
            return row.step, replies.filled(row.text, item)
    return None


@guarded(READ_REQUESTS, target="service_request")
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, pk)


def _run(
    request: HttpRequest, pk: int, name: str, form: forms.Form, call: Callable[[], Any], done: str
) -> HttpResponse:
    if submitted(form, call) is not None:
        messages.success(request, done)
        try:
            selectors.request(acting(request), pk)
        except RequestNotFound:  # referred or returned out of the actor's reach: back to their inbox
            return redirect("servicedesk:inbox")
        return redirect("servicedesk:request", pk=pk)
    return _detail(request, pk, {name or "step": form}, status=400)


def _step_view(capability: Capability, name: str, done: str, make: Callable[..., Any]) -> Callable[..., HttpResponse]:
    """A POST-only page for one step: its form (prefixed ``name``), its action, back to the request's page."""
    form_class = {"ask": TextForm, "answer": TextFilesForm, "note": TextForm, "refer": ReferForm,
                  "not_ours": ResponsibleForm, "assign": AssignForm, "settle": ResponsibleForm, "reply": TextFilesForm,
                  "reopen": ReasonForm, "survey": SurveyForm, "merge": MergeForm}.get(name, EmptyForm)  # fmt: skip

    @guarded(capability, target="service_request")
    @require_POST
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        actor = acting(request)
        form = form_class(request.POST, request.FILES, prefix=name if form_class is not EmptyForm else None)
        if "organisation" in form.fields:
            item = found(selectors.request, actor, pk)
            _choices(form, "organisation", [(o.code, o.name) for o in selectors.organisations_serving(item)])
        shown = name if form_class is not EmptyForm else ""
        return _run(request, pk, shown, form, lambda: make(actor, pk, getattr(form, "cleaned_data", {})), done)

    view.__name__ = view.__qualname__ = f"step_{name}"
    return view


accept = _step_view(HANDLE_REQUEST, "accept", "رسیدگی آغاز شد.",
                    lambda a, pk, d: actions.accept_request(actor=a, request_id=pk))  # fmt: skip
ask = _step_view(HANDLE_REQUEST, "ask", "پرسش برای شهروند فرستاده شد؛ مهلت تا پاسخ او متوقف است.",
                 lambda a, pk, d: actions.ask_citizen(actor=a, request_id=pk, question=d["text"]))  # fmt: skip
answer = _step_view(HANDLE_REQUEST, "answer", "پاسخ ثبت و برای شهروند نمایش داده شد.",
                    lambda a, pk, d: actions.answer_request(actor=a, request_id=pk, answer=d["text"],
                                                            uploads=uploads_of(d)))  # fmt: skip
note = _step_view(HANDLE_REQUEST, "note", "یادداشت داخلی افزوده شد.",
                  lambda a, pk, d: actions.add_note(actor=a, request_id=pk, text=d["text"]))  # fmt: skip
refer = _step_view(
    HANDLE_REQUEST, "refer", "درخواست ارجاع شد.",
    lambda a, pk, d: actions.refer_request(actor=a, request_id=pk, organisation_code=d["organisation"],
                                           reason=d["reason"]),
)  # fmt: skip
not_ours = _step_view(
    HANDLE_REQUEST, "not_ours", "درخواست با نام مرجع مسئول به میز خدمت برگشت.",
    lambda a, pk, d: actions.return_not_ours(actor=a, request_id=pk, responsible_body=d["responsible_body"]),
)  # fmt: skip
assign = _step_view(
    ROUTE_REQUEST, "assign", "درخواست به کارتابل دستگاه فرستاده شد.",
    lambda a, pk, d: actions.assign_request(actor=a, request_id=pk, organisation_code=d["organisation"]),
)  # fmt: skip
settle = _step_view(
    ROUTE_REQUEST, "settle", "درخواست خارج از صلاحیت اعلام شد.",
    lambda a, pk, d: actions.declare_not_ours(actor=a, request_id=pk, responsible_body=d["responsible_body"]),
)  # fmt: skip
desk_close = _step_view(ROUTE_REQUEST, "desk_close", "درخواست بسته شد.",
                        lambda a, pk, d: actions.close_request(actor=a, request_id=pk))  # fmt: skip
reply = _step_view(RESPOND_AS_CITIZEN, "reply", "پاسخ شما فرستاده شد.",
                   lambda a, pk, d: actions.provide_information(actor=a, request_id=pk, text=d["text"],
                                                                uploads=uploads_of(d)))  # fmt: skip
close = _step_view(RESPOND_AS_CITIZEN, "close", "درخواست بسته شد. سپاس از شما.",
                   lambda a, pk, d: actions.close_request(actor=a, request_id=pk))  # fmt: skip
reopen = _step_view(RESPOND_AS_CITIZEN, "reopen", "درخواست دوباره باز شد.",
                    lambda a, pk, d: actions.reopen_request(actor=a, request_id=pk, reason=d["reason"]))  # fmt: skip
survey = _step_view(
    RESPOND_AS_CITIZEN, "survey", "سپاس از پاسخ شما به نظرسنجی.",
    lambda a, pk, d: actions.rate_request(actor=a, request_id=pk, score=d["score"], comment=d["comment"]),
)  # fmt: skip
merge = _step_view(
    ROUTE_REQUEST, "merge", "درخواست با درخواست اصلی یکی شد.",
    lambda a, pk, d: actions.merge_request(actor=a, request_id=pk, original_code=d["original"]),
)  # fmt: skip
