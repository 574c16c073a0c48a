"""Territory pages through Django's test client: Persian digits, «نامعلوم», scope on the page forms."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from ostan.accounts.models import User
from ostan.auditlog.models import Entry
from ostan.territory.models import Unit
from tests.territory.conftest import CITY_A, CITY_B

pytestmark = pytest.mark.django_db


def html(client: Client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status
    return response.content.decode()


@pytest.mark.usefixtures("tree")
def test_browse_lists_provinces_with_population_in_persian_digits(client: Client) -> None:
    page = html(client, "/territory/")
    assert 'href="/territory/u/00/"' in page
    assert "مرکزی" in page
    assert "۱٬۴۲۹٬۴۷۵" in page  # مرکزی, 1395
    assert "۳٬۳۸۱٬۹۰۹" in page  # the two fixture provinces together
    assert 'href="/territory/map/"' in page


def test_browse_says_when_nothing_is_loaded(client: Client, db: None) -> None:
    assert "load_territory" in html(client, "/territory/")


@pytest.mark.usefixtures("tree")
def test_unit_page_shows_chain_children_and_unknown_population(client: Client) -> None:
    page = html(client, "/territory/u/000102/")
    assert re.search(r"<h1>بخش مرکزی</h1>", page)
    for code in ("IR", "00", "0001"):
        assert f'href="/territory/u/{code}/"' in page
    assert 'href="/territory/u/0001021101/"' in page  # the city of Arak among the children
    assert "نامعلوم" in page
    assert "۰۰۰۱۰۲" in page
    assert 'href="/territory/map/00/"' in page
    assert "ثبت جمعیت" not in page  # anonymous visitors get no forms


@pytest.mark.usefixtures("tree")
def test_a_city_page_lists_neighbourhoods_and_offers_the_form_in_scope(client: Client, official_a: User) -> None:
    assert "افزودن محله" not in html(client, f"/territory/u/{CITY_A}/")
    client.force_login(official_a)
    assert "افزودن محله" in html(client, f"/territory/u/{CITY_A}/")
    assert "افزودن محله" not in html(client, f"/territory/u/{CITY_B}/")
    response = client.post(f"/territory/u/{CITY_A}/neighbourhoods/", {"name": "محله فرهنگیان"}, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "محله فرهنگیان" in page
    assert Entry.objects.filter(event="territory.neighbourhood_created").count() == 1


def test_page_posts_outside_scope_are_refused(client: Client, official_a: User) -> None:
    client.force_login(official_a)
    response = client.post(f"/territory/u/{CITY_B}/neighbourhoods/", {"name": "محله بیرون"})
    assert response.status_code == 403
    assert "خارج از حوزه" in response.content.decode()
    response = client.post(f"/territory/u/{CITY_B}/population/", {"population": "۱۲۰۰", "year": "۱۴۰۰", "reason": "x"})
    assert response.status_code == 403
    assert not Unit.objects.filter(kind="neighbourhood").exists()
    assert Unit.objects.get(code=CITY_B).population is None
    assert not Entry.objects.exclude(event="territory.tree_loaded").exists()


def test_population_form_takes_persian_digits_in_scope(client: Client, official_a: User) -> None:
    client.force_login(official_a)
    response = client.post(
        f"/territory/u/{CITY_A}/population/",
        {"population": "۹۰٬۵۵۹", "year": "۱۴۰۰", "reason": "ثبت احوال"},
        follow=True,
    )
    assert "۹۰٬۵۵۹" in response.content.decode()
    assert Unit.objects.get(code=CITY_A).population == 90559
    assert Entry.objects.filter(event="territory.population_set").count() == 1
    bad = client.post(
        f"/territory/u/{CITY_A}/population/", {"population": "-5", "year": "1400", "reason": "x"}, follow=True
    )
    assert "جمعیت، سال و دلیل را درست وارد کنید" in bad.content.decode()
    assert Entry.objects.filter(event="territory.population_set").count() == 1


@pytest.mark.usefixtures("tree")
def test_anonymous_posts_go_to_the_login_page(client: Client) -> None:
    response = client.post(f"/territory/u/{CITY_A}/neighbourhoods/", {"name": "محله"})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not Unit.objects.filter(kind="neighbourhood").exists()


@pytest.mark.usefixtures("tree")
def test_unknown_unit_is_404(client: Client) -> None:
    html(client, "/territory/u/9999/", 404)


@pytest.mark.usefixtures("tree")
def test_search_page_finds_kermanshah_typed_with_arabic_letters(client: Client) -> None:
    page = html(client, "/territory/search/?q=كرمانشاه")
    assert 'href="/territory/u/05/"' in page
    assert "<html" in page
    partial = client.get("/territory/search/?q=كرمانشاه", headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in partial
    assert 'href="/territory/u/0502/"' in partial
    assert "یافت نشد" in html(client, "/territory/search/?q=ناموجودستان")
    html(client, "/territory/search/?q=" + "ا" * 500)


@pytest.mark.usefixtures("tree")
def test_country_map_has_a_link_per_loaded_province(client: Client) -> None:
    page = html(client, "/territory/map/")
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert 'role="img"' in svg
    assert svg.count("<path") == 31
    links = re.findall(r'<a href="/territory/u/(\d+)/"', svg)
    assert sorted(links) == ["00", "05"]  # only the fixture's provinces are units
    assert "<title>مرکزی — جمعیت: ۱٬۴۲۹٬۴۷۵</title>" in svg


@pytest.mark.usefixtures("tree")
def test_province_map_links_counties(client: Client) -> None:
    page = html(client, "/territory/map/05/")
    assert "کرمانشاه" in page
    links = re.findall(r'<a href="/territory/u/(\d+)/"', page[page.index("<svg") : page.index("</svg>")])
    assert sorted(links) == ["0501", "0502"]
    html(client, "/territory/map/99/", 404)
