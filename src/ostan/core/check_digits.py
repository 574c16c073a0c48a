"""The Damm check digit (H. M. Damm, 2004), shared by every code a person types: the service desk's
tracking codes and election day's short token codes.

Damm's table is a totally anti-symmetric quasigroup of order 10, so the check catches every single-digit
substitution and every transposition of two adjacent digits: a typing mistake is told apart from an
unknown code before anything is looked up.
"""

from __future__ import annotations

# The quasigroup of Damm's thesis (the table every implementation uses): row = interim, column = digit.
DAMM = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)


def _interim(digits: str) -> int:
    interim = 0
    for ch in digits:
        interim = DAMM[interim][ord(ch) - 48]
    return interim


def damm_digit(digits: str) -> str:
    """The check digit that makes ``digits + check`` pass :func:`is_damm_valid` (``digits``: ASCII digits)."""
    return str(_interim(digits))


def is_damm_valid(code: str) -> bool:
    """True when ``code`` is ASCII digits ending with its own check digit."""
    return code.isascii() and code.isdigit() and _interim(code) == 0
