"""Who may do what with indicators: anyone reads the catalogue and the public figures (small counts
suppressed); the provincial administrator keeps the catalogue; a council secretary enters values for their
own unit; officials of a unit read its values in full and set its targets."""

from __future__ import annotations

from ostan.core.access import Capability, Reach, Role, grant

READ_CATALOGUE = Capability(
    "indicators.read_catalogue", "دیدن فهرست شاخص‌ها: تعریف، واحد سنجش، منبع و فرمول", (grant(Reach.ANYONE),),
    is_write=False,
)  # fmt: skip
READ_PUBLIC = Capability(
    "indicators.read_public",
    "دیدن شاخص‌های عمومی، روند، جدول و نقشه؛ شمارهای کوچک پنهان",
    (grant(Reach.ANYONE),),
    is_write=False,
)
READ_VALUES = Capability(
    "indicators.read_values",
    "دیدن همهٔ مقدارهای شاخص واحد خود بی‌پنهان‌سازی، کامل‌بودن گزارش‌ها و داده‌های پرت",
    (
        grant(
            Reach.UNIT, Role.COUNCIL_SECRETARY, Role.GOVERNOR, Role.GOVERNOR_OFFICE_STAFF, Role.INSPECTION_OFFICER,
            Role.INSTITUTION_REPRESENTATIVE, Role.SYSTEM_ADMINISTRATOR,
        ),
    ),
    is_write=False,
)  # fmt: skip
ENTER_VALUES = Capability(
    "indicators.enter_values",
    "ثبت مقدار شاخص‌ها در فرم یا بارگذاری پرونده برای واحد خود",
    (grant(Reach.UNIT, Role.COUNCIL_SECRETARY, Role.GOVERNOR_OFFICE_STAFF, Role.SYSTEM_ADMINISTRATOR),),
    refusal="ثبت مقدار شاخص در اختیار دبیر شورای پیشرفت محله و کارشناس استانداری است.",
)
MANAGE_TARGETS = Capability(
    "indicators.manage_targets",
    "تعیین هدف سالانهٔ شاخص‌ها برای واحد خود",
    (grant(Reach.UNIT, Role.GOVERNOR, Role.GOVERNOR_OFFICE_STAFF, Role.SYSTEM_ADMINISTRATOR),),
    refusal="تعیین هدف در اختیار فرماندار و کارشناس استانداری است.",
)
MANAGE_CATALOGUE = Capability(
    "indicators.manage_catalogue",
    "نگه‌داری فهرست شاخص‌ها: تعریف، فرمول، آستانه‌ها و قاعده‌های اعتبارسنجی",
    (grant(Reach.ROLE, Role.GOVERNOR_OFFICE_STAFF, Role.SYSTEM_ADMINISTRATOR),),
    refusal="نگه‌داری فهرست شاخص‌ها در اختیار کارشناس استانداری است.",
)
