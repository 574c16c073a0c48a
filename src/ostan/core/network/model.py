"""What the network core works on: an action (اقدام) one institution runs in one unit.

One plain record serves every rule of the core (progress roll-ups, the 3W matrix, overlaps and gaps),
so the app loads actions once and hands the same tuple to each. Records are checked on construction:
a record that exists is one the rules can honestly work on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ostan.core.network.errors import InvalidAction
from ostan.core.network.paths import check_path

PROGRESS_MAX = 100  # progress is a percentage


@dataclass(frozen=True)
class Action:
    """An institution's action in a unit between two days (both inclusive).

    ``progress`` is the percentage done (0..100); 100 means done. ``budget`` is in rials, None when the
    action has no budget of its own (volunteer work, in kind). ``weight`` overrides the default weight of
    the progress roll-up (see :mod:`ostan.core.network.progress`); 1 is the weight of an ordinary action.
    ``committee`` is one of the development council's committees (health, livelihood, ...), ``category``
    the kind of action inside it, ``target_group`` who it serves (code names, e.g. ``elderly``).
    """

    id: str
    unit_path: str
    institution: str
    committee: str
    category: str
    start: dt.date
    end: dt.date
    progress: Decimal | int = 0
    budget: int | None = None
    weight: Decimal | int | None = None
    plan_id: str | None = None
    target_group: str | None = None
    description: str = ""

    def __post_init__(self) -> None:
        check_path(self.unit_path)
        if not self.id:
            raise InvalidAction("شناسهٔ اقدام خالی است.", details={"field": "id"})
        if not self.institution:
            raise InvalidAction(
                f"نهاد مجری اقدام «{self.id}» مشخص نیست.", details={"id": self.id, "field": "institution"}
            )
        if self.end < self.start:
            raise InvalidAction(
                f"تاریخ پایان اقدام «{self.id}» پیش از تاریخ شروع آن است.", details={"id": self.id, "field": "end"}
            )
        if not 0 <= self.progress <= PROGRESS_MAX:
            raise InvalidAction(
                f"پیشرفت اقدام «{self.id}» باید میان ۰ و ۱۰۰ درصد باشد.", details={"id": self.id, "field": "progress"}
            )
        if self.budget is not None and self.budget < 0:
            raise InvalidAction(f"بودجهٔ اقدام «{self.id}» منفی است.", details={"id": self.id, "field": "budget"})
        if self.weight is not None and self.weight <= 0:
            raise InvalidAction(f"وزن اقدام «{self.id}» باید مثبت باشد.", details={"id": self.id, "field": "weight"})

    @property
    def is_done(self) -> bool:
        return self.progress == PROGRESS_MAX

    def is_active_between(self, first: dt.date, last: dt.date) -> bool:
        """Whether the action runs on at least one day of [first, last]."""
        return self.start <= last and first <= self.end
