"""Accounts in the admin, under the same policy as the staff-accounts pages: only roles that manage
accounts open it, each seeing the accounts with a post in their territory. The only change made here is
switching an account off or on, through the actions (and so the audit log); posts, new accounts,
temporary passwords and reopening a locked sign-in are on the staff-accounts pages (/accounts/staff/)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import csrf_protect_m
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from ostan.access.models import Post
from ostan.accounts import actions
from ostan.accounts.authority import accounts_q, ensure_may_manage
from ostan.accounts.models import User
from ostan.accounts.permissions import MANAGE_ACCOUNTS
from ostan.core.access import acting
from ostan.core.errors import DomainError
from ostan.core.jalali import format_datetime

EDITABLE = ("is_active",)
SHOWN = (
    "username", "first_name", "last_name", "national_code", "mobile", "posts_held", "date_joined_jalali",
    "last_login_jalali",
)  # fmt: skip


def _jalali(moment: Any) -> str:
    return format_datetime(moment, timezone.get_current_timezone()) if moment else "—"


def _may_manage(request: HttpRequest) -> bool:
    actor = acting(request)
    return actor.is_person and MANAGE_ACCOUNTS.reach_for(actor.role) is not None


class AccountForm(forms.ModelForm):  # type: ignore[type-arg]
    """Checks the change with the action's own rules before anything is saved."""

    request: HttpRequest | None = None

    class Meta:
        model = User
        fields = list(EDITABLE)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        account, request = self.instance, self.request
        if request is None or account.pk is None:
            return data
        try:
            if "is_active" in self.changed_data:
                ensure_may_manage(acting(request), User.objects.get(pk=account.pk))
        except DomainError as exc:
            raise forms.ValidationError(exc.message) from exc
        return data


@admin.register(User)
class UserAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    form = AccountForm
    list_display = ("username", "full_name", "is_staff", "is_active", "date_joined_jalali", "last_login_jalali")
    list_filter = ("is_staff", "is_active")
    search_fields = ("username", "first_name", "last_name", "national_code")
    search_help_text = "جست‌وجو با نام کاربری، نام یا کد ملی"
    readonly_fields = SHOWN
    fields = (*SHOWN, *EDITABLE)
    actions = None

    @admin.display(description="نام")
    def full_name(self, obj: User) -> str:
        return obj.get_full_name()

    @admin.display(description="سمت‌ها")
    def posts_held(self, obj: User) -> str:
        posts = Post.objects.filter(person=obj).select_related("unit", "organisation").order_by("-starts_at")
        held = (f"{p} ({_jalali(p.starts_at)} تا {_jalali(p.ends_at) if p.ends_at else 'اکنون'})" for p in posts)
        return "؛ ".join(held)

    @admin.display(description="تاریخ عضویت", ordering="date_joined")
    def date_joined_jalali(self, obj: User) -> str:
        return _jalali(obj.date_joined)

    @admin.display(description="آخرین ورود", ordering="last_login")
    def last_login_jalali(self, obj: User) -> str:
        return _jalali(obj.last_login)

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        form = super().get_form(request, obj, change, **kwargs)
        form.request = request  # type: ignore[attr-defined]
        return form

    def get_queryset(self, request: HttpRequest) -> QuerySet[User]:
        if not _may_manage(request):
            return User.objects.none()
        return super().get_queryset(request).filter(accounts_q(acting(request)))

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
        try:
            if "is_active" in form.changed_data:
                switch = actions.reactivate_account if obj.is_active else actions.deactivate_account
                switch(actor=acting(request), account_id=obj.pk)
        except DomainError as exc:  # a race with another change: the form checked the same rules
            messages.error(request, exc.message)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        """Groups, permissions and posts are not edited here."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return _may_manage(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _may_manage(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return _may_manage(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
