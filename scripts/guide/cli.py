"""Command line: `python -m guide check | render OUT | build`, run from the repository root.

check   validate every content file and print each problem as path:line:col: field: message
render  write the complete Markdown source (docs/ plus the generated pages) to a folder, for
        builders that do not run MkDocs hooks (such as Zensical)
build   check, then `mkdocs build --strict` into a temporary folder that replaces site/ only on
        success, so a failed build never leaves a half-written site
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .problems import ContentError, format_problems
from .render import render_pages
from .validate import Content, load_content


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m guide", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="repository root (default: here)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate content/")
    render = commands.add_parser("render", help="write the Markdown source to a folder")
    render.add_argument("out", type=Path)
    build = commands.add_parser("build", help="build the site safely")
    build.add_argument("--site-dir", type=Path, default=Path("site"))
    args = parser.parse_args(argv)
    root = args.root.resolve()

    try:
        content = load_content(root)
    except ContentError as err:
        print(err, file=sys.stderr)
        return 1
    if content.warnings:
        print(format_problems(list(content.warnings)).rsplit("\n", 1)[0], file=sys.stderr)

    if args.command == "check":
        print(_summary(content))
        return 0
    if args.command == "render":
        write_markdown(root, content, args.out)
        print(f"wrote the site's Markdown to {args.out}")
        return 0
    return build_site(root, (root / args.site_dir).resolve())


def _summary(content: Content) -> str:
    files = len(content.topics) + 1
    return (
        f"content/ is fine: {files} files, {len(content.topics)} topic pages, "
        f"{len(content.references)} references checked"
    )


def write_markdown(root: Path, content: Content, out: Path) -> None:
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(root / "docs", out)
    for name, text in render_pages(content).items():
        (out / name).write_text(text, encoding="utf-8")


def build_site(root: Path, site_dir: Path) -> int:
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    try:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(staging)], cwd=root
        )
        if result.returncode != 0:
            print("Build failed: the existing site was left as it was.", file=sys.stderr)
            return result.returncode
        old = site_dir.with_name(site_dir.name + ".old")
        if site_dir.exists():
            site_dir.rename(old)
        staging.rename(site_dir)
        shutil.rmtree(old, ignore_errors=True)
        print(f"Built the site in {site_dir.relative_to(root) if site_dir.is_relative_to(root) else site_dir}")
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)
