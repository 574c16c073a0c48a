"""Unit paths: the territory's materialised paths, segments joined by «/» (``IR/IR-07/IR-07-01``).

The territory app stores each unit's path; the network core only needs to compare them. A path's
ancestors are its prefixes at segment boundaries, so ``IR/IR-07`` holds ``IR/IR-07/IR-07-01`` but not
``IR/IR-070``. The core never names levels (province, county, ...): depth is the number of segments.
"""

from __future__ import annotations

from collections.abc import Iterable

from ostan.core.network.errors import InvalidUnitPath

SEPARATOR = "/"


def check_path(path: str) -> str:
    """The path itself if it is well formed; otherwise a typed error with a Persian message."""
    if not path or any(not segment or segment != segment.strip() for segment in path.split(SEPARATOR)):
        raise InvalidUnitPath(
            f"مسیر واحد «{path}» درست نیست؛ بخش‌ها را بدون فاصله و با «/» از هم جدا کنید.", details={"path": path}
        )
    return path


def depth(path: str) -> int:
    return path.count(SEPARATOR) + 1


def parent(path: str) -> str | None:
    head, sep, _ = path.rpartition(SEPARATOR)
    return head if sep else None


def lineage(path: str) -> tuple[str, ...]:
    """The path and every ancestor, from the root down: ``a/b/c`` → (``a``, ``a/b``, ``a/b/c``)."""
    segments = path.split(SEPARATOR)
    return tuple(SEPARATOR.join(segments[: i + 1]) for i in range(len(segments)))


def is_within(path: str, root: str) -> bool:
    """Whether ``path`` is ``root`` or lies under it (segment-wise, not string-prefix-wise)."""
    return path == root or path.startswith(root + SEPARATOR)


def ancestor_at(path: str, level: int) -> str | None:
    """The ancestor-or-self of ``path`` with ``level`` segments, or None if the path is shallower."""
    segments = path.split(SEPARATOR)
    return SEPARATOR.join(segments[:level]) if len(segments) >= level >= 1 else None


def within_any(path: str, roots: Iterable[str]) -> bool:
    return any(is_within(path, root) for root in roots)
