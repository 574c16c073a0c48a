"""The stations pages: the list in scope with counts, creating a station, registering and deactivating
devices and adding officials. A valid POST writes exactly one audit entry; a refused one writes nothing
and says why in Persian next to the field; another county's official gets 403 or 404."""

from __future__ import annotations

from django.test import Client

from ostan.accounts.models import User
from ostan.auditlog.models import Entry
from ostan.core.access import Role
from ostan.core.polling.devices import key_fingerprint
from ostan.polling.models import Device, Station
from ostan.polling.simulator import SimulatedDevice, seed_key
from tests.elections.world import make_official
from tests.polling.world import PollingWorld

PERSIAN = str.maketrans("0123456789abcdef", "۰۱۲۳۴۵۶۷۸۹ABCDEF")


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _outsider(pw: PollingWorld) -> User:
    return make_official("county_b", Role.COUNTY_ELECTION_OFFICIAL, pw.world.county_b)


def _new_key(name: str) -> str:
    return SimulatedDevice(device_id=name, station_code="A001", private_key=seed_key(name)).public_key_hex


def _station_post(pw: PollingWorld, code: str = "B۰۰۱") -> dict[str, object]:
    return {"code": code, "address": "دبستان شمارهٔ ۴", "unit": pw.world.city_a.pk,
            "constituencies": [pw.city.pk], "officials": [pw.members[0].pk]}  # fmt: skip


