"""The device gateway (ostan.polling.edge.gateway): the check-in endpoint with group commit.

It must answer exactly as the API endpoint does (same statuses, same bodies), keep the exactly-once
guarantee when many check-ins of one voter arrive in one batch or in batches of two processes, and
hand every other request to Django. The last test runs it for real: uvicorn with two worker
processes over HTTP.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.test import Client

from ostan.asgi import application as asgi_application
from ostan.polling.edge.gateway import CheckInCommitter, DeviceGateway
from ostan.polling.models import CheckIn, VotingToken
from ostan.polling.simulator import SimulatedDevice, new_token
from tests.polling.uvicorn_servers import http_client, uvicorn
from tests.polling.world import CHECK_IN_PATH, PollingWorld, check_in_payload

Answer = tuple[int, dict[str, Any]]


async def _fallback(scope: Any, receive: Any, send: Any) -> None:
    await send({"type": "http.response.start", "status": 299, "headers": []})
    await send({"type": "http.response.body", "body": b"fallback"})


async def _asgi(app: Any, method: str, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
    scope = {
        "type": "http", "method": method, "path": path, "query_string": b"", "asgi": {"version": "3.0"},
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
    }  # fmt: skip
    messages = [{"type": "http.request", "body": body, "more_body": False}]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(scope, receive, send)
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


def _on_own_loop[T](main: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run ``main()`` on a fresh event loop in a thread of its own, as a server process would: the
    browser tests leave a running loop on the test thread, where asyncio.run() is refused."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, main()).result()


@pytest.fixture
def gateway() -> Iterator[DeviceGateway]:
    app = DeviceGateway(_fallback)
    yield app
    app.close()


def _signed(device: SimulatedDevice, payload: object) -> tuple[bytes, dict[str, str]]:
    return device.signed_json("POST", CHECK_IN_PATH, payload)


def via_gateway(app: DeviceGateway, requests: list[tuple[bytes, dict[str, str]]]) -> list[Answer]:
    """All requests at once on one event loop, as concurrent connections would arrive."""

    async def run() -> list[tuple[int, bytes]]:
        return await asyncio.gather(*(_asgi(app, "POST", CHECK_IN_PATH, b, h) for b, h in requests))

    return [(status, json.loads(body)) for status, body in _on_own_loop(run)]


def via_api(body: bytes, headers: dict[str, str]) -> Answer:
    response = Client().post(CHECK_IN_PATH, data=body, content_type="application/json", headers=headers)
    return response.status_code, response.json()


def _same_voter_variants(pw: PollingWorld, code: str) -> list[tuple[str, SimulatedDevice, object]]:
    """Requests whose answers do not depend on which of the two endpoints saw the voter first."""
    voting, auth = pw.voting[0], pw.auth[0]
    return [
        ("bad national code", auth, check_in_payload("0000000001", new_token()[1])),
        ("identity not confirmed", auth, {**check_in_payload(code, new_token()[1]), "evidence": "9999"}),
        ("too young", auth, check_in_payload(_too_young(), new_token()[1])),
        ("other county", auth, check_in_payload(_other_county(), new_token()[1])),
        ("not on the roll", auth, check_in_payload("0012345679", new_token()[1])),
        ("link down", auth, check_in_payload(code, new_token()[1], is_link_down=True)),
        ("bad token hash", auth, check_in_payload(code, "x" * 64)),
        ("voting device", voting, check_in_payload(code, new_token()[1])),
        ("invalid body", auth, {"request_id": "r1"}),
    ]


def _too_young() -> str:
    from tests.polling.world import national_code

    return national_code(9000)


def _other_county() -> str:
    from tests.polling.world import national_code

    return national_code(9001)


def test_the_gateway_answers_every_refusal_exactly_as_the_api(pw16: PollingWorld, gateway: DeviceGateway) -> None:
    code = pw16.voters[0]
    for name, device, payload in _same_voter_variants(pw16, code):
        api = via_api(*_signed(device, payload))
        (lean,) = via_gateway(gateway, [_signed(device, payload)])
        assert lean == api, name
    unsigned = json.dumps(check_in_payload(code, new_token()[1])).encode()
    assert via_gateway(gateway, [(unsigned, {"Content-Type": "application/json"})])[0] == via_api(unsigned, {})
    body, headers = _signed(pw16.auth[0], check_in_payload(code, new_token()[1]))
    forged = {**headers, "X-Ostan-Signature": headers["X-Ostan-Signature"][::-1]}
    assert via_gateway(gateway, [(body, forged)])[0] == via_api(body, forged)
    replayed = via_gateway(gateway, [(body, headers)])[0]  # accepted once ...
    assert replayed[0] == 200
    assert replayed[1]["is_accepted"]
    assert via_gateway(gateway, [(body, headers)])[0] == via_api(body, headers)  # ... then a replay on both
    assert via_gateway(gateway, [(body, headers)])[0][1]["code"] == "replayed_request"


def test_accepted_already_voted_and_retry_read_the_same_on_both(pw16: PollingWorld, gateway: DeviceGateway) -> None:
    first, second = pw16.voters[1], pw16.voters[2]
    token = new_token()[1]
    lean = via_gateway(gateway, [_signed(pw16.auth[0], check_in_payload(first, token, "g1"))])[0]
    api = via_api(*_signed(pw16.auth[0], check_in_payload(second, new_token()[1], "g2")))
    assert lean[0] == api[0] == 200
    assert lean[1].keys() == api[1].keys()
    assert lean[1]["is_accepted"]
    assert lean[1]["station_code"] == pw16.stations[0].code
    retry = via_gateway(gateway, [_signed(pw16.auth[0], check_in_payload(first, token, "g1"))])[0]
    assert retry[1]["is_accepted"]
    assert retry[1]["is_retry"]
    assert retry[1]["checked_in_at"] == lean[1]["checked_in_at"]
    for voter in (first, second):  # refused at another station, by either endpoint, with where and when
        lean_refusal = via_gateway(gateway, [_signed(pw16.auth[1], check_in_payload(voter, new_token()[1], "b"))])[0]
        api_refusal = via_api(*_signed(pw16.auth[1], check_in_payload(voter, new_token()[1], "b")))
        assert lean_refusal == api_refusal
        assert lean_refusal[1]["reason_code"] == "already_voted"
        assert lean_refusal[1]["station_code"] == pw16.stations[0].code
    assert CheckIn.objects.count() == VotingToken.objects.count() == 2


def test_sixteen_stations_in_one_batch_accept_one_voter_once(pw16: PollingWorld, gateway: DeviceGateway) -> None:
    for race in range(4):
        code = pw16.voters[10 + race]
        requests = [_signed(device, check_in_payload(code, new_token()[1], f"race{race}")) for device in pw16.auth]
        answers = via_gateway(gateway, requests)
        assert [status for status, _ in answers] == [200] * 16
        accepted = [a for _, a in answers if a["is_accepted"]]
        assert len(accepted) == 1
        assert not accepted[0]["is_retry"]
        assert {a["reason_code"] for _, a in answers if not a["is_accepted"]} == {"already_voted"}
        assert CheckIn.objects.filter(national_code=code).count() == 1
    assert VotingToken.objects.count() == 4


def test_a_batch_of_many_voters_and_one_device_twice_keeps_every_answer(
    pw16: PollingWorld, gateway: DeviceGateway
) -> None:
    """One batch: twelve devices with a voter each, and one device with two requests (settled in turn)."""
    requests = [
        _signed(pw16.auth[i], check_in_payload(pw16.voters[20 + i], new_token()[1], f"m{i}")) for i in range(12)
    ]
    requests.append(_signed(pw16.auth[0], check_in_payload(pw16.voters[35], new_token()[1], "m-extra")))
    answers = via_gateway(gateway, requests)
    assert all(status == 200 and a["is_accepted"] for status, a in answers)
    assert CheckIn.objects.count() == 13
    assert set(CheckIn.objects.values_list("national_code", flat=True)) == {*pw16.voters[20:32], pw16.voters[35]}


def test_a_token_hash_already_registered_refuses_only_its_own_request(
    pw16: PollingWorld, gateway: DeviceGateway
) -> None:
    token = new_token()[1]
    via_gateway(gateway, [_signed(pw16.auth[0], check_in_payload(pw16.voters[0], token, "t0"))])
    answers = via_gateway(gateway, [
        _signed(pw16.auth[1], check_in_payload(pw16.voters[1], token, "t1")),  # a faulty device repeats a hash
        _signed(pw16.auth[2], check_in_payload(pw16.voters[2], new_token()[1], "t2")),
    ])  # fmt: skip
    assert answers[0][0] == 409
    assert answers[0][1]["code"] == "token_reused"
    assert answers[1][0] == 200
    assert answers[1][1]["is_accepted"]
    assert not CheckIn.objects.filter(national_code=pw16.voters[1]).exists()


def test_when_the_database_is_unreachable_the_batch_is_refused_with_link_down(
    pw16: PollingWorld, gateway: DeviceGateway
) -> None:
    from ostan.polling import link

    with link.simulated_outage():
        answers = via_gateway(gateway, [_signed(pw16.auth[i], check_in_payload(pw16.voters[i], new_token()[1]))
                                        for i in range(3)])  # fmt: skip
    assert [(s, a["reason_code"]) for s, a in answers] == [(200, "link_down")] * 3
    assert CheckIn.objects.count() == 0
    answers = via_gateway(gateway, [_signed(pw16.auth[0], check_in_payload(pw16.voters[0], new_token()[1], "again"))])
    assert answers[0][1]["is_accepted"]  # the station works again as soon as the link is back


def test_every_other_request_goes_to_the_fallback(gateway: DeviceGateway) -> None:
    async def run() -> list[tuple[int, bytes]]:
        return [
            await _asgi(gateway, "GET", CHECK_IN_PATH, b"", {}),
            await _asgi(gateway, "POST", "/api/polling/ballots", b"{}", {}),
            await _asgi(gateway, "GET", "/", b"", {}),
        ]

    assert _on_own_loop(run) == [(299, b"fallback")] * 3


def test_the_committer_stops_and_starts_again(pw16: PollingWorld) -> None:
    committer = CheckInCommitter()
    committer.start()
    committer.stop()
    app = DeviceGateway(_fallback)
    app.committer = committer
    answers = via_gateway(app, [_signed(pw16.auth[0], check_in_payload(pw16.voters[5], new_token()[1]))])
    assert answers[0][1]["is_accepted"]
    app.close()


@pytest.fixture
def uvicorn_server(pw16: PollingWorld) -> Iterator[int]:
    """uvicorn with two worker processes and the check-in protocol, on the test database (committed: pw16)."""
    with uvicorn(workers=2) as port:
        yield port


def _post(port: int, device: SimulatedDevice, payload: object) -> Answer:
    body, headers = _signed(device, payload)
    conn = http_client(port)
    conn.request("POST", CHECK_IN_PATH, body=body, headers=headers)
    response = conn.getresponse()
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    return response.status, json.loads(response.read())


def test_over_http_two_workers_accept_a_raced_voter_once(pw16: PollingWorld, uvicorn_server: int) -> None:
    assert asgi_application is not None  # the module the server runs imports cleanly here too
    with ThreadPoolExecutor(max_workers=16) as pool:
        for race in range(3):
            code = pw16.voters[race]
            jobs = [pool.submit(_post, uvicorn_server, d, check_in_payload(code, new_token()[1], f"h{race}"))
                    for d in pw16.auth]  # fmt: skip
            answers = [job.result() for job in jobs]
            assert [a["is_accepted"] for _, a in answers].count(True) == 1
            assert {a["reason_code"] for _, a in answers if not a["is_accepted"]} == {"already_voted"}
            assert CheckIn.objects.filter(national_code=code).count() == 1
    conn = http_client(uvicorn_server)
    conn.request("GET", "/api/polling/check-ins")  # not a check-in: Django answers (ninja: 405)
    assert conn.getresponse().status == 405
