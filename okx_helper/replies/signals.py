"""What a reply's text says: danger signs (zh and en) and how useful it is.

The word lists live in okx_helper/data/replies.toml. A danger is a request, not a mention:
"never share your 2FA code" is the advice a genuine reply gives, "reply with your 2FA code"
is phishing. So a sensitive term counts only when a request verb governs it (close before it,
or a list under "reply with:"), and not inside a warning: sentences are split into clauses,
and a warning word (never, 切勿, scam …) covers the clauses after it until one starts a new
request ("please …", "请…").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from okx_helper.base.resources import load_toml

__all__ = ["find_dangers", "judge_usefulness", "sentences"]

# A period after a digit is a list number ("1. Your UID") or a decimal, not a sentence end.
_SENTENCE_SPLIT = re.compile(r"(?<=[^\d][.!?])\s+|[;。！？；]+")
_CLAUSE_SPLIT = re.compile(r"[,，、:：]|\s[-–—]\s")
_LIST_ITEM = re.compile(r"^\s*(?:\d{1,2}[.)、．]|[-*•·]|[一二三四五六七八九十][、.．]|\(\d{1,2}\))\s*")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# How far a request verb may stand before the thing it asks for, or after it in the same
# clause ("… is required"), in characters.
_VERB_REACH = 60
_AFTER_REACH = 30
# Usefulness is judged on the start of the reply: what support wrote is never longer than this.
_USEFUL_CHARS = 100_000
_MAX_PER_KIND = 2


def _rx(pattern: str) -> re.Pattern | None:
    return re.compile(pattern, re.IGNORECASE) if pattern else None


def _either(data: dict, stem: str) -> re.Pattern | None:
    """One pattern from stem_en and stem_zh: the text may mix both languages."""
    parts = [data.get(f"{stem}_{lang}", "") for lang in ("en", "zh")]
    parts = [p for p in parts if p]
    return _rx("|".join(f"(?:{p})" for p in parts)) if parts else None


@lru_cache(maxsize=1)
def _rules():
    data = load_toml("replies.toml")
    neg = data["negation"]
    rules = []
    for rule in data["danger"]:
        rules.append(
            {
                "kind": rule["kind"],
                "terms": _either(rule, "terms"),
                "verbs": _either(data["verbs"], rule["verbs"]) if rule.get("verbs") else None,
                "except": _either(rule, "except"),
                "needs": _either(rule, "needs"),
                "strict": rule.get("negation") == "strict",
            }
        )
    return {
        "rules": rules,
        "negation": _rx(f"(?:{neg['en']})|(?:{neg['zh']})"),
        "strict": _either(neg, "strict"),
        "conditional": _either(neg, "conditional"),
        "request_start": _either(neg, "request_start"),
        "judgment": _either(neg, "judgment"),
        "usefulness": data["usefulness"],
    }


_LINE_END = re.compile(r"[.!?。！？:：;；]\s*$")


def _unwrap(lines: list[str]) -> list[str]:
    """Join lines a mail program wrapped at ~76 columns back into the sentence they belong to.

    A line continues on the next when it has no closing punctuation and is long (a wrap, not a
    greeting or a signature), or the next line starts in lower case; list items stay apart.
    """
    out: list[str] = []
    for line in lines:
        stripped = line.strip()
        if (
            out
            and stripped
            and out[-1].strip()
            and not _LINE_END.search(out[-1])
            and not _LIST_ITEM.match(stripped)
            and (len(out[-1].strip()) >= (30 if _CJK.search(out[-1]) else 60) or stripped[0].islower())
        ):
            joiner = "" if _CJK.search(out[-1][-1:]) and _CJK.search(stripped[:1]) else " "
            out[-1] = out[-1].rstrip() + joiner + stripped
        else:
            out.append(line)
    return out


def sentences(text: str) -> list[str]:
    """The text cut into sentences (English and Chinese punctuation, and line breaks).

    Wrapped lines are joined first. A list under a line ending in a colon ("Please reply with:" /
    "1. your password") is read as that line plus each item, so the request reaches every item.
    """
    out: list[str] = []
    lead = None
    for line in _unwrap(text.split("\n")):
        stripped = line.strip()
        if not stripped:
            lead = None
            continue
        if lead is not None and _LIST_ITEM.match(stripped):
            out.append(f"{lead} {_LIST_ITEM.sub('', stripped)}")
            continue
        lead = stripped if stripped.endswith((":", "：")) else None
        out.extend(part.strip() for part in _SENTENCE_SPLIT.split(stripped) if part and part.strip())
    return out


def _negated(clause: str, negation: re.Pattern, conditional: re.Pattern) -> bool:
    # "if you do not confirm …" contains "not" but still demands: drop those phrases first.
    return bool(negation.search(conditional.sub(" ", clause)))


def _excerpt(sentence: str, limit: int = 160) -> str:
    sentence = re.sub(r"\s+", " ", sentence).strip()
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def find_dangers(text: str) -> list[dict]:
    """Danger signs in the text: [{"kind", "excerpt"}], at most two per kind, in text order."""
    cfg = _rules()
    # Full-width letters ("ｓｅｅｄ ｐｈｒａｓｅ") read as the plain ones.
    text = unicodedata.normalize("NFKC", text)
    # Wrapped lines joined first, so a term split over two lines ("verification\ncode") is seen.
    text = "\n".join(_unwrap(text.split("\n")))
    found: list[dict] = []
    counts: dict[str, int] = {}
    # One pass over the whole text first: most rules never match, and a 1 MB paste stays quick.
    rules = [rule for rule in cfg["rules"] if rule["terms"].search(text)]
    if not rules:
        return found
    any_term = _any_term(tuple(rule["kind"] for rule in rules))
    for sentence in sentences(text):
        if not any_term.search(sentence):
            continue
        clauses = _clauses(sentence)
        for rule in rules:
            kind = rule["kind"]
            if counts.get(kind, 0) >= _MAX_PER_KIND or not rule["terms"].search(sentence):
                continue
            if rule["needs"] is not None and not rule["needs"].search(sentence):
                continue
            negation = cfg["strict"] if rule["strict"] else cfg["negation"]
            hit = {"kind": kind, "excerpt": _excerpt(sentence)}
            if hit not in found and _rule_hits(rule, sentence, clauses, negation, cfg):
                counts[kind] = counts.get(kind, 0) + 1
                found.append(hit)
    return found


@lru_cache(maxsize=64)
def _any_term(kinds: tuple[str, ...]) -> re.Pattern:
    """One pattern for the terms of these rules, to skip sentences none of them mention."""
    rules = [rule for rule in _rules()["rules"] if rule["kind"] in kinds]
    return re.compile("|".join(f"(?:{rule['terms'].pattern})" for rule in rules), re.IGNORECASE)


def _clauses(sentence: str) -> list[tuple[int, int]]:
    """(start, end) of each clause in the sentence."""
    spans, start = [], 0
    for match in _CLAUSE_SPLIT.finditer(sentence):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(sentence)))
    return [(a, b) for a, b in spans if sentence[a:b].strip()]


def _asked(rule: dict, sentence: str, term: re.Match, clause: tuple[int, int]) -> bool:
    """Whether a request verb governs this mention of the term.

    Same clause: a verb shortly before it, or shortly after ("… is required"). From an earlier
    clause only when the term opens its own clause, as in a list ("reply with: your password").
    """
    if rule["verbs"] is None:
        return True
    start, end = clause
    offset = term.start() - start
    opens_clause = offset <= (5 if _CJK.search(sentence[start : term.start()]) else 20)
    for verb in rule["verbs"].finditer(sentence):
        if verb.end() <= term.start():
            if term.start() - verb.end() > _VERB_REACH:
                continue
            if verb.start() >= start or opens_clause:
                return True
        elif verb.start() >= term.end() and verb.end() <= end and verb.start() - term.end() <= _AFTER_REACH:
            return True
    return False


def _judged_later(sentence: str, clauses: list[tuple[int, int]], cfg: dict) -> bool:
    """True when a later clause calls the earlier ones a scam and none of them is a request."""
    if len(clauses) < 2 or not cfg["judgment"].search(sentence):
        return False
    for start, end in clauses:
        clause = sentence[start:end]
        if cfg["request_start"].search(clause):
            return False
        if cfg["judgment"].search(clause):
            return True
    return False


def _rule_hits(rule: dict, sentence: str, clauses: list[tuple[int, int]], negation: re.Pattern, cfg: dict) -> bool:
    """True when a mention of the rule's term is asked for, not under a warning, not an exception."""
    warned = _judged_later(sentence, clauses, cfg)
    for start, end in clauses:
        clause = sentence[start:end]
        if _negated(clause, negation, cfg["conditional"]):
            warned = True
        elif cfg["request_start"].search(clause):
            warned = False
        if warned:
            continue
        if rule["except"] is not None and rule["except"].search(clause):
            continue
        for term in rule["terms"].finditer(sentence, start, end):
            if _asked(rule, sentence, term, (start, end)):
                return True
    return False


