"""The broad tone layer: evaluative words aimed at support, judged clause by clause.

The rules (rules.py) are specific phrases; this layer generalises. Broad word lists per category
(data/tone_targeted.toml, English with simple endings, Chinese as substrings) are compiled once
into one trie-shaped regex per language, so a draft is read in one pass. Each hit is then judged
in its clause and sentence: weak words need a target (you, your team, OKX, 你们, 客服 …); any hit
is dropped when it is quoted, negated, reported as hearsay, about a third party (a scammer, 对方)
or, for insults, about the writer ("I was an idiot to click"). Orders need an action verb and no
politeness; counted follow-ups need a number. Only hits are judged, so a scan stays linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from okx_helper.base.resources import load_toml
from okx_helper.base.wordtrie import trie_pattern
from okx_helper.guards.tone import fastre, rules
from okx_helper.guards.tone.fastre import Finder, start_finder, trie

_SENTENCE_END = re.compile(r"[.!?。！？；;\n]")
_CLAUSE_END = re.compile(r"[.!?。！？；;\n,，:：、()（）\"“”「」]|\s[-–—]+\s")
_LAST = {ends: re.compile(r"(?s).*(?:" + ends.pattern + ")") for ends in (_SENTENCE_END, _CLAUSE_END)}
_WINDOW = 200  # how far a sentence or clause is looked for around a hit
_CATEGORIES = ("insult", "accusation", "threat", "demand", "pestering")
_WORD = r"(?<![a-z0-9])(?:{})(?![a-z0-9])"
_OPEN_QUOTES = {"“": "”", "「": "」", "『": "』", "‘": "’", "《": "》"}
_APOS_OPEN = re.compile(r"(?<![a-z0-9])'(?=[a-z0-9])")
_APOS_CLOSE = re.compile(r"(?<=[a-z0-9.!?])'(?![a-z0-9])")
# An order in English starts its clause with the verb, or says what the writer wants/expects.
_EN_ORDER_HEAD = r"^\W*(?:(?:just|now|so|and|then|ok|okay|guys|seriously|simply|you)\W+)*(?:{})\b"
_EN_ORDER_ANY = re.compile(
    r"\b(?:i|we) (?:want|expect|demand|need|insist)\b|\byou (?:must|need to|have to|better|had better)\b"
)
_ZH_PASSIVE = re.compile(r"被[^，,。你您]{0,3}$")
_EN_PASSIVE = re.compile(r"\b(?:was|were|got|get|gets|getting|been|being)(?: \w+)?\s*$")
_EN_FUTURE = re.compile(r"\b(?:will|shall|gonna|going to|about to)\b|'ll\b")
_ZH_FUTURE = re.compile(r"[要会将就去把]")
_WORDS = re.compile(r"[a-z0-9']+|[\u4e00-\u9fff]")
_CONDITIONAL = re.compile(r"\W*(?:(?:if|unless|in case|when)\b|如果|假如|要是|若|万一)")
_REPORTED = re.compile(r"\b(?:said|says|told me|promised|claimed|wrote)\b|说|承诺|表示|告诉我|答应")
_WANTS = re.compile(r"(?:i |we )?(?:want|demand|insist|expect)\b")
_QUESTION = re.compile(r"\b(?:is|was) (?:this|it|that)(?: \w+){0,3}\W*$")
_SWEAR = re.compile(r"[*#@$!]|\b(?:f|sh|bull|damn|god|hell|wtf|crap|piss|bloody|tm|nm|cn|sb)|他妈|妈的|操|草|卧槽|靠")
_SELF_EN = re.compile(
    r"\b(?:i|i'm|im|i am|i was|i feel|i felt|i've been|i look|i looked|call me|made me|makes me|me)\b"
    r"(?: (?:like|such|so|a|an|the|complete|total|real|absolute|utter|bit|of|really|very|totally|"
    r"such an?|being|such a|an absolute|kind of|sort of|too|just|feel|felt|look|am|was)){0,4}\W*$"
)
_SELF_ZH = re.compile(
    r"(?:我|咱)(?:自己|真|真是|就是|是|太|好|简直|实在|也|都|还|有点|觉得自己)*(?:个|一个)?[^，。你您]{0,2}$"
)
_FIRST = re.compile(r"\bfirst\b|第一")
_SLOT = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Found:
    category: str
    start: int
    end: int
    suggestion: str | None


@dataclass(frozen=True)
class _Lexicon:
    en: Finder
    zh: Finder
    terms: dict  # folded form -> tuple of (category, tier)
    patterns: tuple  # (lang, finder, ((category, tier, regex), ...))
    targets_en: re.Pattern
    targets_zh: re.Pattern
    targets: re.Pattern  # either language: drafts mix them ("你们客服 are clueless")
    person_en: re.Pattern
    person_zh: re.Pattern
    soft: dict  # name -> compiled regex
    order_head: re.Pattern
    actions_zh: re.Pattern
    suggestions: dict


def _entries(raw: str) -> list[str]:
    return [item.strip() for item in re.split(r"[,\n]", raw) if item.strip()]


def _inflect(word: str) -> set[str]:
    """The word with the usual English endings; odd forms ("joked") are harmless."""
    forms = {word}
    if not word.isalpha() or len(word) < 3:
        return forms
    forms |= {word + end for end in ("s", "es", "ed", "ing", "er", "ers", "est", "ly")}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing", word + "r", word + "rs", word + "st"}
    if word.endswith("y"):
        forms |= {word[:-1] + end for end in ("ies", "ied", "ier", "iest", "ily")}
    if word[-1] in "bdgklmnprt" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        forms |= {word + word[-1] + end for end in ("ed", "ing", "er", "ers")}
    return forms


def _forms(entry: str, lang: str) -> set[str]:
    if lang == "zh":
        return {entry}
    if entry.startswith("="):
        return {entry[1:]}
    words = entry.split(" ")
    if len(words) == 1:
        forms = _inflect(entry)
        for ending in ("ed", "ing"):  # "rigged" also brings "rig", "rigs"
            if entry.endswith(ending) and len(entry) > len(ending) + 3:
                stem = entry[: -len(ending)]
                stem = stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem
                forms |= {stem, stem + "s"}
        return forms
    first = {" ".join([form] + words[1:]) for form in _inflect(words[0])}
    last = {" ".join(words[:-1] + [form]) for form in _inflect(words[-1])}
    return first | last


def _alternation(words, lang: str) -> re.Pattern:
    body = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(_WORD.format(body) if lang == "en" else body)


@cache
def _lexicon() -> _Lexicon:
    data = load_toml("tone_targeted.toml")
    terms: dict[str, list] = {"en": {}, "zh": {}}
    for category in _CATEGORIES:
        section = data[category]
        for key, raw in section.items():
            tier, _, lang = key.rpartition("_")
            if lang not in ("en", "zh") or tier not in ("strong", "weak", "urgency"):
                continue
            for entry in _entries(raw):
                for form in _forms(entry.lower(), lang):
                    terms[lang].setdefault(form, []).append((category, tier))
    patterns = []
    slots = {name: "(?:" + "|".join(_entries(raw)) + ")" for name, raw in data["slots"].items()}
    for lang in ("en", "zh"):
        compiled = []
        for line in data["patterns"][lang]:
            category, tier, regex = line.split("|", 2)
            # {name} stands for a word family of [slots]; regex counts ({0,3}) start with a digit.
            regex = _SLOT.sub(lambda found: slots[found.group(1)], regex)
            compiled.append((category, tier, re.compile(regex, re.ASCII if lang == "en" else 0)))
        finder = start_finder([c[2].pattern for c in compiled], lang == "en", re.ASCII if lang == "en" else 0)
        patterns.append((lang, finder, tuple(compiled)))
    soft = {name: re.compile(value) for name, value in data["softeners"].items()}
    actions_en = [re.escape(a) + r"\w*" for a in _entries(data["demand"]["action_en"])]
    # \b with re.ASCII is the cheapest word-start gate ("你们support" has one before s).
    en_terms = "(?:" + trie_pattern(terms["en"]) + r")(?![a-z0-9])"
    en_regex = r"\b(?=[a-z])" + en_terms
    en = Finder(lambda: [re.compile(en_regex, re.ASCII)], [en_terms], True, re.ASCII, en_regex)
    zh = trie(terms["zh"])  # split by first character: see fastre
    # Rules, patterns and words of one language: one pass over the draft finds where any of them
    # may match (fastre.share); each then looks only there.
    passes = rules._compiled()[0]
    # The English words stay apart: their trie through fastre would cost ~0.5 s at start-up.
    fastre.share(passes[0].master, patterns[0][1])
    fastre.share(passes[1].master, patterns[1][1], zh)
    return _Lexicon(
        en=en,
        zh=zh,
        terms={form: tuple(v) for lang in terms for form, v in terms[lang].items()},
        patterns=tuple(patterns),
        targets_en=_alternation(_entries(data["targets"]["en"]), "en"),
        targets_zh=_alternation(_entries(data["targets"]["zh"]), "zh"),
        targets=re.compile(
            _alternation(_entries(data["targets"]["en"]), "en").pattern
            + "|"
            + _alternation(_entries(data["targets"]["zh"]), "zh").pattern
        ),
        person_en=_alternation(_entries(data["person"]["en"]), "en"),
        person_zh=re.compile(r"(?<!给)(?<!把)(?<!让)(?<!叫)(?<!和)(?:我|咱)(?!的|们的)"),
        soft=soft,
        order_head=re.compile(_EN_ORDER_HEAD.format("|".join(actions_en))),
        actions_zh=_alternation(_entries(data["demand"]["action_zh"]), "zh"),
        suggestions=data["suggestions"],
    )


def prepare() -> None:
    """Load the word lists, and let each language's rules, patterns and words share one pass."""
    _lexicon()


