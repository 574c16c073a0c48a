"""The site's own public pages: the home page, the API's health check and its documentation."""

from __future__ import annotations

from ostan.core.access import Capability, Reach, grant

READ_SITE = Capability(
    "web.read_site", "دیدن صفحهٔ نخست، مستندات API و وضعیت سامانه", (grant(Reach.ANYONE),), is_write=False
)
