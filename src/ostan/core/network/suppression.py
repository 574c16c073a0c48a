"""Small-count suppression for public views: counts that could point at a few people are not shown.

Rules:

* **Primary**: a count from 1 to k − 1 (k is the indicator's ``suppress_below``) is suppressed. Zero is
  shown: it names nobody, and hiding every zero would hide most of a sparse table.
* **Complementary**: a published total and its parts form an equation (total = sum of parts). If exactly
  one entry of an equation is suppressed, it can be derived from the others, so one more is suppressed:
  the smallest positive part still shown, else a zero part, else the total itself (ties by key). This
  repeats over every equation until none has exactly one suppressed entry, so it also covers a table
  with row and column totals, or a territory tree (a county is the total of its units). It protects
  against exact derivation only; narrow bounds from several equations are not ruled out (the optimal
  choice is an integer programme, beyond a core rule).
* For a ratio indicator the rule applies to the numerator counts: a rate is hidden when the count of
  cases behind it is small, and its complements are chosen among its siblings' numerators.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from ostan.core.network.errors import InvalidRule
from ostan.core.network.indicators import MIN_SUPPRESSION_THRESHOLD, Indicator, RolledValue
from ostan.core.network.paths import parent


@dataclass(frozen=True)
class Equation:
    """A published total and its parts, all keys of the counts."""

    total: str
    parts: tuple[str, ...]


@dataclass(frozen=True)
class Suppression:
    primary: frozenset[str]
    complementary: frozenset[str]

    @property
    def suppressed(self) -> frozenset[str]:
        return self.primary | self.complementary

    def shown(self, counts: Mapping[str, Decimal | int]) -> dict[str, Decimal | int | None]:
        """The counts as a public view shows them: None where suppressed."""
        hidden = self.suppressed
        return {key: None if key in hidden else value for key, value in counts.items()}


def suppress_counts(
    counts: Mapping[str, Decimal | int], *, threshold: int, equations: Iterable[Equation] = ()
) -> Suppression:
    """Which counts a public view must hide (rules in the module docstring)."""
    if threshold < MIN_SUPPRESSION_THRESHOLD:
        raise InvalidRule("آستانهٔ پنهان‌سازی باید دست‌کم ۲ باشد.", details={"threshold": threshold})
    primary = frozenset(key for key, value in counts.items() if 0 < value < threshold)
    hidden = set(primary)
    pending = [e for e in equations if e.total in counts and all(p in counts for p in e.parts)]
    changed = True
    while changed:
        changed = False
        for equation in pending:
            entries = (equation.total, *equation.parts)
            if sum(1 for key in entries if key in hidden) == 1:
                choice = _complement(equation, counts, hidden)
                if choice is not None:
                    hidden.add(choice)
                    changed = True
    return Suppression(primary, frozenset(hidden - primary))


def _complement(equation: Equation, counts: Mapping[str, Decimal | int], hidden: set[str]) -> str | None:
    shown = sorted(p for p in equation.parts if p not in hidden)
    positive = [p for p in shown if counts[p] > 0]
    if positive:
        return min(positive, key=lambda p: (counts[p], p))
    if shown:
        return shown[0]
    return equation.total if equation.total not in hidden else None


def tree_equations(paths: Iterable[str]) -> tuple[Equation, ...]:
    """Each path that has children among ``paths`` is the total of those children."""
    children: dict[str, list[str]] = defaultdict(list)
    known = set(paths)
    for path in known:
        up = parent(path)
        if up is not None and up in known:
            children[up].append(path)
    return tuple(Equation(total, tuple(sorted(parts))) for total, parts in sorted(children.items()))


def suppress_rollup(indicator: Indicator, rolled: Mapping[str, RolledValue]) -> dict[str, Decimal | None]:
    """An indicator's roll-up as a public view shows it; unchanged if the indicator sets no threshold."""
    if indicator.suppress_below is None:
        return {path: node.value for path, node in rolled.items()}
    counts: dict[str, Decimal | int] = {}
    for path, node in rolled.items():
        count = node.numerator if indicator.formula is not None else node.value
        if count is not None:
            counts[path] = count
    hidden = suppress_counts(counts, threshold=indicator.suppress_below, equations=tree_equations(counts)).suppressed
    return {path: None if path in hidden else node.value for path, node in rolled.items()}


def suppress_table(cells: Mapping[tuple[str, str], int], *, threshold: int) -> tuple[Suppression, dict[str, int]]:
    """A two-way table with its row and column totals: the suppression, and every count by key.

    Keys are «row|column» for cells, «row|*» and «*|column» for the margins, «*|*» for the grand total.
    """
    counts: dict[str, int] = defaultdict(int)
    rows: dict[str, list[str]] = defaultdict(list)
    columns: dict[str, list[str]] = defaultdict(list)
    for (row, column), value in cells.items():
        key = f"{row}|{column}"
        counts[key] = value
        counts[f"{row}|*"] += value
        counts[f"*|{column}"] += value
        counts["*|*"] += value
        rows[row].append(key)
        columns[column].append(key)
    equations = [Equation(f"{r}|*", tuple(keys)) for r, keys in rows.items()]
    equations += [Equation(f"*|{c}", tuple(keys)) for c, keys in columns.items()]
    equations.append(Equation("*|*", tuple(f"{r}|*" for r in rows)))
    equations.append(Equation("*|*", tuple(f"*|{c}" for c in columns)))
    return suppress_counts(counts, threshold=threshold, equations=equations), dict(counts)
