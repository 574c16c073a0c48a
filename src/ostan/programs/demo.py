"""The demo province's key projects: projects of the demo فرماندار and بخشدار (and of a second county, so the
roll-up has rows) in every status, with reports and evidence; the second county listed as deprived; outcome
figures by season for two years with the last year released by the information council; a few published
experiences, one adopted; and the demo citizen's critiques, one answered by the county office in the
desk's inbox.

Made through the actions, as the demo accounts who would do each step; running it again changes nothing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import jdatetime
from django.contrib.auth import get_user_model
from django.utils import timezone

from ostan.access.actors import actor_for
from ostan.access.models import Organisation
from ostan.accounts import actions as accounts
from ostan.accounts.demo import DEMO_PASSWORD
from ostan.core.access import Actor, Role
from ostan.programs import actions, models
from ostan.programs.entries import ExperienceEntry, IndicatorEntry, MilestoneEntry, ProgressEntry, ProjectEntry
from ostan.programs.evidence import Upload
from ostan.servicedesk import actions as desk
from ostan.territory.models import Unit, UnitKind

DEMO_SYSTEM = Actor.system("بارگذاری دادهٔ نمایشی کارهای شاخص")
# A 1×1 PNG: the demo's photo evidence (checked by its bytes like any upload).
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005fe02fea7d6a4c80000000049454e44ae426082"
)
ACCOUNTS = (
    ("demo_bakhshdar", "بخشدار (نمایشی)", Role.GOVERNOR, "district"),
    ("demo_council", "دبیرخانهٔ شورای اطلاع‌رسانی استان (نمایشی)", Role.INFORMATION_COUNCIL, "province"),
    ("demo_office_answers", "کارشناس پاسخ‌گویی فرمانداری (نمایشی)", Role.AGENCY_OFFICER, "county"),
)


def _actor(username: str) -> Actor:
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise LookupError(f"demo account {username} is missing: load the demo accounts first")
    return actor_for(user)


def _accounts(places: dict[str, Unit], county_office: Organisation) -> list[tuple[str, str, str]]:
    admin = _actor("demo_admin")
    made = []
    for username, name, role, place in ACCOUNTS:
        if not get_user_model().objects.filter(username=username).exists():
            accounts.create_staff_account(
                actor=admin, username=username, full_name=name, role=role, unit=places[place], password=DEMO_PASSWORD,
                organisation=county_office if role is Role.AGENCY_OFFICER else None, must_change_password=False,
            )  # fmt: skip
        made.append((username, name, places[place].name))
    return made


def _plan() -> list[tuple[str, str, str, int, int, list[tuple[str, int, bool]], tuple[int, int, int]]]:
    """(title, challenge, owner, start days ago, length in days, milestones (title, due day offset, done),
    indicator (baseline, target, latest reading))."""
    return [
        ("ساماندهی پسماند و تعطیلی محل دفن غیربهداشتی", "waste", "county", 400, 330,
         [("خرید خودروهای حمل", 60, True), ("ایستگاه انتقال", 200, True), ("بستن محل دفن", 320, True)], (120, 10, 10)),
        ("اشتغال ۵۰۰ جوان در شهرک صنعتی", "jobs", "county", 60, 300,
         [("فراخوان سرمایه‌گذاران", 30, True), ("واگذاری زمین", 120, False)], (0, 500, 110)),
        ("بازآفرینی محله‌های حاشیه‌ای", "marginal_settlements", "county", 150, 300,
         [("شناسایی خانوارها", 40, True), ("سند مالکیت", 200, False), ("آسفالت معابر", 280, False)],
         (2400, 1200, 2100)),
        ("راه‌اندازی دوبارهٔ طرح‌های نیمه‌تمام", "stalled_projects", "county", 420, 360,
         [("فهرست طرح‌ها", 30, True), ("تأمین اعتبار", 200, False)], (0, 20, 6)),
        ("جذب سرمایه‌گذار برای منطقهٔ ویژه", "investment", "county", -20, 300,
         [("بستهٔ سرمایه‌گذاری", 60, False)], (0, 30, 0)),
        ("آبرسانی به روستاهای بخش", "deprived_areas", "district", 90, 365,
         [("طراحی شبکه", 30, True), ("لوله‌گذاری", 200, False)], (10, 45, 22)),
        ("ساماندهی پسماند روستایی", "waste", "other", 100, 300,
         [("سطل‌گذاری", 30, True), ("خودروی حمل", 90, False)], (60, 15, 50)),
        ("اشتغال روستایی با صنایع دستی", "jobs", "other", 200, 365,
         [("آموزش", 50, True), ("بازارچه", 150, True), ("فروش برخط", 300, False)], (0, 300, 190)),
    ]  # fmt: skip


def _projects(places: dict[str, Unit], actors: dict[str, Actor], now: dt.datetime) -> list[models.KeyProject]:
    today = timezone.localdate(now)
    made: list[models.KeyProject] = []
    for title, challenge, owner, ago, length, steps, (baseline, target, reading) in _plan():
        starts = today - dt.timedelta(days=ago)
        entry = ProjectEntry(
            unit_code=places[owner].code, title=title, challenge=challenge, goals=f"هدف: {title}",
            starts_on=starts, ends_on=starts + dt.timedelta(days=length),
            milestones=tuple(MilestoneEntry(t, starts + dt.timedelta(days=d)) for t, d, _ in steps),
            indicators=(IndicatorEntry("شاخص اصلی", Decimal(baseline), Decimal(target)),),
            budget=Decimal(1000 * (len(made) + 1)),
        )  # fmt: skip
        actor = actors[owner]
        project = actions.create_project(actor=actor, entry=entry, at=now - dt.timedelta(days=max(ago, 0)))
        if ago > 0:
            done = tuple(m.pk for m, (_, _, is_done) in zip(project.milestones.order_by("due_on"), steps, strict=True)
                         if is_done)  # fmt: skip
            day = min(today, starts + dt.timedelta(days=max(d for _, d, is_done in steps if is_done) if done else 1))
            indicator = project.indicators.get()
            report = ProgressEntry(
                reported_on=max(day, starts), text="گزارش پیشرفت: کارهای این دوره انجام شد.", done_milestone_ids=done,
                readings={indicator.pk: Decimal(reading)}, evidence=(Upload("عکس-بازدید.png", PNG),),
            )  # fmt: skip
            actions.report_progress(actor=actor, project_id=project.pk, entry=report, at=now)
        made.append(project)
    return made


def _outcomes(places: dict[str, Unit], office: Actor, council: Actor, today: dt.date) -> int:
    year: int = jdatetime.date.fromgregorian(date=today).year
    figures = {"anonymous_permits": 140, "investors_started": 9, "investor_capital": 4, "idle_units_restarted": 27,
               "units_full_capacity": 130, "stalled_projects": 19, "stalled_projects_restarted": 2}  # fmt: skip
    for y in (year - 1, year):
        for code, base in figures.items():
            if code != "stalled_projects":
                actions.record_outcome(actor=office, figure_code=code, kind="target", unit_code=places["province"].code,
                                       period_key=str(y), value=Decimal(base * 9))  # fmt: skip
            for county, share in (("county", 3), ("other", 1)):
                quarters = 4 if y < year else max(1, (jdatetime.date.fromgregorian(date=today).month - 1) // 3 + 1)
                for q in range(1, quarters + 1):
                    value = Decimal(base * share // 4 + q) if code != "stalled_projects" else Decimal(base * share)
                    period = f"{y}-Q{q}" if code != "stalled_projects" else str(y)
                    if code == "stalled_projects" and q > 1:
                        continue
                    actions.record_outcome(actor=office, figure_code=code, kind="actual",
                                           unit_code=places[county].code, period_key=period, value=value)  # fmt: skip
    actions.publish_achievements(
        actor=council, unit_code=places["province"].code, year=year - 1,
        statement="دستاوردهای سال گذشته به همان شاخص‌هایی که وزیر کشور گزارش می‌کند.",
    )  # fmt: skip
    return year - 1


def _library(projects: list[models.KeyProject], actors: dict[str, Actor], now: dt.datetime) -> None:
    finished = projects[0]
    experience = actions.publish_experience(
        actor=actors["county"], project_id=finished.pk, at=now,
        entry=ExperienceEntry(
            problem="محل دفن غیربهداشتی کنار رودخانه و پسماند رهاشده در حاشیهٔ شهر.",
            what_was_done="خرید خودروهای حمل، ساخت ایستگاه انتقال، بستن و بازسازی محل دفن.",
            cost="۴۵ میلیارد ریال", results="پسماند رهاشده از ۱۲۰ به ۱۰ تن در روز رسید.",
            contacts="دفتر فنی فرمانداری، تلفن ۰۲۱-۰۰۰۰۰۰۰۰",
        ),
    )  # fmt: skip
    follower = next(p for p in projects if p.title == "ساماندهی پسماند روستایی")
    actions.adopt_experience(actor=DEMO_SYSTEM, project_id=follower.pk, experience_id=experience.pk, at=now)


def _critiques(projects: list[models.KeyProject], citizen: Actor, answerer: Actor, office: Organisation) -> None:
    first = actions.file_critique(actor=citizen, kind="criticism", project_id=projects[2].pk,
                                  text="سند مالکیت خانوارهای محلهٔ ما هنوز صادر نشده است.")  # fmt: skip
    desk.accept_request(actor=answerer, request_id=first.request_id)
    desk.answer_request(actor=answerer, request_id=first.request_id,
                        answer="پرونده‌ها به ادارهٔ ثبت رفته و سندها تا پایان فصل صادر می‌شود.")  # fmt: skip
    actions.file_critique(actor=citizen, kind="suggestion", project_id=projects[1].pk,
                          text="پیشنهاد می‌کنم سهمی از شغل‌ها برای زنان سرپرست خانوار باشد.")  # fmt: skip
    actions.file_critique(actor=citizen, kind="criticism", office_code=office.code,
                          text="پاسخ نامه‌ها در دبیرخانهٔ فرمانداری دیر داده می‌شود.")  # fmt: skip


def create_demo_programs(
    *, province_code: str, county_code: str, other_county_code: str, county_office: Organisation,
    citizen_username: str,
) -> list[str]:  # fmt: skip
    """Create (or find) the programmes' demo data; lines to print."""
    county = Unit.objects.get(code=county_code)
    district = Unit.objects.filter(parent=county, kind=UnitKind.DISTRICT).order_by("code").first() or county
    places = {"province": Unit.objects.get(code=province_code), "county": county,
              "other": Unit.objects.get(code=other_county_code), "district": district}  # fmt: skip
    made_accounts = _accounts(places, county_office)
    if not models.KeyProject.objects.exists():
        now = timezone.now()
        office = _actor("demo_governorate")
        actions.set_deprivation(actor=office, unit_code=places["other"].code, score=72,
                                note="فهرست مناطق کمتر توسعه‌یافتهٔ استان")  # fmt: skip
        actors = {"county": _actor("demo_governor"), "district": _actor("demo_bakhshdar"), "other": DEMO_SYSTEM}
        projects = _projects(places, actors, now)
        _outcomes(places, office, _actor("demo_council"), timezone.localdate(now))
        _library(projects, actors, now)
        _critiques(projects, _actor(citizen_username), _actor("demo_office_answers"), county_office)
    lines = [
        f"{models.KeyProject.objects.count()} key projects at /programs/ (every status, reasons shown), "
        f"{models.Experience.objects.count()} published experience(s) at /programs/library/, "
        f"{models.Critique.objects.count()} critiques at /programs/offices/",
        "Accounts (password as above): " + "; ".join(f"{u} — {n}, {p}" for u, n, p in made_accounts),
        "demo_governor (فرماندار): create and report projects, adopt experiences; demo_bakhshdar: the district's own",
        "demo_governorate (governor's office): /programs/rollup/ (deprived first), /programs/deprivation/, "
        "/programs/outcomes/",
        "demo_council: publish the year's achievements at /programs/outcomes/; public page /programs/achievements/",
        "demo_office_answers: answers critiques in the desk's inbox /desk/inbox/; the citizen files them from a "
        "project's page",
    ]
    return lines
