"""Privacy guard: find secrets and personal ID numbers in zh/en text, and redact them.

Everything support needs (UIDs, order IDs, TxIDs, addresses, amounts, emails) is left alone;
what could empty an account or steal an identity is a "block" finding, personal but sometimes
useful data (a phone number) a "warn" one. No Textual here: the wizard and `okx-helper check`
both call scan().
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from okx_helper.base.i18n import t

BLOCKING_KINDS = (
    "password",
    "seed_phrase",
    "private_key",
    "api_secret",
    "verification_code",
    "id_document",
    "bank_card",
)
WARN_KINDS = ("phone",)
KINDS = BLOCKING_KINDS + WARN_KINDS


@dataclass(frozen=True)
class Finding:
    """One span of text that should not be sent, and why."""

    kind: str
    severity: str  # "block" or "warn"
    start: int
    end: int
    message: str

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "message": self.message,
        }

    @property
    def blocking(self) -> bool:
        return self.severity == "block"


def kind_label(kind: str, lang: str) -> str:
    """The short human name of a finding kind ("password", "助记词")."""
    return t(f"privacy.kind_{kind}", lang)


def scan(text: str, lang: str = "en", *, known: Iterable[str] = ()) -> list[Finding]:
    """Findings in text, sorted and non-overlapping; messages in `lang`.

    `known` holds the user's own profile values (registered email, UID, nickname): a span that
    is one of them is never a finding.
    """
    if not text:
        return []
    spans = _candidates(text)
    spans = _drop_known(text, spans, known)
    chosen = _resolve(spans)
    lang = _lang(lang)
    return [
        Finding(kind, "block" if kind in BLOCKING_KINDS else "warn", start, end, t(f"privacy.msg_{kind}", lang))
        for start, end, kind in chosen
    ]


def redact(text: str, findings: Iterable[Finding], lang: str) -> str:
    """Replace each finding's span by a marker in the email's language; nothing else changes."""
    lang = _lang(lang)
    out = []
    pos = 0
    for finding in sorted(findings, key=lambda f: (f.start, f.end)):
        if finding.start < pos or finding.end > len(text) or finding.start >= finding.end:
            continue  # stale or overlapping span: never cut into text already replaced
        out.append(text[pos : finding.start])
        out.append(t("privacy.redacted", lang, label=kind_label(finding.kind, lang)))
        pos = finding.end
    out.append(text[pos:])
    return "".join(out)


def warm_up() -> None:
    """Load the word lists and compile the patterns now (~0.1 s), e.g. from a worker thread,
    so that the first scan as the user types is as fast as the others."""
    from okx_helper.guards.privacy import numbers

    scan("password: x1 1.0 seed abandon 的 0x" + "0" * 64)
    numbers.luhn_valid("4111111111111111")


def _lang(lang: str) -> str:
    return "zh" if str(lang).lower().startswith("zh") else "en"


# Full-width ASCII ("１２３４５６", "：") and odd spaces become their plain forms, one character
# for one, so every offset stays valid for the original text.
_PLAIN = {0xFF01 + i: 0x21 + i for i in range(94)}
_PLAIN.update({0x3000: 0x20, 0x00A0: 0x20, 0x2007: 0x20, 0x202F: 0x20})
# Full-width punctuation ("：，（）") is common in Chinese and the patterns accept it as it is;
# only full-width letters and digits, or odd spaces, are worth the per-character translation.
_UNPLAIN = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000\u00a0\u2007\u202f]")


def _candidates(text: str) -> list[tuple[int, int, str]]:
    from okx_helper.guards.privacy import keys, labelled, numbers, seeds

    if _UNPLAIN.search(text):
        text = text.translate(_PLAIN)  # per-character work: only when there is something to do

    found: list[tuple[int, int, str]] = []
    seed_labels: list[tuple[int, int]] = []
    for start, end, kind in labelled.find(text):
        if kind == "seed_label":
            seed_labels.append((start, end))
        else:
            found.append((start, end, kind))

    label_starts = [start for start, _ in seed_labels]  # already in text order

    def labelled_at(pos: int) -> bool:
        i = bisect.bisect_left(label_starts, pos - 80)
        return i < len(label_starts) and label_starts[i] <= pos + 12

    found_seeds = set(seeds.find(text, labelled_at, [value_start for _, value_start in seed_labels]))
    for start, end in sorted(found_seeds):
        # A Chinese label's characters can be list words too: the phrase starts after it.
        i = bisect.bisect_left(label_starts, start)
        while i < len(label_starts) and label_starts[i] < end:
            start = max(start, seed_labels[i][1])
            i += 1
        if end > start:
            found.append((start, end, "seed_phrase"))
    found += keys.find(text)
    found += numbers.find(text, lambda pos: _card_words_before(text, pos))
    return found


def _card_words_before(text: str, pos: int, reach: int = 40) -> bool:
    from okx_helper.guards.privacy import rules
    from okx_helper.guards.privacy.context import bounded_matches

    index = rules.label_index()
    lo = max(0, pos - reach)
    for match in bounded_matches(rules.label_regex(), text, lo, pos):
        if index.get(rules.normalise(match.group())) == "bank_card":
            return True
    # "card: 4539…": a plain "card" is enough before a number that passed the Luhn check
    return next(bounded_matches(rules.word_regex("context", "card_words"), text, lo, pos), None) is not None


def _drop_known(text: str, spans, known: Iterable[str]):
    values = {v.strip() for v in known if v and v.strip()}
    if not values or not spans:
        return spans

    def inside_known(start: int, end: int) -> bool:
        # a known value that covers the whole span, looked up around the span only
        for value in values:
            lo = max(0, end - len(value))
            pos = text.find(value, lo, start + len(value))
            if pos != -1 and pos <= start and end <= pos + len(value):
                return True
        return False

    return [(s, e, k) for s, e, k in spans if text[s:e].strip() not in values and not inside_known(s, e)]


# On the very same span, the more specific detector wins: a base32 string after "密钥" near
# 2FA words is an authenticator secret rather than an API secret.
_SPECIFIC = (
    "seed_phrase",
    "private_key",
    "verification_code",
    "api_secret",
    "password",
    "id_document",
    "bank_card",
    "phone",
)


def _resolve(spans) -> list[tuple[int, int, str]]:
    """Keep the most important of overlapping spans: blocking before warn, then the longest."""
    ranked = sorted(set(spans), key=lambda s: (s[2] not in BLOCKING_KINDS, -(s[1] - s[0]), s[0], _SPECIFIC.index(s[2])))
    starts: list[int] = []  # kept spans, sorted by start; they never overlap each other
    ends: list[int] = []
    kept: dict[int, tuple[int, int, str]] = {}
    for span in ranked:
        start, end = span[0], span[1]
        if end <= start:
            continue
        i = bisect.bisect_left(starts, start)
        if i < len(starts) and starts[i] < end:
            continue  # a kept span starts inside this one
        if i and ends[i - 1] > start:
            continue  # the kept span before reaches into this one
        starts.insert(i, start)
        ends.insert(i, end)
        kept[start] = span
    return [kept[start] for start in starts]
