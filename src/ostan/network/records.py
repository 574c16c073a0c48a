"""Rows as the core's plain records: the live actions (not merged into another) under a unit, loaded in one
query of plain values, with what the pages need to name them. Every roll-up, 3W matrix, overlap search and
gap list starts here, so they all count the same actions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from django.db.models import Q

from ostan.core.network import Action as ActionRecord
from ostan.network.models import Action
from ostan.territory.models import PATH_SEPARATOR

FIELDS = ("pk", "unit__path", "unit_id", "organisation__code", "committee", "category", "starts_on", "ends_on",
          "progress", "budget", "plan_id", "target_group", "title", "description")  # fmt: skip


@dataclass(frozen=True)
class Loaded:
    records: tuple[ActionRecord, ...]
    unit_ids: Mapping[str, int]  # unit path → id
    institution_names: Mapping[str, str]  # organisation code → name


def under_q(path: str, field: str = "unit__path") -> Q:
    return Q(**{field: path}) | Q(**{f"{field}__startswith": path + PATH_SEPARATOR})


def actions_under(
    path: str, *, committee: str | None = None, first: dt.date | None = None, last: dt.date | None = None
) -> Loaded:
    rows = Action.objects.filter(under_q(path), merged_into__isnull=True)
    if committee:
        rows = rows.filter(committee=committee)
    if first is not None and last is not None:
        rows = rows.filter(starts_on__lte=last, ends_on__gte=first)
    records, unit_ids, names = [], {}, {}
    for row in rows.values_list(*FIELDS, "organisation__name").iterator(chunk_size=5000):
        (pk, unit_path, unit_id, org, committee_, category, start, end, progress, budget, plan, group, title,
         description, org_name) = row  # fmt: skip
        records.append(
            ActionRecord(
                id=str(pk),
                unit_path=unit_path,
                institution=org,
                committee=committee_,
                category=category,
                start=start,
                end=end,
                progress=progress,
                budget=budget or None,
                plan_id=str(plan),
                target_group=group or None,
                description=f"{title} {description}".strip(),
            )
        )
        unit_ids[unit_path] = unit_id
        names[org] = org_name
    return Loaded(tuple(records), unit_ids, names)
