"""Setting up a constituency: the settlement, the kind of council, an override of the law's seats with
its reason, a population the census lacks, and whether voting takes place."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from ostan.core.jalali import to_jalali
from ostan.elections.actions.constituencies import OVERRIDE_SEATS_MAX
from ostan.elections.forms.entries import REQUIRED, NumberField
from ostan.elections.models import ConstituencyKind
from ostan.territory.actions import POPULATION_MAX, REASON_MAX_LENGTH, YEAR_MAX, YEAR_MIN


class ConstituencyForm(forms.Form):
    unit = forms.CharField(widget=forms.HiddenInput, max_length=32)
    kind = forms.ChoiceField(label="نوع شورا", choices=ConstituencyKind.choices)
    name = forms.CharField(label="نام حوزه", max_length=200, required=False, help_text="خالی: نام شهر یا روستا")
    seats = NumberField(label="اعضای اصلی", min_value=1, max_value=OVERRIDE_SEATS_MAX, required=False)
    alternates = NumberField(label="اعضای علی‌البدل", min_value=0, max_value=OVERRIDE_SEATS_MAX, required=False)
    override_reason = forms.CharField(label="دلیل تعیین دستی", max_length=500, required=False)

    def __init__(self, *args: Any, kinds: list[tuple[str, str]] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if kinds is not None:
            self.fields["kind"].choices = kinds  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        seats, alternates, reason = data.get("seats"), data.get("alternates"), data.get("override_reason", "")
        if seats is None and alternates is None and not reason:
            return data  # the law's table decides
        if seats is None and "seats" not in self.errors:
            self.add_error("seats", "برای تعیین دستی، تعداد اعضای اصلی لازم است.")
        if alternates is None and "alternates" not in self.errors:
            self.add_error("alternates", "برای تعیین دستی، تعداد علی‌البدل‌ها لازم است.")
        if not reason.strip():
            self.add_error("override_reason", "دلیل تعیین دستی کرسی‌ها را بنویسید.")
        return data


def current_jalali_year() -> int:
    return int(to_jalali(timezone.localdate()).year)


class PopulationForm(forms.Form):
    unit = forms.CharField(widget=forms.HiddenInput, max_length=32)
    population = NumberField(label="جمعیت", min_value=0, max_value=POPULATION_MAX)
    year = NumberField(label="سال (خورشیدی)", min_value=YEAR_MIN, max_value=YEAR_MAX)
    reason = forms.CharField(
        label="منبع یا دلیل", max_length=REASON_MAX_LENGTH, error_messages=REQUIRED,
        help_text="مثلاً: نامه مرکز آمار به شماره ...",
    )  # fmt: skip


class VotingForm(forms.Form):
    is_voting = forms.TypedChoiceField(
        label="رأی‌گیری",
        choices=[("yes", "برگزار می‌شود"), ("no", "برگزار نمی‌شود")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label="دلیل برگزار نشدن", max_length=500, required=False, widget=forms.Textarea(
        attrs={"rows": 3}))  # fmt: skip

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("is_voting") is False and not data.get("reason", "").strip():
            self.add_error("reason", "دلیل برگزار نشدن رأی‌گیری را بنویسید.")
        return data
