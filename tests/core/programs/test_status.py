"""Key project status, worked by hand: each case states its numbers so the rules can be checked on paper.

Every project runs from day 0 (1 Farvardin 1404) to day 100, so the expected progress on day n is n%.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest

from ostan.core.programs import (
    Direction,
    Indicator,
    InvalidKeyProject,
    InvalidMoment,
    InvalidStatusRules,
    Milestone,
    Reading,
    Status,
    StatusRules,
    assess,
)
from ostan.core.programs.status import expected_progress

from .conftest import START, day, jobs, noon, project

# Ten milestones of equal weight due on days 10, 20, …, 50, 55, 70, …, 100; the first four done on time.
DUES = (10, 20, 30, 40, 50, 55, 70, 80, 90, 100)
TEN = tuple(Milestone(f"گام {i + 1}", day(due), day(due) if i < 4 else None) for i, due in enumerate(DUES))


def test_the_briefs_example_two_overdue_milestones_and_a_lagging_indicator() -> None:
    # Day 60: expected 60%. Milestones 4/10 done = 40%; jobs 80 of 200 = 40%; progress ½·40% + ½·40% = 40%.
    # Overdue: steps 5 (day 50) and 6 (day 55), 20% of the weight (< 25%): at risk, not late.
    # Gap 20 points: at least 10 (at risk), under 25 (late). The indicator trails by 20 points: at risk.
    a = assess(project(TEN, (jobs(200, (45, 80)),)), at=noon(day(60)))
    assert (a.status, a.expected, a.milestone_progress, a.indicator_attainment, a.progress) == (
        Status.AT_RISK,
        Fraction(3, 5),
        Fraction(2, 5),
        Fraction(2, 5),
        Fraction(2, 5),
    )
    assert a.overdue == ("گام 5", "گام 6")
    assert [(r.code, r.status, r.message) for r in a.reasons] == [
        ("milestones_overdue", Status.AT_RISK, "۲ نقطهٔ عطف از موعد گذشته است"),
        ("progress_behind", Status.AT_RISK, "پیشرفت کار ۴۰٪ است، در حالی که ۶۰٪ زمان گذشته است"),
        ("indicator_behind", Status.AT_RISK, "شاخص اشتغال ۴۰٪ هدف، در حالی که ۶۰٪ زمان گذشته است"),
    ]
    assert a.reasons[0].subjects == ("گام 5", "گام 6")
    assert a.gap == Fraction(1, 5)


def test_on_track_when_progress_keeps_up_with_the_clock() -> None:
    # Day 40: expected 40%; 4 of 10 done = 40%, nothing overdue (step 5 is due on day 50).
    a = assess(project(TEN), at=noon(day(40)))
    assert (a.status, a.progress, a.indicator_attainment) == (Status.ON_TRACK, Fraction(2, 5), None)
    assert [r.message for r in a.reasons] == ["پیشرفت کار ۴۰٪ است و ۴۰٪ زمان گذشته است"]


def test_a_milestone_due_today_is_not_yet_overdue() -> None:
    # Day 50 is step 5's due day: still in time. Expected 50%, progress 40%: exactly 10 points, at risk.
    a = assess(project(TEN), at=noon(day(50)))
    assert a.overdue == ()
    assert [r.code for r in a.reasons] == ["progress_behind"]
    assert a.status is Status.AT_RISK


def test_late_when_overdue_milestones_carry_a_quarter_of_the_weight() -> None:
    # Day 56: steps 5 and 6 overdue; step 6 weighs 2, so 3 of 11 = 27% of the weight (≥ 25%): late.
    heavy = (*TEN[:5], Milestone("گام 6", day(55), weight=2), *TEN[6:])
    a = assess(project(heavy), at=noon(day(56)))
    assert a.status is Status.LATE
    assert a.reasons[0].message == "۲ نقطهٔ عطف با ۲۷٪ وزن کار از موعد گذشته است"


def test_late_when_progress_trails_by_a_quarter() -> None:
    # Day 70, only the jobs indicator: 45 of 100 = 45% against 70%: 25 points behind, late.
    a = assess(project(indicators=(jobs(100, (60, 45)),)), at=noon(day(70)))
    assert a.status is Status.LATE
    assert [(r.code, r.status) for r in a.reasons] == [
        ("progress_behind", Status.LATE),
        ("indicator_behind", Status.AT_RISK),
    ]


def test_late_once_the_window_has_ended() -> None:
    # Day 101, all ten milestones but the last done, indicator reached: progress 95%, but the window is over.
    nearly = tuple(Milestone(m.title, m.due_on, m.due_on if i < 9 else None) for i, m in enumerate(TEN))
    a = assess(project(nearly, (jobs(100, (90, 100)),)), at=noon(day(101)))
    assert a.status is Status.LATE
    assert a.progress == Fraction(19, 20)
    assert a.reasons[0].code == "window_ended"
    # Day 100: Farvardin, Ordibehesht and Khordad have 31 days each, so day 93 is 1 Tir and day 100 is 8 Tir.
    assert a.reasons[0].message == "بازهٔ کار ۸ تیر ۱۴۰۴ به پایان رسیده و کار تمام نشده است"


def test_done_when_everything_is_done_even_before_the_window_ends() -> None:
    done = tuple(Milestone(m.title, m.due_on, day(30)) for m in TEN)
    a = assess(project(done, (jobs(100, (30, 120)),)), at=noon(day(31)))  # past the target counts as reached
    assert (a.status, a.progress) == (Status.DONE, Fraction(1))
    assert [r.message for r in a.reasons] == ["همهٔ نقاط عطف انجام شده و همهٔ شاخص‌ها به هدف رسیده‌اند"]


def test_work_recorded_after_the_moment_does_not_count_yet() -> None:
    # Step 1 was done on day 15: on day 12 it is still overdue, on day 15 it is done.
    late_first = (Milestone("گام 1", day(10), day(15)), *TEN[1:])
    assert assess(project(late_first), at=noon(day(12))).overdue == ("گام 1",)
    assert assess(project(late_first), at=noon(day(15))).overdue == ()


def test_readings_count_from_the_day_they_were_taken() -> None:
    indicator = jobs(100, (20, 10), (40, 50))
    assert indicator.attainment_on(day(19)) == 0  # the baseline until the first reading
    assert indicator.attainment_on(day(39)) == Fraction(1, 10)
    assert indicator.attainment_on(day(99)) == Fraction(1, 2)


def test_an_indicator_where_less_is_better() -> None:
    # Households in marginal settlements: 1000 → 600; 800 measured is half-way; 1100 is worse than the baseline.
    households = Indicator(
        "households",
        "خانوار حاشیه‌نشین",
        Decimal(1000),
        Decimal(600),
        Direction.DOWN,
        (Reading(day(10), Decimal(1100)), Reading(day(50), Decimal(800))),
    )
    assert households.attainment_on(day(20)) == 0
    assert households.attainment_on(day(50)) == Fraction(1, 2)
    a = assess(project(indicators=(households,)), at=noon(day(50)))
    assert a.status is Status.ON_TRACK


def test_not_started_before_the_first_day() -> None:
    assert START.isoformat() == "2025-03-21"  # 1 Farvardin 1404
    a = assess(project(TEN), at=noon(day(-1)))
    assert a.status is Status.NOT_STARTED
    assert a.reasons[0].message == "کار از ۱ فروردین ۱۴۰۴ آغاز می‌شود"


def test_the_day_is_the_day_in_tehran() -> None:
    # 20:31 UTC on 20 March is 00:01 on 21 March (1 Farvardin) in Tehran: the project has started.
    moment = dt.datetime(2025, 3, 20, 20, 31, tzinfo=dt.UTC)
    assert assess(project(TEN), at=moment).status is Status.ON_TRACK
    assert assess(project(TEN), at=moment - dt.timedelta(minutes=2)).status is Status.NOT_STARTED
    assert assess(project(TEN), at=moment, tz=dt.UTC).status is Status.NOT_STARTED


def test_expected_progress_is_clamped_to_the_window() -> None:
    p = project(TEN)
    assert [expected_progress(p, day(n)) for n in (-5, 0, 25, 100, 130)] == [0, 0, Fraction(1, 4), 1, 1]


def test_thresholds_are_arguments() -> None:
    # The first example with a stricter house rule: 20 points behind is already late.
    strict = StatusRules(at_risk_gap=Fraction(1, 20), late_gap=Fraction(1, 5))
    assert assess(project(TEN, (jobs(200, (45, 80)),)), at=noon(day(60)), rules=strict).status is Status.LATE


def test_milestone_share_weighs_milestones_against_indicators() -> None:
    rules = StatusRules(milestone_share=Fraction(3, 4))
    a = assess(project(TEN, (jobs(100, (10, 100)),)), at=noon(day(40)), rules=rules)
    assert a.progress == Fraction(3, 4) * Fraction(2, 5) + Fraction(1, 4)


@pytest.mark.parametrize(
    ("rules", "path"),
    [
        ({"at_risk_gap": Fraction(3, 10), "late_gap": Fraction(1, 5)}, "late_gap"),
        ({"at_risk_gap": Fraction(0)}, "late_gap"),
        ({"late_overdue_share": Fraction(0)}, "late_overdue_share"),
        ({"milestone_share": Fraction(1)}, "milestone_share"),
    ],
)
def test_contradictory_rules_are_refused(rules: dict[str, Fraction], path: str) -> None:
    with pytest.raises(InvalidStatusRules) as error:
        StatusRules(**rules)
    assert error.value.details == {"path": path}


def test_a_naive_moment_is_refused() -> None:
    with pytest.raises(InvalidMoment):
        assess(project(TEN), at=dt.datetime(2025, 5, 1, 12))


@pytest.mark.parametrize(
    ("build", "path"),
    [
        (lambda: project(), "milestones"),
        (lambda: project(TEN, length=0), "ends_on"),
        (lambda: project((Milestone("دیر", day(101)),)), "milestones[0].due_on"),
        (lambda: project((Milestone("زود", day(-1)),)), "milestones[0].due_on"),
        (lambda: project((Milestone("بی‌وزن", day(5), weight=0),)), "milestones[0].weight"),
        (lambda: project((Milestone("  ", day(5)),)), "milestones[0].title"),
        (lambda: project(indicators=(jobs(), jobs())), "indicators"),
        (lambda: jobs(0), "indicators.jobs.target"),
        (lambda: jobs(100, (5, 1), (5, 2)), "indicators.jobs.readings"),
    ],
)
def test_a_project_that_cannot_be_assessed_is_refused(build: object, path: str) -> None:
    with pytest.raises(InvalidKeyProject) as error:
        build()  # type: ignore[operator]
    assert error.value.details == {"path": path}
    assert error.value.code == "invalid_key_project"


def test_a_down_indicator_with_a_higher_target_is_refused() -> None:
    with pytest.raises(InvalidKeyProject, match="کمتر"):
        Indicator("waste", "پسماند", Decimal(10), Decimal(12), Direction.DOWN)


def test_status_labels_are_persian() -> None:
    assert [s.label for s in Status] == ["آغاز نشده", "طبق برنامه", "در معرض تأخیر", "با تأخیر", "انجام شده"]
