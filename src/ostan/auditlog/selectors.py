"""Reading the audit log, scoped: an official reads the entries of their own unit and below."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from ostan.auditlog.events import EVENT_LABELS, event_label
from ostan.auditlog.models import Entry
from ostan.territory.models import PATH_SEPARATOR

if TYPE_CHECKING:
    from ostan.accounts.models import User


def entries_visible_to(user: User) -> QuerySet[Entry]:
    if user.is_superuser or getattr(user, "role", "") == "system_administrator":
        return Entry.objects.all()
    if user.unit is None:
        return Entry.objects.filter(actor=user)
    path = user.unit.path
    return Entry.objects.filter(Q(unit_path=path) | Q(unit_path__startswith=path + PATH_SEPARATOR))


def entries_for_reading(user: User, *, event: str = "") -> QuerySet[Entry]:
    """The entries ``user`` may read, newest first, optionally of one event."""
    entries = entries_visible_to(user).select_related("actor_unit")
    return entries.filter(event=event) if event else entries


def events_visible_to(user: User) -> list[str]:
    return list(entries_visible_to(user).order_by("event").values_list("event", flat=True).distinct())


__all__ = ["EVENT_LABELS", "entries_for_reading", "entries_visible_to", "event_label", "events_visible_to"]
