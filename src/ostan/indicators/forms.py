"""Forms of the indicators' pages. They collect text; numbers are read in any digit style here and the
actions decide everything else."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

from django import forms

from ostan.core.network import InvalidPeriod, Period, parse_period
from ostan.core.network.validation import Comparison
from ostan.indicators.entries import IndicatorEntry, NotANumber, parse_number
from ostan.indicators.models import AGGREGATION_CHOICES, DIRECTION_CHOICES, PERIOD_KIND_CHOICES, Indicator

FORMATS = [("csv", "CSV"), ("xlsx", "XLSX")]


def _ltr(**attrs: str) -> forms.TextInput:
    return forms.TextInput(attrs={"dir": "ltr", "autocomplete": "off", "spellcheck": "false", **attrs})


class NumberField(forms.CharField):
    """A number typed with Persian, Arabic or ASCII digits, «٫» or «.» for the point."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 30)
        kwargs.setdefault("widget", _ltr(inputmode="decimal"))
        super().__init__(**kwargs)

    def clean(self, value: Any) -> Decimal | None:
        text = super().clean(value)
        if not text:
            return None
        try:
            return parse_number(text)
        except NotANumber as exc:
            raise forms.ValidationError(str(exc)) from None


class PeriodField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("widget", _ltr())
        kwargs.setdefault("help_text", "ماه «۱۴۰۵-۰۳»، فصل «۱۴۰۵Q2» یا سال «۱۴۰۵»")
        super().__init__(**kwargs)

    def clean(self, value: Any) -> Period | None:
        text = super().clean(value)
        if not text:
            return None
        try:
            return parse_period(text)
        except InvalidPeriod as exc:
            raise forms.ValidationError(exc.message) from None


def _summable() -> list[tuple[str, str]]:
    rows = Indicator.objects.filter(aggregation="sum").order_by("name").values_list("code", "name")
    return [("", "—"), *((code, f"{name} ({code})") for code, name in rows)]


class IndicatorForm(forms.Form):
    code = forms.CharField(label="کد لاتین", max_length=60, widget=_ltr(), help_text="مثلاً infant_deaths")
    name = forms.CharField(label="نام", max_length=200)
    definition = forms.CharField(label="تعریف", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    unit_of_measure = forms.CharField(label="واحد سنجش", max_length=60, help_text="نفر، درصد، در هزار تولد زنده")
    direction = forms.ChoiceField(label="جهت مطلوب", choices=DIRECTION_CHOICES)
    aggregation = forms.ChoiceField(
        label="شیوهٔ تجمیع", choices=AGGREGATION_CHOICES,
        help_text="«میانگین وزنی با جمعیت» هر واحد را به جمعیت سرشماری‌اش وزن می‌دهد.",
    )  # fmt: skip
    source = forms.CharField(label="منبع", max_length=200)
    frequency = forms.ChoiceField(label="دورهٔ گزارش", choices=PERIOD_KIND_CHOICES)
    numerator = forms.ChoiceField(label="صورت (فقط شاخص نسبی)", required=False)
    denominator = forms.ChoiceField(label="مخرج (فقط شاخص نسبی)", required=False)
    factor = NumberField(label="ضریب", required=False, help_text="۱۰۰ برای درصد، ۱۰۰۰ برای در هزار")
    poor_threshold = NumberField(label="آستانهٔ نامطلوب", required=False, help_text="بدتر از این، «نامطلوب» است")
    minimum = NumberField(label="کمینهٔ مجاز", required=False)
    maximum = NumberField(label="بیشینهٔ مجاز", required=False)
    suppress_below = forms.IntegerField(
        label="پنهان‌سازی شمارهای کمتر از", required=False, min_value=2,
        help_text="در نمای عمومی؛ خالی یعنی بی‌پنهان‌سازی",
    )  # fmt: skip
    is_public = forms.BooleanField(label="عمومی", required=False, initial=True)
    is_active = forms.BooleanField(label="فعال", required=False, initial=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("numerator", "denominator"):
            cast(forms.ChoiceField, self.fields[name]).choices = _summable()

    def entry(self, code: str | None = None) -> IndicatorEntry:
        d = self.cleaned_data
        return IndicatorEntry(
            code=code or d["code"].strip(), name=d["name"], unit_of_measure=d["unit_of_measure"],
            direction=d["direction"], aggregation=d["aggregation"], source=d["source"],
            definition=d["definition"], frequency=d["frequency"], numerator=d["numerator"] or "",
            denominator=d["denominator"] or "", factor=d["factor"] if d["factor"] is not None else Decimal(1),
            poor_threshold=d["poor_threshold"], minimum=d["minimum"], maximum=d["maximum"],
            suppress_below=d["suppress_below"], is_public=d["is_public"], is_active=d["is_active"],
        )  # fmt: skip


def initial_of(indicator: Indicator) -> dict[str, Any]:
    return {
        "code": indicator.code, "name": indicator.name, "definition": indicator.definition,
        "unit_of_measure": indicator.unit_of_measure, "direction": indicator.direction,
        "aggregation": indicator.aggregation, "source": indicator.source, "frequency": indicator.frequency,
        "numerator": indicator.numerator.code if indicator.numerator else "",
        "denominator": indicator.denominator.code if indicator.denominator else "",
        "factor": indicator.factor.normalize(), "poor_threshold": indicator.poor_threshold,
        "minimum": indicator.minimum, "maximum": indicator.maximum, "suppress_below": indicator.suppress_below,
        "is_public": indicator.is_public, "is_active": indicator.is_active,
    }  # fmt: skip


class RuleForm(forms.Form):
    left = forms.ChoiceField(label="شاخص")
    comparison = forms.ChoiceField(label="مقایسه", choices=[(c.value, c.value) for c in Comparison])
    right = forms.ChoiceField(label="شاخص مقایسه")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        rows = Indicator.objects.exclude(aggregation="ratio").order_by("name").values_list("code", "name")
        for name in ("left", "right"):
            cast(forms.ChoiceField, self.fields[name]).choices = list(rows)


class PeriodForm(forms.Form):
    period = PeriodField(label="دوره")


class ValuesForm(forms.Form):
    """One field per indicator entered in periods of this kind, named by the indicator's code."""

    def __init__(self, *args: Any, indicators: list[Indicator], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for indicator in indicators:
            self.fields[indicator.code] = NumberField(
                label=f"{indicator.name} ({indicator.unit_of_measure})", required=False,
                help_text=indicator.definition[:200],
            )  # fmt: skip

    def values(self) -> dict[str, Decimal]:
        return {code: v for code, v in self.cleaned_data.items() if v is not None}


class ImportForm(forms.Form):
    file = forms.FileField(label="پرونده CSV یا XLSX")


class TargetForm(forms.Form):
    indicator = forms.ChoiceField(label="شاخص")
    year = forms.IntegerField(label="سال", min_value=1390, max_value=1500, widget=_ltr(inputmode="numeric"))
    value = NumberField(label="هدف")
    baseline = NumberField(label="مبنا", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        rows = Indicator.objects.filter(is_active=True).order_by("name").values_list("code", "name")
        cast(forms.ChoiceField, self.fields["indicator"]).choices = list(rows)

    def clean_year(self) -> int:
        return int(self.cleaned_data["year"])


class AreaForm(forms.Form):
    unit = forms.CharField(label="کد واحد", max_length=32, required=False, widget=_ltr())
    period = PeriodField(label="تا دورهٔ", required=False)
