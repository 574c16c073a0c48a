"""Largest remainder with the Hare quota, checked against published results of real elections.

The German Bundestag shared its seats among parties by Hare–Niemeyer (the same method: integer parts of
seats × votes ÷ total, then largest remainders) in the elections of 1987–2005. The published seat
totals include overhang seats (Überhangmandate), which come on top of the proportional share; the
proportional share is therefore the published total minus the published overhang seats.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from ostan.core.counting import ApportionmentImpossible, largest_remainder


def test_bundestag_2005() -> None:
    """Bundestag 2005, 598 seats among the six parties over the 5% threshold.

    Second votes: Federal Returning Officer, "Final result of the Bundestag Election 2005"
    (bundeswahlleiter.de/en/bundestagswahlen/BTW_BUND_05/ergebnisse/bundesergebnisse/b_tabelle_99.html).
    Seats: press release of the Federal Returning Officer no. 40, 7 October 2005 (presseportal.de/pm/32102/733928):
    SPD 222, CDU 180, CSU 46, GRÜNE 51, FDP 61, Die Linke. 54, of 614 = 598 + 16 overhang seats;
    the overhang is SPD 9, CDU 7 (bundestag.de, "Sitzverteilung im 16. Deutschen Bundestag": 9 for the SPD,
    the rest for the CDU/CSU). Proportional share: SPD 213, CDU 173.
    """
    votes = {
        "SPD": 16_194_665,
        "CDU": 13_136_740,
        "CSU": 3_494_309,
        "GRUENE": 3_838_326,
        "FDP": 4_648_144,
        "LINKE": 4_118_194,
    }
    published = {"SPD": 222 - 9, "CDU": 180 - 7, "CSU": 46, "GRUENE": 51, "FDP": 61, "LINKE": 54}
    assert dict(largest_remainder(votes, 598).seats) == published


def test_bundestag_2002() -> None:
    """Bundestag 2002: 598 seats less the 2 won directly by the PDS (below 5%) = 596 among five parties.

    Second votes: SPD 18,488,668; CDU/CSU 18,482,641 (CDU 14,167,561 + CSU 4,315,080); GRÜNE 4,110,355;
    FDP 3,538,815 (2002 German federal election, results table, en.wikipedia.org, mirrored at
    popflock.com/learn?s=2002_German_federal_election). Seats: SPD 251 incl. 4 overhang, CDU 190 incl. 1,
    CSU 58, GRÜNE 55, FDP 47, PDS 2 direct (Federal Returning Officer, press release 23 September 2002,
    presseportal.de/en/pm/32102/382490).
    """
    votes = {"SPD": 18_488_668, "CDU": 14_167_561, "CSU": 4_315_080, "GRUENE": 4_110_355, "FDP": 3_538_815}
    published = {"SPD": 251 - 4, "CDU": 190 - 1, "CSU": 58, "GRUENE": 55, "FDP": 47}
    assert votes["CDU"] + votes["CSU"] == 18_482_641
    assert dict(largest_remainder(votes, 598 - 2).seats) == published


def test_bundestag_1998() -> None:
    """Bundestag 1998, 656 seats among five parties (PDS entered on three direct seats).

    Second votes: SPD 20,181,269; CDU 14,004,908; CSU 3,324,480; GRÜNE 3,301,624; FDP 3,080,955;
    PDS 2,515,454 (1998 German federal election, results table, Wikipedia as mirrored at
    cs.frwiki.wiki/wiki/Bundestagswahl_1998 and askwikinow.com). Seats: SPD 298 incl. 13 overhang,
    CDU 198, CSU 47, GRÜNE 47, FDP 43, PDS 36 of 669 (presseportal.de/en/pm/32102/382490: "Verteilung von
    656 Sitzen und 13 Überhangsmandaten der SPD").
    """
    votes = {
        "SPD": 20_181_269,
        "CDU": 14_004_908,
        "CSU": 3_324_480,
        "GRUENE": 3_301_624,
        "FDP": 3_080_955,
        "PDS": 2_515_454,
    }
    published = {"SPD": 298 - 13, "CDU": 198, "CSU": 47, "GRUENE": 47, "FDP": 43, "PDS": 36}
    assert dict(largest_remainder(votes, 656).seats) == published


def test_quota_integer_parts_and_remainders_are_exact() -> None:
    result = largest_remainder({"a": 5, "b": 3, "c": 2}, 4)
    assert result.quotas == {"a": Fraction(2), "b": Fraction(6, 5), "c": Fraction(4, 5)}
    assert result.integer_seats == {"a": 2, "b": 1, "c": 0}
    assert result.remainder_order == ("c", "b", "a")
    assert result.seats == {"a": 2, "b": 1, "c": 1}


def test_equal_remainders_go_to_the_larger_total_then_the_tie_order() -> None:
    # Quotas 1/2 and 3/2: the same remainder; the larger total takes the seat left over.
    assert largest_remainder({"a": 1, "b": 3}, 2).seats == {"a": 0, "b": 2}
    assert largest_remainder({"a": 1, "b": 3}, 2, prefer_larger_total=False).seats == {"a": 1, "b": 1}
    # Quotas 3/2 and 3/2: same remainder and total, so the tie order (here: reverse code order) decides.
    tied = largest_remainder({"a": 3, "b": 3}, 3, tie_order=lambda keys: tuple(sorted(keys, reverse=True)))
    assert tied.seats == {"a": 1, "b": 2}


def test_capacities_send_surplus_down_the_order_and_leave_nothing_vacant() -> None:
    result = largest_remainder({"small": 80, "big": 20}, 5, capacities={"small": 1, "big": 10})
    assert result.integer_seats == {"small": 4, "big": 1}
    assert result.seats == {"small": 1, "big": 4}
    assert (result.surplus, result.vacant) == (3, 0)


def test_seats_nobody_can_take_are_vacant() -> None:
    result = largest_remainder({"a": 10, "b": 10}, 5, capacities={"a": 1, "b": 2})
    assert result.seats == {"a": 1, "b": 2}
    assert result.vacant == 2


def test_integer_parts_above_the_seats_are_refused() -> None:
    with pytest.raises(ApportionmentImpossible):
        largest_remainder({"a": 30, "b": 30}, 3, denominator=10)


def test_no_votes_at_all_gives_every_block_a_zero_quota() -> None:
    result = largest_remainder({"a": 0, "b": 0}, 2)
    assert result.quotas == {"a": 0, "b": 0}
    assert sum(result.seats.values()) == 2
