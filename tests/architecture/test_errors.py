"""Every error code an app raises is declared in its ``errors.py``: as the ``code`` of an error class defined
there, or in its ``CODES`` table (a code given at the raise, ``DomainError("...", code="...")``). Error classes
are defined only there. A client of the API can then read an app's every refusal in one file."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "ostan"
APPS = sorted(p.parent.name for p in SRC.glob("*/apps.py"))


def _codes_raised(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                is_error = name.endswith(("Error", "Refused", "Rejected", "Missing", "Found", "Conflict", "Scope"))
                if keyword.arg == "code" and isinstance(keyword.value, ast.Constant) and is_error:
                    found.add(str(keyword.value.value))
    return found


def _error_classes(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bases = {"DomainError", "PermissionRefused", "NotFound"}
    return [
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef) and any(getattr(b, "id", getattr(b, "attr", "")) in bases for b in node.bases)
    ]


def _declared(app: str) -> set[str]:
    try:
        module = importlib.import_module(f"ostan.{app}.errors")
    except ModuleNotFoundError:
        return set()
    codes = set(getattr(module, "CODES", {}))
    for value in vars(module).values():
        if isinstance(value, type) and isinstance(getattr(value, "code", None), str):
            codes.add(value.code)
    return codes


def test_error_classes_are_defined_in_errors_modules_only() -> None:
    stray = [
        f"{path.relative_to(SRC)}: {name}"
        for app in APPS
        for path in (SRC / app).rglob("*.py")
        if path.name != "errors.py" and "migrations" not in path.parts
        for name in _error_classes(path)
    ]
    assert stray == []


def test_every_code_an_app_raises_is_declared_in_its_errors_module() -> None:
    undeclared = []
    for app in APPS:
        declared = _declared(app)
        for path in (SRC / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for code in _codes_raised(path) - declared:
                undeclared.append(f"{path.relative_to(SRC)}: {code}")
    assert sorted(undeclared) == []
