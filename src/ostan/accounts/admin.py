"""Accounts in the admin, scoped to the reader's unit. Changes go through the actions (and so the audit
log): role, unit and whether the account is active. Passwords are never shown; new staff accounts,
temporary passwords and reopening a locked sign-in are on the staff-accounts pages (/accounts/staff/)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import csrf_protect_m
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from ostan.accounts import actions, roles
from ostan.accounts.models import User
from ostan.accounts.scope import is_national, scope_q
from ostan.core.errors import DomainError
from ostan.core.jalali import format_datetime

EDITABLE = ("role", "unit", "is_active")
SHOWN = ("username", "first_name", "last_name", "national_code", "mobile", "date_joined_jalali", "last_login_jalali")


def _jalali(moment: Any) -> str:
    return format_datetime(moment, timezone.get_current_timezone()) if moment else "—"


class AccountForm(forms.ModelForm):  # type: ignore[type-arg]
    """Checks the change with the action's own rules before anything is saved."""

    actor: User | None = None

    class Meta:
        model = User
        fields = list(EDITABLE)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        account, actor = self.instance, self.actor
        if actor is None or account.pk is None:
            return data
        original = User.objects.select_related("unit").get(pk=account.pk)
        try:
            if {"role", "unit"} & set(self.changed_data):
                actions.ensure_may_change(actor=actor, account=original, role=data["role"], unit=data.get("unit"))
            if "is_active" in self.changed_data:
                actions.ensure_may_manage(actor, original)
        except DomainError as exc:
            raise forms.ValidationError(exc.message) from exc
        return data


@admin.register(User)
class UserAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    form = AccountForm
    list_display = ("username", "full_name", "role", "unit", "is_active", "date_joined_jalali", "last_login_jalali")
    list_filter = ("role", "is_active")
    search_fields = ("username", "first_name", "last_name", "national_code")
    search_help_text = "جست‌وجو با نام کاربری، نام یا کد ملی"
    list_select_related = ("unit",)
    raw_id_fields = ("unit",)
    readonly_fields = SHOWN
    fields = (*SHOWN, *EDITABLE)
    actions = None

    @admin.display(description="نام")
    def full_name(self, obj: User) -> str:
        return obj.get_full_name()

    @admin.display(description="تاریخ عضویت", ordering="date_joined")
    def date_joined_jalali(self, obj: User) -> str:
        return _jalali(obj.date_joined)

    @admin.display(description="آخرین ورود", ordering="last_login")
    def last_login_jalali(self, obj: User) -> str:
        return _jalali(obj.last_login)

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, change, **kwargs)
        form.actor = request.user  # type: ignore[attr-defined]
        return form

    def get_queryset(self, request: HttpRequest) -> QuerySet[User]:
        return super().get_queryset(request).filter(scope_q(request.user, "unit__path"))

    @csrf_protect_m  # type: ignore[untyped-decorator]
    def changeform_view(
        self, request: HttpRequest, object_id: str | None = None, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        # Django wraps this view in a transaction; the actions open their own durable one, which must
        # not be nested, so the wrapper is left out. Nothing here writes outside an action.
        response: HttpResponse = self._changeform_view(  # type: ignore[attr-defined]
            request, object_id, form_url, extra_context
        )
        return response

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        actor: User = request.user  # type: ignore[assignment]
        try:
            if {"role", "unit"} & set(form.changed_data):
                actions.change_role_or_unit(actor=actor, account_id=obj.pk, role=obj.role, unit=obj.unit)
            if "is_active" in form.changed_data:
                switch = actions.reactivate_account if obj.is_active else actions.deactivate_account
                switch(actor=actor, account_id=obj.pk)
        except DomainError as exc:  # a race with another change: the form checked the same rules
            messages.error(request, exc.message)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        """Groups and permissions are not edited here."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        user = request.user
        return bool(user.is_active and (user.is_superuser or getattr(user, "is_staff_role", False)))

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        user = request.user
        return bool(user.is_active and (is_national(user) or roles.manages_accounts(getattr(user, "role", ""))))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
