"""Admin view of the tree: read-only, since every change goes through an action that writes the audit log."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from ostan.territory.models import Unit


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "kind", "code", "population", "population_year", "is_user_created")
    list_filter = ("kind", "is_user_created", "population_year")
    search_fields = ("name", "code", "search_key", "name_en")
    search_help_text = "جست‌وجو با نام یا کد"
    ordering = ("path",)
    list_select_related = False
    show_full_result_count = False
    raw_id_fields = ("parent",)
    list_per_page = 100

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [f.name for f in Unit._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
