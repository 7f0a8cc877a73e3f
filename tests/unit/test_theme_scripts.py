"""The inline scripts the output pass allows (guide/theme_scripts.py) are the installed themes' own.

When Material or Zensical is upgraded, these fail first: re-read the theme's partials/javascripts/,
update THEME_SCRIPTS and THEMES together, and the policy follows (SECURITY.md, "Inline scripts")."""

from __future__ import annotations

import re
from importlib.metadata import version
from importlib.util import find_spec
from pathlib import Path

import pytest

from guide.theme_scripts import THEME_SCRIPTS, THEMES, known_script

# The Jinja expression each theme prints the site's root with, in partials/javascripts/base.html.
ROOT_EXPRESSION = re.compile(r"\{\{ config\.extra\.scope \| d\(base_url(?:, true)?\) \}\}")


def template_scripts(package: str) -> dict[str, str]:
    """{partial name: its inline script} for the theme's partials the guide's pages use."""
    folder = Path(find_spec(package).origin).parent / "templates" / "partials" / "javascripts"
    found = {}
    for name in ("base", "content", "palette"):
        scripts = re.findall(r"<script>(.*?)</script>", (folder / f"{name}.html").read_text(encoding="utf-8"), re.S)
        found[name] = ROOT_EXPRESSION.sub("{root}", scripts[-1])  # content.html's first is for content.tabs.link
    return found


@pytest.mark.parametrize("distribution", sorted(THEMES))
def test_the_scripts_were_read_from_the_installed_version(distribution: str):
    assert version(distribution) == THEMES[distribution], (
        f"{distribution} is {version(distribution)}: re-read its inline scripts into guide/theme_scripts.py"
    )


@pytest.mark.parametrize("package", ["material", "zensical"])
def test_every_script_the_theme_writes_is_known_as_written(package: str):
    texts = set(THEME_SCRIPTS.values())
    for partial, script in template_scripts(package).items():
        assert script in texts, f"{package}'s partials/javascripts/{partial}.html changed"


@pytest.mark.parametrize("root", [".", "..", "../..", "/microneedling-guide/", "/microneedling-guide"])
def test_the_root_may_be_any_relative_or_absolute_path(root: str):
    base = template_scripts("material")["base"].replace("{root}", root)
    assert known_script(base) == "Material's storage helpers (partials/javascripts/base.html)"


@pytest.mark.parametrize(
    "root", ['x",alert(1),"', "javascript:alert(1)", "..\\u0022", "https://x.example/", '"+location.hash+"']
)
def test_a_root_that_is_not_a_plain_path_makes_an_unknown_script(root: str):
    assert known_script(template_scripts("material")["base"].replace("{root}", root)) is None


def test_any_other_script_is_unknown():
    palette = template_scripts("material")["palette"]
    assert known_script(palette) is not None
    assert known_script(palette + ";fetch('//x.example')") is None
    assert known_script("alert(1)") is None
    assert known_script(" " + palette) is None
