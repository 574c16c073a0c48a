"""Where the objects participation's URLs name lie: at their unit, for the office that keeps, organises,
sends or receives them. Every kind is concealed: an office learns nothing of other offices' records."""

from __future__ import annotations

from typing import Any

from ostan.access.locators import locator, row_named
from ostan.core.access import Target
from ostan.participation.errors import CircularNotFound, DecisionNotFound, MeetingNotFound, StakeholderNotFound
from ostan.participation.models import Circular, Decision, Meeting, Recipient, Stakeholder


def target_of_stakeholder(found: Stakeholder) -> Target:
    return Target(unit_path=found.unit.path, unit_name=found.unit.name, organisation_path=found.keeper.path)


def target_of_meeting(found: Meeting) -> Target:
    return Target(unit_path=found.unit.path, unit_name=found.unit.name, organisation_path=found.organiser.path)


def target_of_circular(found: Circular) -> Target:
    return Target(unit_path=found.unit.path, unit_name=found.unit.name, organisation_path=found.sender.path)


def target_of_copy(found: Recipient) -> Target:
    seat = found.office.seat
    return Target(unit_path=seat.path, unit_name=seat.name, organisation_path=found.office.path)


@locator("stakeholder", conceal=True)
def stakeholder(pk: object = None, **_: Any) -> Target | None:
    found = row_named(
        Stakeholder.objects.select_related("unit", "keeper"), pk, StakeholderNotFound("چنین ذی‌نفعی یافت نشد.")
    )
    if found is None:
        return None
    return target_of_stakeholder(found)


@locator("meeting", conceal=True)
def meeting(pk: object = None, **_: Any) -> Target | None:
    found = row_named(Meeting.objects.select_related("unit", "organiser"), pk, MeetingNotFound("چنین جلسه‌ای یافت نشد."))
    if found is None:
        return None
    return target_of_meeting(found)


@locator("circular", conceal=True)
def circular(pk: object = None, **_: Any) -> Target | None:
    found = row_named(
        Circular.objects.select_related("unit", "sender"), pk, CircularNotFound("چنین بخشنامه‌ای یافت نشد.")
    )
    if found is None:
        return None
    return target_of_circular(found)


@locator("circular_copy", conceal=True)
def circular_copy(pk: object = None, **_: Any) -> Target | None:
    found = row_named(
        Recipient.objects.select_related("office__seat"), pk, CircularNotFound("چنین بخشنامه‌ای یافت نشد.")
    )
    if found is None:
        return None
    return target_of_copy(found)


@locator("decision", conceal=True)
def decision(pk: object = None, **_: Any) -> Target | None:
    found = row_named(
        Decision.objects.select_related("meeting__unit", "meeting__organiser"),
        pk,
        DecisionNotFound("چنین مصوبه‌ای یافت نشد."),
    )
    if found is None:
        return None
    return target_of_meeting(found.meeting)
