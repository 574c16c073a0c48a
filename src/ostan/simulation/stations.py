"""Polling stations driven over real HTTP: each station's authentication device checks its voters in
one by one through the signed API, and its voting device uploads its ballot journal in shuffled batches
(as the secrecy argument asks: arrival order must reveal nothing), then signs the station's minutes.

Used by ``ostan simulate-election``; one worker thread per station at a time, one keep-alive connection
per thread.
"""

from __future__ import annotations

import base64
import http.client
import json
import random
import secrets
import threading
import urllib.parse
from dataclasses import dataclass, field

from ostan.core.polling.canonical import canonical_json
from ostan.core.polling.devices import sign_document
from ostan.core.polling.minutes import MINUTES_CONTEXT
from ostan.polling.simulator import SimulatedDevice, new_ballot_id, new_token

CHECK_IN_PATH = "/api/polling/check-ins"
BATCH_PATH = "/api/polling/ballots/batch"
BATCH_SIZE = 500  # under the API's 1,000 per request
TIMEOUT = 60


class SimulationFailed(RuntimeError):
    """The server refused something a correct station would send: the run stops and says what."""


class Http:
    """One keep-alive connection per thread to the server under test."""

    def __init__(self, base_url: str) -> None:
        parts = urllib.parse.urlsplit(base_url)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self._local = threading.local()

    def _connection(self) -> http.client.HTTPConnection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT)
            self._local.conn = conn
        return conn

    def post(self, path: str, body: bytes, headers: dict[str, str]) -> tuple[int, object]:
        for attempt in range(2):  # a keep-alive connection the server closed is reopened once
            conn = self._connection()
            try:
                conn.request("POST", path, body=body, headers=headers)
                response = conn.getresponse()
                data = response.read()
                return response.status, json.loads(data or b"null")
            except (http.client.HTTPException, ConnectionError):
                conn.close()
                self._local.conn = None
                if attempt:
                    raise
        raise SimulationFailed("unreachable")


@dataclass
class StationPlan:
    code: str
    auth: SimulatedDevice
    voting: SimulatedDevice
    voters: list[str]  # national codes that come to this station
    ballots: list[list[str]]  # the codes each of them types, in the same order
    journal: list[dict[str, object]] = field(default_factory=list)
    check_ins: int = 0
    refused: int = 0
    accepted: int = 0


def signed_post(client: Http, device: SimulatedDevice, path: str, payload: object) -> tuple[int, object]:
    body, headers = device.signed_json("POST", path, payload)
    return client.post(path, body, headers)


def run_station_day(client: Http, plan: StationPlan) -> None:
    """Check every voter in, record their ballot in the device's journal, upload it shuffled in batches."""
    for national, codes in zip(plan.voters, plan.ballots, strict=True):
        token, token_hash = new_token()
        payload = {"request_id": f"r-{secrets.token_hex(8)}", "national_code": national,
                   "evidence": national[-4:], "token_hash": token_hash}  # fmt: skip
        status, body = signed_post(client, plan.auth, CHECK_IN_PATH, payload)
        if status != 200 or not isinstance(body, dict):
            raise SimulationFailed(f"check-in failed at {plan.code}: {status} {body}")
        if not body.get("is_accepted"):  # an ordinary outcome: a voter the roll does not allow here
            plan.refused += 1
            continue
        plan.check_ins += 1
        plan.journal.append({"ballot_id": new_ballot_id(), "token": token, "codes": codes})
    random.SystemRandom().shuffle(plan.journal)
    for start in range(0, len(plan.journal), BATCH_SIZE):
        batch = plan.journal[start : start + BATCH_SIZE]
        status, body = signed_post(client, plan.voting, BATCH_PATH, {"ballots": batch})
        if status != 200 or not isinstance(body, dict) or body.get("refused"):
            raise SimulationFailed(f"ballot upload refused at {plan.code}: {status} {body}")
        plan.accepted += len(body["accepted"])


def sign_minutes(client: Http, device: SimulatedDevice, minutes_pk: int, document: object) -> None:
    """The station's voting device signs the minutes the centre built, as they are (canonical JSON)."""
    signature = sign_document(device.keys.private_key, MINUTES_CONTEXT, canonical_json(document))
    path = f"/api/polling/minutes/{minutes_pk}/signature"
    status, body = signed_post(client, device, path, {"signature": base64.b64encode(signature).decode()})
    if status != 200:
        raise SimulationFailed(f"minutes signature refused for {device.station_code}: {status} {body}")
