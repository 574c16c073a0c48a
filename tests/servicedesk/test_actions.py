"""The desk's actions: routing and deadlines at intake, every lifecycle step with its one audit entry,
and the refusals of the policy and of the lifecycle core."""

from __future__ import annotations

import datetime as dt

import jdatetime
import pytest

from ostan.auditlog.models import Entry as AuditEntry
from ostan.core.access import OutOfScope
from ostan.core.jalali import TEHRAN
from ostan.core.servicedesk import (
    HolidayFileError,
    ReopenWindowClosed,
    RequirementMissing,
    State,
    TransitionNotAllowed,
    tracking,
)
from ostan.core.text import to_persian_digits
from ostan.servicedesk import actions, clock, selectors
from ostan.servicedesk.errors import InvalidRequest, SurveyRefused
from ostan.servicedesk.events import ServiceDeskEvent
from ostan.servicedesk.models import Channel, Holiday, ServiceRequest
from tests.actors import SYSTEM
from tests.servicedesk.conftest import NATIONAL_CODE, Desk

# A Saturday in Tehran, 10:00 (Saturday 1405/09/08 is 2026-11-29).
SATURDAY = dt.datetime(2026, 11, 28, 10, 0, tzinfo=TEHRAN)


def _events(found: ServiceRequest) -> list[str]:
    rows = AuditEntry.objects.filter(object_type="servicedesk.servicerequest", object_id=str(found.pk))
    return list(rows.order_by("pk").values_list("event", flat=True))


def test_filing_routes_to_the_branch_serving_the_county_and_gives_a_checkable_code(desk: Desk) -> None:
    found = desk.file(at=SATURDAY)
    assert found.state == State.ASSIGNED
    assert found.organisation == desk.water  # the city has no branch of its own: the county's answers
    assert found.tracking_code is not None
    assert tracking.decode(found.tracking_code, key=clock.tracking_key()) == found.pk
    assert tracking.parse(to_persian_digits(found.tracking_code)) == found.tracking_code
    # 3 working days after Saturday the 28th: Sun, Mon, Tue; due at the end of Tuesday, Tehran time.
    assert found.due_at == dt.datetime(2026, 12, 2, 0, 0, tzinfo=TEHRAN)
    assert found.channel == Channel.ONLINE
    assert found.citizen == desk.citizen
    assert _events(found) == [ServiceDeskEvent.REQUEST_FILED]


def test_a_holiday_in_the_table_moves_the_deadline(desk: Desk) -> None:
    Holiday.objects.create(date=dt.date(2026, 11, 30), name="تعطیل آزمایشی", kind="declared")
    found = desk.file(at=SATURDAY)
    assert found.due_at == dt.datetime(2026, 12, 3, 0, 0, tzinfo=TEHRAN)


def test_a_service_routed_nowhere_waits_at_the_desk_until_a_clerk_sends_it(desk: Desk) -> None:
    filing = actions.Filing("ideas", "idea", desk.world.city_a.code, "یک کتابخانه کنار پارک بسازید.")
    found = actions.file_request(actor=desk.actor(desk.citizen), filing=filing)
    assert found.state == State.REGISTERED
    assert found.organisation is None
    with pytest.raises(OutOfScope):
        actions.assign_request(actor=desk.actor(desk.water_officer), request_id=found.pk, organisation_code="MUN-ARAK")
    sent = actions.assign_request(actor=desk.actor(desk.clerk), request_id=found.pk, organisation_code="MUN-ARAK")
    assert sent.state == State.ASSIGNED
    assert sent.organisation == desk.municipality
    assert _events(sent) == [ServiceDeskEvent.REQUEST_FILED, ServiceDeskEvent.REQUEST_ASSIGNED]


