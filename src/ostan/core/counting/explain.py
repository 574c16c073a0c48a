"""Persian sentences that explain a count step by step, for the results page and the CLI."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction

from ostan.core.counting.results import BallotSummary, ListResult, TieBreak, decimal_text
from ostan.core.text import format_number, to_persian_digits

REASON_NAMES = {
    "unknown_code": "کد ناشناخته",
    "repeated_code": "کد تکراری",
    "too_many_codes": "کد بیش از تعداد کرسی‌ها",
    "list_and_candidates": "کد فهرست همراه کدهای دیگر",
    "several_lists": "چند کد فهرست",
}
DECIDER_NAMES = {
    "veteran_priority": "اولویت ایثارگری",
    "education": "مدرک تحصیلی بالاتر",
    "lot": "قرعه",
    "larger_total": "مجموع آرای بیشتر",
}
INDEPENDENTS_NAME = "منفردها"


def number(value: int) -> str:
    return format_number(value)


def decimal(value: Fraction, places: int = 4) -> str:
    return to_persian_digits(decimal_text(value, places)).replace(".", "\u066b")


def percent(value: Fraction) -> str:
    return decimal(value * 100, 2) + "٪"


def ballots_sentence(s: BallotSummary) -> str:
    text = (
        f"از {number(s.total)} برگهٔ رأی، {number(s.valid)} معتبر، {number(s.partly_valid)} بخشی معتبر، "
        f"{number(s.invalid)} باطل و {number(s.blank)} سفید بود."
    )
    if s.reasons:
        parts = [f"{REASON_NAMES.get(r, r)}: {number(n)}" for r, n in sorted(s.reasons.items())]
        text += " علت‌ها (هر برگه ممکن است چند علت داشته باشد): " + "، ".join(parts) + "."
    return text


def who(code: str, names: Mapping[str, str]) -> str:
    return f"{names.get(code, code)} ({to_persian_digits(code)})"


def people(codes: Sequence[str], names: Mapping[str, str]) -> str:
    return "، ".join(who(c, names) for c in codes) if codes else "هیچ‌کس"


def tie_sentence(tie: TieBreak, names: Mapping[str, str]) -> str:
    subject = "فهرست‌های" if tie.kind == "lists" else "نامزدهای"
    text = (
        f"تساوی میان {subject} {people(sorted(tie.candidates), names)} با {DECIDER_NAMES[tie.decided_by]} "
        f"شکسته شد؛ ترتیب: {people(tie.order, names)}."
    )
    if tie.lot_input is not None:
        text += " ورودی قرعه (SHA-256 هر سطر، کوچک‌ترین اول): " + " ؛ ".join(tie.lot_input.splitlines())
    return text


def plurality_sentences(
    seats: int,
    alternates: int,
    members: Sequence[str],
    alternate_codes: Sequence[str],
    votes: Mapping[str, int],
    names: Mapping[str, str],
) -> list[str]:
    lines = [
        f"شیوهٔ اکثریتی (مادهٔ ۱۷): {number(seats)} نامزد با بیشترین رأی عضو اصلی و "
        f"{number(alternates)} نفر بعدی به ترتیب رأی عضو علی‌البدل می‌شوند.",
    ]
    for i, code in enumerate(members, start=1):
        lines.append(f"عضو اصلی {number(i)}: {who(code, names)} با {number(votes[code])} رأی.")
    for i, code in enumerate(alternate_codes, start=1):
        lines.append(f"علی‌البدل {number(i)}: {who(code, names)} با {number(votes[code])} رأی.")
    return lines


def proportional_opening(seats: int, base: int, denominator_rule: str) -> str:
    what = (
        "مجموع آرای همهٔ فهرست‌ها و منفردها"
        if denominator_rule == "candidate_votes"
        else "تعداد برگه‌های معتبر و بخشی معتبر"
    )
    return (
        f"شیوهٔ تناسبی (مادهٔ ۲۰ مکرر): سهم هر فهرست = مجموع آرای آن ÷ {what} ({number(base)})؛ "
        f"سهمیه = سهم × {number(seats)} کرسی. نخست بخش صحیح سهمیه‌ها و سپس کرسی‌های باقیمانده "
        "به بزرگ‌ترین باقیمانده‌ها (روش همیلتون) داده می‌شود."
    )


def list_sentence(pl: ListResult) -> str:
    name = pl.name or INDEPENDENTS_NAME
    if pl.is_below_threshold:
        return f"{name}: مجموع {number(pl.total)} رأی، سهم {percent(pl.share)}؛ زیر حد نصاب، بی‌کرسی."
    return (
        f"{name}: مجموع {number(pl.total)} رأی، سهم {percent(pl.share)}، سهمیه {decimal(pl.quota)} → "
        f"{number(pl.integer_seats)} کرسی صحیح و باقیماندهٔ {decimal(pl.remainder)}"
        + (f"، {number(pl.remainder_seats)} کرسی از باقیمانده" if pl.remainder_seats else "")
        + f"؛ جمعاً {number(pl.seats)} کرسی و {number(pl.alternates)} علی‌البدل."
    )


def remainder_sentence(order: Sequence[str], won: Mapping[str, int], names: Mapping[str, str]) -> str:
    winners = [names.get(k) or INDEPENDENTS_NAME for k in order if won.get(k, 0)]
    if not winners:
        return "همهٔ کرسی‌ها با بخش صحیح سهمیه‌ها پر شد."
    return "کرسی‌های باقیمانده به ترتیب بزرگ‌ترین باقیمانده رسید به: " + "، ".join(winners) + "."


def block_sentence(pl: ListResult, names: Mapping[str, str], votes: Mapping[str, int], short: bool) -> str:
    name = pl.name or INDEPENDENTS_NAME
    seated = "، ".join(f"{who(c, names)} ({number(votes[c])})" for c in pl.members) or "هیچ‌کس"
    text = f"در {name} کرسی‌ها به ترتیب رأی رسید به: {seated}."
    if pl.alternate_codes:
        text += " علی‌البدل‌ها: " + "، ".join(f"{who(c, names)} ({number(votes[c])})" for c in pl.alternate_codes) + "."
    if short:
        text += " این فهرست بیش از نامزدهایش کرسی داشت و مازاد آن طبق قاعده جابه‌جا شد."
    return text
