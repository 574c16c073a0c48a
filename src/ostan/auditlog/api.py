"""Reading the audit log over HTTP, scoped exactly like the page. Mount at ``/api/audit/``."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import PageNumberPagination, paginate
from ninja.security import django_auth

from ostan.auditlog import selectors
from ostan.auditlog.access import ensure_may_read_log
from ostan.auditlog.models import Entry

router = Router(tags=["auditlog"])


class EntryOut(Schema):
    id: int
    recorded_at: dt.datetime
    actor_label: str
    actor_role: str
    event: str
    event_label: str
    object_type: str
    object_id: str
    object_label: str
    unit_path: str
    before: object | None
    after: object | None


@router.get("/entries", response=list[EntryOut], auth=django_auth)
@paginate(PageNumberPagination, page_size=50)
def entries(request: HttpRequest, event: str = "") -> list[Entry]:
    user = ensure_may_read_log(request.user)
    return selectors.entries_for_reading(user, event=event)  # type: ignore[return-value]