def test_the_whole_life_of_a_request_one_audit_entry_per_step(desk: Desk) -> None:
    officer, citizen = desk.actor(desk.water_officer), desk.actor(desk.citizen)
    found = desk.file(at=SATURDAY)
    actions.accept_request(actor=officer, request_id=found.pk, at=SATURDAY + dt.timedelta(hours=1))
    asked = actions.ask_citizen(
        actor=officer, request_id=found.pk, question="پلاک را بنویسید.", at=SATURDAY + dt.timedelta(hours=2)
    )
    assert asked.state == State.AWAITING_CITIZEN
    # The citizen answers a week later: the working days in between are given back to the agency.
    back = actions.provide_information(
        actor=citizen, request_id=found.pk, text="پلاک ۱۲", at=SATURDAY + dt.timedelta(days=7)
    )
    assert back.state == State.IN_PROGRESS
    assert back.due_at is not None
    assert found.due_at is not None
    assert back.due_at > found.due_at
    actions.add_note(actor=officer, request_id=found.pk, text="اکیپ فردا می‌رود.")
    answered = actions.answer_request(
        actor=officer, request_id=found.pk, answer="لوله تعمیر شد.", at=SATURDAY + dt.timedelta(days=8)
    )
    assert answered.state == State.ANSWERED
    assert answered.answer == "لوله تعمیر شد."
    closed = actions.close_request(actor=citizen, request_id=found.pk, at=SATURDAY + dt.timedelta(days=9))
    assert closed.state == State.CLOSED
    assert closed.closed_at is not None
    assert _events(found) == [
        ServiceDeskEvent.REQUEST_FILED, ServiceDeskEvent.REQUEST_ACCEPTED, ServiceDeskEvent.INFORMATION_REQUESTED,
        ServiceDeskEvent.INFORMATION_PROVIDED, ServiceDeskEvent.NOTE_ADDED, ServiceDeskEvent.REQUEST_ANSWERED,
        ServiceDeskEvent.REQUEST_CLOSED,
    ]  # fmt: skip
    assert found.pauses.get().ended_at == SATURDAY + dt.timedelta(days=7)


def test_the_lifecycle_refuses_steps_out_of_order(desk: Desk) -> None:
    officer = desk.actor(desk.water_officer)
    found = desk.file()
    with pytest.raises(TransitionNotAllowed):
        actions.answer_request(actor=officer, request_id=found.pk, answer="پاسخ")  # not taken in progress yet
    with pytest.raises(TransitionNotAllowed):
        actions.close_request(actor=desk.actor(desk.citizen), request_id=found.pk)
    with pytest.raises(InvalidRequest):
        actions.refer_request(actor=officer, request_id=found.pk, organisation_code="POWER-0001", reason="  ")
    with pytest.raises(RequirementMissing):
        actions.refer_request(actor=officer, request_id=found.pk, organisation_code="WATER-0001", reason="ما نیستیم")
    found.refresh_from_db()
    assert found.state == State.ASSIGNED
    assert _events(found) == [ServiceDeskEvent.REQUEST_FILED]


def test_only_the_holding_organisation_in_its_units_handles_a_request(desk: Desk) -> None:
    found = desk.file()
    for person in (desk.power_officer, desk.far_officer, desk.city_officer, desk.clerk, desk.citizen):
        with pytest.raises(OutOfScope):
            actions.accept_request(actor=desk.actor(person), request_id=found.pk)
    assert _events(found) == [ServiceDeskEvent.REQUEST_FILED]


def test_a_referral_moves_the_request_to_the_other_inbox(desk: Desk) -> None:
    found = desk.file()
    water, power = desk.actor(desk.water_officer), desk.actor(desk.power_officer)
    moved = actions.refer_request(
        actor=water, request_id=found.pk, organisation_code="POWER-0001", reason="پمپ برق ندارد."
    )
    assert moved.organisation == desk.power
    assert moved.state == State.ASSIGNED
    assert list(selectors.inbox(water)) == []
    assert list(selectors.inbox(power)) == [moved]
    with pytest.raises(OutOfScope):
        actions.accept_request(actor=water, request_id=found.pk)
    actions.accept_request(actor=power, request_id=found.pk)


