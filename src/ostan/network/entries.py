"""What the network's forms, API and loaders hand to the actions: an action of a plan, an uploaded file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class ActionEntry:
    organisation_code: str
    committee: str
    category: str
    target_group: str
    title: str
    starts_on: dt.date
    ends_on: dt.date
    budget_source: str
    budget: int | None = None
    description: str = ""
    internal_note: str = ""


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes
