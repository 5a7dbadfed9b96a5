"""Find the package's data files and the jinja2 templates, installed or from source.

The wheel ships top-level templates/ as okx_helper/templates (hatch force-include);
an editable install or a source checkout has them beside the package instead.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

PACKAGE_DIR = Path(__file__).resolve().parents[1]  # okx_helper/, which holds data/ (and templates/ in a wheel)
DATA_DIR = PACKAGE_DIR / "data"


def templates_dir() -> Path:
    """The directory holding the email templates."""
    for candidate in (PACKAGE_DIR / "templates", PACKAGE_DIR.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("okx-helper's email templates are missing from this installation")


def data_path(name: str) -> Path:
    return DATA_DIR / name


@cache
def load_toml(name: str) -> dict:
    """A TOML file from okx_helper/data, parsed once."""
    with open(data_path(name), "rb") as handle:
        return tomllib.load(handle)
