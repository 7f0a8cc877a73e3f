"""Checks that the English content (validate.py) and its translations (translate.py) share: schema
errors in an editor's words, an unknown name with the closest known one, the rule for file names,
and each glossary word explained once. Both modules import this one; it imports neither."""

from __future__ import annotations

import difflib
import re

from pydantic import BaseModel

from .load import Document
from .model import Glossary
from .problems import Problem, field_path, shorten

# A content file's name: lower-case letters, digits and hyphens, ending .yml (its page's address).
FILE_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\.yml$")


def explain_all(doc: Document, model_class: type[BaseModel], errors: list[dict]) -> list[Problem]:
    """Explain each error, but say a misspelt field once: as unknown (with the suggestion), not also as missing."""
    misspelt = set()
    for error in errors:
        if error["type"] == "extra_forbidden":
            loc = tuple(error["loc"])
            allowed = _allowed_fields(model_class, loc[:-1])
            misspelt.update(loc[:-1] + (m,) for m in difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6))
    return [
        _explain(doc, model_class, e) for e in errors if not (e["type"] == "missing" and tuple(e["loc"]) in misspelt)
    ]


def _explain(doc: Document, model_class: type[BaseModel], error: dict) -> Problem:
    loc = tuple(error["loc"])
    kind = error["type"]
    ctx = error.get("ctx", {})
    got = shorten(error.get("input"))
    line, column = doc.position(loc)
    name = shorten(loc[-1]) if loc else ""

    if kind == "missing":
        line, column = doc.key_position(loc[:-1]) if loc[:-1] else (1, 1)
        message = f"'{name}' is missing: add it ({_describe(model_class, loc)})"
    elif kind == "extra_forbidden":
        line, column = doc.key_position(loc)
        allowed = _allowed_fields(model_class, loc[:-1])
        close = difflib.get_close_matches(str(name), allowed, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed here: {', '.join(allowed)}"
        message = f"unknown field '{name}': {hint}"
    elif kind in ("int_type", "int_parsing", "int_from_float"):
        message = f"must be a whole number, like 4 (got {got!r})"
    elif kind in ("string_type",):
        message = f"must be text (got {got!r}); put quotes around it if it is meant as text"
    elif kind in ("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"):
        message = f"must be a real date written YYYY-MM-DD, like 2026-11-25 (got {got!r})"
    elif kind == "literal_error":
        message = f"must be one of {ctx.get('expected')} (got {got!r})"
    elif kind in ("list_type",):
        message = "must be a list: put each item on its own line starting with '- '"
    elif kind in ("dict_type", "model_type", "model_attributes_type"):
        message = "must be a group of 'field: value' lines, indented under it"
    elif kind == "too_short":
        message = "must not be empty" if ctx.get("min_length") == 1 else f"needs at least {ctx.get('min_length')} items"
    elif kind == "string_too_short":
        message = "must not be empty"
    elif kind == "string_too_long" or (kind == "too_long" and isinstance(error.get("input"), str)):
        length = len(error["input"])
        message = f"is too long: keep it under {ctx.get('max_length')} characters (it has {length})"
    elif kind == "string_pattern_mismatch":
        message = _pattern_message(str(name), got)
    elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        limit = ctx.get("ge", ctx.get("le", ctx.get("gt", ctx.get("lt"))))
        word = {"greater_than_equal": "at least", "less_than_equal": "at most"}.get(kind, kind.replace("_", " "))
        message = f"must be {word} {limit} (got {got!r})"
    elif kind == "value_error":
        message = str(ctx.get("error", error["msg"]))
    else:
        message = error["msg"]
    return Problem(doc.path, line, column, field_path(loc), message)


def _pattern_message(name: str, got: object) -> str:
    if name == "doi":
        return f"must be a bare DOI like 10.1001/jamadermatol.2013.8687 (got {got!r})"
    if name == "pmid":
        return f"must be a PubMed number, digits only (got {got!r})"
    if name == "url":
        return f"must be a web address starting https:// (got {got!r})"
    return f"must be lower-case letters, digits and hyphens, like 'acne-scars' (got {got!r})"


def _sub_model(model_class: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model that holds the field at loc (following nested models and lists)."""
    current: object = model_class
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = _inner_model(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: object) -> object:
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if isinstance(found, type) and issubclass(found, BaseModel):
            return found
    return annotation


def _allowed_fields(model_class: type[BaseModel], loc: tuple) -> list[str]:
    holder = _sub_model(model_class, loc) if loc else model_class
    return list(holder.model_fields) if holder else []


def _describe(model_class: type[BaseModel], loc: tuple) -> str:
    holder = _sub_model(model_class, loc[:-1]) if loc[:-1] else model_class
    field = holder.model_fields.get(loc[-1]) if holder else None
    return (field.description or "required") if field else "required"


def check_glossary(doc: Document, glossary: Glossary) -> list[Problem]:
    """Each word and other form in the glossary is explained once (letter case does not count)."""
    problems, seen = [], {}
    for index, entry in enumerate(glossary.terms):
        for offset, word in enumerate([entry.term, *entry.also]):
            key = word.casefold()  # "Collagen" and "collagen" would show two tooltips for one word
            if key in seen:
                loc = ("terms", index, "term") if offset == 0 else ("terms", index, "also", offset - 1)
                message = f"'{word}' is already explained by term {seen[key]} (letter case does not count)"
                problems.append(Problem(doc.path, *doc.position(loc), field_path(loc), message))
            seen.setdefault(key, index)
    return problems


def unknown(what: str, value: object, known, where: str) -> str:
    """ "unknown page 'x': did you mean 'y'?", or where the known names are."""
    close = difflib.get_close_matches(str(value), list(known), n=1, cutoff=0.6)
    hint = f": did you mean '{close[0]}'?" if close else f" in {where}"
    return f"unknown {what} '{shorten(value)}'{hint}"
