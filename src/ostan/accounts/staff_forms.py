"""Forms of the staff-accounts pages. They collect text; the actions normalise, validate and decide."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.urls import reverse_lazy

from ostan.accounts.selectors import STATUS_CHOICES
from ostan.core.access import Role
from ostan.core.access.roles import STAFF_ROLES

UNIT_HELP = "کد واحد (مانند IR-07-01) یا نام دقیق آن؛ با نوشتن چند حرف، واحدهای حوزهٔ شما پیشنهاد می‌شود."
ORGANISATION_HELP = "کد سازمان از فهرست سازمان‌ها؛ برای کارشناس دستگاه، نمایندهٔ نهاد و کارشناس بازرسی لازم است."
DATE_HELP = "تاریخ خورشیدی، مانند ۱۴۰۵/۰۹/۱۱؛ خالی یعنی از امروز (یا بی‌پایان)."
TEMPORARY_HELP = "دست‌کم ۱۰ نویسه. دارندهٔ حساب در نخستین ورود باید آن را عوض کند."


def _ltr(**attrs: str) -> forms.TextInput:
    return forms.TextInput(attrs={"dir": "ltr", "autocomplete": "off", "spellcheck": "false", **attrs})


def unit_widget() -> forms.TextInput:
    """A text box that asks the server for matching units as one types (htmx), offered as a datalist."""
    return forms.TextInput(
        attrs={
            "list": "unit-options",
            "autocomplete": "off",
            "hx-get": reverse_lazy("accounts:staff_units"),
            "hx-trigger": "input changed delay:250ms",
            "hx-target": "#unit-options",
            "hx-swap": "outerHTML",
        }
    )


def role_choices(allowed: Iterable[str]) -> list[tuple[str, str]]:
    wanted = set(allowed)
    return [(role.value, role.label) for role in Role if role in wanted]


def _password(label: str, autocomplete: str, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=256,
        strip=False,
        help_text=help_text,
        widget=forms.PasswordInput(attrs={"autocomplete": autocomplete, "dir": "ltr"}),
    )


class StaffFilterForm(forms.Form):
    q = forms.CharField(label="جست‌وجو", max_length=100, required=False, help_text="نام، نام کاربری یا تلفن همراه")
    role = forms.ChoiceField(label="نقش", required=False)
    unit = forms.CharField(label="واحد (با زیرمجموعه)", max_length=200, required=False, widget=unit_widget())
    status = forms.ChoiceField(label="وضعیت", required=False, choices=[("", "همه"), *STATUS_CHOICES])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [("", "همهٔ نقش‌ها"), *role_choices(STAFF_ROLES)]  # type: ignore[attr-defined]
        self.fields["q"].widget.attrs["type"] = "search"


class RoleUnitForm(forms.Form):
    role = forms.ChoiceField(label="نقش")
    unit = forms.CharField(
        label="واحد محل خدمت", max_length=200, required=False, help_text=UNIT_HELP, widget=unit_widget()
    )
    organisation = forms.CharField(
        label="دستگاه یا نهاد", max_length=40, required=False, help_text=ORGANISATION_HELP, widget=_ltr()
    )

    def __init__(self, *args: Any, allowed_roles: Iterable[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = role_choices(allowed_roles)  # type: ignore[attr-defined]


class StaffCreateForm(RoleUnitForm):
    username = forms.CharField(label="نام کاربری", max_length=150, widget=_ltr())
    full_name = forms.CharField(label="نام و نام خانوادگی", max_length=150)
    mobile = forms.CharField(
        label="تلفن همراه",
        max_length=20,
        required=False,
        help_text="مثلاً ۰۹۱۲۳۴۵۶۷۸۹",
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "off"}),
    )
    password = _password("گذرواژهٔ موقت", "new-password", TEMPORARY_HELP)

    field_order = ("username", "full_name", "mobile", "role", "unit", "organisation", "password")


class PostForm(RoleUnitForm):
    """One more post for an account, from a day (today if blank) until a day (open if blank)."""

    starts_on = forms.CharField(label="از تاریخ", max_length=20, required=False, help_text=DATE_HELP)
    ends_on = forms.CharField(label="تا تاریخ", max_length=20, required=False, help_text=DATE_HELP)


class TemporaryPasswordForm(forms.Form):
    password = _password("گذرواژهٔ موقت تازه", "new-password", TEMPORARY_HELP)


class PasswordChangeForm(forms.Form):
    current_password = _password("گذرواژهٔ کنونی", "current-password")
    new_password = _password("گذرواژهٔ تازه", "new-password", "دست‌کم ۱۰ نویسه، و نه از گذرواژه‌های رایج.")
    new_password_again = _password("تکرار گذرواژهٔ تازه", "new-password")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("new_password") and data.get("new_password") != data.get("new_password_again"):
            self.add_error("new_password_again", "تکرار گذرواژهٔ تازه با خود آن یکی نیست.")
        return data
