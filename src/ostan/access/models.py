"""Organisations officials work for, and the posts people hold: a role at a unit, for an organisation or none.

An organisation stores a materialised ``path`` of codes (a provincial directorate, then its county
branches), so "this organisation and its branches" is one prefix query, as territorial scope is.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone

from ostan.access.kinds import OrganisationCategory, OrganisationKind, category_of
from ostan.core.access import Role
from ostan.core.access.roles import ROLE_LABELS

ROLE_CHOICES = [(role.value, ROLE_LABELS[role]) for role in Role]
ORGANISATION_PATH_SEPARATOR = "/"


class Organisation(models.Model):
    code = models.CharField("کد", max_length=40, unique=True)
    name = models.CharField("نام", max_length=200)
    search_key = models.CharField("کلید جست‌وجو", max_length=200, db_index=True)
    kind = models.CharField("نوع", max_length=30, choices=OrganisationKind.choices)
    category = models.CharField("گروه", max_length=20, choices=OrganisationCategory.choices, editable=False)
    parent = models.ForeignKey(
        "self", verbose_name="سازمان بالادست", null=True, blank=True, on_delete=models.PROTECT, related_name="branches"
    )
    path = models.CharField("مسیر", max_length=255, unique=True, editable=False)
    depth = models.PositiveSmallIntegerField("عمق", default=0, editable=False)
    # Where it sits (a county branch sits in its county): whose officials may register and edit it.
    seat = models.ForeignKey(
        "territory.Unit", verbose_name="واحد محل استقرار", on_delete=models.PROTECT, related_name="seated_organisations"
    )
    # The units it serves: a request or an action in a unit goes to the organisation serving it, or to the
    # nearest one up the tree.
    units = models.ManyToManyField("territory.Unit", verbose_name="واحدهای تحت پوشش", related_name="organisations")
    phone = models.CharField("تلفن", max_length=40, blank=True)
    email = models.EmailField("رایانامه", blank=True)
    address = models.CharField("نشانی", max_length=300, blank=True)
    contact_person = models.CharField("مسئول ارتباط", max_length=150, blank=True)
    is_active = models.BooleanField("فعال", default=True)

    class Meta:
        verbose_name = "سازمان"
        verbose_name_plural = "سازمان‌ها"
        indexes = [
            models.Index(fields=["path"], name="access_org_path_prefix", opclasses=["varchar_pattern_ops"]),
            models.Index(fields=["kind"], name="access_org_kind"),
        ]

    def __str__(self) -> str:
        return self.name

    def place(self, parent: Organisation | None) -> None:
        """Set the derived columns from the kind and the parent (called by the actions that write)."""
        self.category = category_of(self.kind)
        self.parent = parent
        self.path = f"{parent.path}{ORGANISATION_PATH_SEPARATOR}{self.code}" if parent else self.code
        self.depth = parent.depth + 1 if parent else 0


class Post(models.Model):
    """A person's post: role, unit and organisation for a time. Posts are never edited in place: a change
    of role or unit ends the old post and opens a new one, so the audit log's posts keep their meaning."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="شخص", on_delete=models.PROTECT, related_name="posts"
    )
    role = models.CharField("نقش", max_length=40, choices=ROLE_CHOICES)
    unit = models.ForeignKey(
        "territory.Unit", verbose_name="واحد محل خدمت", null=True, blank=True, on_delete=models.PROTECT
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name="سازمان", null=True, blank=True, on_delete=models.PROTECT, related_name="posts"
    )
    starts_at = models.DateTimeField("از", default=timezone.now)
    ends_at = models.DateTimeField("تا", null=True, blank=True)

    class Meta:
        verbose_name = "سمت"
        verbose_name_plural = "سمت‌ها"
        indexes = [models.Index(fields=["person", "starts_at"], name="access_post_person")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True) | models.Q(ends_at__gt=models.F("starts_at")),
                name="access_post_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        text = self.get_role_display()
        if self.unit is not None:
            text += f"، {self.unit.name}"
        if self.organisation is not None:
            text += f" ({self.organisation.name})"
        return text

    def is_current(self, at: dt.datetime) -> bool:
        return self.starts_at <= at and (self.ends_at is None or at < self.ends_at)


def current_q(at: dt.datetime, prefix: str = "") -> models.Q:
    """Posts held at ``at``; ``prefix`` reaches them from another model, e.g. ``"posts__"``."""
    return models.Q(**{f"{prefix}starts_at__lte": at}) & (
        models.Q(**{f"{prefix}ends_at__isnull": True}) | models.Q(**{f"{prefix}ends_at__gt": at})
    )


def holding(role: str, at: dt.datetime) -> models.QuerySet[Post]:
    """The current posts of ``role`` (to find, say, the station officials of a unit)."""
    return Post.objects.filter(current_q(at), role=role, person__is_active=True)
