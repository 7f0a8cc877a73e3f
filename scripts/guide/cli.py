"""Command line: `python -m guide check | render OUT | build`, run from the repository root.

check   validate every content file, and the translation header of each translated page outside
        content/ (docs/es/*.md, scripts/templates/es/*.j2), and print each problem as path:line:col: field: message
        (--format github for pull-request annotations; --strict-review makes overdue reviews
        and uncited references errors; --today YYYY-MM-DD fixes the date reviews are judged on)
schemas write the editor's JSON Schemas (schemas/*.schema.json) from the content models
cms     write the web editor's configuration (docs/admin/config.yml) from the content models
render  write the complete Markdown source (docs/ plus the generated pages) to a folder, for
        builders that do not run MkDocs hooks (such as Zensical)
build   check, then `mkdocs build --strict` into a temporary folder that replaces site/ only on
        success, so a failed build never leaves a half-written site
review-pack  write the document a clinician signs off page by page (build/review-pack.md); with
        --lang es, the one a translator signs off file by file (build/review-pack.es.md)
changes write what readers will see differently from a base commit (--base, default main) to the
        working tree (build/changes.md); the base's build is kept in build/changes/<commit>/
translation-hash  print the English version a translated file should follow (content/es/<file>.yml,
        or a page outside content/: docs/es/<page>.md, scripts/templates/es/<page>.j2);
        --update writes it into the file's translation.source
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from .changes import COMMENT_SIZE, Version, fit, report
from .cms import write_config
from .editions import DEFAULT
from .embed import join_front_matter, split_front_matter
from .interface_text import check_interface, interface_files
from .load import load_file
from .meta import escaped
from .problems import ContentError, Problem, format_problems
from .readability import GRADE_CEILING, READING_EASE, measure, reading_problems, translated_ease
from .render import render_edition
from .review_pack import FactSheets, review_pack
from .schemas import write_schemas
from .snapshot import SnapshotError, build, built_commit, commit_of, describe_working_tree
from .translate import (
    PAGE_FOLDERS,
    TranslatedFile,
    check_pages,
    english_twin,
    front_matter_document,
    is_progress_note,
    language_folders,
    page_version,
    source_version,
)
from .translation_pack import translation_pack
from .validate import Content, load_content


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m guide", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="repository root (default: here)")
    commands = parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check", help="validate content/")
    check_cmd.add_argument("--format", choices=["text", "github"], default="text")
    check_cmd.add_argument("--strict-review", action="store_true", help="treat review warnings as errors")
    check_cmd.add_argument("--today", type=date.fromisoformat, default=None, help="judge review dates on this day")
    commands.add_parser("schemas", help="write schemas/*.schema.json")
    commands.add_parser("cms", help="write docs/admin/config.yml")
    render = commands.add_parser("render", help="write the Markdown source to a folder")
    render.add_argument("out", type=Path)
    build = commands.add_parser("build", help="build the site safely")
    build.add_argument("--site-dir", type=Path, default=Path("site"))
    pack = commands.add_parser("review-pack", help="write the clinical review pack, or a translation's (--lang)")
    pack.add_argument("--out", type=Path, default=None, help="default: build/review-pack.md (.<lang>.md)")
    pack.add_argument("--lang", default=None, help="a translation's language (es): its review pack for translators")
    pack.add_argument("--facts", type=Path, default=None, help="the fact sheets' folder (default: ../shared/research)")
    changes = commands.add_parser("changes", help="write what readers will see differently from a base commit")
    changes.add_argument("--base", default="main", help="a branch, tag or commit (default: main)")
    changes.add_argument("--out", type=Path, default=Path("build/changes.md"))
    changes.add_argument("--comment", type=Path, default=None, help="also write it cut to fit a pull-request comment")
    changes.add_argument("--label", default=None, help="what to call the working tree (default: its commit)")
    version = commands.add_parser("translation-hash", help="print the English version a translation follows")
    version.add_argument(
        "files", type=Path, nargs="+", help="translated files, such as content/es/aftercare.yml or docs/es/about.md"
    )
    version.add_argument("--update", action="store_true", help="write it into each file's translation.source")
    args = parser.parse_args(argv)
    root = args.root.resolve()

    if args.command == "check":
        return check(root, args.format, args.strict_review, args.today or date.today())
    if args.command == "schemas":
        for path in write_schemas(root):
            print(f"wrote {path.relative_to(root)}")
        return 0
    if args.command == "cms":
        print(f"wrote {write_config(root).relative_to(root)}")
        return 0
    if args.command == "translation-hash":
        return translation_hash(root, args.files, args.update)
    if args.command == "changes":
        comment = args.comment and root / args.comment
        return write_changes(root, args.base, root / args.out, comment, args.label)

    try:
        content = load_content(root)
    except ContentError as err:
        print(err, file=sys.stderr)
        return 1
    if args.command == "render":
        write_markdown(root, content, args.out)
        print(f"wrote the site's Markdown to {args.out}")
        return 0
    if args.command == "review-pack" and args.lang:
        return write_translation_pack(root, content, args.lang, args.out)
    if args.command == "review-pack":
        folder = args.facts or root.parent / "shared" / "research"
        facts = FactSheets.read(folder)
        if facts.missing:  # a pack without the fact-sheet lines would look complete and not be
            print(
                f"review-pack: the fact sheets are missing: {', '.join(facts.missing)} not found in {folder}. "
                "Point at the folder that holds them: python -m guide review-pack --facts FOLDER "
                "(or make review-pack FACTS=FOLDER). No pack was written.",
                file=sys.stderr,
            )
            return 1
        out = root / (args.out or "build/review-pack.md")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(review_pack(content, facts, date.today()), encoding="utf-8")
        print(f"wrote {out.relative_to(root) if out.is_relative_to(root) else out}")
        return 0
    return build_site(root, (root / args.site_dir).resolve())


def write_translation_pack(root: Path, content: Content, lang: str, out: Path | None) -> int:
    """build/review-pack.<lang>.md: the translation review pack (translation_pack.py)."""
    if lang not in content.translations:
        known = ", ".join(content.translations) or "none"
        print(
            f"review-pack: no translation '{lang}' in content/ (translations: {known}). No pack was written.",
            file=sys.stderr,
        )
        return 1
    out = root / (out or f"build/review-pack.{lang}.md")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(translation_pack(root, content, lang, date.today()), encoding="utf-8")
    print(f"wrote {out.relative_to(root) if out.is_relative_to(root) else out}")
    return 0


def check(root: Path, output: str, strict_review: bool, today: date) -> int:
    try:
        content = load_content(root, today=today)
        problems = [*content.warnings, *reading_problems(content, root)]
    except ContentError as err:
        content, problems = None, err.problems
    pages, found = check_pages(root)  # docs/<lang>/*.md and scripts/templates/<lang>/*.j2: their own headers
    interface, more = check_interface(root)  # strings/<lang>.yml and mkdocs.<lang>.yml's navigation
    problems = sorted([*problems, *found, *more])
    if strict_review:  # pages still to translate are progress, not a review problem: they stay warnings
        problems = [p if is_progress_note(p) else replace(p, severity="error") for p in problems]
    failed = any(p.severity == "error" for p in problems)
    if output == "github":
        for problem in problems:
            print(github_annotation(problem))
    elif problems:
        text = format_problems(problems)
        print(text if failed else text.rsplit("\n", 1)[0], file=sys.stderr)
    if failed:
        return 1
    assert content is not None
    warnings = f" ({len(problems)} warning{'s' if len(problems) != 1 else ''})" if problems else ""
    if output == "text":
        print(_reading_report(content, root))
    first, *translations = _summary(content, pages, interface).splitlines()
    print("\n".join([first + warnings, *translations]))
    return 0


def _reading_report(content: Content, root: Path) -> str:
    lines = [f"Reading level (Flesch-Kincaid grade; the guide's ceiling is {GRADE_CEILING}) and reading time:"]
    width = max(len(path) for path in content.sources.values())
    for slug, topic in content.topics.items():
        found = measure(topic)
        over = "  <- above the ceiling: shorten sentences, use everyday words" if found.grade > GRADE_CEILING else ""
        lines.append(f"  {content.sources[slug]:{width}} grade {found.grade:4.1f}  {found.minutes} min{over}")
    for translation in content.translations.values():
        if translation.lang not in READING_EASE or not translation.topics:
            continue
        formula, floor = READING_EASE[translation.lang]
        lines.append(f"Reading ease in {translation.name} ({formula}; the guide's floor is {floor}):")
        eases = translated_ease(translation, root)
        width = max(width, *map(len, eases))
        for path, ease in eases.items():
            low = "  <- below the floor: shorten sentences, use shorter words" if ease < floor else ""
            lines.append(f"  {path:{width}} ease {ease:5.1f}{low}")
    return "\n".join(lines)


def github_annotation(problem: Problem) -> str:
    """A GitHub Actions workflow command, so the problem shows on the changed line of a pull request."""

    def escape(text: str, *, prop: bool = False) -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if prop else text

    props = f"file={escape(problem.path, prop=True)},line={problem.line},col={problem.column}"
    if problem.field:
        props += f",title={escape(problem.field, prop=True)}"
    return f"::{problem.severity} {props}::{escape(problem.message)}"


def _summary(
    content: Content, pages: dict[str, TranslatedFile] | None = None, interface: dict[str, TranslatedFile] | None = None
) -> str:
    files = len(content.topics) + 1 + bool(content.glossary)
    glossary = f", {len(content.glossary)} glossary terms" if content.glossary else ""
    lines = [
        f"content/ is fine: {files} files, {len(content.topics)} topic pages, "
        f"{len(content.references)} references{glossary} checked"
    ]
    for lang, translation in content.translations.items():
        records = translation.files.values()
        reviewed = sum(record.status == "reviewed" for record in records)
        stale = sum(record.stale for record in records)
        to_do = f"{len(translation.missing)} still to translate" if translation.missing else "complete"
        lines.append(
            f"content/{lang}/ ({translation.name}): {len(records)} translated files checked "
            f"({reviewed} reviewed, {len(records) - reviewed} machine-assisted, {stale} stale); {to_do}"
        )
    if pages:
        folders = ", ".join(sorted({str(Path(path).parent.as_posix()) + "/" for path in pages}))
        reviewed = sum(record.status == "reviewed" for record in pages.values())
        stale = sum(record.stale for record in pages.values())
        lines.append(
            f"{folders}: {len(pages)} translated pages checked "
            f"({reviewed} reviewed, {len(pages) - reviewed} machine-assisted, {stale} stale)"
        )
    if interface:
        reviewed = sum(record.status == "reviewed" for record in interface.values())
        stale = sum(record.stale for record in interface.values())
        lines.append(
            f"interface text ({', '.join(interface)}): {len(interface)} translated files checked "
            f"({reviewed} reviewed, {len(interface) - reviewed} machine-assisted, {stale} stale)"
        )
    return "\n".join(lines)


def translation_hash(root: Path, files: list[Path], update: bool) -> int:
    """Print (or write) the version of the English file each translated file should follow."""
    languages = {folder.resolve() for folder in language_folders(root / "content")}
    page_folders = {
        (root / folder / lang.name).resolve(): lang.name for folder, _ in PAGE_FOLDERS for lang in languages
    }
    failed = 0
    for given in files:
        path = (given if given.is_absolute() else Path.cwd() / given).resolve()
        rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(given)
        if path.parent in page_folders:  # a page outside content/: its version is its English twin's text
            failed |= _page_hash(root, path, rel, page_folders[path.parent], update)
            continue
        interface = {file.path: file for file in interface_files(root)}.get(rel)
        if interface is not None:  # a strings file or a project's navigation (interface_text.py)
            version = interface.english_version(root)
            if update:
                failed |= _write_source(root, path, rel, version, at=interface.header_at)
            else:
                print(f'{rel}: source: "{version}"  (the words of {interface.english} now)')
            continue
        english = root / "content" / path.name  # a translation's twin, or the English file itself
        if path.parent not in languages | {(root / "content").resolve()} or not english.is_file():
            message = (
                "not a content file, or a translation with an English twin"
                " (like content/es/faq.yml, docs/es/about.md or scripts/templates/es/clinics.md.j2)"
            )
            print(f"{rel}: {message}", file=sys.stderr)
            failed = 1
            continue
        doc, problems = load_file(english, root)
        if doc is None:
            print(format_problems(problems), file=sys.stderr)
            failed = 1
            continue
        version = source_version(doc)
        if not update:
            print(f'{rel}: source: "{version}"  (the words of {doc.path} now)')
            continue
        failed |= _write_source(root, path, rel, version)
    return failed


def _page_hash(root: Path, path: Path, rel: str, lang: str, update: bool) -> int:
    """translation-hash for a translated page outside content/ (docs/es/about.md): the version of its
    English twin (docs/about.md), printed or written into its front matter's translation.source."""
    english = english_twin(rel, lang)
    if not path.is_file() or not (root / english).is_file():
        print(f"{rel}: not a translated page with an English twin (like docs/es/about.md)", file=sys.stderr)
        return 1
    version = page_version((root / english).read_bytes().decode("utf-8", "surrogateescape"))
    if not update:
        print(f'{rel}: source: "{version}"  (the text of {english} now)')
        return 0
    doc, problems = front_matter_document(path, root)
    if doc is None:
        print(format_problems(problems), file=sys.stderr)
        return 1
    return _write_source(root, path, rel, version, doc)


