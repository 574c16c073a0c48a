"""The network app against PostgreSQL: structure, access by institution and unit, evidence by its bytes,
overlaps and their decisions, the 3W export, gaps, crises and their closing report."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from ostan.core.errors import NotFound, PermissionRefused
from ostan.network import actions, selectors
from ostan.network.actions import Upload
from ostan.network.errors import BoundaryRejected, CouncilExists, EvidenceRejected, OverlapSettled
from ostan.network.models import Action, Committee, Evidence, Overlap, ProgressUpdate
from ostan.network.summaries import unit_summary
from tests.actors import SYSTEM, as_actor
from tests.network.conftest import Net, entry, png

TODAY = timezone.localdate


def client_for(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_a_local_council_has_six_committees_and_a_dormant_crisis_committee(net: Net) -> None:
    kinds = dict(net.council.committees.values_list("kind", "is_active"))
    assert len(kinds) == 7
    assert kinds.pop("crisis") is False
    assert all(kinds.values())
    with pytest.raises(CouncilExists):
        actions.form_council(actor=SYSTEM, unit=net.narmak)


def test_the_county_network_is_headed_by_the_county_office(net: Net) -> None:
    county = actions.form_council(actor=SYSTEM, unit=net.world.county_a)
    with pytest.raises(Exception, match="فرمانداری"):
        actions.add_member(actor=SYSTEM, council_id=county.pk, full_name="کسی", position="head",
                           organisation_code=net.mosque.code)  # fmt: skip
    actions.add_member(actor=SYSTEM, council_id=county.pk, full_name="فرماندار", position="head",
                       organisation_code=net.office.code)  # fmt: skip
    assert county.members.get().position == "head"


def test_a_representative_reports_only_on_their_own_institutions_action(net: Net) -> None:
    red = as_actor(net.red_rep)
    with pytest.raises(PermissionRefused):
        actions.report_progress(actor=red, action_id=net.mosque_action.pk, progress=10, reported_on=TODAY())
    actions.report_progress(actor=as_actor(net.mosque_rep), action_id=net.mosque_action.pk, progress=30,
                            reported_on=TODAY(), note="آغاز توزیع")  # fmt: skip
    assert Action.objects.get(pk=net.mosque_action.pk).progress == 30
    # Through the page the form is refused as if it did not exist (actions are a concealed kind).
    assert client_for(net.red_rep).get(f"/network/actions/{net.mosque_action.pk}/progress/").status_code == 404
    assert client_for(net.mosque_rep).get(f"/network/actions/{net.mosque_action.pk}/progress/").status_code == 200


def test_internal_notes_are_for_the_own_institution_and_never_another_county(net: Net) -> None:
    page = f"/network/actions/{net.mosque_action.pk}/"
    assert "فهرست محرمانه" in client_for(net.mosque_rep).get(page).content.decode()
    assert "فهرست محرمانه" in client_for(net.secretary).get(page).content.decode()
    seen_by_red = client_for(net.red_rep).get(page)
    assert seen_by_red.status_code == 200  # who else acts in the neighbourhood: yes; their notes: no
    assert "فهرست محرمانه" not in seen_by_red.content.decode()
    assert client_for(net.red_rep_b).get(page).status_code == 404  # another county: not even that it exists
    with pytest.raises(NotFound):
        selectors.action(as_actor(net.red_rep_b), net.mosque_action.pk, today=TODAY())
    api = client_for(net.red_rep_b).get(f"/api/network/actions/{net.mosque_action.pk}")
    assert api.status_code == 404
    assert api.json()["code"]


def test_evidence_is_checked_by_its_bytes_and_nothing_is_half_applied(net: Net) -> None:
    rep = as_actor(net.mosque_rep)
    with pytest.raises(EvidenceRejected):
        actions.report_progress(actor=rep, action_id=net.mosque_action.pk, progress=40, reported_on=TODAY(),
                                uploads=(Upload("photo.png", b"<script>alert(1)</script>"),))  # fmt: skip
    assert not ProgressUpdate.objects.exists()
    assert Action.objects.get(pk=net.mosque_action.pk).progress == 0
    actions.report_progress(actor=rep, action_id=net.mosque_action.pk, progress=40, reported_on=TODAY(),
                            uploads=(Upload("photo.png", png()),))  # fmt: skip
    stored = Evidence.objects.get()
    assert stored.content_type == "image/png"
    response = client_for(net.secretary).get(f"/network/evidence/{stored.pk}/")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")  # type: ignore[attr-defined]
    assert client_for(net.red_rep_b).get(f"/network/evidence/{stored.pk}/").status_code == 404


def test_the_county_network_finds_an_overlap_and_merges_it(net: Net) -> None:
    relief = actions.add_action(actor=SYSTEM, plan_id=net.plan.pk,
                                entry=entry(net.relief, "توزیع بستهٔ معیشتی خانواده‌های نیازمند"))  # fmt: skip
    governor = as_actor(net.governor)
    with pytest.raises(PermissionRefused):
        actions.detect_overlaps(actor=as_actor(net.mosque_rep), unit=net.world.county_a)
    assert actions.detect_overlaps(actor=governor, unit=net.world.county_a) == 1
    assert actions.detect_overlaps(actor=governor, unit=net.world.county_a) == 0  # found once, kept for a decision
    found = Overlap.objects.get()
    assert {found.first_id, found.second_id} == {net.mosque_action.pk, relief.pk}
    actions.resolve_overlap(actor=governor, overlap_id=found.pk, decision="merge", note="یک فهرست مشترک")
    with pytest.raises(OverlapSettled):
        actions.resolve_overlap(actor=governor, overlap_id=found.pk, decision="keep", note="دوباره")
    matrix, _ = selectors.who_does_what(net.world.county_a, period=None, committee=None)
    assert matrix.total.action_count == 2  # the merged action is counted once, in the first


def test_the_3w_page_exports_csv_and_the_dashboard_and_gaps_render(net: Net) -> None:
    governor = client_for(net.governor)
    county = net.world.county_a.code
    csv = governor.get(f"/network/u/{county}/3w/?format=csv")
    assert csv.status_code == 200
    assert "مسجد جامع" in csv.content.decode("utf-8-sig")
    assert governor.get(f"/network/u/{county}/3w/?format=xlsx").content.startswith(b"PK")
    assert governor.get(f"/network/u/{county}/dashboard/").status_code == 200
    empty = actions.form_council(actor=SYSTEM, unit=net.other)  # a council with no action: a gap
    gaps = governor.get(f"/network/u/{county}/gaps/").content.decode()
    assert "نارمک" not in gaps  # it has running actions
    county_b = selectors.action_gaps(net.world.county_b, period=selectors_period())
    assert [g.unit.pk for g in county_b] == [empty.unit_id]
    assert client_for(net.mosque_rep).get(f"/network/u/{county}/dashboard/").status_code == 403


def selectors_period() -> object:
    from ostan.core.network import PeriodKind, period_containing

    return period_containing(TODAY(), PeriodKind.QUARTER)


def test_a_boundary_is_a_closed_polygon_inside_iran(net: Net) -> None:
    square = b'{"type":"Polygon","coordinates":[[[49.7,34.1],[49.71,34.1],[49.71,34.11],[49.7,34.1]]]}'
    actions.import_boundary(actor=SYSTEM, unit=net.narmak, data=square)
    swapped = b'{"type":"Polygon","coordinates":[[[34.1,49.7],[34.1,49.71],[34.11,49.71],[34.1,49.7]]]}'
    with pytest.raises(BoundaryRejected):
        actions.import_boundary(actor=SYSTEM, unit=net.narmak, data=swapped)
    page = client_for(net.governor).get(f"/network/u/{net.world.county_a.code}/3w/").content.decode()
    assert "<svg" in page


def test_a_crisis_wakes_the_crisis_committees_and_closes_with_a_report(net: Net) -> None:
    governor = as_actor(net.governor)
    crisis = actions.declare_crisis(actor=governor, county=net.world.county_a, kind="flood", title="سیل",
                                    units=[net.world.city_a])  # fmt: skip
    assert Committee.objects.get(council=net.council, kind="crisis").is_active
    actions.record_need(actor=as_actor(net.secretary), crisis_id=crisis.pk, unit=net.narmak, kind="blanket",
                        quantity=100)  # fmt: skip
    task = actions.assign_task(actor=governor, crisis_id=crisis.pk, unit=net.narmak, organisation=net.red_a,
                               title="اسکان موقت", due_at=timezone.now() + dt.timedelta(days=1))  # fmt: skip
    with pytest.raises(PermissionRefused):
        actions.complete_task(actor=as_actor(net.mosque_rep), crisis_id=crisis.pk, task_id=task.pk)
    done = client_for(net.red_rep).post(f"/network/tasks/{task.pk}/done/", {"note": "انجام شد"})
    assert done.status_code == 302
    assert crisis.tasks.get().done_at is not None
    report = client_for(net.governor).get(f"/network/crises/{crisis.pk}/report.pdf")
    assert report.content.startswith(b"%PDF-")
    actions.close_crisis(actor=governor, crisis_id=crisis.pk, closing_note="آب فروکش کرد.")
    assert not Committee.objects.get(council=net.council, kind="crisis").is_active
    assert client_for(net.governor).get(f"/network/crises/{crisis.pk}/").status_code == 200


def test_the_unit_summary_shows_what_the_viewer_may_see(net: Net) -> None:
    seen = unit_summary(actor=as_actor(net.governor), unit=net.world.county_a)
    assert seen is not None
    assert (seen.councils, seen.actions, seen.institutions) == (1, 2, 2)
    assert seen.open_overlaps == 0
    rep = unit_summary(actor=as_actor(net.mosque_rep), unit=net.world.city_a)
    assert rep is not None
    assert rep.open_overlaps is None
    assert unit_summary(actor=as_actor(net.red_rep_b), unit=net.world.county_a) is None
