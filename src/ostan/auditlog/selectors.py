"""Reading the audit log, scoped: an official reads the entries of their own unit and below."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from ostan.auditlog.events import event_label
from ostan.auditlog.models import Entry
from ostan.auditlog.permissions import READ_ENTRIES
from ostan.core.access import PATH_SEPARATOR, Actor, ensure
from ostan.core.text import normalize


def entries_visible_to(actor: Actor) -> QuerySet[Entry]:
    if actor.is_national:
        return Entry.objects.all()
    path = actor.unit_path
    if path is None:
        return Entry.objects.filter(actor_id=actor.person_id) if actor.person_id is not None else Entry.objects.none()
    return Entry.objects.filter(Q(unit_path=path) | Q(unit_path__startswith=path + PATH_SEPARATOR))


def entries_for_reading(
    actor: Actor,
    *,
    event: str = "",
    who: str = "",
    unit_code: str = "",
    since: dt.datetime | None = None,
    before: dt.datetime | None = None,
) -> QuerySet[Entry]:
    """The entries ``actor`` may read, newest first, optionally narrowed: of one event; by the person
    who acted (``who``: part of their recorded name, or their username); about a unit and everything
    under it (``unit_code``, one segment of the entries' unit paths); recorded from ``since`` and before
    ``before``. Narrowing never widens the reader's scope."""
    ensure(actor, READ_ENTRIES)
    entries = entries_visible_to(actor).select_related("actor_unit")
    if event:
        entries = entries.filter(event=event)
    who = normalize(who).strip()
    if who:
        entries = entries.filter(Q(actor_label__icontains=who) | Q(actor__username__iexact=who))
    if unit_code:
        sep = PATH_SEPARATOR
        entries = entries.filter(
            Q(unit_path=unit_code) | Q(unit_path__startswith=unit_code + sep)
            | Q(unit_path__contains=sep + unit_code + sep) | Q(unit_path__endswith=sep + unit_code)
        )  # fmt: skip
    if since is not None:
        entries = entries.filter(recorded_at__gte=since)
    if before is not None:
        entries = entries.filter(recorded_at__lt=before)
    return entries


def events_visible_to(actor: Actor) -> list[str]:
    return list(entries_visible_to(actor).order_by("event").values_list("event", flat=True).distinct())


__all__ = ["entries_for_reading", "entries_visible_to", "event_label", "events_visible_to"]
