"""The site as plain files: every page as Markdown on disk, and an mkdocs.yml without `hooks:`.

For builders that skip MkDocs hooks (Zensical: `make build-zensical`), and for measuring what
generating pages in the hook costs (`make bench`). `python -m guide.plain OUT` writes each edition's
project in OUT: the English one as OUT/mkdocs.yml and OUT/docs (docs/ plus the pages rendered from
content/), building into OUT/site; another as OUT/mkdocs.<lang>.yml and OUT/docs-<lang>, building
into OUT/site/<its path> (Zensical wants the site folder inside the project's). It prints their
configs, English first: build them in that order. What hook.py does to a project's
configuration (editions.py: its address, interface words and the other editions) is written in.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from . import editions
from .cli import write_markdown
from .problems import ContentError
from .validate import Content, load_content


def write_projects(root: Path, out: Path) -> list[Path]:
    """Write every edition's project under OUT; return their config paths, English first."""
    content = load_content(root)
    english = _config(root / "mkdocs.yml")
    paths = [write_project(root, out, content=content)]
    for edition in english["extra"]["editions"]:
        if edition["lang"] != editions.DEFAULT:
            paths.append(write_project(root, out, edition["config"], content=content))
    return paths


def write_project(root: Path, out: Path, config_file: str = "mkdocs.yml", *, content: Content | None = None) -> Path:
    """Write one edition's (config_file's) Markdown and config in OUT for the project at ROOT; return
    the config's path."""
    config = _config(root / config_file)
    content = content or load_content(root)
    root_url = config.get("site_url") or ""
    listed = config["extra"]["editions"]
    lang = config["theme"]["language"]
    this = editions.edition_of(listed, lang)
    docs = "docs" if lang == editions.DEFAULT else f"docs-{lang}"
    write_markdown(root, content, out / docs, config)
    config.pop("INHERIT", None)
    del config["hooks"]
    config["docs_dir"] = docs
    config["site_dir"] = "site/" + this.get("path", "")
    config["site_url"] = editions.site_url(root_url, this)
    config["extra"].update(editions.theme_settings(listed, lang, root_url))
    for extension in config["markdown_extensions"]:
        if isinstance(extension, dict) and "toc" in extension:
            extension["toc"]["permalink_title"] = config["extra"]["words"]["permalink_title"]
    config["theme"]["palette"] = editions.palette(config["theme"]["palette"], config["extra"]["words"])
    config.pop("exclude_docs", None)
    config["theme"]["custom_dir"] = str((root / config["theme"]["custom_dir"]).resolve())
    config["theme"]["variant"] = "classic"  # Zensical: Material's look, which docs/assets/css is written for
    path = out / config_file
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def _config(path: Path) -> dict:
    """A project's configuration as MkDocs reads it: !ENV tags resolved, INHERIT merged."""
    with path.open(encoding="utf-8") as file:
        return yaml_load(file)


def main(out: str) -> int:
    try:
        configs = write_projects(Path.cwd(), Path(out).resolve())
    except ContentError as err:
        print(f"Content problems:\n{err}", file=sys.stderr)
        return 1
    print("\n".join(str(path) for path in configs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
