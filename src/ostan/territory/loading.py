"""Loading the published divisions into the database: one transaction, upsert by code, no per-row query.

Paths and depths are computed here from parent codes. Rows that already match are left alone, so a second
run changes nothing. A population an official entered (the reference has none) is never wiped by a reload.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from django.db import transaction
from tqdm import tqdm

from ostan.auditlog.actions import record as record_audit
from ostan.core.access import Actor
from ostan.territory.events import TerritoryEvent
from ostan.territory.models import PATH_SEPARATOR, Unit
from ostan.territory.reference import DATA_DIR, UnitRecord, read_divisions

BATCH_SIZE = 2000
# Compared and written for every reference row; population fields only when the reference knows them.
TREE_FIELDS = ("kind", "name", "name_en", "search_key", "parent_id", "path", "depth", "source", "latitude", "longitude")
POPULATION_FIELDS = ("population", "population_year", "population_source")


LOADER = Actor.system("بارگذاری تقسیمات کشوری از دادهٔ مرجع")


@dataclass
class LoadReport:
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: int = 0
    totals: Counter[str] = field(default_factory=Counter)

    @property
    def created_count(self) -> int:
        return sum(self.created.values())

    @property
    def updated_count(self) -> int:
        return sum(self.updated.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "created": dict(self.created),
            "updated": dict(self.updated),
            "unchanged": self.unchanged,
            "totals": dict(self.totals),
        }


def _depth_groups(records: list[UnitRecord]) -> list[list[tuple[UnitRecord, str]]]:
    """Records with their paths, grouped by depth so that every parent is written before its children."""
    paths: dict[str, str] = {}
    groups: dict[int, list[tuple[UnitRecord, str]]] = {}
    for r in _parents_first(records):
        path = r.code if r.parent_code is None else paths[r.parent_code] + PATH_SEPARATOR + r.code
        paths[r.code] = path
        groups.setdefault(path.count(PATH_SEPARATOR), []).append((r, path))
    return [groups[d] for d in sorted(groups)]


def _parents_first(records: list[UnitRecord]) -> Iterable[UnitRecord]:
    # Zones attached to a city come after all cities, whatever the file order.
    yield from (r for r in records if r.kind != "city_zone")
    yield from (r for r in records if r.kind == "city_zone")


def _values(r: UnitRecord, path: str, parent_id: int | None) -> dict[str, Any]:
    values: dict[str, Any] = {
        "kind": r.kind,
        "name": r.name,
        "name_en": r.name_en,
        "search_key": r.search_key,
        "parent_id": parent_id,
        "path": path,
        "depth": path.count(PATH_SEPARATOR),
        "source": r.source,
        "latitude": r.latitude,
        "longitude": r.longitude,
    }
    if r.population is not None:
        values |= {
            "population": r.population,
            "population_year": r.population_year,
            "population_source": r.population_source,
        }
    return values


def _existing() -> dict[str, dict[str, Any]]:
    columns = ("id", "code", *TREE_FIELDS, *POPULATION_FIELDS)
    return {row["code"]: row for row in Unit.objects.filter(is_user_created=False).values(*columns)}


def _write_group(
    group: list[tuple[UnitRecord, str]], ids: dict[str, int], existing: dict[str, dict[str, Any]], report: LoadReport
) -> None:
    new: list[Unit] = []
    changed: list[Unit] = []
    for r, path in group:
        values = _values(r, path, ids.get(r.parent_code) if r.parent_code else None)
        report.totals[r.kind] += 1
        old = existing.get(r.code)
        if old is None:
            new.append(Unit(code=r.code, **values))
            report.created[r.kind] += 1
        elif any(old[k] != v for k, v in values.items()):
            changed.append(Unit(**(old | values)))
            report.updated[r.kind] += 1
        else:
            report.unchanged += 1
    Unit.objects.bulk_create(new, batch_size=BATCH_SIZE)
    ids.update((u.code, u.pk) for u in new)
    if changed:
        Unit.objects.bulk_update(changed, [*TREE_FIELDS, *POPULATION_FIELDS], batch_size=BATCH_SIZE)


def load_territory(data_dir: Path = DATA_DIR, *, progress: TextIO | None = None) -> LoadReport:
    """Load (or refresh) the whole tree from ``data_dir``. Raises ``MalformedRow`` before writing anything."""
    records = read_divisions(data_dir)
    report = LoadReport()
    with transaction.atomic(durable=True):
        existing = _existing()
        ids = {code: row["id"] for code, row in existing.items()}
        bar = tqdm(total=len(records), file=progress, disable=progress is None, unit="unit", desc="territory")
        for group in _depth_groups(records):
            for start in range(0, len(group), BATCH_SIZE * 5):
                chunk = group[start : start + BATCH_SIZE * 5]
                _write_group(chunk, ids, existing, report)
                bar.update(len(chunk))
        bar.close()
        record_audit(
            actor=LOADER, event=TerritoryEvent.TREE_LOADED, object_type="territory.unit", after=report.as_dict()
        )
    return report
