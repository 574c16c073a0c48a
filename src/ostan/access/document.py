"""docs/access.md, written from the capabilities themselves so the table cannot drift from the code
(``manage.py access_table --write``; a test compares the file with what this writes)."""

from __future__ import annotations

from ostan.core.access import Capability, Catalogue, Reach, Role, roles_with
from ostan.core.access.roles import NATIONAL_ROLES, ROLE_LABELS

# One mark per reach, short enough for a wide table.
MARKS = {
    Reach.ANYONE: "all",
    Reach.SIGNED_IN: "in",
    Reach.ROLE: "role",
    Reach.UNIT: "unit",
    Reach.ORGANISATION: "org",
    Reach.OFFICE: "office",
    Reach.OWN: "own",
}
HEADER = """# Who may do what

Generated from the capabilities in each app's `permissions.py` by `manage.py access_table --write`;
`tests/access/test_document.py` fails when this file and the code disagree. The policy itself is
`ostan.core.access` (docs/architecture.md says how an app declares its capabilities).

Each cell is the widest reach a role has for the capability:

| mark | reach |
|---|---|
| all | everyone, signed in or not |
| in | any signed-in person |
| role | holding the role is enough (national tasks, and lists that filter themselves by unit) |
| unit | the target lies in the post's unit or under it (the system administrator: everywhere) |
| org | as unit, and the target belongs to the post's organisation or one of its branches |
| office | as unit, and the target belongs to the post's own organisation itself, not to a branch |
| own | the target belongs to the person acting |

Two rules hold for every capability: the system (`Actor.system(reason)`: loaders, the election-day
gateway, scheduled jobs) may do everything and is recorded as such, and the observer never writes.
"""


def _short(role: Role) -> str:
    return role.value.replace("_election_official", "_eo").replace("_official", "").replace("_representative", "_rep")


def role_key() -> str:
    rows = "\n".join(f"| `{_short(r)}` | `{r.value}` | {ROLE_LABELS[r]} |" for r in Role)
    return "## Roles\n\n| column | role | in Persian |\n|---|---|---|\n" + rows + "\n"


def capability_table(capabilities: tuple[Capability, ...]) -> str:
    roles = list(Role)
    head = "| capability | " + " | ".join(f"`{_short(r)}`" for r in roles) + " |\n"
    rule = "|---|" + "---|" * len(roles) + "\n"
    lines = []
    for capability in capabilities:
        reach = roles_with(capability, roles)
        cells = [MARKS[reach[r]] if r in reach else "" for r in roles]
        writes = "" if capability.is_write else " (read)"
        lines.append(f"| `{capability.name}`{writes}<br>{capability.label} | " + " | ".join(cells) + " |")
    return head + rule + "\n".join(lines) + "\n"


def access_document(catalogue: Catalogue) -> str:
    by_app: dict[str, list[Capability]] = {}
    for capability in catalogue.capabilities:
        by_app.setdefault(capability.name.split(".", 1)[0], []).append(capability)
    parts = [HEADER, role_key()]
    national = ", ".join(f"`{r.value}`" for r in sorted(NATIONAL_ROLES))
    parts.append(f"National roles ({national}) reach every unit where a capability gives them `unit` or `org`.\n")
    for app in sorted(by_app):
        parts.append(f"## {app}\n\n" + capability_table(tuple(by_app[app])))
    return "\n".join(parts)
