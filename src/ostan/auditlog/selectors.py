"""Reading the audit log, scoped: an official reads the entries of their own unit and below."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from ostan.auditlog.events import event_label
from ostan.auditlog.models import Entry
from ostan.auditlog.permissions import READ_ENTRIES
from ostan.core.access import PATH_SEPARATOR, Actor, ensure


def entries_visible_to(actor: Actor) -> QuerySet[Entry]:
    if actor.is_national:
        return Entry.objects.all()
    path = actor.unit_path
    if path is None:
        return Entry.objects.filter(actor_id=actor.person_id) if actor.person_id is not None else Entry.objects.none()
    return Entry.objects.filter(Q(unit_path=path) | Q(unit_path__startswith=path + PATH_SEPARATOR))


def entries_for_reading(actor: Actor, *, event: str = "") -> QuerySet[Entry]:
    """The entries ``actor`` may read, newest first, optionally of one event."""
    ensure(actor, READ_ENTRIES)
    entries = entries_visible_to(actor).select_related("actor_unit")
    return entries.filter(event=event) if event else entries


def events_visible_to(actor: Actor) -> list[str]:
    return list(entries_visible_to(actor).order_by("event").values_list("event", flat=True).distinct())


__all__ = ["entries_for_reading", "entries_visible_to", "event_label", "events_visible_to"]
