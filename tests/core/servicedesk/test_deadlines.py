"""Deadlines worked by hand on the official 1405 calendar: Nowruz, 12–13 Farvardin, lunar holidays, pauses.

Each comment lists the working days as counted, so a reader can check the figure on a printed calendar.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ostan.core.servicedesk import (
    Deadline,
    InvalidDeadline,
    Pause,
    due_at,
    due_on,
    handling_working_days,
    is_overdue,
    is_reminder_due,
    remaining_working_days,
    reminder_on,
    working_days_between,
)
from ostan.core.servicedesk import deadlines as dl

from .conftest import CALENDAR, TEHRAN, THURSDAYS_OFF, j, tehran


def test_across_nowruz() -> None:
    # Registered Tue 26 Esfand 1404: Wed 27 (1), Thu 28 (2); Fri 29 Esfand, Nowruz and Eid al-Fitr 1–4
    # Farvardin off; Wed 5 (3), Thu 6 (4), Fri 7 off, Sat 8 Farvardin 1405 (5).
    deadline = Deadline(tehran(1404, 12, 26, 11), 5)
    assert due_on(deadline, CALENDAR, tz=TEHRAN) == j(1405, 1, 8)
    # With Thursdays off: Wed 27 (1), Wed 5 (2), Sat 8 (3), Sun 9 (4), Mon 10 Farvardin (5).
    assert due_on(deadline, THURSDAYS_OFF, tz=TEHRAN) == j(1405, 1, 10)


def test_due_at_the_end_of_the_day_in_tehran() -> None:
    deadline = Deadline(tehran(1404, 12, 26, 11), 5)
    # The end of Sat 8 Farvardin 1405 in Tehran (UTC+3:30) is 20:30 UTC that day.
    assert due_at(deadline, CALENDAR, tz=TEHRAN) == dt.datetime(2026, 3, 28, 20, 30, tzinfo=dt.UTC)
    assert not is_overdue(deadline, CALENDAR, at=tehran(1405, 1, 8, 23, 59), tz=TEHRAN)
    assert is_overdue(deadline, CALENDAR, at=tehran(1405, 1, 9, 0, 0), tz=TEHRAN)


def test_across_the_twelfth_and_thirteenth_of_farvardin() -> None:
    # Registered Sat 8 Farvardin: Sun 9 (1), Mon 10 (2), Tue 11 (3); Wed 12, Thu 13 and Fri 14 off;
    # Sat 15 (4), Sun 16 (5).
    assert due_on(Deadline(tehran(1405, 1, 8), 5), CALENDAR, tz=TEHRAN) == j(1405, 1, 16)


def test_across_tasua_and_ashura() -> None:
    # Registered Mon 1 Tir 1405: Tue 2 (1); Tasua Wed 3, Ashura Thu 4, Fri 5 off; Sat 6 (2), Sun 7 (3).
    assert due_on(Deadline(tehran(1405, 4, 1), 3), CALENDAR, tz=TEHRAN) == j(1405, 4, 7)


def test_across_the_lunar_holidays_of_mordad_with_thursdays_off() -> None:
    # Registered Mon 12 Mordad 1405: Arbaeen Tue 13 off; Wed 14 (1); Sat 17–Tue 20 (2–5); 28 Safar Wed 21
    # and Imam Reza Thu 22 off; Sat 24–Tue 27 (6–9), Wed 28 Mordad (10).
    assert due_on(Deadline(tehran(1405, 5, 12), 10), THURSDAYS_OFF, tz=TEHRAN) == j(1405, 5, 28)


def test_the_registration_day_is_the_local_day() -> None:
    # 21:00 UTC on Fri 27 March 2026 is 00:30 on Sat 8 Farvardin in Tehran: counting starts on Sunday.
    late = Deadline(dt.datetime(2026, 3, 27, 21, 0, tzinfo=dt.UTC), 1)
    assert due_on(late, CALENDAR, tz=TEHRAN) == j(1405, 1, 9)
    assert due_on(late, CALENDAR, tz=dt.UTC) == j(1405, 1, 8)  # the tz is the caller's choice


def test_a_pause_gives_back_the_working_days_spent_waiting() -> None:
    # Registered Sun 2 Esfand 1405, 10 working days, Thursdays off: Mon 3 (1), Tue 4 (2), Wed 5 (3);
    # Imam Ali's martyrdom Sat 8 off; Sun 9–Wed 12 (4–7), Sat 15–Mon 17 (8–10): due Mon 17 Esfand.
    plain = Deadline(tehran(1405, 12, 2, 9), 10)
    assert due_on(plain, THURSDAYS_OFF, tz=TEHRAN) == j(1405, 12, 17)
    # Awaiting the citizen from Tue 4 to Sun 9 Esfand gives back (4, 9]: Wed 5 and Sun 9, two days.
    # Mon 17 + 2: Eid al-Fitr Tue 18 and Wed 19 off, Sat 22 (1), Sun 23 Esfand (2).
    paused = plain.with_pause(Pause(tehran(1405, 12, 4, 12), tehran(1405, 12, 9, 10)))
    assert due_on(paused, THURSDAYS_OFF, tz=TEHRAN) == j(1405, 12, 23)
    assert dl.given_back_working_days(paused, THURSDAYS_OFF, tz=TEHRAN) == 2
    # The clock stood still: eight working days remained when the question went out and when the answer came.
    assert remaining_working_days(plain, THURSDAYS_OFF, at=tehran(1405, 12, 4, 12), tz=TEHRAN) == 8
    assert remaining_working_days(paused, THURSDAYS_OFF, at=tehran(1405, 12, 9, 10), tz=TEHRAN) == 8
    # Reminder two working days ahead: from Mon 17, with Sat 22 and Sun 23 left.
    assert reminder_on(paused, THURSDAYS_OFF, tz=TEHRAN, before=2) == j(1405, 12, 17)
    assert not is_reminder_due(paused, THURSDAYS_OFF, at=tehran(1405, 12, 16), tz=TEHRAN, before=2)
    assert is_reminder_due(paused, THURSDAYS_OFF, at=tehran(1405, 12, 17), tz=TEHRAN, before=2)


def test_an_open_pause_holds_the_remaining_days() -> None:
    waiting = Deadline(tehran(1405, 12, 2, 9), 10, (Pause(tehran(1405, 12, 4, 12)),))
    for day in (5, 9, 12, 16):
        assert remaining_working_days(waiting, THURSDAYS_OFF, at=tehran(1405, 12, day), tz=TEHRAN) == 8
        assert not is_overdue(waiting, THURSDAYS_OFF, at=tehran(1405, 12, day), tz=TEHRAN)
    status = dl.status(waiting, THURSDAYS_OFF, at=tehran(1405, 12, 9), tz=TEHRAN)
    assert status.is_paused
    assert status.given_back_working_days == 2
    with pytest.raises(InvalidDeadline):
        due_on(waiting, THURSDAYS_OFF, tz=TEHRAN)  # an open pause needs the moment of the count


def test_a_pause_after_the_deadline_gives_nothing_back() -> None:
    plain = Deadline(tehran(1405, 1, 8), 5)  # due Sun 16 Farvardin
    late = plain.with_pause(Pause(tehran(1405, 1, 17), tehran(1405, 1, 25)))
    assert due_on(late, CALENDAR, tz=TEHRAN) == j(1405, 1, 16)
    assert is_overdue(late, CALENDAR, at=tehran(1405, 1, 25, 12), tz=TEHRAN)


def test_a_pause_within_one_day_gives_nothing_back() -> None:
    same_day = Deadline(tehran(1405, 1, 8), 5, (Pause(tehran(1405, 1, 9, 9), tehran(1405, 1, 9, 13)),))
    assert due_on(same_day, CALENDAR, tz=TEHRAN) == j(1405, 1, 16)


def test_remaining_days_on_the_due_day_and_after() -> None:
    deadline = Deadline(tehran(1405, 1, 8), 5)  # due Sun 16 Farvardin
    assert remaining_working_days(deadline, CALENDAR, at=tehran(1405, 1, 11), tz=TEHRAN) == 2  # Sat 15, Sun 16
    assert remaining_working_days(deadline, CALENDAR, at=tehran(1405, 1, 16, 18), tz=TEHRAN) == 0
    assert remaining_working_days(deadline, CALENDAR, at=tehran(1405, 1, 18), tz=TEHRAN) == -2  # Mon 17, Tue 18


def test_a_reminder_longer_than_the_deadline_falls_on_its_first_day() -> None:
    deadline = Deadline(tehran(1405, 1, 8), 5)
    assert reminder_on(deadline, CALENDAR, tz=TEHRAN, before=9) == j(1405, 1, 9)


def test_handling_time_leaves_out_the_pauses() -> None:
    pauses = (Pause(tehran(1405, 12, 4, 12), tehran(1405, 12, 9, 10)),)
    # (2, 17 Esfand] holds 10 working days with Thursdays off; the pause gave back 2 of them.
    answered = tehran(1405, 12, 17, 13)
    assert handling_working_days(tehran(1405, 12, 2, 9), answered, THURSDAYS_OFF, tz=TEHRAN, pauses=pauses) == 8
    assert working_days_between(j(1405, 12, 2), j(1405, 12, 17), THURSDAYS_OFF) == 10


@pytest.mark.parametrize(
    "build",
    [
        lambda: Deadline(dt.datetime(2026, 3, 28, 10), 5),
        lambda: Deadline(tehran(1405, 1, 8), 0),
        lambda: Pause(tehran(1405, 1, 9), tehran(1405, 1, 8)),
        lambda: Deadline(tehran(1405, 1, 8), 5, (Pause(tehran(1405, 1, 7)),)),
        lambda: Deadline(tehran(1405, 1, 8), 5, (Pause(tehran(1405, 1, 9)), Pause(tehran(1405, 1, 10)))),
        lambda: Deadline(
            tehran(1405, 1, 8),
            5,
            (Pause(tehran(1405, 1, 9), tehran(1405, 1, 11)), Pause(tehran(1405, 1, 10), tehran(1405, 1, 12))),
        ),
    ],
    ids=["naive", "zero-days", "pause-ends-first", "pause-before-registration", "two-open", "overlapping"],
)
def test_inconsistent_inputs_are_refused(build: object) -> None:
    with pytest.raises(InvalidDeadline) as info:
        build()  # type: ignore[operator]
    assert info.value.code == "invalid_deadline"
