"""Elections data is read-only in the admin: no add button, a change view without save, no delete."""

from __future__ import annotations

import pytest
from django.test import Client

from ostan.accounts.models import User
from ostan.elections.models import Candidate, Constituency


@pytest.fixture
def admin_client_(db: None) -> Client:
    User.objects.create_superuser(username="root", password="x-Pardis-1405")
    client = Client()
    client.login(username="root", password="x-Pardis-1405")
    return client


@pytest.mark.parametrize("model", ["constituency", "candidate", "partylist", "electionround"])
def test_no_add_button(admin_client_: Client, model: str) -> None:
    page = admin_client_.get(f"/admin/elections/{model}/")
    assert page.status_code == 200
    assert f"/admin/elections/{model}/add/" not in page.content.decode()
    assert admin_client_.get(f"/admin/elections/{model}/add/").status_code == 403


def test_change_view_is_read_only(admin_client_: Client, city_with_candidates: Constituency) -> None:
    candidate = Candidate.objects.get(code="101")
    for url in (f"/admin/elections/constituency/{city_with_candidates.pk}/change/",
                f"/admin/elections/candidate/{candidate.pk}/change/"):  # fmt: skip
        page = admin_client_.get(url)
        assert page.status_code == 200
        assert 'name="_save"' not in page.content.decode()
    posted = admin_client_.post(f"/admin/elections/candidate/{candidate.pk}/change/", {"first_name": "دیگر"})
    assert posted.status_code == 403
    assert admin_client_.post(f"/admin/elections/candidate/{candidate.pk}/delete/", {"post": "yes"}).status_code == 403
    candidate.refresh_from_db()
    assert candidate.first_name == "علی"