# -- usefulness ----------------------------------------------------------------------------

_ID_RE = re.compile(r"\b(?:0x)?[A-Za-z0-9]{8,}\b")
_COINS = {
    "BTC",
    "ETH",
    "USDT",
    "USDC",
    "TRX",
    "SOL",
    "XRP",
    "DOGE",
    "LTC",
    "BNB",
    "TON",
    "ADA",
    "DOT",
    "MATIC",
    "POL",
    "OKB",
    "AVAX",
    "SHIB",
    "LINK",
    "ARB",
    "OP",
    "DAI",
    "BCH",
    "ETC",
    "FIL",
    "ATOM",
    "NEAR",
    "APT",
    "SUI",
    "PEPE",
    "XLM",
    "EOS",
}
_STOP = set(
    """
this that with have from your about what when will would there their they them been were which
please could should into just also only some more very than then does here help need want know
dear hello thanks thank regards support team okx user since after before still already
""".split()
)


def _ids(text: str) -> set[str]:
    return {
        m.group(0).lower().removeprefix("0x") for m in _ID_RE.finditer(text) if any(ch.isdigit() for ch in m.group(0))
    }


def _coins(text: str) -> set[str]:
    return {w for w in re.findall(r"[A-Za-z]{2,6}", text) if w.upper() == w and w in _COINS} | {
        w.upper() for w in re.findall(r"(?i)\b(usdt|usdc|bitcoin|btc|eth|ether|trx|sol)\b", text)
    }


