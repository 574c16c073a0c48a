"""The key projects' part of a unit's one page: counts by status, critiques answered on time, top projects."""

from __future__ import annotations

from django.template.loader import render_to_string

from ostan.core.access import Actor
from ostan.core.programs import Status
from ostan.programs import actions
from ostan.programs.summaries import unit_summary
from tests.programs.conftest import NOW, Programs


def test_the_unit_summary_counts_the_units_projects_and_renders_its_partial(programs: Programs) -> None:
    w = programs.world
    made = programs.project()
    programs.project(programs.other_governor, unit=w.county_b, title="کار آشتیان")
    actions.file_critique(actor=programs.actor(programs.citizen), kind="suggestion", text="پیشنهاد", project_id=made.pk)
    summary = unit_summary(actor=Actor.anonymous(), unit=w.county_a, at=NOW)
    assert summary is not None
    assert summary.total == 1
    assert dict(summary.counts)[Status.LATE] == 1
    assert summary.critiques == 1
    assert summary.on_time_share is None
    assert [t.title for t in summary.top] == [made.title]
    assert summary.url.endswith(f"?unit={w.county_a.code}")
    province = unit_summary(actor=programs.actor(programs.office), unit=w.province, at=NOW)
    assert province is not None
    assert province.total == 2
    html = render_to_string("programs/_unit_summary.html", {"summary": summary})
    assert made.title in html
    assert "کارهای شاخص" in html
