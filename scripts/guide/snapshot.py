"""The guide built at a git commit and in the working tree, for `make changes`.

A commit is extracted with `git archive` (the repository and its work tree are left alone) and built
with its own code and templates, by `mkdocs build --strict`, once: build/changes/<id>/ keeps its
source (src/) and site (site/), so a second run builds only the working tree. The id is the commit's
tree, the id git gives its files, so two commits with the same files (a revert, a rebase that changed
only history) share one build. The few most recently used builds are kept.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

KEEP = 3  # builds kept in the cache


class SnapshotError(Exception):
    """A ref that is not a commit, or a build that failed (with its output)."""


def commit_of(root: Path, ref: str) -> str:
    """The commit id a ref names; a branch known only on the remote (origin/main) is found too."""
    for name in (ref, f"origin/{ref}"):
        found = subprocess.run(
            ["git", "rev-parse", "--verify", "--quiet", f"{name}^{{commit}}"], cwd=root, capture_output=True, text=True
        )
        if found.returncode == 0:
            return found.stdout.strip()
    raise SnapshotError(f"'{ref}' is not a commit in this repository: fetch it first (git fetch origin {ref})")


def describe_working_tree(root: Path) -> str:
    """ "the working tree (abc1234)", with "and uncommitted changes" when files differ from that commit."""
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain"], cwd=root, capture_output=True, text=True)
    commit = head.stdout.strip() or "no commit"
    return f"the working tree ({commit}{', with uncommitted changes' if dirty.stdout.strip() else ''})"


def build(source: Path, site: Path) -> None:
    """`mkdocs build --strict` of the project in `source` into `site`, for the address in its mkdocs.yml
    (SITE_URL is ignored, so two builds compare and a cached one stays valid). Raises SnapshotError."""
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"} | {"NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=source,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SnapshotError((result.stdout + result.stderr).strip())


def built_commit(root: Path, commit: str, cache: Path, keep: int = KEEP) -> tuple[Path, bool]:
    """(build/changes/<tree id>/ holding src/ and site/, whether it was there already): the commit's
    files extracted and built now, unless a build of the same files is cached."""
    tree = subprocess.run(["git", "rev-parse", f"{commit}^{{tree}}"], cwd=root, capture_output=True, text=True)
    if tree.returncode != 0:
        raise SnapshotError(tree.stderr.strip())
    folder = cache / tree.stdout.strip()
    if (folder / "site").is_dir():
        os.utime(folder)  # recently used: kept
        return folder, True
    cache.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=f".{commit[:12]}-", dir=cache))
    try:
        archive = subprocess.run(["git", "archive", "--format=tar", commit], cwd=root, capture_output=True)
        if archive.returncode != 0:
            raise SnapshotError(archive.stderr.decode(errors="replace").strip())
        try:
            with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
                tar.extractall(partial / "src", filter="data")  # nothing written outside src/
        except tarfile.TarError as err:
            raise SnapshotError(f"{commit[:7]} could not be extracted: {err}") from None
        if (root / "node_modules").is_dir():  # the web editor's files (cms_hook.py), as installed here
            (partial / "src" / "node_modules").symlink_to((root / "node_modules").resolve())
        build(partial / "src", partial / "site")
        if not folder.exists():  # else another run has just built it
            partial.rename(folder)
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    _prune(cache, keep)
    return folder, False


def _prune(cache: Path, keep: int) -> None:
    """Keep the `keep` most recently used builds (the working tree's, head/, is not one of them)."""
    builds = [path for path in cache.iterdir() if path.is_dir() and re.fullmatch(r"[0-9a-f]{40,64}", path.name)]
    for old in sorted(builds, key=lambda path: path.stat().st_mtime, reverse=True)[keep:]:
        shutil.rmtree(old, ignore_errors=True)
