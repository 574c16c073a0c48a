"""The check-in decision table, idempotent retries, and single-use voting tokens."""

from __future__ import annotations

import datetime as dt

import pytest

from ostan.core.polling.checkin import (
    LINK_DOWN_MESSAGE,
    CheckInDecision,
    CheckInRecord,
    CheckInRequest,
    IdentityOutcome,
    LinkStatus,
    decide_check_in,
)
from ostan.core.polling.errors import InvalidKey, TokenAlreadyUsed, TokenForeignStation, UnknownToken
from ostan.core.polling.roll import Eligibility
from ostan.core.polling.tokens import TokenRecord, issue_token, redeem, token_hash

NOW = dt.datetime(2026, 6, 19, 11, 0, tzinfo=dt.UTC)  # 14:30 in Tehran
ELIGIBLE = Eligibility(True, "eligible", "رأی‌دهنده واجد شرایط است.")
TOKEN, TOKEN_HASH = issue_token(bytes(range(16)))
REQUEST = CheckInRequest("req-1", "S-0042", "0499370899", TOKEN_HASH)
EARLIER = CheckInRecord("0499370899", "S-0017", "req-0", dt.datetime(2026, 6, 19, 6, 5, tzinfo=dt.UTC))


def decide(
    *,
    request: CheckInRequest = REQUEST,
    eligibility: Eligibility | None = ELIGIBLE,
    existing: CheckInRecord | None = None,
    link: LinkStatus = LinkStatus.ONLINE,
    identity: IdentityOutcome = IdentityOutcome.CONFIRMED,
) -> CheckInDecision:
    return decide_check_in(request, eligibility=eligibility, existing=existing, link=link, identity=identity, now=NOW)


def test_eligible_voter_is_accepted_with_a_token_to_register() -> None:
    d = decide()
    assert (d.is_accepted, d.is_new, d.reason_code, d.token_hash) == (True, True, "accepted", TOKEN_HASH)
    assert d.record == CheckInRecord("0499370899", "S-0042", "req-1", NOW)


def test_retry_of_the_same_request_returns_the_original_acceptance_and_no_token() -> None:
    first = decide()
    again = decide(existing=first.record)
    assert (again.is_accepted, again.is_retry, again.is_new, again.token_hash) == (True, True, False, None)
    assert again.record == first.record


def test_retry_with_a_new_token_still_registers_nothing() -> None:
    first = decide()
    _, other_hash = issue_token(bytes(16))
    again = decide(request=CheckInRequest("req-1", "S-0042", "0499370899", other_hash), existing=first.record)
    assert (again.is_retry, again.token_hash) == (True, None)


def test_same_request_id_from_another_station_is_a_second_vote() -> None:
    first = decide()
    d = decide(request=CheckInRequest("req-1", "S-0043", "0499370899"), existing=first.record)
    assert d.reason_code == "already_voted"


def test_already_voted_names_the_station_and_the_tehran_time() -> None:
    d = decide(existing=EARLIER)
    assert (d.is_accepted, d.reason_code, d.record) == (False, "already_voted", EARLIER)
    said = "قبلاً در شعبه S-۰۰۱۷ در ساعت ۰۹:۳۵ پذیرفته شده و رمز رأی گرفته است؛ پذیرش دوباره در این دوره ممکن نیست."
    assert d.message == said
    assert "رأی داده" not in d.message  # a voter who checked in and left is not told they voted


def test_already_voted_on_another_day_gives_the_date() -> None:
    d = decide(existing=CheckInRecord("0499370899", "S-0017", "r", dt.datetime(2026, 6, 18, 6, 5, tzinfo=dt.UTC)))
    assert "۱۴۰۵/۰۳/۲۸ ۰۹:۳۵" in d.message


def test_link_down_refuses_rather_than_risk_a_double_vote() -> None:
    d = decide(link=LinkStatus.OFFLINE)
    assert (d.is_accepted, d.reason_code, d.message) == (False, "link_down", LINK_DOWN_MESSAGE)


def test_identity_comes_first_so_a_typed_code_reveals_nothing() -> None:
    d = decide(identity=IdentityOutcome.NOT_CONFIRMED, existing=EARLIER)
    assert (d.reason_code, d.record) == ("identity_not_confirmed", None)


def test_not_on_roll_is_not_eligible() -> None:
    d = decide(eligibility=None)
    assert (d.reason_code, d.eligibility_reason) == ("not_eligible", "not_on_roll")


def test_too_young_is_not_eligible_with_the_rolls_message() -> None:
    d = decide(eligibility=Eligibility(False, "too_young", "کمتر از ۱۸ سال."))
    assert (d.reason_code, d.eligibility_reason, d.message) == ("not_eligible", "too_young", "کمتر از ۱۸ سال.")


def test_outside_the_constituency_is_wrong_constituency() -> None:
    d = decide(eligibility=Eligibility(False, "outside_constituency", "..."))
    assert d.reason_code == "wrong_constituency"


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ({"identity": IdentityOutcome.NOT_CONFIRMED, "link": LinkStatus.OFFLINE}, "identity_not_confirmed"),
        ({"link": LinkStatus.OFFLINE, "existing": EARLIER}, "link_down"),
        ({"existing": EARLIER, "eligibility": None}, "already_voted"),
        ({"eligibility": Eligibility(False, "residence_too_short", "...")}, "not_eligible"),
    ],
)
def test_order_of_checks(case: dict[str, object], expected: str) -> None:
    assert decide(**case).reason_code == expected  # type: ignore[arg-type]


def test_existing_record_of_another_voter_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="another voter"):
        decide(existing=CheckInRecord("0084575948", "S-1", "r", NOW))


def test_token_is_base32_of_the_entropy_and_hash_is_documented() -> None:
    assert TOKEN == "AAAQEAYEAUDAOCAJBIFQYDIOB4"
    assert token_hash(TOKEN.lower()) == TOKEN_HASH  # typed in lower case still matches
    assert len(TOKEN_HASH) == 64


def test_token_needs_sixteen_bytes_of_entropy() -> None:
    with pytest.raises(InvalidKey):
        issue_token(bytes(15))


def test_token_redeems_once() -> None:
    record = TokenRecord(TOKEN_HASH, "S-0042")
    spent = redeem(record, station_code="S-0042")
    assert spent.is_redeemed
    with pytest.raises(TokenAlreadyUsed):
        redeem(spent, station_code="S-0042")


def test_unknown_and_foreign_tokens_are_refused() -> None:
    with pytest.raises(UnknownToken):
        redeem(None, station_code="S-0042")
    with pytest.raises(TokenForeignStation):
        redeem(TokenRecord(TOKEN_HASH, "S-0042"), station_code="S-0043")


def test_token_record_knows_no_voter_and_no_time() -> None:
    assert [f for f in TokenRecord.__dataclass_fields__] == ["token_hash", "station_code", "is_redeemed"]
