"""Where a line of text may wrap, following the rules Chinese readers expect.

Between two Chinese characters a line may break anywhere, but never so that a line starts with
closing punctuation (，。、；：？！）」 …) or ends with opening punctuation (（「“ …), and a bullet
stays with its text. Latin words wrap at spaces, as usual. `divide_line` has the signature of
rich's, so the interface can wrap its prose with it.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from rich._wrap import divide_line as rich_divide_line
from rich.cells import cell_len, get_character_cell_size

# No line may start with these (they close or follow what came before) ...
CLOSING = set("，。、；：？！）」』”’》〉】〕｝…·～%,.;:?!)]}»%")
# ... and none may end with these (they open what follows).
OPENING = set("（「『“‘《〈【〔｛([{«")
BULLETS = set("•·-*–—")


@lru_cache(maxsize=4096)
def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def _breakable(text: str, i: int) -> bool:
    """May a line end before text[i]?"""
    before, after = text[i - 1], text[i]
    if after.isspace() or after in CLOSING or before in OPENING:
        return False
    if before.isspace():
        # "• text": the bullet keeps its first word.
        j = i - 1
        while j >= 0 and text[j].isspace():
            j -= 1
        return not (j >= 0 and text[j] in BULLETS and (j == 0 or text[j - 1].isspace()))
    return _wide(before) or _wide(after)


def divide_line(text: str, width: int, fold: bool = True) -> list[int]:
    """Offsets at which to break `text` so every line fits in `width` cells."""
    if width <= 0 or cell_len(text) <= width:
        return []
    if not any(_wide(char) for char in text):
        return rich_divide_line(text, width, fold)  # Latin text: the usual word wrap
    breaks: list[int] = []
    line_start, line_cells, last_ok = 0, 0, -1
    i = 0
    while i < len(text):
        char = text[i]
        if i > line_start and _breakable(text, i):
            last_ok = i
        cells = get_character_cell_size(char)
        if line_cells + cells > width and i > line_start and not char.isspace():
            # The line is full: break at the last opportunity, else fold (if allowed) here,
            # pulling a closing mark's predecessor along so the mark does not start a line.
            if last_ok > line_start:
                cut = last_ok
            elif fold:
                cut = i - 1 if char in CLOSING and i - 1 > line_start else i
            else:
                i += 1
                continue
            breaks.append(cut)
            line_start, last_ok = cut, -1
            line_cells = cell_len(text[cut:i])
            continue  # look at text[i] again on the new line
        line_cells += cells
        i += 1
    return breaks
