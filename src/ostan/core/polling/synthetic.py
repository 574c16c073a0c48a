"""A realistic synthetic voters' roll for any territory: for demos, load tests and tests, never for people.

Everything random comes from the ``rnd`` object the caller passes (``random.Random(seed)`` in tests),
so one seed gives one roll. What "realistic" means here, and where each figure comes from:

- Voters are spread over the given units in proportion to their population (largest remainder, so the
  counts add up to ``size`` exactly).
- Sex: men are 40,498,442 of 79,926,270 people (50.67%) in the 1395 census (the sum of the provinces in
  the territory reference data); the generator uses that share for adults too.
- Age: :data:`AGE_BANDS`, the five-year bands of the 1395 census moved ten years on to 1405 (so the
  1395 band 25–29 becomes 35–39), with a rough survival cut for the old. The figures are approximate,
  rounded to thousands and recalled rather than copied from the census tables: only their shape
  matters. Ages run 18–90; the birth date is uniform within the age year, so the age on election day
  is exactly the drawn age.
- Residence: 4% moved in within two years (so some fail the one-year rule in small places), 30% moved
  in earlier, the rest never moved (``residence_since=None``). These shares are illustrative.
- National codes are valid and unique: serial numbers ``(a·i + b) mod 10⁹`` with ``a`` coprime to 10⁹
  visit every nine-digit prefix once; written as nine digits and read backwards they look scattered,
  and the check digit completes them (codes of one repeated digit are skipped, as they are never issued).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator, Sequence
from itertools import accumulate
from typing import Protocol, TypeVar

from ostan.core.national_code import check_digit
from ostan.core.polling.errors import SyntheticRollError
from ostan.core.polling.names import FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES
from ostan.core.polling.roll import Gender, Voter

T = TypeVar("T")

# (youngest, oldest, people in thousands) per band; see the module docstring for the source.
AGE_BANDS: tuple[tuple[int, int, int], ...] = (
    (18, 19, 2870),
    (20, 24, 6080),
    (25, 29, 5610),
    (30, 34, 6390),
    (35, 39, 8110),
    (40, 44, 8480),
    (45, 49, 6880),
    (50, 54, 5620),
    (55, 59, 4910),
    (60, 64, 4120),
    (65, 69, 3200),
    (70, 74, 2200),
    (75, 79, 1300),
    (80, 84, 750),
    (85, 90, 400),
)
# 1395 census, men ÷ everyone (provinces table of the territory reference data).
MALE_SHARE = 40_498_442 / 79_926_270
RECENT_MOVE_SHARE = 0.04
RECENT_MOVE_DAYS = 730
EARLIER_MOVE_SHARE = 0.30
SERIAL_SPACE = 10**9
# Name weights fall as 1/(rank + NAME_RANK_OFFSET): the first names are common, the last still appear.
NAME_RANK_OFFSET = 5


class RandomSource(Protocol):
    """The part of ``random.Random`` the generator uses; pass a seeded instance."""

    def random(self) -> float: ...

    def randint(self, a: int, b: int) -> int: ...

    def choices(
        self,
        population: Sequence[T],
        weights: Sequence[float] | None = None,
        *,
        cum_weights: Sequence[float] | None = None,
        k: int = 1,
    ) -> list[T]: ...


def apportion(size: int, populations: Sequence[int]) -> list[int]:
    """``size`` split in proportion to ``populations`` (largest remainder, ties to the earlier unit)."""
    total = sum(populations)
    if total <= 0:
        raise SyntheticRollError("جمعیت واحدها باید مثبت باشد.")
    shares = [size * p // total for p in populations]
    remainders = sorted(range(len(populations)), key=lambda i: (-(size * populations[i] % total), i))
    for i in remainders[: size - sum(shares)]:
        shares[i] += 1
    return shares


def shift_years(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later (earlier if negative); 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def birth_date_for_age(age: int, election_date: dt.date, rnd: RandomSource) -> dt.date:
    """A uniform birth date among those giving exactly ``age`` full years on ``election_date``."""
    latest = shift_years(election_date, -age)
    earliest = shift_years(election_date, -(age + 1)) + dt.timedelta(days=1)
    return earliest + dt.timedelta(days=rnd.randint(0, (latest - earliest).days))


def _cum_weights(count: int) -> list[float]:
    return list(accumulate(1 / (rank + NAME_RANK_OFFSET) for rank in range(count)))


class _Codes:
    """Unique valid national codes from an affine permutation of the nine-digit serials."""

    def __init__(self, rnd: RandomSource) -> None:
        self.step = rnd.randint(1, SERIAL_SPACE - 1)
        while math.gcd(self.step, SERIAL_SPACE) != 1:
            self.step += 1
        self.offset = rnd.randint(0, SERIAL_SPACE - 1)
        self.index = 0

    def next(self) -> str:
        while True:
            # Reading the serial backwards keeps the map one-to-one and scatters neighbouring voters.
            first_nine = f"{(self.step * self.index + self.offset) % SERIAL_SPACE:09d}"[::-1]
            self.index += 1
            code = first_nine + str(check_digit(first_nine))
            if len(set(code)) > 1:  # one repeated digit is never issued
                return code


class _People:
    def __init__(self, rnd: RandomSource, election_date: dt.date) -> None:
        self.rnd = rnd
        self.election_date = election_date
        self.codes = _Codes(rnd)
        self.bands = [(low, high) for low, high, _ in AGE_BANDS]
        self.band_weights = list(accumulate(float(weight) for _, _, weight in AGE_BANDS))
        self.first_name_weights = {
            Gender.MALE: _cum_weights(len(MALE_FIRST_NAMES)),
            Gender.FEMALE: _cum_weights(len(FEMALE_FIRST_NAMES)),
        }
        self.last_name_weights = _cum_weights(len(LAST_NAMES))

    def voter(self, unit_path: str) -> Voter:
        rnd = self.rnd
        gender = Gender.MALE if rnd.random() < MALE_SHARE else Gender.FEMALE
        first_names = MALE_FIRST_NAMES if gender is Gender.MALE else FEMALE_FIRST_NAMES
        low, high = rnd.choices(self.bands, cum_weights=self.band_weights)[0]
        born = birth_date_for_age(rnd.randint(low, high), self.election_date, rnd)
        code = self.codes.next()
        first_name = rnd.choices(first_names, cum_weights=self.first_name_weights[gender])[0]
        last_name = rnd.choices(LAST_NAMES, cum_weights=self.last_name_weights)[0]
        return Voter(code, first_name, last_name, born, gender, unit_path, self.since(born))

    def since(self, born: dt.date) -> dt.date | None:
        draw = self.rnd.random()
        if draw < RECENT_MOVE_SHARE:
            days = self.rnd.randint(1, RECENT_MOVE_DAYS)
        elif draw < RECENT_MOVE_SHARE + EARLIER_MOVE_SHARE:
            days = self.rnd.randint(RECENT_MOVE_DAYS + 1, max(RECENT_MOVE_DAYS + 1, (self.election_date - born).days))
        else:
            return None
        return max(born, self.election_date - dt.timedelta(days=days))


def synthetic_roll(
    *,
    units: Sequence[tuple[str, int]],
    rnd: RandomSource,
    election_date: dt.date,
    size: int,
) -> Iterator[Voter]:
    """``size`` synthetic voters over ``units`` (pairs of unit path and population), lazily.

    Voters come unit by unit in the order given. The same ``rnd`` state gives the same roll.
    """
    if not 0 <= size < SERIAL_SPACE - 10:
        raise SyntheticRollError("اندازهٔ فهرست رأی‌دهندگان باید میان صفر و یک میلیارد باشد.")
    if any(population < 0 for _, population in units):
        raise SyntheticRollError("جمعیت واحدها نمی‌تواند منفی باشد.")
    counts = apportion(size, [population for _, population in units])
    return _generate(units, counts, _People(rnd, election_date))


def _generate(units: Sequence[tuple[str, int]], counts: list[int], people: _People) -> Iterator[Voter]:
    for (path, _), count in zip(units, counts, strict=True):
        for _ in range(count):
            yield people.voter(path)
