"""The ASGI entry point: election day's device gateway in front of Django.

Check-ins go to :class:`ostan.polling.edge.gateway.DeviceGateway` (group commit on one event loop per
process); every other request, pages and API alike, to Django's ASGI application.
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ostan.settings")
django_application = get_asgi_application()

from ostan.polling.edge.gateway import DeviceGateway  # noqa: E402  (needs the apps loaded above)

application = DeviceGateway(django_application)
