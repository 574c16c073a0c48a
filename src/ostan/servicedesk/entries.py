"""What the desk's forms, API and loaders hand to the actions: a service for the catalogue, a filing."""

from __future__ import annotations

from dataclasses import dataclass

from ostan.servicedesk.models import Channel


@dataclass(frozen=True)
class ServiceEntry:
    code: str
    name: str
    kinds: tuple[str, ...]
    organisation_kind: str = ""
    organisation_code: str = ""
    description: str = ""
    required_documents: str = ""
    steps: str = ""
    cost: str = ""
    working_days: int = 10


@dataclass(frozen=True)
class Filing:
    service_code: str
    kind: str
    unit_code: str
    text: str
    channel: str = Channel.ONLINE
    # For a clerk filing on a citizen's behalf: who the citizen is.
    citizen_name: str = ""
    national_code: str = ""
    mobile: str = ""
