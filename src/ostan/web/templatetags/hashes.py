"""Long hashes on pages: ``{{ value|hash_box }}`` shows the whole value wrapping at any character,
``{{ value|hash_box:16 }}`` its first 16 characters; both carry a button that copies the whole value
(ostan/js/copy.js), so a phone's screen never has to be wider than the text. Loaded as a builtin."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def hash_box(value: object, shown: int | str = 0) -> SafeString | str:
    if value is None or value == "":
        return "—"
    full = str(value)
    length = int(shown or 0)
    visible = full if length <= 0 or length >= len(full) else full[:length] + "…"
    return format_html(
        '<span class="hash-box"><code dir="ltr" class="hash" title="{}">{}</code>'
        '<button type="button" class="copy" data-copy="{}" aria-label="رونوشت {}">رونوشت</button></span>',
        full, visible, full, "چکیدهٔ کامل" if visible != full else "چکیده",
    )  # fmt: skip
