"""What each page's and API operation's ``target`` names, built on demand where the matrix asks for it.

A factory takes the matrix (``Lab``), the unit the target must lie in, its organisation and the role of the
actor about to use it, and returns the URL's parameters and the policy's ``Target`` for the object, or None
when no such object can lie there (a constituency is a city's or a village's, never a district's). Objects
are made through the real actions, once per place, and reused.

A new area adds its kinds here: the matrix fails on a policy whose target has no factory.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ostan.access.models import Organisation, Post
from ostan.accounts import actions as accounts
from ostan.core.access import NOWHERE, Role, Target
from ostan.core.access.roles import ADMINISTRATION_LINE, RANKS
from ostan.elections import actions as elections
from ostan.elections.models import Candidate, Constituency, ConstituencyKind, ElectionRound
from ostan.polling import actions as polling
from ostan.polling.models import Station
from ostan.territory.models import Unit, UnitKind
from ostan.territory.scope import target_of
from tests.access.places import Places
from tests.actors import SYSTEM, as_actor
from tests.elections.conftest import CITY_BALLOTS
from tests.elections.images import tiny_png
from tests.elections.world import CITY_CANDIDATES, candidates_csv

SETTLEMENTS = (UnitKind.CITY, UnitKind.VILLAGE)


@dataclass(frozen=True)
class Placed:
    params: dict[str, Any]
    target: Target
    is_public: bool = False  # published: readable by anyone, whatever the capability's grants


@dataclass
class Lab:
    places: Places
    made: dict[tuple[str, int, int | None], Placed] = field(default_factory=dict)
    rounds: dict[int, ElectionRound] = field(default_factory=dict)
    serial: int = 0

    def next(self) -> int:
        self.serial += 1
        return self.serial

    def round(self, number: int) -> ElectionRound:
        if number not in self.rounds:
            self.rounds[number] = elections.create_round(actor=SYSTEM, number=number, name=f"دوره {number}")
        return self.rounds[number]


Factory = Callable[[Lab, Unit, Organisation | None, Role | None], Placed | None]
FACTORIES: dict[str, Factory] = {}


def factory(kind: str, *, per_role: bool = False) -> Callable[[Factory], Factory]:
    """Register a factory; results are kept per place (and per actor role where ``per_role``)."""

    def register(make: Factory) -> Factory:
        def cached(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed | None:
            key = (kind + (f":{role}" if per_role else ""), unit.pk, organisation.pk if organisation else None)
            if key not in lab.made:
                placed = make(lab, unit, organisation, role)
                if placed is None:
                    return None
                lab.made[key] = placed
            return lab.made[key]

        FACTORIES[kind] = cached
        return cached

    return register


@factory("unit")
def _unit(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed:
    return Placed({"code": unit.code}, target_of(unit))


def _subordinate_role(role: Role | None) -> Role:
    """A role every account manager of ``role``'s line may hand out, for the account they act on."""
    rank = RANKS.get(role) if role is not None else None
    return Role.SERVICE_DESK_CLERK if rank is not None and rank.line == ADMINISTRATION_LINE else Role.STATION_OFFICIAL


def _account(lab: Lab, unit: Unit, role: Role | None) -> tuple[int, Post]:
    held = _subordinate_role(role)
    user = accounts.create_staff_account(
        actor=SYSTEM, username=f"target_{lab.next()}", full_name="هدف ماتریس", role=held, unit=unit,
        password="Pardis-Sahar-1405", must_change_password=False,
    )  # fmt: skip
    return user.pk, Post.objects.get(person=user)


