"""The demo province's service desk: a catalogue of services, this Jalali year's official holidays, and a
few dozen requests in every state, filed by the demo citizen online and by the demo clerk at the desk,
handled by the demo officers of the water company and the municipality.

Made through the actions, as the demo accounts who would do each step (the catalogue and holidays as the
system). Running it again changes nothing.
"""

from __future__ import annotations

import datetime as dt

import jdatetime
from django.contrib.auth import get_user_model
from django.utils import timezone

from ostan.access.actors import actor_for
from ostan.access.kinds import OrganisationKind as K
from ostan.core import national_code
from ostan.core.access import Actor
from ostan.core.servicedesk import RequestKind as R
from ostan.servicedesk import actions
from ostan.servicedesk.demo_history import load_history
from ostan.servicedesk.entries import Filing, ServiceEntry
from ostan.servicedesk.models import Channel, Holiday, Open311Key, ReplyTemplate, Service, ServiceRequest
from ostan.servicedesk.open311 import key_hash
from ostan.servicedesk.replies import save_reply_template
from ostan.territory.models import Unit

DEMO_SYSTEM = Actor.system("بارگذاری دادهٔ نمایشی میز خدمت")
ALL = tuple(k.value for k in R)
DEMO_OPEN311_NAME = "سامانه ۱۳۷ شهرداری (نمایشی)"
DEMO_OPEN311_KEY = "demo-open311-key-for-trying-only-0001"
COMPLAINTS = (R.REQUEST.value, R.COMPLAINT.value, R.CRITICISM.value, R.SUGGESTION.value, R.QUESTION.value,
              R.APPRECIATION.value)  # fmt: skip


def _services(governorate_code: str) -> list[ServiceEntry]:
    s = ServiceEntry
    return [
        s(
            "water-connection",
            "انشعاب آب و فاضلاب",
            (R.REQUEST.value, R.QUESTION.value),
            K.WATER_WASTEWATER,
            description="درخواست انشعاب تازهٔ آب یا فاضلاب برای ملک مسکونی یا تجاری.",
            required_documents="تصویر کارت ملی\nسند یا قرارداد مالکیت\nپروانهٔ ساختمانی یا پایان‌کار",
            steps="ثبت درخواست\nبازدید کارشناس\nصدور صورتحساب\nنصب انشعاب",
            cost="طبق تعرفهٔ مصوب",
            working_days=15,
        ),
        s(
            "water-outage",
            "قطعی، افت فشار یا کیفیت آب",
            COMPLAINTS,
            K.WATER_WASTEWATER,
            description="گزارش قطعی، افت فشار، نشت لوله یا کیفیت نامناسب آب آشامیدنی.",
            steps="ثبت گزارش\nاعزام اکیپ\nاعلام نتیجه",
            working_days=3,
        ),
        s(
            "power-connection",
            "انشعاب برق",
            (R.REQUEST.value, R.QUESTION.value),
            K.ELECTRICITY,
            required_documents="تصویر کارت ملی\nمدرک مالکیت\nپروانهٔ ساختمانی",
            cost="طبق تعرفهٔ مصوب",
            steps="ثبت درخواست\nبازدید\nپرداخت هزینه\nنصب کنتور",
            working_days=15,
        ),
        s(
            "power-outage",
            "خاموشی و روشنایی معابر",
            COMPLAINTS,
            K.ELECTRICITY,
            description="خاموشی، نوسان برق یا خرابی چراغ‌های روشنایی خیابان.",
            working_days=3,
        ),
        s(
            "gas-connection",
            "انشعاب گاز",
            (R.REQUEST.value, R.QUESTION.value),
            K.GAS,
            required_documents="تصویر کارت ملی\nتأییدیهٔ نظام مهندسی\nمدرک مالکیت",
            cost="طبق تعرفهٔ مصوب",
            working_days=15,
        ),
        s(
            "building-permit",
            "پروانهٔ ساختمانی",
            (R.REQUEST.value, R.QUESTION.value, R.COMPLAINT.value),
            K.MUNICIPALITY,
            required_documents="سند مالکیت\nنقشه‌های مصوب\nتصویر کارت ملی مالک",
            steps="ثبت درخواست\nبررسی در کمیسیون\nمحاسبهٔ عوارض\nصدور پروانه",
            cost="عوارض مصوب شورای شهر",
            working_days=20,
        ),
        s("waste-collection", "جمع‌آوری پسماند و نظافت معابر", COMPLAINTS, K.MUNICIPALITY, working_days=5),
        s("street-repair", "آسفالت و ترمیم معابر", ALL, K.MUNICIPALITY, working_days=10),
        s(
            "school-enrolment",
            "ثبت‌نام و نقل‌وانتقال دانش‌آموز",
            (R.REQUEST.value, R.QUESTION.value, R.COMPLAINT.value),
            K.EDUCATION,
            required_documents="شناسنامهٔ دانش‌آموز\nکارنامهٔ سال قبل",
            working_days=7,
        ),
        s(
            "welfare-support",
            "حمایت و مستمری بهزیستی",
            (R.REQUEST.value, R.QUESTION.value, R.COMPLAINT.value),
            K.WELFARE,
            required_documents="تصویر کارت ملی\nگواهی پزشکی یا کمیسیون",
            working_days=15,
        ),
        s("health-complaint", "شکایت از خدمات بهداشتی و درمانی", COMPLAINTS, K.HEALTH, working_days=10),
        s("rural-roads", "راه روستایی و ایمنی جاده", ALL, K.ROADS, working_days=15),
        s(
            "governorate-feedback",
            "پیشنهاد، انتقاد و تقدیر از استانداری",
            ALL,
            organisation_code=governorate_code,
            working_days=10,
        ),
        s(
            "citizen-ideas",
            "ایده‌ها و طرح‌های شهروندان",
            (R.IDEA.value, R.SUGGESTION.value),
            description="ایده‌ای برای بهتر شدن شهر یا روستا؛ میز خدمت آن را به دستگاه مناسب می‌فرستد.",
            working_days=10,
        ),
    ]


