"""Django admin for elections data, in Persian, each list limited to the staff member's territory."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from ostan.access.scope import reach_q
from ostan.core.access import acting
from ostan.elections.models import BallotBatch, Candidate, Constituency, CountRecord, ElectionRound, PartyList
from ostan.elections.permissions import READ_UNPUBLISHED


class ScopedAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Rows the staff member may not read before publication are invisible; ``unit_path`` names the
    row's unit path. The module opens only to roles that read elections' unpublished state."""

    unit_path = "unit__path"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        rows = reach_q(acting(request), READ_UNPUBLISHED, unit_path=self.unit_path)
        return super().get_queryset(request).filter(rows)

    def has_module_permission(self, request: HttpRequest) -> bool:
        actor = acting(request)
        return actor.is_person and READ_UNPUBLISHED.reach_for(actor.role) is not None

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_module_permission(request)


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Shown, never changed here: writes go through the actions and pages, which derive seats, check
    codes and scope, and record every change in the audit log."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ScopedReadOnlyAdmin(ReadOnlyAdmin, ScopedAdmin):
    pass


@admin.register(ElectionRound)
class ElectionRoundAdmin(ReadOnlyAdmin):
    list_display = ["number", "name", "election_date", "status"]
    list_filter = ["status"]


@admin.register(Constituency)
class ConstituencyAdmin(ScopedReadOnlyAdmin):
    list_display = ["name", "election_round", "kind", "method", "seats", "alternates", "is_voting", "is_published"]
    list_filter = ["election_round", "kind", "method", "is_voting"]
    search_fields = ["name", "unit__search_key"]
    raw_id_fields = ["unit"]
    readonly_fields = ["lot_seed", "results_published_at"]

    @admin.display(boolean=True, description="اعلام شده")
    def is_published(self, obj: Constituency) -> bool:
        return obj.is_published


@admin.register(PartyList)
class PartyListAdmin(ScopedReadOnlyAdmin):
    unit_path = "constituency__unit__path"
    list_display = ["code", "name", "party", "constituency"]
    search_fields = ["code", "name", "party"]
    raw_id_fields = ["constituency"]


@admin.register(Candidate)
class CandidateAdmin(ScopedReadOnlyAdmin):
    unit_path = "constituency__unit__path"
    list_display = ["code", "first_name", "last_name", "party_list", "education", "is_veteran", "vetting_status"]
    list_filter = ["vetting_status", "is_veteran", "education"]
    search_fields = ["code", "first_name", "last_name", "national_code"]
    raw_id_fields = ["constituency", "party_list"]


@admin.register(BallotBatch)
class BallotBatchAdmin(ScopedAdmin):
    unit_path = "constituency__unit__path"
    list_display = ["file_name", "constituency", "source", "ballot_count", "imported_at"]
    readonly_fields = ["constituency", "source", "file_name", "sha256", "ballot_count", "imported_at", "imported_by"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # ballots enter only through the import action, which validates and audits them


@admin.register(CountRecord)
class CountRecordAdmin(ScopedAdmin):
    unit_path = "constituency__unit__path"
    list_display = ["constituency", "counted_at", "ballot_count", "inputs_sha256"]
    exclude = ["result", "constituency_file"]
    readonly_fields = ["constituency", "counted_at", "counted_by", "source", "ballot_count", "constituency_sha256",
                       "ballots_sha256", "inputs_sha256", "origin", "ballots_url", "bulletin_entry_hash"]  # fmt: skip

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
