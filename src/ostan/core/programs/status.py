"""A key project's status on a given day, with the reasons shown to people in Persian.

The rules (thresholds are :class:`StatusRules` fields, defaulting to the named constants below):

1. **Expected progress** is the elapsed share of the window: (day − first day) ÷ (last day − first day),
   clamped to 0…1 — nothing is expected on the first day and everything by the last.
2. **Actual progress** combines the milestones done by that day, by weight, and the indicators' attainment
   (how far each has come from its baseline to its target, clamped to 0…1, averaged by weight). With both,
   progress = ``milestone_share`` × milestones + (1 − ``milestone_share``) × indicators; with one, that one.
   A milestone done after the day, or a reading taken after it, does not count yet.
3. **done** when every milestone is done and every indicator has reached its target, whatever the day.
4. **not_started** before the first day.
5. Otherwise each rule that fires adds a reason, and the status is the worst of them:
   - the window has ended (the day is after the last day) → **late**;
   - milestones past their due day and not done → **at_risk**, or **late** when they carry at least
     ``late_overdue_share`` of the milestones' weight;
   - progress behind expected by at least ``late_gap`` → **late**, by at least ``at_risk_gap`` → **at_risk**;
   - an indicator's attainment behind expected by at least ``at_risk_gap`` → **at_risk**.
   If none fires, **on_track**.

Consequences the tests hold the rules to: a project with everything done is done; adding an overdue
milestone never improves its status; and for a project that gets no further updates the status only
worsens with time (not_started → on_track → at_risk → late), in the order of :attr:`Status.severity`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from ostan.core.programs import wording
from ostan.core.programs.errors import InvalidStatusRules
from ostan.core.programs.moments import TEHRAN, local_day
from ostan.core.programs.projects import KeyProject

# House defaults: no published rule sets these; the governorate's inspection office may pass its own.
AT_RISK_GAP = Fraction(1, 10)  # ten percentage points behind the clock
LATE_GAP = Fraction(1, 4)  # a quarter of the work behind the clock
LATE_OVERDUE_SHARE = Fraction(1, 4)  # overdue milestones carrying a quarter of the weight
MILESTONE_SHARE = Fraction(1, 2)  # milestones and indicators count evenly when a project has both


class Status(StrEnum):
    NOT_STARTED = "not_started"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    LATE = "late"
    DONE = "done"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def severity(self) -> int:
        """How much attention the status asks for: done 0; not started and on track 1; at risk 2; late 3."""
        return _SEVERITY[self]


_LABELS = {
    Status.NOT_STARTED: "آغاز نشده",
    Status.ON_TRACK: "طبق برنامه",
    Status.AT_RISK: "در معرض تأخیر",
    Status.LATE: "با تأخیر",
    Status.DONE: "انجام شده",
}
_SEVERITY = {Status.DONE: 0, Status.NOT_STARTED: 1, Status.ON_TRACK: 1, Status.AT_RISK: 2, Status.LATE: 3}


@dataclass(frozen=True)
class StatusRules:
    at_risk_gap: Fraction = AT_RISK_GAP
    late_gap: Fraction = LATE_GAP
    late_overdue_share: Fraction = LATE_OVERDUE_SHARE
    milestone_share: Fraction = MILESTONE_SHARE

    def __post_init__(self) -> None:
        if not 0 < self.at_risk_gap <= self.late_gap <= 1:
            raise InvalidStatusRules(
                "فاصلهٔ «در معرض تأخیر» باید مثبت و از فاصلهٔ «با تأخیر» بیشتر نباشد.", details={"path": "late_gap"}
            )
        if not 0 < self.late_overdue_share <= 1:
            raise InvalidStatusRules(
                "سهم وزن نقاط عطف معوق باید میان ۰ و ۱ باشد.", details={"path": "late_overdue_share"}
            )
        if not 0 < self.milestone_share < 1:
            raise InvalidStatusRules(
                "سهم نقاط عطف از پیشرفت باید میان ۰ و ۱ باشد.", details={"path": "milestone_share"}
            )


@dataclass(frozen=True)
class Reason:
    """One rule that fired: ``code`` for machines, ``message`` in Persian, ``subjects`` the titles it names."""

    code: str
    status: Status
    message: str
    subjects: tuple[str, ...] = ()


@dataclass(frozen=True)
class Assessment:
    project_id: str
    unit_path: str
    day: dt.date  # the local day the project was assessed on
    status: Status
    expected: Fraction  # elapsed share of the window
    progress: Fraction  # actual progress, 0…1
    milestone_progress: Fraction | None  # None: the project has no milestones
    indicator_attainment: Fraction | None  # None: the project has no indicators
    overdue: tuple[str, ...]  # titles of the milestones past due and not done
    reasons: tuple[Reason, ...]  # worst first

    @property
    def gap(self) -> Fraction:
        """How far progress trails the clock (negative when ahead)."""
        return self.expected - self.progress


def assess(
    project: KeyProject, *, at: dt.datetime, tz: dt.tzinfo = TEHRAN, rules: StatusRules | None = None
) -> Assessment:
    """The project's status at the moment ``at`` (aware), judged on its local day in ``tz``."""
    rules = rules or StatusRules()
    day = local_day(at, tz)
    milestones = milestone_progress(project, day)
    indicators = indicator_attainment(project, day)
    progress = _combine(milestones, indicators, rules.milestone_share)
    expected = expected_progress(project, day)
    overdue = tuple(m.title for m in project.milestones if m.is_overdue_on(day))
    reasons = _reasons(project, day, expected=expected, progress=progress, overdue=overdue, rules=rules)
    status = max((r.status for r in reasons), key=lambda s: s.severity)
    return Assessment(
        project_id=project.id,
        unit_path=project.unit_path,
        day=day,
        status=status,
        expected=expected,
        progress=progress,
        milestone_progress=milestones,
        indicator_attainment=indicators,
        overdue=overdue,
        reasons=tuple(sorted(reasons, key=lambda r: -r.status.severity)),
    )


