"""The programmes' tables: key projects with milestones, indicators and dated progress reports with evidence;
units' deprivation; outcome figures' targets and actuals; published experiences; and the critiques filed
through the service desk about a project or an office.

A project's status is never stored: it depends on the day, so the pure core (``ostan.core.programs.assess``)
derives it from the milestones and indicators whenever it is shown.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from ostan.core.programs import Direction


class Challenge(models.TextChoices):
    """The named challenges a key project answers (governance.md §3)."""

    MARGINAL_SETTLEMENTS = "marginal_settlements", "سکونتگاه‌های غیررسمی و حاشیه‌نشینی"
    WASTE = "waste", "پسماند"
    JOBS = "jobs", "اشتغال"
    DEPRIVED_AREAS = "deprived_areas", "مناطق محروم"
    INVESTMENT = "investment", "جذب سرمایه‌گذاری"
    STALLED_PROJECTS = "stalled_projects", "طرح‌های راکد و نیمه‌تمام"
    WATER = "water", "آب و خشکسالی"
    OTHER = "other", "دیگر"


DIRECTION_CHOICES = [(Direction.UP.value, "بیشتر بهتر"), (Direction.DOWN.value, "کمتر بهتر")]


class Deprivation(models.Model):
    """A unit the governor's office lists as deprived (محروم), with a score: higher is more deprived.

    Units under a scored unit inherit its score unless they have their own (``ostan.core.programs.rollup``).
    """

    unit = models.OneToOneField("territory.Unit", verbose_name="واحد", on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField("نمرهٔ محرومیت (۰ تا ۱۰۰)")
    note = models.CharField("مستند یا توضیح", max_length=300, blank=True)
    set_at = models.DateTimeField("زمان ثبت")

    class Meta:
        verbose_name = "محرومیت واحد"
        verbose_name_plural = "محرومیت واحدها"
        constraints = [models.CheckConstraint(condition=models.Q(score__lte=100), name="programs_score_le_100")]

    def __str__(self) -> str:
        return str(self.unit.name)


class KeyProject(models.Model):
    unit = models.ForeignKey("territory.Unit", verbose_name="واحد", on_delete=models.PROTECT, related_name="+")
    title = models.CharField("عنوان", max_length=200)
    search_key = models.CharField("کلید جست‌وجو", max_length=400, db_index=True)
    challenge = models.CharField("چالش", max_length=30, choices=Challenge.choices)
    goals = models.TextField("هدف‌ها")
    starts_on = models.DateField("آغاز")
    ends_on = models.DateField("پایان")
    budget = models.DecimalField("اعتبار (میلیون ریال)", max_digits=16, decimal_places=0, null=True, blank=True)
    organisations = models.ManyToManyField(
        "access.Organisation", verbose_name="دستگاه‌های مسئول", related_name="+", blank=True
    )
    # The published experience this project follows (the library's "adopt"), if any.
    adopted = models.ForeignKey(
        "Experience", verbose_name="تجربهٔ به‌کاررفته", null=True, blank=True, on_delete=models.PROTECT,
        related_name="adoptions",
    )  # fmt: skip
    adopted_on = models.DateField("تاریخ به‌کارگیری", null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("زمان ثبت")
    # When its milestones or indicators last changed (a report): what the cached statuses are keyed on.
    changed_at = models.DateTimeField("آخرین تغییر", db_index=True)

    class Meta:
        verbose_name = "کار شاخص"
        verbose_name_plural = "کارهای شاخص"
        ordering = ["-starts_on", "pk"]
        constraints = [models.CheckConstraint(condition=models.Q(ends_on__gt=models.F("starts_on")),
                                              name="programs_window_ordered")]  # fmt: skip

    def __str__(self) -> str:
        return self.title


class Milestone(models.Model):
    project = models.ForeignKey(KeyProject, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField("عنوان", max_length=200)
    due_on = models.DateField("موعد")
    done_on = models.DateField("تاریخ انجام", null=True, blank=True)
    weight = models.PositiveSmallIntegerField("وزن", default=1)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.title


class Indicator(models.Model):
    project = models.ForeignKey(KeyProject, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField("کد", max_length=40)
    name = models.CharField("نام", max_length=200)
    unit_of_measure = models.CharField("واحد اندازه‌گیری", max_length=40, blank=True)
    baseline = models.DecimalField("مقدار پایه", max_digits=16, decimal_places=2)
    target = models.DecimalField("هدف", max_digits=16, decimal_places=2)
    direction = models.CharField("جهت", max_length=4, choices=DIRECTION_CHOICES, default=Direction.UP.value)
    weight = models.PositiveSmallIntegerField("وزن", default=1)

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["project", "code"], name="programs_indicator_code_once")]

    def __str__(self) -> str:
        return self.name


class ProgressUpdate(models.Model):
    """A dated progress report: what was done, milestones marked done and indicator readings, with evidence."""

    project = models.ForeignKey(KeyProject, on_delete=models.CASCADE, related_name="updates")
    reported_on = models.DateField("تاریخ گزارش")
    text = models.TextField("شرح پیشرفت")
    author_label = models.CharField("گزارش‌دهنده", max_length=200, blank=True)
    created_at = models.DateTimeField("زمان ثبت")

    class Meta:
        ordering = ["-reported_on", "-pk"]
        indexes = [models.Index(fields=["project", "reported_on"], name="programs_update_project_day")]

    def __str__(self) -> str:
        return f"{self.project} — {self.reported_on}"


class Reading(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="readings")
    update = models.ForeignKey(ProgressUpdate, null=True, on_delete=models.CASCADE, related_name="readings")
    on = models.DateField("تاریخ اندازه‌گیری")
    value = models.DecimalField("مقدار", max_digits=16, decimal_places=2)

    class Meta:
        ordering = ["on", "pk"]
        constraints = [models.UniqueConstraint(fields=["indicator", "on"], name="programs_reading_once_a_day")]

    def __str__(self) -> str:
        return f"{self.indicator} — {self.on}: {self.value}"


class Evidence(models.Model):
    """A file attached to a progress report: checked by its bytes, kept in the private store (never under the
    web root) and served only through the policy-checked evidence view."""

    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="evidence")
    name = models.CharField("نام پرونده", max_length=200)
    stored_as = models.CharField(max_length=200, unique=True)
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField("حجم")
    sha256 = models.CharField(max_length=64)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class OutcomeKind(models.TextChoices):
    TARGET = "target", "هدف"
    ACTUAL = "actual", "عملکرد"


class OutcomeRecord(models.Model):
    """A target or an actual of one of the minister's outcome figures for a unit and a Jalali period."""

    figure_code = models.CharField("شاخص", max_length=40)
    kind = models.CharField("گونه", max_length=10, choices=OutcomeKind.choices)
    unit = models.ForeignKey("territory.Unit", verbose_name="واحد", on_delete=models.PROTECT, related_name="+")
    period_key = models.CharField("دوره", max_length=10)  # 1404, 1404-Q3 or 1404-07
    value = models.DecimalField("مقدار", max_digits=18, decimal_places=2)
    recorded_at = models.DateTimeField("زمان ثبت")

    class Meta:
        ordering = ["figure_code", "period_key", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["figure_code", "kind", "unit", "period_key"], name="programs_outcome_once")
        ]

    def __str__(self) -> str:
        return f"{self.figure_code} {self.kind} {self.period_key}"


