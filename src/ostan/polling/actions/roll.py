"""Writing the voters' roll: an all-or-nothing import with a line report, and synthetic rolls.

Both compute each voter's constituency once (the deepest constituency unit of the round containing
the residence) and insert in bulk: COPY on PostgreSQL, ``bulk_create`` elsewhere.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator

import psycopg
from django.db import IntegrityError, connection, transaction

from ostan.auditlog.actions import action, record
from ostan.core.access import Actor, ensure
from ostan.core.errors import DomainError
from ostan.core.polling.roll import Voter, parse_roll_row
from ostan.core.polling.synthetic import synthetic_roll
from ostan.dialects import uses_postgresql
from ostan.elections.models import Constituency, ElectionRound
from ostan.polling.constituencies import residence_constituency
from ostan.polling.errors import RollImportRefused
from ostan.polling.events import PollingEvent
from ostan.polling.models import RollVoter
from ostan.polling.permissions import SET_UP_STATIONS
from ostan.polling.roll_files import RollReport, read_rows
from ostan.territory.models import Unit, UnitKind
from ostan.territory.scope import target_of

COPY_COLUMNS = (
    "election_round_id", "national_code", "first_name", "last_name", "birth_date", "gender",
    "residence_unit_path", "residence_since", "constituency_id",
)  # fmt: skip
BULK_BATCH = 5_000
# Settlements whose population the synthetic roll spreads voters over.
SETTLEMENT_KINDS = (UnitKind.CITY, UnitKind.VILLAGE)
MAX_REPORTED_ERRORS = 200


def _round_constituencies(election_round: ElectionRound) -> list[tuple[int, str]]:
    rows = Constituency.objects.filter(election_round=election_round, is_voting=True).values_list("pk", "unit__path")
    return list(rows)


def _tuples(round_id: int, voters: Iterable[Voter], places: list[tuple[int, str]]) -> Iterator[tuple[object, ...]]:
    for v in voters:
        yield (
            round_id, v.national_code, v.first_name, v.last_name, v.birth_date, v.gender.value,
            v.residence_unit_path, v.residence_since, residence_constituency(places, v.residence_unit_path),
        )  # fmt: skip


def _insert(rows: Iterable[tuple[object, ...]]) -> tuple[int, int]:
    """Insert the rows; ``(inserted, without constituency)``."""
    count = missing = 0
    if uses_postgresql():
        with (
            connection.cursor() as cursor,
            cursor.copy(f"COPY polling_rollvoter ({', '.join(COPY_COLUMNS)}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
                count += 1
                missing += row[-1] is None
        return count, missing
    batch: list[RollVoter] = []
    for row in rows:
        batch.append(RollVoter(**dict(zip(COPY_COLUMNS, row, strict=True))))
        count += 1
        missing += row[-1] is None
        if len(batch) >= BULK_BATCH:
            RollVoter.objects.bulk_create(batch)
            batch = []
    RollVoter.objects.bulk_create(batch)
    return count, missing


def _parse(file_name: str, data: bytes) -> list[Voter]:
    voters: list[Voter] = []
    errors: list[dict[str, object]] = []
    seen: dict[str, int] = {}
    for line, row in read_rows(file_name, data):
        try:
            voter = parse_roll_row(row, line)
        except DomainError as exc:
            errors.append({"line": line, "message": exc.message, **(exc.details or {})})  # type: ignore[dict-item]
            continue
        if voter.national_code in seen:
            message = f"کد ملی تکراری است (سطر {seen[voter.national_code]} هم همین کد را دارد)."
            errors.append({"line": line, "field": "national_code", "message": message})
        seen.setdefault(voter.national_code, line)
        voters.append(voter)
    if errors:
        raise RollImportRefused(
            f"{len(errors)} سطر نادرست است؛ هیچ سطری وارد نشد.", details={"errors": errors[:MAX_REPORTED_ERRORS]}
        )
    return voters


@action()
def import_roll(*, actor: Actor, election_round: ElectionRound, unit: Unit, file_name: str, data: bytes) -> RollReport:
    """Import a roll file for ``unit`` (every residence must lie in it); nothing is imported on any error."""
    ensure(actor, SET_UP_STATIONS, target_of(unit))
    voters = _parse(file_name, data)
    outside = [v.national_code for v in voters if not (v.residence_unit_path + "/").startswith(unit.path + "/")]
    if outside:
        raise RollImportRefused("محل سکونت برخی رأی‌دهندگان بیرون از این واحد است.", details={"codes": outside[:50]})
    with transaction.atomic(durable=True):
        codes = [v.national_code for v in voters]
        existing = list(
            RollVoter.objects.filter(election_round=election_round, national_code__in=codes).values_list(
                "national_code", flat=True
            )[:50]
        )
        if existing:
            raise RollImportRefused("برخی کدهای ملی پیش‌تر در فهرست این دوره هستند.", details={"codes": existing})
        count, missing = _insert(_tuples(election_round.pk, voters, _round_constituencies(election_round)))
        record(
            actor=actor, event=PollingEvent.ROLL_IMPORTED, obj=election_round, unit=unit,
            after={"file_name": file_name, "rows": count, "without_constituency": missing},
        )  # fmt: skip
    return RollReport(len(voters), count, missing)


SEED_USED = "کدهای ملی این فهرست ساختگی پیش‌تر در فهرست این دوره هستند (همین بذر)؛ بذر دیگری برگزینید."


@action()
def generate_roll(*, actor: Actor, election_round: ElectionRound, unit: Unit, size: int, seed: int) -> RollReport:
    """A synthetic roll of ``size`` voters over the settlements under ``unit`` (by population), seeded."""
    ensure(actor, SET_UP_STATIONS, target_of(unit))
    if election_round.election_date is None:
        raise DomainError("تاریخ رأی‌گیری این دوره هنوز تعیین نشده است.", code="round_without_date")
    places = Unit.objects.filter(kind__in=SETTLEMENT_KINDS, population__gt=0)
    places = places.filter(path__startswith=unit.path + "/") | places.filter(pk=unit.pk)
    units = [(path, population or 0) for path, population in places.order_by("path").values_list("path", "population")]
    if not units:
        units = [(unit.path, 1)]
    voters = synthetic_roll(units=units, rnd=random.Random(seed), election_date=election_round.election_date, size=size)
    try:
        with transaction.atomic(durable=True):
            count, missing = _insert(_tuples(election_round.pk, voters, _round_constituencies(election_round)))
            record(
                actor=actor, event=PollingEvent.ROLL_GENERATED, obj=election_round, unit=unit,
                after={"size": count, "seed": seed, "without_constituency": missing},
            )  # fmt: skip
    # The same seed again gives the same national codes; COPY raises psycopg's own error, the ORM Django's.
    except (IntegrityError, psycopg.IntegrityError):
        raise DomainError(SEED_USED, code="seed_used") from None
    return RollReport(count, count, missing)
