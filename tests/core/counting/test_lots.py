"""Verifiable lots: anyone recomputes the order with sha256sum from the published seed."""

from __future__ import annotations

import hashlib
import shutil
import subprocess

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ostan.core.counting import LotSeedRequired, count, draw_lots, lot_digest, lot_string

from .conftest import plurality


def test_the_lot_input_is_seed_context_code() -> None:
    assert lot_string("s33d", "tehran-1405", "1024") == "s33d|tehran-1405|1024"
    assert lot_digest("s33d", "tehran-1405", "1024") == hashlib.sha256(b"s33d|tehran-1405|1024").hexdigest()


def test_the_worked_example_of_the_docs() -> None:
    # docs/counting.md: digests 4c3f… (14) < b095… (15) < bece… (13).
    assert lot_digest("1405-round7-published-seed", "golden-lot", "14").startswith("4c3fb3ef")
    assert draw_lots("1405-round7-published-seed", "golden-lot", ["13", "14", "15"]) == ("14", "15", "13")


@pytest.mark.skipif(shutil.which("sha256sum") is None, reason="sha256sum is part of coreutils")
def test_sha256sum_gives_the_same_digest() -> None:
    text = lot_string("بذر ۱۴۰۵", "golden-lot", "13")
    out = subprocess.run(["sha256sum"], input=text.encode("utf-8"), capture_output=True, check=True).stdout
    assert out.decode().split()[0] == lot_digest("بذر ۱۴۰۵", "golden-lot", "13")


@given(st.text(min_size=1), st.lists(st.from_regex(r"[0-9]{1,5}", fullmatch=True), unique=True, max_size=8))
def test_the_same_seed_gives_the_same_lot(seed: str, codes: list[str]) -> None:
    first = draw_lots(seed, "ctx", codes)
    assert draw_lots(seed, "ctx", list(reversed(codes))) == first
    assert sorted(first) == sorted(codes)


def test_a_lot_that_decides_a_seat_needs_the_seed() -> None:
    c = plurality(["11", "12", "13"], seats=1, alternates=1, seed="")
    with pytest.raises(LotSeedRequired) as raised:
        count(c, [["11"], ["12"], ["13"]])
    assert raised.value.details == {"candidates": ["11", "12", "13"]}


def test_a_tie_that_decides_nothing_needs_no_seed() -> None:
    c = plurality(["11", "12", "13", "14"], seats=2, alternates=0, seed="")
    result = count(c, [["11", "12"], ["11", "12"], ["13", "14"]])
    assert set(result.members) == {"11", "12"}
    assert result.tie_breaks == ()


def test_tied_alternates_are_ordered_by_lot_and_recorded() -> None:
    c = plurality(["11", "12", "13"], seats=1, alternates=2, seed="x")
    result = count(c, [["11"], ["11"], ["12"], ["13"]])
    (tie,) = result.tie_breaks
    assert tie.decided_by == "lot"
    assert result.alternates == draw_lots("x", "test", ["12", "13"])
