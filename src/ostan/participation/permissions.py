"""Who may do what in participation: the governor's offices (استانداری، فرمانداری، بخشداری) keep their
stakeholders and meetings and exchange circulars; each office alone sees the personal data it keeps and
acknowledges its own copies; offices above see what happens in the units under them."""

from __future__ import annotations

from ostan.core.access import Capability, Reach, Role, grant

OFFICES = (Role.GOVERNOR, Role.GOVERNOR_OFFICE_STAFF)

READ_MEETINGS = Capability(
    "participation.read_meetings",
    "دیدن جلسه‌ها، دعوت‌شدگان، صورتجلسه‌ها و پیگیری مصوبه‌های واحد خود",
    (grant(Reach.UNIT, *OFFICES, Role.SYSTEM_ADMINISTRATOR),),
    is_write=False,
)
MANAGE_MEETINGS = Capability(
    "participation.manage_meetings",
    "ثبت جلسه، دعوت، صورتجلسه و انجام مصوبه‌ها برای دفتر خود و شاخه‌های آن",
    (grant(Reach.ORGANISATION, *OFFICES),),
    refusal="ثبت جلسه در اختیار دفتر استاندار، فرماندار یا بخشدار است.",
)
READ_STAKEHOLDERS = Capability(
    "participation.read_stakeholders",
    "دیدن فهرست حلقه‌های میانی واحد خود و سابقهٔ حضورشان (بی‌داده‌های شخصی)",
    (grant(Reach.UNIT, *OFFICES, Role.SYSTEM_ADMINISTRATOR),),
    is_write=False,
)
MANAGE_STAKEHOLDERS = Capability(
    "participation.manage_stakeholders",
    "ثبت و اصلاح ذی‌نفعانی که دفتر خود نگه می‌دارد",
    (grant(Reach.OFFICE, *OFFICES),),
    refusal="ثبت ذی‌نفع در اختیار دفتر استاندار، فرماندار یا بخشدار است.",
)
READ_STAKEHOLDER_CONTACTS = Capability(
    "participation.read_stakeholder_contacts",
    "دیدن تلفن، رایانامه و نشانی ذی‌نفعان: فقط دفتری که آن‌ها را نگه می‌دارد",
    (grant(Reach.OFFICE, *OFFICES),),
    is_write=False,
    refusal="داده‌های شخصی ذی‌نفع را فقط دفتری می‌بیند که آن را ثبت کرده است.",
)
SEND_CIRCULAR = Capability(
    "participation.send_circular",
    "ارسال بخشنامه به دفترهای زیردست یا گزارش به دفتر بالادست",
    (grant(Reach.ROLE, *OFFICES),),
    refusal="ارسال بخشنامه در اختیار دفتر استاندار، فرماندار یا بخشدار است.",
)
READ_CIRCULARS = Capability(
    "participation.read_circulars",
    "دیدن بخشنامه‌های فرستاده و وضعیت دریافت هر گیرنده (دفتر فرستنده و دفترهای بالاتر)",
    (grant(Reach.ORGANISATION, *OFFICES), grant(Reach.UNIT, Role.SYSTEM_ADMINISTRATOR)),
    is_write=False,
)
READ_COPY = Capability(
    "participation.read_copy",
    "دیدن نسخهٔ رسیده به دفتر خود (و دفترهای زیردست) و پیوست‌های آن",
    (grant(Reach.ORGANISATION, *OFFICES), grant(Reach.UNIT, Role.SYSTEM_ADMINISTRATOR)),
    is_write=False,
)
ACKNOWLEDGE_CIRCULAR = Capability(
    "participation.acknowledge_circular",
    "تأیید دریافت بخشنامه: فقط دفتر گیرنده",
    (grant(Reach.OFFICE, *OFFICES),),
    refusal="دریافت بخشنامه را فقط دفتر گیرندهٔ آن تأیید می‌کند.",
)
