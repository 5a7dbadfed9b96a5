"""The pattern rules of data/tone_rules.toml, compiled once into a single regex.

One alternation with one named group per rule: a single left-to-right pass finds every
rule, and `lastgroup` says which one matched. Rules are plain regexes without nested
quantified groups, so a scan stays linear in the length of the draft.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from okx_helper.resources import load_toml

CATEGORIES = ("insult", "threat", "shouting", "punctuation", "demand", "accusation", "pestering")
_SENTENCE_END = re.compile(r"[.!?。;\n]")
_WINDOW = 240  # how far back a sentence is searched for "please" or a regulator


@dataclass(frozen=True)
class Rule:
    category: str
    lang: str
    suggestion: str | None
    drop: re.Pattern | None
    polite: bool
    rights: bool


@dataclass(frozen=True)
class Hit:
    category: str
    start: int
    end: int
    lang: str
    suggestion: str | None


@lru_cache(maxsize=None)
def _compiled() -> tuple[re.Pattern, dict[str, Rule], re.Pattern, re.Pattern]:
    rules: dict[str, Rule] = {}
    branches = []
    for index, raw in enumerate(load_toml("tone_rules.toml")["rule"]):
        if raw["category"] not in CATEGORIES or raw.get("lang") not in ("en", "zh"):
            raise ValueError(f"tone_rules.toml rule {index}: bad category or lang")
        name = f"r{index}"
        re.compile(raw["pattern"])  # fail here, naming nothing else, if one rule is broken
        branches.append(f"(?P<{name}>{raw['pattern']})")
        drop = raw.get("drop")
        rules[name] = Rule(
            category=raw["category"],
            lang=raw["lang"],
            suggestion=raw.get("suggestion"),
            drop=re.compile(drop) if drop else None,
            polite=bool(raw.get("polite")),
            rights=bool(raw.get("rights")),
        )
    exemptions = load_toml("tone_lexicon.toml")["exemptions"]
    return (
        re.compile("|".join(branches)),
        rules,
        re.compile(exemptions["polite"]),
        re.compile(exemptions["rights"]),
    )


def _sentence(folded: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence around [start, end), looking at most _WINDOW characters away."""
    low = max(0, start - _WINDOW)
    head = low
    for found in _SENTENCE_END.finditer(folded, low, start):
        head = found.end()
    tail_match = _SENTENCE_END.search(folded, end, min(len(folded), end + _WINDOW))
    tail = tail_match.start() if tail_match else min(len(folded), end + _WINDOW)
    return head, tail


def _suggestion(rule: Rule, original: str) -> str | None:
    if rule.drop is None:
        return rule.suggestion
    # The drop regex is written for the folded text; fold the span to find what to remove.
    from okx_helper.tone.normalise import fold

    kept, last = [], 0
    for found in rule.drop.finditer(fold(original)):
        kept.append(original[last:found.start()])
        last = found.end()
    kept.append(original[last:])
    calmer = " ".join("".join(kept).split())
    return calmer or None


def find(text: str, folded: str) -> list[Hit]:
    """Every rule hit in `text`, left to right, non-overlapping (`folded` = fold(text))."""
    master, rules, polite, rights = _compiled()
    hits: list[Hit] = []
    pos, size = 0, len(folded)
    while pos < size:
        found = master.search(folded, pos)
        if found is None:
            break
        start, end = found.span()
        if end == start:
            pos = start + 1
            continue
        rule = rules[found.lastgroup]
        if rule.polite or rule.rights:
            head, tail = _sentence(folded, start, end)
            if (rule.polite and polite.search(folded, head, end)) or (
                rule.rights and rights.search(folded, head, tail)
            ):
                pos = start + 1  # another rule may still match here
                continue
        hits.append(Hit(rule.category, start, end, rule.lang, _suggestion(rule, text[start:end])))
        pos = end
    return hits
