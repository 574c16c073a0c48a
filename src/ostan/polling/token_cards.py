"""What a short code looks like to the voter: nine digits in large type and the same code as a QR code.

The QR code is drawn on the server as inline SVG with segno (pure Python, already the paper record's
QR library), so neither device needs a script library or any network access to show it.
"""

from __future__ import annotations

from dataclasses import dataclass

import segno

from ostan.core.polling.short_codes import display, qr_payload
from ostan.core.text import to_persian_digits


@dataclass(frozen=True)
class IssuedCode:
    """A short code shown once: to the voter at check-in, or in place of a voided token."""

    code: str
    constituency_id: int


@dataclass(frozen=True)
class TokenCard:
    code: str  # ASCII digits, as the kiosk and the API take them
    display: str  # grouped, Persian digits, as printed and read aloud
    qr_svg: str  # an inline <svg> element


def token_card(code: str) -> TokenCard:
    svg = segno.make(qr_payload(code), error="m").svg_inline(scale=6, title="کد کوتاه رمز رأی")
    return TokenCard(code=code, display=to_persian_digits(display(code)), qr_svg=svg)
