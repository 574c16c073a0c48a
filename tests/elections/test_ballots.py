"""Ballot imports: CSV and JSON Lines, every line valid or nothing stored."""

from __future__ import annotations

import pytest

from ostan.accounts.models import User
from ostan.auditlog.models import Entry
from ostan.core.errors import DomainError
from ostan.core.tables import FileRejected
from ostan.elections import actions
from ostan.elections.models import Ballot, BallotBatch, Constituency
from tests.actors import as_actor


def test_jsonl_import_stores_ballots_sorted_with_one_audit_entry(
    city_with_candidates: Constituency, official_a: User
) -> None:
    before = Entry.objects.count()
    data = '["105", "101"]\n[]\n\n["۱۰۲"]\n{"codes": [103]}\n'.encode()
    batch = actions.import_ballots(
        actor=as_actor(official_a), constituency=city_with_candidates, file_name="s1.jsonl", data=data, source="machine"
    )
    assert batch.ballot_count == 4
    # Stored sorted: the order of casting never reaches the database.
    assert list(Ballot.objects.filter(batch=batch).order_by("id").values_list("codes", flat=True)) == [
        "", "102", "103", "105 101",
    ]  # fmt: skip
    assert Entry.objects.count() == before + 1
    last = Entry.objects.order_by("-id").first()
    assert last is not None
    assert last.after is not None
    assert last.after["ballots"] == 4


def test_bad_line_stores_nothing(city_with_candidates: Constituency, official_a: User) -> None:
    data = b'["101"]\n["10a"]\nnot json\n'
    with pytest.raises(FileRejected) as refused:
        actions.import_ballots(
            actor=as_actor(official_a),
            constituency=city_with_candidates,
            file_name="s.jsonl",
            data=data,
            source="machine",
        )
    assert [e.line for e in refused.value.errors] == [2, 3]
    assert refused.value.errors[1].message == "سطر JSON معتبر نیست"
    assert not BallotBatch.objects.exists()
    assert not Ballot.objects.exists()


def test_same_file_twice_is_refused(city_with_candidates: Constituency, official_a: User) -> None:
    data = b"101,102\n103\n"
    actions.import_ballots(
        actor=as_actor(official_a), constituency=city_with_candidates, file_name="s.csv", data=data, source="imported"
    )
    with pytest.raises(DomainError) as refused:
        actions.import_ballots(
            actor=as_actor(official_a),
            constituency=city_with_candidates,
            file_name="s.csv",
            data=data,
            source="imported",
        )
    assert refused.value.code == "batch_exists"
    assert Ballot.objects.count() == 2
