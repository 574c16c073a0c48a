"""The desk's tables in the admin: read-only lists (every change goes through the actions and is audited)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from ostan.core.access import acting
from ostan.servicedesk.models import DeadlineAlert, Holiday, Open311Key, ReplyTemplate, Service, ServiceRequest
from ostan.servicedesk.permissions import MANAGE_CATALOGUE, MANAGE_OPEN311_KEYS, READ_INBOX


class ReadOnly(admin.ModelAdmin):  # type: ignore[type-arg]
    capability = MANAGE_CATALOGUE

    def has_module_permission(self, request: HttpRequest) -> bool:
        actor = acting(request)
        return actor.is_person and self.capability.reach_for(actor.role) is not None

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_module_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Service)
class ServiceAdmin(ReadOnly):
    list_display = ("name", "code", "organisation_kind", "organisation", "working_days", "is_active")
    search_fields = ("name", "code")


@admin.register(Holiday)
class HolidayAdmin(ReadOnly):
    list_display = ("date", "name", "kind", "is_provisional")
    list_filter = ("kind", "is_provisional")


@admin.register(ServiceRequest)
class ServiceRequestAdmin(ReadOnly):
    capability = READ_INBOX
    list_display = ("tracking_code", "service", "kind", "state", "organisation", "registered_at", "due_at")
    list_filter = ("state", "kind", "channel")
    search_fields = ("tracking_code",)
    exclude = ("citizen", "citizen_national_code", "citizen_mobile", "search_key", "filed_by")

    def get_queryset(self, request: HttpRequest) -> Any:
        from ostan.access.scope import reach_q

        actor = acting(request)
        rows = super().get_queryset(request).select_related("service", "organisation")
        return rows.filter(reach_q(actor, READ_INBOX, unit_path="unit__path", organisation_path="organisation__path"))


@admin.register(Open311Key)
class Open311KeyAdmin(ReadOnly):
    """Listed here; made and stopped on the desk's «کلیدهای Open311» page, through the audited actions."""

    capability = MANAGE_OPEN311_KEYS
    list_display = ("name", "organisation", "prefix", "is_active", "created_at")
    list_filter = ("is_active",)
    exclude = ("key_hash",)


@admin.register(ReplyTemplate)
class ReplyTemplateAdmin(ReadOnly):
    """Kept on the desk's «متن‌های آماده» page by each organisation's officers, through the audited actions."""

    list_display = ("title", "organisation", "step", "state", "is_active")
    list_filter = ("step", "is_active")


@admin.register(DeadlineAlert)
class DeadlineAlertAdmin(ReadOnly):
    """What the deadline job raised (manage.py desk_deadlines): reminders and escalations, each once."""

    list_display = ("request", "kind", "organisation", "escalated_to", "due_at", "created_at")
    list_filter = ("kind",)
