"""What the forms and the API hand to the actions: plain values, already parsed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ostan.participation.attachments import Upload


@dataclass(frozen=True)
class StakeholderEntry:
    unit_code: str
    name: str
    ring: str
    affiliation: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""


@dataclass(frozen=True)
class MeetingEntry:
    unit_code: str
    title: str
    held_at: dt.datetime
    agenda: str
    kind: str = "meeting"
    place: str = ""
    stakeholder_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class DecisionEntry:
    title: str
    owner: str
    due_on: dt.date


@dataclass(frozen=True)
class MinutesEntry:
    text: str
    attended_ids: tuple[int, ...] = ()
    decisions: tuple[DecisionEntry, ...] = ()


@dataclass(frozen=True)
class CircularEntry:
    title: str
    body: str
    priority: str
    deadline_at: dt.datetime
    recipient_codes: tuple[str, ...]
    kind: str = "circular"
    uploads: tuple[Upload, ...] = field(default=())
