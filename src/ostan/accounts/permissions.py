"""Who may keep staff accounts: system administrators everywhere, and officials of rank two and above in
their own unit and below, handing out only roles of their own line that are not above their own
(``ostan.core.access.roles.may_assign``)."""

from __future__ import annotations

from ostan.core.access import Capability, Reach, Role, grant
from ostan.core.access.roles import ACCOUNT_MANAGER_MIN_LEVEL, RANKS

ACCOUNT_MANAGERS = frozenset(
    {Role.SYSTEM_ADMINISTRATOR, *(role for role, rank in RANKS.items() if rank.level >= ACCOUNT_MANAGER_MIN_LEVEL)}
)

MANAGE_ACCOUNTS = Capability(
    "accounts.manage_staff",
    "دیدن و نگه‌داری حساب‌ها و سمت‌های کارکنان حوزهٔ خود",
    (grant(Reach.UNIT, *ACCOUNT_MANAGERS),),
    refusal="مدیریت حساب‌های کارکنان در اختیار نقش شما نیست.",
)
# Citizens' accounts hold national codes and mobiles of the public: only the system administrator keeps them.
MANAGE_CITIZEN_ACCOUNTS = Capability(
    "accounts.manage_citizens",
    "تغییر حساب شهروندان",
    (grant(Reach.ROLE, Role.SYSTEM_ADMINISTRATOR),),
    refusal="حساب شهروندان را فقط مدیر سامانه تغییر می‌دهد.",
)
# Everyone signed in may read who they are, change their own password and switch between their posts.
USE_OWN_ACCOUNT = Capability(
    "accounts.use_own_account", "دیدن حساب خود، تغییر گذرواژه و گزینش سمت", (grant(Reach.SIGNED_IN),)
)
SIGN_IN = Capability("accounts.sign_in", "ورود به سامانه", (grant(Reach.ANYONE),), is_write=False)
