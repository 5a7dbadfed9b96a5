"""Interface strings in English and Chinese, and the choice of interface language."""
from __future__ import annotations

import locale
import os

from okx_helper.resources import load_toml

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


def t(key: str, lang: str, **values) -> str:
    """The interface string `key` in `lang`, falling back to English, then the key itself."""
    table = load_toml("strings.toml")
    text = table.get(lang, {}).get(key) or table["en"].get(key) or key
    return text.format(**values) if values else text
