"""Who may read and change the territory tree.

The published divisions are public reference data. Governors' offices and election officials add
neighbourhoods and enter populations the census lacks (council seats depend on them), inside their unit.
"""

from __future__ import annotations

from ostan.core.access import Capability, Reach, Role, grant

READ_UNITS = Capability("territory.read_units", "دیدن تقسیمات کشوری", (grant(Reach.ANYONE),), is_write=False)
EDIT_UNITS = Capability(
    "territory.edit_units",
    "افزودن محله و ثبت جمعیت در واحد خود",
    (
        grant(
            Reach.UNIT,
            Role.SYSTEM_ADMINISTRATOR,
            Role.GOVERNOR,
            Role.GOVERNOR_OFFICE_STAFF,
            Role.CONSTITUENCY_ELECTION_OFFICIAL,
            Role.COUNTY_ELECTION_OFFICIAL,
            Role.PROVINCE_ELECTION_OFFICIAL,
            Role.COUNTRY_ELECTION_OFFICIAL,
        ),
    ),
)
