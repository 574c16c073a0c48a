"""The constituency file (JSON) read and written; every problem names its JSON path, in Persian.

See docs/counting.md for the format. Codes are normalised (Persian/Arabic digits → ASCII) and names
with ``ostan.core.text.normalize``; ``seats``/``alternates`` may be left out when ``settlement`` (and
``population``) let the law's table decide them.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from ostan.core.counting.ballots import normalize_code
from ostan.core.counting.errors import ConstituencyFileError, InvalidConstituency, InvalidRules
from ostan.core.counting.model import Candidate, Constituency, CountingRules, Education, Method, PartyList
from ostan.core.counting.seats import council_size
from ostan.core.errors import DomainError
from ostan.core.text import normalize

RULE_FIELDS = (
    "share_denominator",
    "alternate_ratio_percent",
    "alternate_rounding",
    "threshold_percent",
    "imported_invalid_policy",
    "short_list_policy",
    "remainder_tie_break",
)


def _fail(path: str, message: str) -> ConstituencyFileError:
    return ConstituencyFileError(f"پروندهٔ حوزه، در {path}: {message}", details={"path": path})


def _field(data: Mapping[str, object], key: str, path: str, kind: type, *, default: object = ...) -> object:
    if key not in data or data[key] is None:
        if default is ...:
            raise _fail(f"{path}.{key}", "این مقدار لازم است.")
        return default
    value = data[key]
    if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise _fail(f"{path}.{key}", "باید عدد صحیح باشد.")
    if not isinstance(value, kind):
        names = {str: "متن", bool: "درست/نادرست (true/false)", list: "فهرست (آرایه)", dict: "شیء"}
        raise _fail(f"{path}.{key}", f"باید {names.get(kind, kind.__name__)} باشد.")
    return value


def _text(data: Mapping[str, object], key: str, path: str, *, default: str | None = None) -> str:
    value = _field(data, key, path, str, default=... if default is None else default)
    assert isinstance(value, str)
    return value


def _int(data: Mapping[str, object], key: str, path: str, *, default: int | None = None) -> int:
    value = _field(data, key, path, int, default=... if default is None else default)
    if not isinstance(value, int):
        raise _fail(f"{path}.{key}", "باید عدد صحیح باشد.")
    return value


def _code(data: Mapping[str, object], key: str, path: str) -> str:
    raw = data.get(key)
    if isinstance(raw, int) and not isinstance(raw, bool):
        raw = str(raw)
    if not isinstance(raw, str) or not normalize_code(raw):
        raise _fail(f"{path}.{key}", "کد لازم است و باید از رقم تشکیل شده باشد.")
    return normalize_code(raw)


def _objects(data: Mapping[str, object], key: str, path: str) -> list[tuple[str, Mapping[str, object]]]:
    items = _field(data, key, path, list, default=[])
    assert isinstance(items, list)
    out: list[tuple[str, Mapping[str, object]]] = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise _fail(f"{path}.{key}[{i}]", "باید شیء باشد.")
        out.append((f"{path}.{key}[{i}]", item))
    return out


def _candidate(path: str, data: Mapping[str, object]) -> Candidate:
    list_code = None if data.get("list") in (None, "") else _code(data, "list", path)
    education = _text(data, "education", path, default="none")
    if education.upper() not in Education.__members__:
        options = "، ".join(e.name.lower() for e in Education)
        raise _fail(f"{path}.education", f"مدرک «{education}» شناخته نیست؛ یکی از {options}.")
    is_veteran = _field(data, "veteran", path, bool, default=False)
    return Candidate(
        code=_code(data, "code", path),
        name=normalize(_text(data, "name", path)),
        list_code=list_code,
        is_veteran=bool(is_veteran),
        education=Education[education.upper()],
    )


def _rules(data: Mapping[str, object]) -> CountingRules:
    raw = _field(data, "rules", "$", dict, default={})
    assert isinstance(raw, dict)
    unknown = sorted(set(raw) - set(RULE_FIELDS))
    if unknown:
        raise _fail(f"$.rules.{unknown[0]}", "این قاعده شناخته نیست.")
    values: dict[str, object] = {}
    for key in RULE_FIELDS:
        if key == "threshold_percent":
            values[key] = _threshold(raw.get(key))
        elif key == "alternate_ratio_percent":
            values[key] = _int(raw, key, "$.rules", default=52)
        elif key in raw:
            values[key] = _text(raw, key, "$.rules")
    try:
        return CountingRules(**values)  # type: ignore[arg-type]
    except InvalidRules as error:
        raise _fail(f"$.rules.{_detail_path(error)}", error.message) from error


def _threshold(raw: object) -> Decimal | None:
    if raw is None:
        return None
    try:
        value = Decimal(str(raw)) if isinstance(raw, str | int | float) and not isinstance(raw, bool) else None
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        raise _fail("$.rules.threshold_percent", "باید عدد (درصد) باشد.")
    return value


def _detail_path(error: DomainError) -> str:
    details = error.details
    return str(details.get("path", "")) if isinstance(details, dict) else ""


def _size(data: Mapping[str, object]) -> tuple[int, int]:
    if "seats" in data:
        return _int(data, "seats", "$"), _int(data, "alternates", "$", default=0)
    settlement = _text(data, "settlement", "$")
    population = _int(data, "population", "$", default=None) if data.get("population") is not None else None
    size = council_size(settlement, population)
    return size.members, size.alternates


def constituency_from_json(data: Mapping[str, object]) -> Constituency:
    """The constituency described by a parsed constituency file; raises ConstituencyFileError."""
    if not isinstance(data, Mapping):
        raise _fail("$", "پرونده باید یک شیء JSON باشد.")
    method_text = _text(data, "method", "$")
    if method_text not in {m.value for m in Method}:
        raise _fail("$.method", "روش باید plurality یا proportional باشد.")
    try:
        seats, alternates = _size(data)
        return Constituency(
            id=_text(data, "id", "$"),
            name=normalize(_text(data, "name", "$")),
            method=Method(method_text),
            seats=seats,
            alternates=alternates,
            candidates=tuple(_candidate(p, item) for p, item in _objects(data, "candidates", "$")),
            lists=tuple(
                PartyList(_code(item, "code", p), normalize(_text(item, "name", p)))
                for p, item in _objects(data, "lists", "$")
            ),
            lot_seed=_text(data, "lot_seed", "$", default=""),
            rules=_rules(data),
        )
    except InvalidConstituency as error:
        raise _fail(f"$.{_detail_path(error)}", error.message) from error
    except ConstituencyFileError:
        raise
    except DomainError as error:
        raise _fail("$", error.message) from error


def constituency_to_json(c: Constituency) -> dict[str, object]:
    rules = c.rules
    return {
        "id": c.id,
        "name": c.name,
        "method": c.method.value,
        "seats": c.seats,
        "alternates": c.alternates,
        "lists": [{"code": pl.code, "name": pl.name} for pl in c.lists],
        "candidates": [
            {
                "code": m.code,
                "name": m.name,
                "list": m.list_code,
                "veteran": m.is_veteran,
                "education": m.education.name.lower(),
            }
            for m in c.candidates
        ],
        "lot_seed": c.lot_seed,
        "rules": {
            "share_denominator": rules.share_denominator,
            "alternate_ratio_percent": rules.alternate_ratio_percent,
            "alternate_rounding": rules.alternate_rounding,
            "threshold_percent": None if rules.threshold_percent is None else str(rules.threshold_percent),
            "imported_invalid_policy": rules.imported_invalid_policy,
            "short_list_policy": rules.short_list_policy,
            "remainder_tie_break": rules.remainder_tie_break,
        },
    }
