"""The pattern rules of data/tone_rules.toml, compiled once into two single-pass regexes.

Rules that start with \\b (English words, pinyin abbreviations) form one alternation tried only
at word starts, compiled with re.ASCII so that a Chinese character next to a Latin word counts as
a word boundary ("你们真是sb"); the others (Chinese) form another. Each is reshaped by fastre so the regex
engine can reject most positions with one comparison. A hit is then attributed to the first
rule that matches at that place, as the alternation would. Rules are
plain regexes without nested quantified groups, so a scan stays linear in the draft's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from okx_helper.base.resources import load_toml
from okx_helper.guards.tone.fastre import Finder, start_finder

CATEGORIES = ("insult", "threat", "shouting", "punctuation", "demand", "accusation", "pestering")
_SENTENCE_END = re.compile(r"[.!?。;！？；\n]")
_WINDOW = 240  # how far back a sentence is searched for "please" or a regulator
_BEFORE = 48  # how far back preceded_by looks
_CLAUSE_END = re.compile(r"[.!?。;！？；\n,，:：]")
_CLAUSE = 60  # how far back in its clause a hit is checked for negation or hearsay
# Context that takes the sting out of a hit, by category: a third party named in the sentence
# ("a scammer pretending to be OKX stole my funds") or a distancing phrase just before the hit in
# its clause ("I don't think you stole", "my friend said OKX is a scam", 我不是说你们偷了钱).
_CONTEXT = {"accusation": ("third_party", "distanced"), "insult": ("distanced",)}


@dataclass(frozen=True)
class Rule:
    category: str
    lang: str
    regex: re.Pattern
    suggestion: str | None
    drop: re.Pattern | None
    polite: bool
    rights: bool
    preceded_by: re.Pattern | None


@dataclass(frozen=True)
class Hit:
    category: str
    start: int
    end: int
    lang: str
    suggestion: str | None


@dataclass(frozen=True)
class _Pass:
    master: Finder
    rules: tuple[Rule, ...]


def _flags(pattern: str) -> int:
    # Word rules see only ASCII as word characters: "是sb" has a boundary between 是 and s.
    return re.ASCII if pattern.startswith(r"\b") else 0


def _rule(index: int, raw: dict) -> Rule:
    if raw.get("category") not in CATEGORIES or raw.get("lang") not in ("en", "zh"):
        raise ValueError(f"tone_rules.toml rule {index}: bad category or lang")
    flags = _flags(raw.get("pattern", ""))
    optional = {key: re.compile(raw[key], flags) for key in ("drop", "preceded_by") if raw.get(key)}
    return Rule(
        category=raw["category"],
        lang=raw["lang"],
        regex=re.compile(raw["pattern"], flags),
        suggestion=raw.get("suggestion"),
        drop=optional.get("drop"),
        polite=bool(raw.get("polite")),
        rights=bool(raw.get("rights")),
        preceded_by=optional.get("preceded_by"),
    )


@cache
def _compiled() -> tuple[tuple[_Pass, ...], re.Pattern, re.Pattern]:
    rules = [_rule(i, raw) for i, raw in enumerate(load_toml("tone_rules.toml")["rule"])]
    words = [r for r in rules if r.regex.pattern.startswith(r"\b")]
    others = [r for r in rules if not r.regex.pattern.startswith(r"\b")]
    passes = (
        _Pass(start_finder([r.regex.pattern for r in words], True, re.ASCII), tuple(words)),
        _Pass(start_finder([r.regex.pattern for r in others], False), tuple(others)),
    )
    exemptions = load_toml("tone_lexicon.toml")["exemptions"]
    return passes, re.compile(exemptions["polite"]), re.compile(exemptions["rights"])


@cache
def _context() -> dict[str, re.Pattern]:
    exemptions = load_toml("tone_lexicon.toml")["exemptions"]
    return {name: re.compile(exemptions[name]) for name in ("third_party", "distanced")}


def _softened(category: str, folded: str, start: int, end: int) -> bool:
    """True when the context around a hit shows it is not aimed at support (see _CONTEXT)."""
    kinds = _CONTEXT.get(category)
    if not kinds:
        return False
    patterns = _context()
    if "third_party" in kinds:
        head, tail = _sentence(folded, start, end)
        # Outside the hit itself: "Scammers!" aimed at support is no third party.
        third = patterns["third_party"]
        if third.search(folded, head, start) or third.search(folded, end, tail):
            return True
    if "distanced" in kinds:
        low = max(0, start - _CLAUSE)
        head = low
        for found in _CLAUSE_END.finditer(folded, low, start):
            head = found.end()
        if patterns["distanced"].search(folded, head, start):
            return True
    return False


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
    from okx_helper.guards.tone.normalise import fold

    kept, last = [], 0
    for found in rule.drop.finditer(fold(original)):
        kept.append(original[last : found.start()])
        last = found.end()
    kept.append(original[last:])
    calmer = " ".join("".join(kept).split())
    return calmer or None


def _hits(text: str, folded: str, one: _Pass, polite: re.Pattern, rights: re.Pattern) -> list[Hit]:
    hits: list[Hit] = []
    pos, size = 0, len(folded)
    scan = one.master.scanner(folded)
    while pos < size:
        found = scan.search(pos)
        if found is None:
            break
        start = found.start()
        pos = start + 1  # unless a rule accepts the hit below
        for rule in one.rules:
            match = rule.regex.match(folded, start)
            if match is None or match.end() == start:
                continue
            end, first = match.end(), start
            if rule.preceded_by is not None:
                before = rule.preceded_by.search(folded, max(0, start - _BEFORE), start)
                if before is None:
                    continue
                first = before.start()
            if rule.polite or rule.rights:
                head, tail = _sentence(folded, start, end)
                if (rule.polite and polite.search(folded, head, end)) or (
                    rule.rights and rights.search(folded, head, tail)
                ):
                    continue
            if _softened(rule.category, folded, first, end):
                continue
            hits.append(Hit(rule.category, first, end, rule.lang, _suggestion(rule, text[first:end])))
            pos = end
            break
    return hits


def find(text: str, folded: str) -> list[Hit]:
    """Every rule hit in `text`, left to right (`folded` = fold(text)); the two passes may overlap."""
    passes, polite, rights = _compiled()
    hits: list[Hit] = []
    for one in passes:
        hits.extend(_hits(text, folded, one, polite, rights))
    return hits
