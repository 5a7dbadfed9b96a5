"""Greeting and polite closing: detected, and inserted in the email's language when missing."""

from __future__ import annotations

import re
from functools import cache

from okx_helper.base.resources import load_toml
from okx_helper.guards.tone.normalise import fold

_TAIL = 240  # a closing sits in the last few lines


@cache
def _data() -> tuple[re.Pattern, re.Pattern, re.Pattern, dict]:
    data = load_toml("tone_lexicon.toml")["structure"]
    return (
        re.compile(data["greetings_en"]),
        re.compile(data["greetings_zh"]),
        re.compile(data["closings"]),
        data,
    )


def structure(text: str) -> dict:
    """{"greeting": bool, "closing": bool} for the draft `text`."""
    greet_en, greet_zh, closing, _ = _data()
    # Only the first line and the tail matter: fold just those (folding keeps lengths).
    stripped = text.strip()
    newline = stripped.find("\n")
    first_line = fold(stripped if newline < 0 else stripped[:newline])
    greeting = bool(greet_en.match(first_line) or greet_zh.match(first_line))
    return {"greeting": greeting, "closing": bool(closing.search(fold(stripped[-_TAIL:])))}


def _lang(email_lang: str) -> str:
    return "zh" if str(email_lang).lower().startswith("zh") else "en"


def add_greeting(text: str, email_lang: str) -> str:
    """`text` with a greeting on top in the email's language (zh/en); unchanged if it has one."""
    if structure(text)["greeting"]:
        return text
    greeting = _data()[3][f"greeting_{_lang(email_lang)}"]
    return f"{greeting}\n\n{text.lstrip(chr(10))}" if text.strip() else f"{greeting}\n\n"


def add_closing(text: str, email_lang: str) -> str:
    """`text` with a polite closing at the end in the email's language; unchanged if it has one."""
    if structure(text)["closing"]:
        return text
    closing = _data()[3][f"closing_{_lang(email_lang)}"]
    body = text.rstrip()
    return f"{body}\n\n{closing}\n" if body else f"{closing}\n"
