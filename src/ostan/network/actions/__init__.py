"""Every change in the neighbourhood network: councils and their members, plans and actions, progress with
evidence, overlaps and their decisions, crises. Each is keyword-only, takes the acting ``Actor``, checks its
capability first, runs in one durable transaction and writes exactly one audit entry."""

from ostan.network.actions.coordination import detect_overlaps, resolve_overlap
from ostan.network.actions.crises import (
    assign_task,
    close_crisis,
    complete_task,
    declare_crisis,
    record_need,
    record_resource,
)
from ostan.network.actions.plans import add_action, create_plan, report_progress
from ostan.network.actions.structure import add_member, form_council, import_boundary
from ostan.network.entries import ActionEntry, Upload

__all__ = [
    "ActionEntry",
    "Upload",
    "add_action",
    "add_member",
    "assign_task",
    "close_crisis",
    "complete_task",
    "create_plan",
    "declare_crisis",
    "detect_overlaps",
    "form_council",
    "import_boundary",
    "record_need",
    "record_resource",
    "report_progress",
    "resolve_overlap",
]
