"""The supervisory board's re-check sample: deterministic from the published seed."""

from __future__ import annotations

import hashlib

import pytest

from ostan.core.polling.audit import compare_minutes, recheck_order, select_for_recheck
from ostan.core.polling.errors import SeedRequired

STATIONS = [f"S-{i}" for i in range(1, 41)]
SEED = "9f2c1e"


def test_sample_is_the_k_smallest_documented_hashes() -> None:
    expected = sorted(STATIONS, key=lambda code: hashlib.sha256(f"{SEED}|{code}".encode()).hexdigest())[:5]
    assert select_for_recheck(STATIONS, SEED, 5) == tuple(expected)


def test_same_seed_same_sample_whatever_the_input_order() -> None:
    assert select_for_recheck(STATIONS, SEED, 5) == select_for_recheck(list(reversed(STATIONS)), SEED, 5)


def test_another_seed_gives_another_sample() -> None:
    assert select_for_recheck(STATIONS, SEED, 5) != select_for_recheck(STATIONS, SEED + "0", 5)


def test_k_larger_than_the_stations_takes_them_all_once() -> None:
    assert sorted(select_for_recheck([*STATIONS, "S-1"], SEED, 100)) == sorted(STATIONS)


def test_order_lists_every_station_with_its_key() -> None:
    order = recheck_order(["S-1"], SEED)
    assert order == (("S-1", hashlib.sha256(b"9f2c1e|S-1").hexdigest()),)


def test_no_seed_no_sample() -> None:
    with pytest.raises(SeedRequired):
        select_for_recheck(STATIONS, "", 3)


def test_compare_minutes_lists_each_difference() -> None:
    import dataclasses

    from .conftest import station_minutes

    reported = station_minutes()
    rechecked = dataclasses.replace(
        reported, valid=3, invalid=1, votes_per_candidate={**reported.votes_per_candidate, "101": 2}
    )
    found = {(d.field, d.reported, d.rechecked) for d in compare_minutes(reported, rechecked)}
    assert found == {("valid", 4, 3), ("invalid", 0, 1), ("votes_per_candidate.101", 3, 2)}
    assert compare_minutes(reported, reported) == ()