@lru_cache(maxsize=1)
def _topic_patterns() -> dict[str, re.Pattern]:
    """One pattern per topic: Chinese words as they are, English words at a word start."""
    out = {}
    for topic, words in _rules()["usefulness"]["topics"].items():
        parts = [re.escape(w) if _CJK.search(w) else r"\b" + re.escape(w) for w in words]
        out[topic] = re.compile("|".join(parts), re.IGNORECASE)
    return out


def _topics(text: str) -> set[str]:
    return {topic for topic, pattern in _topic_patterns().items() if pattern.search(text)}


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _STOP}


def _id_mentioned(identifier: str, reply_lower: str, reply_ids: set[str]) -> bool:
    if identifier in reply_lower:
        return True
    # Long TxIDs are often shortened in replies ("3fa1c9…be07"): a long enough head or tail counts.
    if len(identifier) >= 16:
        return (
            any(len(rid) >= 6 and (identifier.startswith(rid) or identifier.endswith(rid)) for rid in reply_ids)
            or identifier[:10] in reply_lower
            or identifier[-10:] in reply_lower
        )
    return False


def answers_question(question: str, reply: str) -> bool:
    """Whether the reply is about the question: its identifiers, coins and topics (zh or en)."""
    reply_lower = reply.lower()
    reply_ids = _ids(reply)
    q_ids = _ids(question)
    if any(_id_mentioned(i, reply_lower, reply_ids) for i in q_ids):
        return True
    shared_topics = _topics(question) & _topics(reply)
    shared_coins = _coins(question) & _coins(reply)
    shared_words = _words(question) & _words(reply)
    if len(shared_topics) >= 2:
        return True
    if shared_topics and (shared_coins or len(shared_words) >= 3):
        return True
    return bool(shared_coins) and len(shared_words) >= 3


def judge_usefulness(text: str, question: str | None = None) -> dict:
    """The usefulness block of the report."""
    text = text[:_USEFUL_CHARS]
    use = _rules()["usefulness"]
    steps = _either(use, "steps")
    items = re.findall(use["list_item"], text)
    step_hits = len(steps.findall(text))
    return {
        "answers_question": None if not (question and question.strip()) else answers_question(question, text),
        "concrete_steps": len(items) >= 2 or step_hits >= 2 or (len(items) >= 1 and step_hits >= 1),
        "follow_up_promised": bool(_either(use, "follow").search(text)),
        "polite": bool(_either(use, "polite").search(text)),
    }
