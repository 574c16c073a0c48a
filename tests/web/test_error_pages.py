"""Error pages speak Persian and keep the reason the platform gave, with DEBUG off as in production."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_not_found_is_a_persian_page(client: Client) -> None:
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    body = response.content.decode()
    assert 'lang="fa"' in body
    assert "صفحه پیدا نشد" in body
    assert "/no-such-page/" in body


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_a_stale_form_is_refused_in_persian() -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/accounts/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "فرم منقضی شده" in response.content.decode()
