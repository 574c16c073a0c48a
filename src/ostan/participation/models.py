"""Participation's tables: the middle rings (stakeholders) each office keeps, its meetings with them and their
decisions, and circulars and reports between government offices with each recipient's receipt.

Every column is written by the actions; the status of a decision or of a circular's recipients is derived by
the pure core (``ostan.core.programs``) from the moments stored here.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from ostan.core.programs import Priority


class Ring(models.TextChoices):
    """Who the governor's offices meet (governance.md §3): the middle rings, critics, investors, entrepreneurs."""

    PARTY = "party", "حزب و تشکل سیاسی"
    MEDIA = "media", "رسانه"
    REFERENCE_GROUP = "reference_group", "گروه مرجع"
    LOCAL_TRUSTEE = "local_trustee", "معتمد محلی"
    PROMINENT_FIGURE = "prominent_figure", "چهرهٔ شاخص"
    CRITIC = "critic", "منتقد"
    INVESTOR = "investor", "سرمایه‌گذار"
    ENTREPRENEUR = "entrepreneur", "کارآفرین"


class MeetingKind(models.TextChoices):
    MEETING = "meeting", "نشست"
    ASSEMBLY = "assembly", "همایش"


class CircularKind(models.TextChoices):
    CIRCULAR = "circular", "بخشنامه"  # down the tree
    REPORT = "report", "گزارش"  # back up


PRIORITY_CHOICES = [(p.value, p.label) for p in Priority]


class Stakeholder(models.Model):
    """One person or group of the middle rings in a unit, kept by one office; its contacts are that office's."""

    unit = models.ForeignKey("territory.Unit", verbose_name="واحد", on_delete=models.PROTECT, related_name="+")
    keeper = models.ForeignKey(
        "access.Organisation", verbose_name="دفتر نگه‌دارنده", on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField("نام", max_length=200)
    search_key = models.CharField("کلید جست‌وجو", max_length=200, db_index=True)
    ring = models.CharField("گروه", max_length=30, choices=Ring.choices)
    affiliation = models.CharField("وابستگی یا سمت", max_length=200, blank=True)
    # Personal data: shown only to the keeping office (participation.read_stakeholder_contacts).
    phone = models.CharField("تلفن", max_length=20, blank=True)
    email = models.EmailField("رایانامه", blank=True)
    address = models.CharField("نشانی", max_length=300, blank=True)
    created_at = models.DateTimeField("زمان ثبت")

    class Meta:
        verbose_name = "ذی‌نفع"
        verbose_name_plural = "ذی‌نفعان"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["keeper", "unit", "search_key"], name="participation_stakeholder_once")
        ]

    def __str__(self) -> str:
        return self.name


