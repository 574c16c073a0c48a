"""Identity confirmation at the authentication device: a pluggable verifier.

Fingerprint readers are hardware the server never sees; whatever confirms identity at the station
implements :class:`IdentityVerifier`. The setting ``OSTAN_IDENTITY_VERIFIER`` (a dotted path) picks it;
the default is :class:`DemoVerifier`, which stands in for the fingerprint with the last four digits of
the national code typed by the official: enough to exercise the flow, no security at all.
"""

from __future__ import annotations

from functools import cache
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

from ostan.core.text import normalize_digits

DEFAULT_VERIFIER = "ostan.polling.identity.DemoVerifier"
DEMO_EVIDENCE_DIGITS = 4


class IdentityVerifier(Protocol):
    def confirm(self, national_code: str, evidence: str) -> bool:
        """True when ``evidence`` (a template match token, a reader's verdict...) confirms the person."""
        ...


class DemoVerifier:
    """Accepts the last four digits of the national code, in any digit style (demos and tests only)."""

    def confirm(self, national_code: str, evidence: str) -> bool:
        typed = normalize_digits(evidence).strip()
        return len(typed) == DEMO_EVIDENCE_DIGITS and national_code.endswith(typed)


@cache
def _load(path: str) -> IdentityVerifier:
    verifier: IdentityVerifier = import_string(path)()
    return verifier


def verifier() -> IdentityVerifier:
    return _load(getattr(settings, "OSTAN_IDENTITY_VERIFIER", DEFAULT_VERIFIER))
