"""Creating constituencies with seats derived from population (Art. 16's table, in the counting core)."""

from __future__ import annotations

from django.db import transaction

from ostan.auditlog.actions import action, record, snapshot
from ostan.core.access import Actor, ensure
from ostan.core.counting.seats import CouncilSize, council_size, override_council_size
from ostan.core.errors import DomainError
from ostan.core.text import normalize
from ostan.elections.entries import plain_text
from ostan.elections.errors import ElectionClosed, PopulationMissing
from ostan.elections.events import ElectionsEvent
from ostan.elections.models import Constituency, ConstituencyKind, CountingMethod, ElectionRound
from ostan.elections.permissions import MANAGE_CONSTITUENCY
from ostan.elections.settlements import KIND_UNITS, settlement_of
from ostan.territory.models import Unit
from ostan.territory.scope import target_of

CONSTITUENCY_FIELDS = (
    "election_round",
    "unit",
    "kind",
    "name",
    "method",
    "population",
    "population_source",
    "seats",
    "alternates",
    "seats_override_reason",
    "is_voting",
    "not_voting_reason",
)
VOTING_FIELDS = ("is_voting", "not_voting_reason")
NOT_VOTING_REASON_MAX_LENGTH = 500  # Constituency.not_voting_reason


def _size(
    unit: Unit, kind: str, population: int | None, seats: int | None, alternates: int | None, reason: str
) -> CouncilSize:
    if seats is not None or alternates is not None:
        if seats is None or alternates is None:
            raise DomainError("برای تعیین دستی، تعداد اعضای اصلی و علی‌البدل هر دو لازم است.", code="invalid_seats")
        if seats > OVERRIDE_SEATS_MAX or alternates > OVERRIDE_SEATS_MAX:
            raise DomainError(f"تعداد اعضا یا علی‌البدل‌ها بیش از {OVERRIDE_SEATS_MAX} نیست.", code="invalid_seats")
        return override_council_size(seats, alternates, reason=reason)
    settlement = settlement_of(unit, kind)
    if population is None and settlement != "tehran":
        raise PopulationMissing(
            f"جمعیت «{unit.name}» ثبت نشده است و تعداد اعضای شورا به آن بستگی دارد. لطفاً نخست جمعیت را "
            "از روی آخرین سرشماری در بخش تقسیمات کشوری ثبت کنید، یا تعداد کرسی‌ها را با ذکر دلیل وارد کنید."
        )
    return council_size(settlement, population)


# The longest text each field of Constituency stores.
TEXT_LIMITS = {"name": 200, "population_source": 300, "override_reason": 500}
TEXT_LABELS = {"name": "نام حوزه", "population_source": "منبع جمعیت", "override_reason": "دلیل تعیین دستی"}
# No council has more members than Tehran's 21; a larger override is a typing slip.
OVERRIDE_SEATS_MAX = 21


def _check_lengths(**texts: str) -> None:
    for field, value in texts.items():
        if len(value) > TEXT_LIMITS[field]:
            raise DomainError(f"{TEXT_LABELS[field]} حداکثر {TEXT_LIMITS[field]} نویسه است.", code="text_too_long")