class Meeting(models.Model):
    unit = models.ForeignKey("territory.Unit", verbose_name="واحد", on_delete=models.PROTECT, related_name="+")
    organiser = models.ForeignKey(
        "access.Organisation", verbose_name="دفتر برگزارکننده", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField("نوع", max_length=20, choices=MeetingKind.choices, default=MeetingKind.MEETING)
    title = models.CharField("عنوان", max_length=200)
    held_at = models.DateTimeField("زمان برگزاری")
    place = models.CharField("محل", max_length=200, blank=True)
    agenda = models.TextField("دستور جلسه")
    minutes = models.TextField("صورتجلسه", blank=True)
    minutes_recorded_at = models.DateTimeField("زمان ثبت صورتجلسه", null=True, blank=True)
    created_at = models.DateTimeField("زمان ثبت")

    class Meta:
        verbose_name = "جلسه"
        verbose_name_plural = "جلسه‌ها"
        ordering = ["-held_at"]

    def __str__(self) -> str:
        return self.title


class Invitation(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="invitations")
    stakeholder = models.ForeignKey(Stakeholder, on_delete=models.PROTECT, related_name="invitations")
    attended = models.BooleanField("حضور", null=True, blank=True)  # None until the minutes say

    class Meta:
        verbose_name = "دعوت"
        verbose_name_plural = "دعوت‌ها"
        constraints = [models.UniqueConstraint(fields=["meeting", "stakeholder"], name="participation_invite_once")]

    def __str__(self) -> str:
        return f"{self.stakeholder} → {self.meeting}"


class Decision(models.Model):
    """A meeting's decision (مصوبه) with its owner and due day; done when ``done_on`` is set."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    title = models.CharField("مصوبه", max_length=300)
    owner = models.CharField("مسئول پیگیری", max_length=200)
    due_on = models.DateField("مهلت")
    done_on = models.DateField("انجام شده در", null=True, blank=True)
    done_note = models.CharField("گزارش انجام", max_length=300, blank=True)

    class Meta:
        verbose_name = "مصوبه"
        verbose_name_plural = "مصوبه‌ها"
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.title


class Circular(models.Model):
    """A circular (down) or a report (up) from one government office to others; its record is on the board."""

    kind = models.CharField("نوع", max_length=20, choices=CircularKind.choices, default=CircularKind.CIRCULAR)
    sender = models.ForeignKey(
        "access.Organisation", verbose_name="فرستنده", on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey("territory.Unit", verbose_name="واحد فرستنده", on_delete=models.PROTECT, related_name="+")
    title = models.CharField("عنوان", max_length=200)
    body = models.TextField("متن")
    priority = models.CharField("فوریت", max_length=20, choices=PRIORITY_CHOICES, default=Priority.NORMAL.value)
    sent_at = models.DateTimeField("زمان ارسال")
    deadline_at = models.DateTimeField("مهلت تأیید")
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="ارسال‌کننده", null=True, on_delete=models.PROTECT, related_name="+"
    )
    board_seq = models.BigIntegerField("شمارهٔ مدخل تابلو", null=True)

    class Meta:
        verbose_name = "بخشنامه یا گزارش"
        verbose_name_plural = "بخشنامه‌ها و گزارش‌ها"
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(deadline_at__gt=models.F("sent_at")), name="participation_deadline_after_sending"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def number(self) -> str:
        return f"{self.pk}"


class Recipient(models.Model):
    """One office's copy of a circular and what happened to it there."""

    circular = models.ForeignKey(Circular, on_delete=models.CASCADE, related_name="recipients")
    office = models.ForeignKey("access.Organisation", verbose_name="گیرنده", on_delete=models.PROTECT, related_name="+")
    delivered_at = models.DateTimeField("تحویل", null=True, blank=True)
    read_at = models.DateTimeField("خوانده شد", null=True, blank=True)
    acknowledged_at = models.DateTimeField("تأیید دریافت", null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="تأییدکننده", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    note = models.CharField("یادداشت تأیید", max_length=300, blank=True)
    board_seq = models.BigIntegerField("شمارهٔ مدخل تأیید", null=True, blank=True)

    class Meta:
        verbose_name = "گیرندهٔ بخشنامه"
        verbose_name_plural = "گیرندگان بخشنامه"
        ordering = ["office__name"]
        constraints = [models.UniqueConstraint(fields=["circular", "office"], name="participation_recipient_once")]

    def __str__(self) -> str:
        return f"{self.circular} → {self.office}"


class Attachment(models.Model):
    """A file sent with a circular: checked by its bytes, kept in the private storage, never in the web root."""

    circular = models.ForeignKey(Circular, on_delete=models.CASCADE, related_name="attachments")
    name = models.CharField("نام پرونده", max_length=200)
    content_type = models.CharField("نوع", max_length=100)
    size = models.PositiveIntegerField("اندازه (بایت)")
    sha256 = models.CharField("چکیده", max_length=64)
    stored_name = models.CharField("نام در انبار", max_length=200, unique=True)

    class Meta:
        verbose_name = "پیوست"
        verbose_name_plural = "پیوست‌ها"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class Reminder(models.Model):
    """A reminder owed to one recipient at one step of the schedule: its key is unique, so it is made once;
    the background task sends it once (``sent_at``)."""

    key = models.CharField("کلید", max_length=120, unique=True)
    recipient = models.ForeignKey(Recipient, on_delete=models.CASCADE, related_name="reminders")
    step = models.CharField("مرحله", max_length=30)
    text = models.TextField("متن")
    created_at = models.DateTimeField("زمان ساخت")
    sent_at = models.DateTimeField("زمان ارسال", null=True, blank=True)
    sent_to = models.PositiveSmallIntegerField("شمار گیرندگان پیامک", default=0)
    attempts = models.PositiveSmallIntegerField("تلاش‌ها", default=0)

    class Meta:
        verbose_name = "یادآوری"
        verbose_name_plural = "یادآوری‌ها"
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.key
