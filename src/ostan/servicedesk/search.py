"""Finding requests: folded words, fuzzy matching and filters, within what the actor may read.

Every request keeps its words folded by ``ostan.core.text.search_words`` (Arabic and Persian letters and digits,
ZWNJ, diacritics and punctuation made one spelling) in ``search_text``, written by the filing action. A query is
folded the same way, then:

- on PostgreSQL a request matches when its 'simple' tsvector holds every word of the query (each as a word's
  beginning: «قطع» finds «قطعی»), or when the query's trigrams come close enough to a stretch of its words
  (``%>``, pg_trgm's word similarity: a mistyped or missing letter still finds it). Both are served by the GIN
  indexes of migration 0004. The best come first: the tsvector's rank plus the word similarity.
- elsewhere (the SQLite demo, or :func:`ostan.dialects.portable`) every word of the query must appear in the
  folded words: the same requests for whole or beginning words, without the fuzzy ones.

A query that reads as a tracking code (any digit style, its check digit right) finds that request only.
The filters narrow the same rows: organisation, unit (with the units under it), service, kind, state (the
open ones unless told), overdue, and a registration date range given as Jalali days in Tehran.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, F, FloatField, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone

from ostan.access.scope import reach_q
from ostan.core.access import Actor
from ostan.core.errors import DomainError
from ostan.core.jalali import TEHRAN, parse_date, start_of_day
from ostan.core.servicedesk import RequestKind, State
from ostan.core.servicedesk.tracking import parse as parse_code
from ostan.core.text import normalize, normalize_digits, search_key, search_words
from ostan.dialects import uses_postgresql
from ostan.servicedesk.errors import InvalidSearch
from ostan.servicedesk.models import OPEN_STATES, ServiceRequest
from ostan.servicedesk.permissions import READ_INBOX
from ostan.territory.models import Unit
from ostan.territory.scope import path_q

QUERY_MAX = 100
MAX_WORDS = 8
EVERY_STATE = "all"
# pg_trgm's word similarity a request needs to match fuzzily (its default, 0.6, misses a mistyped middle letter
# of a four-letter word; 0.45 still keeps unrelated words out).
WORD_SIMILARITY = 0.45
_TABLE = ServiceRequest._meta.db_table
_VECTOR = f"to_tsvector('simple'::regconfig, {_TABLE}.search_text)"
_QUERY = "to_tsquery('simple'::regconfig, %s)"


@dataclass(frozen=True)
class Criteria:
    """What an officer asks for; every part optional. Codes are the organisation's, unit's and service's."""

    query: str = ""
    organisation: str = ""
    unit: str = ""
    service: str = ""
    kind: str = ""
    state: str = ""  # "" the open states, "all" every state, else one state
    overdue: bool = False
    registered_from: dt.date | None = None  # Gregorian days, from Jalali input; both ends included
    registered_to: dt.date | None = None

    @property
    def has_query(self) -> bool:
        return bool(search_words(self.query[:QUERY_MAX]))


def criteria_from(
    *,
    query: str = "",
    organisation: str = "",
    unit: str = "",
    service: str = "",
    kind: str = "",
    state: str = "",
    overdue: bool = False,
    registered_from: str = "",
    registered_to: str = "",
) -> Criteria:
    """Criteria from typed input: dates as Jalali days in any digit style, the unit by its code or (when only one
    unit bears it) its name. A wrong one is refused with the field it came from."""
    kinds = {k.value for k in RequestKind}
    if kind and kind not in kinds:
        raise InvalidSearch("چنین گونه‌ای از درخواست نیست.", details={"field": "kind"})
    if state and state != EVERY_STATE and state not in {s.value for s in State}:
        raise InvalidSearch("چنین وضعیتی نیست.", details={"field": "state"})
    return Criteria(
        query=query[:QUERY_MAX], organisation=normalize_digits(organisation.strip()), unit=_unit_code(unit),
        service=service.strip(), kind=kind, state=state, overdue=overdue,
        registered_from=_day(registered_from, "registered_from"), registered_to=_day(registered_to, "registered_to"),
    )  # fmt: skip


def _day(typed: str, field: str) -> dt.date | None:
    if not typed.strip():
        return None
    try:
        return parse_date(typed)
    except DomainError as exc:
        raise InvalidSearch(exc.message, details={"field": field}) from None


