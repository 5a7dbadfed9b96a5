"""Fold a draft into one spelling so the rules match every variant, keeping offsets.

Every character maps to exactly one character, so an offset in the folded copy is the same
offset in the original: letters are lower-cased, full-width letters and digits (ＡＢ１) become ASCII,
traditional Chinese becomes simplified, curly apostrophes become straight. `str.lower` is used only when it keeps the length ("İ" becomes two
characters); otherwise a translation table lower-cases ASCII only.
"""

from __future__ import annotations

import re
from functools import cache

from okx_helper.base.resources import load_toml


@cache
def _table() -> dict[int, int]:
    table: dict[int, int] = {}
    # Full-width letters and digits only: full-width punctuation (，！？) is everywhere in
    # Chinese text, and keeping it lets the fast path below serve most drafts.
    for first, last in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)):
        for code in range(first, last + 1):
            table[code] = code - 0xFEE0
    for pair in load_toml("tone_lexicon.toml")["chinese"]["traditional_to_simplified"].split():
        if len(pair) != 2:
            raise ValueError(f"tone_lexicon.toml: bad traditional/simplified pair {pair!r}")
        table[ord(pair[0])] = ord(pair[1])
    # Curly and modifier apostrophes (phones type "you’ll") become the ASCII one the rules use.
    for code in (0x2018, 0x2019, 0x02BC, 0xFF07):
        table[code] = 0x27
    # Lower-case last, so full-width capitals end up lower-case too.
    for code in list(table):
        if 0x41 <= table[code] <= 0x5A:
            table[code] += 0x20
    for code in range(0x41, 0x5B):
        table[code] = code + 0x20
    return table


@cache
def _special() -> re.Pattern:
    """Characters that need the table: full-width letters and digits, traditional characters."""
    chars = "".join(chr(code) for code in _table() if code > 0x7F)
    return re.compile("[" + re.escape(chars) + "]")


def fold(text: str) -> str:
    """The normalised copy of `text`, the same length, character for character."""
    # Fast path: str.lower is many times quicker than translate; use it when it keeps the
    # length and nothing full-width or traditional needs folding.
    lowered = text.lower()
    if len(lowered) != len(text):
        return text.translate(_table())
    special = _special()
    if special.search(lowered) is None:
        return lowered
    # A few traditional or full-width characters in a long draft: replace just those (translate
    # over the whole draft costs more); many of them: translate.
    table = _table()
    if len(special.findall(lowered, 0, 4096)) > 32:
        return lowered.translate(table)
    return special.sub(lambda found: chr(table[ord(found.group())]), lowered)
