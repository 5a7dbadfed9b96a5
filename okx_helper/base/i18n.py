"""Interface strings in English and Chinese, and the choice of interface language.

Strings live in okx_helper/data/strings/*.toml, one file per area (wizard, privacy,
handoff …), each with an [en] and a [zh] table; keys are "file.key", e.g. "wizard.next".
"""

from __future__ import annotations

import locale
import os
from functools import cache

from okx_helper.base.resources import DATA_DIR, load_toml

LANGS = ("en", "zh")


def detect_ui_lang(explicit: str | None = None) -> str:
    """--lang wins; otherwise the locale (LC_ALL, LC_MESSAGES, LANG); English by default."""
    if explicit in LANGS:
        return explicit
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "zh" if code.lower().startswith("zh") else "en"


@cache
def _table(area: str) -> dict:
    if not (DATA_DIR / "strings" / f"{area}.toml").is_file():
        return {}
    return load_toml(f"strings/{area}.toml")


def t(key: str, lang: str, /, **values) -> str:
    """The interface string "area.key" in `lang`, falling back to English, then to the key."""
    area, _, name = key.partition(".")
    table = _table(area)
    text = table.get(lang, {}).get(name) or table.get("en", {}).get(name) or key
    return text.format(**values) if values else text
