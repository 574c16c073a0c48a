"""Unit paths: the territory's materialised path of codes joined by «/» (``IR/IR-07/IR-07-01``).

Depth counts segments: the country is 1, a province 2, a county 3. "Within" means the unit itself or
anything under it, the same prefix rule as ``accounts.scope.scope_q``.
"""

from __future__ import annotations

from ostan.core.programs.errors import InvalidUnitPath

SEPARATOR = "/"  # the territory app's PATH_SEPARATOR
PROVINCE_DEPTH = 2  # IR/IR-07
COUNTY_DEPTH = 3  # IR/IR-07/IR-07-01


def check_path(path: str, field: str = "unit_path") -> str:
    """``path`` itself, or a refusal when it is empty or has an empty segment or surrounding spaces."""
    segments = path.split(SEPARATOR)
    if not path or any(not s or s != s.strip() for s in segments):
        raise InvalidUnitPath(
            f"مسیر واحد «{path}» درست نیست؛ کدها باید با «/» از هم جدا شوند، مثلاً IR/IR-07.",
            details={"path": field, "value": path},
        )
    return path


def depth(path: str) -> int:
    return path.count(SEPARATOR) + 1


def is_within(path: str, ancestor: str) -> bool:
    """True when ``path`` is ``ancestor`` or lies under it."""
    return path == ancestor or path.startswith(ancestor + SEPARATOR)


def ancestor_at(path: str, level: int) -> str | None:
    """The unit at depth ``level`` on ``path``'s line (itself if that deep); None if ``path`` is shallower."""
    segments = path.split(SEPARATOR)
    return SEPARATOR.join(segments[:level]) if len(segments) >= level else None


def lineage(path: str) -> tuple[str, ...]:
    """``path`` and every unit above it, nearest first: ``a/b/c`` → (``a/b/c``, ``a/b``, ``a``)."""
    segments = path.split(SEPARATOR)
    return tuple(SEPARATOR.join(segments[:n]) for n in range(len(segments), 0, -1))
