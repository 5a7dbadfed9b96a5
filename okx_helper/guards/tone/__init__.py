"""Tone guard: flags what would hurt the user's case in an email to support, offers calmer words.

Categories (fixed ids): insult, threat, shouting, punctuation, demand, accusation, pestering.
Rules are data (data/tone_rules.toml, data/tone_lexicon.toml); messages are in
data/strings/tone.toml. This package never imports Textual.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from okx_helper.base.i18n import t
from okx_helper.guards.tone import rules, shouting, targeted
from okx_helper.guards.tone.normalise import fold
from okx_helper.guards.tone.structure import add_closing, add_greeting, structure

__all__ = [
    "ToneFinding",
    "scan",
    "structure",
    "add_greeting",
    "add_closing",
    "apply_suggestion",
    "CATEGORIES",
]

CATEGORIES = rules.CATEGORIES
# Three or more, or a mix of ! and ? ("?!" reads as exasperation, "!!" as enthusiasm).
_PUNCT_RUN = re.compile(r"[!?！？](?:[!?！？]{2,}|(?<=[!！])[?？]|(?<=[?？])[!！])")
_PRIORITY = {
    name: rank
    for rank, name in enumerate(("threat", "accusation", "insult", "demand", "pestering", "shouting", "punctuation"))
}


@dataclass(frozen=True)
class ToneFinding:
    """One passage that may hurt the user's case."""

    category: str
    start: int
    end: int
    message: str  # why it hurts, in the interface language
    suggestion: str | None  # calmer wording in the language of the passage, or None

    def to_json(self) -> dict:
        return {
            "category": self.category,
            "start": self.start,
            "end": self.end,
            "message": self.message,
            "suggestion": self.suggestion,
        }


def _punctuation(text: str, folded: str) -> list[tuple[str, int, int, str | None]]:
    found = []
    for run in _PUNCT_RUN.finditer(folded):
        original = text[run.start() : run.end()]
        if "?" in original or "？" in original:
            calmer = "？" if "？" in original else "?"
        else:
            calmer = "！" if "！" in original else "!"
        found.append(("punctuation", run.start(), run.end(), calmer))
    return found


def _broad(folded: str, specific: list) -> list[tuple[str, int, int, str | None]]:
    """Findings of the broad layer that no specific rule already covers (rules keep their spans)."""
    spans = sorted((c[1], c[2]) for c in specific)
    starts = [s for s, _ in spans]
    reach, furthest = [], 0  # reach[i]: the furthest end among spans[0..i]
    for _, end in spans:
        furthest = max(furthest, end)
        reach.append(furthest)
    kept = []
    for found in targeted.find(folded, folded):
        index = bisect_left(starts, found.end) - 1  # last specific span starting before `end`
        if index >= 0 and reach[index] > found.start:
            continue
        kept.append((found.category, found.start, found.end, found.suggestion))
    return kept


def _rank(candidate: tuple) -> tuple[int, int]:
    category, start, end, _ = candidate
    return _PRIORITY[category], start - end


def scan(text: str, lang: str = "en") -> list[ToneFinding]:
    """Tone findings in `text`, sorted and non-overlapping; messages in interface language `lang`."""
    if not isinstance(text, str) or not text:
        return []
    folded = fold(text)
    targeted.prepare()  # before rules.find: the rules' finders read the draft with targeted's
    candidates = [
        (h.category, h.start, h.end, h.suggestion)
        for h in rules.find(text, folded)
        if not targeted.vetoed(h.category, folded, h.start, h.end)
    ]
    candidates += [(s.category, s.start, s.end, s.suggestion) for s in shouting.find(text)]
    candidates += _punctuation(text, folded)
    candidates += _broad(folded, candidates)
    # Overlaps (rare and local): sweep by start; the stronger category, then the longer span, wins.
    candidates.sort(key=lambda c: (c[1], c[1] - c[2]))
    kept: list[tuple[str, int, int, str | None]] = []
    for candidate in candidates:
        if kept and candidate[1] < kept[-1][2]:
            if _rank(candidate) < _rank(kept[-1]):
                kept[-1] = candidate
            continue
        kept.append(candidate)
    ui = "zh" if lang == "zh" else "en"
    return [
        ToneFinding(category, start, end, t(f"tone.{category}", ui), suggestion)
        for category, start, end, suggestion in kept
    ]


def apply_suggestion(text: str, finding: ToneFinding) -> str:
    """`text` with the finding's span replaced by its suggestion, or removed when there is none."""
    start, end = finding.start, finding.end
    if not (0 <= start <= end <= len(text)):
        return text
    if finding.suggestion is not None:
        return text[:start] + finding.suggestion + text[end:]
    before, after = text[:start], text[end:]
    # Removing a word: don't leave two spaces or a space before punctuation behind.
    if before.endswith(" ") and (after.startswith((" ", ",", ".", "!", "?")) or not after):
        before = before[:-1]
    elif not before and after.startswith(" "):
        after = after[1:]
    return before + after
