"""Aggregation up the tree: station minutes → constituency → county → province → country.

Figures are additive, so every level is a sum over unit paths: a station's figures are added to its
unit's path and to every ancestor path (``"00/0001/000102"`` counts towards ``"00/0001"``, ``"00"``
and ``""``, the country). The roll's eligible voters are added the same way, so turnout at any level
is ballots ÷ eligible of the same subtree. Constituency tallies are the merged station tallies, which
the counting core turns into a result (``ostan.core.counting.count_tally``).

A station serving two constituencies (a city council and a village council at one school) appears in
``stations`` once per constituency and sends one minutes document for each: minutes are matched by
(station, constituency). Its voters vote in one constituency each, so its figures add up; it counts once
among a unit's stations, and as reported once every one of its minutes is in.

Anomalies are flagged, never corrected: a station or constituency with more ballots than check-ins, a
unit whose check-ins or ballots exceed its eligible voters (only where the roll gives a number), a
station that reported zero ballots, minutes whose statuses do not add up, minutes for unknown stations
or sent twice, and totals reported by an office that differ from the sum of their stations.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from fractions import Fraction

from ostan.core.counting.ballots import BallotTally, merge_tallies
from ostan.core.polling.minutes import Minutes, minutes_tally
from ostan.core.polling.roll import PATH_SEPARATOR
from ostan.core.text import to_persian_digits

COUNTRY = ""


@dataclass(frozen=True)
class Figures:
    eligible: int = 0
    checked_in: int = 0
    ballots_cast: int = 0
    valid: int = 0
    partly_valid: int = 0
    invalid: int = 0
    blank: int = 0
    stations: int = 0  # stations expected to report
    stations_reported: int = 0

    def __add__(self, other: Figures) -> Figures:
        return Figures(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(Figures)))

    @property
    def turnout(self) -> Fraction | None:
        """Ballots ÷ eligible voters, exact (None when the roll gives no number)."""
        return Fraction(self.ballots_cast, self.eligible) if self.eligible else None


@dataclass(frozen=True)
class Station:
    """One constituency a station serves: a station serving two is given twice, with the same code and unit."""

    station_code: str
    unit_path: str  # the unit the station serves (a city, village or neighbourhood)
    constituency_id: str


Key = tuple[str, str]  # (station code, constituency id)


@dataclass(frozen=True)
class Anomaly:
    code: str
    subject: str  # a station code, a constituency id or a unit path ("" is the country)
    message: str  # Persian


@dataclass(frozen=True)
class Aggregation:
    totals: Mapping[str, Figures]  # per unit path and every ancestor path; "" is the country
    constituencies: Mapping[str, Figures]
    tallies: Mapping[str, BallotTally]  # per constituency: the merged tallies of its reported stations
    missing_stations: tuple[str, ...]  # expected stations with no minutes yet
    anomalies: tuple[Anomaly, ...]


def ancestors(path: str) -> tuple[str, ...]:
    """``""`` and every prefix of ``path`` down to ``path`` itself."""
    parts = path.split(PATH_SEPARATOR) if path else []
    return (COUNTRY, *(PATH_SEPARATOR.join(parts[: i + 1]) for i in range(len(parts))))


def roll_up(items: Iterable[tuple[str, Figures]]) -> dict[str, Figures]:
    """Figures given per unit path, added up for the path and each of its ancestors."""
    totals: dict[str, Figures] = {}
    for path, figures in items:
        for key in ancestors(path):
            totals[key] = totals.get(key, Figures()) + figures
    return dict(sorted(totals.items()))


def figures_from_minutes(m: Minutes) -> Figures:
    return Figures(
        checked_in=m.checked_in,
        ballots_cast=m.ballots_cast,
        valid=m.valid,
        partly_valid=m.partly_valid,
        invalid=m.invalid,
        blank=m.blank,
        stations_reported=1,
    )


def aggregate(
    *,
    stations: Sequence[Station],
    minutes: Iterable[Minutes],
    eligible: Iterable[tuple[str, int]] = (),
    reported: Mapping[str, Figures] | None = None,
) -> Aggregation:
    """Add up ``minutes`` over the tree of ``stations``; ``eligible`` gives (unit path, voters on the roll).

    ``reported`` holds totals an office sent up for a unit path, to compare with the sum of its stations.
    """
    expected = {(s.station_code, s.constituency_id): s for s in stations}
    by_code: dict[str, Station] = {}
    for s in stations:
        by_code.setdefault(s.station_code, s)
    kept, anomalies = _accept(expected, by_code, minutes)
    missing = {code for code, cid in expected if (code, cid) not in kept}
    items = [(s.unit_path, Figures(stations=1, stations_reported=int(c not in missing))) for c, s in by_code.items()]
    items += [(path, Figures(eligible=count)) for path, count in eligible]
    items += [(by_code[code].unit_path, _counted(m)) for (code, _), m in kept.items()]
    totals = roll_up(items)
    constituencies: dict[str, Figures] = {}
    for (_, cid), m in kept.items():
        constituencies[cid] = constituencies.get(cid, Figures()) + figures_from_minutes(m)
    tallies = {
        cid: merge_tallies(minutes_tally(m) for (_, of), m in kept.items() if of == cid)
        for cid in sorted(constituencies)
    }
    anomalies += _level_anomalies(totals, constituencies, reported or {})
    return Aggregation(totals, dict(sorted(constituencies.items())), tallies, tuple(sorted(missing)), tuple(anomalies))


def _counted(m: Minutes) -> Figures:
    """A minutes document's figures for the unit totals, where the station counts as reported on its own."""
    return dataclasses.replace(figures_from_minutes(m), stations_reported=0)


