"""The web editor's configuration (docs/admin/config.yml), generated from the content models.

The editor is Sveltia CMS, which reads a Decap-compatible config. Its forms are built from the
same JSON Schemas as schemas/, so a field added to model.py appears in the editor after
`python -m guide cms`, and a test fails until the committed file is regenerated. The repository
and the login helper's address come from mkdocs.yml (`repo_url`, `extra.cms_auth_url`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter

from .model import KINDS, Slug

CONFIG_PATH = "docs/admin/config.yml"
SLUG_PATTERN = TypeAdapter(Slug).json_schema()["pattern"]
SLUG_HINT = "Use lower-case letters, numbers and single hyphens, like acne-scars."
DATE_FORMAT = "YYYY-MM-DD"
# Text fields shown as a one-line box; every other text field gets a multi-line box.
ONE_LINE = {"title", "heading", "name", "label", "question", "reviewed_by", "how_long", "authors", "published_in"}
LABELS = {"id": "Id", "doi": "DOI", "pmid": "PubMed id", "url": "Web address", "see": "See also"}
# Fields naming another topic page: a drop-down of the pages instead of a typed name.
PAGE_FIELDS = {"see", "related", "care_cards_from"}
# The field shown on a folded list item, first match wins.
ITEM_SUMMARY = ["heading", "title", "name", "question", "label", "text", "id"]
HEADER = """\
# The web editor's configuration (Sveltia CMS, served at /admin/). Generated from
# scripts/guide/model.py and mkdocs.yml by `PYTHONPATH=scripts .venv/bin/python -m guide cms`.
# Do not edit by hand: change the models, or repo_url / extra.cms_auth_url in mkdocs.yml.
"""


def cms_config(mkdocs_config: dict[str, Any]) -> dict[str, Any]:
    """The config as data, from mkdocs.yml's settings (read with yaml.BaseLoader: all strings)."""
    titles = {next(iter(item.values())).removesuffix(".md"): next(iter(item)) for item in mkdocs_config["nav"]}
    pages = [Path(name).stem for name in KINDS if name != "references.yml"]
    backend = {
        "name": "github",
        "repo": mkdocs_config["repo_url"].removeprefix("https://github.com/").strip("/"),
        "branch": "main",
    }
    auth_url = mkdocs_config.get("extra", {}).get("cms_auth_url", "")
    if auth_url:
        backend["base_url"] = auth_url

    def file_entry(name: str, label: str) -> dict[str, Any]:
        schema = KINDS[name].model_json_schema()
        return {
            "name": Path(name).stem,
            "label": label,
            "file": f"content/{name}",
            "fields": _fields(schema, schema.get("$defs", {}), pages),
        }

    return {
        "app_title": f"{mkdocs_config['site_name']}: editor",
        "backend": backend,
        # Every save opens a pull request; a reviewer approves and a maintainer merges it on GitHub.
        "publish_mode": "editorial_workflow",
        "media_folder": "docs/assets/images",
        "public_folder": "/assets/images",
        # Leave out optional fields left empty: the content check rejects empty text.
        "output": {"omit_empty_optional_fields": True},
        "collections": [
            {
                "name": "pages",
                "label": "Pages",
                "format": "yml",
                "publish": False,
                "files": [file_entry(f"{slug}.yml", titles.get(slug, slug)) for slug in pages],
            },
            {
                "name": "sources",
                "label": "Sources",
                "format": "yml",
                "publish": False,
                "files": [file_entry("references.yml", "References (every source the guide cites)")],
            },
        ],
    }


def _fields(schema: dict, defs: dict, pages: list[str]) -> list[dict[str, Any]]:
    required = set(schema.get("required", []))
    return [_field(name, prop, name in required, defs, pages) for name, prop in schema["properties"].items()]


def _field(name: str, prop: dict, required: bool, defs: dict, pages: list[str]) -> dict[str, Any]:
    field: dict[str, Any] = {"name": name, "label": LABELS.get(name, name.replace("_", " ").capitalize())}
    if not required:
        field["required"] = False
    if prop.get("description"):
        field["hint"] = prop["description"]
    return field | _widget(name, _resolve(prop, defs), defs, pages)


def _resolve(prop: dict, defs: dict) -> dict:
    """The schema of a value, with `X | None` unwrapped and a $ref replaced by its definition."""
    options = [p for p in prop.get("anyOf", [prop]) if p.get("type") != "null"]
    value = options[0]
    return defs[value["$ref"].split("/")[-1]] if "$ref" in value else value


def _widget(name: str, value: dict, defs: dict, pages: list[str]) -> dict[str, Any]:
    kind = value.get("type")
    if kind == "object":
        return {"widget": "object", "fields": _fields(value, defs, pages)}
    if kind == "array":
        widget = _list(name, _resolve(value["items"], defs), defs, pages)
        if value.get("minItems"):
            widget["min"] = value["minItems"]
        return widget
    if name in PAGE_FIELDS:
        return {"widget": "select", "options": pages}
    if "enum" in value:
        return {"widget": "select", "options": value["enum"]}
    if kind in ("integer", "number"):  # whole numbers (weeks, sessions) or decimals (millimetres)
        limits = {"min": value.get("minimum"), "max": value.get("maximum")}
        value_type = "int" if kind == "integer" else "float"
        return {"widget": "number", "value_type": value_type} | {k: v for k, v in limits.items() if v is not None}
    if value.get("format") == "date":
        return {"widget": "datetime", "format": DATE_FORMAT, "date_format": DATE_FORMAT, "time_format": False}
    widget: dict[str, Any] = {"widget": "string" if name in ONE_LINE or "pattern" in value else "text"}
    if "pattern" in value:
        message = SLUG_HINT if value["pattern"] == SLUG_PATTERN else "Not in the form the hint describes."
        widget["pattern"] = [value["pattern"], message]
    if "maxLength" in value:
        widget["maxlength"] = value["maxLength"]
    return widget


def _list(name: str, item: dict, defs: dict, pages: list[str]) -> dict[str, Any]:
    if name == "cites":  # pick sources from references.yml instead of typing their ids
        return {
            "widget": "relation",
            "multiple": True,
            "collection": "sources",
            "file": "references",
            "value_field": "references.*.id",
            "display_fields": ["references.*.title"],
            "search_fields": ["references.*.id", "references.*.title", "references.*.authors"],
        }
    if name in PAGE_FIELDS:
        return {"widget": "select", "multiple": True, "options": pages}
    if "enum" in item:  # a list of labels, such as what a regulator takes reports about
        return {"widget": "select", "multiple": True, "options": item["enum"]}
    if item.get("type") == "object":
        fields = _fields(item, defs, pages)
        summary = next((key for key in ITEM_SUMMARY if key in item["properties"]), None)
        return {"widget": "list", "fields": fields} | ({"summary": f"{{{{fields.{summary}}}}}"} if summary else {})
    field = {"name": "item", "label": "Item", "widget": "string"}
    if "pattern" in item:  # each item in a given form, such as a language code
        field |= _widget("item", item, defs, pages)
    return {"widget": "list", "field": field}


def config_text(root: Path) -> str:
    mkdocs_config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    body = yaml.safe_dump(cms_config(mkdocs_config), sort_keys=False, allow_unicode=True, width=120)
    return HEADER + body


def write_config(root: Path) -> Path:
    path = root / CONFIG_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(config_text(root), encoding="utf-8")
    return path
