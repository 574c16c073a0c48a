"""Changes to the territory tree made by officials: new neighbourhoods, populations the census lacks."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max

from ostan.auditlog.actions import action, record, snapshot
from ostan.core.access import Actor, ensure
from ostan.core.text import normalize, search_key
from ostan.territory.errors import DuplicateNeighbourhood, InvalidTerritoryInput
from ostan.territory.events import TerritoryEvent
from ostan.territory.models import PATH_SEPARATOR, Unit, UnitKind
from ostan.territory.permissions import EDIT_UNITS
from ostan.territory.scope import target_of
from ostan.territory.selectors import NEIGHBOURHOOD_PARENT_KINDS, without_controls

NAME_MAX_LENGTH = 100
REASON_MAX_LENGTH = 200
# The largest Iranian province (Tehran) had 13.3 million people in 1395; no unit can pass this.
POPULATION_MAX = 100_000_000
# Solar Hijri years a population figure may be dated: the first national census (1335) to a near future.
YEAR_MIN, YEAR_MAX = 1335, 1500
NEIGHBOURHOOD_CODE_SEPARATOR = "-"
POPULATION_FIELDS = ("population", "population_year", "population_source")


def _next_neighbourhood_code(parent: Unit) -> str:
    prefix = parent.code + NEIGHBOURHOOD_CODE_SEPARATOR
    last = (
        Unit.objects.filter(parent=parent, kind=UnitKind.NEIGHBOURHOOD, code__startswith=prefix)
        .aggregate(last=Max("code"))
        .get("last")
    )
    number = int(last.removeprefix(prefix)) + 1 if last and last.removeprefix(prefix).isdigit() else 1
    return f"{prefix}{number:03d}"


@action()
def create_neighbourhood(*, actor: Actor, city: Unit, name: str) -> Unit:
    """Add a neighbourhood (محله) under a city or city zone in the actor's scope."""
    ensure(actor, EDIT_UNITS, target_of(city))
    if city.kind not in NEIGHBOURHOOD_PARENT_KINDS:
        raise InvalidTerritoryInput("محله فقط زیر شهر یا منطقه شهری ساخته می‌شود.")
    name = normalize(without_controls(name))
    if not name:
        raise InvalidTerritoryInput("نام محله را وارد کنید.")
    if len(name) > NAME_MAX_LENGTH:
        raise InvalidTerritoryInput(f"نام محله حداکثر {NAME_MAX_LENGTH} نویسه است.")
    key = search_key(name)
    with transaction.atomic(durable=True):
        parent = Unit.objects.select_for_update().get(pk=city.pk)
        if Unit.objects.filter(parent=parent, kind=UnitKind.NEIGHBOURHOOD, search_key=key).exists():
            raise DuplicateNeighbourhood(f"محله «{name}» در «{parent.name}» از پیش ثبت شده است.")
        code = _next_neighbourhood_code(parent)
        unit = Unit.objects.create(
            code=code,
            kind=UnitKind.NEIGHBOURHOOD,
            name=name,
            search_key=key,
            parent=parent,
            path=parent.path + PATH_SEPARATOR + code,
            depth=parent.depth + 1,
            source=f"ثبت به دست {actor.label}",
            is_user_created=True,
        )
        record(
            actor=actor,
            event=TerritoryEvent.NEIGHBOURHOOD_CREATED,
            obj=unit,
            unit=unit,
            after=snapshot(unit, ("code", "name", "parent", "path")),
        )
    return unit


@action()
def set_population(*, actor: Actor, unit: Unit, population: int, year: int, reason: str) -> Unit:
    """Enter a unit's population (usually one the census list lacks), with the reason for the record."""
    ensure(actor, EDIT_UNITS, target_of(unit))
    reason = normalize(without_controls(reason))
    if not reason:
        raise InvalidTerritoryInput("دلیل ثبت جمعیت را بنویسید.")
    if len(reason) > REASON_MAX_LENGTH:
        raise InvalidTerritoryInput(f"دلیل حداکثر {REASON_MAX_LENGTH} نویسه است.")
    if isinstance(population, bool) or not isinstance(population, int) or population < 0:
        raise InvalidTerritoryInput("جمعیت باید عددی صحیح و نامنفی باشد.")
    if population > POPULATION_MAX:
        raise InvalidTerritoryInput("جمعیت واردشده بیش از اندازه ممکن است.")
    if isinstance(year, bool) or not isinstance(year, int) or not YEAR_MIN <= year <= YEAR_MAX:
        raise InvalidTerritoryInput(f"سال باید سالی خورشیدی میان {YEAR_MIN} و {YEAR_MAX} باشد.")
    with transaction.atomic(durable=True):
        locked = Unit.objects.select_for_update().get(pk=unit.pk)
        before = snapshot(locked, POPULATION_FIELDS)
        locked.population = population
        locked.population_year = year
        locked.population_source = f"ثبت به دست {actor.label}: {reason}"[:300]
        locked.save(update_fields=list(POPULATION_FIELDS))
        record(
            actor=actor,
            event=TerritoryEvent.POPULATION_SET,
            obj=locked,
            unit=locked,
            before=before,
            after=snapshot(locked, POPULATION_FIELDS) | {"reason": reason},
        )
    return locked
