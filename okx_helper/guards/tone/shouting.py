"""Shouting: runs of ALL-CAPS words in prose, told apart from tickers, codes and acronyms.

Works on the original text (letter case is the signal). A run counts as shouting when it has
at least two words that are ordinary English words in capitals: long words that are not known
acronyms, or short words from a list ("WHERE IS MY MONEY"). Tokens with digits or underscores
(TRC20, ERROR_CODE_51008) never join a run. Quoted text, error messages after "shows:" or
after an error code, and "Name: ZHANG XIAOMING" are left alone: the user is quoting, not shouting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from okx_helper.base.resources import load_toml

_WORD = r"[A-Z](?:[A-Z'’]*[A-Z])?"
# The first letter comes before the look-behind so the engine can skip to capitals quickly.
# At least two words: single capitalised tokens (OKX, USDT) are the common case and never shout.
_RUN = re.compile(
    rf"[A-Z](?<![A-Za-z0-9_'’][A-Z])(?:[A-Z'’]*[A-Z])?"
    rf"(?:(?:[,;:.!?]?[ \t]+|[ \t]*[-/&][ \t]*){_WORD})+(?![A-Za-z0-9_])"
)
_WORDS = re.compile(_WORD)
_TOKENS = re.compile(rf"{_WORD}(?:-{_WORD})*")
_QUOTED = re.compile(
    r"\"[^\"\n]{1,300}\"|“[^”\n]{1,300}”|`[^`\n]{1,300}`|「[^」\n]{1,300}」|『[^』\n]{1,300}』"
    r"|【[^】\n]{1,300}】|‘[^’\n]{1,300}’|(?<![A-Za-z])'[^'\n]{1,300}'(?![A-Za-z])"
)
# Text just before a run that shows the user is quoting a screen or filling in a field.
_QUOTING = re.compile(
    r"(?:error|message|says|said|shows?|showing|displays?|displayed|reads|status|prompt|notice|"
    r"popup|pop-up|name|named|called|titled|labelled|labeled|holder|beneficiary|recipient|subject|returns|returned|responds with|"
    r"提示|显示|报错|错误|弹出|写着|返回|叫|名为|名叫|姓名|名字|户名)"
    # optionally a status or code in between: "returns HTTP 429 ...", "返回 429 ..."
    r"(?:\s+is)?\s*[:：]?\s*(?:(?:[A-Za-z]+[ \t]*)?[0-9][A-Za-z0-9_]*[ \t]*[:：\-–]?[ \t]*)?[\"“'「]?\s*$",
    re.IGNORECASE,
)
# A code token just before a run: the run is that error's text ("ERROR_CODE_51008 INSUFFICIENT
# BALANCE", "E1102: ORDER REJECTED", "HTTP 429 TOO MANY REQUESTS"). Tokens with an underscore or letters and digits.
_CODE_BEFORE = re.compile(
    r"(?<![A-Za-z0-9_])(?:[A-Za-z0-9]*_[A-Za-z0-9_]*|[A-Za-z]+[0-9][A-Za-z0-9]*|[0-9]+[A-Za-z][A-Za-z0-9]*"
    r"|[0-9]+(?=[ \t]*[:：])|(?:HTTPS?|[Ss]tatus|STATUS|[Cc]ode|CODE|[Ee]rror|ERROR|ERR|[Ee]rr)[ \t]*[0-9]{2,})[ \t]*[:：\-–—]?[ \t]*[\"“'「]?[ \t]*$"
)
_LOWER = re.compile(r"[a-z]")
_PRONOUN_I = re.compile(r"\bi(?=$|[\s'’,.!?;:])")


@dataclass(frozen=True)
class Shout:
    category: str  # "shouting", or "demand" for a lone "NOW" / "IMMEDIATELY"
    start: int
    end: int
    suggestion: str


@cache
def _lexicon() -> tuple[frozenset, frozenset, re.Pattern]:
    data = load_toml("tone_lexicon.toml")
    acronyms = frozenset(data["english"]["acronyms"].split())
    short = frozenset(data["english"]["short_words"].split())
    # Each word's first letter comes before its look-behind (as in _RUN): the engine then skips
    # to those capitals instead of trying every position.
    words = "|".join(
        re.escape(word[0]) + rf"(?<![A-Za-z0-9_'’]{re.escape(word[0])})" + re.escape(word[1:]).replace(r"\ ", "[ \t]+")
        for word in data["caps"]["demand_words"]
    )
    demand = re.compile(rf"(?:{words})(?![A-Za-z0-9_'’])")
    return acronyms, short, demand


def _counts(word: str, acronyms: frozenset, short: frozenset) -> bool:
    bare = word.replace("’", "'")
    if bare in short:
        return True
    if "'" in bare:  # DON'T, I'M, YOU'RE: contractions are prose
        return True
    return len(bare) >= 4 and bare not in acronyms


def sentence_case(span: str, at_sentence_start: bool) -> str:
    """`span` in lower case, acronyms and "I" kept, first letter capital at a sentence start."""
    acronyms, _, _ = _lexicon()
    out = _WORDS.sub(lambda m: m.group(0) if m.group(0) in acronyms else m.group(0).lower(), span)
    out = _PRONOUN_I.sub("I", out)
    if at_sentence_start and out:
        out = out[0].upper() + out[1:]
    return out


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 80) : start].rstrip()
    return not before or before[-1] in ".!?。！？\n:：" or before.endswith(("\n",))


def _is_quoted(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    for quoted in _QUOTED.finditer(text, line_start, line_end):
        if quoted.start() <= start and end <= quoted.end():
            return True
    before = text[max(line_start, start - 60) : start]
    if _QUOTING.search(before) or _CODE_BEFORE.search(before):
        return True
    # A heading on a line of its own: "ACCOUNT DETAILS:"
    return text[line_start:start].strip() == "" and text[end:line_end].strip() == ":"


def find(text: str) -> list[Shout]:
    """Shouted runs in `text`, and lone order words in capitals ("refund me NOW"), left to right."""
    acronyms, short, demand = _lexicon()
    found: list[Shout] = []
    for run in _RUN.finditer(text):
        # A hyphen-joined token (FREE-AIRDROP-CLAIM, NON-KYC) is one name, not words of prose.
        tokens = _TOKENS.findall(run.group(0))
        if sum("-" not in tok and _counts(tok, acronyms, short) for tok in tokens) < 2:
            continue
        start, end = run.span()
        if _is_quoted(text, start, end):
            continue
        # Trim acronyms at the edges: "PLEASE SEND USDT" -> keep USDT out of the shout.
        edge = _WORDS.match(text, start)
        while edge and edge.group(0) in acronyms and edge.end() < end:
            nxt = _WORDS.search(text, edge.end(), end)
            if nxt is None:
                break
            start, edge = nxt.start(), nxt
        if _is_quoted(text, start, end):
            continue
        calmer = sentence_case(text[start:end], _sentence_start(text, start))
        found.append(Shout("shouting", start, end, calmer))
    shouted = [(shout.start, shout.end) for shout in found]
    has_lower = None
    for word in demand.finditer(text):
        if any(a <= word.start() < b for a, b in shouted):
            continue  # an order word inside a shouted run is part of the shout
        if has_lower is None:
            has_lower = _LOWER.search(text) is not None  # an all-caps text has no emphasis
        if not has_lower or _is_quoted(text, word.start(), word.end()):
            continue
        found.append(Shout("demand", word.start(), word.end(), word.group(0).lower()))
    return found
