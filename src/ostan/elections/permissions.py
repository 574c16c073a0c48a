"""Who may run council elections: election officials of their own unit and below, and the system
administrator; rounds are national, configured by the country's election headquarters. Published results
are public; a constituency's inputs before publication are for the officials and observers of its unit."""

from __future__ import annotations

from ostan.core.access import Capability, Reach, Role, grant

# The election line's officials who set up and count (Council Elections Law, Arts. 31–35).
ELECTION_OFFICIALS = (
    Role.CONSTITUENCY_ELECTION_OFFICIAL,
    Role.COUNTY_ELECTION_OFFICIAL,
    Role.PROVINCE_ELECTION_OFFICIAL,
    Role.COUNTRY_ELECTION_OFFICIAL,
    Role.SYSTEM_ADMINISTRATOR,
)

READ_RESULTS = Capability(
    "elections.read_results", "دیدن نتایج اعلام‌شده و نامزدهای تأییدشده", (grant(Reach.ANYONE),), is_write=False
)
READ_UNPUBLISHED = Capability(
    "elections.read_unpublished",
    "دیدن حوزه‌ها، نامزدها و شمارش پیش از اعلام نتیجه در واحد خود",
    (
        grant(
            Reach.UNIT,
            *ELECTION_OFFICIALS,
            Role.STATION_OFFICIAL,
            Role.OBSERVER,
            Role.GOVERNOR,
            Role.GOVERNOR_OFFICE_STAFF,
        ),
    ),
    is_write=False,
)
CONFIGURE_ROUNDS = Capability(
    "elections.configure_rounds",
    "تعریف دوره‌های انتخابات و وضعیت آن‌ها",
    (grant(Reach.ROLE, Role.COUNTRY_ELECTION_OFFICIAL, Role.SYSTEM_ADMINISTRATOR),),
    refusal="تعریف دوره انتخابات فقط در اختیار ستاد انتخابات کشور است.",
)
MANAGE_CONSTITUENCY = Capability(
    "elections.manage_constituency",
    "تعریف حوزه، نامزدها و فهرست‌ها، بارگذاری آرا، شمارش و اعلام نتیجه در واحد خود",
    (grant(Reach.UNIT, *ELECTION_OFFICIALS),),
    refusal="این صفحه در اختیار مسئولان انتخابات است.",
)