def test_not_ours_names_who_is_responsible_and_the_desk_settles_it(desk: Desk) -> None:
    found = desk.file()
    returned = actions.return_not_ours(
        actor=desk.actor(desk.water_officer), request_id=found.pk, responsible_body="شورای شهر"
    )
    assert returned.state == State.RETURNED
    assert returned.organisation is None
    assert "شورای شهر" in returned.entries.order_by("pk").last().text  # type: ignore[union-attr]
    settled = actions.declare_not_ours(actor=desk.actor(desk.clerk), request_id=found.pk, responsible_body="شورای شهر")
    assert settled.state == State.NOT_OURS
    assert settled.responsible_body == "شورای شهر"
    assert _events(found)[-2:] == [ServiceDeskEvent.REQUEST_RETURNED, ServiceDeskEvent.REQUEST_DECLARED_NOT_OURS]


def _answered(desk: Desk) -> ServiceRequest:
    officer = desk.actor(desk.water_officer)
    found = desk.file(at=SATURDAY)
    actions.accept_request(actor=officer, request_id=found.pk, at=SATURDAY)
    return actions.answer_request(actor=officer, request_id=found.pk, answer="انجام شد.", at=SATURDAY)


def test_the_citizen_reopens_within_the_window_with_a_fresh_deadline(desk: Desk) -> None:
    found = _answered(desk)
    later = SATURDAY + dt.timedelta(days=20)
    reopened = actions.reopen_request(
        actor=desk.actor(desk.citizen), request_id=found.pk, reason="انجام نشده", at=later
    )
    assert reopened.state == State.ASSIGNED
    assert reopened.organisation == desk.water
    assert reopened.deadline_started_at == later
    assert reopened.due_at is not None
    assert reopened.due_at > later


def test_reopening_after_the_window_is_refused(desk: Desk) -> None:
    found = _answered(desk)
    with pytest.raises(ReopenWindowClosed):
        actions.reopen_request(
            actor=desk.actor(desk.citizen), request_id=found.pk, reason="دیر", at=SATURDAY + dt.timedelta(days=31)
        )


def test_another_citizen_can_neither_close_nor_reopen(desk: Desk) -> None:
    found = _answered(desk)
    with pytest.raises(OutOfScope):
        actions.close_request(actor=desk.actor(desk.other_citizen), request_id=found.pk)


def test_a_clerk_files_on_a_citizens_behalf_in_the_desks_unit_only(desk: Desk) -> None:
    clerk = desk.actor(desk.clerk)
    filing = actions.Filing(
        "water-outage", "complaint", desk.world.city_a.code, "شیر آب خراب است.", channel=Channel.PHONE,
        citizen_name="مریم احمدی", national_code=to_persian_digits(NATIONAL_CODE), mobile="۰۹۱۲۱۲۳۴۵۶۷",
    )  # fmt: skip
    found = actions.file_request(actor=clerk, filing=filing)
    assert found.channel == Channel.PHONE
    assert found.filed_by == desk.clerk
    assert found.citizen == desk.citizen  # the citizen's account, found by the national code
    assert found.citizen_national_code == NATIONAL_CODE
    assert list(selectors.mine(desk.actor(desk.citizen))) == [found]
    elsewhere = actions.Filing(
        "water-outage", "complaint", desk.world.city_b.code, "متن", channel=Channel.DESK,
        citizen_name="علی", national_code=NATIONAL_CODE,
    )  # fmt: skip
    with pytest.raises(OutOfScope):
        actions.file_request(actor=clerk, filing=elsewhere)
    with pytest.raises(InvalidRequest) as refused:
        actions.file_request(actor=clerk, filing=actions.Filing("water-outage", "complaint", desk.world.city_a.code,
                                                               "متن", channel=Channel.DESK, citizen_name="علی",
                                                               national_code="1234567890"))  # fmt: skip
    assert refused.value.details == {"field": "national_code"}


def test_a_kind_the_service_does_not_take_is_refused(desk: Desk) -> None:
    filing = actions.Filing("street-repair", "appreciation", desk.world.city_a.code, "ممنون")
    with pytest.raises(InvalidRequest) as refused:
        actions.file_request(actor=desk.actor(desk.citizen), filing=filing)
    assert refused.value.details == {"field": "kind"}


