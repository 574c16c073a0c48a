"""The constituency page's candidates: searched by name (Arabic letters accepted) or code, listed by
code or in Persian alphabetical order, a page at a time."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from ostan.accounts.models import User
from ostan.elections.models import Constituency
from ostan.elections.views import pages

NAME_CELL = re.compile(r'<td class="num">([۰-۹]+)</td><td>(?:<img[^>]*>|—)</td><td>(?:<a [^>]*>)?([^<]+)')


def _listed(client: Client, constituency: Constituency, **query: str) -> list[tuple[str, str]]:
    html = client.get(f"/elections/c/{constituency.pk}/", query).content.decode()
    table = html.split('id="candidates-title"')[1]
    return NAME_CELL.findall(table)


def test_search_by_name_with_arabic_letters_or_by_code(
    client: Client, official_a: User, city_with_candidates: Constituency
) -> None:
    client.force_login(official_a)
    assert _listed(client, city_with_candidates, q="كريمي") == [("۱۰۵", "حسن کریمی")]
    assert _listed(client, city_with_candidates, q="۱۰۹") == [("۱۰۹", "امیر هاشمی")]
    assert _listed(client, city_with_candidates, q="نیست") == []


def test_alphabetical_order_is_persian(client: Client, official_a: User, city_with_candidates: Constituency) -> None:
    client.force_login(official_a)
    last_names = [name.split()[-1] for _, name in _listed(client, city_with_candidates, order="name")]
    assert last_names == ["احمدی", "جعفری", "حسینی", "رحیمی", "رضایی", "صادقی", "قاسمی", "کریمی", "محمدی", "هاشمی"]
    assert [code for code, _ in _listed(client, city_with_candidates)][:2] == ["۱۰۱", "۱۰۲"]  # by code by default


def test_the_list_comes_a_page_at_a_time_keeping_the_search(
    client: Client, official_a: User, city_with_candidates: Constituency, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pages, "CANDIDATES_PER_PAGE", 4)
    client.force_login(official_a)
    assert len(_listed(client, city_with_candidates)) == 4
    assert len(_listed(client, city_with_candidates, page="3")) == 2
    html = client.get(f"/elections/c/{city_with_candidates.pk}/", {"order": "name"}).content.decode()
    assert 'href="?order=name&page=2#candidates-title"' in html
    assert "نامزدها (۱۰)" in html
