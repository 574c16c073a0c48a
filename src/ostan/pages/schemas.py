"""The API's one error shape, for every router's documented refusals (``ostan.api`` answers in it)."""

from __future__ import annotations

from ninja import Schema


class ErrorOut(Schema):
    code: str
    message: str
    details: object | None = None
