"""The WSGI entry point: the pages through Django, the signed device requests through election day's lean
handler (``ostan.polling.edge.wsgi``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ostan.settings")
pages = get_wsgi_application()

from ostan.api import api  # noqa: E402  (needs the apps loaded above)
from ostan.polling.edge.wsgi import application_for, tune_collector  # noqa: E402

application = application_for(pages, api)
tune_collector()
