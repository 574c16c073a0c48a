"""Finding requests: folded words, fuzzy matching and filters, within what the actor may read.

Every request keeps its words folded by ``ostan.core.text.search_words`` (Arabic and Persian letters and digits,
ZWNJ, diacritics and punctuation made one spelling) in ``search_text``, written by the filing action, which also
adds each new word to ``SearchWord``. A query is folded the same way, then:

- on PostgreSQL every word of the query must match a word of the request, as a word's beginning («قطع» finds
  «قطعی») or as one of the known words nearest to it by trigram similarity (pg_trgm over ``SearchWord``, with
  its GIN trigram index: «لوبه» finds «لوله»). That makes one tsquery (``(w:* | near1 | near2) & ...``) over
  the request's stored 'simple' tsvector, served by its GIN index (migration 0004). Requests holding every word
  as typed come first, then by ts_rank, then the nearest deadline.
- elsewhere (the SQLite demo, or :func:`ostan.dialects.portable`) every word of the query must appear in the
  folded words: the same requests for whole or beginning words, without the near ones.

A query that reads as a tracking code (any digit style, its check digit right) finds that request only.
The filters narrow the same rows: organisation, unit (with the units under it), service, kind, state (the
open ones unless told), overdue, and a registration date range given as Jalali days in Tehran.
The indexes' reasons and the figures over a million requests are in docs/performance.md.
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
from ostan.servicedesk.models import OPEN_STATES, SearchWord, ServiceRequest
from ostan.servicedesk.permissions import READ_INBOX
from ostan.territory.models import Unit
from ostan.territory.scope import path_q

QUERY_MAX = 100
MAX_WORDS = 8
WORD_MAX = 60  # longer "words" (a pasted link, a run of digits) are not kept as search words
EVERY_STATE = "all"
# Known words at least this similar (pg_trgm similarity) stand for a query word: a mistyped middle letter of a
# four-letter word scores 0.25 («لوبه»/«لوله»), unrelated words of that length score below it.
NEAR_SIMILARITY = 0.25
NEAR_WORDS = 4  # at most, per query word
_TABLE = ServiceRequest._meta.db_table
_VECTOR = f"{_TABLE}.search_vector"  # to_tsvector('simple', search_text), stored (PostgreSQL only: 0004)
_NEAR = (
    "SELECT q.i, s.word FROM unnest(%s::text[]) WITH ORDINALITY AS q(w, i) CROSS JOIN LATERAL "
    "(SELECT word FROM servicedesk_searchword WHERE word %% q.w AND word <> q.w "
    "ORDER BY similarity(word, q.w) DESC, word LIMIT %s) AS s"
)


def remember_words(search_text: str) -> None:
    """Keep the words of a request for the near-word lookup (inside the filing action's transaction)."""
    words = {w for w in search_text.split() if len(w) <= WORD_MAX}
    SearchWord.objects.bulk_create([SearchWord(word=w) for w in sorted(words)], ignore_conflicts=True)


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
    words = search_words(criteria.query[:QUERY_MAX]).split()
    words = ([w for w in words if len(w) > 1] or words)[:MAX_WORDS]  # a lone letter («ی», «و») narrows nothing
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


def _near_words(words: list[str]) -> list[list[str]]:
    """For each query word, the known words nearest to it (not itself), best first."""
    near: list[list[str]] = [[] for _ in words]
    with connection.cursor() as cursor:
        # The similarity operator's threshold, for this connection's queries (each search sets it again).
        cursor.execute("SELECT set_config('pg_trgm.similarity_threshold', %s, false)", [str(NEAR_SIMILARITY)])
        cursor.execute(_NEAR, [words, NEAR_WORDS])
        for index, word in cursor.fetchall():
            near[index - 1].append(word)
    return near


def _matching_postgresql(rows: QuerySet[ServiceRequest], words: list[str]) -> QuerySet[ServiceRequest]:
    # The words hold letters and digits only (search_words splits on everything else), so no tsquery syntax
    # can reach to_tsquery; they are passed as parameters all the same.
    exact = " & ".join(f"{word}:*" for word in words)
    near = _near_words(words)
    fuzzy = " & ".join("(" + " | ".join([f"{word}:*", *others]) + ")" for word, others in zip(words, near, strict=True))
    query = "to_tsquery('simple'::regconfig, %s)"
    # Fixed SQL over the stored vector (its GIN index serves the match); the query only as parameters.
    matches = RawSQL(f"{_VECTOR} @@ {query}", (fuzzy,), output_field=BooleanField())  # noqa: S611
    rank = RawSQL(  # noqa: S611
        f"({_VECTOR} @@ {query})::int + ts_rank({_VECTOR}, {query})", (exact, fuzzy), output_field=FloatField()
    )
    return rows.filter(matches).annotate(rank=rank).order_by("-rank", F("due_at").asc(nulls_last=True), "pk")
