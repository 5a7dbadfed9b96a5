"""BIP39 seed phrases in English and Chinese (simplified and traditional) word lists.

The word lists come from the `mnemonic` package, loaded on first use. English runs are found
with one trie regex over the list (set lookups, no per-token Python loop). Chinese words are
single characters, and prose is made of list characters too: a run counts when its characters
are set apart ("卫 机 锅"), or, written together, when it stands alone on a line or follows a
seed label and reads as random characters rather than words.
"""

from __future__ import annotations

import re
from functools import cache

from okx_helper.guards.privacy import rules

# Phrases have 12-24 words; a user may paste part of one, or mistype a word.
MIN_WORDS = 12
# Next to a seed label, fewer words already give too much away.
MIN_WORDS_LABELLED = 6
# Between words: spaces, commas, numbering ("1." "2)"), bullets; not a full stop, which ends prose.
_EN_SEP = r"(?:[\s,;、，；|/:()\[\]#*•\-\"'“”]|\d{1,2}\.?){1,8}"
# Between Chinese words: spaces, commas, numbering; not "：" or "。", which end a label or prose.
_ZH_SEP = r"(?:[\s,，、;；()（）\"'“”「」]|\d{1,2}[.、)）]?){0,4}"
_ZH_APART = r"(?:[\s,，、;；()（）\"'“”「」]|\d{1,2}[.、)）]?){1,4}"
_PHRASE_LENGTHS = (12, 15, 18, 21, 24)
# Chinese BIP39 lists are ordered by frequency; prose is made of the most common characters,
# a random phrase is not. A window of 12 with at most this many of the top 500 looks random.
_COMMON_RANK = 500
_WINDOW = 12
_MAX_COMMON = 6
_VERY_COMMON = 150


@cache
def _english():
    from mnemonic import Mnemonic

    words = Mnemonic("english").wordlist
    word = "(?:" + rules.trie_pattern(words) + ")"
    # Runs of at least four list words; runs are then joined across one stray word (a typo).
    pattern = rf"(?<![A-Za-z]){word}(?:{_EN_SEP}{word}(?![A-Za-z])){{3,}}"
    # Case-sensitive on lowered text is about three times faster than IGNORECASE.
    return re.compile(pattern), re.compile(pattern, re.IGNORECASE)


@cache
def _chinese():
    from mnemonic import Mnemonic

    rank: dict[str, int] = {}
    for lang in ("chinese_simplified", "chinese_traditional"):
        for index, char in enumerate(Mnemonic(lang).wordlist):
            rank[char] = min(index, rank.get(char, index))
    chars = "".join(sorted(rank))
    cls = "[" + re.escape(chars) + "]"
    # Anywhere: twelve list characters each set apart, or 12-24 alone on a line.
    # After a seed label: six set apart, or twelve together (judged by _random_looking).
    spaced = re.compile(rf"{cls}(?:{_ZH_APART}{cls}){{{MIN_WORDS - 1},}}")
    own_line = re.compile(rf"^[ \t\u3000]*({cls}{{{MIN_WORDS},24}})[ \t\u3000]*$", re.MULTILINE)
    short = re.compile(rf"{cls}(?:{_ZH_SEP}{cls}){{{MIN_WORDS_LABELLED - 1},}}")
    words = frozenset(w for w in rules.data()["seed"]["common_words_zh"].split() if len(w) == 2)
    return spaced, own_line, short, rank, words


_TOKEN = re.compile(r"[A-Za-z]+")
_GAP_WORD = re.compile(r"^[\s,;、，；|/:()\[\]#*•\-\d\"'“”]+[A-Za-z]{2,10}[\s,;、，；|/:()\[\]#*•\-\d\"'“”]+$")


def find(text: str, labelled_at, label_ends=()) -> list[tuple[int, int]]:
    """Spans of seed phrases.

    labelled_at(start) says whether a seed label is just before; label_ends are the offsets
    where seed labels end, after which shorter phrases count.
    """
    return _find_english(text, labelled_at) + _find_chinese(text, labelled_at, label_ends)


