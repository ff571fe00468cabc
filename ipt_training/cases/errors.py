"""Turn pydantic validation errors into plain instructions an instructor can act on.

Each error becomes ``(location, message)``: the location points at the field (and so at its line in the
YAML file), the message says what is wrong and how to fix it, without internal class names.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from enum import Enum
from typing import Any, Union

from pydantic import BaseModel

from ipt_training.cases.model import FieldProblem

Location = tuple[str | int, ...]


def _shown(value: Any) -> str:
    """A value as the instructor wrote it in YAML."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float):
        return f"{value:g}"
    return f"'{value}'"


def _unwrap(annotation: Any) -> Any:
    """The model class inside ``X | None``, ``list[X]`` and similar annotations, if any."""
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType, list, tuple):
        for arg in typing.get_args(annotation):
            found = _unwrap(arg)
            if isinstance(found, type) and issubclass(found, BaseModel):
                return found
        return None
    return annotation


def model_at(model: type[BaseModel], loc: Location) -> type[BaseModel] | None:
    """The model class that holds the field at ``loc`` (list indexes are skipped)."""
    current: Any = model
    for key in loc:
        if isinstance(key, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or key not in current.model_fields:
            return None
        current = _unwrap(current.model_fields[key].annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _allowed_values(error: Mapping[str, Any]) -> str:
    expected = str(error.get("ctx", {}).get("expected", ""))
    return expected.replace("'", "").replace(" or ", ", ")


def _field_name(loc: Location) -> str:
    names = [k for k in loc if isinstance(k, str)]
    return names[-1] if names else "this entry"


def _extra_field(model: type[BaseModel], loc: Location) -> str:
    from difflib import get_close_matches

    holder = model_at(model, loc[:-1])
    name = str(loc[-1])
    if holder is None:
        return f"'{name}' is not a field here; remove it"
    fields = list(holder.model_fields)
    close = get_close_matches(name, fields, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return f"'{name}' is not a field here; {hint}the fields allowed here are: {', '.join(fields)}"


def _missing(model: type[BaseModel], loc: Location) -> str:
    name = _field_name(loc)
    holder = model_at(model, loc[:-1]) if loc else None
    description = ""
    if holder is not None and name in holder.model_fields:
        description = holder.model_fields[name].description or ""
    return f"required field '{name}' is missing; add a '{name}:' line" + (f" ({description})" if description else "")


def _empty(loc: Location) -> str:
    """An empty value: a list entry is written after its dash, a field after its colon."""
    if loc and isinstance(loc[-1], int):
        return "this list entry is empty; write it after the '-', or delete the line"
    return "is empty; write the text after the colon"


def _text_error(value: Any, loc: Location) -> str:
    if value is None:
        return _empty(loc)
    if isinstance(value, bool | int | float):
        kind = "yes/no value" if isinstance(value, bool) else "number"
        return f"must be text; YAML read {_shown(value)} as a {kind}, so put it in quotes"
    return f"must be text, not {_shown(value)}"


def translate(model: type[BaseModel], error: Mapping[str, Any]) -> list[tuple[Location, str]]:
    """Locations and plain-language messages for one pydantic error (one check may report several problems)."""
    cause = error.get("ctx", {}).get("error")
    if isinstance(cause, FieldProblem):
        loc: Location = tuple(error["loc"])
        return [(loc + problem.loc, problem.message) for problem in (cause, *cause.more)]
    return [_translate_one(model, error)]


def _translate_one(model: type[BaseModel], error: Mapping[str, Any]) -> tuple[Location, str]:
    loc: Location = tuple(error["loc"])
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx", {})
    cause = ctx.get("error")
    if kind in ("value_error", "assertion_error"):
        return loc, str(cause) if cause is not None else error["msg"]
    if kind == "missing":
        return loc, _missing(model, loc)
    if kind == "extra_forbidden":
        return loc, _extra_field(model, loc)
    if kind in ("enum", "literal_error"):
        return loc, f"{_shown(value)} is not allowed here; use one of: {_allowed_values(error)}"
    if kind == "string_type":
        return loc, _text_error(value, loc)
    if kind == "string_too_short":
        least = ctx.get("min_length", 1)
        if least <= 1 or not str(value).strip():
            return loc, _empty(loc)
        return loc, f"is too short: write at least {least} characters (it has {len(str(value))})"
    if kind == "too_short":
        return loc, f"needs at least {ctx.get('min_length')} entries (it has {ctx.get('actual_length', 0)})"
    if kind == "list_type":
        return loc, f"must be a list (one '- ...' line per entry), not {_shown(value)}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return loc, f"must be a group of 'field: value' lines, not {_shown(value)}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return loc, f"must be a whole number, not {_shown(value)}"
    if kind in ("float_parsing", "float_type"):
        return loc, f"must be a number, not {_shown(value)}"
    if kind in ("bool_parsing", "bool_type"):
        return loc, f"must be true or false, not {_shown(value)}"
    bounds = {"greater_than_equal": ("at least", "ge"), "less_than_equal": ("at most", "le"),
              "greater_than": ("more than", "gt"), "less_than": ("less than", "lt")}
    if kind in bounds:
        words, key = bounds[kind]
        return loc, f"must be {words} {_shown(ctx.get(key))}, not {_shown(value)}"
    message = str(error["msg"]).replace("Input should be", "should be")
    if isinstance(value, Enum):
        value = value.value
    return loc, f"{message} (found {_shown(value)})"
