"""Stage 5: format generated Python with black, in-process."""

from __future__ import annotations

import black
from black.mode import Mode, TargetVersion
from black.parsing import InvalidInput

LINE_LENGTH = 100
_MODE = Mode(target_versions={TargetVersion.PY311}, line_length=LINE_LENGTH)


class GeneratedCodeError(Exception):
    """A template produced invalid Python: a bug in the generator, not in the spec."""


def format_python(path: str, source: str) -> str:
    try:
        return black.format_str(source, mode=_MODE)
    except InvalidInput as exc:
        raise GeneratedCodeError(f"generated {path} is not valid Python: {exc}") from None


def format_files(files: dict[str, str]) -> dict[str, str]:
    """Every `.py` file formatted; other files as they are."""
    return {path: format_python(path, text) if path.endswith(".py") else text for path, text in files.items()}
