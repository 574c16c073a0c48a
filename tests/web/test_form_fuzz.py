"""Fuzz the pages' forms, as the API is fuzzed from its schema: the pages are not in the OpenAPI schema,
so their forms are found by walking the site as the officials who use them, and each is sent generated
values with its CSRF token (a write that stops at the CSRF check tests nothing). Whatever is typed —
Persian and Arabic letters, either digit style, ZWNJ, markup, very long text, a random file — the answer
is never a server error, and a refused form says why in Persian rather than half-applying anything."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ostan.core.access import Role
from ostan.polling import constituencies, device_requests
from ostan.polling.edge import stations as stations_cache
from tests.actors import make_person
from tests.polling.world import make_polling_world

# Forms that end or replace the session they are sent in: fuzzing them would sign the walker out.
SESSION_FORMS = re.compile(r"/accounts/(logout|password|post)/")
# What a person might type: Persian, Arabic and Latin letters, both digit styles, ZWNJ, markup, spaces.
ALPHABET = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكة۰۱۲۳۴۵۶۷۸۹٠١٢٣0123456789AZaz\u200c <>&\"'/-_.,:؛،\n"
TEXT = st.one_of(st.text(ALPHABET, max_size=40), st.text(max_size=12), st.just("x" * 5000))


@dataclass
class Form:
    page: str
    action: str
    fields: dict[str, list[str]] = field(default_factory=dict)  # name → choices ([] for free text)
    files: list[str] = field(default_factory=list)
    hidden: dict[str, str] = field(default_factory=dict)


class _Page(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__()
        self.page = page
        self.forms: list[Form] = []
        self.links: list[str] = []
        self._form: Form | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(urljoin(self.page, a["href"]))
        elif tag == "form" and a.get("method", "get").lower() == "post":
            self._form = Form(self.page, urljoin(self.page, a.get("action") or self.page))
        elif self._form is None or (not a.get("name") and tag != "option"):
            return
        elif tag == "input":
            kind = a.get("type", "text").lower()
            if kind == "hidden":
                self._form.hidden[a["name"]] = a.get("value", "")
            elif kind == "file":
                self._form.files.append(a["name"])
            elif kind in ("checkbox", "radio"):
                self._form.fields.setdefault(a["name"], ["", a.get("value") or "on"]).append(a.get("value") or "on")
            elif kind not in ("submit", "button", "reset"):
                self._form.fields[a["name"]] = []
        elif tag == "textarea":
            self._form.fields[a["name"]] = []
        elif tag == "select":
            self._select = a["name"]
            self._form.fields[a["name"]] = [""]
        elif tag == "option" and self._select:
            self._form.fields[self._select].append(a.get("value", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self._form is not None:
            self.forms.append(self._form)
            self._form = None
        elif tag == "select":
            self._select = None


def _walk(client: Client, start: list[str], limit: int = 80) -> list[Form]:
    """The site's POST forms reachable from ``start`` (same site, pages only, breadth first)."""
    seen: set[str] = set()
    queue = list(start)
    forms: dict[tuple[str, tuple[str, ...]], Form] = {}
    while queue and len(seen) < limit:
        url = queue.pop(0)
        path = urlsplit(url).path
        if path in seen or not path.startswith("/") or path.startswith(("/api/", "/admin/", "/static/")):
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        parser = _Page(path)
        parser.feed(response.content.decode())
        for form in parser.forms:
            # One form of each kind: /accounts/staff/3/role/ is fuzzed as every staff member's.
            kind = re.sub(r"/[0-9]+/", "/N/", urlsplit(form.action).path)
            forms.setdefault((kind, tuple(sorted(form.fields))), form)
        queue.extend(link for link in parser.links if urlsplit(link).netloc in ("", "testserver"))
    return [f for f in forms.values() if not SESSION_FORMS.search(urlsplit(f.action).path)]


@pytest.fixture
def walker(db: None, settings: Any) -> tuple[Client, list[Form]]:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    device_requests._cache.clear()
    stations_cache._cache.clear()
    constituencies.forget_all()
    world = make_polling_world(stations=2, voters=5)
    admin = make_person("form-admin", Role.SYSTEM_ADMINISTRATOR, None)
    forms: list[Form] = []
    for person in (world.official, world.members[0], admin):
        client = Client()
        client.force_login(person)
        forms.extend(_walk(client, ["/", "/elections/rounds/", "/polling/stations/", "/organisations/", "/territory/"]))
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin)
    return client, forms


def _values(draw: Any, form: Form) -> dict[str, Any]:
    data: dict[str, Any] = dict(form.hidden)
    for name, choices in form.fields.items():
        value = draw(st.sampled_from(choices) if choices else TEXT)
        if value != "":
            data[name] = value
    for name in form.files:
        content = draw(st.binary(max_size=200))
        data[name] = SimpleUploadedFile(draw(st.sampled_from(["a.csv", "a.xlsx", "a.png", "a"])), content)
    return data


def test_every_form_survives_whatever_is_typed(walker: tuple[Client, list[Form]]) -> None:
    client, forms = walker
    assert len(forms) >= 25, [f.action for f in forms]  # the walk found the site's forms
    for form in forms:
        _fuzz(client, form)


def _fuzz(client: Client, form: Form) -> None:
    @settings(max_examples=6, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
    @given(st.data())
    def post_it(data: Any) -> None:
        client.get(form.page)  # a fresh CSRF cookie, as a browser would have
        token = client.cookies["csrftoken"].value if "csrftoken" in client.cookies else ""
        payload = _values(data.draw, form) | {"csrfmiddlewaretoken": token}
        response = client.post(urlsplit(form.action).path, payload)
        assert response.status_code < 500, (form.action, response.status_code)
        assert response.status_code != 403 or "CSRF" not in response.content.decode(), form.action

    post_it()