def _accept(
    expected: Mapping[Key, Station], by_code: Mapping[str, Station], minutes: Iterable[Minutes]
) -> tuple[dict[Key, Minutes], list[Anomaly]]:
    kept: dict[Key, Minutes] = {}
    anomalies: list[Anomaly] = []
    for m in minutes:
        code, key = m.station_code, (m.station_code, m.constituency_id)
        if code not in by_code:
            anomalies.append(Anomaly("unknown_station", code, "صورتجلسه از شعبه‌ای رسیده که در فهرست شعبه‌ها نیست."))
        elif key in kept:
            text = f"از این شعبه برای حوزهٔ {m.constituency_id} بیش از یک صورتجلسه رسیده است."
            anomalies.append(Anomaly("duplicate_minutes", code, text))
        elif key not in expected:
            text = f"صورتجلسهٔ این شعبه به نام حوزهٔ {m.constituency_id} است که شعبه آن را پوشش نمی‌دهد."
            anomalies.append(Anomaly("wrong_constituency", code, text))
        else:
            kept[key] = m
            anomalies += _station_anomalies(m)
    return kept, anomalies


def _station_anomalies(m: Minutes) -> list[Anomaly]:
    """A station's own anomalies; the message names the constituency, since a station may serve two."""
    found = []
    of = f"حوزهٔ {m.constituency_id}: "
    if m.ballots_cast > m.checked_in:
        cast, checked_in = to_persian_digits(m.ballots_cast), to_persian_digits(m.checked_in)
        text = f"{of}تعداد آرا ({cast}) از احراز هویت‌ها ({checked_in}) بیشتر است."
        found.append(Anomaly("more_ballots_than_check_ins", m.station_code, text))
    if m.ballots_cast == 0:
        found.append(Anomaly("zero_ballots", m.station_code, f"{of}این شعبه هیچ رأیی گزارش نکرده است."))
    if m.valid + m.partly_valid + m.invalid + m.blank != m.ballots_cast:
        text = f"{of}جمع آرای صحیح، باطل و سفید با کل آرا برابر نیست."
        found.append(Anomaly("sums_disagree", m.station_code, text))
    return found


def _level_anomalies(
    totals: Mapping[str, Figures], constituencies: Mapping[str, Figures], reported: Mapping[str, Figures]
) -> list[Anomaly]:
    found = []
    for cid, f in constituencies.items():
        if f.ballots_cast > f.checked_in:
            found.append(
                Anomaly("more_ballots_than_check_ins", cid, "در این حوزه تعداد آرا از احراز هویت‌ها بیشتر است.")
            )
    for path, f in totals.items():
        if f.eligible and max(f.checked_in, f.ballots_cast) > f.eligible:
            found.append(Anomaly("turnout_over_100", path, "مشارکت در این واحد از صد درصد واجدان شرایط بیشتر است."))
    for path, f in sorted(reported.items()):
        computed = totals.get(path, Figures())
        if _counts(f) != _counts(computed):
            found.append(Anomaly("sums_disagree", path, "جمع گزارش‌شدهٔ این واحد با جمع شعبه‌های آن برابر نیست."))
    return found


def _counts(f: Figures) -> tuple[int, ...]:
    return (f.checked_in, f.ballots_cast, f.valid, f.partly_valid, f.invalid, f.blank)
