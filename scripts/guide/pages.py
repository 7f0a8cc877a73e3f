"""The files the guide generates besides one page per topic, named once: the renderer writes them,
and the content check keeps content files from taking their names (content/glossary.yml is the
glossary's data, but a content/calculator.yml would silently replace the planner)."""

PLAN_DATA = "assets/data/plan.json"
CALCULATOR = "calculator.md"
AFTERCARE_SHEET = "aftercare-sheet.md"
GLOSSARY = "glossary.md"
CLINICS = "clinics.md"
EMBED_DIR = "embed"
# Names MkDocs and Material take in the built site.
BUILT_BY_THEME = ("404", "search", "sitemap")


def generated_names() -> set[str]:
    """Page and folder names (without .md) that no content file may take."""
    pages = {CALCULATOR, AFTERCARE_SHEET, GLOSSARY, CLINICS}
    return {name.removesuffix(".md") for name in pages} | {EMBED_DIR, *BUILT_BY_THEME}
