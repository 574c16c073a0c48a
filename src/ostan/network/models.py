"""The network's tables: councils with members and committees, plans and the institutions' actions with
dated progress and evidence, detected overlaps and their decisions, crises with needs, resources and tasks,
and neighbourhood boundaries.

Rows are written only by the actions; statuses, roll-ups, the 3W matrix and overlap scores are computed by
the pure core (``ostan.core.network``) from these rows, never stored beside them.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from ostan.network.committees import (
    CATEGORY_CHOICES,
    BudgetSource,
    CommitteeKind,
    CrisisKind,
    ReliefKind,
    TargetGroup,
)


class CouncilLevel(models.TextChoices):
    LOCAL = "local", "شورای پیشرفت محله/روستا"
    COUNTY = "county", "شبکهٔ مدیریت محله‌محور شهرستان"
    PROVINCE = "province", "شورای راهبری استان"


class MemberPosition(models.TextChoices):
    HEAD = "head", "رئیس"
    SECRETARY = "secretary", "دبیر"
    MEMBER = "member", "عضو"


class Council(models.Model):
    unit = models.OneToOneField(
        "territory.Unit", verbose_name="واحد", on_delete=models.PROTECT, related_name="development_council"
    )
    level = models.CharField("سطح", max_length=10, choices=CouncilLevel.choices)
    name = models.CharField("نام", max_length=200)
    created_at = models.DateTimeField("ایجاد", default=timezone.now)

    class Meta:
        verbose_name = "شورای پیشرفت"
        verbose_name_plural = "شوراهای پیشرفت"

    def __str__(self) -> str:
        return self.name


class Committee(models.Model):
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="committees")
    kind = models.CharField("کارگروه", max_length=20, choices=CommitteeKind.choices)
    is_active = models.BooleanField("فعال", default=True)
    activated_at = models.DateTimeField("فعال از", null=True, blank=True)

    class Meta:
        verbose_name = "کارگروه"
        verbose_name_plural = "کارگروه‌ها"
        constraints = [models.UniqueConstraint(fields=["council", "kind"], name="network_committee_once")]

    def __str__(self) -> str:
        return f"کارگروه {self.get_kind_display()}"


class Member(models.Model):
    council = models.ForeignKey(Council, on_delete=models.CASCADE, related_name="members")
    full_name = models.CharField("نام", max_length=150)
    position = models.CharField("جایگاه", max_length=10, choices=MemberPosition.choices, default=MemberPosition.MEMBER)
    organisation = models.ForeignKey(
        "access.Organisation", verbose_name="نهاد", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    committee = models.CharField("کارگروه", max_length=20, choices=CommitteeKind.choices, blank=True)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "عضو شورا"
        verbose_name_plural = "اعضای شورا"

    def __str__(self) -> str:
        return self.full_name


class Plan(models.Model):
    """A council's action plan (برنامه اقدام) for one Jalali period: its needs, goals and actions."""

    council = models.ForeignKey(Council, on_delete=models.PROTECT, related_name="plans")
    period = models.CharField("دوره", max_length=8)  # a core Period's code: «1405», «1405Q2», «1405-03»
    needs = models.TextField("نیازها")
    goals = models.TextField("هدف‌ها")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "برنامهٔ اقدام"
        verbose_name_plural = "برنامه‌های اقدام"
        constraints = [models.UniqueConstraint(fields=["council", "period"], name="network_plan_once")]

    def __str__(self) -> str:
        return f"برنامهٔ {self.period} {self.council.name}"


class Action(models.Model):
    """An institution's action (اقدام) in a council's plan; its unit is the council's, kept for scoped reads."""

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="actions")
    unit = models.ForeignKey("territory.Unit", on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(
        "access.Organisation", verbose_name="نهاد مجری", on_delete=models.PROTECT, related_name="+"
    )
    committee = models.CharField("کارگروه", max_length=20, choices=CommitteeKind.choices)
    category = models.CharField("موضوع", max_length=30, choices=CATEGORY_CHOICES)
    target_group = models.CharField("گروه هدف", max_length=20, choices=TargetGroup.choices)
    title = models.CharField("عنوان", max_length=200)
    description = models.TextField("شرح", blank=True)
    budget = models.BigIntegerField("بودجه (ریال)", null=True, blank=True)
    budget_source = models.CharField("منبع", max_length=10, choices=BudgetSource.choices)
    starts_on = models.DateField("شروع")
    ends_on = models.DateField("پایان")
    progress = models.PositiveSmallIntegerField("پیشرفت (درصد)", default=0)
    internal_note = models.TextField("یادداشت داخلی", blank=True)
    merged_into = models.ForeignKey(
        "self", verbose_name="ادغام در", null=True, blank=True, on_delete=models.PROTECT, related_name="merged"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "اقدام"
        verbose_name_plural = "اقدام‌ها"
        indexes = [models.Index(fields=["unit", "starts_on"], name="network_action_unit")]
        constraints = [
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="network_action_progress_pct"),
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="network_action_days"),
        ]

    def __str__(self) -> str:
        return self.title


