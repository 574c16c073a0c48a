"""The election-day demo builds on the elections demo and can run twice."""

from __future__ import annotations

from ostan.polling.demo import create_demo_polling
from ostan.polling.models import Device, RollVoter, Station
from tests.elections.world import make_world


def test_demo_is_idempotent(db: None) -> None:
    make_world()
    first = create_demo_polling()
    second = create_demo_polling()
    assert first == second
    assert Station.objects.count() == 3
    assert Device.objects.count() == 6
    assert RollVoter.objects.count() == 3_000
