"""The privacy engine's word lists, loaded once from data/privacy.toml and compiled to regexes."""
from __future__ import annotations

import re
from functools import lru_cache

from okx_helper.resources import load_toml

# A label's space also matches "_", "-" or nothing: people write secret_key, secret-key, SecretKey.
_SPACE = r"[ _\-]?"


def trie_pattern(words, flexible: bool = True) -> str:
    """One regex alternation for many literals, shaped as a trie.

    sre tries alternatives one by one at each position; a trie makes the scan cost depend on
    the text's length rather than on the number of words. The longest word wins. With
    `flexible`, a space, "-" or "_" in a word matches any of them or nothing.
    """
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = []
        for char in sorted(k for k in node if k):
            head = _SPACE if flexible and char in " -_" else re.escape(char)
            branches.append(head + emit(node[char]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            # Optional continuation, greedy: the longest label is taken.
            return body + "?" if len(branches) == 1 and _is_atom(body) else "(?:" + body + ")?"
        return body

    return emit(root)


def _is_atom(pattern: str) -> bool:
    return len(pattern) == 1 or (len(pattern) == 2 and pattern[0] == "\\")


def data() -> dict:
    return load_toml("privacy.toml")


@lru_cache(maxsize=None)
def label_index() -> dict[str, str]:
    """Normalised label -> the list it belongs to (a kind, or totp_secret/backup_codes/seed_phrase)."""
    index: dict[str, str] = {}
    for group, words in data()["labels"].items():
        for word in words:
            index.setdefault(normalise(word), group)
    return index


@lru_cache(maxsize=None)
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


@lru_cache(maxsize=None)
def word_regex(section: str, key: str) -> re.Pattern:
    return re.compile(trie_pattern({w.lower() for w in data()[section][key]}), re.IGNORECASE)


@lru_cache(maxsize=None)
def word_set(section: str, key: str) -> frozenset:
    return frozenset(w.lower() for w in data()[section][key])


_NORMALISE = re.compile(r"[ _\-]+")


def normalise(label: str) -> str:
    """The index key of a label as written: lower case, separators dropped."""
    return _NORMALISE.sub("", label.lower())
