"""The minutes and the voter's paper record as PDF: real files (pages, embedded Vazirmatn, a text layer
with the candidates' names, Persian digits and Jalali dates), the same bytes for the same document,
scoped like their HTML pages, and a paper record that carries no time."""

from __future__ import annotations

import base64
import datetime as dt
import re
from dataclasses import replace

from django.test import Client

from ostan.accounts.models import User
from ostan.core import jalali
from ostan.core.access import Role
from ostan.core.polling.devices import sign_document
from ostan.core.polling.minutes import MINUTES_CONTEXT
from ostan.polling import actions, documents
from ostan.polling.documents.sheets import Confirmation, MinutesSheet, Votes
from ostan.polling.minutes_records import minutes_bytes
from ostan.polling.models import CastBallot, StationMinutes
from ostan.polling.simulator import new_ballot_id, new_token
from tests.actors import as_actor
from tests.elections.world import make_official
from tests.polling import pdf_reading
from tests.polling.world import BALLOT_PATH, CHECK_IN_PATH, PollingWorld, check_in_payload, post

DIGEST = "723a00503c9148f5e78b5a77362d5cf6498abd6ac088a6fb359682b075650a8d"


def _client(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _vote(pw: PollingWorld, voter: int, codes: list[str]) -> CastBallot:
    token, hashed = new_token()
    post(Client(), pw.auth[0], CHECK_IN_PATH, check_in_payload(pw.voters[voter], hashed, f"d{voter}"))
    ballot_id = new_ballot_id()
    assert post(Client(), pw.voting[0], BALLOT_PATH, {"ballot_id": ballot_id, "token": token, "codes": codes})[0] == 200
    return CastBallot.objects.get(ballot_id=ballot_id)


def _closed_signed_confirmed(pw: PollingWorld) -> StationMinutes:
    _vote(pw, 0, ["101", "102"])
    _vote(pw, 1, ["101"])
    _vote(pw, 2, [])
    [minutes] = actions.close_station(actor=as_actor(pw.members[0]), station=pw.stations[0])
    signature = sign_document(pw.auth[0].keys.private_key, MINUTES_CONTEXT, minutes_bytes(minutes))
    path = f"/api/polling/minutes/{minutes.pk}/signature"
    assert post(Client(), pw.auth[0], path, {"signature": base64.b64encode(signature).decode()})[0] == 200
    minutes.refresh_from_db()
    actions.confirm_minutes(actor=as_actor(pw.members[0]), minutes=minutes)
    return minutes


def test_minutes_pdf_is_a_one_page_pdf_with_the_minutes_in_its_text(pw: PollingWorld) -> None:
    minutes = _closed_signed_confirmed(pw)
    response = _client(pw.members[0]).get(f"/polling/minutes/{minutes.pk}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="minutes-A001-form29-{minutes.digest[:8]}.pdf"'
    body = response.content
    assert body.startswith(b"%PDF-")
    assert body.rstrip().endswith(b"%%EOF")
    assert pdf_reading.page_count(body) == 1
    assert pdf_reading.font_names(body) == {"Vazirmatn", "VazirmatnBold"}

    plain = documents.minutes_pdf(documents.minutes_sheet(minutes), compress=False)
    text = pdf_reading.text(plain)
    assert "صورتجلسهٔ شعبهٔ اخذ رأی (فرم" in text.logical
    assert "علی محمدی" in text.logical  # 101, two votes
    assert "زهرا حسینی" in text.logical  # 102, one vote
    assert "رضا احمدی" not in text.logical  # no votes, not on the minutes
    assert "۱۰۱" in text.visual
    assert "۱۰۲" in text.visual
    assert minutes.digest in text.visual
    assert minutes.signature[:40] in text.visual
    assert "A001-auth" in text.visual  # the signing device
    assert "member0" in text.visual  # the confirming official
    closed = dt.datetime.fromisoformat(minutes.document["closed_at"])
    day, time = jalali.format_datetime(closed, jalali.TEHRAN).split()  # «۱۴۰۵/۰۹/۰۱», «۲۳:۵۰»
    assert f"{time} {day}" in text.visual  # two left-to-right runs in a right-to-left line: the day on the right


def test_minutes_pdf_is_the_same_bytes_for_the_same_minutes_and_changes_when_confirmed(pw: PollingWorld) -> None:
    minutes = _closed_signed_confirmed(pw)
    first = _client(pw.official).get(f"/polling/minutes/{minutes.pk}/pdf/").content
    assert _client(pw.members[0]).get(f"/polling/minutes/{minutes.pk}/pdf/").content == first
    closed = dt.datetime.fromisoformat(minutes.document["closed_at"])
    assert f"/CreationDate (D:{closed:%Y%m%d%H%M%S}Z)".encode() in first  # the closing time, not now
    second = make_official("member_b", Role.STATION_OFFICIAL, pw.world.city_a)
    pw.stations[0].officials.add(second)
    actions.confirm_minutes(actor=as_actor(second), minutes=minutes)
    assert _client(pw.official).get(f"/polling/minutes/{minutes.pk}/pdf/").content != first


def test_minutes_pdf_is_scoped_like_the_minutes_page(pw: PollingWorld) -> None:
    minutes = _closed_signed_confirmed(pw)
    outsider = make_official("county_b", Role.COUNTY_ELECTION_OFFICIAL, pw.world.county_b)
    for path in (f"/polling/minutes/{minutes.pk}/", f"/polling/minutes/{minutes.pk}/pdf/"):
        anonymous = _client(None).get(path)
        assert anonymous.status_code == 302
        assert anonymous["Location"].startswith("/accounts/login/")
        assert _client(outsider).get(path).status_code == 404
        assert _client(pw.official).get(path).status_code == 200
    assert _client(pw.official).get("/polling/minutes/999999/pdf/").status_code == 404


def test_minutes_page_links_its_pdf(pw: PollingWorld) -> None:
    minutes = _closed_signed_confirmed(pw)
    page = _client(pw.members[0]).get(f"/polling/minutes/{minutes.pk}/").content.decode()
    assert f'href="/polling/minutes/{minutes.pk}/pdf/"' in page
    assert "دریافت PDF" in page
    assert "علی محمدی" in page  # the page names the candidates as the PDF does
    assert "<td>۱۰۱</td><td>علی محمدی</td><td>۲</td>" in page
    assert "رضا احمدی" not in page
    station = _client(pw.members[0]).get(f"/polling/stations/{pw.stations[0].pk}/").content.decode()
    assert f'href="/polling/minutes/{minutes.pk}/pdf/"' in station


def test_paper_record_pdf_is_a_receipt_with_the_choices_serial_and_qr(pw: PollingWorld) -> None:
    ballot = _vote(pw, 0, ["103", "101"])
    serial = "-".join(re.findall("....", ballot.receipt_code))
    response = _client(None).get(f"/polling/paper/{ballot.ballot_id}/pdf/")  # as open as the HTML record
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="ballot-{serial}.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    assert pdf_reading.page_count(response.content) == 1
    width = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", response.content)
    assert width is not None
    assert round(float(width.group(1)) / 72 * 25.4) == 80  # mm, a receipt roll
    plain = documents.paper_pdf(documents.paper_sheet(ballot), compress=False)
    text = pdf_reading.text(plain)
    assert "رضا احمدی" in text.logical
    assert "علی محمدی" in text.logical
    assert "زهرا حسینی" not in text.logical
    assert serial in text.visual
    assert "۱۰۳" in text.visual
    assert plain.count(b" re f") > 100  # the QR code's dark runs, drawn as squares
    page = _client(None).get(f"/polling/paper/{ballot.ballot_id}/").content.decode()
    assert f'href="/polling/paper/{ballot.ballot_id}/pdf/"' in page
    assert _client(None).get(f"/polling/paper/{'0' * 32}/pdf/").status_code == 404


def test_paper_records_carry_no_time_only_the_election_day(pw: PollingWorld) -> None:
    first, second = _vote(pw, 0, ["101"]), _vote(pw, 1, [])
    dates = {
        re.search(rb"/CreationDate \(([^)]*)\)", documents.paper_pdf(documents.paper_sheet(b))).group(1)  # type: ignore[union-attr]
        for b in (first, second)
    }
    assert len(dates) == 1
    assert dates.pop().startswith(b"D:20260529000000")


def _sheet(candidates: int) -> MinutesSheet:
    at = dt.datetime(2026, 5, 29, 16, 30, tzinfo=dt.UTC)
    votes = tuple(Votes(str(100 + i), "نامزد آزمایشی", 1000 - i) for i in range(candidates))
    return MinutesSheet(
        station_code="T-17", station_address="تهران، دبستان ۱۷", constituency="شورای اسلامی شهر تهران", form=29,
        counts=(("کل آرا", 1000),), candidates=votes, lists=(), reasons=(), opened_at=at - dt.timedelta(hours=12),
        closed_at=at, digest=DIGEST, signature="", signed_by="", signed_at=None,
        confirmations=(Confirmation("مینا کاظمی", at),),
    )  # fmt: skip


def test_long_minutes_run_over_pages_that_each_say_which_of_how_many() -> None:
    plain = documents.minutes_pdf(_sheet(120), compress=False)
    pages = pdf_reading.page_count(plain)
    assert pages == 4
    text = pdf_reading.text(plain).logical
    for n in "۱۲۳۴":
        assert f"صفحهٔ {n} از ۴" in text
    assert text.count("آرانامزدکد") == pages  # the votes table's heading starts it on every page it runs onto
    assert "۲۱۹" in pdf_reading.text(plain).visual  # the last candidate's code
    assert "هنوز با کلید دستگاه شعبه امضا نشده است" in text
    assert "۰۸:۰۰ ۱۴۰۵/۰۳/۰۸" in pdf_reading.text(plain).visual  # opened 04:30 UTC on 29 May 2026, Tehran time
    assert documents.minutes_pdf(_sheet(120)) == documents.minutes_pdf(_sheet(120))


def test_voided_tokens_are_counted_in_the_minutes_pdf_by_reason() -> None:
    sheet = replace(_sheet(3), voided=(("رمز خراب", 1), ("رمز گم‌شده", 2)))
    text = pdf_reading.text(documents.minutes_pdf(sheet, compress=False)).logical
    assert "رمزهای رأی باطل‌شده" in text
    assert "رمز گم‌شده" in text
    assert "رمز خراب" in text
    assert "رمزهای رأی باطل‌شده" not in pdf_reading.text(documents.minutes_pdf(_sheet(3), compress=False)).logical
