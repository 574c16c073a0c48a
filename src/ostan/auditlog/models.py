"""An append-only record of every state change. Rows are only ever inserted (a database trigger refuses
UPDATE and DELETE on PostgreSQL)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from ostan.auditlog.events import event_label


class Entry(models.Model):
    recorded_at = models.DateTimeField("زمان", default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="کاربر", null=True, blank=True, on_delete=models.PROTECT,
        db_index=False,  # indexed below, people only
    )  # fmt: skip
    actor_label = models.CharField("نام کاربر", max_length=150, blank=True)
    actor_role = models.CharField("نقش", max_length=40, blank=True)
    actor_unit = models.ForeignKey(
        "territory.Unit",
        verbose_name="واحد کاربر",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,  # indexed below, people only
    )
    # The post the person acted in (its role, unit and organisation are copied above and here, so the entry
    # reads the same whatever later happens to the post); empty for the system, whose reason is kept instead.
    actor_post = models.ForeignKey(
        "access.Post", verbose_name="سمت", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        db_index=False,
    )  # fmt: skip
    actor_organisation = models.ForeignKey(
        "access.Organisation", verbose_name="سازمان کاربر", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", db_index=False,
    )  # fmt: skip
    actor_reason = models.CharField("علت اقدام سامانه", max_length=200, blank=True)
    event = models.CharField("رویداد", max_length=80)
    object_type = models.CharField("نوع شیء", max_length=80, blank=True)
    object_id = models.CharField("شناسه شیء", max_length=64, blank=True)
    object_label = models.CharField("شیء", max_length=300, blank=True)
    # The unit the changed object belongs to: what scopes who may read this entry.
    unit_path = models.CharField("مسیر واحد", max_length=255, blank=True)
    before = models.JSONField("پیش از تغییر", null=True, blank=True)
    after = models.JSONField("پس از تغییر", null=True, blank=True)

    class Meta:
        verbose_name = "رویداد"
        verbose_name_plural = "دفتر رویدادها"
        ordering = ["-recorded_at", "-id"]
        # One index per way the log is read, and no more: the election day's system writes one entry per
        # check-in, and each index is one more write for each. The event is only ever matched whole;
        # the unit path by itself or as a prefix (one pattern index serves both); the actor columns
        # are empty for the system, so their indexes hold people's entries only.
        indexes = [
            models.Index(fields=["object_type", "object_id"], name="auditlog_entry_object"),
            models.Index(fields=["event"], name="auditlog_entry_event"),
            models.Index(fields=["unit_path"], name="auditlog_entry_unit_path", opclasses=["varchar_pattern_ops"]),
            models.Index(fields=["actor"], name="auditlog_entry_actor", condition=models.Q(actor__isnull=False)),
            models.Index(
                fields=["actor_unit"], name="auditlog_entry_actor_unit", condition=models.Q(actor_unit__isnull=False)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} {self.object_label}"

    @property
    def event_label(self) -> str:
        return event_label(self.event)