def _bounds(folded: str, start: int, end: int, ends: re.Pattern) -> tuple[int, int]:
    low = max(0, start - _WINDOW)
    # Greedy ".*" then a delimiter: the last delimiter before `start`, found in one C-level match.
    last = _LAST[ends].match(folded, low, start)
    head = last.end() if last else low
    tail = ends.search(folded, end, min(len(folded), end + _WINDOW))
    return head, tail.start() if tail else min(len(folded), end + _WINDOW)


def _quoted(folded: str, head: int, start: int) -> bool:
    before = folded[head:start]
    for opening, closing in _OPEN_QUOTES.items():
        if before.count(opening) > before.count(closing):
            return True
    if before.count('"') % 2:
        return True
    return len(_APOS_OPEN.findall(before)) > len(_APOS_CLOSE.findall(before))


def _has(pattern: re.Pattern, folded: str, low: int, high: int, skip: tuple[int, int]) -> bool:
    """True when `pattern` matches in [low, high) outside the span `skip`."""
    return bool(pattern.search(folded, low, skip[0]) or pattern.search(folded, skip[1], high))


def _alone(folded: str, head: int, tail: int, start: int, end: int, zh: bool, most: int = 2) -> bool:
    """True when the clause is little more than the word: a vocative ("…, thieves.", 一群骗子)."""
    if start - head > 40 or tail - end > 40:
        return False
    rest = _WORDS.findall(folded, head, start) + _WORDS.findall(folded, end, tail)
    return len(rest) <= (most + 1 if zh else most)


