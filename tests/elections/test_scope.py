"""An official of county B can neither import into nor count a constituency of county A: page and API
refuse, nothing is written and the audit log is untouched."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ostan.accounts.models import User
from ostan.auditlog.models import Entry
from ostan.core.access import OutOfScope
from ostan.elections import actions
from ostan.elections.models import Ballot, Candidate, Constituency, CountRecord
from tests.actors import as_actor
from tests.elections.conftest import CITY_BALLOTS
from tests.elections.world import CITY_CANDIDATES, candidates_csv


def test_actions_refuse_out_of_scope(city_with_candidates: Constituency, official_b: User) -> None:
    before = Entry.objects.count()
    with pytest.raises(OutOfScope):
        actions.import_ballots(
            actor=as_actor(official_b),
            constituency=city_with_candidates,
            file_name="b.csv",
            data=CITY_BALLOTS,
            source="machine",
        )
    with pytest.raises(OutOfScope):
        actions.count_constituency(actor=as_actor(official_b), constituency=city_with_candidates)
    assert not Ballot.objects.exists()
    assert Entry.objects.count() == before


def test_pages_refuse_out_of_scope(city: Constituency, official_b: User) -> None:
    client = Client()
    client.force_login(official_b)
    before = Entry.objects.count()
    upload = SimpleUploadedFile("c.csv", candidates_csv(CITY_CANDIDATES), content_type="text/csv")
    response = client.post(f"/elections/c/{city.pk}/import/candidates/", {"file": upload})
    assert response.status_code == 404  # an unpublished constituency outside the scope does not exist for them
    assert client.post(f"/elections/c/{city.pk}/count/").status_code == 404
    assert client.get(f"/elections/c/{city.pk}/").status_code == 404
    assert not Candidate.objects.exists()
    assert Entry.objects.count() == before


def test_api_refuses_out_of_scope(counted_city: Constituency, official_b: User) -> None:
    client = Client()
    client.force_login(official_b)
    before = (Entry.objects.count(), CountRecord.objects.count())
    response = client.post(f"/api/elections/constituencies/{counted_city.pk}/count")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert client.post(f"/api/elections/constituencies/{counted_city.pk}/publish").status_code == 404
    assert (Entry.objects.count(), CountRecord.objects.count()) == before
    counted_city.refresh_from_db()
    assert not counted_city.is_published


def test_published_but_foreign_constituency_is_readable_not_countable(
    published_city: Constituency, official_b: User
) -> None:
    client = Client()
    client.force_login(official_b)
    before = Entry.objects.count()
    response = client.post(f"/api/elections/constituencies/{published_city.pk}/count")
    assert response.status_code == 403
    assert response.json()["code"] == "out_of_scope"
    assert client.post(f"/elections/c/{published_city.pk}/count/").status_code == 403
    assert Entry.objects.count() == before


def test_api_count_and_publish_in_scope(city_with_candidates: Constituency, official_a: User) -> None:
    actions.import_ballots(
        actor=as_actor(official_a),
        constituency=city_with_candidates,
        file_name="b.csv",
        data=CITY_BALLOTS,
        source="machine",
    )
    client = Client()
    client.force_login(official_a)
    counted = client.post(f"/api/elections/constituencies/{city_with_candidates.pk}/count")
    assert counted.status_code == 200
    assert counted.json()["members"][0] == "101"
    published = client.post(f"/api/elections/constituencies/{city_with_candidates.pk}/publish")
    assert published.json()["is_published"] is True
    assert Client().post(f"/api/elections/constituencies/{city_with_candidates.pk}/count").status_code == 401
