"""A problem found in a content file, pointing at the exact place an editor must fix."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the repository, with forward slashes
    line: int  # 1-based
    column: int  # 1-based
    field: str  # dotted field path, for example "concerns[0].interval_weeks.min"; "" for the file
    message: str
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        field = f" {self.field}:" if self.field else ""
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.path}:{self.line}:{self.column}:{field} {prefix}{self.message}"


def field_path(loc: tuple) -> str:
    """Turn a location tuple like ("concerns", 0, "name") into "concerns[0].name"."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{shorten(part)}" if text else str(shorten(part))
    return text


def shorten(value: object, limit: int = 80) -> object:
    """A value to quote in a message: long text is cut, and unprintable characters (a terminal's escape
    codes) are shown as escapes, so one mistake is one readable, harmless line."""
    text = value if isinstance(value, str) else repr(value)
    if text.isprintable() and len(text) <= limit:
        return value
    if not text.isprintable():
        text = text.encode("unicode_escape").decode("ascii")
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ContentError(Exception):
    """Raised when content has problems; carries all of them so they can be reported together."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(format_problems(self.problems))


def format_problems(problems: list[Problem]) -> str:
    errors = sum(1 for p in problems if p.severity == "error")
    lines = [str(p) for p in problems]
    lines.append(f"{errors} problem{'s' if errors != 1 else ''} found in content/: fix them and try again.")
    return "\n".join(lines)
