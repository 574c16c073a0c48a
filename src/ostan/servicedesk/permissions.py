"""Who may do what at the service desk: the public reads the catalogue and tracks a code; citizens file
and follow their own requests; a desk clerk files for citizens and routes in the desk's unit; an agency's
officer handles only its organisation's requests in its units; the inspection office reads its units."""

from __future__ import annotations

from ostan.core.access import Capability, Reach, Role, grant

READ_CATALOGUE = Capability(
    "servicedesk.read_catalogue", "دیدن فهرست خدمت‌ها، مدارک، مراحل و مهلت‌ها", (grant(Reach.ANYONE),), is_write=False
)
TRACK_REQUEST = Capability(
    "servicedesk.track_request", "پیگیری درخواست با کد رهگیری", (grant(Reach.ANYONE),), is_write=False
)
FILE_REQUEST = Capability(
    "servicedesk.file_request",
    "ثبت درخواست: شهروند برای خود، کارشناس میز خدمت از طرف شهروند در واحد خود",
    (grant(Reach.ROLE, Role.CITIZEN), grant(Reach.UNIT, Role.SERVICE_DESK_CLERK, Role.SYSTEM_ADMINISTRATOR)),
    refusal="ثبت درخواست در اختیار شهروندان و کارشناسان میز خدمت است.",
)
READ_OWN_REQUESTS = Capability(
    "servicedesk.read_own_requests", "دیدن درخواست‌های خود", (grant(Reach.OWN, Role.CITIZEN),), is_write=False
)
READ_REQUESTS = Capability(
    "servicedesk.read_requests",
    "دیدن درخواست‌ها: شهروند مال خود، دستگاه کارتابل خود، میز خدمت و بازرسی واحد خود",
    (
        grant(Reach.OWN, Role.CITIZEN),
        grant(Reach.ORGANISATION, Role.AGENCY_OFFICER),
        grant(Reach.UNIT, Role.SERVICE_DESK_CLERK, Role.INSPECTION_OFFICER, Role.SYSTEM_ADMINISTRATOR),
    ),
    is_write=False,
)
READ_INBOX = Capability(
    "servicedesk.read_inbox",
    "دیدن کارتابل: دستگاه درخواست‌های خود، میز خدمت و بازرسی درخواست‌های واحد خود",
    (
        grant(Reach.ORGANISATION, Role.AGENCY_OFFICER),
        grant(Reach.UNIT, Role.SERVICE_DESK_CLERK, Role.INSPECTION_OFFICER, Role.SYSTEM_ADMINISTRATOR),
    ),
    is_write=False,
)
HANDLE_REQUEST = Capability(
    "servicedesk.handle_request",
    "رسیدگی در کارتابل دستگاه: آغاز رسیدگی، پرسش از شهروند، پاسخ، یادداشت، ارجاع، اعلام عدم صلاحیت",
    (grant(Reach.ORGANISATION, Role.AGENCY_OFFICER),),
    refusal="رسیدگی به درخواست در اختیار کارشناس دستگاه مسئول آن است.",
)
ROUTE_REQUEST = Capability(
    "servicedesk.route_request",
    "کار میز خدمت روی درخواست‌های واحد خود: ارسال به دستگاه، اعلام خارج از صلاحیت، بستن",
    (grant(Reach.UNIT, Role.SERVICE_DESK_CLERK),),
    refusal="این کار در اختیار کارشناس میز خدمت است.",
)
RESPOND_AS_CITIZEN = Capability(
    "servicedesk.respond_as_citizen",
    "پاسخ شهروند به پرسش دستگاه، بستن یا بازگشایی درخواست خود",
    (grant(Reach.OWN, Role.CITIZEN),),
)
MANAGE_CATALOGUE = Capability(
    "servicedesk.manage_catalogue",
    "نگه‌داری فهرست خدمت‌ها و تقویم تعطیلات",
    (grant(Reach.ROLE, Role.SYSTEM_ADMINISTRATOR, Role.GOVERNOR_OFFICE_STAFF),),
)
OPEN311 = Capability(
    "servicedesk.open311",
    "Open311: فهرست خدمت‌ها و وضعیت درخواست‌ها بی‌داده‌های شخصی؛ ثبت درخواست فقط با کلید معتبر",
    (grant(Reach.ANYONE),),
    is_write=False,
)
MANAGE_OPEN311_KEYS = Capability(
    "servicedesk.manage_open311_keys",
    "ساخت و از کار انداختن کلیدهای Open311 سامانه‌های دیگر",
    (grant(Reach.ROLE, Role.SYSTEM_ADMINISTRATOR),),
)
MANAGE_REPLY_TEMPLATES = Capability(
    "servicedesk.manage_reply_templates",
    "نگه‌داری متن‌های آمادهٔ پاسخ، پرسش و ارجاع دستگاه و پاسخ نخست خودکار آن",
    (grant(Reach.ORGANISATION, Role.AGENCY_OFFICER), grant(Reach.ROLE, Role.SYSTEM_ADMINISTRATOR)),
    refusal="متن‌های آماده را کارشناس همان دستگاه یا مدیر سامانه نگه می‌دارد.",
)
WATCH_DEADLINES = Capability(
    "servicedesk.watch_deadlines",
    "یادآوری مهلت به دستگاه و ارجاع درخواست‌های دیرکرده به بازرسی (کار زمان‌بندی‌شدهٔ سامانه)",
    (grant(Reach.ROLE, Role.SYSTEM_ADMINISTRATOR),),
)
