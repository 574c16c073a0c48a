"""The roll page: sizes per constituency, an all-or-nothing upload whose refusal is a line-by-line table,
and the synthetic roll form that exists only with DEBUG on."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from pytest_django.fixtures import Settings

from ostan.accounts.models import User
from ostan.auditlog.models import Entry
from ostan.core.access import Role
from ostan.polling.models import RollVoter
from tests.elections.world import make_official
from tests.polling.world import PollingWorld, national_code, roll_csv


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _upload(pw: PollingWorld, serials: list[int | str], name: str = "roll.csv") -> dict[str, object]:
    rows = [_row(pw, s) for s in serials]
    return {"unit": pw.world.city_a.pk, "file": SimpleUploadedFile(name, roll_csv(rows), content_type="text/csv")}


def _row(pw: PollingWorld, serial: int | str) -> list[str]:
    code = serial if isinstance(serial, str) else national_code(serial)
    return [code, "مینا", "کاظمی", "۱۳۶۵/۰۲/۰۳", "زن", pw.world.city_a.path]


def test_roll_page_shows_sizes_per_constituency_in_persian(pw: PollingWorld) -> None:
    response = _client(pw.official).get("/polling/roll/")
    assert response.status_code == 200
    page = response.content.decode()
    assert f'<tr data-constituency="{pw.city.pk}"><td>شورای اسلامی شهر اراک</td><td class="num">۲۱</td></tr>' in page
    assert "بارگذاری فهرست" in page


def test_upload_imports_and_writes_one_audit_entry(pw: PollingWorld) -> None:
    before = (Entry.objects.count(), RollVoter.objects.count())
    client = _client(pw.official)
    response = client.post("/polling/roll/", _upload(pw, [5000, 5001]))
    assert response.status_code == 302
    assert RollVoter.objects.count() == before[1] + 2
    assert Entry.objects.count() == before[0] + 1
    assert Entry.objects.latest("id").event == "polling.roll_imported"
    followed = client.get(response["Location"]).content.decode()
    assert "۲ رأی‌دهنده از پرونده وارد فهرست شدند" in followed
    assert '<td class="num">۲۳</td>' in followed


def test_bad_rows_are_reported_line_by_line_and_nothing_is_written(pw: PollingWorld) -> None:
    before = (Entry.objects.count(), RollVoter.objects.count())
    response = _client(pw.official).post("/polling/roll/", _upload(pw, [5000, "1234567890", 5002, 5000]))
    assert response.status_code == 400
    page = response.content.decode()
    assert "۲ سطر نادرست است؛ هیچ سطری وارد نشد." in page
    assert '<tr data-line="3"><td class="num">۳</td>' in page
    assert '<tr data-line="5"><td class="num">۵</td>' in page
    assert "کد ملی تکراری است (سطر ۲ هم همین کد را دارد)." in page
    assert '<td data-field="national_code">کد ملی</td>' in page  # the column in Persian, not its machine name
    assert (Entry.objects.count(), RollVoter.objects.count()) == before


def test_a_file_that_is_not_csv_or_xlsx_is_refused_next_to_the_field(pw: PollingWorld) -> None:
    response = _client(pw.official).post("/polling/roll/", _upload(pw, [5000], name="roll.pdf"))
    assert response.status_code == 400
    assert 'id="id_file-error">فقط پروندهٔ CSV یا XLSX پذیرفته می‌شود.' in response.content.decode()
    assert not RollVoter.objects.filter(national_code=national_code(5000)).exists()


def test_other_county_official_cannot_import_for_arak(pw: PollingWorld) -> None:
    outsider = make_official("county_b", Role.COUNTY_ELECTION_OFFICIAL, pw.world.county_b)
    page = _client(outsider).get("/polling/roll/").content.decode()
    assert "شورای اسلامی شهر اراک" not in page
    before = (Entry.objects.count(), RollVoter.objects.count())
    assert _client(outsider).post("/polling/roll/", _upload(pw, [5000])).status_code == 403
    assert (Entry.objects.count(), RollVoter.objects.count()) == before


def test_station_members_have_no_roll_page(pw: PollingWorld) -> None:
    assert _client(pw.members[0]).get("/polling/roll/").status_code == 403


def test_synthetic_roll_form_is_hidden_and_refused_without_debug(pw: PollingWorld, settings: Settings) -> None:
    settings.DEBUG = False
    page = _client(pw.official).get("/polling/roll/").content.decode()
    assert "data-synthetic" not in page
    before = (Entry.objects.count(), RollVoter.objects.count())
    data = {"unit": pw.world.city_a.pk, "size": "10", "seed": "1"}
    assert _client(pw.official).post("/polling/roll/synthetic/", data).status_code == 404
    assert (Entry.objects.count(), RollVoter.objects.count()) == before


def test_synthetic_roll_with_debug_writes_one_entry(pw: PollingWorld, settings: Settings) -> None:
    settings.DEBUG = True
    client = _client(pw.official)
    assert "data-synthetic" in client.get("/polling/roll/").content.decode()
    before = (Entry.objects.count(), RollVoter.objects.count())
    data = {"unit": pw.world.city_a.pk, "size": "۱۲", "seed": "7"}
    response = client.post("/polling/roll/synthetic/", data)
    assert response.status_code == 302
    assert (Entry.objects.count(), RollVoter.objects.count()) == (before[0] + 1, before[1] + 12)
    assert Entry.objects.latest("id").event == "polling.roll_generated"
    again = client.post("/polling/roll/synthetic/", data)  # the same seed: the same national codes
    assert again.status_code == 400
    assert "بذر دیگری برگزینید" in again.content.decode()
    assert (Entry.objects.count(), RollVoter.objects.count()) == (before[0] + 1, before[1] + 12)
