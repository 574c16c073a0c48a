"""Races between real concurrent transactions (threads, one database connection each): a voter checked
in at sixteen stations at once is accepted exactly once, every round; a token raced by two voting
devices is spent exactly once."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Sequence
from typing import Any

from django.db import connection
from django.test import Client

from ostan.polling import actions
from ostan.polling.models import CastBallot, CheckIn, DeviceKind, VotingToken
from ostan.polling.simulator import SimulatedDevice, new_ballot_id, new_token, seed_key
from tests.actors import as_actor
from tests.polling.world import BALLOT_PATH, CHECK_IN_PATH, PollingWorld, check_in_payload, post

ROUNDS = 8


def _race(jobs: Sequence[Callable[[], Any]]) -> list[Any]:
    """Run every job at the same moment, each on its own thread and connection."""
    barrier = threading.Barrier(len(jobs))
    results: list[Any] = [None] * len(jobs)

    def run(i: int) -> None:
        try:
            barrier.wait()
            results[i] = jobs[i]()
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_sixteen_stations_racing_for_one_voter_accept_exactly_one(pw16: PollingWorld) -> None:
    for race in range(ROUNDS):
        code = pw16.voters[race]

        def job(i: int, code: str = code) -> tuple[int, dict[str, Any]]:
            return post(Client(), pw16.auth[i], CHECK_IN_PATH, check_in_payload(code, new_token()[1], f"race-{i}"))

        results = _race([functools.partial(job, i) for i in range(16)])
        assert all(status == 200 for status, _ in results)
        accepted = [body for _, body in results if body["is_accepted"]]
        assert len(accepted) == 1
        refused = {body["reason_code"] for _, body in results if not body["is_accepted"]}
        assert refused == {"already_voted"}
        assert CheckIn.objects.filter(national_code=code).count() == 1
    assert VotingToken.objects.count() == ROUNDS


def _cast(device: SimulatedDevice, ballot: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    return post(Client(), device, BALLOT_PATH, {**ballot, "ballot_id": new_ballot_id()})


def test_a_token_raced_by_two_devices_is_spent_once(pw16: PollingWorld) -> None:
    token, hashed = new_token()
    post(Client(), pw16.auth[0], CHECK_IN_PATH, check_in_payload(pw16.voters[20], hashed))
    devices = []
    for i in range(8):  # a device signs its requests in order, so the racers are eight devices
        device = SimulatedDevice(device_id=f"A001-extra{i}", station_code="A001", private_key=seed_key(f"extra{i}"))
        actions.register_device(actor=as_actor(pw16.members[0]), station=pw16.stations[0], device_id=device.device_id,
                                kind=DeviceKind.VOTING, public_key=device.public_key_hex)  # fmt: skip
        devices.append(device)
    ballot = {"token": token, "codes": ["101"]}
    jobs = [functools.partial(_cast, d, ballot) for d in devices]
    results = _race(jobs)
    assert sorted(status for status, _ in results) == [200] + [409] * 7
    assert {body["code"] for status, body in results if status == 409} == {"token_already_used"}
    assert CastBallot.objects.count() == 1
