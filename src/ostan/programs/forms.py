"""The programmes' forms: Persian labels; any digit style and Jalali dates accepted, normalised here."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms

from ostan.core.jalali import InvalidJalaliDate, parse_date
from ostan.core.programs import MINISTER_FIGURES, InvalidPeriod, JalaliPeriod
from ostan.core.text import normalize_digits
from ostan.programs.entries import number, parse_indicators, parse_milestones
from ostan.programs.errors import InvalidProject
from ostan.programs.models import Challenge, OutcomeKind

REQUIRED = {"required": "این بخش را پر کنید."}
DATE_HELP = "خورشیدی، مانند ۱۴۰۵/۰۳/۱۵"


def _day(text: str) -> dt.date:
    try:
        return parse_date(text.strip())
    except InvalidJalaliDate as exc:
        raise forms.ValidationError(exc.message) from None


class JalaliDateField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("help_text", DATE_HELP)
        kwargs.setdefault("error_messages", REQUIRED)
        super().__init__(**kwargs)

    def clean(self, value: object) -> dt.date | None:
        text = super().clean(value)
        return _day(text) if text else None


class ProjectForm(forms.Form):
    unit = forms.ChoiceField(label="واحد", error_messages=REQUIRED)
    title = forms.CharField(label="عنوان کار شاخص", max_length=200, error_messages=REQUIRED)
    challenge = forms.ChoiceField(label="چالش", choices=Challenge.choices, error_messages=REQUIRED)
    goals = forms.CharField(label="هدف‌ها", widget=forms.Textarea(attrs={"rows": 3}), max_length=4000,
                            error_messages=REQUIRED)  # fmt: skip
    starts_on = JalaliDateField(label="آغاز")
    ends_on = JalaliDateField(label="پایان")
    budget = forms.CharField(label="اعتبار (میلیون ریال)", max_length=30, required=False)
    organisations = forms.MultipleChoiceField(label="دستگاه‌های مسئول", required=False)
    milestones = forms.CharField(
        label="نقاط عطف", required=False, widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
        help_text="هر سطر یکی: عنوان | موعد خورشیدی | وزن (اختیاری)، مانند «تملک زمین | ۱۴۰۵/۰۳/۱۵»",
    )  # fmt: skip
    indicators = forms.CharField(
        label="شاخص‌ها", required=False, widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        help_text="هر سطر یکی: نام | مقدار پایه | هدف | واحد اندازه‌گیری (اختیاری)؛ هدف کمتر از پایه یعنی «کمتر بهتر»",
    )  # fmt: skip
    adopts = forms.TypedChoiceField(label="پیروی از تجربهٔ موفق", required=False, coerce=int, empty_value=None)

    def clean_budget(self) -> Decimal | None:
        text = self.cleaned_data["budget"].strip()
        if not text:
            return None
        try:
            return number(text, "اعتبار", "budget")
        except InvalidProject as exc:
            raise forms.ValidationError(exc.message) from None

    def clean_milestones(self) -> object:
        try:
            return parse_milestones(self.cleaned_data["milestones"])
        except InvalidProject as exc:
            raise forms.ValidationError(exc.message) from None

    def clean_indicators(self) -> object:
        try:
            return parse_indicators(self.cleaned_data["indicators"])
        except InvalidProject as exc:
            raise forms.ValidationError(exc.message) from None


class ProgressForm(forms.Form):
    reported_on = JalaliDateField(label="تاریخ گزارش")
    text = forms.CharField(label="شرح پیشرفت", widget=forms.Textarea(attrs={"rows": 3}), max_length=4000,
                           error_messages=REQUIRED)  # fmt: skip
    done = forms.TypedMultipleChoiceField(label="نقاط عطف انجام‌شده", required=False, coerce=int,
                                          widget=forms.CheckboxSelectMultiple)  # fmt: skip
    evidence = forms.FileField(
        label="مستند (PDF، PNG یا JPEG، تا ۵ مگابایت)", required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
    )  # fmt: skip

    def __init__(self, *args: Any, indicators: tuple[tuple[int, str], ...] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.indicator_ids = [pk for pk, _ in indicators]
        for pk, name in indicators:
            self.fields[f"reading_{pk}"] = forms.CharField(label=f"مقدار تازهٔ «{name}»", required=False, max_length=30)

    def readings(self) -> dict[int, Decimal]:
        found = {}
        for pk in self.indicator_ids:
            text = normalize_digits(self.cleaned_data.get(f"reading_{pk}", "") or "").strip()
            if text:
                found[pk] = number(text, str(self.fields[f"reading_{pk}"].label or ""), f"reading_{pk}")
        return found


class AdoptForm(forms.Form):
    experience = forms.TypedChoiceField(label="تجربهٔ موفق", coerce=int, error_messages=REQUIRED)


class ExperienceForm(forms.Form):
    title = forms.CharField(label="عنوان تجربه", max_length=200, required=False, help_text="خالی: عنوان کار")
    problem = forms.CharField(label="مسئله", widget=forms.Textarea(attrs={"rows": 3}), max_length=4000,
                              error_messages=REQUIRED)  # fmt: skip
    what_was_done = forms.CharField(label="آنچه انجام شد", widget=forms.Textarea(attrs={"rows": 3}), max_length=4000,
                                    error_messages=REQUIRED)  # fmt: skip
    cost = forms.CharField(label="هزینه", max_length=200, error_messages=REQUIRED)
    results = forms.CharField(label="نتیجه‌ها", widget=forms.Textarea(attrs={"rows": 3}), max_length=4000,
                              error_messages=REQUIRED)  # fmt: skip
    contacts = forms.CharField(label="راه تماس", max_length=300, error_messages=REQUIRED)


class LibraryFilterForm(forms.Form):
    q = forms.CharField(label="جست‌وجو", required=False, max_length=100)
    challenge = forms.ChoiceField(label="چالش", required=False, choices=[("", "همه"), *Challenge.choices])
    unit = forms.ChoiceField(label="واحد", required=False)


class DeprivationForm(forms.Form):
    unit = forms.ChoiceField(label="واحد", error_messages=REQUIRED)
    score = forms.CharField(label="نمرهٔ محرومیت (۰ تا ۱۰۰؛ خالی: حذف از فهرست)", required=False, max_length=5)
    note = forms.CharField(label="مستند یا توضیح", required=False, max_length=300)

    def clean_score(self) -> int | None:
        text = normalize_digits(self.cleaned_data["score"]).strip()
        if not text:
            return None
        if not text.isdigit() or not 0 <= int(text) <= 100:
            raise forms.ValidationError("نمره باید عددی درست از ۰ تا ۱۰۰ باشد.")
        return int(text)


class OutcomeForm(forms.Form):
    figure = forms.ChoiceField(label="شاخص", choices=[(f.code, f.name) for f in MINISTER_FIGURES])
    kind = forms.ChoiceField(label="گونه", choices=OutcomeKind.choices)
    unit = forms.ChoiceField(label="واحد", error_messages=REQUIRED)
    period = forms.CharField(label="دوره", max_length=10, help_text="سال (۱۴۰۴)، فصل (۱۴۰۴-Q2) یا ماه (۱۴۰۴-۰۷)",
                             error_messages=REQUIRED)  # fmt: skip
    value = forms.CharField(label="مقدار", max_length=30, error_messages=REQUIRED)

    def clean_period(self) -> str:
        try:
            return JalaliPeriod.parse(self.cleaned_data["period"]).key
        except InvalidPeriod as exc:
            raise forms.ValidationError(exc.message) from None

    def clean_value(self) -> Decimal:
        try:
            return number(self.cleaned_data["value"], "مقدار", "value")
        except InvalidProject as exc:
            raise forms.ValidationError(exc.message) from None


class ReleaseForm(forms.Form):
    year = forms.CharField(label="سال", max_length=4, error_messages=REQUIRED)
    statement = forms.CharField(label="گزارش شورای اطلاع‌رسانی", required=False,
                                widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)  # fmt: skip

    def clean_year(self) -> int:
        text = normalize_digits(self.cleaned_data["year"]).strip()
        if not text.isdigit():
            raise forms.ValidationError("سال را با چهار رقم بنویسید؛ مانند ۱۴۰۴.")
        return int(text)


class CritiqueForm(forms.Form):
    kind = forms.ChoiceField(label="گونه", choices=[("criticism", "انتقاد"), ("suggestion", "پیشنهاد")])
    text = forms.CharField(label="متن", widget=forms.Textarea(attrs={"rows": 4}), max_length=4000,
                           error_messages=REQUIRED)  # fmt: skip
