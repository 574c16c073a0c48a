"""Reading the audit log over HTTP, scoped exactly like the page. Mount at ``/api/audit/``."""

from __future__ import annotations

import datetime as dt
import re

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.pagination import PageNumberPagination, paginate
from ninja.security import django_auth

from ostan.access.guards import api_guarded
from ostan.auditlog import selectors
from ostan.auditlog.models import Entry
from ostan.auditlog.permissions import READ_ENTRIES
from ostan.core.access import acting
from ostan.core.errors import DomainError

router = Router(tags=["auditlog"])
# Far beyond any real log; past PostgreSQL's bigint the page's OFFSET is an error, not an empty page.
PAGE_MAX = 1_000_000
EVENT_PATTERN = re.compile(r"[a-z0-9_.]{0,80}")


class EntryPages(PageNumberPagination):
    class Input(Schema):
        page: int = Field(1, ge=1, le=PAGE_MAX)
        page_size: int | None = Field(None, ge=1, le=PAGE_MAX)


class AuditEntryOut(Schema):
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


@router.get("/entries", response=list[AuditEntryOut], auth=django_auth)
@api_guarded(READ_ENTRIES)
@paginate(EntryPages, page_size=50)
def entries(request: HttpRequest, event: str = "") -> list[Entry]:
    if not EVENT_PATTERN.fullmatch(event):
        raise DomainError("نام رویداد نامعتبر است.", code="invalid_event", details={"field": "event"})
    return selectors.entries_for_reading(acting(request), event=event)  # type: ignore[return-value]
