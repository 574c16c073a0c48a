"""The programmes' actions against PostgreSQL: scope first, the whole input checked, nothing half-applied,
one audit entry each; the status shown is the core's, with its reasons."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ostan.auditlog.models import Entry
from ostan.core.access import OutOfScope
from ostan.core.errors import DomainError
from ostan.core.programs import OverlappingOutcomeRecords, Status
from ostan.programs import actions, selectors
from ostan.programs import evidence as files
from ostan.programs.entries import ExperienceEntry, ProgressEntry
from ostan.programs.errors import EvidenceRejected, ExperienceRefused, InvalidProject
from ostan.programs.models import Evidence, KeyProject, ProgressUpdate
from ostan.servicedesk import actions as desk
from ostan.servicedesk import selectors as desk_selectors
from tests.programs.conftest import NOW, Programs

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_a_governor_creates_a_project_of_their_own_unit_and_not_of_another(programs: Programs) -> None:
    made = programs.project()
    assert made.milestones.count() == 2
    assert made.indicators.count() == 1
    assert Entry.objects.filter(event="programs.project_created", object_id=str(made.pk)).count() == 1
    with pytest.raises(OutOfScope):
        programs.project(programs.other_governor)
    with pytest.raises(OutOfScope):  # a بخشدار cannot create a county-wide project
        programs.project(programs.district_governor)
    assert programs.project(programs.district_governor, unit=programs.district).unit == programs.district


def test_the_core_refuses_a_project_it_could_not_assess_and_nothing_is_written(programs: Programs) -> None:
    with pytest.raises(DomainError) as refused:
        programs.project(ends_on=dt.date(2025, 12, 1))
    assert refused.value.code == "invalid_key_project"
    with pytest.raises(DomainError):
        programs.project(milestones=(), indicators=())
    assert not KeyProject.objects.exists()


def test_progress_with_evidence_changes_the_status_and_its_reasons(programs: Programs) -> None:
    made = programs.project()
    before = selectors.project(made.pk, at=NOW).assessment
    assert before.status is Status.LATE  # a milestone past due, nothing measured by June
    assert any(r.code == "milestones_overdue" for r in before.reasons)
    first = made.milestones.order_by("due_on").first()
    assert first is not None
    indicator = made.indicators.get()
    entry = ProgressEntry(
        reported_on=dt.date(2026, 5, 30), text="خودروها خریده شد", done_milestone_ids=(first.pk,),
        readings={indicator.pk: Decimal(50)}, evidence=(files.Upload("رسید.pdf", PDF),),
    )  # fmt: skip
    update = actions.report_progress(actor=programs.actor(programs.governor), project_id=made.pk, entry=entry, at=NOW)
    stored = Evidence.objects.get(update=update)
    assert files.read(stored.stored_as) == PDF
    assert stored.content_type == "application/pdf"
    after = selectors.project(made.pk, at=NOW).assessment
    assert after.status is Status.ON_TRACK, after.reasons
    assert after.progress > before.progress


def test_evidence_is_judged_by_its_bytes_and_a_refused_report_leaves_nothing(programs: Programs) -> None:
    made = programs.project()
    fake = files.Upload("photo.png", b"<script>alert(1)</script>")
    entry = ProgressEntry(reported_on=dt.date(2026, 5, 1), text="گزارش", evidence=(fake,))
    with pytest.raises(EvidenceRejected):
        actions.report_progress(actor=programs.actor(programs.governor), project_id=made.pk, entry=entry, at=NOW)
    late = ProgressEntry(reported_on=dt.date(2025, 5, 1), text="پیش از آغاز", evidence=(files.Upload("a.pdf", PDF),))
    with pytest.raises(InvalidProject):
        actions.report_progress(actor=programs.actor(programs.governor), project_id=made.pk, entry=late, at=NOW)
    assert not ProgressUpdate.objects.exists()
    assert not Evidence.objects.exists()
    assert not files.root().exists() or not any(files.root().iterdir())


def test_rollup_counts_by_county_and_puts_deprived_areas_first(programs: Programs) -> None:
    w = programs.world
    assert selectors.projects(at=NOW) == []  # nothing yet: an empty list, not an error
    programs.project()
    programs.project(programs.other_governor, unit=w.county_b, title="اشتغال روستایی", challenge="jobs")
    actions.set_deprivation(actor=programs.actor(programs.office), unit_code=w.county_b.code, score=80, note="سند")
    summary = selectors.rollup(w.province, at=NOW)
    assert summary.total.total == 2
    assert [r.unit for r in summary.rows] == [w.county_b, w.county_a]
    assert summary.rows[0].deprivation == 80
    with pytest.raises(OutOfScope):
        actions.set_deprivation(actor=programs.actor(programs.governor), unit_code=w.county_b.code, score=10)


def test_outcome_figures_roll_up_and_a_double_count_is_refused(programs: Programs) -> None:
    w, office = programs.world, programs.actor(programs.office)
    for unit, value in ((w.county_a, 30), (w.county_b, 12)):
        actions.record_outcome(actor=office, figure_code="anonymous_permits", kind="actual", unit_code=unit.code,
                               period_key="1405-Q1", value=Decimal(value))  # fmt: skip
    actions.record_outcome(actor=office, figure_code="anonymous_permits", kind="target", unit_code=w.province.code,
                           period_key="۱۴۰۵", value=Decimal(60))  # fmt: skip
    view = selectors.outcomes(w.province, 1405)
    permits = next(f for f in view.figures if f.figure.code == "anonymous_permits")
    assert permits.actual == 42
    assert permits.target == 60
    with pytest.raises(OverlappingOutcomeRecords):
        actions.record_outcome(actor=office, figure_code="anonymous_permits", kind="actual",
                               unit_code=w.province.code, period_key="1405-01", value=Decimal(5))  # fmt: skip
    assert selectors.outcomes(w.province, 1405).figures[0].actual == 42
    with pytest.raises(OutOfScope):
        actions.publish_achievements(actor=office, unit_code=w.province.code, year=1405)
    actions.publish_achievements(actor=programs.actor(programs.council), unit_code=w.province.code, year=1405)
    assert selectors.release(w.province, 1405) is not None


def _finish(programs: Programs, made: KeyProject) -> None:
    indicator = made.indicators.get()
    entry = ProgressEntry(
        reported_on=dt.date(2026, 5, 30), text="پایان کار",
        done_milestone_ids=tuple(made.milestones.values_list("pk", flat=True)), readings={indicator.pk: Decimal(20)},
    )  # fmt: skip
    actions.report_progress(actor=programs.actor(programs.governor), project_id=made.pk, entry=entry, at=NOW)


def test_a_finished_project_is_published_and_adopted_and_the_library_counts_it(programs: Programs) -> None:
    made = programs.project()
    experience_entry = ExperienceEntry("پسماند رها", "خرید خودرو", "۲۰ میلیارد ریال", "نصف شد", "دفتر فرمانداری")
    with pytest.raises(ExperienceRefused):
        actions.publish_experience(actor=programs.actor(programs.governor), project_id=made.pk,
                                   entry=experience_entry, at=NOW)  # fmt: skip
    _finish(programs, made)
    published = actions.publish_experience(
        actor=programs.actor(programs.governor), project_id=made.pk, entry=experience_entry, at=NOW
    )
    follower = programs.project(programs.other_governor, unit=programs.world.county_b, title="پسماند آشتیان")
    actions.adopt_experience(actor=programs.actor(programs.other_governor), project_id=follower.pk,
                             experience_id=published.pk, at=NOW)  # fmt: skip
    with pytest.raises(ExperienceRefused):
        actions.adopt_experience(actor=programs.actor(programs.governor), project_id=made.pk,
                                 experience_id=published.pk, at=NOW)  # fmt: skip
    found = selectors.library(query="پسماند", at=NOW)
    assert [e.experience for e in found] == [published]
    assert found[0].adoptions == 1
    assert found[0].measured == 1
    assert selectors.library(query="پسمانك", at=NOW) == []  # ک/ك fold the same way: no false match
    assert len(selectors.library(query="رها", challenge="waste", at=NOW)) == 1
    assert selectors.library(challenge="jobs", at=NOW) == []


def test_a_critique_goes_through_the_desk_and_its_public_answer_shows_beside_the_project(programs: Programs) -> None:
    made = programs.project()
    critique = actions.file_critique(actor=programs.actor(programs.citizen), kind="criticism",
                                     text="ایستگاه پسماند کنار مدرسه است", project_id=made.pk)  # fmt: skip
    inbox = desk_selectors.inbox(programs.actor(programs.answerer))
    assert [r.pk for r in inbox] == [critique.request_id]
    desk.accept_request(actor=programs.actor(programs.answerer), request_id=critique.request_id)
    desk.answer_request(actor=programs.actor(programs.answerer), request_id=critique.request_id,
                        answer="جای ایستگاه بازبینی می‌شود.")  # fmt: skip
    shown = selectors.critiques(project=made)
    assert shown[0].answer.answer == "جای ایستگاه بازبینی می‌شود."
    assert shown[0].answer.is_answered_on_time
    [(line, office)] = selectors.offices_timeliness()
    assert office == programs.county_office
    assert line.on_time_share == 1
    with pytest.raises(OutOfScope):
        actions.file_critique(actor=programs.actor(programs.governor), kind="criticism", text="x", project_id=made.pk)
    with pytest.raises(DomainError) as refused:
        actions.file_critique(actor=programs.actor(programs.citizen), kind="criticism", text=" ", project_id=made.pk)
    assert refused.value.code == "invalid_critique"
