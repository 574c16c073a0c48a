"""Verifiable lots (قرعه): an order anyone recomputes from the published seed with ``sha256sum``.

For each tied code the input string is ``SEED|CONTEXT|CODE`` (UTF-8, no newline); the code whose
SHA-256 hex digest is smallest (as text) comes first. The seed is fixed and published after the
count, so nobody could aim for it; the context is the constituency id (candidates) or the id plus
``|lists`` (lists), so one seed gives one fixed order of every candidate, the same in every tie.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from ostan.core.counting.errors import LotSeedRequired

LIST_CONTEXT_SUFFIX = "|lists"


def lot_string(seed: str, context: str, code: str) -> str:
    """The exact text hashed for one code: ``printf '%s' "$THIS" | sha256sum`` gives its digest."""
    return f"{seed}|{context}|{code}"


def lot_digest(seed: str, context: str, code: str) -> str:
    return hashlib.sha256(lot_string(seed, context, code).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Lot:
    """A seed and context; ``key`` sorts codes into the lot's order."""

    seed: str
    context: str

    @property
    def has_seed(self) -> bool:
        return bool(self.seed)

    def key(self, code: str) -> str:
        # Without a seed nothing that matters may be decided by lot (see ``require_seed``); the code is
        # a stable stand-in that only orders ties which change no status.
        return lot_digest(self.seed, self.context, code) if self.seed else code

    def order(self, codes: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted(codes, key=lambda code: (self.key(code), code)))

    def lot_input(self, codes: Iterable[str]) -> str:
        """The hashed strings, one per line, in the lot's order (what an observer recomputes)."""
        return "\n".join(lot_string(self.seed, self.context, code) for code in self.order(codes))

    def require_seed(self, codes: Iterable[str]) -> None:
        if not self.seed:
            tied = sorted(codes)
            raise LotSeedRequired(
                "برای شکستن تساوی میان " + "، ".join(tied) + " قرعه لازم است؛ ابتدا بذر قرعه را منتشر و ثبت کنید.",
                details={"candidates": tied},
            )


def draw_lots(seed: str, context: str, codes: Iterable[str]) -> tuple[str, ...]:
    """The lot's order of ``codes`` for a published, non-empty ``seed``."""
    lot = Lot(seed, context)
    listed = list(codes)
    lot.require_seed(listed)
    return lot.order(listed)
