"""The guided day's stages: each station's and constituency's place in the day and its next step."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ostan.core.polling.day import (
    ConstituencyFacts,
    ConstituencyStage,
    StationFacts,
    StationStage,
    Step,
    constituency_stage,
    station_stage,
)


def facts(**changes: object) -> StationFacts:
    base: dict[str, object] = {"is_scheduled_open": True, "is_closed": True, "minutes": 2, "signed": 2,
                               "confirmed": 2, "is_published": False}  # fmt: skip
    return StationFacts(**(base | changes))  # type: ignore[arg-type]


OPEN: dict[str, object] = {"is_closed": False, "minutes": 0, "signed": 0, "confirmed": 0}


def test_a_station_walks_the_day_in_order() -> None:
    walk = [
        (facts(**OPEN, is_scheduled_open=False), StationStage.NOT_OPENED, Step.NONE),
        (facts(**OPEN), StationStage.OPEN, Step.CLOSE),
        (facts(signed=0, confirmed=0), StationStage.CLOSED, Step.SIGN),
        (facts(signed=1, confirmed=1), StationStage.CLOSED, Step.SIGN),  # one of two minutes still unsigned
        (facts(confirmed=1), StationStage.SIGNED, Step.CONFIRM),
        (facts(), StationStage.CONFIRMED, Step.PUBLISH_STATION),
        (facts(is_published=True), StationStage.PUBLISHED, Step.NONE),
    ]  # fmt: skip
    for given_facts, stage, step in walk:
        found = station_stage(given_facts)
        assert (found.stage, found.step) == (stage, step), given_facts
        assert found.advice
        assert found.label


def test_facts_that_cannot_be_are_refused() -> None:
    with pytest.raises(ValueError, match="confirmed"):
        facts(signed=3)
    with pytest.raises(ValueError, match="published"):
        ConstituencyFacts(stations=1, published_stations=2, is_aggregated=False, is_published=False)


def test_a_constituency_waits_for_every_station_then_aggregates_then_publishes() -> None:
    waiting = constituency_stage(ConstituencyFacts(3, 1, is_aggregated=False, is_published=False))
    assert (waiting.stage, waiting.step) == (ConstituencyStage.WAITING, Step.NONE)
    assert "2 شعبه از 3" in waiting.advice
    none = constituency_stage(ConstituencyFacts(0, 0, is_aggregated=False, is_published=False))
    assert none.stage == ConstituencyStage.WAITING
    ready = constituency_stage(ConstituencyFacts(3, 3, is_aggregated=False, is_published=False))
    assert (ready.stage, ready.step) == (ConstituencyStage.READY, Step.AGGREGATE)
    aggregated = constituency_stage(ConstituencyFacts(3, 3, is_aggregated=True, is_published=False))
    assert (aggregated.stage, aggregated.step) == (ConstituencyStage.AGGREGATED, Step.PUBLISH_RESULT)
    done = constituency_stage(ConstituencyFacts(3, 3, is_aggregated=True, is_published=True))
    assert (done.stage, done.step) == (ConstituencyStage.PUBLISHED, Step.NONE)


@given(st.integers(0, 5), st.integers(0, 5), st.integers(0, 5), st.booleans(), st.booleans(), st.booleans())
def test_publishing_is_offered_only_once_every_minutes_is_signed_and_confirmed(
    minutes: int, signed: int, confirmed: int, is_closed: bool, is_open: bool, is_published: bool
) -> None:
    signed, confirmed = min(signed, minutes), min(confirmed, signed, minutes)
    found = station_stage(StationFacts(is_open, is_closed, minutes, signed, confirmed, is_published))
    if found.step is Step.PUBLISH_STATION:
        assert is_closed
        assert not is_published
        assert minutes > 0
        assert confirmed == signed == minutes
