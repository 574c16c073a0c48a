"""Which agency answers a service in a unit: the one serving the unit, else the nearest one above it.

Units are materialised paths of codes joined by ``/`` (``IR/IR-07/IR-07-01``), as the territory app
stores them. A :class:`RoutingTable` maps each service to the units where some agency serves it and
to those agencies' ids. Routing walks from the unit up to the country and stops at the first unit
with an entry: a county office that serves its own county answers for every district and village in
it unless one of those has its own. Two agencies at the nearest unit are ambiguous: :func:`route`
returns both, :func:`responsible_agency` refuses and the desk chooses.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ostan.core.servicedesk.errors import AmbiguousRoute, InvalidRoutingTable, NoResponsibleAgency

PATH_SEPARATOR = "/"


def is_unit_path(path: str) -> bool:
    segments = path.split(PATH_SEPARATOR)
    return bool(path) and all(s and s == s.strip() for s in segments)


def ancestors(path: str) -> tuple[str, ...]:
    """``path`` and every unit above it, nearest first: ``a/b/c`` → ``a/b/c``, ``a/b``, ``a``."""
    segments = path.split(PATH_SEPARATOR)
    return tuple(PATH_SEPARATOR.join(segments[:n]) for n in range(len(segments), 0, -1))


@dataclass(frozen=True)
class Route:
    service: str
    unit_path: str  # the unit asked about
    served_at: str  # the unit whose entry answered: the unit itself or the nearest above it
    agencies: tuple[str, ...]  # sorted

    @property
    def is_inherited(self) -> bool:
        return self.served_at != self.unit_path


@dataclass(frozen=True)
class RoutingTable:
    services: Mapping[str, Mapping[str, frozenset[str]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for service, units in self.services.items():
            for path, agencies in units.items():
                if not is_unit_path(path):
                    raise InvalidRoutingTable(
                        f"مسیر واحد «{path}» درست نیست.", details={"service": service, "unit_path": path}
                    )
                if not agencies:
                    raise InvalidRoutingTable(
                        f"برای خدمت «{service}» در «{path}» هیچ دستگاهی نام برده نشده است.",
                        details={"service": service, "unit_path": path},
                    )

    @classmethod
    def from_entries(cls, entries: Iterable[tuple[str, str, str]]) -> RoutingTable:
        """A table from ``(service, unit path, agency id)`` rows, e.g. as read from the database."""
        services: dict[str, dict[str, set[str]]] = {}
        for service, path, agency in entries:
            services.setdefault(service, {}).setdefault(path, set()).add(agency)
        return cls({s: {p: frozenset(a) for p, a in units.items()} for s, units in services.items()})


def route(table: RoutingTable, service: str, unit_path: str) -> Route:
    if not is_unit_path(unit_path):
        raise InvalidRoutingTable(f"مسیر واحد «{unit_path}» درست نیست.", details={"unit_path": unit_path})
    units = table.services.get(service, {})
    for path in ancestors(unit_path):
        agencies = units.get(path)
        if agencies:
            return Route(service, unit_path, path, tuple(sorted(agencies)))
    raise NoResponsibleAgency(
        "برای این خدمت در این واحد و واحدهای بالاتر هیچ دستگاه مسئولی تعریف نشده است.",
        details={"service": service, "unit_path": unit_path},
    )


def responsible_agency(table: RoutingTable, service: str, unit_path: str) -> str:
    """The one agency for the service in the unit; :class:`AmbiguousRoute` when the nearest unit has two."""
    found = route(table, service, unit_path)
    if len(found.agencies) > 1:
        raise AmbiguousRoute(
            "بیش از یک دستگاه این خدمت را در این واحد ارائه می‌کند؛ دستگاه مسئول را انتخاب کنید.",
            details={"service": service, "served_at": found.served_at, "agencies": list(found.agencies)},
        )
    return found.agencies[0]
