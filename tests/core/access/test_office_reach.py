"""The ``office`` reach: the post's own organisation itself, never a branch nor a parent; it never allows what
the ``organisation`` reach would refuse, and it keeps the unit check."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ostan.core.access import Actor, Capability, Reach, Role, Target, decide, grant
from ostan.core.access.actors import Post

OFFICE = Capability("test.office_only", "آزمون", (grant(Reach.OFFICE, Role.GOVERNOR),), is_write=False)
ORGANISATION = Capability("test.organisation", "آزمون", (grant(Reach.ORGANISATION, Role.GOVERNOR),), is_write=False)
PATHS = st.lists(st.sampled_from(["GOV", "CO1", "CO2", "DO1"]), min_size=1, max_size=3).map("/".join)
UNITS = st.sampled_from(["00", "00/0001", "00/0001/000102", "00/0002"])


def _actor(unit: str, organisation: str) -> Actor:
    post = Post(1, Role.GOVERNOR, unit_id=1, unit_path=unit, organisation_id=1, organisation_path=organisation)
    return Actor.person(1, "آزمون", post)


@settings(max_examples=200)
@given(own=PATHS, other=PATHS, home=UNITS, where=UNITS)
def test_office_is_the_own_organisation_within_the_unit(own: str, other: str, home: str, where: str) -> None:
    actor = _actor(home, own)
    target = Target(unit_path=where, organisation_path=other)
    office = decide(actor, OFFICE, target).allowed
    assert office == (actor.covers_unit(where) and own == other)
    assert not office or decide(actor, ORGANISATION, target).allowed


def test_a_parent_office_is_refused_what_its_branch_keeps() -> None:
    governorate = _actor("00", "GOV")
    kept = Target(unit_path="00/0001", organisation_path="GOV/CO1")
    assert decide(governorate, ORGANISATION, kept).allowed
    assert not decide(governorate, OFFICE, kept).allowed
    assert decide(_actor("00/0001", "GOV/CO1"), OFFICE, kept).allowed
