"""Sign-in forms. They only collect text: validation and every rule live in the actions they feed."""

from __future__ import annotations

from django import forms


class StaffLoginForm(forms.Form):
    username = forms.CharField(
        label="نام کاربری", max_length=150, widget=forms.TextInput(attrs={"autocomplete": "username", "dir": "ltr"})
    )
    password = forms.CharField(
        label="گذرواژه",
        max_length=256,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class CitizenStartForm(forms.Form):
    national_code = forms.CharField(
        label="کد ملی",
        max_length=20,
        help_text="ده رقم، با رقم‌های فارسی یا انگلیسی.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    mobile = forms.CharField(
        label="تلفن همراه",
        max_length=20,
        help_text="مثلاً ۰۹۱۲۳۴۵۶۷۸۹",
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel", "type": "tel"}),
    )


class CitizenCodeForm(forms.Form):
    code = forms.CharField(
        label="کد پیامک‌شده",
        max_length=12,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )
