"""Forms of the registry pages. They collect text; the actions normalise, validate and decide."""

from __future__ import annotations

from typing import Any

from django import forms

from ostan.access.kinds import OrganisationCategory, OrganisationKind
from ostan.core.tables import MAX_UPLOAD_BYTES


def _ltr(**attrs: str) -> forms.TextInput:
    return forms.TextInput(attrs={"dir": "ltr", "autocomplete": "off", "spellcheck": "false", **attrs})


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(label="جست‌وجو", max_length=100, required=False, help_text="نام یا کد سازمان")
    category = forms.ChoiceField(label="گروه", required=False, choices=[("", "همه"), *OrganisationCategory.choices])
    kind = forms.ChoiceField(label="نوع", required=False, choices=[("", "همهٔ انواع"), *OrganisationKind.choices])
    unit = forms.CharField(label="کد واحد تقسیماتی", max_length=32, required=False, widget=_ltr())


class OrganisationForm(forms.Form):
    code = forms.CharField(label="کد سازمان", max_length=40, widget=_ltr(), help_text="حروف لاتین، رقم، - یا _")
    name = forms.CharField(label="نام", max_length=200)
    kind = forms.ChoiceField(label="نوع", choices=OrganisationKind.choices)
    parent = forms.CharField(label="کد سازمان بالادست", max_length=40, required=False, widget=_ltr())
    seat = forms.CharField(label="کد واحد محل استقرار", max_length=32, widget=_ltr())
    units = forms.CharField(
        label="کد واحدهای تحت پوشش", max_length=2000, required=False, widget=_ltr(),
        help_text="با فاصله یا ویرگول جدا کنید؛ خالی یعنی فقط واحد محل استقرار.",
    )  # fmt: skip
    phone = forms.CharField(label="تلفن", max_length=40, required=False, widget=_ltr(type="tel"))
    email = forms.CharField(label="رایانامه", max_length=254, required=False, widget=_ltr(type="email"))
    address = forms.CharField(label="نشانی", max_length=300, required=False)
    contact_person = forms.CharField(label="مسئول ارتباط", max_length=150, required=False)

    def cells(self) -> dict[str, Any]:
        """The cleaned fields as a file line's cells, for the one entry parser every channel shares."""
        data = dict(self.cleaned_data)
        if not data.get("units", "").strip():
            data["units"] = data.get("seat", "")
        return {k: str(v or "") for k, v in data.items()}


class OrganisationImportForm(forms.Form):
    file = forms.FileField(label="پرونده (CSV یا XLSX)")

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not (upload.name or "").lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError("فقط پرونده CSV یا XLSX پذیرفته می‌شود.")
        if (upload.size or 0) > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("حجم پرونده بیش از حد مجاز است.")
        return upload