def _last_is_self(lex: _Lexicon, folded: str, head: int, start: int, zh: bool) -> bool:
    """True when the nearest person named before `start` in the clause is the writer."""
    person = lex.person_zh if zh else lex.person_en
    target = lex.targets
    last_self = max((m.start() for m in person.finditer(folded, head, start)), default=-1)
    last_target = max((m.start() for m in target.finditer(folded, head, start)), default=-1)
    # The writer must also be the one described ("I was an idiot", 我真是个傻子), not the one
    # who met the idiots ("I've never dealt with such idiots").
    return last_self > last_target and bool((_SELF_ZH if zh else _SELF_EN).search(folded, head, start))


def _judge(
    lex: _Lexicon, folded: str, start: int, end: int, category: str, tier: str, zh: bool
) -> tuple[int, int] | None:
    """The span to flag for a hit, or None when its context takes the sting out."""
    s_head, s_tail = _bounds(folded, start, end, _SENTENCE_END)
    c_head, c_tail = _bounds(folded, start, end, _CLAUSE_END)
    soft = lex.soft
    if soft["benign_after"].match(folded, end) or soft["benign_before"].search(folded, max(s_head, start - 24), start):
        return None
    if _quoted(folded, s_head, start) or soft["quoted_after"].search(folded, s_head, start):
        return None
    targets = lex.targets
    # Chinese puts the topic before a comma ("你们的客服，真是一群饭桶"): the sentence counts.
    t_head, t_tail = (s_head, s_tail) if zh else (c_head, c_tail)
    targeted = _has(targets, folded, t_head, t_tail, (start, end)) or _alone(folded, c_head, c_tail, start, end, zh)
    polite, rights = rules._compiled()[1:]
    context = rules._context()
    if category in ("insult", "accusation", "threat"):
        if soft["hearsay"].search(folded, s_head, start):
            return None
        if context["distanced"].search(folded, c_head, start):
            return None
        third_scope = (c_head, c_tail) if category == "insult" else (s_head, s_tail)
        if _has(context["third_party"], folded, *third_scope, (start, end)):
            return None
    if category in ("insult", "accusation") or tier == "weak":
        negation = soft["negation_zh"] if zh else soft["negation_en"]
        if negation.search(folded, c_head, start):
            return None
    if category == "insult":
        if _last_is_self(lex, folded, c_head, start, zh):
            return None
        if tier == "weak" and not targeted:
            return None
        return start, end
    if category == "accusation":
        if tier == "weak":
            if polite.search(folded, s_head, s_tail) or _QUESTION.search(folded, c_head, start):
                return None  # a question put politely ("请问是你们发的还是骗局")
            before = targets.search(folded, max(t_head, start - 60), start)
            if before and _quoted(folded, s_head, before.start()):
                before = None  # "a video promising 'double your BTC' was a scam"
            after = targets.match(folded, end, min(t_tail, end + 12)) or targets.search(
                folded, end, min(t_tail, end + 12)
            )
            if not (before or after or _alone(folded, c_head, c_tail, start, end, zh)):
                return None
            if _last_is_self(lex, folded, c_head, start, zh):
                return None
            if zh and _ZH_PASSIVE.search(folded, max(c_head, start - 4), start):
                return None
            if (
                not zh
                and not folded[start:end].endswith("ing")
                and _EN_PASSIVE.search(folded, max(c_head, start - 16), start)
            ):
                return None
    elif category == "threat":
        if tier == "weak":
            person = lex.person_zh if zh else lex.person_en
            future = _ZH_FUTURE if zh else _EN_FUTURE
            if not targeted or not person.search(folded, c_head, c_tail):
                return None
            if not future.search(folded, c_head, c_tail):
                return None
            if rights.search(folded, s_head, s_tail):
                return None
    elif category == "demand":
        if polite.search(folded, s_head, end) or _REPORTED.search(folded, c_head, start):
            return None
        wants = _WANTS.match(folded, start) or (not zh and _EN_ORDER_ANY.search(folded, c_head, start))
        if not wants and soft["self_urgent"].search(folded, c_head, start):
            return None
        if tier == "urgency" and _alone(folded, s_head, s_tail, start, end, zh, 0):
            pass  # "Now." or "Today!" on its own after an order
        elif tier == "urgency":
            # A deadline the writer asks about, or one stated in a conditional, is no order.
            if polite.search(folded, s_head, s_tail) or _CONDITIONAL.match(folded, c_head, start):
                return None
            if rights.search(folded, s_head, s_tail):
                return None
            if soft["self_urgent"].search(folded, c_head, start):
                return None
            if zh:
                if not lex.actions_zh.search(folded, start, c_tail) and not lex.actions_zh.search(
                    folded, c_head, start
                ):
                    return None
            elif not (lex.order_head.search(folded[c_head:c_tail]) or _EN_ORDER_ANY.search(folded, c_head, c_tail)):
                return None
    elif category == "pestering":
        if _FIRST.search(folded, c_head, c_tail) or soft["other_party"].search(folded, c_head, c_tail):
            return None
        if soft["other_matter"].search(folded, s_head, s_tail):
            return None  # "my third message, but a different issue each time"
    # Whole clause, so the calmer sentence replaces it.
    while c_head < c_tail and folded[c_head].isspace():
        c_head += 1
    while c_tail > c_head and folded[c_tail - 1].isspace():
        c_tail -= 1
    return (c_head, c_tail) if c_head < c_tail else (start, end)