def _unit_code(typed: str) -> str:
    cleaned = normalize_digits(normalize(typed)).strip()
    if not cleaned or Unit.objects.filter(code=cleaned).exists():
        return cleaned
    named = list(Unit.objects.filter(search_key=search_key(cleaned)).values_list("code", flat=True)[:2])
    if len(named) == 1:
        return named[0]
    if named:
        raise InvalidSearch("چند واحد با این نام هست؛ کد واحد را بنویسید.", details={"field": "unit"})
    raise InvalidSearch("واحدی با این نام یا کد نیست.", details={"field": "unit"})


def requests(actor: Actor, criteria: Criteria) -> QuerySet[ServiceRequest]:
    """The requests ``actor`` may read in an inbox that match ``criteria``: best matches first when there is a
    query, else the nearest deadline first."""
    rows = ServiceRequest.objects.select_related("service", "unit", "organisation").filter(
        reach_q(actor, READ_INBOX, unit_path="unit__path", organisation_path="organisation__path")
    )
    rows = _filtered(rows, criteria)
    code = _tracking_code(criteria.query)
    if code is not None:
        return rows.filter(tracking_code=code).order_by("due_at", "pk")
    words = search_words(criteria.query[:QUERY_MAX]).split()[:MAX_WORDS]
    if not words:
        return rows.order_by(F("due_at").asc(nulls_last=True), "pk")
    if uses_postgresql():
        return _matching_postgresql(rows, words)
    for word in words:
        rows = rows.filter(search_text__contains=word)
    return rows.order_by(F("due_at").asc(nulls_last=True), "pk")


def _tracking_code(query: str) -> str | None:
    try:
        return parse_code(query)
    except DomainError:
        return None


def _filtered(rows: QuerySet[ServiceRequest], criteria: Criteria) -> QuerySet[ServiceRequest]:
    if criteria.state == EVERY_STATE:
        pass
    elif criteria.state:
        rows = rows.filter(state=criteria.state)
    else:
        rows = rows.filter(state__in=OPEN_STATES)
    if criteria.overdue:
        rows = rows.filter(due_at__lte=timezone.now(), state__in=OPEN_STATES).exclude(state=State.AWAITING_CITIZEN)
    if criteria.organisation:
        rows = rows.filter(organisation__code=criteria.organisation)
    if criteria.unit:
        unit = Unit.objects.filter(code=criteria.unit).only("path").first()
        rows = rows.filter(path_q(unit.path, "unit__path")) if unit is not None else rows.none()
    if criteria.service:
        rows = rows.filter(service__code=criteria.service)
    if criteria.kind:
        rows = rows.filter(kind=criteria.kind)
    if criteria.registered_from is not None:
        rows = rows.filter(registered_at__gte=start_of_day(criteria.registered_from, TEHRAN))
    if criteria.registered_to is not None:
        rows = rows.filter(registered_at__lt=start_of_day(criteria.registered_to + dt.timedelta(days=1), TEHRAN))
    return rows


def _matching_postgresql(rows: QuerySet[ServiceRequest], words: list[str]) -> QuerySet[ServiceRequest]:
    # The words hold letters and digits only (search_words splits on everything else), so no tsquery syntax
    # can reach to_tsquery; they are passed as parameters all the same.
    prefixes = " & ".join(f"{word}:*" for word in words)
    phrase = " ".join(words)
    with connection.cursor() as cursor:  # for this connection's next queries: the fuzzy operator's threshold
        cursor.execute("SELECT set_config('pg_trgm.word_similarity_threshold', %s, false)", [str(WORD_SIMILARITY)])
    # Fixed SQL (the index's own expressions, so the planner uses them); the query only as parameters.
    matches = RawSQL(  # noqa: S611
        f"({_VECTOR} @@ {_QUERY} OR {_TABLE}.search_text %%> %s)", (prefixes, phrase), output_field=BooleanField()
    )
    rank = RawSQL(  # noqa: S611
        f"ts_rank({_VECTOR}, {_QUERY}) + word_similarity(%s, {_TABLE}.search_text)",
        (prefixes, phrase),
        output_field=FloatField(),
    )
    return rows.filter(matches).annotate(rank=rank).order_by("-rank", F("due_at").asc(nulls_last=True), "pk")
