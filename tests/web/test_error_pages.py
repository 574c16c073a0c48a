"""Error pages speak Persian and keep the reason the platform gave, with DEBUG off as in production."""

from __future__ import annotations

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.urls import path


def _fails(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a fault the page must not show")


urlpatterns = [path("fails/", _fails)]


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


@pytest.mark.django_db
@override_settings(DEBUG=False, ROOT_URLCONF=__name__)
def test_a_server_fault_is_a_persian_page_that_hides_the_fault() -> None:
    response = Client(raise_request_exception=False).get("/fails/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "خطای سامانه" in body
    assert "a fault the page must not show" not in body
