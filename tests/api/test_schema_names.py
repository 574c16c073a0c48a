"""The OpenAPI schema names each component after its class: two answer shapes with one name would be
published as one, and every client (and the fuzzer's response checks) would read one shape against the
other's description. The audit log's entries were once described as the bulletin board's."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections import defaultdict

from ninja import Schema

import ostan


def _api_schemas() -> dict[str, set[tuple[str, ...]]]:
    shapes: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for info in pkgutil.walk_packages(ostan.__path__, "ostan."):
        if not info.name.endswith("api") or ".core." in info.name:
            continue
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Schema) and cls is not Schema and cls.__module__ == module.__name__:
                shapes[cls.__name__].add(tuple(sorted(cls.model_fields)))
    return shapes


def test_no_two_answer_shapes_share_a_name() -> None:
    shapes = _api_schemas()
    assert "AuditEntryOut" in shapes  # the walk found the apps' API modules
    assert "BoardEntryOut" in shapes
    clashes = {name: fields for name, fields in shapes.items() if len(fields) > 1}
    assert clashes == {}


def test_the_published_audit_entry_is_the_audit_logs() -> None:
    from ostan.api import api

    components = api.get_openapi_schema()["components"]["schemas"]
    assert "event" in components["AuditEntryOut"]["properties"]
    assert "entry_hash" in components["BoardEntryOut"]["properties"]
