"""Privacy guard: find secrets and personal ID numbers in zh/en text, and redact them.

Everything support needs (UIDs, order IDs, TxIDs, addresses, amounts, emails) is left alone;
what could empty an account or steal an identity is a "block" finding, personal but sometimes
useful data (a phone number) a "warn" one. No Textual here: the wizard and `okx-helper check`
both call scan().
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from okx_helper.i18n import t

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
        return {"kind": self.kind, "severity": self.severity, "start": self.start, "end": self.end,
                "message": self.message}

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
    lang = lang if lang in ("en", "zh") else "en"
    return [
        Finding(kind, "block" if kind in BLOCKING_KINDS else "warn", start, end, t(f"privacy.msg_{kind}", lang))
        for start, end, kind in chosen
    ]


def redact(text: str, findings: Iterable[Finding], lang: str) -> str:
    """Replace each finding's span by a marker in the email's language; nothing else changes."""
    lang = lang if lang in ("en", "zh") else "en"
    out = []
    pos = 0
    for finding in sorted(findings, key=lambda f: (f.start, f.end)):
        if finding.start < pos or finding.end > len(text) or finding.start >= finding.end:
            continue  # stale or overlapping span: never cut into text already replaced
        out.append(text[pos:finding.start])
        out.append(t("privacy.redacted", lang, label=kind_label(finding.kind, lang)))
        pos = finding.end
    out.append(text[pos:])
    return "".join(out)


def _candidates(text: str) -> list[tuple[int, int, str]]:
    from okx_helper.privacy import keys, labelled, numbers, seeds

    found: list[tuple[int, int, str]] = []
    seed_labels: list[tuple[int, int]] = []
    for start, end, kind in labelled.find(text):
        if kind == "seed_label":
            seed_labels.append((start, end))
        else:
            found.append((start, end, kind))

    def labelled_at(pos: int) -> bool:
        return any(pos - 80 <= start <= pos + 12 for start, _ in seed_labels)

    for start, end in seeds.find(text, labelled_at):
        for label_start, value_start in seed_labels:
            # A Chinese label's characters can be list words too: the phrase starts after it.
            if start <= label_start < end:
                start = max(start, value_start)
        if end > start:
            found.append((start, end, "seed_phrase"))
    found += keys.find(text)
    found += numbers.find(text, lambda pos: _card_words_before(text, pos))
    return found


def _card_words_before(text: str, pos: int, reach: int = 40) -> bool:
    from okx_helper.privacy import rules
    from okx_helper.privacy.context import bounded_matches

    index = rules.label_index()
    for match in bounded_matches(rules.label_regex(), text, max(0, pos - reach), pos):
        if index.get(rules.normalise(match.group())) == "bank_card":
            return True
    return False


def _drop_known(text: str, spans, known: Iterable[str]):
    values = {v.strip() for v in known if v and v.strip()}
    if not values or not spans:
        return spans
    inside: list[tuple[int, int]] = []
    for value in values:
        pos = text.find(value)
        while pos != -1:
            inside.append((pos, pos + len(value)))
            pos = text.find(value, pos + 1)
    return [
        (s, e, k)
        for s, e, k in spans
        if text[s:e].strip() not in values and not any(a <= s and e <= b for a, b in inside)
    ]


def _resolve(spans) -> list[tuple[int, int, str]]:
    """Keep the most important of overlapping spans: blocking before warn, then the longest."""
    ranked = sorted(
        set(spans), key=lambda s: (s[2] not in BLOCKING_KINDS, -(s[1] - s[0]), s[0])
    )
    kept: list[tuple[int, int, str]] = []
    for span in ranked:
        if span[1] <= span[0]:
            continue
        if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
            kept.append(span)
    return sorted(kept)