def test_stations_page_lists_stations_in_scope_with_counts(pw: PollingWorld) -> None:
    response = _client(pw.official).get("/polling/stations/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "A۰۰۱" in page
    assert "A۰۰۳" in page
    assert "۲ از ۲" in page  # two active devices of two
    assert f'href="/polling/stations/{pw.stations[0].pk}/"' in page
    assert "تعریف شعبهٔ تازه" in page
    assert "شورای اسلامی شهر اراک" in page  # the constituency to cover


def test_station_member_sees_the_list_but_no_create_form(pw: PollingWorld) -> None:
    response = _client(pw.members[0]).get("/polling/stations/")
    assert response.status_code == 200
    assert "A۰۰۱" in response.content.decode()
    assert "تعریف شعبهٔ تازه" not in response.content.decode()
    before = Entry.objects.count()
    assert _client(pw.members[0]).post("/polling/stations/", _station_post(pw)).status_code == 403
    assert Entry.objects.count() == before


def test_create_station_writes_one_audit_entry(pw: PollingWorld) -> None:
    before = Entry.objects.count()
    response = _client(pw.official).post("/polling/stations/", _station_post(pw))
    assert response.status_code == 302
    station = Station.objects.get(code="B001")  # Persian digits typed, ASCII stored
    assert response["Location"] == f"/polling/stations/{station.pk}/"
    assert list(station.officials.all()) == [pw.members[0]]
    assert Entry.objects.count() == before + 1
    assert Entry.objects.latest("id").event == "polling.station_created"


def test_duplicate_station_code_is_refused_next_to_the_code(pw: PollingWorld) -> None:
    before = (Entry.objects.count(), Station.objects.count())
    response = _client(pw.official).post("/polling/stations/", _station_post(pw, code="A001"))
    assert response.status_code == 400
    assert 'id="id_code-error">شعبهٔ A۰۰۱ پیش‌تر تعریف شده است' in response.content.decode()
    assert (Entry.objects.count(), Station.objects.count()) == before


def test_create_station_without_constituency_says_so(pw: PollingWorld) -> None:
    data = {**_station_post(pw), "constituencies": []}
    response = _client(pw.official).post("/polling/stations/", data)
    assert response.status_code == 400
    assert "دست‌کم یک حوزهٔ انتخابیه را برگزینید" in response.content.decode()
    assert not Station.objects.filter(code="B001").exists()


def test_other_county_official_cannot_see_or_create_stations_in_arak(pw: PollingWorld) -> None:
    client = _client(_outsider(pw))
    page = client.get("/polling/stations/").content.decode()
    assert "A۰۰۱" not in page
    before = (Entry.objects.count(), Station.objects.count())
    assert client.post("/polling/stations/", _station_post(pw)).status_code == 403
    assert client.get(f"/polling/stations/{pw.stations[0].pk}/").status_code == 404
    device = {"device_id": "x1", "kind": "auth", "public_key": _new_key("x1")}
    assert client.post(f"/polling/stations/{pw.stations[0].pk}/devices/", device).status_code == 404
    assert (Entry.objects.count(), Station.objects.count()) == before
    assert not Device.objects.filter(device_id="x1").exists()


def test_visitors_are_sent_to_sign_in(pw: PollingWorld) -> None:
    response = Client().get("/polling/stations/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_station_page_shows_devices_with_fingerprints(pw: PollingWorld) -> None:
    station = pw.stations[0]
    response = _client(pw.members[0]).get(f"/polling/stations/{station.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    device = station.devices.get(kind="auth")
    assert key_fingerprint(bytes.fromhex(device.public_key)) in page
    assert "هنوز درخواستی نفرستاده" in page
    assert "ثبت دستگاه" in page
    assert "member0" in page
    assert "افزودن عضو" not in page  # station members do not add members


def test_register_device_accepts_spaced_upper_case_persian_digit_key(pw: PollingWorld) -> None:
    key = _new_key("A001-spare")
    typed = " ".join(key[i : i + 4] for i in range(0, 64, 4)).translate(PERSIAN)
    before = Entry.objects.count()
    response = _client(pw.members[0]).post(
        f"/polling/stations/{pw.stations[0].pk}/devices/",
        {"device_id": "A۰۰۱-spare", "kind": "auth", "public_key": typed},
    )
    assert response.status_code == 302
    device = Device.objects.get(device_id="A001-spare")
    assert device.public_key == key
    assert Entry.objects.count() == before + 1
    assert Entry.objects.latest("id").event == "polling.device_registered"
    shown = _client(pw.members[0]).get(response["Location"]).content.decode()
    assert key_fingerprint(bytes.fromhex(key)) in shown


def test_register_device_with_a_short_key_is_refused_in_persian(pw: PollingWorld) -> None:
    before = (Entry.objects.count(), Device.objects.count())
    response = _client(pw.members[0]).post(
        f"/polling/stations/{pw.stations[0].pk}/devices/", {"device_id": "A001-x", "kind": "auth", "public_key": "ab12"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="id_public_key-error">کلید عمومی باید دقیقاً ۶۴ رقم شانزده‌شانزدهی' in page
    assert "۴ نویسه وارد شده است" in page
    assert (Entry.objects.count(), Device.objects.count()) == before


def test_register_device_with_a_taken_id_is_refused_next_to_the_id(pw: PollingWorld) -> None:
    before = Entry.objects.count()
    response = _client(pw.members[0]).post(
        f"/polling/stations/{pw.stations[0].pk}/devices/",
        {"device_id": "A001-auth", "kind": "auth", "public_key": _new_key("other")},
    )
    assert response.status_code == 400
    assert 'id="id_device_id-error">دستگاهی با این شناسه پیش‌تر ثبت شده است' in response.content.decode()
    assert Entry.objects.count() == before


def test_deactivate_device_writes_one_entry(pw: PollingWorld) -> None:
    station = pw.stations[0]
    device = station.devices.get(kind="voting")
    before = Entry.objects.count()
    response = _client(pw.members[0]).post(f"/polling/stations/{station.pk}/devices/{device.pk}/deactivate/")
    assert response.status_code == 302
    device.refresh_from_db()
    assert not device.is_active
    assert Entry.objects.count() == before + 1
    assert Entry.objects.latest("id").event == "polling.device_deactivated"
    page = _client(pw.members[0]).get(f"/polling/stations/{station.pk}/").content.decode()
    assert "غیرفعال‌کردن A001-voting" not in page


def test_member_of_another_station_unit_cannot_deactivate(pw: PollingWorld) -> None:
    outsider = make_official("member_b", Role.STATION_OFFICIAL, pw.world.city_b)
    device = pw.stations[0].devices.get(kind="voting")
    before = Entry.objects.count()
    url = f"/polling/stations/{pw.stations[0].pk}/devices/{device.pk}/deactivate/"
    assert _client(outsider).post(url).status_code == 404
    device.refresh_from_db()
    assert device.is_active
    assert Entry.objects.count() == before


def test_official_adds_a_member(pw: PollingWorld) -> None:
    newcomer = make_official("member_new", Role.STATION_OFFICIAL, pw.world.city_a)
    station = pw.stations[0]
    page = _client(pw.official).get(f"/polling/stations/{station.pk}/").content.decode()
    assert "member_new" in page
    assert "افزودن عضو" in page
    before = Entry.objects.count()
    response = _client(pw.official).post(f"/polling/stations/{station.pk}/officials/", {"official": newcomer.pk})
    assert response.status_code == 302
    assert station.officials.filter(pk=newcomer.pk).exists()
    assert Entry.objects.count() == before + 1
    assert Entry.objects.latest("id").event == "polling.station_official_added"


def test_adding_a_member_from_elsewhere_is_refused_in_persian(pw: PollingWorld) -> None:
    stranger = make_official("member_b", Role.STATION_OFFICIAL, pw.world.city_b)
    station = pw.stations[0]
    before = Entry.objects.count()
    response = _client(pw.official).post(f"/polling/stations/{station.pk}/officials/", {"official": stranger.pk})
    assert response.status_code == 400
    assert "عضو شعبه در این واحد نیست" in response.content.decode()
    assert not station.officials.filter(pk=stranger.pk).exists()
    assert Entry.objects.count() == before


def test_station_member_cannot_add_members(pw: PollingWorld) -> None:
    newcomer = make_official("member_new", Role.STATION_OFFICIAL, pw.world.city_a)
    before = Entry.objects.count()
    url = f"/polling/stations/{pw.stations[0].pk}/officials/"
    assert _client(pw.members[0]).post(url, {"official": newcomer.pk}).status_code == 403
    assert Entry.objects.count() == before


def test_polling_pages_link_each_other_and_home_links_stations(pw: PollingWorld) -> None:
    client = _client(pw.official)
    checkin = client.get("/polling/checkin/").content.decode()
    assert 'href="/polling/stations/"' in checkin
    assert 'href="/polling/roll/"' in checkin
    assert 'href="/polling/stations/"' in client.get("/").content.decode()
    member_page = _client(pw.members[0]).get("/polling/checkin/").content.decode()
    assert 'href="/polling/roll/"' not in member_page
    assert 'href="/polling/stations/"' not in Client().get("/").content.decode()
