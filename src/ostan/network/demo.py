"""The demo county's neighbourhood network: three neighbourhoods of its first city and one village with
development councils, the county network (the فرماندار heading, the mayor as secretary) and the
provincial steering council; institutions' actions with progress and a photo; a likely overlap between
the mosque's and the Relief Committee's food parcels; a council with no action (a gap); an active flood.

Made through the actions (as the system, the progress as the demo mosque representative, the overlap
search as the demo فرماندار). Running it again changes nothing.
"""

from __future__ import annotations

import datetime as dt
import io

import jdatetime
from django.contrib.auth import get_user_model
from django.utils import timezone
from PIL import Image

from ostan.access.actors import actor_for
from ostan.access.models import Organisation
from ostan.core.access import Actor
from ostan.network import actions
from ostan.network.actions import ActionEntry, Upload
from ostan.network.models import Action, Council, Crisis, Plan
from ostan.territory import actions as territory
from ostan.territory.models import PATH_SEPARATOR, Unit, UnitKind

DEMO_SYSTEM = Actor.system("بارگذاری دادهٔ نمایشی شبکهٔ محله‌محور")
NEIGHBOURHOODS = ("نارمک", "تهرانپارس", "پیروزی")
CENTRE = (51.50, 35.73)  # where the demo outlines are drawn when the city has no coordinates


def _user_actor(username: str) -> Actor:
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise LookupError(f"demo account {username} is missing: load the demo accounts first")
    return actor_for(user)


def _organisation(prefix: str, county: Unit, city: Unit) -> Organisation:
    found = Organisation.objects.filter(code__in=[f"{prefix}-{city.code}", f"{prefix}-{county.code}"]).first()
    if found is None:
        raise LookupError(f"demo organisation {prefix} is missing: load the demo organisations first")
    return found


def _neighbourhoods(city: Unit) -> list[Unit]:
    found = []
    for name in NEIGHBOURHOODS:
        unit = Unit.objects.filter(parent=city, kind=UnitKind.NEIGHBOURHOOD, name=name).first()
        found.append(unit or territory.create_neighbourhood(actor=DEMO_SYSTEM, city=city, name=name))
    return found


def _council(unit: Unit) -> Council:
    return Council.objects.filter(unit=unit).first() or actions.form_council(actor=DEMO_SYSTEM, unit=unit)


def _square(lon: float, lat: float, size: float = 0.012) -> bytes:
    ring = [[lon, lat], [lon + size, lat], [lon + size, lat + size * 0.8], [lon, lat + size * 0.8], [lon, lat]]
    return ('{"type": "Polygon", "coordinates": [' + str(ring) + "]}").encode()


def _photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (30, 120, 80)).save(out, format="PNG")
    return out.getvalue()


def create_demo_network(*, county_code: str) -> list[str]:
    county = Unit.objects.get(code=county_code)
    city = (
        Unit.objects.filter(path__startswith=county.path + PATH_SEPARATOR, kind=UnitKind.CITY).order_by("path").first()
    )
    village = (
        Unit.objects.filter(path__startswith=county.path + PATH_SEPARATOR, kind=UnitKind.VILLAGE)
        .order_by("path")
        .first()
    )
    if city is None or county.parent is None:
        return ["(no city in the demo county: the network demo was skipped)"]
    places = _neighbourhoods(city)
    local = [_council(u) for u in [*places, *([village] if village else [])]]
    network, steering = _council(county), _council(county.parent)
    if not network.members.exists():
        _members(network, steering, county, city)
    lon, lat = (city.longitude or CENTRE[0]), (city.latitude or CENTRE[1])
    for i, unit in enumerate(places):
        if not hasattr(unit, "network_boundary"):
            actions.import_boundary(actor=DEMO_SYSTEM, unit=unit, data=_square(lon + i * 0.013, lat))
    if not Action.objects.filter(unit__in=places).exists():
        _actions(local, county, city)
    if not Crisis.objects.filter(county=county).exists():
        _crisis(county, city, places, village)
    return [
        f"{Council.objects.count()} councils; {Action.objects.count()} actions; the county network at "
        f"/network/u/{county.code}/dashboard/ (3W at /network/u/{county.code}/3w/)",
        "demo_institution (mosque representative): report progress with a photo on the mosque's action",
        "demo_redcrescent (Red Crescent representative): its own actions and crisis tasks; not the mosque's notes",
        "demo_secretary (council secretary): plans, members and actions of the neighbourhood councils",
        "demo_governor (فرماندار, county network): 3W, overlaps to resolve, gaps, the active crisis and its report",
    ]


def _members(network: Council, steering: Council, county: Unit, city: Unit) -> None:
    office = Organisation.objects.filter(code=f"CO-{county.code}").first()
    mayor = Organisation.objects.filter(code=f"MUN-{city.code}").first()
    governorate = Organisation.objects.filter(kind="governorate", seat=county.parent).first()
    if office:
        actions.add_member(actor=DEMO_SYSTEM, council_id=network.pk, full_name="فرماندار (نمایشی)", position="head",
                           organisation_code=office.code)  # fmt: skip
    if mayor:
        actions.add_member(actor=DEMO_SYSTEM, council_id=network.pk, full_name="شهردار (نمایشی)", position="secretary",
                           organisation_code=mayor.code)  # fmt: skip
    if governorate:
        actions.add_member(actor=DEMO_SYSTEM, council_id=steering.pk, full_name="استاندار (نمایشی)", position="head",
                           organisation_code=governorate.code)  # fmt: skip


