"""Reads of the network, each scoped by the actor's reach for the capability it serves (``reach_q``), so a
list and an action's check never disagree. Figures come from the core over ``records.actions_under``."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum

from ostan.access.scope import reach_q
from ostan.core.access import Actor, allows
from ostan.core.errors import NotFound
from ostan.core.network import Action as ActionRecord
from ostan.core.network import Period, WhoDoesWhatWhere
from ostan.core.network.matrix import Tally, assemble_matrix
from ostan.core.network.progress import ActionStatus, action_status
from ostan.network import records, tallies
from ostan.network.committees import CATEGORY_NAMES
from ostan.network.errors import ActionNotFound, CouncilNotFound, CrisisNotFound, EvidenceNotFound
from ostan.network.models import Action, Council, Crisis, Evidence, Overlap, ProgressUpdate
from ostan.network.permissions import READ_COORDINATION, READ_INTERNAL_NOTES, READ_NETWORK
from ostan.network.targets import target_of_action
from ostan.territory.models import Unit, UnitKind
from ostan.territory.scope import target_of

SETTLEMENT_KINDS = (UnitKind.NEIGHBOURHOOD, UnitKind.VILLAGE)


def unit_in_reach(actor: Actor, code: str, capability: object = READ_NETWORK) -> Unit:
    unit = Unit.objects.filter(code=code).first()
    if unit is None or not allows(actor, capability, target_of(unit)):  # type: ignore[arg-type]
        raise NotFound("چنین واحدی در حوزهٔ شما یافت نشد.")
    return unit


def councils(actor: Actor, unit: Unit) -> QuerySet[Council]:
    return (
        Council.objects.filter(reach_q(actor, READ_NETWORK), records.under_q(unit.path))
        .select_related("unit", "unit__parent")
        .annotate(action_count=Count("plans__actions", filter=Q(plans__actions__merged_into__isnull=True)))
        .order_by("unit__path")
    )


def council(actor: Actor, pk: int) -> Council:
    found = Council.objects.filter(reach_q(actor, READ_NETWORK), pk=pk).select_related("unit").first()
    if found is None:
        raise CouncilNotFound("چنین شورایی یافت نشد.")
    return found


def council_of(unit: Unit) -> Council | None:
    return Council.objects.filter(unit=unit).first()


def actions_of_council(actor: Actor, found: Council) -> QuerySet[Action]:
    return (
        Action.objects.filter(reach_q(actor, READ_NETWORK), plan__council=found)
        .select_related("organisation", "plan")
        .order_by("plan__period", "starts_on", "pk")
    )


@dataclass(frozen=True)
class ActionView:
    item: Action
    status: ActionStatus
    updates: tuple[ProgressUpdate, ...]
    may_read_notes: bool
    overlaps: tuple[Overlap, ...]


def action(actor: Actor, pk: int, *, today: dt.date) -> ActionView:
    found = (
        Action.objects.filter(reach_q(actor, READ_NETWORK), pk=pk)
        .select_related("unit", "organisation", "plan__council", "merged_into")
        .first()
    )
    if found is None:
        raise ActionNotFound("چنین اقدامی یافت نشد.")
    updates = tuple(found.updates.prefetch_related("evidence"))
    overlaps = tuple(
        Overlap.objects.filter(Q(first=found) | Q(second=found)).select_related("first__organisation",
                                                                                 "second__organisation")
    )  # fmt: skip
    return ActionView(found, status_of(found, today), updates,
                      allows(actor, READ_INTERNAL_NOTES, target_of_action(found)), overlaps)  # fmt: skip


def status_of(found: Action, today: dt.date) -> ActionStatus:
    return action_status(_record(found), today)


def _record(found: Action) -> ActionRecord:
    return ActionRecord(str(found.pk), found.unit.path, str(found.organisation_id), found.committee,
                                found.category, found.starts_on, found.ends_on, progress=found.progress)  # fmt: skip


def evidence(actor: Actor, pk: int) -> Evidence:
    found = Evidence.objects.filter(reach_q(actor, READ_NETWORK, unit_path="update__action__unit__path"), pk=pk).first()
    if found is None:
        raise EvidenceNotFound("چنین مستندی یافت نشد.")
    return found


# ---- who does what where --------------------------------------------------------------------------------


def matrix_level(unit: Unit) -> int | None:
    """A province's matrix has a row per county; below that, a row per neighbourhood or village."""
    return unit.path.count("/") + 2 if unit.kind in (UnitKind.PROVINCE, UnitKind.COUNTRY) else None


