"""Shared builders for the counting tests: small constituencies written out in full."""

from __future__ import annotations

from collections.abc import Sequence

from ostan.core.counting import Candidate, Constituency, CountingRules, Education, Method, PartyList


def plurality(
    codes: list[str], *, seats: int = 3, alternates: int = 2, seed: str = "seed", rules: CountingRules | None = None
) -> Constituency:
    return Constituency(
        id="test",
        name="حوزهٔ آزمون",
        method=Method.PLURALITY,
        seats=seats,
        alternates=alternates,
        candidates=tuple(Candidate(code, f"نامزد {code}") for code in codes),
        lot_seed=seed,
        rules=rules or CountingRules(),
    )


def proportional(
    members: dict[str, list[str]],
    independents: Sequence[str] = (),
    *,
    seats: int = 5,
    seed: str = "seed",
    rules: CountingRules | None = None,
) -> Constituency:
    lists = tuple(PartyList(code, f"فهرست {code}") for code in members)
    candidates = [Candidate(code, f"نامزد {code}", list_code) for list_code, codes in members.items() for code in codes]
    candidates += [Candidate(code, f"منفرد {code}", None, education=Education.DIPLOMA) for code in independents]
    return Constituency(
        id="test",
        name="حوزهٔ تناسبی آزمون",
        method=Method.PROPORTIONAL,
        seats=seats,
        alternates=0,
        candidates=tuple(candidates),
        lists=lists,
        lot_seed=seed,
        rules=rules or CountingRules(),
    )
