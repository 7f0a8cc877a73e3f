"""The web editor (docs/admin/): its forms cover every field of every content model, and it is
served from this site with every save opening a pull request."""

from __future__ import annotations

import copy
import json
import re

import pytest
import yaml

from conftest import ROOT
from guide.cms import CONFIG_PATH, config_text
from guide.cms_hook import FROM_NPM
from guide.model import KINDS

CONFIG = yaml.safe_load((ROOT / CONFIG_PATH).read_text(encoding="utf-8"))
STRING_WIDGETS = {"string", "text", "select", "relation"}


def entries(config: dict) -> dict[str, dict]:
    """{content file name: its entry in the config}."""
    return {
        entry["file"].removeprefix("content/"): entry
        for collection in config["collections"]
        for entry in collection.get("files", [])
    }


def resolve(prop: dict, defs: dict) -> dict:
    value = next(p for p in prop.get("anyOf", [prop]) if p.get("type") != "null")
    return defs[value["$ref"].split("/")[-1]] if "$ref" in value else value


def field_problems(schema: dict, defs: dict, fields: list[dict], where: str) -> list[str]:
    """Every way the CMS fields fail to match an object schema, recursively, one line each."""
    by_name = {field["name"]: field for field in fields}
    required = set(schema.get("required", []))
    problems = [f"{where}.{name}: not in the model" for name in by_name.keys() - schema["properties"].keys()]
    for name, prop in schema["properties"].items():
        path = f"{where}.{name}"
        if name not in by_name:
            problems.append(f"{path}: missing")
            continue
        field = by_name[name]
        if (field.get("required", True) is not False) != (name in required):
            problems.append(f"{path}: required should be {name in required}")
        problems += widget_problems(resolve(prop, defs), defs, field, path)
    return problems


def widget_problems(value: dict, defs: dict, field: dict, path: str) -> list[str]:
    widget, kind = field.get("widget", "string"), value.get("type")
    if kind == "object":
        if widget != "object":
            return [f"{path}: an object needs the object widget, not {widget}"]
        return field_problems(value, defs, field["fields"], path)
    if kind == "array":
        item = resolve(value["items"], defs)
        problems = (
            [] if field.get("min", 0) == value.get("minItems", 0) else [f"{path}: min should be {value['minItems']}"]
        )
        if widget == "list" and "fields" in field and item.get("type") == "object":
            return problems + field_problems(item, defs, field["fields"], f"{path}[]")
        if widget == "list" and "field" in field and item.get("type") == "string":
            return problems + widget_problems(item, defs, field["field"], f"{path}[]")
        if widget in ("select", "relation") and field.get("multiple") and item.get("type") == "string":
            return problems
        return [f"{path}: a list of {item.get('type')} cannot use the {widget} widget as configured"]
    if "enum" in value:
        ok = widget == "select" and field.get("options") == value["enum"]
        return [] if ok else [f"{path}: needs a select of {value['enum']}"]
    if kind in ("integer", "number"):
        value_type = "int" if kind == "integer" else "float"
        limits = {"min": value.get("minimum"), "max": value.get("maximum")}
        expected = {"widget": "number", "value_type": value_type} | limits
        actual = {key: field.get(key) for key in expected}
        return [] if actual == expected else [f"{path}: needs {expected}, has {actual}"]
    if value.get("format") == "date":
        ok = widget == "datetime" and field.get("format") == "YYYY-MM-DD" and field.get("time_format") is False
        return [] if ok else [f"{path}: needs a datetime widget with format YYYY-MM-DD and no time"]
    if widget not in STRING_WIDGETS:
        return [f"{path}: text cannot use the {widget} widget"]
    if "pattern" in value and widget == "string" and field.get("pattern", [None])[0] != value["pattern"]:
        return [f"{path}: needs the pattern {value['pattern']}"]
    return []


def config_problems(config: dict) -> list[str]:
    found = entries(config)
    problems = [f"content/{name}: no entry" for name in KINDS.keys() - found.keys()]
    for name, model in KINDS.items():
        if name in found:
            schema = model.model_json_schema()
            problems += field_problems(
                schema, schema.get("$defs", {}), found[name]["fields"], name.removesuffix(".yml")
            )
    return problems


