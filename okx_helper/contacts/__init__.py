"""OKX's official channels, and a verdict on any address a user means to write to.

The directory comes from data/channels.toml (every entry with its source and date). The
verdict is offline: email-validator for syntax (never DNS), okx_helper.contacts.lookalike for domains
that imitate okx.com, and a look at the local part and display name for impersonation.

May import okx_helper.base only.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from okx_helper.base.i18n import t
from okx_helper.base.resources import load_toml
from okx_helper.contacts import lookalike

DEFAULT_ADDRESS = "support@okx.com"  # general support: where a new draft goes
VERDICTS = ("official", "legacy", "lookalike", "freemail_impersonation", "unrelated", "invalid")
KINDS = ("email", "chat", "web")
LANGS = ("en", "zh")
# An address has at most 254 characters; leave room for a display name around it.
MAX_INPUT = 1000
LOCAL_MAX = 64


# ---------------------------------------------------------------- the directory
@dataclass(frozen=True)
class Channel:
    """One official way to reach OKX, with where we read it and when."""

    id: str
    kind: str  # "email" | "chat" | "web"
    address: str | None
    url: str | None
    purpose: dict[str, str]
    notes: dict[str, str]
    source: str
    verified_on: str  # ISO date
    categories: tuple[str, ...] = ()  # wizard categories this channel is meant for; empty = general

    def text(self, field: str, lang: str) -> str:
        """`purpose` or `notes` in `lang`, English when that language is missing."""
        values = getattr(self, field)
        return values.get(lang) or values.get("en", "")


def _channel(entry: dict, index: int) -> Channel:
    where = f"channels.toml entry {index + 1} ({entry.get('id', '?')})"
    for key in ("id", "kind", "source", "verified_on"):
        if not isinstance(entry.get(key), str) or not entry[key]:
            raise ValueError(f"{where}: '{key}' is required")
    if entry["kind"] not in KINDS:
        raise ValueError(f"{where}: kind must be one of {KINDS}")
    if entry["kind"] == "email" and not entry.get("address"):
        raise ValueError(f"{where}: an email channel needs an address")
    if entry["kind"] != "email" and not entry.get("url"):
        raise ValueError(f"{where}: a {entry['kind']} channel needs a url")
    if not entry["source"].startswith("https://"):
        raise ValueError(f"{where}: source must be an https URL")
    date.fromisoformat(entry["verified_on"])  # raises on a bad date
    for key in ("purpose", "notes"):
        texts = entry.get(key)
        if not isinstance(texts, dict) or not all(texts.get(lang) for lang in LANGS):
            raise ValueError(f"{where}: '{key}' needs en and zh texts")
    address = entry.get("address")
    if address and not lookalike.is_official_domain(address.rpartition("@")[2]):
        raise ValueError(f"{where}: {address} is not on okx.com")
    return Channel(
        id=entry["id"],
        kind=entry["kind"],
        address=address,
        url=entry.get("url"),
        purpose=dict(entry["purpose"]),
        notes=dict(entry["notes"]),
        source=entry["source"],
        verified_on=entry["verified_on"],
        categories=tuple(entry.get("categories", ())),
    )


@lru_cache(maxsize=1)
def _channels() -> tuple[Channel, ...]:
    entries = load_toml("channels.toml").get("channel", [])
    result = tuple(_channel(entry, i) for i, entry in enumerate(entries))
    ids = [c.id for c in result]
    if len(ids) != len(set(ids)):
        raise ValueError("channels.toml: channel ids must be unique")
    return result


def channels() -> list[Channel]:
    """All official channels, in the order of data/channels.toml (validated on first load)."""
    return list(_channels())


def email_channels() -> list[Channel]:
    """The channels one writes an email to."""
    return [c for c in _channels() if c.kind == "email"]


def default_address_for(category: str) -> str:
    """The address to write to for a wizard category: p2p -> p2p@okx.com, else support@okx.com."""
    for channel in email_channels():
        if category and category in channel.categories:
            return channel.address or DEFAULT_ADDRESS
    return DEFAULT_ADDRESS


def channel_for_address(address: str) -> Channel | None:
    """The directory entry for an address, compared as mail systems do (domain case ignored)."""
    local, _, domain = address.strip().rpartition("@")
    for channel in email_channels():
        c_local, _, c_domain = (channel.address or "").rpartition("@")
        if local.lower() == c_local.lower() and domain.lower() == c_domain.lower():
            return channel
    return None


# ---------------------------------------------------------------- verdicts
@dataclass(frozen=True)
class AddressCheck:
    """The verdict on one address, with plain-language reasons in the UI language."""

    address: str  # as given, stripped
    verdict: str
    normalized: str | None
    reasons: list[str] = field(default_factory=list)
    display_name: str | None = None

    @property
    def ok(self) -> bool:
        return self.verdict == "official"

    def to_json(self) -> dict:
        return {
            "address": self.address,
            "verdict": self.verdict,
            "normalized": self.normalized,
            "reasons": list(self.reasons),
        }


_ANGLE = re.compile(r"^(?P<name>.*?)\s*<(?P<addr>[^<>]*)>\s*$", re.S)


def split_display(raw: str) -> tuple[str | None, str]:
    """('OKX客服', '12345@qq.com') from 'OKX客服 <12345@qq.com>'; (None, raw) without brackets."""
    text = raw.strip()
    m = _ANGLE.match(text)
    if not m:
        name, addr = None, text
    else:
        name = m.group("name").strip().strip("\"'").strip() or None
        addr = m.group("addr").strip()
    if addr.lower().startswith("mailto:"):
        addr = addr[len("mailto:") :].split("?", 1)[0].strip()
    return name, addr


def claim(text: str | None) -> str | None:
    """'brand' when text claims to be OKX, 'service' when it claims to be customer support."""
    if not text:
        return None
    tables = lookalike.tables()
    # Invisible format characters (zero-width joiners, soft hyphens) only serve to break words.
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    if lookalike.cjk_brand(text):
        return "brand"
    folded, _ = lookalike.fold(unicodedata.normalize("NFKC", text))
    labels = [label for label in re.split(r"[^a-z0-9]+", folded) if label]
    if _spelled_out(labels):
        return "brand"
    for label in labels:
        if lookalike.brand_match(label, allow_typo=False) or _doubled_brand(label):
            return "brand"
    plain = unicodedata.normalize("NFKC", text)
    if any(word in plain for word in tables["service_cjk"]):
        return "service"
    for token in re.split(r"[^a-z]+", folded):
        strong = any(word in token for word in tables["service_set"])
        if strong and "" in lookalike.cores(token, tables["service_peel"]):
            return "service"
    return None


def _spelled_out(labels: list[str]) -> bool:
    """The brand spelled with separators between its letters: 'O K X', 'o.k.x', 'ok.x.support'.
    Joined pieces must name the brand exactly (words like 'support' peeled off), so that
    'ok.xavier' or 'Ok Xu' do not count."""
    t = lookalike.tables()
    candidates, run = [], []
    for label in labels + [""]:
        if 0 < len(label) <= 2:
            run.append(label)
            continue
        if len(run) >= 2:
            candidates.append("".join(run))
        run = []
    if len(labels) > 1:
        candidates.append("".join(labels))
    for word in candidates:
        peeled = lookalike.cores(word.translate(lookalike.LEET), t["affix_set"])
        if any(brand in peeled for brand in t["brands"]):
            return True
    return False


def _doubled_brand(label: str) -> bool:
    """okkx, ookx: the brand with one letter typed twice."""
    word = label.translate(lookalike.LEET)
    for brand in lookalike.tables()["brands"]:
        if len(word) == len(brand) + 1 and any(word == brand[: i + 1] + brand[i:] for i in range(len(brand))):
            return True
    return False


def _say(lang: str, items) -> list[str]:
    return [t(f"contacts.{key}", lang, **values) for key, values in items]


def domain_verdict(domain: str, lang: str = "en") -> tuple[str, list[str]]:
    """official | legacy | lookalike | unrelated for a bare domain (e.g. a sender's), with reasons."""
    domain = (domain or "").strip().strip("<>").rpartition("@")[2].strip()
    finding = lookalike.analyse(domain[:MAX_INPUT])
    reasons = list(finding.reasons)
    if finding.verdict == "unrelated":
        reasons.insert(0, ("unrelated", {"domain": domain.lower()}))
    return finding.verdict, _say(lang, reasons)


def check_address(raw: str, lang: str = "en") -> AddressCheck:
    """The verdict on an address as typed or pasted, display name allowed ('OKX客服 <1@qq.com>')."""
    from email_validator import EmailNotValidError, validate_email

    given = (raw or "").strip()
    if len(given) > MAX_INPUT:  # a paste, not an address: don't spend time on it
        return AddressCheck(given, "invalid", None, _say(lang, [("too_long", {"length": len(given)})]), None)
    name, addr = split_display(given)
    if not addr:
        return AddressCheck(given, "invalid", None, _say(lang, [("empty", {})]), name)
    try:
        result = validate_email(addr, check_deliverability=False)
    except EmailNotValidError as exc:
        return AddressCheck(given, "invalid", None, _say(lang, [("invalid", {"error": str(exc)})]), name)
    normalized = result.normalized
    local, _, typed_domain = addr.rpartition("@")
    # RFC 5321 caps the local part at 64 octets; email-validator only checks it in strict
    # mode (2.2+), and servers refuse longer ones.
    local_bytes = len(result.local_part.encode("utf-8"))
    if local_bytes > LOCAL_MAX:
        return AddressCheck(given, "invalid", None, _say(lang, [("local_too_long", {"length": local_bytes})]), name)
    finding = lookalike.analyse(typed_domain)

    if finding.verdict == "official":
        channel = channel_for_address(normalized)
        extra = ("listed", {"purpose": channel.text("purpose", lang)}) if channel else ("unlisted", {})
        return AddressCheck(given, "official", normalized, _say(lang, [*finding.reasons, extra]), name)
    if finding.verdict in ("legacy", "lookalike"):
        reasons = list(finding.reasons)
        if finding.verdict == "legacy":
            reasons.append(("legacy_advice", {"suggest": DEFAULT_ADDRESS}))
        return AddressCheck(given, finding.verdict, normalized, _say(lang, reasons), name)

    # The domain is not OKX's: does the sender pretend otherwise?
    freemail = lookalike.is_freemail(result.ascii_domain)
    domain = result.domain
    claims = []
    if claim(name) == "brand":
        claims.append(("claim_brand_display", {"name": name}))
    if claim(local) == "brand":
        claims.append(("claim_brand_local", {"local": local}))
    if claims:
        lead = ("freemail", {"domain": domain}) if freemail else ("not_okx", {"domain": domain})
        reasons = [lead, *claims, *finding.reasons, ("impersonation_advice", {"suggest": DEFAULT_ADDRESS})]
        return AddressCheck(given, "freemail_impersonation", normalized, _say(lang, reasons), name)
    reasons = [("unrelated", {"domain": domain}), *finding.reasons]
    if freemail:
        reasons.append(("freemail", {"domain": domain}))
        # "Support <…@gmail.com>" names no OKX, so it is no impersonation of OKX (issue 5), but a
        # personal mailbox calling itself support is worth a word of caution.
        if claim(name) == "service":
            reasons.append(("claim_service_display", {"name": name}))
        if claim(local) == "service":
            reasons.append(("claim_service_local", {"local": local}))
    return AddressCheck(given, "unrelated", normalized, _say(lang, reasons), name)


def is_official_domain(domain: str) -> bool:
    """okx.com and its subdomains."""
    return lookalike.is_official_domain(domain)
