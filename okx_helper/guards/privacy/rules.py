"""The privacy engine's word lists, loaded once from data/privacy.toml and compiled to regexes."""

from __future__ import annotations

import re
from functools import cache

from okx_helper.base import wordtrie
from okx_helper.base.resources import load_toml

# A label's space also matches "_", "-" or nothing: people write secret_key, secret-key, SecretKey.
_SPACE = r"[ _\-]?"


def trie_pattern(words, flexible: bool = True) -> str:
    """Many literals as one trie-shaped regex; with `flexible`, a space, "-" or "_" in a word
    matches any of them or nothing."""
    return wordtrie.trie_pattern(words, space=_SPACE if flexible else None)


def data() -> dict:
    return load_toml("privacy.toml")


@cache
def label_index() -> dict[str, str]:
    """Normalised label -> the list it belongs to (a kind, or totp_secret/backup_codes/seed_phrase)."""
    index: dict[str, str] = {}
    for group, words in data()["labels"].items():
        for word in words:
            index.setdefault(normalise(word), group)
    return index


@cache
def label_regex(ignore_case: bool = True) -> re.Pattern:
    """All labels as one trie; without ignore_case it is meant for text already lowered."""
    words = {w.lower() for group in data()["labels"].values() for w in group}
    return re.compile(trie_pattern(words), re.IGNORECASE if ignore_case else 0)


def lowered(text: str) -> tuple[str, bool]:
    """text.lower() when that keeps every offset, for faster case-sensitive scans.

    A few characters ("İ") grow when lowered; then the caller must ignore case instead.
    """
    low = text.lower()
    return (low, True) if len(low) == len(text) else (text, False)


@cache
def word_regex(section: str, key: str) -> re.Pattern:
    return re.compile(trie_pattern({w.lower() for w in data()[section][key]}), re.IGNORECASE)


@cache
def word_set(section: str, key: str) -> frozenset:
    return frozenset(w.lower() for w in data()[section][key])


_NORMALISE = re.compile(r"[ _\-]+")


def normalise(label: str) -> str:
    """The index key of a label as written: lower case, separators dropped."""
    return _NORMALISE.sub("", label.lower())
