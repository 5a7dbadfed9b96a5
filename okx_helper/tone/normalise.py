"""Fold a draft into one spelling so the rules match every variant, keeping offsets.

Every character maps to exactly one character, so an offset in the folded copy is the same
offset in the original: ASCII letters are lower-cased, full-width forms (！？ＡＢ) become ASCII,
traditional Chinese becomes simplified. `str.lower` is not used: it can change the length
("İ" becomes two characters).
"""
from __future__ import annotations

from functools import lru_cache

from okx_helper.resources import load_toml


@lru_cache(maxsize=None)
def _table() -> dict[int, int]:
    table: dict[int, int] = {}
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII block
        table[code] = code - 0xFEE0
    table[0x3000] = 0x20  # ideographic space
    for pair in load_toml("tone_lexicon.toml")["chinese"]["traditional_to_simplified"].split():
        if len(pair) != 2:
            raise ValueError(f"tone_lexicon.toml: bad traditional/simplified pair {pair!r}")
        table[ord(pair[0])] = ord(pair[1])
    # Lower-case last, so full-width capitals end up lower-case too.
    for code in list(table):
        if 0x41 <= table[code] <= 0x5A:
            table[code] += 0x20
    for code in range(0x41, 0x5B):
        table[code] = code + 0x20
    return table


def fold(text: str) -> str:
    """The normalised copy of `text`, the same length, character for character."""
    return text.translate(_table())
