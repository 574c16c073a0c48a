"""Aggregation up the territory tree, with anomalies flagged and missing stations listed."""

from __future__ import annotations

import dataclasses
from fractions import Fraction

from ostan.core.counting import count, count_tally
from ostan.core.polling.aggregate import Aggregation, Figures, Station, aggregate, ancestors, roll_up
from ostan.core.polling.minutes import Minutes, build_minutes, form_for

from .conftest import CLOSED, OPENED, STATION_BALLOTS, TOWN, station_minutes

STATIONS = [
    Station("S-1", "00/0001/000102/0001021101", "C-1"),
    Station("S-2", "00/0001/000102/0001021101", "C-1"),
    Station("S-3", "00/0001/000103/0001031102", "C-1"),
    Station("S-4", "01/0101/010101/0101011101", "C-9"),
]
ELIGIBLE = [("00/0001/000102/0001021101", 20), ("00/0001/000103/0001031102", 3), ("01/0101/010101/0101011101", 50)]


def run(**changes: object) -> Aggregation:
    minutes = [station_minutes(s) for s in ("S-1", "S-2", "S-3")]
    options: dict[str, object] = {"stations": STATIONS, "minutes": minutes, "eligible": ELIGIBLE, **changes}
    return aggregate(**options)  # type: ignore[arg-type]


def test_ancestors_of_a_path() -> None:
    assert ancestors("00/0001/000102") == ("", "00", "00/0001", "00/0001/000102")
    assert ancestors("") == ("",)


def test_roll_up_adds_every_level() -> None:
    totals = roll_up(
        [("00/01", Figures(ballots_cast=2)), ("00/02", Figures(ballots_cast=3)), ("01", Figures(ballots_cast=1))]
    )
    assert {path: f.ballots_cast for path, f in totals.items()} == {"": 6, "00": 5, "00/01": 2, "00/02": 3, "01": 1}


def test_totals_per_level_and_turnout() -> None:
    result = run()
    county = result.totals["00/0001"]
    assert (county.eligible, county.checked_in, county.ballots_cast, county.stations, county.stations_reported) == (
        23,
        13,
        12,
        3,
        3,
    )
    country = result.totals[""]
    assert (country.eligible, country.ballots_cast, country.stations, country.stations_reported) == (73, 12, 4, 3)
    assert country.turnout == Fraction(12, 73)


def test_missing_station_is_listed() -> None:
    assert run().missing_stations == ("S-4",)


def test_constituency_tally_counts_like_the_ballots() -> None:
    every_ballot = [b for ballots in STATION_BALLOTS.values() for b in ballots]
    assert count_tally(TOWN, run().tallies["C-1"]).members == count(TOWN, every_ballot).members


def test_clean_day_has_no_anomaly() -> None:
    assert run().anomalies == ()


def test_ballot_stuffing_is_flagged_at_station_and_constituency() -> None:
    minutes = [station_minutes("S-1", checked_in=2), station_minutes("S-2"), station_minutes("S-3")]
    found = {(a.code, a.subject) for a in run(minutes=minutes).anomalies}
    assert found == {("more_ballots_than_check_ins", "S-1"), ("more_ballots_than_check_ins", "C-1")}


def test_turnout_over_100_percent_is_flagged_at_every_level_it_shows() -> None:
    found = {(a.code, a.subject) for a in run(eligible=[("00/0001/000103/0001031102", 2)]).anomalies}
    assert ("turnout_over_100", "00/0001/000103/0001031102") in found
    assert ("turnout_over_100", "") in found


def test_zero_ballots_and_bad_sums_are_flagged() -> None:
    empty = dataclasses.replace(station_minutes("S-3"), ballots_cast=0, valid=0, votes_per_candidate={})
    wrong = dataclasses.replace(station_minutes("S-2"), ballots_cast=5)
    found = {(a.code, a.subject) for a in run(minutes=[station_minutes("S-1"), wrong, empty]).anomalies}
    assert found == {("zero_ballots", "S-3"), ("sums_disagree", "S-2"), ("more_ballots_than_check_ins", "S-2")}


def test_unknown_duplicate_and_misfiled_minutes_are_flagged_and_not_counted() -> None:
    s1 = station_minutes("S-1")
    minutes = [
        s1,
        s1,
        dataclasses.replace(s1, station_code="S-77"),
        dataclasses.replace(station_minutes("S-2"), constituency_id="C-9"),
    ]
    result = run(minutes=minutes)
    found = {(a.code, a.subject) for a in result.anomalies}
    assert found == {("duplicate_minutes", "S-1"), ("unknown_station", "S-77"), ("wrong_constituency", "S-2")}
    assert result.totals[""].ballots_cast == s1.ballots_cast


def test_office_totals_that_differ_from_their_stations_are_flagged() -> None:
    honest = run().totals["00/0001"]
    inflated = dataclasses.replace(honest, ballots_cast=honest.ballots_cast + 10)
    found = {(a.code, a.subject) for a in run(reported={"00/0001": inflated, "00": run().totals["00"]}).anomalies}
    assert found == {("sums_disagree", "00/0001")}


def shared_minutes(constituency_id: str) -> Minutes:
    """S-1's minutes for C-9 too: the station serves a second constituency beside the town's council."""
    ballots = [["101"], []] if constituency_id == "C-9" else STATION_BALLOTS["S-1"]
    constituency = dataclasses.replace(TOWN, id=constituency_id)
    return build_minutes(constituency=constituency, station_code="S-1", form=form_for("city"),
                         checked_in=2 if constituency_id == "C-9" else 6, ballots=ballots, opened_at=OPENED,
                         closed_at=CLOSED)  # fmt: skip


def test_a_station_serving_two_constituencies_counts_each_minutes_once_and_itself_once() -> None:
    stations = [*STATIONS[:3], Station("S-1", STATIONS[0].unit_path, "C-9")]
    minutes = [shared_minutes("C-1"), shared_minutes("C-9"), station_minutes("S-2"), station_minutes("S-3")]
    result = aggregate(stations=stations, minutes=minutes)
    assert result.anomalies == ()
    assert result.missing_stations == ()
    town = result.totals["00/0001/000102/0001021101"]
    assert (town.stations, town.stations_reported, town.ballots_cast) == (2, 2, 5 + 2 + 4)
    assert (result.constituencies["C-1"].ballots_cast, result.constituencies["C-9"].ballots_cast) == (12, 2)
    assert result.constituencies["C-9"].stations_reported == 1


def test_a_shared_station_is_missing_until_both_its_minutes_are_in() -> None:
    stations = [*STATIONS[:3], Station("S-1", STATIONS[0].unit_path, "C-9")]
    result = aggregate(
        stations=stations, minutes=[shared_minutes("C-1"), station_minutes("S-2"), station_minutes("S-3")]
    )
    assert result.missing_stations == ("S-1",)
    assert result.totals[""].stations_reported == 2
    again = [shared_minutes("C-9"), shared_minutes("C-9")]
    found = {(a.code, a.subject) for a in aggregate(stations=stations, minutes=again).anomalies}
    assert found == {("duplicate_minutes", "S-1")}