@factory("account", per_role=True)
def _account_target(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed:
    pk, _ = _account(lab, unit, role)
    return Placed({"pk": pk, "account_id": pk}, target_of(unit))


@factory("post", per_role=True)
def _post_target(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed:
    _, post = _account(lab, unit, role)
    return Placed({"post_pk": post.pk, "post_id": post.pk}, target_of(unit))


@factory("unit_round")
def _unit_round(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed:
    return Placed({"code": unit.code, "round_pk": lab.round(7).pk}, target_of(unit))


@factory("round")
def _round(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed:
    return Placed({"pk": lab.round(7).pk}, NOWHERE)


def _constituency(lab: Lab, unit: Unit, number: int) -> Constituency | None:
    if unit.kind not in SETTLEMENTS:
        return None
    found = Constituency.objects.filter(election_round=lab.round(number), unit=unit).first()
    if found is None:
        kind = ConstituencyKind.CITY_COUNCIL if unit.kind == UnitKind.CITY else ConstituencyKind.VILLAGE_COUNCIL
        found = elections.create_constituency(actor=SYSTEM, election_round=lab.round(number), unit=unit, kind=kind)
        elections.import_candidates(
            actor=SYSTEM, constituency=found, file_name="c.csv", data=candidates_csv(CITY_CANDIDATES)
        )
    return found


@factory("constituency")
def _open_constituency(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed | None:
    found = _constituency(lab, unit, 7)
    return None if found is None else Placed({"pk": found.pk}, target_of(unit))


@factory("published_constituency")
def _published(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed | None:
    found = _constituency(lab, unit, 6)
    if found is None:
        return None
    if not found.is_published:
        elections.import_ballots(
            actor=SYSTEM, constituency=found, file_name="b.csv", data=CITY_BALLOTS, source="machine"
        )
        elections.count_constituency(actor=SYSTEM, constituency=found)
        elections.publish_results(actor=SYSTEM, constituency=found)
    return Placed({"pk": found.pk}, target_of(unit), is_public=True)


@factory("candidate")
def _candidate(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed | None:
    found = _constituency(lab, unit, 7)
    if found is None:
        return None
    candidate = Candidate.objects.filter(constituency=found).order_by("code").first()
    assert candidate is not None
    return Placed({"pk": found.pk, "candidate_pk": candidate.pk}, target_of(unit))


@factory("photo")
def _photo(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed | None:
    """An approved candidate's photo in a published constituency: public."""
    if _published(lab, unit, organisation, role) is None:
        return None
    found = _constituency(lab, unit, 6)
    candidate = Candidate.objects.filter(constituency=found).order_by("code").first()
    assert candidate is not None
    if not candidate.photo_path:
        Candidate.objects.filter(pk=candidate.pk).update(photo_path=_stored_photo(candidate))
    return Placed({"pk": candidate.pk}, target_of(unit), is_public=True)


def _stored_photo(candidate: Candidate) -> str:
    """A photo stored as the photo action stores one (the action refuses a published constituency)."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    return default_storage.save(f"candidates/matrix-{candidate.pk}.png", ContentFile(tiny_png()))


def _station(lab: Lab, unit: Unit, *, closed: bool) -> Station | None:
    constituency = _constituency(lab, unit, 7)
    if constituency is None:
        return None
    station = polling.create_station(
        actor=SYSTEM, election_round=lab.round(7), code=f"M{lab.next():03d}", address="نشانی آزمایشی", unit=unit,
        constituencies=[constituency],
    )  # fmt: skip
    if closed:
        polling.close_station(actor=SYSTEM, station=station)
    return station


@factory("station")
def _open_station(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed | None:
    station = _station(lab, unit, closed=False)
    return None if station is None else Placed({"pk": station.pk}, target_of(unit))


@factory("device")
def _device(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed | None:
    station = _station(lab, unit, closed=False)
    if station is None:
        return None
    device = polling.register_device(
        actor=SYSTEM, station=station, device_id=f"{station.code}-auth", kind="auth", public_key="00" * 32
    )
    return Placed({"pk": station.pk, "device_pk": device.pk}, target_of(unit))


@factory("minutes")
def _minutes(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed | None:
    station = _station(lab, unit, closed=True)
    if station is None:
        return None
    minutes = station.minutes.order_by("pk").first()
    assert minutes is not None
    return Placed({"pk": minutes.pk}, target_of(unit))


@factory("organisation")
def _organisation(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed:
    serial = lab.next()
    found = Organisation(
        code=f"M-ORG-{serial}", kind="charity", name=f"خیریهٔ {serial}", search_key=f"خیریه{serial}", seat=unit
    )
    found.place(None)
    found.save()
    found.units.set([unit])
    return Placed({"code": found.code}, target_of(unit), is_public=True)


def _desk_service() -> str:
    from ostan.servicedesk import actions as desk
    from ostan.servicedesk.models import Service

    if not Service.objects.filter(code="matrix-service").exists():
        entry = desk.ServiceEntry("matrix-service", "خدمت ماتریس", ("request", "complaint"))
        desk.save_service(actor=SYSTEM, entry=entry)
    return "matrix-service"


@factory("service_attachment")
def _service_attachment(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed:
    """A request as ``service_request`` makes it, filed with one PDF."""
    from ostan.core.servicedesk.attachments import Upload
    from ostan.servicedesk import actions as desk
    from ostan.servicedesk.targets import target_of_request
    from tests.core.servicedesk.test_attachments import PDF

    citizen = as_actor(lab.places.people[Role.CITIZEN])
    filing = desk.Filing(_desk_service(), "complaint", unit.code, f"درخواست آزمایشی ماتریس {lab.next()}")
    found = desk.file_request(actor=citizen, filing=filing, uploads=[Upload("matrix.pdf", PDF)])
    if organisation is not None:
        found = desk.assign_request(actor=SYSTEM, request_id=found.pk, organisation_code=organisation.code)
    found.refresh_from_db()
    return Placed({"pk": found.pk, "file_id": found.attachments.get().pk}, target_of_request(found))


@factory("service_request")
def _service_request(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed:
    """A citizen's request in ``unit``, in ``organisation``'s inbox, owned by the matrix's citizen."""
    from ostan.servicedesk import actions as desk
    from ostan.servicedesk.targets import target_of_request

    citizen = as_actor(lab.places.people[Role.CITIZEN])
    filing = desk.Filing(_desk_service(), "complaint", unit.code, f"درخواست آزمایشی ماتریس {lab.next()}")
    found = desk.file_request(actor=citizen, filing=filing)
    if organisation is not None:
        found = desk.assign_request(actor=SYSTEM, request_id=found.pk, organisation_code=organisation.code)
    found.refresh_from_db()
    return Placed({"pk": found.pk}, target_of_request(found))


def _network_action(lab: Lab, unit: Unit, organisation: Organisation | None) -> Any:
    """An action of ``organisation`` in a neighbourhood of ``unit`` (a city), with its council and plan."""
    from django.utils import timezone

    from ostan.network import actions as network
    from ostan.network.models import Council, Plan
    from ostan.territory import actions as territory

    if unit.kind != UnitKind.CITY or organisation is None:
        return None
    place = Unit.objects.filter(parent=unit, kind=UnitKind.NEIGHBOURHOOD).first()
    if place is None:
        place = territory.create_neighbourhood(actor=SYSTEM, city=unit, name=f"محلهٔ ماتریس {lab.next()}")
    council = Council.objects.filter(unit=place).first() or network.form_council(actor=SYSTEM, unit=place)
    plan = Plan.objects.filter(council=council).first() or network.create_plan(
        actor=SYSTEM, council_id=council.pk, period="1405", needs="نیاز", goals="هدف"
    )
    today = timezone.localdate()
    entry = network.ActionEntry(organisation.code, "health", "health_screening", "elderly",
                                f"اقدام ماتریس {lab.next()}", today, today, "popular")  # fmt: skip
    return network.add_action(actor=SYSTEM, plan_id=plan.pk, entry=entry)


@factory("council")
def _council(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed | None:
    found = _network_action(lab, unit, organisation or lab.places.organisations["water"])
    return None if found is None else Placed({"pk": found.plan.council_id}, target_of(found.unit))


@factory("network_action")
def _network_action_target(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed | None:
    from ostan.network.targets import target_of_action

    found = _network_action(lab, unit, organisation)
    return None if found is None else Placed({"pk": found.pk}, target_of_action(found))


@factory("evidence")
def _evidence(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed | None:
    from django.utils import timezone

    from ostan.network import actions as network

    found = _network_action(lab, unit, organisation or lab.places.organisations["water"])
    if found is None:
        return None
    update = network.report_progress(actor=SYSTEM, action_id=found.pk, progress=10, reported_on=timezone.localdate(),
                                     uploads=(network.Upload("p.png", tiny_png()),))  # fmt: skip
    return Placed({"pk": update.evidence.get().pk}, target_of(found.unit))


@factory("overlap")
def _overlap(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed | None:
    from ostan.network.models import Overlap

    first = _network_action(lab, unit, lab.places.organisations["water"])
    second = _network_action(lab, unit, lab.places.organisations["other"])
    if first is None or second is None:
        return None
    found = Overlap.objects.create(first=first, second=second, unit=first.unit, score=0.9, similarity=0.9,
                                   shared_days=1, reasons=["same_unit"])  # fmt: skip
    return Placed({"pk": found.pk}, target_of(first.unit))


def _crisis_in(unit: Unit) -> Any:
    from ostan.network import actions as network

    return network.declare_crisis(actor=SYSTEM, county=unit, kind="flood", title="بحران ماتریس", units=[unit])


@factory("crisis")
def _crisis(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed:
    return Placed({"pk": _crisis_in(unit).pk}, target_of(unit))


@factory("crisis_task")
def _crisis_task(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed | None:
    import datetime as dt

    from django.utils import timezone

    from ostan.core.access import Target
    from ostan.network import actions as network

    if organisation is None:
        return None
    crisis = _crisis_in(unit)
    task = network.assign_task(actor=SYSTEM, crisis_id=crisis.pk, unit=unit, organisation=organisation, title="کار",
                               due_at=timezone.now() + dt.timedelta(days=1))  # fmt: skip
    return Placed({"task_pk": task.pk}, Target(unit_path=unit.path, unit_name=unit.name,
                                               organisation_path=organisation.path))  # fmt: skip


@factory("indicator")
def _indicator(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed:
    """A catalogue entry: it belongs to no unit, so the role alone decides (public figures are public)."""
    from ostan.indicators import actions as indicators
    from ostan.indicators.entries import IndicatorEntry
    from ostan.indicators.models import Indicator

    if not Indicator.objects.filter(code="matrix-indicator").exists():
        entry = IndicatorEntry("matrix-indicator", "شاخص ماتریس", "نفر", "higher", "sum", "آزمون")
        indicators.save_indicator(actor=SYSTEM, entry=entry)
    return Placed({"indicator": "matrix-indicator"}, NOWHERE)


def _programme_project(unit: Unit, title: str) -> Any:
    import datetime as dt

    from ostan.programs import actions as programmes
    from ostan.programs.entries import MilestoneEntry, ProjectEntry

    entry = ProjectEntry(
        unit_code=unit.code, title=title, challenge="waste", goals="هدف آزمایشی",
        starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2026, 12, 31),
        milestones=(MilestoneEntry("نقطهٔ عطف", dt.date(2026, 6, 1)),),
    )  # fmt: skip
    return programmes.create_project(actor=SYSTEM, entry=entry)


@factory("key_project")
def _key_project(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed:
    """A key project of ``unit`` (public: anyone reads it; only its unit's office changes it)."""
    from ostan.programs.targets import target_of_project

    found = _programme_project(unit, f"کار شاخص ماتریس {lab.next()}")
    return Placed({"pk": found.pk}, target_of_project(found), is_public=True)


@factory("project_evidence")
def _project_evidence(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed:
    """A progress report's evidence file at ``unit`` (read only by the unit's offices, concealed elsewhere)."""
    import datetime as dt

    from ostan.programs import actions as programmes
    from ostan.programs.entries import ProgressEntry
    from ostan.programs.evidence import Upload

    found = _programme_project(unit, f"کار مستند ماتریس {lab.next()}")
    entry = ProgressEntry(dt.date(2026, 2, 1), "گزارش", evidence=(Upload("m.pdf", b"%PDF-1.4 matrix"),))
    update = programmes.report_progress(actor=SYSTEM, project_id=found.pk, entry=entry)
    return Placed({"pk": update.evidence.get().pk}, target_of(unit))


@factory("experience")
def _experience(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed:
    import datetime as dt

    from ostan.programs.models import Experience

    found = _programme_project(unit, f"کار تجربه ماتریس {lab.next()}")
    published = Experience.objects.create(  # test set-up: the library's row, as a fixture file would hold it
        project=found, unit=unit, challenge="waste", title=found.title, problem="-", what_was_done="-", cost="-",
        results="-", contacts="-", search_key=found.title, published_at=dt.datetime(2026, 3, 1, tzinfo=dt.UTC),
    )  # fmt: skip
    return Placed({"pk": published.pk}, target_of(unit), is_public=True)


@factory("office")
def _office(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed:
    """A county office seated at ``unit`` whose critiques and answers are public."""
    serial = lab.next()
    found = Organisation(
        code=f"M-OFF-{serial}", kind="county_office", name=f"فرمانداری {serial}", search_key=f"فرمانداری{serial}",
        seat=unit,
    )  # fmt: skip
    found.place(None)
    found.save()
    found.units.set([unit])
    return Placed({"code": found.code}, target_of(unit), is_public=True)


def _participation_office(organisation: Organisation | None) -> Organisation:
    """The organisation a participation object belongs to: the actor's own where it has one (a county office
    for the governor), else the matrix's default; rows are written directly since most are no office."""
    assert organisation is not None
    return organisation


@factory("stakeholder")
def _stakeholder(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed:
    from django.utils import timezone

    from ostan.participation.models import Stakeholder
    from ostan.participation.targets import target_of_stakeholder

    name = f"ذی‌نفع ماتریس {lab.next()}"
    found = Stakeholder.objects.create(
        unit=unit, keeper=_participation_office(organisation), name=name, search_key=name, ring="media",
        phone="09120000000", created_at=timezone.now(),
    )  # fmt: skip
    return Placed({"pk": found.pk}, target_of_stakeholder(found))


def _meeting_row(lab: Lab, unit: Unit, organisation: Organisation | None) -> Any:
    import datetime as dt

    from django.utils import timezone

    from ostan.participation.models import Decision, Meeting

    now = timezone.now()
    found = Meeting.objects.create(
        unit=unit, organiser=_participation_office(organisation), title=f"جلسهٔ ماتریس {lab.next()}",
        held_at=now - dt.timedelta(days=1), agenda="دستور", minutes="صورتجلسه", minutes_recorded_at=now,
        created_at=now,
    )  # fmt: skip
    Decision.objects.create(meeting=found, title="مصوبهٔ ماتریس", owner="دستگاه", due_on=now.date())
    return found


@factory("meeting")
def _meeting(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed:
    from ostan.participation.targets import target_of_meeting

    found = _meeting_row(lab, unit, organisation)
    return Placed({"pk": found.pk}, target_of_meeting(found))


@factory("decision")
def _decision(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed:
    from ostan.participation.targets import target_of_meeting

    found = _meeting_row(lab, unit, organisation)
    return Placed({"pk": found.decisions.get().pk}, target_of_meeting(found))


def _circular_row(lab: Lab, unit: Unit, sender: Organisation, office: Organisation) -> Any:
    import datetime as dt

    from django.utils import timezone

    from ostan.participation.models import Attachment, Circular, Recipient

    now = timezone.now()
    found = Circular.objects.create(
        sender=sender, unit=unit, title=f"بخشنامهٔ ماتریس {lab.next()}", body="متن", priority="normal",
        sent_at=now, deadline_at=now + dt.timedelta(days=2),
    )  # fmt: skip
    Recipient.objects.create(circular=found, office=office, delivered_at=now)
    from django.core.files.base import ContentFile

    from ostan.participation.attachments import storage

    stored = storage().save(f"matrix-{lab.serial}", ContentFile(b"%PDF-1.4\n"))
    Attachment.objects.create(
        circular=found, name="a.pdf", content_type="application/pdf", size=9, sha256="0" * 64, stored_name=stored
    )
    return found


@factory("circular")
def _circular(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed:
    from ostan.participation.targets import target_of_circular

    found = _circular_row(lab, unit, _participation_office(organisation), lab.places.organisations["other"])
    return Placed({"pk": found.pk, "attachment_pk": found.attachments.get().pk}, target_of_circular(found))


@factory("circular_copy")
def _circular_copy(lab: Lab, unit: Unit, organisation: Organisation | None, role: Role | None) -> Placed:
    """A copy received by the actor's own organisation (seated at its own unit), sent from the governorate."""
    from ostan.participation.targets import target_of_copy

    office = _participation_office(organisation)
    found = _circular_row(lab, unit, lab.places.organisations["governorate"], office)
    copy = found.recipients.select_related("office__seat").get()
    return Placed({"pk": copy.pk, "attachment_pk": found.attachments.get().pk}, target_of_copy(copy))