def who_does_what(
    unit: Unit, *, period: Period | None, committee: str | None
) -> tuple[WhoDoesWhatWhere, Mapping[str, str]]:
    """The 3W matrix under ``unit`` and the institutions' names by code. Counted by the database, grouped
    per unit, category and institution, and pivoted by the core (``assemble_matrix``) with its rules."""
    live = Action.objects.filter(records.under_q(unit.path), merged_into__isnull=True)
    if committee:
        live = live.filter(committee=committee)
    if period is not None:
        live = live.filter(starts_on__lte=period.last_day, ends_on__gte=period.first_day)
    rows = live.values_list("unit__path", "category", "organisation__code", "organisation__name").annotate(
        n=Count("pk"), budget_sum=Sum("budget"), unknown=Count("pk", filter=Q(budget__isnull=True))
    )
    level = matrix_level(unit)
    row_of: dict[str, str] = {}  # unit path → the matrix row it is counted in, worked out once per unit
    sums: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    names: dict[str, str] = {}
    for path, category, code, name, n, budget_sum, unknown in rows.iterator(chunk_size=10000):
        row = row_of.get(path)
        if row is None:
            row = row_of[path] = path if level is None else "/".join(path.split("/")[:level])
        cell = sums[(row, category, code)]
        cell[0] += n
        cell[1] += int(budget_sum or 0)
        cell[2] += unknown
        names[code] = name
    counted = {key: Tally(*cell) for key, cell in sums.items()}
    unit_names = dict(Unit.objects.filter(path__in=set(row_of.values())).values_list("path", "name"))
    matrix = assemble_matrix(counted, unit_names=unit_names, category_names=CATEGORY_NAMES, institution_names=names)
    return matrix, names


# ---- the dashboard --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    key: str
    name: str
    tally: tallies.Tally


@dataclass(frozen=True)
class Dashboard:
    unit: Unit
    total: tallies.Tally | None
    by_unit: tuple[Line, ...]
    by_institution: tuple[Line, ...]
    open_overlaps: int
    late: tuple[Action, ...]
    recent: tuple[ProgressUpdate, ...]
    crises: tuple[Crisis, ...]


def dashboard(actor: Actor, unit: Unit, *, today: dt.date) -> Dashboard:
    """Planned, running, done and late by unit and institution (``network.tallies``: the core's weight
    rule over the database's per-plan sums), the late actions, the latest reports, open overlaps."""
    by_path = tallies.tallies(unit.path, today=today, by="unit__path")
    level = matrix_level(unit) or unit.path.count("/") + 2
    children: dict[str, list[tallies.Tally]] = defaultdict(list)
    for path, tally in by_path.items():
        children["/".join(str(path).split("/")[:level])].append(tally)
    names = dict(Unit.objects.filter(path__in=list(children)).values_list("path", "name"))
    by_unit = sorted(
        (Line(p, names.get(p, p), tallies.combined(parts)) for p, parts in children.items()),
        key=lambda line: (line.tally.progress, line.name),
    )
    by_institution = sorted(
        (Line(str(k), str(k), t) for k, t in tallies.tallies(unit.path, today=today, by="organisation__name").items()),
        key=lambda line: (-line.tally.late, line.tally.progress),
    )
    live = Action.objects.filter(records.under_q(unit.path), merged_into__isnull=True)
    late = live.filter(progress__lt=100, ends_on__lt=today).select_related("organisation", "unit").order_by("ends_on")
    recent = (
        ProgressUpdate.objects.filter(records.under_q(unit.path, "action__unit__path"))
        .select_related("action__organisation", "action__unit")
        .prefetch_related("evidence")
        .order_by("-reported_at")[:10]
    )
    return Dashboard(
        unit=unit, total=tallies.combined(by_path.values()) if by_path else None, by_unit=tuple(by_unit),
        by_institution=tuple(by_institution), late=tuple(late[:50]), recent=tuple(recent),
        open_overlaps=Overlap.objects.filter(records.under_q(unit.path), decision="").count(),
        crises=tuple(crises(actor, unit).filter(closed_at__isnull=True)),
    )  # fmt: skip


