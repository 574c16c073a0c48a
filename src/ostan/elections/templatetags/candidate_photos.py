"""``{{ photos|photo_for:code }}``: a candidate's photo URL from the code→URL map the view passes."""

from __future__ import annotations

from collections.abc import Mapping

from django import template

register = template.Library()


@register.filter
def photo_for(photos: Mapping[str, str] | None, code: str) -> str:
    return (photos or {}).get(str(code), "")
