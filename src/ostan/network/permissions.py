"""Who may do what in the neighbourhood network, over the one policy.

Institutions are organisations: a representative (نماینده نهاد) holds a post at a unit for one institution
and acts only for that institution, only in that unit and below — reporting the progress of its own
actions and finishing its own crisis tasks. A council secretary runs the
council of their unit: members, plans, every action of the plan. The county network (the فرماندار and the
governor's office staff) sees everything in its territory, resolves overlaps and declares and runs crises.
Everyone in the network reads the councils, plans and actions of their own unit, so a representative
sees who else acts in the neighbourhood; internal notes are for the council and the county network, and
for a representative only on their own institution's actions.
"""

from __future__ import annotations

from ostan.core.access import Capability, Reach, Role, grant

NETWORK_OFFICES = (Role.GOVERNOR, Role.GOVERNOR_OFFICE_STAFF, Role.SYSTEM_ADMINISTRATOR)

READ_NETWORK = Capability(
    "network.read_network",
    "دیدن شوراها، برنامه‌ها، اقدام‌ها، ماتریس «چه کسی، چه کاری، کجا» و بحران‌های واحد خود",
    (
        grant(
            Reach.UNIT,
            *NETWORK_OFFICES,
            Role.INSPECTION_OFFICER,
            Role.COUNCIL_SECRETARY,
            Role.INSTITUTION_REPRESENTATIVE,
            Role.OBSERVER,
        ),
    ),
    is_write=False,
)
READ_INTERNAL_NOTES = Capability(
    "network.read_internal_notes",
    "دیدن یادداشت‌های داخلی اقدام‌ها: شورا و شبکهٔ شهرستان در واحد خود، نماینده فقط برای نهاد خود",
    (
        grant(Reach.UNIT, *NETWORK_OFFICES, Role.COUNCIL_SECRETARY),
        grant(Reach.ORGANISATION, Role.INSTITUTION_REPRESENTATIVE),
    ),
    is_write=False,
)
READ_COORDINATION = Capability(
    "network.read_coordination",
    "داشبورد شبکه، هم‌پوشانی‌ها و شکاف‌ها در واحد خود",
    (grant(Reach.UNIT, *NETWORK_OFFICES, Role.INSPECTION_OFFICER, Role.COUNCIL_SECRETARY),),
    is_write=False,
)
MANAGE_COUNCILS = Capability(
    "network.manage_councils",
    "تشکیل شورای پیشرفت و شبکهٔ شهرستان، اعضا، کارگروه‌ها و مرز محله در واحد خود",
    (grant(Reach.UNIT, *NETWORK_OFFICES, Role.COUNCIL_SECRETARY),),
    refusal="تشکیل و ترکیب شوراها در اختیار دبیر شورا و شبکهٔ شهرستان است.",
)
MANAGE_PLANS = Capability(
    "network.manage_plans",
    "برنامهٔ اقدام دوره و اقدام‌های آن (پیشنهاد نهادها را دبیر شورا ثبت می‌کند)",
    (grant(Reach.UNIT, *NETWORK_OFFICES, Role.COUNCIL_SECRETARY),),
    refusal="ثبت برنامه و اقدام در اختیار دبیر شورا و شبکهٔ شهرستان است.",
)
REPORT_PROGRESS = Capability(
    "network.report_progress",
    "گزارش پیشرفت اقدام با عکس یا سند: نمایندهٔ نهاد مجری، دبیر شورا",
    (
        grant(Reach.ORGANISATION, Role.INSTITUTION_REPRESENTATIVE),
        grant(Reach.UNIT, *NETWORK_OFFICES, Role.COUNCIL_SECRETARY),
    ),
    refusal="گزارش پیشرفت در اختیار نهاد مجری اقدام و دبیر شوراست.",
)
RESOLVE_OVERLAPS = Capability(
    "network.resolve_overlaps",
    "یافتن هم‌پوشانی‌ها و تصمیم دربارهٔ هر یک (ادغام، هماهنگی، ماندن)",
    (grant(Reach.UNIT, *NETWORK_OFFICES),),
    refusal="تصمیم دربارهٔ هم‌پوشانی با شبکهٔ شهرستان است.",
)
MANAGE_CRISES = Capability(
    "network.manage_crises",
    "اعلام بحران، فعال کردن کارگروه‌های بحران، سپردن کار به نهادها و بستن بحران",
    (grant(Reach.UNIT, *NETWORK_OFFICES),),
    refusal="اعلام و ادارهٔ بحران با فرماندار و شبکهٔ شهرستان است.",
)
WORK_IN_CRISIS = Capability(
    "network.work_in_crisis",
    "ثبت نیاز، منبع و انجام کار در بحران: شورا در واحد خود، نماینده برای نهاد خود",
    (
        grant(Reach.UNIT, *NETWORK_OFFICES, Role.COUNCIL_SECRETARY),
        grant(Reach.ORGANISATION, Role.INSTITUTION_REPRESENTATIVE),
    ),
)