def _person(username: str) -> Actor:
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise LookupError(f"demo account {username} is missing: load the demo accounts first")
    return actor_for(user)


def create_demo_servicedesk(*, governorate_code: str, citizen_username: str) -> list[str]:
    """Create (or find) the catalogue, the holidays and the demo requests; lines to print."""
    year = jdatetime.date.today().year
    first: dt.date = jdatetime.date(year, 1, 1).togregorian()
    if not Holiday.objects.filter(date__gte=first, date__lt=first + dt.timedelta(days=366)).exists():
        actions.load_official_holidays(actor=DEMO_SYSTEM, year=year)
    for entry in _services(governorate_code):
        if not Service.objects.filter(code=entry.code).exists():
            actions.save_service(actor=DEMO_SYSTEM, entry=entry)
    if not ServiceRequest.objects.exists():
        _requests(citizen_username)
    _open311()
    _history()
    _templates()
    counts = {s: ServiceRequest.objects.filter(state=s).count() for s in ServiceRequest.objects.values_list(
        "state", flat=True).distinct()}  # fmt: skip
    sample = ServiceRequest.objects.filter(citizen__isnull=False).order_by("pk").first()
    lines = [
        f"{Service.objects.count()} services at /desk/, {Holiday.objects.count()} holidays, "
        f"{ServiceRequest.objects.count()} requests ({', '.join(f'{k}: {v}' for k, v in sorted(counts.items()))})",
        "Inboxes at /desk/inbox/ as demo_agency (water), demo_agency_city (municipality), demo_desk, demo_inspection",
        f"  {citizen_username} (citizen): file online with attachments at /desk/file/, follow at /desk/mine/, answer "
        "questions, close, reopen, the survey",
        "  demo_desk (desk clerk): file for a citizen at the desk, by phone or from a scanned letter; route, merge",
        "  demo_agency, demo_agency_city (agency officers): the inbox, answer with files, ask, refer, «not ours»; "
        "reply templates at /desk/templates/; exports from the inbox",
        "  demo_inspection (inspection office): deadlines across the province, escalations at /desk/escalations/, "
        "the dashboard by organisation, county (map), service and month at /desk/dashboard/",
        "  demo_admin: import the catalogue from CSV/XLSX at /desk/catalogue/import/; the deadline job runs with "
        "manage.py desk_deadlines (cron) or desk_deadlines --now",
        "Search from the inbox's box, e.g. as demo_inspection: /desk/inbox/?state=all&q=زباله (Arabic"
        " ي/ك and any digits alike; on PostgreSQL «زبالع», a letter wrong, too), filters for unit, service, dates",
    ]
    if sample is not None:
        lines.append(f"Status page: /desk/track/?code={sample.tracking_code}")
    lines.append(
        f"Open311 at /open311/v2/ (services.json, requests.json, …); filing key for the demo only: {DEMO_OPEN311_KEY}"
        " (keys at /desk/open311-keys/ as demo_admin)"
    )
    return lines