def test_the_public_status_shows_no_personal_data(desk: Desk) -> None:
    found = desk.file()
    assert found.tracking_code is not None
    status = selectors.status_by_code(to_persian_digits(found.tracking_code))
    shown = repr(status)
    assert status.state_label == "به دستگاه مسئول فرستاده شد"
    for secret in (NATIONAL_CODE, "09121234567", "آب محله از دیروز قطع است", desk.citizen.username):
        assert secret not in shown
    wrong = found.tracking_code[:-1] + str((int(found.tracking_code[-1]) + 1) % 10)
    assert selectors.try_status(wrong)[0] is None


def test_inboxes_and_lists_keep_to_organisation_unit_and_owner(desk: Desk) -> None:
    water = desk.file()
    street = desk.file("street-repair")
    assert list(selectors.inbox(desk.actor(desk.water_officer))) == [water]
    assert list(selectors.inbox(desk.actor(desk.city_officer))) == [street]
    assert list(selectors.inbox(desk.actor(desk.power_officer))) == []
    assert list(selectors.inbox(desk.actor(desk.far_officer))) == []
    assert set(selectors.inbox(desk.actor(desk.inspector))) == {water, street}
    assert set(selectors.inbox(desk.actor(desk.clerk))) == {water, street}
    assert list(selectors.mine(desk.actor(desk.other_citizen))) == []


def test_overdue_requests_are_flagged(desk: Desk) -> None:
    found = desk.file(at=SATURDAY - dt.timedelta(days=30))
    officer = desk.actor(desk.water_officer)
    assert selectors.is_overdue(found)
    assert list(selectors.inbox(officer, overdue=True)) == [found]
    fresh = desk.file()
    assert not selectors.is_overdue(fresh)
    assert fresh not in selectors.inbox(officer, overdue=True)


def test_official_holidays_load_once_per_date(desk: Desk) -> None:
    added = actions.load_official_holidays(actor=SYSTEM, year=1405)
    assert added >= 20
    assert Holiday.objects.filter(date=dt.date(2026, 3, 21), name="آغاز نوروز").exists()
    assert actions.load_official_holidays(actor=SYSTEM, year=1405) == 0


def test_the_survey_is_answered_once_after_closing(desk: Desk) -> None:
    found = _answered(desk)
    citizen = desk.actor(desk.citizen)
    with pytest.raises(SurveyRefused):
        actions.rate_request(actor=citizen, request_id=found.pk, score=5)  # answered, not yet closed
    actions.close_request(actor=citizen, request_id=found.pk, at=SATURDAY + dt.timedelta(days=1))
    with pytest.raises(OutOfScope):
        actions.rate_request(actor=desk.actor(desk.other_citizen), request_id=found.pk, score=1)
    with pytest.raises(InvalidRequest):
        actions.rate_request(actor=citizen, request_id=found.pk, score=6)
    rated = actions.rate_request(actor=citizen, request_id=found.pk, score=4, comment="خوب بود")
    assert rated.satisfaction == 4
    with pytest.raises(SurveyRefused):
        actions.rate_request(actor=citizen, request_id=found.pk, score=1)
    assert _events(found)[-1] == ServiceDeskEvent.SURVEY_ANSWERED


def test_likely_duplicates_are_suggested_to_the_inbox(desk: Desk) -> None:
    first = desk.file()
    filing = actions.Filing("water-outage", "complaint", desk.world.city_a.code, "آب محله از ديروز قطع است!")
    second = actions.file_request(actor=desk.actor(desk.other_citizen), filing=filing)
    other = actions.file_request(
        actor=desk.actor(desk.citizen),
        filing=actions.Filing("water-outage", "request", desk.world.city_a.code, "کنتور جدید می‌خواهم"),
    )
    found = selectors.likely_duplicates(desk.actor(desk.water_officer), second)
    assert [r for r, _ in found] == [first]
    assert found[0][1] > 60
    assert other not in [r for r, _ in found]
    assert selectors.likely_duplicates(desk.actor(desk.power_officer), second) == []