def test_committed_cms_config_is_current():
    assert (ROOT / CONFIG_PATH).read_text(encoding="utf-8") == config_text(ROOT), (
        f"{CONFIG_PATH} is out of date: run `PYTHONPATH=scripts .venv/bin/python -m guide cms`"
    )


def test_every_field_of_every_model_has_a_matching_cms_field():
    assert set(entries(CONFIG)) == set(KINDS)
    assert config_problems(CONFIG) == []


def field_at(config: dict, file_name: str, *names: str) -> tuple[list[dict], int]:
    """The list holding a (nested) field, and the field's index in it."""
    fields = entries(config)[file_name]["fields"]
    for depth, name in enumerate(names):
        index = next(i for i, field in enumerate(fields) if field["name"] == name)
        if depth == len(names) - 1:
            return fields, index
        fields = fields[index]["fields"]
    raise AssertionError("no field named")


@pytest.mark.parametrize(
    ("names", "edit", "expected"),
    [
        (("title",), "delete", "aftercare.title: missing"),
        (("review", "last_reviewed"), "delete", "frequency.review.last_reviewed: missing"),
        (("concerns", "interval_weeks", "max"), "delete", "frequency.concerns[].interval_weeks.max: missing"),
        (("concerns", "sessions", "typical"), {"value_type": "float"}, "frequency.concerns[].sessions.typical: needs"),
        (("review", "status"), {"options": ["editorial"]}, "frequency.review.status: needs a select"),
        (("review", "next_review_due"), {"time_format": True}, "frequency.review.next_review_due: needs a datetime"),
        (("concerns",), {"min": 0}, "frequency.concerns: min should be 1"),
        (("intro",), {"required": False}, "frequency.intro: required should be True"),
    ],
)
def test_the_coverage_check_catches_a_broken_config(names, edit, expected):
    file_name = "aftercare.yml" if names == ("title",) else "frequency.yml"
    broken = copy.deepcopy(CONFIG)
    fields, index = field_at(broken, file_name, *names)
    if edit == "delete":
        del fields[index]
    else:
        fields[index].update(edit)
    problems = config_problems(broken)
    assert len(problems) == 1 and problems[0].startswith(expected), problems


def test_an_unknown_field_in_the_config_is_caught():
    broken = copy.deepcopy(CONFIG)
    entries(broken)["faq.yml"]["fields"].append({"name": "titel", "widget": "string"})
    assert config_problems(broken) == ["faq.titel: not in the model"]


def test_every_save_opens_a_pull_request_on_the_sites_repository():
    mkdocs = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    backend = CONFIG["backend"]
    assert backend["name"] == "github" and backend["branch"] == "main"
    assert f"https://github.com/{backend['repo']}" == mkdocs["repo_url"].rstrip("/")
    assert CONFIG["publish_mode"] == "editorial_workflow"
    assert CONFIG["output"]["omit_empty_optional_fields"] is True


def test_admin_page_loads_only_files_from_this_site():
    admin = ROOT / "docs" / "admin"
    html = (admin / "index.html").read_text(encoding="utf-8")
    assert not re.search(r'(src|href)="(https?:)?//', html)
    script = (admin / "admin.js").read_text(encoding="utf-8")
    assert 'script.src = "sveltia-cms.js"' in script
    assert re.findall(r"https?://[^\s\"]+", script) == ["https://api.github.com"]  # the only other origin allowed
    css = (admin / "admin.css").read_text(encoding="utf-8")
    assert re.findall(r"url\(\"?([^\")]+)", css) == ["material-symbols-outlined.woff2"]
    assert set(FROM_NPM) == {"sveltia-cms.js", "material-symbols-outlined.woff2"}


def test_the_cms_bundle_is_pinned_exactly():
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    for source in FROM_NPM.values():
        name = "/".join(source.split("/")[:2])
        assert re.fullmatch(r"\d+\.\d+\.\d+", package[name]), f"{name} must be pinned to one exact version"
