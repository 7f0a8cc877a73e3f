"""MkDocs hook (mkdocs.yml `hooks:`): publishes the web editor's script and icon font in /admin/.

Sveltia CMS (a 2 MB script) and its icon font are pinned npm packages (package.json), not
committed files, and the site loads nothing from a CDN, so the build copies them from
node_modules/ (`npm ci` installs them) next to docs/admin/index.html.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

# Site path in admin/: file in node_modules/
FROM_NPM = {
    "sveltia-cms.js": "@sveltia/cms/dist/sveltia-cms.js",
    "material-symbols-outlined.woff2": "@fontsource-variable/material-symbols-outlined/files/"
    "material-symbols-outlined-latin-wght-normal.woff2",
}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    node_modules = Path(config.config_file_path).resolve().parent / "node_modules"
    for name, source in FROM_NPM.items():
        path = node_modules / source
        if not path.is_file():
            raise PluginError(f"node_modules/{source} is missing, so /admin/ would not work: run `npm ci`")
        files.append(File.generated(config, f"admin/{name}", abs_src_path=str(path)))
    return files
