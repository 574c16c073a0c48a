"""Election day's transport, fenced off from the rest of the platform.

Everything here exists only because election day must take thousands of signed check-ins a second and
ballot journals of a thousand ballots at a time on modest hardware; each module says what it saves, and
docs/performance.md has the figures. Nothing here decides anything: every refusal and acceptance is the
polling actions' and the cores', byte for byte the same through these paths as through the plain API
(tests/polling/test_gateway.py, test_device_http.py, test_device_handler.py compare them).

- ``protocol``: uvicorn's httptools protocol with one short path for check-ins (only this package imports
  uvicorn; an import-linter contract says so).
- ``gateway``: the ASGI device gateway: checks body, signature and identity on the event loop, commits in
  groups on one thread per process.
- ``wire``: the check-in's wire constants, Django-free (uvicorn imports the protocol before the application).
- ``wsgi``: the WSGI handler for the signed device endpoints, without the pages' middleware.
- ``caches``, ``stations``: per-process caches of what never changes once registered.
"""
