"""Pieces every elections form shares: numbers typed in any digit style, and refusals shown by field."""

from __future__ import annotations

from typing import Any

from django import forms

from ostan.core.errors import DomainError
from ostan.core.text import normalize_digits
from ostan.elections.errors import InvalidEntry


class NumberField(forms.IntegerField):
    """An integer typed with Persian, Arabic or ASCII digits (and Persian thousands separators)."""

    default_error_messages = {
        "invalid": "یک عدد صحیح وارد کنید.",
        "min_value": "عدد باید دست‌کم %(limit_value)s باشد.",
        "max_value": "عدد باید حداکثر %(limit_value)s باشد.",
        "required": "این بخش را پر کنید.",
    }

    # A text box, not <input type=number>: browsers refuse Persian digits typed into a number input.
    widget = forms.TextInput

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        return {**super().widget_attrs(widget), "inputmode": "numeric"}

    def to_python(self, value: Any) -> int | None:
        if isinstance(value, str):
            value = normalize_digits(value).replace(",", "").replace("٬", "").replace("،", "").strip()
        result: int | None = super().to_python(value)
        return result


def show_errors(form: forms.Form, exc: DomainError) -> None:
    """Put an action's refusal next to the fields it names, or above the form."""
    if isinstance(exc, InvalidEntry):
        for field, message in exc.field_errors.items():
            form.add_error(field if field in form.fields else None, message)
    else:
        form.add_error(None, exc.message)


REQUIRED = {"required": "این بخش را پر کنید."}
