"""Every page and every API operation the platform serves, each with the policy it declares."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver
from ninja import Router

from ostan.access.guards import Policy, policy_of
from ostan.api import api

# URL namespaces served by other machinery, each tested on its own terms: the admin (every ModelAdmin's
# permissions follow the same capabilities; tests/accounts/test_admin.py and the apps' admin tests).
OWN_TERMS = {"admin": "the admin site: each ModelAdmin checks the capabilities itself"}
# Patterns ninja makes for the API itself (its operations are walked below, from the routers).
NINJA_VIEWS = {"openapi-json", "openapi-view"}
PUBLIC_SCHEMA = "api:openapi-json"  # the OpenAPI document: public by design, like the docs it feeds


@dataclass(frozen=True)
class Endpoint:
    name: str  # "page polling:station" or "api POST /api/polling/stations/{pk}/close"
    path: str  # with {param} placeholders
    methods: tuple[str, ...]
    policy: Policy | None
    is_api: bool


def _pattern_text(pattern: Any) -> str:
    text = str(pattern.pattern)
    text = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", text)
    return text.lstrip("^").rstrip("$").replace("\\", "")


def _pages(patterns: list[Any], prefix: str = "", namespace: str = "") -> Iterator[Endpoint]:
    for item in patterns:
        if isinstance(item, URLResolver):
            inner = ":".join(n for n in (namespace, item.namespace or "") if n)
            if (item.namespace or "") in OWN_TERMS or item.namespace == "api":
                continue
            yield from _pages(item.url_patterns, prefix + _pattern_text(item), inner)
        elif isinstance(item, URLPattern):
            name = f"{namespace}:{item.name}" if namespace else str(item.name)
            callback = item.callback
            yield Endpoint(f"page {name}", "/" + prefix + _pattern_text(item), ("GET",), policy_of(callback), False)


def _operations(router: Router, prefix: str) -> Iterator[Endpoint]:
    for path, view in router.path_operations.items():
        for operation in view.operations:
            full = "/api" + re.sub("/+", "/", "/" + prefix + "/" + path).rstrip("/")
            methods = tuple(operation.methods)
            yield Endpoint(f"api {'/'.join(methods)} {full}", full, methods, policy_of(operation.view_func), True)


def endpoints() -> list[Endpoint]:
    found = list(_pages(get_resolver().url_patterns))
    for prefix, router in api._routers:  # ninja lists every router here, nested ones under their full prefix
        found.extend(_operations(router, prefix))
    return found


def ninja_docs_policy() -> Policy | None:
    """The docs page is decorated through NinjaAPI(docs_decorator=...); the schema is public."""
    for item in get_resolver().url_patterns:
        if isinstance(item, URLResolver) and item.namespace == "api":
            for pattern in item.url_patterns:
                if isinstance(pattern, URLPattern) and pattern.name == "openapi-view":
                    return policy_of(pattern.callback)
    return None