def _suggestion(lex: _Lexicon, category: str, zh: bool) -> str | None:
    return lex.suggestions.get(f"{category}_{'zh' if zh else 'en'}")


def vetoed(category: str, folded: str, start: int, end: int) -> bool:
    """True when a specific rule's hit is quoted, an insult is about the writer ("I'm an idiot, I
    sent it to the wrong chain"), an order is the writer's own plan ("I'll send it now") or the
    counted calls went to someone else ("I called my bank three times")."""
    lex = _lexicon()
    s_head, _ = _bounds(folded, start, end, _SENTENCE_END)
    if _quoted(folded, s_head, start) or lex.soft["quoted_after"].search(folded, s_head, start):
        return True
    c_head, c_tail = _bounds(folded, start, end, _CLAUSE_END)
    if category == "pestering":
        s_tail = _bounds(folded, start, end, _SENTENCE_END)[1]
        return bool(
            lex.soft["other_party"].search(folded, c_head, c_tail)
            or lex.soft["other_matter"].search(folded, s_head, s_tail)
        )
    if category not in ("insult", "demand"):
        return False
    zh = not folded[start:end].isascii()
    targets = lex.targets_zh if zh else lex.targets_en
    if targets.search(folded, start, end):
        return False  # "you idiots" names its target
    if category == "insult":
        # Swearing is rude whoever it is about ("I am so f**king tired"); name-calling is not.
        return not _SWEAR.search(folded, start, end) and _last_is_self(lex, folded, c_head, start, zh)
    return bool(lex.soft["self_urgent"].search(folded, c_head, start))


def find(text: str, folded: str) -> list[Found]:
    """Targeted findings in `text` (`folded` = fold(text)), left to right; they may overlap."""
    lex = _lexicon()
    found: list[Found] = []
    for zh, regex in ((False, lex.en), (True, lex.zh)):
        for match in regex.finditer(folded):
            for category, tier in lex.terms.get(match.group(), ()):
                span = _judge(lex, folded, match.start(), match.end(), category, tier, zh)
                if span is not None:
                    found.append(Found(category, *span, _suggestion(lex, category, zh)))
                    break
    for lang, finder, compiled in lex.patterns:
        zh = lang == "zh"
        pos, scan = 0, finder.scanner(folded)
        while True:
            hit = scan.search(pos)
            if hit is None:
                break
            pos = hit.start() + 1
            for category, tier, regex in compiled:
                match = regex.match(folded, hit.start())
                if match is None or match.end() == match.start():
                    continue
                span = _judge(lex, folded, match.start(), match.end(), category, tier, zh)
                if span is not None:
                    found.append(Found(category, *span, _suggestion(lex, category, zh)))
                    pos = match.end()
                    break
    found.sort(key=lambda f: (f.start, -f.end))
    return found
