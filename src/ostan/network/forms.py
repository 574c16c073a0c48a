"""The network's forms: they only parse (digits in any script, Jalali dates); the actions validate."""

from __future__ import annotations

import datetime as dt

from django import forms

from ostan.core.jalali import InvalidJalaliDate, parse_date
from ostan.core.text import normalize_digits
from ostan.network.committees import (
    CATEGORY_CHOICES,
    STANDING_COMMITTEES,
    BudgetSource,
    CommitteeKind,
    CrisisKind,
    ReliefKind,
    TargetGroup,
)
from ostan.network.models import MemberPosition, OverlapDecision

COMMITTEE_CHOICES = [(k.value, k.label) for k in STANDING_COMMITTEES]


class JalaliDateField(forms.CharField):
    def to_python(self, value: object) -> dt.date | None:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return None
        try:
            return parse_date(text)
        except InvalidJalaliDate as exc:
            raise forms.ValidationError(exc.message) from exc


class WholeNumberField(forms.CharField):
    """A whole number typed in Persian, Arabic or ASCII digits, with or without thousands separators."""

    def to_python(self, value: object) -> int | None:  # type: ignore[override]
        text = normalize_digits(super().to_python(value) or "").replace(",", "").replace("٬", "").strip()
        if not text:
            return None
        if not (text.isascii() and text.isdigit()) or len(text) > 17:
            raise forms.ValidationError("یک عدد صحیح بنویسید.")
        return int(text)


class CouncilForm(forms.Form):
    name = forms.CharField(label="نام (خالی: نام پیش‌فرض)", max_length=200, required=False)


class BoundaryForm(forms.Form):
    boundary = forms.FileField(label="مرز محله (GeoJSON)")


class MemberForm(forms.Form):
    full_name = forms.CharField(label="نام و نام خانوادگی", max_length=150)
    position = forms.ChoiceField(label="جایگاه", choices=MemberPosition.choices)
    organisation_code = forms.CharField(label="کد نهاد (اختیاری)", max_length=40, required=False)
    committee = forms.ChoiceField(label="کارگروه", choices=[("", "—"), *CommitteeKind.choices], required=False)


class PlanForm(forms.Form):
    period = forms.CharField(label="دوره (مثلاً ۱۴۰۵ یا ۱۴۰۵Q2)", max_length=12)
    needs = forms.CharField(label="نیازهای محله", widget=forms.Textarea(attrs={"rows": 3}))
    goals = forms.CharField(label="هدف‌ها", widget=forms.Textarea(attrs={"rows": 3}))


class ActionForm(forms.Form):
    plan = forms.ChoiceField(label="برنامه")
    organisation_code = forms.ChoiceField(label="نهاد مجری")
    committee = forms.ChoiceField(label="کارگروه", choices=COMMITTEE_CHOICES)
    category = forms.ChoiceField(label="موضوع", choices=CATEGORY_CHOICES)
    target_group = forms.ChoiceField(label="گروه هدف", choices=TargetGroup.choices)
    title = forms.CharField(label="عنوان", max_length=200)
    description = forms.CharField(label="شرح", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    starts_on = JalaliDateField(label="شروع (۱۴۰۵/۰۹/۰۱)")
    ends_on = JalaliDateField(label="پایان")
    budget_source = forms.ChoiceField(label="منبع", choices=BudgetSource.choices)
    budget = WholeNumberField(label="بودجه (ریال)", required=False)
    internal_note = forms.CharField(label="یادداشت داخلی", widget=forms.Textarea(attrs={"rows": 2}), required=False)


class ProgressForm(forms.Form):
    progress = WholeNumberField(label="پیشرفت (درصد)")
    reported_on = JalaliDateField(label="تاریخ (۱۴۰۵/۰۹/۰۱)")
    note = forms.CharField(label="شرح کار انجام‌شده", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    evidence = forms.FileField(label="عکس یا سند (JPEG، PNG یا PDF)", required=False)


class ResolveForm(forms.Form):
    decision = forms.ChoiceField(label="تصمیم", choices=OverlapDecision.choices, widget=forms.RadioSelect)
    note = forms.CharField(label="شرح تصمیم", widget=forms.Textarea(attrs={"rows": 3}))


class DeclareForm(forms.Form):
    kind = forms.ChoiceField(label="نوع بحران", choices=CrisisKind.choices)
    title = forms.CharField(label="عنوان", max_length=200)
    units = forms.MultipleChoiceField(label="واحدهای درگیر", widget=forms.CheckboxSelectMultiple)


class NeedForm(forms.Form):
    crisis = forms.ChoiceField(label="بحران")
    unit = forms.ChoiceField(label="واحد")
    kind = forms.ChoiceField(label="نیاز", choices=ReliefKind.choices)
    quantity = WholeNumberField(label="مقدار")


class ResourceForm(NeedForm):
    organisation = forms.ChoiceField(label="نهاد")


class TaskForm(forms.Form):
    unit = forms.ChoiceField(label="واحد")
    organisation = forms.ChoiceField(label="نهاد")
    title = forms.CharField(label="کار", max_length=200)
    due_on = JalaliDateField(label="مهلت (روز)")


class DoneForm(forms.Form):
    note = forms.CharField(label="شرح", max_length=2000, required=False)


class CloseForm(forms.Form):
    closing_note = forms.CharField(label="گزارش پایانی", widget=forms.Textarea(attrs={"rows": 4}))


class FilterForm(forms.Form):
    period = forms.CharField(label="دوره", max_length=12, required=False)
    committee = forms.ChoiceField(label="کارگروه", choices=[("", "همه"), *COMMITTEE_CHOICES], required=False)