def test_an_announced_lunar_date_replaces_the_provisional_one(desk: Desk) -> None:
    actions.load_official_holidays(actor=SYSTEM, year=1405)
    provisional = Holiday.objects.get(name="تاسوعای حسینی", is_provisional=True)
    moved = provisional.date + dt.timedelta(days=1)
    jalali = jdatetime.date.fromgregorian(date=moved)
    line = f"{to_persian_digits(jalali.strftime('%Y/%m/%d'))},تاسوعای حسینی,قمری"
    assert actions.correct_holidays(actor=SYSTEM, text=line) == 1
    assert not Holiday.objects.filter(date=provisional.date, name="تاسوعای حسینی").exists()
    corrected = Holiday.objects.get(name="تاسوعای حسینی")
    assert corrected.date == moved
    assert not corrected.is_provisional
    assert Holiday.objects.filter(date=moved, name="عاشورای حسینی").exists()  # the day it now shares keeps both
    actions.load_official_holidays(actor=SYSTEM, year=1405)  # loading again does not bring the old date back
    assert Holiday.objects.filter(name="تاسوعای حسینی").count() == 1


def test_a_bad_holiday_line_writes_nothing(desk: Desk) -> None:
    with pytest.raises(HolidayFileError):
        actions.correct_holidays(actor=SYSTEM, text="۱۴۰۵/۰۹/۲۰,آلودگی هوا,اعلامی\n۱۴۰۵/۱۳/۰۱,روز ناموجود")
    assert not Holiday.objects.exists()
    with pytest.raises(OutOfScope):
        actions.correct_holidays(actor=desk.actor(desk.clerk), text="۱۴۰۵/۰۹/۲۰,آلودگی هوا,اعلامی")


def test_the_dashboard_sums_each_organisation_with_the_core(desk: Desk) -> None:
    found = _answered(desk)  # registered and answered on Saturday: 0 working days, on time
    actions.close_request(actor=desk.actor(desk.citizen), request_id=found.pk, at=SATURDAY + dt.timedelta(hours=2))
    actions.rate_request(actor=desk.actor(desk.citizen), request_id=found.pk, score=4)
    desk.file(at=SATURDAY - dt.timedelta(days=30))  # still open and long overdue: late whatever happens
    desk.file("street-repair")
    rows = {r.name: r for r in selectors.dashboard(desk.actor(desk.inspector))}
    water = rows["آبفای اراک"]
    assert (water.figures.requests, water.figures.answered, water.open, water.overdue) == (2, 1, 1, 1)
    assert water.figures.median_handling_working_days == 0
    assert water.on_time_percent == 50
    assert water.figures.satisfaction_mean == 4
    assert rows["شهرداری اراک"].figures.on_time_share is None
    assert [r.name for r in selectors.dashboard(desk.actor(desk.power_officer))] == []


def test_the_desk_merges_a_repeat_into_the_original(desk: Desk) -> None:
    original = desk.file()
    repeat = desk.file()
    assert original.tracking_code is not None
    clerk = desk.actor(desk.clerk)
    with pytest.raises(InvalidRequest):
        actions.merge_request(actor=clerk, request_id=repeat.pk, original_code="12345")
    with pytest.raises(RequirementMissing):  # the core refuses a request as its own duplicate
        actions.merge_request(actor=clerk, request_id=repeat.pk, original_code=repeat.tracking_code or "")
    with pytest.raises(OutOfScope):
        actions.merge_request(
            actor=desk.actor(desk.water_officer), request_id=repeat.pk, original_code=original.tracking_code
        )
    merged = actions.merge_request(actor=clerk, request_id=repeat.pk, original_code=original.tracking_code)
    assert merged.state == State.MERGED
    assert merged.organisation is None
    assert _events(repeat)[-1] == ServiceDeskEvent.REQUEST_MERGED