# ---- overlaps, gaps, crises ------------------------------------------------------------------------------


def overlaps(actor: Actor, unit: Unit, *, decided: bool = False) -> QuerySet[Overlap]:
    rows = Overlap.objects.filter(reach_q(actor, READ_COORDINATION), records.under_q(unit.path))
    rows = rows.exclude(decision="") if decided else rows.filter(decision="")
    return rows.select_related("unit", "first__organisation", "second__organisation").order_by("-score", "pk")


def overlap(actor: Actor, pk: int) -> Overlap:
    found = (
        Overlap.objects.filter(reach_q(actor, READ_COORDINATION), pk=pk)
        .select_related("unit", "first__organisation", "second__organisation").first()
    )  # fmt: skip
    if found is None:
        raise NotFound("چنین هم‌پوشانی‌ای یافت نشد.")
    return found


@dataclass(frozen=True)
class UnitGap:
    unit: Unit
    action_count: int
    flags: tuple[object, ...]  # the indicators' need flags, when the indicators app reports them


def action_gaps(
    unit: Unit,
    *,
    period: Period,
    flags: Mapping[int, Sequence[object]] | None = None,
) -> tuple[UnitGap, ...]:
    """Neighbourhoods and villages under ``unit`` with a council or a need flag, where no action runs in the
    period; with indicator flags, also those with flags and at most one action. Flagged units first."""
    running = Action.objects.filter(
        records.under_q(unit.path), merged_into__isnull=True, starts_on__lte=period.last_day,
        ends_on__gte=period.first_day,
    )  # fmt: skip
    counts = dict(running.values("unit_id").annotate(n=Count("pk")).values_list("unit_id", "n"))
    flagged = flags or {}
    candidates = Unit.objects.filter(records.under_q(unit.path, "path"), kind__in=SETTLEMENT_KINDS).filter(
        Q(development_council__isnull=False) | Q(pk__in=list(flagged))
    )
    found = []
    for place in candidates.order_by("path"):
        count, marks = counts.get(place.pk, 0), tuple(flagged.get(place.pk, ()))
        if count == 0 or (marks and count <= 1):
            found.append(UnitGap(place, count, marks))
    return tuple(sorted(found, key=lambda g: (-len(g.flags), g.action_count, g.unit.path)))


def crises(actor: Actor, unit: Unit) -> QuerySet[Crisis]:
    """Crises declared by the county network of ``unit`` or of a unit under it."""
    scoped = reach_q(actor, READ_NETWORK, unit_path="county__path")
    rows = Crisis.objects.filter(scoped, records.under_q(unit.path, "county__path"))
    return rows.select_related("county").order_by("-declared_at")


def crises_covering(unit: Unit) -> QuerySet[Crisis]:
    """Open crises whose declared units hold ``unit``, or lie under it: what a council or an institution
    in ``unit`` works on (the caller has checked ``unit`` is in reach)."""
    ancestors = ["/".join(unit.path.split("/")[:i]) for i in range(1, unit.path.count("/") + 2)]
    covering = Q(units__path__in=ancestors) | records.under_q(unit.path, "units__path")
    return (
        Crisis.objects.filter(covering, closed_at__isnull=True)
        .select_related("county")
        .distinct()
        .order_by("-declared_at")
    )


def crisis(actor: Actor, pk: int) -> Crisis:
    found = (
        Crisis.objects.filter(reach_q(actor, READ_NETWORK, unit_path="county__path"), pk=pk)
        .select_related("county")
        .first()
    )
    if found is None:
        raise CrisisNotFound("چنین بحرانی یافت نشد.")
    return found