def _actions(local: list[Council], county: Unit, city: Unit) -> None:
    today = timezone.localdate()
    year = jdatetime.date.fromgregorian(date=today).year
    mosque, relief = _organisation("MOSQUE-1", county, city), _organisation("RELIEF", county, city)
    red, school = _organisation("REDCRESCENT", county, city), _organisation("SCHOOL-1", county, city)
    basij, municipality = _organisation("BASIJ-1", county, city), _organisation("MUN", county, city)
    plans = []
    for council in local:
        plan = Plan.objects.filter(council=council, period=str(year)).first() or actions.create_plan(
            actor=DEMO_SYSTEM, council_id=council.pk, period=str(year),
            needs="خانواده‌های کم‌درآمد، سالمندان تنها، معابر فرسوده", goals="کاهش خانوار نیازمند و بهبود سلامت سالمندان",
        )  # fmt: skip
        plans.append(plan)
    day = dt.timedelta(days=1)

    def add(plan: Plan, org: Organisation, committee: str, category: str, group: str, title: str, start: int,
            end: int, source: str = "popular", budget: int | None = None, note: str = "") -> Action:  # fmt: skip
        entry = ActionEntry(org.code, committee, category, group, title, today + start * day, today + end * day,
                            source, budget, description=title, internal_note=note)  # fmt: skip
        return actions.add_action(actor=DEMO_SYSTEM, plan_id=plan.pk, entry=entry)

    first, second = plans[0], plans[1]
    food = add(first, mosque, "livelihood", "food_aid", "low_income", "توزیع بستهٔ معیشتی برای خانواده‌های کم‌درآمد",
               -40, 40, note="فهرست خانواده‌ها نزد امام جماعت است؛ منتشر نشود.")  # fmt: skip
    add(first, relief, "livelihood", "food_aid", "low_income", "توزیع بستهٔ معیشتی خانواده‌های کم‌درآمد محله",
        -20, 60, "public", 900_000_000)  # fmt: skip
    screening = add(first, red, "health", "health_screening", "elderly", "غربالگری فشار خون سالمندان", -60, 30,
                    note="سه سالمند نیازمند پیگیری ویژه‌اند.")  # fmt: skip
    add(first, school, "culture", "education_support", "students", "کلاس جبرانی ریاضی دانش‌آموزان", -30, 90)
    add(second, municipality, "civil_works", "road_repair", "everyone", "ترمیم آسفالت کوچه‌های فرسوده", -90, -10,
        "public", 2_500_000_000)  # fmt: skip
    add(second, basij, "public_security", "neighbourhood_watch", "everyone", "گشت شبانهٔ محله", -50, 50)
    if len(plans) > 3:
        add(plans[3], red, "health", "health_screening", "elderly", "پایش سلامت سالمندان روستا", -10, 80)
    mosque_rep = _user_actor("demo_institution")
    reported = today - 5 * day
    actions.report_progress(actor=mosque_rep, action_id=food.pk, progress=45, reported_on=reported,
                            note="۱۲۰ بسته از ۲۶۰ بسته توزیع شد.", uploads=(Upload("tozi.png", _photo()),))  # fmt: skip
    actions.report_progress(actor=_user_actor("demo_redcrescent"), action_id=screening.pk, progress=70,
                            reported_on=reported, note="۸۰ سالمند غربالگری شدند.")  # fmt: skip
    actions.detect_overlaps(actor=_user_actor("demo_governor"), unit=county)


def _crisis(county: Unit, city: Unit, places: list[Unit], village: Unit | None) -> None:
    governor = _user_actor("demo_governor")
    struck = [places[1]] + ([village] if village else [])
    crisis = actions.declare_crisis(actor=governor, county=county, kind="flood", title="آب‌گرفتگی پس از بارش شدید",
                                    units=struck)  # fmt: skip
    actions.record_need(actor=DEMO_SYSTEM, crisis_id=crisis.pk, unit=places[1], kind="blanket", quantity=300)
    actions.record_need(actor=DEMO_SYSTEM, crisis_id=crisis.pk, unit=places[1], kind="food_pack", quantity=150)
    red = _organisation("REDCRESCENT", county, city)
    actions.record_resource(actor=DEMO_SYSTEM, crisis_id=crisis.pk, unit=places[1], organisation=red, kind="blanket",
                            quantity=180)  # fmt: skip
    due = timezone.now() + dt.timedelta(days=2)
    actions.assign_task(actor=governor, crisis_id=crisis.pk, unit=places[1], organisation=red,
                        title="اسکان موقت خانواده‌های آسیب‌دیده", due_at=due)  # fmt: skip
    municipality = _organisation("MUN", county, city)
    actions.assign_task(actor=governor, crisis_id=crisis.pk, unit=places[1], organisation=municipality,
                        title="تخلیهٔ آب از زیرزمین‌ها", due_at=due - dt.timedelta(days=1))  # fmt: skip
