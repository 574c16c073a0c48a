"""Largest remainder (Hamilton / Hare–Niemeyer) with the Hare quota, in exact fractions.

Each block's quota is ``total × seats ÷ base`` (base: the sum of totals unless given). Integer parts
come first; the seats left go one at a time down the remainder order (largest remainder first; equal
remainders by larger total, then by ``tie_order``). With ``capacities``, a block never takes more seats
than it has candidates: its surplus continues down the same order, starting again from the top if the
order runs out, and any seat nobody can take is reported as vacant.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from ostan.core.counting.errors import ApportionmentImpossible


@dataclass(frozen=True)
class Apportionment:
    seats_total: int
    base: int
    quotas: Mapping[str, Fraction]
    integer_seats: Mapping[str, int]  # floor(quota), before any capacity
    remainders: Mapping[str, Fraction]
    remainder_order: tuple[str, ...]
    remainder_seats: Mapping[str, int]
    seats: Mapping[str, int]
    surplus: int  # integer-part seats a block could not fill and gave back
    vacant: int  # seats nobody could take


def _default_tie_order(keys: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(keys))


def largest_remainder(
    totals: Mapping[str, int],
    seats: int,
    *,
    denominator: int | None = None,
    capacities: Mapping[str, int] | None = None,
    tie_order: Callable[[Iterable[str]], tuple[str, ...]] = _default_tie_order,
    prefer_larger_total: bool = True,
) -> Apportionment:
    """Share ``seats`` among ``totals`` by the Hare quota and largest remainders."""
    if seats < 0 or any(t < 0 for t in totals.values()):
        raise ValueError("seats and totals must not be negative")
    base = sum(totals.values()) if denominator is None else denominator
    quotas = {k: Fraction(t * seats, base) if base > 0 else Fraction(0) for k, t in totals.items()}
    integer = {k: q.numerator // q.denominator for k, q in quotas.items()}
    if sum(integer.values()) > seats:
        raise ApportionmentImpossible(
            "جمع بخش‌های صحیح سهمیه‌ها از تعداد کرسی‌ها بیشتر است؛ مخرج سهم‌ها با این شمارش سازگار نیست.",
            details={"integer_seats": integer, "seats": seats},
        )
    room = {k: seats if capacities is None else capacities.get(k, 0) for k in totals}
    remainders = {k: quotas[k] - integer[k] for k in totals}
    lot_rank = {k: i for i, k in enumerate(tie_order(totals))}
    order = tuple(
        sorted(
            totals,
            key=lambda k: (-remainders[k], -totals[k] if prefer_larger_total else 0, lot_rank[k]),
        )
    )
    given = {k: min(integer[k], room[k]) for k in totals}
    surplus = sum(integer.values()) - sum(given.values())
    extra = _hand_out(order, seats - sum(given.values()), given, room)
    final = {k: given[k] + extra[k] for k in totals}
    return Apportionment(
        seats_total=seats,
        base=base,
        quotas=quotas,
        integer_seats=integer,
        remainders=remainders,
        remainder_order=order,
        remainder_seats=extra,
        seats=final,
        surplus=surplus,
        vacant=seats - sum(final.values()),
    )


def _hand_out(order: tuple[str, ...], left: int, given: Mapping[str, int], room: Mapping[str, int]) -> dict[str, int]:
    extra = dict.fromkeys(order, 0)
    while left > 0:
        open_blocks = [k for k in order if given[k] + extra[k] < room[k]]
        if not open_blocks:
            break
        for k in open_blocks[:left]:
            extra[k] += 1
        left -= min(left, len(open_blocks))
    return extra
