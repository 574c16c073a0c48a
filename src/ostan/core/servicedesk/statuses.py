"""How a request's state is shown outside: to the citizen, and to Open311 GeoReport v2 clients.

Open311 knows two statuses, ``open`` and ``closed``; a request is ``closed`` once nothing more is
expected of the agency: answered, closed, merged into another request, or not ours. The detailed
status follows FixMyStreet's vocabulary where it has a state that means the same (``confirmed``,
``investigating``, ``in progress``, ``internal referral``, ``closed``, ``duplicate``,
``not responsible``) and adds two of our own (``awaiting citizen``, ``answered``), since FixMyStreet's
``fixed`` would claim more than an answer does.
"""

from __future__ import annotations

from enum import StrEnum

from ostan.core.servicedesk.lifecycle import State


class Open311Status(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


OPEN311_STATUS: dict[State, Open311Status] = {
    State.REGISTERED: Open311Status.OPEN,
    State.ASSIGNED: Open311Status.OPEN,
    State.IN_PROGRESS: Open311Status.OPEN,
    State.AWAITING_CITIZEN: Open311Status.OPEN,
    State.RETURNED: Open311Status.OPEN,
    State.ANSWERED: Open311Status.CLOSED,
    State.CLOSED: Open311Status.CLOSED,
    State.MERGED: Open311Status.CLOSED,
    State.NOT_OURS: Open311Status.CLOSED,
}

DETAILED_STATUS: dict[State, str] = {
    State.REGISTERED: "confirmed",
    State.ASSIGNED: "investigating",
    State.IN_PROGRESS: "in progress",
    State.AWAITING_CITIZEN: "awaiting citizen",
    State.RETURNED: "internal referral",
    State.ANSWERED: "answered",
    State.CLOSED: "closed",
    State.MERGED: "duplicate",
    State.NOT_OURS: "not responsible",
}

# What the citizen reads on the tracking page and in SMS: nothing of the desk's internal routing.
PUBLIC_LABELS: dict[State, str] = {
    State.REGISTERED: "ثبت شد",
    State.ASSIGNED: "به دستگاه مسئول فرستاده شد",
    State.IN_PROGRESS: "در حال رسیدگی",
    State.AWAITING_CITIZEN: "منتظر پاسخ شما",
    State.RETURNED: "در حال بررسی در میز خدمت",
    State.ANSWERED: "پاسخ داده شد",
    State.CLOSED: "بسته شد",
    State.MERGED: "با درخواست مشابهی یکی شد",
    State.NOT_OURS: "در صلاحیت دستگاه دیگری است",
}


def open311_status(state: State) -> Open311Status:
    return OPEN311_STATUS[state]


def detailed_status(state: State) -> str:
    return DETAILED_STATUS[state]


def public_label(state: State) -> str:
    return PUBLIC_LABELS[state]
