"""docs/access.md is what the capabilities say: regenerate it with ``manage.py access_table --write``."""

from __future__ import annotations

from pathlib import Path

from ostan.access.catalogue import catalogue
from ostan.access.document import access_document

DOC = Path(__file__).resolve().parents[2] / "docs" / "access.md"


def test_the_access_table_in_the_docs_is_the_code_s() -> None:
    assert DOC.read_text(encoding="utf-8") == access_document(catalogue()), "run: manage.py access_table --write"


def test_every_capability_is_in_the_table() -> None:
    text = DOC.read_text(encoding="utf-8")
    for capability in catalogue().capabilities:
        assert f"`{capability.name}`" in text