def _write_source(root: Path, path: Path, rel: str, version: str, doc=None, at: tuple = ("translation",)) -> int:
    """Set translation.source in a translated file (or, given its front matter's document, a translated
    page; or the header at `at` of a file of interface text), changing nothing else in it."""
    if doc is None:
        doc, _ = load_file(path, root) if path.is_file() else (None, [])
    header = doc.data if doc is not None else None
    for part in at:
        header = header.get(part) if isinstance(header, dict) else None
    if not isinstance(header, dict) or "source" not in header:
        header = f'translation: {{source: "{version}", status: machine-assisted}}'
        print(f"{rel}: add a header first: {header}", file=sys.stderr)
        return 1
    line, column = doc.position((*at, "source"))
    lines = path.read_bytes().decode("utf-8").splitlines(keepends=True)
    text = lines[line - 1]
    value = re.compile(r"\"[^\"]*\"|'[^']*'|[^\s#,}]+").match(text, column - 1)
    assert value is not None, "the loader found a value here"
    lines[line - 1] = text[: value.start()] + f'"{version}"' + text[value.end() :]
    path.write_text("".join(lines), encoding="utf-8", newline="")
    print(f'{rel}: source set to "{version}"')
    return 0


def write_markdown(root: Path, content: Content, out: Path, edition_config: dict | None = None) -> None:
    """The Markdown source of one edition in OUT: its hand-written pages and assets, and the pages
    rendered from content/ (edition_config: the project's loaded mkdocs.yml or mkdocs.<lang>.yml)."""
    config = edition_config or yaml_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    lang = config["theme"]["language"]
    if out.exists():
        shutil.rmtree(out)
    docs = root / config.get("docs_dir", "docs")
    shutil.copytree(docs, out, ignore=shutil.ignore_patterns(*_other_editions(config)))
    if lang != DEFAULT:  # the English styles and scripts, as hook.py adds them
        shutil.copytree(root / "docs" / "assets", out / "assets", dirs_exist_ok=True)
    pages = render_edition(content, lang, site_url=config.get("site_url") or "", site_name=config["site_name"])
    for name, text in pages.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(text, encoding="utf-8")
    for page in out.rglob("*.md"):  # as hook.py does under MkDocs (meta.py)
        meta, body = split_front_matter(page.read_text(encoding="utf-8"))
        if meta:
            page.write_text(join_front_matter(escaped(meta), body), encoding="utf-8")


