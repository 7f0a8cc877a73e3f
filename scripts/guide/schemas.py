"""The editor's JSON Schemas, generated from the same models the loader checks with.

`python -m guide schemas` writes schemas/<file>.schema.json for each kind of content file and
the VS Code setting that maps them onto content/, so editors get autocompletion and a
description on hover. A test fails when the committed files are out of date.
"""

from __future__ import annotations

import json
from pathlib import Path

from .model import KINDS

SCHEMA_DIR = "schemas"


def schema_files() -> dict[str, str]:
    """{path relative to the repository: JSON text} for every schema and the VS Code mapping."""
    files: dict[str, str] = {}
    mapping: dict[str, list[str]] = {}
    for file_name, model in KINDS.items():
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$comment": "Generated from scripts/guide/model.py by `python -m guide schemas`. Do not edit.",
            **model.model_json_schema(),
        }
        path = f"{SCHEMA_DIR}/{Path(file_name).stem}.schema.json"
        files[path] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
        mapping[f"./{path}"] = [f"content/{file_name}"]
    settings = {"yaml.schemas": mapping, "yaml.validate": True, "yaml.completion": True, "yaml.hover": True}
    files[".vscode/settings.json"] = json.dumps(settings, indent=2) + "\n"
    return files


def write_schemas(root: Path) -> list[Path]:
    written = []
    for rel, text in schema_files().items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
