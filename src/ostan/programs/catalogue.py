"""The service desk's catalogue entry critiques are filed under, made once through the desk's own action."""

from __future__ import annotations

from ostan.core.access import Actor
from ostan.core.errors import DomainError
from ostan.core.servicedesk import RequestKind
from ostan.servicedesk import actions as desk
from ostan.servicedesk import selectors as desk_selectors
from ostan.servicedesk.entries import ServiceEntry

# The desk's catalogue entry critiques are filed under (made on first use): answered by the
# county office (فرمانداری) serving the project's unit, within the desk's deadline rule.
CRITIQUE_SERVICE = "key-project-critique"
CRITIQUE_KINDS = (RequestKind.CRITICISM.value, RequestKind.SUGGESTION.value)


CRITIQUE_SYSTEM = Actor.system("ثبت خدمت انتقاد و پیشنهاد دربارهٔ کارهای شاخص در فهرست خدمت‌ها")


def ensure_critique_service() -> None:
    """The desk's catalogue entry for critiques, made once (as the system, through the desk's own action)."""
    try:
        desk_selectors.service(CRITIQUE_SERVICE)
    except DomainError:
        desk.save_service(
            actor=CRITIQUE_SYSTEM,
            entry=ServiceEntry(
                CRITIQUE_SERVICE,
                "انتقاد و پیشنهاد دربارهٔ کارهای شاخص و دفترهای فرمانداری",
                CRITIQUE_KINDS,
                organisation_kind="county_office",
                description="انتقاد یا پیشنهاد دربارهٔ یک کار شاخص یا یک دفتر؛ پاسخ آن در صفحهٔ همان کار منتشر می‌شود.",
            ),
        )