def _other_editions(config: dict) -> list[str]:
    """Folders of docs/ that hold another edition's pages (docs/es/), left out of this one."""
    return [edition["path"].strip("/") for edition in config.get("extra", {}).get("editions", []) if edition["path"]]


def write_changes(root: Path, base: str, out: Path, comment: Path | None = None, label: str | None = None) -> int:
    """Build the guide at `base` (or reuse that build) and in the working tree, and write the report to
    `out` and, cut to fit, to `comment`. When either cannot be built, the report says why."""
    started = time.monotonic()
    cache = root / "build" / "changes"
    try:
        commit = commit_of(root, base)
        folder, cached = built_commit(root, commit, cache)
    except SnapshotError as err:
        text, failed = _cannot_compare(f"The base version, {base}, could not be built", err), True
    else:
        try:
            build(root, cache / "head")
        except SnapshotError as err:
            text, failed = _cannot_compare("This change does not build yet", err), True
        else:
            before = Version.read(f"{base} ({commit[:7]})", folder / "site", folder / "src")
            after = Version.read(label or describe_working_tree(root), cache / "head", root)
            text, failed = report(before, after), False
    for path, words in ((out, text), (comment, fit(text, COMMENT_SIZE))):
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(words, encoding="utf-8")
    if failed:
        print(text, file=sys.stderr)
        return 1
    where = out.relative_to(root) if out.is_relative_to(root) else out
    note = "the base's build reused" if cached else "both versions built"
    print(f"wrote {where} in {time.monotonic() - started:.1f} s ({note})")
    return 0


def _cannot_compare(what: str, err: SnapshotError) -> str:
    """The report when there is nothing to compare: why, so a pull request's comment does not go stale."""
    output = str(err)[-3000:]
    fence = "`" * max(3, 1 + max((len(run) for run in re.findall(r"`+", output)), default=0))  # none inside can end it
    return f"## What readers will see\n\n{what}:\n\n{fence}\n{output}\n{fence}\n"


def build_site(root: Path, site_dir: Path) -> int:
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site_dir.parent))
    try:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging)],
            cwd=root,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},  # no "MkDocs 2.0" banner around real problems
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
