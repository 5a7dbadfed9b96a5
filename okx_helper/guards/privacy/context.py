"""What the words around a value say it is: a key to hide or a hash/identifier to keep."""

from __future__ import annotations

import re

from okx_helper.guards.privacy import rules

_BEFORE = 100  # characters looked at before a value
_AFTER = 40  # and after it, when nothing before decides


def _is_word_char(char: str) -> bool:
    return char.isascii() and char.isalnum()


def bounded_matches(pattern, text: str, start: int, end: int):
    """Matches of a word trie inside text[start:end] that are whole words where they are ASCII."""
    size = len(text)
    for match in pattern.finditer(text, start, end):
        a, b = match.span()
        # inlined _is_word_char: this loop runs for every label in the text
        if a and text[a].isascii() and text[a].isalnum() and text[a - 1].isascii() and text[a - 1].isalnum():
            continue
        if b < size and text[b - 1].isascii() and text[b - 1].isalnum() and text[b].isascii() and text[b].isalnum():
            continue
        yield match


def _last(pattern, text, start, end):
    best = None
    for match in bounded_matches(pattern, text, start, end):
        best = match
    return best


# "the keystore file I downloaded", "key file": the word names a file, not the value.
_NAMES_FILE = re.compile(r"[ \t_\-]*files?(?![A-Za-z])|[ \t]*文件", re.IGNORECASE)


def _last_key(pattern, text, start, end):
    best = None
    for match in bounded_matches(pattern, text, start, end):
        if not _NAMES_FILE.match(text, match.end()):
            best = match
    return best


def _first(pattern, text, start, end):
    return next(bounded_matches(pattern, text, start, end), None)


def says_key(text: str, start: int, end: int) -> bool:
    """True when the nearest telling word before (or else after) the value speaks of a key."""
    keys = rules.word_regex("context", "key_words")
    hashes = rules.word_regex("context", "hash_words")
    lo = max(0, start - _BEFORE)
    key, hsh = _last_key(keys, text, lo, start), _last(hashes, text, lo, start)
    if key or hsh:
        if key and hsh:
            # The nearer word wins; at a tie the longer one ("public key" over "key").
            if key.end() != hsh.end():
                return key.end() > hsh.end()
            return key.start() < hsh.start()
        return key is not None
    hi = min(len(text), end + _AFTER)
    key, hsh = _first(keys, text, end, hi), _first(hashes, text, end, hi)
    if key and hsh:
        return key.start() < hsh.start() or (key.start() == hsh.start() and key.end() > hsh.end())
    return key is not None


def names_identifier(text: str, start: int, reach: int = 24) -> bool:
    """True when words just before a number say it is a UID, order ID, ticket, amount …"""
    lo = max(0, start - reach)
    return _last(rules.word_regex("context", "identifier_words"), text, lo, start) is not None
