"""Who may do what with the governors' programmes: anyone reads the key projects, the best-practice library,
the published achievements and the public answers to critiques; a governor (استاندار، فرماندار، بخشدار) and
their office create and report projects of their own unit and below and publish finished ones as
experiences; the governor's office records outcome figures and lists deprived units; the provincial
information council publishes the achievements; a citizen files a critique (through the service desk)."""

from __future__ import annotations

from ostan.core.access import Capability, Reach, Role, grant

OFFICE = (Role.GOVERNOR, Role.GOVERNOR_OFFICE_STAFF, Role.SYSTEM_ADMINISTRATOR)

READ_PROJECTS = Capability(
    "programs.read_projects",
    "دیدن کارهای شاخص، وضعیت و دلیل آن و گزارش‌های پیشرفت",
    (grant(Reach.ANYONE),),
    is_write=False,
)
READ_ROLLUP = Capability(
    "programs.read_rollup",
    "دیدن جمع‌بندی کارهای شاخص واحد خود به تفکیک شهرستان، با مناطق محروم در آغاز",
    (grant(Reach.ROLE, *OFFICE, Role.INSPECTION_OFFICER, Role.INFORMATION_COUNCIL, Role.OBSERVER),),
    is_write=False,
)
MANAGE_PROJECTS = Capability(
    "programs.manage_projects",
    "تعریف کار شاخص واحد خود، ثبت گزارش پیشرفت با مستندات و به‌کارگیری تجربهٔ موفق",
    (grant(Reach.UNIT, *OFFICE),),
    refusal="تعریف و گزارش کار شاخص در اختیار استاندار، فرماندار یا بخشدار و دفتر اوست.",
)
READ_EVIDENCE = Capability(
    "programs.read_evidence",
    "دیدن پرونده‌های مستند گزارش‌های پیشرفت واحد خود",
    (grant(Reach.UNIT, *OFFICE, Role.INSPECTION_OFFICER, Role.OBSERVER),),
    is_write=False,
)
SET_DEPRIVATION = Capability(
    "programs.set_deprivation",
    "ثبت محرومیت واحدهای زیرمجموعه (نمرهٔ محرومیت)",
    (grant(Reach.UNIT, Role.GOVERNOR_OFFICE_STAFF, Role.GOVERNOR, Role.SYSTEM_ADMINISTRATOR),),
)
RECORD_OUTCOMES = Capability(
    "programs.record_outcomes",
    "ثبت هدف و عملکرد شاخص‌های برنامه (مجوز، سرمایه‌گذار، واحد راکد، طرح نیمه‌تمام) برای واحد خود",
    (grant(Reach.UNIT, *OFFICE),),
)
READ_OUTCOMES = Capability(
    "programs.read_outcomes",
    "دیدن هدف و عملکرد شاخص‌های برنامه پیش از انتشار",
    (grant(Reach.ROLE, *OFFICE, Role.INSPECTION_OFFICER, Role.INFORMATION_COUNCIL, Role.OBSERVER),),
    is_write=False,
)
PUBLISH_ACHIEVEMENTS = Capability(
    "programs.publish_achievements",
    "انتشار دستاوردهای استان برای یک سال (شورای اطلاع‌رسانی)",
    (grant(Reach.UNIT, Role.INFORMATION_COUNCIL, Role.SYSTEM_ADMINISTRATOR),),
    refusal="انتشار دستاوردها کار دبیرخانهٔ شورای اطلاع‌رسانی استان است.",
)
READ_ACHIEVEMENTS = Capability(
    "programs.read_achievements", "دیدن دستاوردهای منتشرشده با نمودار", (grant(Reach.ANYONE),), is_write=False
)
PUBLISH_EXPERIENCE = Capability(
    "programs.publish_experience",
    "انتشار کار شاخص انجام‌شده به‌عنوان تجربهٔ موفق",
    (grant(Reach.UNIT, *OFFICE),),
)
READ_EXPERIENCES = Capability(
    "programs.read_experiences",
    "جست‌وجو در تجربه‌های موفق و دیدن به‌کارگیری آن‌ها",
    (grant(Reach.ANYONE),),
    is_write=False,
)
FILE_CRITIQUE = Capability(
    "programs.file_critique",
    "ثبت انتقاد یا پیشنهاد دربارهٔ کار شاخص یا دفتر (از راه میز خدمت)",
    (grant(Reach.ROLE, Role.CITIZEN),),
    refusal="انتقاد و پیشنهاد را شهروندان پس از ورود ثبت می‌کنند.",
)
READ_CRITIQUES = Capability(
    "programs.read_critiques",
    "دیدن انتقادها و پاسخ عمومی آن‌ها و سهم پاسخ به‌موقع هر دفتر",
    (grant(Reach.ANYONE),),
    is_write=False,
)