def _history() -> None:
    """A few hundred older requests in bulk (ostan.servicedesk.demo_history), once."""
    if ServiceRequest.objects.filter(citizen_name__startswith="شهروند پیشین").exists():
        return
    city = ServiceRequest.objects.filter(service__code="street-repair").values_list("unit__code", flat=True).first()
    county = ServiceRequest.objects.filter(service__code="water-outage").exclude(unit__code=city).values_list(
        "unit__code", flat=True).first()  # fmt: skip
    if city is None or county is None:
        return
    province = Unit.objects.get(code=county).parent
    others = list(Unit.objects.filter(parent=province).exclude(code=county).order_by("code").values_list(
        "code", flat=True)[:3]) if province is not None else []  # fmt: skip
    load_history(actor=DEMO_SYSTEM, unit_codes=[city, county, city, county, city, *others])


def _templates() -> None:
    """Reply templates of the demo's water company: an answer and a question its officer picks from the page."""
    water = ServiceRequest.objects.filter(service__code="water-outage", organisation__isnull=False).values_list(
        "organisation__code", flat=True).first()  # fmt: skip
    if water is None or ReplyTemplate.objects.filter(organisation__code=water).exists():
        return
    for step, state, title, text in (
        (
            "answer",
            "in_progress",
            "رفع قطعی",
            "قطعی آب محل شما برطرف شد. اگر باز هم مشکلی هست، درخواست {کد} را بازگشایی کنید.",
        ),
        (
            "ask",
            "",
            "نشانی دقیق",
            "برای اعزام اکیپ، نشانی دقیق و پلاک را بنویسید؛ مهلت پاسخ تا رسیدن پاسخ شما متوقف است.",
        ),
    ):
        save_reply_template(actor=DEMO_SYSTEM, organisation_code=water, step=step, state=state, title=title, text=text)


def _open311() -> None:
    """The demo's integrator key (a fixed one, so the printed key works after every load) and one request
    another system filed with it."""
    key = Open311Key.objects.filter(key_hash=key_hash(DEMO_OPEN311_KEY)).first()
    if key is None:
        key, _ = actions.create_open311_key(actor=DEMO_SYSTEM, name=DEMO_OPEN311_NAME, raw=DEMO_OPEN311_KEY)
    if ServiceRequest.objects.filter(channel=Channel.OPEN311).exists():
        return
    unit = ServiceRequest.objects.filter(service__code="street-repair").values_list("unit__code", flat=True).first()
    if unit is None:
        return
    filing = Filing(
        "street-repair", R.COMPLAINT.value, unit, "گزارش از سامانهٔ ۱۳۷ شهرداری: چاله در خیابان اصلی.",
        channel=Channel.OPEN311,
    )  # fmt: skip
    actions.file_request(actor=Actor.system(f"Open311: {key.name}"), filing=filing)


KINDS = {
    "water-outage": R.COMPLAINT.value,
    "water-connection": R.REQUEST.value,
    "waste-collection": R.COMPLAINT.value,
    "street-repair": R.COMPLAINT.value,
    "building-permit": R.REQUEST.value,
    "citizen-ideas": R.IDEA.value,
}


def _unit_code(actor: Actor) -> str:
    assert actor.unit_id is not None
    return Unit.objects.get(pk=actor.unit_id).code


def _merged(clerk: Actor, county_code: str, at: dt.datetime) -> None:
    """A phoned-in repeat of a complaint already filed: the desk merges it into the first."""
    first = ServiceRequest.objects.filter(service__code="water-outage", state="assigned").order_by("pk").first()
    if first is None or first.tracking_code is None:
        return
    filing = Filing(
        "water-outage", "complaint", county_code, "از دیروز آب کوچه قطع است، اطلاعیه‌ای هم نبود.",
        channel=Channel.PHONE, citizen_name="شهروند نمایشی تلفنی", national_code=national_code.from_serial(4_100_000),
    )  # fmt: skip
    repeat = actions.file_request(actor=clerk, filing=filing, at=at)
    actions.merge_request(actor=clerk, request_id=repeat.pk, original_code=first.tracking_code, at=at)


