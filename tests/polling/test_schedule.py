"""Polls take check-ins and ballots only while the round's schedule, the station and its results allow:
refused before the opening, after the closing (ballots after a short grace), after the results are
announced and once the station is closed, each with a stable code and a Persian message, the same on
the PostgreSQL and the portable branch."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext

import pytest
from django.test import Client
from django.utils import timezone

from ostan.dialects import portable
from ostan.elections import actions as elections
from ostan.elections.models import Constituency
from ostan.polling import constituencies
from ostan.polling.edge import stations as stations_cache
from ostan.polling.models import CastBallot, CheckIn
from ostan.polling.polls import BALLOT_GRACE
from ostan.polling.simulator import new_ballot_id, new_token
from tests.actors import as_actor
from tests.polling.world import BALLOT_PATH, CHECK_IN_PATH, PollingWorld, check_in_payload, post

pytestmark = pytest.mark.django_db

BRANCHES: list[Callable[[], AbstractContextManager[None]]] = [nullcontext, portable]
HOUR = dt.timedelta(hours=1)


def _schedule(pw: PollingWorld, opens: dt.datetime | None, closes: dt.datetime | None) -> None:
    elections.set_polls_schedule(actor=as_actor(pw.hq), election_round=pw.election_round, opens_at=opens,
                                 closes_at=closes)  # fmt: skip
    stations_cache.forget_schedules()


@pytest.fixture(params=BRANCHES, ids=["postgresql", "portable"])
def branch(request: pytest.FixtureRequest) -> Iterator[None]:
    with request.param():
        yield


def _check_in(pw: PollingWorld, n: int, request_id: str = "r1") -> tuple[int, dict, str]:  # type: ignore[type-arg]
    token, token_hash = new_token()
    status, body = post(Client(), pw.auth[0], CHECK_IN_PATH, check_in_payload(pw.voters[n], token_hash, request_id))
    return status, body, token


def _ballot(pw: PollingWorld, token: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    return post(Client(), pw.voting[0], BALLOT_PATH, {"ballot_id": new_ballot_id(), "token": token, "codes": ["101"]})


def test_before_the_opening_check_ins_are_refused(pw: PollingWorld, branch: None) -> None:
    _schedule(pw, timezone.now() + HOUR, timezone.now() + 10 * HOUR)
    status, body, _ = _check_in(pw, 0)
    assert (status, body["code"]) == (409, "polls_not_open")
    assert "آغاز نشده" in body["message"]
    assert not CheckIn.objects.exists()


def test_within_the_schedule_polls_take_check_ins_and_ballots(pw: PollingWorld, branch: None) -> None:
    _schedule(pw, timezone.now() - HOUR, timezone.now() + HOUR)
    status, body, token = _check_in(pw, 0)
    assert (status, body["is_accepted"]) == (200, True), body
    status, body = _ballot(pw, token)
    assert status == 200, body
    assert CastBallot.objects.count() == 1


def test_after_the_closing_check_ins_are_refused_and_ballots_after_the_grace(pw: PollingWorld, branch: None) -> None:
    _schedule(pw, timezone.now() - 3 * HOUR, timezone.now() + HOUR)
    _, accepted, token = _check_in(pw, 0)
    assert accepted["is_accepted"]
    _, second, late_token = _check_in(pw, 1, "r2")
    assert second["is_accepted"]
    _schedule(pw, timezone.now() - 3 * HOUR, timezone.now() - BALLOT_GRACE / 2)  # closed a moment ago
    status, body, _ = _check_in(pw, 2, "r3")
    assert (status, body["code"]) == (409, "polls_over")
    assert "به پایان رسیده" in body["message"]
    status, body = _ballot(pw, token)  # checked in before the close: still votes within the grace
    assert status == 200, body
    _schedule(pw, timezone.now() - 3 * HOUR, timezone.now() - 2 * BALLOT_GRACE)
    status, body = _ballot(pw, late_token)
    assert (status, body["code"]) == (409, "polls_over")
    assert CastBallot.objects.count() == 1
    assert CheckIn.objects.count() == 2


def test_after_the_results_are_announced_nothing_is_taken(pw: PollingWorld, branch: None) -> None:
    _, accepted, token = _check_in(pw, 0)
    assert accepted["is_accepted"]
    Constituency.objects.filter(pk=pw.city.pk).update(results_published_at=timezone.now())
    constituencies.forget_all()
    status, body, _ = _check_in(pw, 1, "r2")
    assert (status, body["code"]) == (409, "results_announced")
    assert "اعلام شده" in body["message"]
    status, body = _ballot(pw, token)
    assert (status, body["code"]) == (409, "results_announced")
    assert not CastBallot.objects.exists()


def test_a_batch_upload_after_the_grace_is_refused_whole(pw: PollingWorld, branch: None) -> None:
    _, accepted, token = _check_in(pw, 0)
    assert accepted["is_accepted"]
    _schedule(pw, timezone.now() - 3 * HOUR, timezone.now() - 2 * BALLOT_GRACE)
    items = [{"ballot_id": new_ballot_id(), "token": token, "codes": ["101"]}]
    status, body = post(Client(), pw.voting[0], "/api/polling/ballots/batch", {"ballots": items})
    assert (status, body["code"]) == (409, "polls_over")
    assert not CastBallot.objects.exists()


def test_a_schedule_must_close_after_it_opens(pw: PollingWorld) -> None:
    from ostan.core.errors import DomainError

    now = timezone.now()
    with pytest.raises(DomainError) as refused:
        elections.set_polls_schedule(actor=as_actor(pw.hq), election_round=pw.election_round, opens_at=now,
                                     closes_at=now - HOUR)  # fmt: skip
    assert refused.value.code == "invalid_schedule"


def test_the_round_page_sets_and_extends_the_polling_hours(pw: PollingWorld) -> None:
    from ostan.core.jalali import TEHRAN
    from tests.elections.world import PASSWORD

    client = Client()
    assert client.login(username="hq", password=PASSWORD)
    url = f"/elections/rounds/{pw.election_round.pk}/schedule/"
    answer = client.post(url, {"opens_at": "۱۴۰۵/۰۳/۰۸ ۰۸:۰۰", "closes_at": "1405/03/08 18:00"})
    assert answer.status_code == 302
    pw.election_round.refresh_from_db()
    assert pw.election_round.polls_open_at == dt.datetime(2026, 5, 29, 8, 0, tzinfo=TEHRAN)
    assert pw.election_round.polls_close_at == dt.datetime(2026, 5, 29, 18, 0, tzinfo=TEHRAN)
    client.post(url, {"opens_at": "۱۴۰۵/۰۳/۰۸ ۰۸:۰۰", "closes_at": "۱۴۰۵/۰۳/۰۹ ۰۰:۳۰"})  # extended past midnight
    pw.election_round.refresh_from_db()
    assert pw.election_round.polls_close_at == dt.datetime(2026, 5, 30, 0, 30, tzinfo=TEHRAN)
    page = client.get("/elections/rounds/").content.decode()
    assert "۱۴۰۵/۰۳/۰۹ ۰۰:۳۰" in page
    refused = client.post(url, {"opens_at": "۱۴۰۵/۰۳/۰۸ ۱۸:۰۰", "closes_at": "۱۴۰۵/۰۳/۰۸ ۰۸:۰۰"}, follow=True)
    assert "ثبت نشد" in refused.content.decode()
    member = Client()
    assert member.login(username=pw.members[0].username, password=PASSWORD)
    assert member.post(url, {"opens_at": "", "closes_at": ""}).status_code == 403
