"""The secrecy of the vote as a property of the schema: nothing joins a check-in to a token or a
ballot, ballots carry no time, and ballots are published in an order unrelated to casting."""

from __future__ import annotations

from django.db import connection, models
from django.test import Client

from ostan.polling.models import CastBallot, CheckIn, Station, VotingToken
from ostan.polling.selectors import published_ballots
from ostan.polling.simulator import new_ballot_id, new_token
from tests.polling.world import BALLOT_PATH, CHECK_IN_PATH, PollingWorld, check_in_payload, post

BALLOT_SIDE = (VotingToken, CastBallot)
# What both sides may point at: shared context, never a person or an event.
SHARED_CONTEXT = {"polling.station", "elections.constituency", "elections.electionround"}


def _targets(model: type[models.Model]) -> set[str]:
    return {f.related_model._meta.label_lower for f in model._meta.get_fields() if f.is_relation and f.related_model}


def test_no_relation_path_from_check_ins_to_tokens_or_ballots() -> None:
    for model in BALLOT_SIDE:
        assert "polling.checkin" not in _targets(model)
        assert _targets(model) <= SHARED_CONTEXT
        assert "polling.votingtoken" not in _targets(CheckIn)
    assert {"polling.votingtoken", "polling.castballot"}.isdisjoint(_targets(CheckIn))
    assert _targets(CastBallot) == {"polling.station", "elections.constituency"}


def test_ballot_side_has_no_time_no_voter_and_no_serial(db: None) -> None:
    for model in BALLOT_SIDE:
        fields = model._meta.concrete_fields
        assert not [f.name for f in fields if isinstance(f, (models.DateTimeField, models.DateField, models.TimeField))]
        assert not [f.name for f in fields if "national" in f.name or "voter" in f.name or "request" in f.name]
        assert not isinstance(model._meta.pk, models.AutoField)
    with connection.cursor() as cursor:
        for table in ("polling_castballot", "polling_votingtoken"):
            columns = {c.name for c in connection.introspection.get_table_description(cursor, table)}
            assert columns.isdisjoint({"id", "checked_in_at", "national_code", "created_at", "request_id", "cast_at"})
            constraints = connection.introspection.get_constraints(cursor, table)
            assert all(
                c["foreign_key"] is None or c["foreign_key"][0] != "polling_checkin" for c in constraints.values()
            )


def test_published_order_is_not_the_casting_order(pw: PollingWorld) -> None:
    client, cast = Client(), []
    for i in range(12):
        token, hashed = new_token()
        post(client, pw.auth[0], CHECK_IN_PATH, check_in_payload(pw.voters[i], hashed, f"s{i}"))
        ballot_id = new_ballot_id()
        post(client, pw.voting[0], BALLOT_PATH, {"ballot_id": ballot_id, "token": token, "codes": [str(101 + i % 10)]})
        cast.append(ballot_id)
    published = [b.ballot_id for b in published_ballots(Station.objects.get(code="A001"))]
    assert sorted(published) == published
    assert set(published) == set(cast)
    assert published != cast  # 12 random ids sorted equal the casting order with probability 1/12!
