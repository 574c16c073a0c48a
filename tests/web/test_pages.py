"""The shell every page shares: Persian, right-to-left, self-hosted font, no external resources."""

from __future__ import annotations

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_home_is_persian_rtl_and_links_each_area(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fa" dir="rtl">' in html
    assert 'href="/territory/"' in html
    assert 'href="/elections/"' in html


def test_pages_load_nothing_from_other_hosts(client: Client) -> None:
    html = client.get("/").content.decode()
    external = re.findall(r'(?:src|href)="(https?:)?//[^"]+"', html)
    assert external == []


def test_font_and_script_are_served_by_the_project(client: Client) -> None:
    css = client.get("/static/ostan/site.css")
    assert css.status_code == 200
    body = b"".join(css.streaming_content) if css.streaming else css.content  # type: ignore[attr-defined]
    assert b"vazirmatn-arabic-400-normal.woff2" in body
    assert b"margin-left" not in body
    assert b"margin-right" not in body
    font = client.get("/static/ostan/fonts/vazirmatn-arabic-400-normal.woff2")
    assert font.status_code == 200
    assert client.get("/static/ostan/js/htmx.min.js").status_code == 200


def test_api_docs_and_schema(client: Client) -> None:
    schema = client.get("/api/openapi.json")
    assert schema.status_code == 200
    assert schema.json()["info"]["title"] == "Ostan API"
    assert client.get("/api/docs").status_code == 200


def test_unknown_api_path_is_json_404(client: Client) -> None:
    response = client.get("/api/no-such-thing")
    assert response.status_code == 404
