"""The request lifecycle: every row of the table, every refusal, and random walks that keep the invariants."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ostan.core.servicedesk import (
    REOPEN_WINDOW,
    TRANSITIONS,
    Context,
    DeadlineEffect,
    Event,
    Open311Status,
    ReopenWindowClosed,
    RequestKind,
    Requirement,
    RequirementMissing,
    Side,
    SideNotAllowed,
    State,
    Transition,
    TransitionNotAllowed,
    detailed_status,
    open311_status,
    public_label,
    transition,
    transition_table,
)
from ostan.core.servicedesk.lifecycle import events_from, find_transition

ANSWERED_AT = dt.datetime(2026, 5, 1, 8, 0, tzinfo=dt.UTC)
D = DeadlineEffect


def full_context(row: Transition, side: Side) -> Context:
    """A context that meets every requirement of ``row``, for a request held by agency ``a1``."""
    return Context(
        side=side,
        at=ANSWERED_AT + dt.timedelta(days=3),
        reason="به مدارک بیشتری نیاز است" if Requirement.REASON in row.requires else "",
        target_agency="a2" if Requirement.TARGET_AGENCY in row.requires else None,
        answer="پاسخ دستگاه" if Requirement.ANSWER in row.requires else "",
        duplicate_of="r0" if Requirement.DUPLICATE_OF in row.requires else None,
        request_id="r1",
        agency="a1",
        answered_at=ANSWERED_AT,
    )


ROW_CASES = [
    pytest.param(row, source, side, id=f"{row.event}-from-{source}-by-{side}")
    for row in TRANSITIONS
    for source in sorted(row.sources)
    for side in sorted(row.sides)
]


@pytest.mark.parametrize(("row", "source", "side"), ROW_CASES)
def test_every_row_does_what_it_says(row: Transition, source: State, side: Side) -> None:
    outcome = transition(source, row.event, full_context(row, side))
    assert outcome.transition is row
    assert (outcome.state, outcome.deadline, outcome.is_citizen_notified) == (
        row.target,
        row.deadline,
        row.is_citizen_notified,
    )


@pytest.mark.parametrize("row", TRANSITIONS, ids=lambda r: r.event.value)
def test_other_sides_are_refused(row: Transition) -> None:
    source = min(row.sources)
    for side in set(Side) - row.sides:
        with pytest.raises(SideNotAllowed) as info:
            transition(source, row.event, full_context(row, side))
        assert info.value.code == "transition_side_not_allowed"
        assert info.value.status == 403


REQUIREMENT_CASES = [
    pytest.param(row, requirement, id=f"{row.event}-needs-{requirement}")
    for row in TRANSITIONS
    for requirement in sorted(row.requires)
]
_BLANKS = {
    Requirement.REASON: {"reason": "  \u200c "},
    Requirement.TARGET_AGENCY: {"target_agency": None},
    Requirement.ANSWER: {"answer": ""},
    Requirement.DUPLICATE_OF: {"duplicate_of": None},
}


@pytest.mark.parametrize(("row", "requirement"), REQUIREMENT_CASES)
def test_each_requirement_is_enforced(row: Transition, requirement: Requirement) -> None:
    side = min(row.sides)
    context = replace(full_context(row, side), **_BLANKS[requirement])  # type: ignore[arg-type]
    with pytest.raises(RequirementMissing) as info:
        transition(min(row.sources), row.event, context)
    assert info.value.details == {"event": row.event.value, "requirement": requirement.value}
    assert requirement.label in info.value.message


def test_events_with_no_row_are_refused_from_every_state() -> None:
    refused = 0
    for state in State:
        for event in Event:
            if find_transition(state, event) is not None:
                continue
            with pytest.raises(TransitionNotAllowed) as info:
                transition(state, event, Context(side=Side.SYSTEM))
            assert state.label in info.value.message
            assert event.label in info.value.message
            refused += 1
    assert refused > 50


def test_each_event_and_state_pair_has_at_most_one_row() -> None:
    pairs = [(row.event, state) for row in TRANSITIONS for state in row.sources]
    assert len(pairs) == len(set(pairs))


def test_the_happy_path() -> None:
    state, agency = State.REGISTERED, None
    steps = [
        (Event.ASSIGN, Context(Side.SYSTEM, target_agency="water")),
        (Event.ACCEPT, Context(Side.AGENCY)),
        (Event.REQUEST_INFORMATION, Context(Side.AGENCY, reason="نشانی دقیق را بفرستید")),
        (Event.PROVIDE_INFORMATION, Context(Side.CITIZEN)),
        (Event.ANSWER, Context(Side.AGENCY, answer="لوله تعمیر شد")),
        (Event.CLOSE, Context(Side.SYSTEM)),
    ]
    effects = []
    for event, context in steps:
        outcome = transition(state, event, replace(context, agency=agency))
        state, agency = outcome.state, outcome.agency
        effects.append(outcome.deadline)
    assert state is State.CLOSED
    assert agency == "water"
    assert effects == [D.NONE, D.NONE, D.PAUSE, D.RESUME, D.STOP, D.NONE]


def test_referral_moves_the_request_to_the_other_agency_and_refuses_the_same_one() -> None:
    outcome = transition(
        State.IN_PROGRESS,
        Event.REFER,
        Context(Side.AGENCY, reason="مربوط به برق", target_agency="power", agency="water"),
    )
    assert (outcome.state, outcome.agency, outcome.is_citizen_notified) == (State.ASSIGNED, "power", True)
    with pytest.raises(RequirementMissing, match="جز دستگاه کنونی"):
        transition(
            State.IN_PROGRESS, Event.REFER, Context(Side.AGENCY, reason="؟", target_agency="water", agency="water")
        )


def test_return_goes_back_to_the_desk() -> None:
    outcome = transition(State.ASSIGNED, Event.RETURN, Context(Side.AGENCY, reason="مدارک ناقص", agency="water"))
    assert (outcome.state, outcome.agency) == (State.RETURNED, None)
    again = transition(State.RETURNED, Event.ASSIGN, Context(Side.DESK, target_agency="roads"))
    assert (again.state, again.agency) == (State.ASSIGNED, "roads")


def test_a_request_cannot_duplicate_itself() -> None:
    with pytest.raises(RequirementMissing, match="تکرار خودش"):
        transition(State.REGISTERED, Event.MERGE, Context(Side.DESK, duplicate_of="r1", request_id="r1"))


def test_not_ours_names_the_responsible_body() -> None:
    outcome = transition(State.REGISTERED, Event.DECLARE_NOT_OURS, Context(Side.DESK, target_agency="قوه قضاییه"))
    assert (outcome.state, outcome.deadline, outcome.is_citizen_notified) == (State.NOT_OURS, D.STOP, True)


@pytest.mark.parametrize("side", [Side.CITIZEN, Side.DESK])
def test_the_citizen_reopens_only_within_the_window(side: Side) -> None:
    base = Context(side, reason="پاسخ ناقص است", agency="water", answered_at=ANSWERED_AT)
    inside = transition(State.CLOSED, Event.REOPEN, replace(base, at=ANSWERED_AT + REOPEN_WINDOW))
    assert (inside.state, inside.agency, inside.deadline) == (State.ASSIGNED, "water", D.RESTART)
    with pytest.raises(ReopenWindowClosed) as info:
        transition(State.CLOSED, Event.REOPEN, replace(base, at=ANSWERED_AT + REOPEN_WINDOW + dt.timedelta(seconds=1)))
    assert True
    assert info.value.code == "reopen_window_closed"
    with pytest.raises(ReopenWindowClosed):  # the window is an argument of the check
        transition(
            State.ANSWERED,
            Event.REOPEN,
            replace(base, at=ANSWERED_AT + dt.timedelta(days=8)),
            reopen_window=dt.timedelta(days=7),
        )
    with pytest.raises(RequirementMissing):
        transition(State.ANSWERED, Event.REOPEN, base)  # no moment given


def test_the_inspection_office_reopens_at_any_time_but_only_what_was_answered() -> None:
    late = Context(
        Side.INSPECTION,
        reason="پاسخ با قانون نمی‌خواند",
        agency="water",
        answered_at=ANSWERED_AT,
        at=ANSWERED_AT + dt.timedelta(days=400),
    )
    assert transition(State.CLOSED, Event.REOPEN, late).state is State.ASSIGNED
    with pytest.raises(RequirementMissing, match="پاسخ گرفته"):
        transition(State.CLOSED, Event.REOPEN, replace(late, answered_at=None))  # closed as a duplicate


def test_an_assignment_needs_an_agency_to_hold_it() -> None:
    with pytest.raises(RequirementMissing, match="کارتابل"):
        transition(State.ANSWERED, Event.REOPEN, Context(Side.INSPECTION, reason="بازبینی", answered_at=ANSWERED_AT))


def test_events_from_a_state() -> None:
    assert events_from(State.AWAITING_CITIZEN) == (Event.PROVIDE_INFORMATION, Event.ANSWER)
    assert events_from(State.CLOSED) == (Event.REOPEN,)


def test_the_table_as_data() -> None:
    table = transition_table()
    assert len(table) == len(TRANSITIONS)
    refer = next(entry for entry in table if entry["event"] == "refer")
    assert refer == {
        "event": "refer",
        "event_label": "ارجاع",
        "from": ["assigned", "in_progress"],
        "to": "assigned",
        "sides": ["agency", "desk", "inspection"],
        "requires": ["reason", "target_agency"],
        "deadline": "none",
        "is_citizen_notified": True,
    }


def test_every_state_has_its_outside_names() -> None:
    for state in State:
        assert public_label(state)
        assert state.label
        assert detailed_status(state)
    closed = {s for s in State if open311_status(s) is Open311Status.CLOSED}
    assert closed == {State.ANSWERED, State.CLOSED, State.MERGED, State.NOT_OURS}
    assert detailed_status(State.MERGED) == "duplicate"
    assert detailed_status(State.NOT_OURS) == "not responsible"


def test_request_kinds_have_their_persian_names() -> None:
    assert [k.label for k in RequestKind] == ["درخواست", "شکایت", "انتقاد", "پیشنهاد", "ایده و طرح", "سؤال", "تقدیر"]


# Random walks: any sequence of attempts, refused ones skipped, must keep the invariants.
HELD = {State.ASSIGNED, State.IN_PROGRESS, State.AWAITING_CITIZEN}
attempts = st.tuples(
    st.sampled_from(list(Event)),
    st.sampled_from(list(Side)),
    st.booleans(),  # whether the side brings every field the row could ask for
    st.sampled_from(["a1", "a2", "a3"]),
    st.timedeltas(dt.timedelta(0), dt.timedelta(days=20)),
)


@settings(max_examples=150)
@given(st.lists(attempts, max_size=40))
def test_random_walks_keep_the_invariants(walk: list[tuple[Event, Side, bool, str, dt.timedelta]]) -> None:
    state, agency = State.REGISTERED, None
    answered_at: dt.datetime | None = None
    now = dt.datetime(2026, 4, 1, tzinfo=dt.UTC)
    is_paused = False
    history = [state]
    for event, side, is_complete, target, step in walk:
        now += step
        context = Context(
            side=side,
            at=now,
            reason="دلیل" if is_complete else "",
            target_agency=target if is_complete else None,
            answer="پاسخ" if is_complete else "",
            duplicate_of="r0" if is_complete else None,
            request_id="r1",
            agency=agency,
            answered_at=answered_at,
        )
        try:
            outcome = transition(state, event, context)
        except (TransitionNotAllowed, SideNotAllowed, RequirementMissing, ReopenWindowClosed):
            continue
        if event is Event.REOPEN and side in (Side.CITIZEN, Side.DESK):
            assert answered_at is not None
            assert now - answered_at <= REOPEN_WINDOW
        if outcome.deadline is D.PAUSE:
            assert not is_paused
            is_paused = True
        elif outcome.deadline is D.RESUME:
            assert is_paused
            is_paused = False
        elif outcome.deadline in (D.STOP, D.RESTART):
            is_paused = False
        if outcome.state is State.ANSWERED:
            answered_at = now
        state, agency = outcome.state, outcome.agency
        history.append(state)
        assert is_paused == (state is State.AWAITING_CITIZEN)
        assert (agency is not None) or state not in HELD
        if state is State.CLOSED:
            assert history[-2] in (State.ANSWERED, State.MERGED, State.NOT_OURS)
            assert {State.ANSWERED, State.MERGED, State.NOT_OURS} & set(history)
