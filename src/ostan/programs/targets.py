"""Where the objects the programmes' URLs name lie: a project, a progress report's evidence, an experience
and an office, each at its unit. Projects and experiences are public; evidence is concealed out of reach."""

from __future__ import annotations

from typing import Any

from ostan.access.locators import locator, whole_number
from ostan.access.models import Organisation
from ostan.core.access import Target
from ostan.programs import models
from ostan.programs.errors import EvidenceNotFound, ExperienceNotFound, OfficeNotFound, ProjectNotFound


def target_of_project(found: models.KeyProject) -> Target:
    return Target(unit_path=found.unit.path, unit_name=found.unit.name, is_public=True)


@locator("key_project")
def key_project(pk: object = None, **_: Any) -> Target | None:
    number = whole_number(pk)
    if number is None:
        return None
    found = models.KeyProject.objects.select_related("unit").filter(pk=number).first()
    if found is None:
        raise ProjectNotFound("چنین کار شاخصی یافت نشد.")
    return target_of_project(found)


@locator("project_evidence", conceal=True)
def evidence(pk: object = None, **_: Any) -> Target | None:
    number = whole_number(pk)
    if number is None:
        return None
    found = models.Evidence.objects.select_related("update__project__unit").filter(pk=number).first()
    if found is None:
        raise EvidenceNotFound("چنین پرونده‌ای یافت نشد.")
    unit = found.update.project.unit
    return Target(unit_path=unit.path, unit_name=unit.name)


@locator("experience")
def experience(pk: object = None, **_: Any) -> Target | None:
    number = whole_number(pk)
    if number is None:
        return None
    found = models.Experience.objects.select_related("unit").filter(pk=number).first()
    if found is None:
        raise ExperienceNotFound("چنین تجربه‌ای در کتابخانه نیست.")
    return Target(unit_path=found.unit.path, unit_name=found.unit.name, is_public=True)


@locator("office")
def office(code: object = None, **_: Any) -> Target | None:
    if not isinstance(code, str):
        return None
    found = Organisation.objects.select_related("seat").filter(code=code).first()
    if found is None:
        raise OfficeNotFound("چنین دفتری یافت نشد.")
    return Target(unit_path=found.seat.path, unit_name=found.seat.name, organisation_path=found.path, is_public=True)
