"""Reading region outlines from SVG path data, enough to place a name inside a region.

Only straight segments are read (M, L, H, V, Z, absolute or relative) — the simplified boundaries use
nothing else; a path with curves is still drawn as given, it just gets no label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

type Point = tuple[float, float]
type Ring = tuple[Point, ...]

_TOKEN = re.compile(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_STRAIGHT = set("MmLlHhVvZz")


@dataclass(frozen=True)
class Outline:
    rings: tuple[Ring, ...]

    @property
    def largest(self) -> Ring:
        return max(self.rings, key=lambda r: abs(signed_area(r)))


def outline(d: str) -> Outline | None:
    """The closed rings of ``d``; None when it holds a command other than straight lines, or nothing."""
    tokens = _TOKEN.findall(d)
    rings: list[list[Point]] = []
    x = y = 0.0
    command = ""
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.isalpha():
            if token not in _STRAIGHT:
                return None
            command = token
            i += 1
            if command in "Zz":
                if rings and rings[-1]:
                    x, y = rings[-1][0]
                continue
            if i >= len(tokens) or tokens[i].isalpha():
                return None
        if not command or command in "Zz":
            return None
        count = 1 if command in "HhVv" else 2
        if i + count > len(tokens) or any(t.isalpha() for t in tokens[i : i + count]):
            return None
        args = [float(t) for t in tokens[i : i + count]]
        i += count
        x, y = _move(command, args, x, y)
        if command in "Mm":
            rings.append([])
            command = "l" if command == "m" else "L"  # pairs after a moveto are linetos
        rings[-1].append((x, y))
    closed = tuple(tuple(r) for r in rings if len(r) >= 3)
    return Outline(closed) if closed else None


def _move(command: str, args: list[float], x: float, y: float) -> Point:
    relative = command.islower()
    match command.upper():
        case "H":
            return (x + args[0] if relative else args[0]), y
        case "V":
            return x, (y + args[0] if relative else args[0])
        case _:
            return (x + args[0], y + args[1]) if relative else (args[0], args[1])


def signed_area(ring: Ring) -> float:
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:] + ring[:1], strict=True)) / 2


def centroid(ring: Ring) -> Point:
    """The area centroid (shoelace); the mean of the points for a degenerate ring."""
    area = signed_area(ring)
    if abs(area) < 1e-12:
        return sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)
    cx = cy = 0.0
    for a, b in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = a[0] * b[1] - b[0] * a[1]
        cx += (a[0] + b[0]) * cross
        cy += (a[1] + b[1]) * cross
    return cx / (6 * area), cy / (6 * area)


def contains(ring: Ring, point: Point) -> bool:
    """Even-odd rule: is ``point`` inside ``ring``?"""
    px, py = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > py) != (y2 > py) and px < x1 + (py - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def label_spot(ring: Ring, width: float, height: float) -> Point | None:
    """A point where a ``width`` × ``height`` label sits inside ``ring`` (tested at its edges), or None."""
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    candidates = [centroid(ring), ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)]
    for cx, cy in candidates:
        corners = [
            (cx - width / 2, cy),
            (cx + width / 2, cy),
            (cx, cy - height / 2),
            (cx, cy + height / 2),
            (cx - width / 2, cy - height / 2),
            (cx + width / 2, cy + height / 2),
            (cx - width / 2, cy + height / 2),
            (cx + width / 2, cy - height / 2),
        ]
        if contains(ring, (cx, cy)) and all(contains(ring, c) for c in corners):
            return cx, cy
    return None
