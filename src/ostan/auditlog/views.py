from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ostan.access.guards import guarded
from ostan.auditlog import selectors
from ostan.auditlog.permissions import READ_ENTRIES
from ostan.core import jalali
from ostan.core.access import acting
from ostan.core.errors import DomainError
from ostan.core.text import normalize, normalize_digits

PER_PAGE = 50
UNIT_CODE = re.compile(r"[0-9A-Za-z\-]{1,32}")


def _unit_code(typed: str) -> tuple[str, str | None]:
    """A unit's code as typed (Persian digits allowed), or a Persian error."""
    text = normalize_digits(normalize(typed)).strip()
    if not text:
        return "", None
    if not UNIT_CODE.fullmatch(text):
        return "", "کد واحد فقط از حرف و رقم لاتین و خط تیره است؛ مثلاً 0502 یا IR-07-01."
    return text, None


def _day(typed: str, *, next_day: bool = False) -> tuple[dt.datetime | None, str | None]:
    text = typed.strip()
    if not text:
        return None, None
    try:
        day = jalali.parse_date(text)
    except DomainError as exc:
        return None, exc.message
    return jalali.start_of_day(day + dt.timedelta(days=1) if next_day else day), None


@guarded(READ_ENTRIES)
def entry_list(request: HttpRequest) -> HttpResponse:
    actor = acting(request)
    typed = {key: request.GET.get(key, "").strip() for key in ("event", "who", "unit", "since", "until")}
    unit_code, unit_error = _unit_code(typed["unit"])
    since, since_error = _day(typed["since"])
    before, until_error = _day(typed["until"], next_day=True)
    entries = selectors.entries_for_reading(
        actor, event=typed["event"], who=typed["who"][:150], unit_code=unit_code, since=since, before=before
    )
    page = Paginator(entries, PER_PAGE).get_page(request.GET.get("page"))
    events = [(e, selectors.event_label(e)) for e in selectors.events_visible_to(actor)]
    errors = {"unit": unit_error, "since": since_error, "until": until_error}
    context = {
        "page": page, "typed": typed, "event": typed["event"], "events": events, "nav": "audit",
        "errors": {k: v for k, v in errors.items() if v}, "query": urlencode({k: v for k, v in typed.items() if v}),
    }  # fmt: skip
    return render(request, "auditlog/entry_list.html", context)