class AchievementsRelease(models.Model):
    """The information council's publication of a province's achievements for a Jalali year: the public
    page shows only the years released."""

    unit = models.ForeignKey("territory.Unit", verbose_name="واحد", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField("سال")
    statement = models.TextField("گزارش شورای اطلاع‌رسانی", blank=True)
    published_at = models.DateTimeField("زمان انتشار")
    published_by = models.CharField("منتشرکننده", max_length=200, blank=True)

    class Meta:
        ordering = ["-year"]
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="programs_release_once")]

    def __str__(self) -> str:
        return f"{self.unit} {self.year}"


class Experience(models.Model):
    """A finished project published as a best practice (تجربهٔ موفق)."""

    project = models.OneToOneField(KeyProject, on_delete=models.PROTECT, related_name="experience")
    unit = models.ForeignKey("territory.Unit", verbose_name="واحد", on_delete=models.PROTECT, related_name="+")
    challenge = models.CharField("چالش", max_length=30, choices=Challenge.choices)
    title = models.CharField("عنوان", max_length=200)
    problem = models.TextField("مسئله")
    what_was_done = models.TextField("آنچه انجام شد")
    cost = models.CharField("هزینه", max_length=200)
    results = models.TextField("نتیجه‌ها")
    contacts = models.CharField("راه تماس", max_length=300)
    search_key = models.TextField("کلید جست‌وجو")
    published_at = models.DateTimeField("زمان انتشار")

    class Meta:
        verbose_name = "تجربهٔ موفق"
        verbose_name_plural = "تجربه‌های موفق"
        ordering = ["-published_at", "pk"]

    def __str__(self) -> str:
        return self.title


class Critique(models.Model):
    """A critique or proposal filed through the service desk (one pipeline, one tracking code, one deadline),
    and what it is about: a project or an office. The request itself stays the desk's; this row is the link."""

    request_id = models.PositiveBigIntegerField("شمارهٔ درخواست میز خدمت", unique=True)
    tracking_code = models.CharField("کد رهگیری", max_length=10)
    project = models.ForeignKey(KeyProject, null=True, blank=True, on_delete=models.PROTECT, related_name="critiques")
    organisation = models.ForeignKey(
        "access.Organisation", verbose_name="دفتر", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    unit = models.ForeignKey("territory.Unit", verbose_name="واحد", on_delete=models.PROTECT, related_name="+")
    filed_at = models.DateTimeField("زمان ثبت")

    class Meta:
        ordering = ["-filed_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(project__isnull=False) | models.Q(organisation__isnull=False),
                name="programs_critique_about_something",
            )
        ]

    def __str__(self) -> str:
        return str(self.tracking_code)
