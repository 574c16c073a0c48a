"""Who may publish on the bulletin board: election officials of the unit and above (a station's record,
a constituency's aggregate and result, the supervisory board's re-checks). Everyone reads the board."""

from __future__ import annotations

from ostan.core.access import Capability, Reach, Role, grant
from ostan.elections.permissions import ELECTION_OFFICIALS

WATCHERS = (*ELECTION_OFFICIALS, Role.STATION_OFFICIAL, Role.OBSERVER, Role.GOVERNOR, Role.GOVERNOR_OFFICE_STAFF)

READ_BOARD = Capability(
    "publication.read_board", "دیدن تابلوی اعلانات، نتایج و رسیدها و بارگیری آن‌ها", (grant(Reach.ANYONE),),
    is_write=False,
)  # fmt: skip
PUBLISH = Capability(
    "publication.publish",
    "انتشار شعبه، تجمیع و اعلام نتیجهٔ حوزه و بازشماری نمونه در واحد خود",
    (grant(Reach.UNIT, *ELECTION_OFFICIALS),),
    refusal="انتشار روی تابلوی اعلانات در اختیار مسئولان انتخابات است.",
)
READ_DASHBOARD = Capability(
    "publication.read_dashboard",
    "دیدن داشبورد مشارکت و گزارش شعبه‌های واحد خود",
    (grant(Reach.UNIT, *WATCHERS),),
    is_write=False,
)
OPEN_ROUND = Capability(
    "publication.open_round",
    "ثبت شعبه‌ها و کلیدهای دستگاه‌ها روی تابلو و صدور بیانیهٔ انتخابات پیش از گشایش",
    (grant(Reach.UNIT, Role.COUNTRY_ELECTION_OFFICIAL),),
    refusal="ثبت شعبه‌ها پیش از گشایش و صدور بیانیهٔ انتخابات در اختیار مسئول انتخابات کشور است.",
)
COSIGN = Capability(
    "publication.cosign",
    "فرستادن هم‌امضای گواه برای سرِ درخت تابلو (پذیرفته فقط اگر امضا درست باشد)",
    (grant(Reach.ANYONE),),
)