def _find_english(text: str, labelled_at) -> list[tuple[int, int]]:
    exact, ignore_case = _english()
    low, is_lowered = rules.lowered(text)
    run = exact if is_lowered else ignore_case
    spans: list[list[int]] = []  # [start, end, list_words, stray_words]
    for match in run.finditer(low):
        count = len(_TOKEN.findall(match.group()))
        if spans:
            last = spans[-1]
            gap = text[last[1] : match.start()]
            # One mistyped or foreign word between two runs: still one phrase.
            if _GAP_WORD.match(gap):
                last[1] = match.end()
                last[2] += count
                last[3] += 1
                continue
        spans.append([match.start(), match.end(), count, 0])
    found = []
    for start, end, count, stray in spans:
        need = MIN_WORDS_LABELLED if labelled_at(start) else MIN_WORDS
        # A typo costs a list word: count it, as long as most words are on the list.
        if count + stray >= need and stray * 5 <= count:
            found.append((start, end))
    return found


def _find_chinese(text: str, labelled_at, label_ends=()) -> list[tuple[int, int]]:
    if not _has_cjk(text):
        return []
    spaced, own_line, short, rank, words = _chinese()
    # Single characters each set apart: a phrase written out, unless neighbours form common
    # words ("我 的 账 户 被 冻 结" is a sentence typed with spaces).
    found = [m.span() for m in spaced.finditer(text) if not _reads_as_words(m.group(), words)]
    for m in own_line.finditer(text):
        piece = m.group(1)
        if len(piece) in _PHRASE_LENGTHS:
            found.extend(_random_looking(piece, list(range(len(piece))), rank, words, m.start(1), False))
    for end in label_ends:
        match = short.match(text, end)
        if match:
            found.extend(_after_label(match, rank, words))
    return found


def _reads_as_words(chunk: str, words) -> bool:
    chars = [c for c in chunk if "\u3400" <= c <= "\u9fff"]
    pairs = sum(1 for a, b in zip(chars, chars[1:], strict=False) if a + b in words)
    return pairs >= 2 and pairs * 6 >= len(chars)


def _after_label(match, rank, words) -> list[tuple[int, int]]:
    chunk = match.group()
    positions = [i for i, char in enumerate(chunk) if char in rank]
    found = []
    for apart, piece in _stretches(positions):
        if apart:
            if len(piece) >= MIN_WORDS_LABELLED and not _reads_as_words(chunk[piece[0] : piece[-1] + 1], words):
                found.append((match.start() + piece[0], match.start() + piece[-1] + 1))
        elif len(piece) >= MIN_WORDS:
            found.extend(_random_looking(chunk, piece, rank, words, match.start(), True))
    return found


def _stretches(positions):
    """Split list-character positions into stretches written apart ("卫 机 锅") or together.

    A character where the two meet belongs to both stretches.
    """
    out = []
    first = 0
    for i in range(1, len(positions)):
        apart = positions[i] - positions[i - 1] > 1
        if i + 1 == len(positions) or (positions[i + 1] - positions[i] > 1) != apart:
            out.append((apart, positions[first : i + 1]))
            first = i
    if len(positions) == 1:
        out.append((False, positions))
    return out


def _random_looking(chunk, positions, rank, words, offset, labelled) -> list[tuple[int, int]]:
    """Sub-spans of an unspaced stretch that read as random characters, not as a sentence.

    A window is random-looking when few of its characters are very common and no two
    neighbours form a common word.
    """
    need = window = _WINDOW
    limit = _MAX_COMMON if labelled else _MAX_COMMON - 1
    # A common word weighs as much as a whole window: one is enough to call it prose.
    common = [
        (rank[chunk[i]] < _COMMON_RANK) + (window if chunk[i : i + 2] in words or chunk[i - 1 : i + 1] in words else 0)
        for i in positions
    ]
    marked = [False] * len(positions)
    total = sum(common[:window])
    for i in range(len(positions) - window + 1):
        if i:
            total += common[i + window - 1] - common[i - 1]
        if total <= limit:
            for j in range(i, i + window):
                marked[j] = True
    spans = []
    i = 0
    while i < len(marked):
        if not marked[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(marked) and marked[j + 1]:
            j += 1
        # A window can reach into the prose around the phrase: shed its most common characters.
        while j - i + 1 > need and rank[chunk[positions[i]]] < _VERY_COMMON:
            i += 1
        while j - i + 1 > need and rank[chunk[positions[j]]] < _VERY_COMMON:
            j -= 1
        spans.append((offset + positions[i], offset + positions[j] + 1))
        i = j + 1
    return spans


_CJK = re.compile(r"[\u3400-\u9fff]")


def _has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None
