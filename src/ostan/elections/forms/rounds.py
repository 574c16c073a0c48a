"""Defining an election round: its number, name, Jalali election date, and its status."""

from __future__ import annotations

import datetime as dt

from django import forms

from ostan.core.jalali import TEHRAN, InvalidJalaliDate, parse_date
from ostan.core.text import normalize_digits
from ostan.elections.forms.entries import REQUIRED, NumberField
from ostan.elections.models import RoundStatus

ROUND_NUMBER_MAX = 99


class RoundForm(forms.Form):
    number = NumberField(label="شماره دوره", min_value=1, max_value=ROUND_NUMBER_MAX)
    name = forms.CharField(label="نام دوره", max_length=200, error_messages=REQUIRED)
    election_date = forms.CharField(
        label="تاریخ رأی‌گیری", required=False, max_length=20, help_text="خورشیدی، مانند ۱۴۰۵/۰۳/۰۸؛ بعداً هم می‌شود."
    )

    def clean_election_date(self) -> dt.date | None:
        text = self.cleaned_data["election_date"].strip()
        if not text:
            return None
        try:
            return parse_date(text)
        except InvalidJalaliDate as exc:
            raise forms.ValidationError(exc.message) from None


class RoundStatusForm(forms.Form):
    status = forms.ChoiceField(label="وضعیت", choices=RoundStatus.choices)


def _moment(text: str) -> dt.datetime | None:
    """«۱۴۰۵/۰۳/۰۸ ۰۸:۰۰» (Tehran time) as an aware moment; empty: None."""
    text = normalize_digits(text).strip()
    if not text:
        return None
    day_text, _, time_text = text.partition(" ")
    try:
        day = parse_date(day_text)
        clock = dt.time.fromisoformat(time_text.strip() or "00:00")
    except InvalidJalaliDate as exc:
        raise forms.ValidationError(exc.message) from None
    except ValueError:
        raise forms.ValidationError("ساعت را مانند ۰۸:۰۰ بنویسید.") from None
    return dt.datetime.combine(day, clock, tzinfo=TEHRAN)


class ScheduleForm(forms.Form):
    """The round's polling hours, in Tehran time; either may stay empty (that side is not limited)."""

    opens_at = forms.CharField(label="آغاز رأی‌گیری", required=False, max_length=30,
                               help_text="خورشیدی و ساعت تهران، مانند ۱۴۰۵/۰۳/۰۸ ۰۸:۰۰")  # fmt: skip
    closes_at = forms.CharField(label="پایان رأی‌گیری", required=False, max_length=30,
                                help_text="تمدید ساعت رأی‌گیری: همین‌جا پایان تازه را بنویسید.")  # fmt: skip

    def clean_opens_at(self) -> dt.datetime | None:
        return _moment(self.cleaned_data["opens_at"])

    def clean_closes_at(self) -> dt.datetime | None:
        return _moment(self.cleaned_data["closes_at"])
