"""Page forms. They only parse (Persian, Arabic or ASCII digits); the actions validate and decide."""

from __future__ import annotations

from django import forms

from ostan.core.text import normalize_digits


class NeighbourhoodForm(forms.Form):
    name = forms.CharField(label="نام محله", max_length=200)


def _whole_number(value: str) -> int:
    # Thousands separators are fine; a minus sign or anything else is not a whole number.
    digits = normalize_digits(value).strip().replace(",", "").replace("٬", "").replace(" ", "")
    if not digits.isascii() or not digits.isdigit() or len(digits) > 12:
        raise forms.ValidationError("عددی صحیح وارد کنید.")
    return int(digits)


class PopulationForm(forms.Form):
    population = forms.CharField(label="جمعیت", max_length=20)
    year = forms.CharField(label="سال (خورشیدی)", max_length=8)
    reason = forms.CharField(label="دلیل یا منبع", max_length=300)

    def clean_population(self) -> int:
        return _whole_number(self.cleaned_data["population"])

    def clean_year(self) -> int:
        return _whole_number(self.cleaned_data["year"])