def _requests(citizen_username: str) -> None:
    citizen, clerk = _person(citizen_username), _person("demo_desk")
    water, municipality = _person("demo_agency"), _person("demo_agency_city")
    city_code, county_code = _unit_code(municipality), _unit_code(water)
    now = timezone.now()
    texts = {
        "water-outage": "از دیروز آب کوچهٔ ما قطع است و هیچ اطلاعیه‌ای هم داده نشده بود.",
        "water-connection": "برای واحد تازه‌سازمان درخواست انشعاب آب دارم.",
        "waste-collection": "سطل زبالهٔ سر کوچه سه روز است خالی نشده و بوی بد می‌دهد.",
        "street-repair": "چاله‌های خیابان اصلی محله خطرناک شده و ماشین‌ها آسیب می‌بینند.",
        "building-permit": "پرونده پروانهٔ ساختمانی من دو ماه است بی‌پاسخ مانده است.",
        "citizen-ideas": "پیشنهاد می‌کنم کنار پارک محله یک کتابخانهٔ کوچک ساخته شود.",
    }
    officers = {"water-outage": water, "water-connection": water, "waste-collection": municipality,
                "street-repair": municipality, "building-permit": municipality}  # fmt: skip
    # (service, unit, days ago, how far its life went)
    plan = []
    services = list(texts)
    stages = ["assigned", "in_progress", "awaiting", "answered", "closed", "returned", "reopened"]
    for i in range(36):
        service = services[i % len(services)]
        stage = "registered" if service == "citizen-ideas" else stages[i % len(stages)]
        if service == "citizen-ideas" and (i // len(services)) % 2:
            stage = "not_ours"
        unit = county_code if service.startswith("water") and i % 3 == 0 else city_code
        plan.append((service, unit, 1 + (i * 7) % 25, stage, i))
    _run_plan(plan, citizen, clerk, officers, texts, now)
    _merged(clerk, county_code, now - dt.timedelta(hours=3))


def _run_plan(
    plan: list[tuple[str, str, int, str, int]],
    citizen: Actor,
    clerk: Actor,
    officers: dict[str, Actor],
    texts: dict[str, str],
    now: dt.datetime,
) -> None:
    for service, unit, days_ago, stage, i in plan:
        at = now - dt.timedelta(days=days_ago, hours=i % 5)
        kind = KINDS[service]
        online = i % 2 == 0
        filing = Filing(
            service, kind, unit, texts[service],
            channel=Channel.ONLINE if online else (Channel.DESK, Channel.PHONE, Channel.LETTER)[i % 3],
            citizen_name="" if online else f"شهروند نمایشی {i}", national_code="" if online else
            national_code.from_serial(4_000_000 + i), mobile="" if online else "09121234567",
        )  # fmt: skip
        found = actions.file_request(actor=citizen if online else clerk, filing=filing, at=at)
        officer = officers.get(service)
        t = at + dt.timedelta(hours=2)
        if stage == "not_ours":
            actions.declare_not_ours(actor=clerk, request_id=found.pk, responsible_body="شورای اسلامی شهر", at=t)
            continue
        if officer is None or found.organisation_id is None or stage == "assigned":
            continue
        if stage == "returned":
            actions.return_not_ours(actor=officer, request_id=found.pk, responsible_body="ادارهٔ راه و شهرسازی", at=t)
            continue
        actions.accept_request(actor=officer, request_id=found.pk, at=t)
        if stage == "in_progress":
            continue
        t += dt.timedelta(hours=3)
        actions.ask_citizen(actor=officer, request_id=found.pk, question="نشانی دقیق و پلاک را بنویسید.", at=t)
        if stage == "awaiting":
            continue
        t += dt.timedelta(hours=5)
        responder = citizen if online else clerk
        actions.provide_information(actor=responder, request_id=found.pk, text="پلاک ۱۲، کوچهٔ یاس.", at=t)
        t += dt.timedelta(hours=4)
        answer = "کارشناسان ما بازدید کردند و کار تا پایان هفته انجام می‌شود."
        actions.answer_request(actor=officer, request_id=found.pk, answer=answer, at=t)
        if stage == "answered":
            continue
        t += dt.timedelta(hours=1)
        if stage == "reopened" and online:
            actions.reopen_request(actor=citizen, request_id=found.pk, reason="هنوز کاری انجام نشده است.", at=t)
            continue
        actions.close_request(actor=responder, request_id=found.pk, at=t)
        if online:
            score = 5 - i % 4
            actions.rate_request(actor=citizen, request_id=found.pk, score=score, at=t + dt.timedelta(hours=1))
