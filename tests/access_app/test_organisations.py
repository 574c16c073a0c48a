"""The registry of organisations: one at a time and whole files, all or nothing with line-level Persian
errors, inside the actor's territory, each change one audit entry; and its public pages."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from openpyxl import Workbook

from ostan.access import actions
from ostan.access.entries import OrganisationEntry
from ostan.access.errors import InvalidOrganisation
from ostan.access.models import Organisation
from ostan.auditlog.models import Entry
from ostan.core.access import OutOfScope, Role
from ostan.core.tables import FileRejected
from tests.actors import SYSTEM, as_actor, make_person
from tests.elections.world import World, make_world

HEADER = "کد,نام,نوع,کد بالادست,کد محل استقرار,واحدهای تحت پوشش,تلفن,رایانامه,نشانی\n"


@pytest.fixture
def world(db: None) -> World:
    return make_world()


def _csv(*lines: str) -> bytes:
    return (HEADER + "\n".join(lines) + "\n").encode()


def test_a_file_registers_a_directorate_and_its_branches_in_any_order(world: World) -> None:
    data = _csv(
        "WATER-0001,امور آب و فاضلاب اراک,شرکت آب و فاضلاب,WATER-00,0001,0001،0001021101,۰۸۶-۳۳۳۳,,",
        "WATER-00,شرکت آب و فاضلاب استان مرکزی,water_wastewater,,00,00,086-1111,info@abfa.example.ir,اراک",
    )
    count = actions.import_organisations(actor=SYSTEM, file_name="orgs.csv", data=data)
    assert count == 2
    branch = Organisation.objects.get(code="WATER-0001")
    assert branch.path == "WATER-00/WATER-0001"
    assert branch.category == "agency"
    assert sorted(branch.units.values_list("code", flat=True)) == ["0001", "0001021101"]
    assert Entry.objects.filter(event="access.organisations_imported").count() == 1
    again = actions.import_organisations(actor=SYSTEM, file_name="orgs.csv", data=data)  # an update, not a copy
    assert again == 2
    assert Organisation.objects.count() == 2


def test_a_bad_file_reports_every_line_and_writes_nothing(world: World) -> None:
    data = _csv(
        "OK-1,دستگاه درست,مسجد,,0001,,,,",
        "bad code!,نام,مسجد,,0001,,,,",
        "OK-2,,گونهٔ ناشناخته,,9999,,,not-an-email,",
        "OK-3,چرخه,مسجد,OK-4,0001,,,,",
        "OK-4,چرخه,مسجد,OK-3,0001,,,,",
    )
    with pytest.raises(FileRejected) as caught:
        actions.import_organisations(actor=SYSTEM, file_name="orgs.csv", data=data)
    lines = {e.line: e.message for e in caught.value.errors}
    assert set(lines) == {3, 4, 5, 6}
    assert "کد سازمان" in lines[3]
    assert "نوع سازمان" in lines[4]
    assert "9999" in lines[4]
    assert "بالادست" in lines[5]
    assert not Organisation.objects.exists()
    assert not Entry.objects.filter(event__startswith="access.").exists()


def test_an_xlsx_file_is_read_as_the_csv_is(world: World) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["code", "name", "kind", "seat"])
    sheet.append(["MOSQUE-1", "مسجد جامع اراك", "مسجد", "0001021101"])
    out = io.BytesIO()
    book.save(out)
    actions.import_organisations(actor=SYSTEM, file_name="orgs.xlsx", data=out.getvalue())
    assert Organisation.objects.get(code="MOSQUE-1").name == "مسجد جامع اراک"  # Arabic kaf made Persian


def test_a_county_office_registers_only_in_its_own_county(world: World) -> None:
    staff = as_actor(make_person("county_staff", Role.GOVERNOR_OFFICE_STAFF, world.county_a))
    entry = OrganisationEntry(code="CHARITY-1", name="خیریهٔ اراک", kind="charity", seat_code=world.city_a.code)
    created = actions.create_organisation(actor=staff, entry=entry)
    assert created.seat == world.city_a
    elsewhere = OrganisationEntry(code="CHARITY-2", name="خیریهٔ آشتیان", kind="charity", seat_code=world.city_b.code)
    with pytest.raises(InvalidOrganisation) as caught:
        actions.create_organisation(actor=staff, entry=elsewhere)
    assert "خارج از حوزه" in caught.value.details["seat"]  # type: ignore[index]
    clerk = as_actor(make_person("clerk", Role.SERVICE_DESK_CLERK, world.county_a))
    with pytest.raises(OutOfScope):
        actions.import_organisations(actor=clerk, file_name="o.csv", data=_csv("X-1,x,مسجد,,0001,,,,"))
    assert Entry.objects.filter(event="access.organisation_created").count() == 1


def test_moving_a_directorate_moves_its_branches(world: World) -> None:
    actions.import_organisations(
        actor=SYSTEM,
        file_name="o.csv",
        data=_csv("TOP,استان,health,,00,,,,", "MID,شهرستان,health,TOP,0001,,,,", "LEAF,مرکز,health,MID,0001021101,,,,"),
    )
    top = OrganisationEntry(code="NEW-TOP", name="دانشگاه", kind="health", seat_code="00")
    actions.create_organisation(actor=SYSTEM, entry=top)
    mid = Organisation.objects.get(code="MID")
    moved = OrganisationEntry(code="MID", name="شهرستان", kind="health", seat_code="0001", parent_code="NEW-TOP")
    actions.change_organisation(actor=SYSTEM, organisation_id=mid.pk, entry=moved)
    assert Organisation.objects.get(code="LEAF").path == "NEW-TOP/MID/LEAF"
    under_itself = OrganisationEntry(code="NEW-TOP", name="دانشگاه", kind="health", seat_code="00", parent_code="LEAF")
    with pytest.raises(InvalidOrganisation):
        actions.change_organisation(
            actor=SYSTEM, organisation_id=Organisation.objects.get(code="NEW-TOP").pk, entry=under_itself
        )


def test_the_public_page_hides_the_contact_person(world: World, client: Client) -> None:
    entry = OrganisationEntry(
        code="GAS-0001", name="گاز اراک", kind="gas", seat_code="0001", phone="086-2222", contact_person="آقای رحیمی"
    )
    actions.create_organisation(actor=SYSTEM, entry=entry)
    page = client.get("/organisations/GAS-0001/").content.decode()
    assert "086-2222" in page
    assert "رحیمی" not in page
    listed = client.get("/organisations/", {"unit": world.city_a.code}).content.decode()
    assert "گاز اراک" in listed  # serves the county, so serves the city
    client.force_login(make_person("staff", Role.GOVERNOR_OFFICE_STAFF, world.county_a))
    assert "رحیمی" in client.get("/organisations/GAS-0001/").content.decode()


def test_the_import_page_shows_every_refused_line(world: World, client: Client) -> None:
    client.force_login(make_person("staff", Role.GOVERNOR_OFFICE_STAFF, world.province))
    upload = io.BytesIO(_csv("X-1,,مسجد,,0001,,,,"))
    upload.name = "orgs.csv"
    response = client.post("/organisations/import/", {"file": upload})
    assert response.status_code == 400
    assert "سطر ۲" in response.content.decode()
    assert not Organisation.objects.exists()
