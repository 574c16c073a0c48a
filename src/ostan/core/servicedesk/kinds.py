"""The kinds of request the single window takes (the national سامد's list, governance.md §1)."""

from __future__ import annotations

from enum import StrEnum


class RequestKind(StrEnum):
    REQUEST = "request"
    COMPLAINT = "complaint"
    CRITICISM = "criticism"
    SUGGESTION = "suggestion"
    IDEA = "idea"
    QUESTION = "question"
    APPRECIATION = "appreciation"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    RequestKind.REQUEST: "درخواست",
    RequestKind.COMPLAINT: "شکایت",
    RequestKind.CRITICISM: "انتقاد",
    RequestKind.SUGGESTION: "پیشنهاد",
    RequestKind.IDEA: "ایده و طرح",
    RequestKind.QUESTION: "سؤال",
    RequestKind.APPRECIATION: "تقدیر",
}
