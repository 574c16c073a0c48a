"""Who does what where (3W, as OCHA's 3W): units × categories × institutions, with counts and budgets.

Rules:

* An action is in the matrix of a period when it runs on at least one day of it (its day range meets
  the period's); with no period, every action is. A committee filter keeps that committee's actions.
* With ``level`` (a depth: 3 is a county under ``IR/province``), actions are counted at their unit's
  ancestor of that depth; an action recorded above that depth stays at its own unit.
* A cell's budget is the sum of the known budgets; ``unbudgeted`` counts the actions with none, so a
  screen can say "and 3 actions of unknown cost" instead of showing a sum that looks complete.
* Rows, categories and institutions are in Persian alphabetical order of their names
  (:func:`ostan.core.collation.persian_sort_key`), then by code; a missing name sorts as its code.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ostan.core.collation import persian_sort_key
from ostan.core.network.model import Action
from ostan.core.network.paths import ancestor_at
from ostan.core.network.periods import Period


@dataclass(frozen=True)
class Tally:
    """Actions counted together: how many, their known budget (rials) and how many have none."""

    action_count: int = 0
    budget: int = 0
    unbudgeted: int = 0

    def add(self, action: Action) -> Tally:
        if action.budget is None:
            return Tally(self.action_count + 1, self.budget, self.unbudgeted + 1)
        return Tally(self.action_count + 1, self.budget + action.budget, self.unbudgeted)


@dataclass(frozen=True)
class MatrixRow:
    unit_path: str
    name: str
    cells: Mapping[tuple[str, str], Tally]  # (category, institution) → tally, only cells with actions
    total: Tally


@dataclass(frozen=True)
class WhoDoesWhatWhere:
    rows: tuple[MatrixRow, ...]
    categories: tuple[str, ...]  # codes, in Persian alphabetical order of their names
    institutions: tuple[str, ...]
    by_category: Mapping[str, Tally]
    by_institution: Mapping[str, Tally]
    total: Tally

    def cell(self, unit_path: str, category: str, institution: str) -> Tally:
        for row in self.rows:
            if row.unit_path == unit_path:
                return row.cells.get((category, institution), Tally())
        return Tally()


def who_does_what_where(
    actions: Iterable[Action],
    *,
    period: Period | None = None,
    committee: str | None = None,
    level: int | None = None,
    unit_names: Mapping[str, str] | None = None,
    category_names: Mapping[str, str] | None = None,
    institution_names: Mapping[str, str] | None = None,
) -> WhoDoesWhatWhere:
    """The 3W pivot of ``actions`` (see the module docstring for the rules)."""
    days = None if period is None else (period.first_day, period.last_day)  # Jalali to Gregorian once, not per action
    tallies: dict[tuple[str, str, str], Tally] = defaultdict(Tally)
    for action in actions:
        if _is_kept(action, days, committee):
            key = (action.unit_path, action.category, action.institution)
            tallies[key] = tallies[key].add(action)
    return assemble_matrix(tallies, level=level, unit_names=unit_names, category_names=category_names,
                           institution_names=institution_names)  # fmt: skip


def assemble_matrix(
    tallies: Mapping[tuple[str, str, str], Tally],
    *,
    level: int | None = None,
    unit_names: Mapping[str, str] | None = None,
    category_names: Mapping[str, str] | None = None,
    institution_names: Mapping[str, str] | None = None,
) -> WhoDoesWhatWhere:
    """The 3W pivot from tallies already counted per (unit path, category, institution) — by
    :func:`who_does_what_where` from actions, or by a database's grouped count — with the same rules."""
    cells: dict[str, dict[tuple[str, str], Tally]] = defaultdict(dict)
    by_category: dict[str, Tally] = defaultdict(Tally)
    by_institution: dict[str, Tally] = defaultdict(Tally)
    for (path, category, institution), tally in tallies.items():
        unit = (ancestor_at(path, level) if level else None) or path
        key = (category, institution)
        cells[unit][key] = _sum((cells[unit].get(key, Tally()), tally))
        by_category[category] = _sum((by_category[category], tally))
        by_institution[institution] = _sum((by_institution[institution], tally))
    names = unit_names or {}
    rows = []
    for unit, row in cells.items():
        ordered = _ordered_cells(row, category_names, institution_names)
        rows.append(MatrixRow(unit, names.get(unit, unit), ordered, _sum(row.values())))
    rows.sort(key=lambda r: (persian_sort_key(r.name), r.unit_path))
    return WhoDoesWhatWhere(
        rows=tuple(rows),
        categories=_ordered(by_category, category_names),
        institutions=_ordered(by_institution, institution_names),
        by_category=dict(by_category),
        by_institution=dict(by_institution),
        total=_sum(by_category.values()),
    )


def _is_kept(action: Action, days: tuple[dt.date, dt.date] | None, committee: str | None) -> bool:
    if committee is not None and action.committee != committee:
        return False
    return days is None or action.is_active_between(*days)


def _ordered(codes: Iterable[str], names: Mapping[str, str] | None) -> tuple[str, ...]:
    named = names or {}
    return tuple(sorted(codes, key=lambda code: (persian_sort_key(named.get(code, code)), code)))


def _ordered_cells(
    row: Mapping[tuple[str, str], Tally], categories: Mapping[str, str] | None, institutions: Mapping[str, str] | None
) -> dict[tuple[str, str], Tally]:
    category_order = {code: i for i, code in enumerate(_ordered({c for c, _ in row}, categories))}
    institution_order = {code: i for i, code in enumerate(_ordered({i for _, i in row}, institutions))}
    keys = sorted(row, key=lambda k: (category_order[k[0]], institution_order[k[1]]))
    return {key: row[key] for key in keys}


def _sum(tallies: Iterable[Tally]) -> Tally:
    total = Tally()
    for t in tallies:
        total = Tally(total.action_count + t.action_count, total.budget + t.budget, total.unbudgeted + t.unbudgeted)
    return total


def units_by_institution_count(matrix: WhoDoesWhatWhere) -> Sequence[tuple[str, int]]:
    """Rows with how many institutions act in them, most first: where coordination matters most."""
    counts = [(row.unit_path, len({i for _, i in row.cells})) for row in matrix.rows]
    return sorted(counts, key=lambda item: (-item[1], item[0]))
