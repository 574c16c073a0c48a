"""Organisations in the admin: read-only lists for those who keep the registry (writes go through the
registry pages and their actions, so every change is audited)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from ostan.access.models import Organisation
from ostan.access.permissions import MANAGE_ORGANISATIONS
from ostan.core.access import acting


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "code", "kind", "category", "seat", "parent", "is_active")
    list_filter = ("category", "kind", "is_active")
    search_fields = ("name", "code")
    list_select_related = ("seat", "parent")
    readonly_fields = ("code", "name", "kind", "category", "parent", "path", "seat", "phone", "email", "address",
                       "contact_person", "is_active")  # fmt: skip
    exclude = ("units", "search_key", "depth")

    def has_module_permission(self, request: HttpRequest) -> bool:
        actor = acting(request)
        return actor.is_person and MANAGE_ORGANISATIONS.reach_for(actor.role) is not None

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_module_permission(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
