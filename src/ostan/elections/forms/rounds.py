"""Defining an election round: its number, name, Jalali election date, and its status."""

from __future__ import annotations

import datetime as dt

from django import forms

from ostan.core.jalali import InvalidJalaliDate, parse_date
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
