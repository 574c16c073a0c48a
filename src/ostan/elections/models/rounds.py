"""Election rounds and their constituencies. Dates, statuses and which constituencies vote are
configuration entered by officials, never code: the 7th round was postponed and may skip areas."""

from __future__ import annotations

from django.db import models


class RoundStatus(models.TextChoices):
    DRAFT = "draft", "پیش‌نویس"
    CANDIDATES = "candidates", "ثبت نامزدها"
    VOTING = "voting", "رأی‌گیری"
    COUNTING = "counting", "شمارش"
    PUBLISHED = "published", "اعلام نتایج"


class ElectionRound(models.Model):
    number = models.PositiveSmallIntegerField("دوره", unique=True)
    name = models.CharField("نام", max_length=200)
    election_date = models.DateField("تاریخ رأی‌گیری", null=True, blank=True)
    status = models.CharField("وضعیت", max_length=20, choices=RoundStatus.choices, default=RoundStatus.DRAFT)
    # The polling hours (ostan.core.polling.schedule): check-ins and ballots only between them. Either may
    # be unset (that side is then not limited); hours extended on the day move polls_close_at.
    polls_open_at = models.DateTimeField("آغاز رأی‌گیری", null=True, blank=True)
    polls_close_at = models.DateTimeField("پایان رأی‌گیری", null=True, blank=True)
    created_at = models.DateTimeField("زمان ایجاد", auto_now_add=True)

    class Meta:
        verbose_name = "دوره انتخابات"
        verbose_name_plural = "دوره‌های انتخابات"
        ordering = ["-number"]

    def __str__(self) -> str:
        return self.name


class ConstituencyKind(models.TextChoices):
    CITY_COUNCIL = "city_council", "شورای اسلامی شهر"
    VILLAGE_COUNCIL = "village_council", "شورای اسلامی روستا"
    PROPORTIONAL = "proportional", "شورای شهر (تناسبی)"


class CountingMethod(models.TextChoices):
    # The values are the core's Method values, so they pass straight through to the count.
    PLURALITY = "plurality", "اکثریت نسبی (ماده ۱۷)"
    PROPORTIONAL = "proportional", "تناسبی فهرستی (ماده ۲۰ مکرر)"


class Constituency(models.Model):
    election_round = models.ForeignKey(
        ElectionRound, verbose_name="دوره", on_delete=models.PROTECT, related_name="constituencies"
    )
    unit = models.ForeignKey(
        "territory.Unit", verbose_name="واحد تقسیماتی", on_delete=models.PROTECT, related_name="constituencies"
    )
    kind = models.CharField("نوع", max_length=20, choices=ConstituencyKind.choices)
    name = models.CharField("نام", max_length=200)
    method = models.CharField("روش شمارش", max_length=20, choices=CountingMethod.choices)
    population = models.PositiveIntegerField("جمعیت مبنا", null=True, blank=True)
    population_source = models.CharField("منبع جمعیت", max_length=300, blank=True)
    seats = models.PositiveSmallIntegerField("اعضای اصلی")
    alternates = models.PositiveSmallIntegerField("اعضای علی‌البدل")
    seats_override_reason = models.CharField("دلیل تعیین دستی کرسی‌ها", max_length=500, blank=True)
    is_voting = models.BooleanField("رأی‌گیری برگزار می‌شود", default=True)
    not_voting_reason = models.CharField("دلیل برگزار نشدن", max_length=500, blank=True)
    # Published with the result: every lot drawn in a tie derives from it, so observers can redo it.
    lot_seed = models.CharField("بذر قرعه", max_length=200, blank=True)
    results_published_at = models.DateTimeField("زمان اعلام نتایج", null=True, blank=True)
    created_at = models.DateTimeField("زمان ایجاد", auto_now_add=True)

    class Meta:
        verbose_name = "حوزه انتخابیه"
        verbose_name_plural = "حوزه‌های انتخابیه"
        ordering = ["election_round", "name"]
        constraints = [
            models.UniqueConstraint(fields=["election_round", "unit", "kind"], name="elections_constituency_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.name}"

    @property
    def is_published(self) -> bool:
        return self.results_published_at is not None

    @property
    def is_proportional(self) -> bool:
        return self.method == CountingMethod.PROPORTIONAL
