"""Council sizes from the law's population table, band edges included."""

from __future__ import annotations

import pytest

from ostan.core.counting.errors import InvalidSettlement, OverrideReasonMissing, PopulationUnknown
from ostan.core.counting.seats import CouncilSize, council_size, override_council_size


@pytest.mark.parametrize(
    ("settlement", "population", "members", "alternates"),
    [
        ("village", 0, 3, 2),
        ("village", 1_500, 3, 2),
        ("village", 1_501, 5, 3),
        ("city", 50_000, 5, 3),
        ("city", 50_001, 7, 5),
        ("city", 200_000, 7, 5),
        ("city", 200_001, 9, 6),
        ("city", 500_000, 9, 6),
        ("city", 500_001, 11, 7),
        ("city", 1_000_000, 11, 7),
        ("city", 1_000_001, 13, 8),
        ("city", 2_000_000, 13, 8),
        ("city", 2_000_001, 15, 10),
        ("tehran", 9_000_000, 21, 11),
        ("tehran", None, 21, 11),
    ],
)
def test_table(settlement: str, population: int | None, members: int, alternates: int) -> None:
    assert council_size(settlement, population) == CouncilSize(members, alternates)


@pytest.mark.parametrize("settlement", ["village", "city"])
def test_unknown_population_is_never_guessed(settlement: str) -> None:
    with pytest.raises(PopulationUnknown) as raised:
        council_size(settlement, None)
    assert "جمعیت" in raised.value.message


def test_negative_population_and_unknown_settlements_are_refused() -> None:
    with pytest.raises(PopulationUnknown):
        council_size("city", -1)
    with pytest.raises(InvalidSettlement):
        council_size("town", 10)


def test_an_override_keeps_its_reason() -> None:
    size = override_council_size(7, 4, reason="  مصوبه هیئت مرکزی نظارت  ")
    assert size == CouncilSize(7, 4, override_reason="مصوبه هیئت مرکزی نظارت")


@pytest.mark.parametrize("reason", ["", "   ", "\u200c"])
def test_an_override_without_a_reason_is_refused(reason: str) -> None:
    with pytest.raises(OverrideReasonMissing):
        override_council_size(7, 4, reason=reason)
