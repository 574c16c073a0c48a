"""Cleaning what people type before an action checks it: Persian letters, ASCII digits, no control characters."""

from __future__ import annotations

from ostan.core.text import normalize
from ostan.network.errors import InvalidNetworkInput

TEXT_MAX = 4000
CONTROL = {chr(c) for c in range(32)} - {"\n", "\t"}


def cleaned(value: str, field: str, *, required: bool = True, limit: int = TEXT_MAX) -> str:
    text = normalize("".join(ch for ch in (value or "") if ch not in CONTROL)).strip()
    if required and not text:
        raise InvalidNetworkInput("این بخش را پر کنید.", details={"field": field})
    if len(text) > limit:
        raise InvalidNetworkInput(f"این متن حداکثر {limit} نویسه است.", details={"field": field})
    return text
