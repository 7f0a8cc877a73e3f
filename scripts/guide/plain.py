"""The site as plain files: every page as Markdown on disk, and an mkdocs.yml without `hooks:`.

For builders that skip MkDocs hooks (Zensical: `make build-zensical`), and for measuring what
generating pages in the hook costs (`make bench`). `python -m guide.plain OUT` writes OUT/docs
(docs/ plus the pages rendered from content/, as `python -m guide render` does) and OUT/mkdocs.yml.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from .cli import write_markdown
from .validate import load_content


def write_project(root: Path, out: Path) -> Path:
    """Write OUT/docs and OUT/mkdocs.yml for the project at ROOT; return the config's path."""
    write_markdown(root, load_content(root), out / "docs")
    config = yaml_load((root / "mkdocs.yml").read_text(encoding="utf-8"))  # resolves !ENV tags
    del config["hooks"]
    config["theme"]["custom_dir"] = str((root / config["theme"]["custom_dir"]).resolve())
    config["theme"]["variant"] = "classic"  # Zensical: Material's look, which docs/assets/css is written for
    path = out / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write_project(Path.cwd(), Path(sys.argv[1]).resolve()))