class ProgressUpdate(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    reported_on = models.DateField("تاریخ")
    progress = models.PositiveSmallIntegerField("پیشرفت (درصد)")
    note = models.TextField("شرح", blank=True)
    reported_by = models.CharField(max_length=150)
    reported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "گزارش پیشرفت"
        verbose_name_plural = "گزارش‌های پیشرفت"
        ordering = ["-reported_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.progress}٪ در {self.reported_on}"


class EvidenceKind(models.TextChoices):
    PHOTO = "photo", "عکس"
    DOCUMENT = "document", "سند (PDF)"


class Evidence(models.Model):
    """A photo or document behind a progress report, stored outside the web root (``network.evidence``)."""

    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(max_length=10, choices=EvidenceKind.choices)
    content_type = models.CharField(max_length=40)
    stored_name = models.CharField(max_length=100, unique=True)
    original_name = models.CharField(max_length=200)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)

    class Meta:
        verbose_name = "مستند"
        verbose_name_plural = "مستندها"

    def __str__(self) -> str:
        return self.original_name


class OverlapDecision(models.TextChoices):
    MERGE = "merge", "ادغام در یک اقدام"
    COORDINATE = "coordinate", "هماهنگی میان دو نهاد"
    KEEP = "keep", "هم‌پوشانی نیست؛ هر دو بمانند"


class Overlap(models.Model):
    """A likely overlap the core found between two institutions' actions, until the county network decides."""

    first = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey("territory.Unit", on_delete=models.PROTECT, related_name="+")
    score = models.FloatField()
    similarity = models.FloatField()
    shared_days = models.PositiveIntegerField()
    reasons = models.JSONField(default=list)
    detected_at = models.DateTimeField(default=timezone.now)
    decision = models.CharField("تصمیم", max_length=12, choices=OverlapDecision.choices, blank=True)
    decision_note = models.TextField("شرح تصمیم", blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.CharField(max_length=150, blank=True)

    class Meta:
        verbose_name = "هم‌پوشانی"
        verbose_name_plural = "هم‌پوشانی‌ها"
        constraints = [models.UniqueConstraint(fields=["first", "second"], name="network_overlap_pair_once")]

    def __str__(self) -> str:
        return f"هم‌پوشانی {self.first_id} و {self.second_id}"


class Crisis(models.Model):
    kind = models.CharField("نوع", max_length=12, choices=CrisisKind.choices)
    title = models.CharField("عنوان", max_length=200)
    county = models.ForeignKey("territory.Unit", verbose_name="اعلام‌شده در", on_delete=models.PROTECT, related_name="+")
    units = models.ManyToManyField("territory.Unit", verbose_name="واحدهای درگیر", related_name="+")
    declared_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    closing_note = models.TextField("گزارش پایانی", blank=True)

    class Meta:
        verbose_name = "بحران"
        verbose_name_plural = "بحران‌ها"

    def __str__(self) -> str:
        return self.title


class CrisisNeed(models.Model):
    crisis = models.ForeignKey(Crisis, on_delete=models.CASCADE, related_name="needs")
    unit = models.ForeignKey("territory.Unit", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("نوع", max_length=12, choices=ReliefKind.choices)
    quantity = models.PositiveIntegerField("مقدار")
    recorded_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.kind}: {self.quantity}"


class CrisisResource(models.Model):
    crisis = models.ForeignKey(Crisis, on_delete=models.CASCADE, related_name="resources")
    unit = models.ForeignKey("territory.Unit", verbose_name="محل تحویل", on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey("access.Organisation", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField("نوع", max_length=12, choices=ReliefKind.choices)
    quantity = models.PositiveIntegerField("مقدار")
    recorded_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.kind}: {self.quantity}"


class CrisisTask(models.Model):
    crisis = models.ForeignKey(Crisis, on_delete=models.CASCADE, related_name="tasks")
    unit = models.ForeignKey("territory.Unit", on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey("access.Organisation", on_delete=models.PROTECT, related_name="+")
    title = models.CharField("کار", max_length=200)
    due_at = models.DateTimeField("مهلت")
    done_at = models.DateTimeField(null=True, blank=True)
    done_note = models.TextField(blank=True)

    class Meta:
        ordering = ["due_at", "pk"]

    def __str__(self) -> str:
        return self.title


class Boundary(models.Model):
    """A neighbourhood's (or village's) outline, imported as GeoJSON and kept as checked [lon, lat] rings."""

    unit = models.OneToOneField("territory.Unit", on_delete=models.CASCADE, related_name="network_boundary")
    rings = models.JSONField()
    imported_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"مرز {self.unit_id}"
