"""The audit log in the admin: read-only for everyone, and each reader sees only their own scope."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from ostan.auditlog.models import Entry
from ostan.auditlog.permissions import READ_ENTRIES
from ostan.auditlog.selectors import entries_visible_to
from ostan.core.access import acting, allows
from ostan.core.jalali import format_datetime


@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("recorded_at_jalali", "actor_label", "actor_role", "event_label", "object_label", "unit_path")
    list_filter = ("event",)
    search_fields = ("actor_label", "object_label", "object_id")
    search_help_text = "جست‌وجو با نام کاربر یا شیء"
    list_per_page = 50
    show_full_result_count = False

    @admin.display(description="زمان", ordering="recorded_at")
    def recorded_at_jalali(self, obj: Entry) -> str:
        return format_datetime(obj.recorded_at, timezone.get_current_timezone())

    @admin.display(description="رویداد", ordering="event")
    def event_label(self, obj: Entry) -> str:
        return obj.event_label

    def get_queryset(self, request: HttpRequest) -> QuerySet[Entry]:
        return entries_visible_to(acting(request))

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return ["recorded_at_jalali", *(f.name for f in Entry._meta.fields if f.name != "recorded_at")]

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.get_readonly_fields(request, obj)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return allows(acting(request), READ_ENTRIES)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return allows(acting(request), READ_ENTRIES)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