def expected_progress(project: KeyProject, day: dt.date) -> Fraction:
    elapsed = Fraction((day - project.starts_on).days, (project.ends_on - project.starts_on).days)
    return min(max(elapsed, Fraction(0)), Fraction(1))


def milestone_progress(project: KeyProject, day: dt.date) -> Fraction | None:
    """The weighted share of milestones done by ``day``; None without milestones."""
    total = sum(m.weight for m in project.milestones)
    if not total:
        return None
    return Fraction(sum(m.weight for m in project.milestones if m.is_done_by(day)), total)


def indicator_attainment(project: KeyProject, day: dt.date) -> Fraction | None:
    """The weighted mean attainment of the indicators by ``day``; None without indicators."""
    total = sum(i.weight for i in project.indicators)
    if not total:
        return None
    return sum((i.attainment_on(day) * i.weight for i in project.indicators), Fraction(0)) / total


def _combine(milestones: Fraction | None, indicators: Fraction | None, share: Fraction) -> Fraction:
    if milestones is None:
        assert indicators is not None  # a KeyProject has one or the other
        return indicators
    if indicators is None:
        return milestones
    return share * milestones + (1 - share) * indicators


def _reasons(
    project: KeyProject,
    day: dt.date,
    *,
    expected: Fraction,
    progress: Fraction,
    overdue: tuple[str, ...],
    rules: StatusRules,
) -> list[Reason]:
    if progress == 1:
        return [Reason("all_done", Status.DONE, _all_done_message(project))]
    if day < project.starts_on:
        return [Reason("not_started", Status.NOT_STARTED, f"کار از {wording.day(project.starts_on)} آغاز می‌شود")]
    reasons: list[Reason] = []
    if day > project.ends_on:
        ended = f"بازهٔ کار {wording.day(project.ends_on)} به پایان رسیده و کار تمام نشده است"
        reasons.append(Reason("window_ended", Status.LATE, ended))
    if overdue:
        reasons.append(_overdue_reason(project, day, overdue, rules))
    reasons += _gap_reasons(project, day, expected=expected, progress=progress, rules=rules)
    if not reasons:
        on_track = f"پیشرفت کار {wording.percent(progress)} است و {wording.percent(expected)} زمان گذشته است"
        reasons.append(Reason("on_track", Status.ON_TRACK, on_track))
    return reasons


def _all_done_message(project: KeyProject) -> str:
    if not project.indicators:
        return "همهٔ نقاط عطف انجام شده است"
    if not project.milestones:
        return "همهٔ شاخص‌ها به هدف رسیده‌اند"
    return "همهٔ نقاط عطف انجام شده و همهٔ شاخص‌ها به هدف رسیده‌اند"


def _overdue_reason(project: KeyProject, day: dt.date, overdue: tuple[str, ...], rules: StatusRules) -> Reason:
    weight = Fraction(
        sum(m.weight for m in project.milestones if m.is_overdue_on(day)), sum(m.weight for m in project.milestones)
    )
    n = wording.count(len(overdue))
    if weight >= rules.late_overdue_share:
        message = f"{n} نقطهٔ عطف با {wording.percent(weight)} وزن کار از موعد گذشته است"
        return Reason("milestones_overdue", Status.LATE, message, overdue)
    return Reason("milestones_overdue", Status.AT_RISK, f"{n} نقطهٔ عطف از موعد گذشته است", overdue)


def _gap_reasons(
    project: KeyProject, day: dt.date, *, expected: Fraction, progress: Fraction, rules: StatusRules
) -> list[Reason]:
    reasons: list[Reason] = []
    elapsed = wording.percent(expected)
    if expected - progress >= rules.at_risk_gap:
        status = Status.LATE if expected - progress >= rules.late_gap else Status.AT_RISK
        message = f"پیشرفت کار {wording.percent(progress)} است، در حالی که {elapsed} زمان گذشته است"
        reasons.append(Reason("progress_behind", status, message))
    for indicator in project.indicators:
        attained = indicator.attainment_on(day)
        if expected - attained >= rules.at_risk_gap:
            message = f"شاخص {indicator.name} {wording.percent(attained)} هدف، در حالی که {elapsed} زمان گذشته است"
            reasons.append(Reason("indicator_behind", Status.AT_RISK, message, (indicator.name,)))
    return reasons