@action()
def create_constituency(
    *,
    actor: Actor,
    election_round: ElectionRound,
    unit: Unit,
    kind: str,
    name: str = "",
    population: int | None = None,
    population_source: str = "",
    seats: int | None = None,
    alternates: int | None = None,
    override_reason: str = "",
    is_voting: bool = True,
    not_voting_reason: str = "",
) -> Constituency:
    """``population`` defaults to the unit's census figure; a different figure needs its source."""
    ensure(actor, MANAGE_CONSTITUENCY, target_of(unit))
    if kind not in ConstituencyKind.values or unit.kind not in KIND_UNITS[ConstituencyKind(kind)]:
        raise DomainError("نوع حوزه با نوع واحد تقسیماتی سازگار نیست.", code="invalid_kind")
    population_source, override_reason = plain_text(population_source), plain_text(override_reason)
    name = plain_text(name)
    _check_lengths(name=name, population_source=population_source, override_reason=override_reason)
    if population is None:
        population, population_source = unit.population, unit.population_source or "سرشماری"
    elif not population_source:
        raise DomainError("برای جمعیتی غیر از جمعیت ثبت‌شده، منبع یا دلیل لازم است.", code="population_source_required")
    if not is_voting and not normalize(not_voting_reason):
        raise DomainError("دلیل برگزار نشدن رأی‌گیری لازم است.", code="not_voting_reason_required")
    size = _size(unit, kind, population, seats, alternates, override_reason)
    method = CountingMethod.PROPORTIONAL if kind == ConstituencyKind.PROPORTIONAL else CountingMethod.PLURALITY
    with transaction.atomic(durable=True):
        if Constituency.objects.filter(election_round=election_round, unit=unit, kind=kind).exists():
            raise DomainError("این حوزه در این دوره پیش‌تر تعریف شده است.", code="constituency_exists")
        constituency = Constituency.objects.create(
            election_round=election_round,
            unit=unit,
            kind=kind,
            name=name or unit.name,
            method=method,
            population=population,
            population_source=population_source if population else "",
            seats=size.members,
            alternates=size.alternates,
            seats_override_reason=override_reason,
            is_voting=is_voting,
            not_voting_reason=normalize(not_voting_reason),
        )
        record(
            actor=actor,
            event=ElectionsEvent.CONSTITUENCY_CREATED,
            obj=constituency,
            unit=unit,
            after=snapshot(constituency, CONSTITUENCY_FIELDS),
        )
    return constituency


@action()
def set_lot_seed(*, actor: Actor, constituency: Constituency, seed: str) -> Constituency:
    """Fix the public seed the lots of this constituency derive from (recorded, published with the result).

    The core asks for it when a tie decides a seat; any later count of the constituency uses it.
    """
    ensure(actor, MANAGE_CONSTITUENCY, target_of(constituency.unit))
    seed = normalize(seed)
    if not seed or len(seed) > 200:
        raise DomainError("بذر قرعه باید متنی ناتهی و حداکثر ۲۰۰ نویسه باشد.", code="invalid_seed")
    with transaction.atomic(durable=True):
        constituency = Constituency.objects.select_for_update().get(pk=constituency.pk)
        if constituency.is_published:
            raise ElectionClosed("نتایج این حوزه اعلام شده است و بذر قرعه دیگر تغییر نمی‌کند.")
        before = snapshot(constituency, ("lot_seed",))
        constituency.lot_seed = seed
        constituency.save(update_fields=["lot_seed"])
        record(
            actor=actor,
            event=ElectionsEvent.LOT_SEED_SET,
            obj=constituency,
            unit=constituency.unit,
            before=before,
            after=snapshot(constituency, ("lot_seed",)),
        )
    return constituency


@action()
def set_voting(*, actor: Actor, constituency: Constituency, is_voting: bool, reason: str = "") -> Constituency:
    """Mark whether voting takes place here (it may not, where voting is impossible); "not" needs a reason."""
    ensure(actor, MANAGE_CONSTITUENCY, target_of(constituency.unit))
    reason = plain_text(reason)
    if not is_voting and not reason:
        raise DomainError("دلیل برگزار نشدن رأی‌گیری لازم است.", code="not_voting_reason_required")
    if len(reason) > NOT_VOTING_REASON_MAX_LENGTH:
        raise DomainError(f"دلیل حداکثر {NOT_VOTING_REASON_MAX_LENGTH} نویسه است.", code="reason_too_long")
    with transaction.atomic(durable=True):
        constituency = Constituency.objects.select_for_update().select_related("unit").get(pk=constituency.pk)
        if constituency.is_published:
            raise ElectionClosed("نتایج این حوزه اعلام شده است.")
        if not is_voting and constituency.ballot_batches.exists():
            raise DomainError("برای این حوزه برگه رأی وارد شده است.", code="has_ballots")
        before = snapshot(constituency, VOTING_FIELDS)
        constituency.is_voting, constituency.not_voting_reason = is_voting, "" if is_voting else reason
        constituency.save(update_fields=list(VOTING_FIELDS))
        record(
            actor=actor,
            event=ElectionsEvent.VOTING_SET,
            obj=constituency,
            unit=constituency.unit,
            before=before,
            after=snapshot(constituency, VOTING_FIELDS),
        )
    return constituency
