"""Stakeholders' personal data is the keeping office's alone; meetings invite them, record who attended and
their decisions, which are followed to done with the overdue ones first; the minutes print as a Persian PDF."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from ostan.core.errors import PermissionRefused
from ostan.participation import actions, selectors
from ostan.participation.entries import DecisionEntry, MeetingEntry, MinutesEntry, StakeholderEntry
from ostan.participation.errors import InvalidMeeting
from tests.participation.conftest import Offices

PHONE = "09351234567"


def _stakeholder(o: Offices, name: str = "روزنامهٔ صدای اراک") -> int:
    entry = StakeholderEntry(o.world.city_a.code, name, "media", "سردبیر", PHONE, "editor@example.org", "خیابان شهدا")
    return actions.save_stakeholder(actor=o.actor(o.county_governor), entry=entry).pk


def _page(person: object, path: str) -> tuple[int, str]:
    client = Client()
    client.force_login(person)  # type: ignore[arg-type]
    response = client.get(path)
    return response.status_code, response.content.decode()


def test_personal_data_is_shown_only_to_the_office_that_keeps_it(offices: Offices) -> None:
    o = offices
    pk = _stakeholder(o)
    status, page = _page(o.county_governor, f"/participation/stakeholders/{pk}/")
    assert status == 200
    assert "۰۹۳۵۱۲۳۴۵۶۷" in page
    assert "editor@example.org" in page
    # The governorate above and a district office below see the stakeholder, never its contacts.
    for other in (o.directorate, o.district_1_governor):
        status, page = _page(other, f"/participation/stakeholders/{pk}/")
        assert status == 200
        assert "صدای اراک" in page
        assert "۰۹۳۵۱۲۳۴۵۶۷" not in page
        assert "editor@example.org" not in page
        status, _ = _page(other, f"/participation/stakeholders/{pk}/contacts/")
        assert status in (403, 404)
        api = Client()
        api.force_login(other)
        assert api.get(f"/api/participation/stakeholders/{pk}/contacts").status_code in (403, 404)
    assert selectors.can_see_contacts(o.actor(o.county_governor), selectors.stakeholder(o.actor(o.directorate), pk))
    assert not selectors.can_see_contacts(o.actor(o.directorate), selectors.stakeholder(o.actor(o.directorate), pk))
    # Nor may another office correct it.
    with pytest.raises(PermissionRefused):
        actions.save_stakeholder(
            actor=o.actor(o.directorate),
            entry=StakeholderEntry(o.world.city_a.code, "نام دیگر", "media"),
            stakeholder_id=pk,
        )


def test_a_meeting_records_attendance_and_decisions_followed_to_done(offices: Offices) -> None:
    o = offices
    editor, trustee = _stakeholder(o), _stakeholder(o, "حاج آقا محمدی")
    actor = o.actor(o.county_governor)
    held = timezone.now() - dt.timedelta(days=10)
    meeting = actions.schedule_meeting(
        actor=actor,
        entry=MeetingEntry(o.world.county_a.code, "نشست با رسانه‌ها و معتمدان", held, "۱. آب شرب\n۲. پسماند",
                           stakeholder_ids=(editor, trustee)),
    )  # fmt: skip
    today = timezone.localdate()
    minutes = MinutesEntry(
        "گزارش فرماندار و پرسش‌های حاضران.", attended_ids=(editor,),
        decisions=(DecisionEntry("پیگیری تانکر آب روستاها", "شرکت آب و فاضلاب", today - dt.timedelta(days=3)),
                   DecisionEntry("جلسهٔ پسماند با شهرداری", "شهرداری اراک", today + dt.timedelta(days=7))),
    )  # fmt: skip
    with pytest.raises(InvalidMeeting):  # an attendee who was not invited
        actions.record_minutes(actor=actor, meeting_id=meeting.pk, entry=MinutesEntry("x", attended_ids=(999,)))
    actions.record_minutes(actor=actor, meeting_id=meeting.pk, entry=minutes)
    rows = selectors.decisions(o.actor(o.directorate))
    assert [(r.decision.owner, r.status.value, r.days_late) for r in rows] == [
        ("شرکت آب و فاضلاب", "late", 3), ("شهرداری اراک", "open", 0),
    ]  # fmt: skip
    assert selectors.decisions(o.actor(o.county_b_governor)) == []  # another county's office sees none
    history = list(selectors.engagement(selectors.stakeholder(actor, editor)))
    assert [(h.meeting.title, h.attended) for h in history] == [("نشست با رسانه‌ها و معتمدان", True)]

    actions.mark_decision_done(actor=actor, decision_id=rows[0].decision.pk, done_on=today)
    assert [r.status.value for r in selectors.decisions(actor)] == ["open", "done"]
    status, page = _page(o.county_governor, "/participation/decisions/")
    assert status == 200
    assert "پیگیری تانکر آب روستاها" in page

    client = Client()
    client.force_login(o.directorate)
    response = client.get(f"/participation/meetings/{meeting.pk}/minutes.pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")
    assert response["Content-Type"] == "application/pdf"


def test_the_unit_page_joins_every_area_for_what_the_viewer_may_see(offices: Offices) -> None:
    o = offices
    _stakeholder(o)
    o.send(o.district_1)
    status, page = _page(o.county_governor, f"/territory/u/{o.world.county_a.code}/")
    assert status == 200
    assert "مشارکت و بخشنامه‌ها" in page
    assert "۱ ذی‌نفع ثبت‌شده" in page
    assert "۱ بخشنامهٔ تأییدنشده" in page
    anonymous = Client().get(f"/territory/u/{o.world.county_a.code}/").content.decode()
    assert "مشارکت و بخشنامه‌ها" not in anonymous
    assert "میز خدمت</a></h2>" not in anonymous
    assert "زیرمجموعه‌ها" in anonymous  # the territory's own part is there for everyone
