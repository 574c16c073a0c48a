"""The demo province's participation: the middle rings kept by the demo county's office and the governorate,
a meeting held with its minutes and decisions (one overdue, one done, one open), an assembly to come, and a
circular from the governorate's political directorate to the county office and two district offices — two
have acknowledged, one has not and has had its reminder — plus a district office's report back up.

Made through the actions, as the demo accounts who would do each step. Running it again changes nothing.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from ostan.access.actors import actor_for
from ostan.core.access import Actor, Role
from ostan.core.text import search_key
from ostan.participation import actions
from ostan.participation.entries import (
    CircularEntry,
    DecisionEntry,
    MeetingEntry,
    MinutesEntry,
    StakeholderEntry,
)
from ostan.participation.models import Circular, Meeting, Recipient, Stakeholder

DEMO_SYSTEM = Actor.system("یادآوری نمایشی بخشنامه‌ها")
CIRCULAR_TITLE = "آمادگی ستاد اجرایی خدمات سفر نوروزی"
REPORT_TITLE = "گزارش خسارت بارندگی در روستاهای بخش"
MEETING_TITLE = "نشست فرماندار با رسانه‌ها، معتمدان و فعالان اقتصادی"

STAKEHOLDERS = (
    ("روزنامهٔ همشهری محلی", "media", "دبیر سرویس شهری", "02166000001", "editor@example.org"),
    ("حاج محمود رضایی", "local_trustee", "معتمد محله", "09121110001", ""),
    ("دکتر مریم احمدی", "prominent_figure", "استاد دانشگاه", "09121110002", "ahmadi@example.org"),
    ("کانون منتقدان شهری", "critic", "گروه مردمی", "09121110003", ""),
    ("شرکت سرمایه‌گذاری البرز", "investor", "مدیرعامل", "02166000002", "invest@example.org"),
    ("خانهٔ کارآفرینان جوان", "entrepreneur", "دبیر", "09121110004", ""),
)


def _actor(username: str) -> Actor | None:
    user = get_user_model().objects.filter(username=username).first()
    return actor_for(user) if user is not None else None


def _stakeholders(county: Actor, unit_code: str) -> list[int]:
    ids = []
    for name, ring, affiliation, phone, email in STAKEHOLDERS:
        found = Stakeholder.objects.filter(search_key=search_key(name)).first()
        if found is None:
            found = actions.save_stakeholder(
                actor=county, entry=StakeholderEntry(unit_code, name, ring, affiliation, phone, email, "تهران")
            )
        ids.append(found.pk)
    return ids


def _meetings(county: Actor, governorate: Actor, county_code: str, province_code: str, ids: list[int]) -> None:
    if Meeting.objects.filter(title=MEETING_TITLE).exists():
        return
    today = timezone.localdate()
    meeting = actions.schedule_meeting(
        actor=county,
        entry=MeetingEntry(county_code, MEETING_TITLE, timezone.now() - dt.timedelta(days=12),
                           "۱. گزارش کارهای شاخص فرمانداری\n۲. پرسش‌ها و نقدهای حاضران\n۳. فرصت‌های سرمایه‌گذاری",
                           place="سالن اجتماعات فرمانداری", stakeholder_ids=tuple(ids))
    )  # fmt: skip
    actions.record_minutes(
        actor=county, meeting_id=meeting.pk,
        entry=MinutesEntry(
            "فرماندار گزارش کارهای شاخص را داد؛ منتقدان دربارهٔ پسماند و آب شرب روستاها پرسیدند؛ "
            "سرمایه‌گذار پیشنهاد احیای دو واحد راکد را داد.",
            attended_ids=tuple(ids[:4]),
            decisions=(
                DecisionEntry("گزارش تانکرهای آب روستاهای بی‌آب", "شرکت آب و فاضلاب", today - dt.timedelta(days=4)),
                DecisionEntry("جلسهٔ مشترک پسماند با شهرداری", "شهرداری تهران", today - dt.timedelta(days=6)),
                DecisionEntry("معرفی دو واحد راکد به سرمایه‌گذار", "اداره صنعت، معدن و تجارت",
                              today + dt.timedelta(days=20)),
            ),
        ),
    )  # fmt: skip
    done = meeting.decisions.get(owner="شهرداری تهران")
    actions.mark_decision_done(actor=county, decision_id=done.pk, done_on=today - dt.timedelta(days=2))
    actions.schedule_meeting(
        actor=governorate,
        entry=MeetingEntry(province_code, "همایش سالانهٔ حلقه‌های میانی استان", timezone.now() + dt.timedelta(days=9),
                           "تبیین دستاوردهای دولت و شنیدن نقدها", kind="assembly", place="سالن همایش‌های استانداری")
    )  # fmt: skip


def _circulars(governorate: Actor, district_1: Actor | None, county_code: str) -> list[str]:
    circular = Circular.objects.filter(title=CIRCULAR_TITLE).first()
    if circular is None:
        recipients = _branches(county_code)
        circular = actions.send_circular(
            actor=governorate,
            entry=CircularEntry(
                CIRCULAR_TITLE, "ستادهای خدمات سفر را تا پایان هفته تشکیل دهید و فهرست اعضا را گزارش کنید.",
                "urgent", timezone.now() + dt.timedelta(days=3), tuple(recipients),
            ),
        )  # fmt: skip
        copies = list(circular.recipients.select_related("office").order_by("office__code"))
        for copy in copies[:-1]:  # all but the last district office acknowledge
            actions.acknowledge(actor=_office_actor(copy), copy_id=copy.pk, note="ابلاغ شد")
        reminder_at = circular.sent_at + (circular.deadline_at - circular.sent_at) * 6 / 10
        actions.queue_reminders(actor=DEMO_SYSTEM, at=reminder_at)
    if district_1 is not None and not Circular.objects.filter(title=REPORT_TITLE).exists():
        county_office = Recipient.objects.filter(circular=circular, office__kind="county_office").get().office
        actions.send_circular(
            actor=district_1,
            entry=CircularEntry(REPORT_TITLE, "بارندگی دیشب به دو روستای بخش آسیب زد؛ گزارش پیوست است.",
                                "very_urgent", timezone.now() + dt.timedelta(days=1), (county_office.code,),
                                kind="report"),
        )  # fmt: skip
    waiting = circular.recipients.filter(acknowledged_at__isnull=True).select_related("office")
    return [f"«{CIRCULAR_TITLE}»: {circular.recipients.count()} گیرنده، در انتظار تأیید: "
            + "، ".join(c.office.name for c in waiting)]  # fmt: skip


def _branches(county_code: str) -> list[str]:
    from ostan.access.models import Organisation

    county = Organisation.objects.get(code=f"CO-{county_code}")
    districts = Organisation.objects.filter(parent=county, kind="district_office").order_by("code")[:2]
    return [county.code, *(d.code for d in districts)]


def _office_actor(copy: Recipient) -> Actor:
    from ostan.access.models import Post

    post = (
        Post.objects.filter(organisation=copy.office, role=Role.GOVERNOR, ends_at__isnull=True)
        .select_related("person")
        .first()
    )
    assert post is not None, f"no demo account at {copy.office}"
    return actor_for(post.person)


def create_demo_participation(*, province_code: str, county_code: str) -> list[str]:
    county, governorate = _actor("demo_governor"), _actor("demo_governorate")
    if county is None or governorate is None:
        return []
    ids = _stakeholders(county, county_code)
    _meetings(county, governorate, county_code, province_code, ids)
    lines = [f"{len(ids)} ذی‌نفع از حلقه‌های میانی؛ یک نشست با صورتجلسه و سه مصوبه (یکی معوق) و یک همایش پیش رو"]
    lines += _circulars(governorate, _actor("demo_district"), county_code)
    return lines
