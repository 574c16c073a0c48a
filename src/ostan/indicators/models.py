"""The indicators' tables: the catalogue, its comparison rules, targets and the reported values.

A value is stored once per indicator, unit and Jalali period, with the period's Gregorian first and last
day beside its Jalali spelling so that windows and ranges are plain indexed comparisons. Ratio indicators
(a formula, numerator ÷ denominator) have no stored values: they are computed from their two parts.
"""

from __future__ import annotations

from django.db import models

from ostan.core.network import Aggregation, Direction, Period, PeriodKind
from ostan.core.network.validation import Comparison

DIRECTION_CHOICES = [(Direction.HIGHER.value, "بیشتر بهتر است"), (Direction.LOWER.value, "کمتر بهتر است")]
AGGREGATION_CHOICES = [
    (Aggregation.SUM.value, "جمع"),
    (Aggregation.MEAN.value, "میانگین ساده"),
    (Aggregation.POPULATION_WEIGHTED_MEAN.value, "میانگین وزنی با جمعیت"),
    (Aggregation.RATIO.value, "نسبت (صورت ÷ مخرج)"),
]
PERIOD_KIND_CHOICES = [
    (PeriodKind.MONTH.value, "ماهانه"),
    (PeriodKind.QUARTER.value, "فصلی"),
    (PeriodKind.YEAR.value, "سالانه"),
]
COMPARISON_CHOICES = [(c.value, c.value) for c in Comparison]
VALUE_DIGITS, VALUE_PLACES = 18, 4


class Indicator(models.Model):
    code = models.SlugField("کد", max_length=60, unique=True)
    name = models.CharField("نام", max_length=200)
    search_key = models.CharField("کلید جست‌وجو", max_length=600, db_index=True)
    definition = models.TextField("تعریف", blank=True)
    unit_of_measure = models.CharField("واحد سنجش", max_length=60)
    direction = models.CharField("جهت مطلوب", max_length=10, choices=DIRECTION_CHOICES)
    aggregation = models.CharField("شیوهٔ تجمیع", max_length=30, choices=AGGREGATION_CHOICES)
    source = models.CharField("منبع", max_length=200)
    frequency = models.CharField("دورهٔ گزارش", max_length=10, choices=PERIOD_KIND_CHOICES, default="month")
    numerator = models.ForeignKey(
        "self", verbose_name="صورت", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    denominator = models.ForeignKey(
        "self", verbose_name="مخرج", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    factor = models.DecimalField("ضریب", max_digits=12, decimal_places=2, default=1)
    # "Poor" when worse than this by the direction of good; a unit's target, where set, speaks first.
    poor_threshold = models.DecimalField(
        "آستانهٔ نامطلوب", max_digits=VALUE_DIGITS, decimal_places=VALUE_PLACES, null=True, blank=True
    )
    minimum = models.DecimalField(
        "کمینهٔ مجاز", max_digits=VALUE_DIGITS, decimal_places=VALUE_PLACES, null=True, blank=True
    )
    maximum = models.DecimalField(
        "بیشینهٔ مجاز", max_digits=VALUE_DIGITS, decimal_places=VALUE_PLACES, null=True, blank=True
    )
    suppress_below = models.PositiveSmallIntegerField("آستانهٔ پنهان‌سازی شمار کم", null=True, blank=True)
    is_public = models.BooleanField("عمومی", default=True)
    is_active = models.BooleanField("فعال", default=True)

    class Meta:
        verbose_name = "شاخص"
        verbose_name_plural = "شاخص‌ها"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_ratio(self) -> bool:
        return self.aggregation == Aggregation.RATIO.value


class ComparisonRule(models.Model):
    """A validation rule between two indicators of the same unit and period: «left ≤ right»."""

    left = models.ForeignKey(Indicator, verbose_name="شاخص", on_delete=models.CASCADE, related_name="+")
    comparison = models.CharField("مقایسه", max_length=2, choices=COMPARISON_CHOICES)
    right = models.ForeignKey(Indicator, verbose_name="شاخص مقایسه", on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = "قاعدهٔ اعتبارسنجی"
        verbose_name_plural = "قاعده‌های اعتبارسنجی"
        constraints = [models.UniqueConstraint(fields=["left", "comparison", "right"], name="indicators_rule_once")]

    def __str__(self) -> str:
        return f"{self.left} {self.comparison} {self.right}"


class Target(models.Model):
    """A unit's target for an indicator in a Jalali year (it applies to every period of that year)."""

    indicator = models.ForeignKey(Indicator, verbose_name="شاخص", on_delete=models.CASCADE, related_name="targets")
    unit = models.ForeignKey("territory.Unit", verbose_name="واحد", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField("سال")
    value = models.DecimalField("هدف", max_digits=VALUE_DIGITS, decimal_places=VALUE_PLACES)
    baseline = models.DecimalField("مبنا", max_digits=VALUE_DIGITS, decimal_places=VALUE_PLACES, null=True, blank=True)

    class Meta:
        verbose_name = "هدف"
        verbose_name_plural = "هدف‌ها"
        constraints = [models.UniqueConstraint(fields=["indicator", "unit", "year"], name="indicators_target_once")]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}: {self.value}"


class Channel(models.TextChoices):
    FORM = "form", "فرم"
    IMPORT = "import", "بارگذاری پرونده"
    SYSTEM = "system", "سامانه"


class Value(models.Model):
    indicator = models.ForeignKey(Indicator, verbose_name="شاخص", on_delete=models.PROTECT, related_name="values")
    unit = models.ForeignKey("territory.Unit", verbose_name="واحد", on_delete=models.PROTECT, related_name="+")
    period_kind = models.CharField("نوع دوره", max_length=10, choices=PERIOD_KIND_CHOICES)
    year = models.PositiveSmallIntegerField("سال")
    number = models.PositiveSmallIntegerField("شمارهٔ دوره")
    starts_on = models.DateField("آغاز دوره")
    ends_on = models.DateField("پایان دوره")
    value = models.DecimalField("مقدار", max_digits=VALUE_DIGITS, decimal_places=VALUE_PLACES)
    is_outlier = models.BooleanField("دادهٔ پرت", default=False)
    channel = models.CharField("راه ورود", max_length=10, choices=Channel.choices, default=Channel.FORM)
    entered_at = models.DateTimeField("زمان ثبت")

    class Meta:
        verbose_name = "مقدار شاخص"
        verbose_name_plural = "مقدارهای شاخص"
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "unit", "period_kind", "year", "number"], name="indicators_value_once"
            )
        ]
        indexes = [
            models.Index(fields=["indicator", "starts_on"], name="indicators_value_by_period"),
            models.Index(fields=["unit", "starts_on"], name="indicators_value_by_unit"),
            # Outliers are rare: the dashboard's "recent outliers" reads this small index, not every value.
            models.Index(fields=["starts_on"], condition=models.Q(is_outlier=True), name="indicators_value_outliers"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.period.label}: {self.value}"

    @property
    def period(self) -> Period:
        return Period(PeriodKind(self.period_kind), self.year, self.number)
