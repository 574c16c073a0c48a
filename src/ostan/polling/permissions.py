"""Who may do what on election day.

Election officials set stations up (devices, members, the roll) in their unit and below; a station's
members and the officials above them run it (open, close, minutes). Observers and the governor's office
watch. Devices act as the system, each request signed by its registered key.
"""

from __future__ import annotations

from ostan.core.access import Capability, Reach, Role, grant
from ostan.elections.permissions import ELECTION_OFFICIALS

STATION_RUNNERS = (Role.STATION_OFFICIAL, *ELECTION_OFFICIALS)

READ_STATIONS = Capability(
    "polling.read_stations",
    "دیدن شعبه‌ها، وضعیت و صورتجلسه‌های آن‌ها در واحد خود",
    (grant(Reach.UNIT, *STATION_RUNNERS, Role.OBSERVER, Role.GOVERNOR, Role.GOVERNOR_OFFICE_STAFF),),
    is_write=False,
)
SET_UP_STATIONS = Capability(
    "polling.set_up_stations",
    "تعریف شعبه، دستگاه‌ها، اعضا و فهرست رأی‌دهندگان در واحد خود",
    (grant(Reach.UNIT, *ELECTION_OFFICIALS),),
    refusal="آماده‌سازی شعبه‌ها در اختیار مسئولان انتخابات است.",
)
RUN_STATION = Capability(
    "polling.run_station",
    "ثبت و غیرفعال‌سازی دستگاه، بستن شعبه و تأیید صورتجلسه در واحد خود",
    (grant(Reach.UNIT, *STATION_RUNNERS),),
    refusal="این کار در اختیار اعضای شعبه و مسئولان انتخابات است.",
)
# The devices' endpoints check each request's Ed25519 signature instead of a session: anyone may send one,
# only a registered device's is accepted.
USE_DEVICE = Capability("polling.use_device", "درخواست امضاشدهٔ دستگاه شعبه", (grant(Reach.ANYONE),), is_write=False)
# The devices' pages (check-in and kiosk screens) are public files; what they send is signed.
OPEN_DEVICE_PAGES = Capability(
    "polling.open_device_pages", "باز کردن صفحهٔ دستگاه احراز هویت و رأی‌گیری", (grant(Reach.ANYONE),), is_write=False
)
# A citizen reads their own line of the roll: their constituency, its stations and its candidates.
READ_OWN_REGISTRATION = Capability(
    "polling.read_own_registration",
    "دیدن ثبت خود در فهرست رأی‌دهندگان، شعبه‌ها و نامزدهای حوزهٔ خود",
    (grant(Reach.OWN, Role.CITIZEN),),
    is_write=False,
)
# What a voter needs before the day, for everyone: a constituency's stations and its approved candidates.
READ_VOTER_GUIDE = Capability(
    "polling.read_voter_guide",
    "دیدن شعبه‌ها و نامزدهای تأییدشدهٔ حوزه‌ها پیش از رأی‌گیری",
    (grant(Reach.ANYONE),),
    is_write=False,
)
