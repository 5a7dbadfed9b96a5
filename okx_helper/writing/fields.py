"""Field kinds of the Description step: validators and date-time parsing.

Validators are forgiving where real data varies (chains, networks, free text) and strict
where a typo costs money (checksummed addresses, a time without a zone). They return None
when a value is fine, otherwise one sentence in the requested language.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation

from okx_helper.base.i18n import t

KINDS = (
    "text",
    "multiline",
    "datetime",
    "amount",
    "coin",
    "network",
    "txid",
    "address",
    "memo",
    "order_id",
    "error",
    "email",
    "uid",
)


class DateTimeError(ValueError):
    """A date-time the user typed could not be read; `key` names the message in compose.toml."""

    def __init__(self, key: str, **values):
        self.key = key
        self.values = values
        super().__init__(t(f"compose.{key}", "en", **values))

    def message(self, lang: str) -> str:
        return t(f"compose.{self.key}", lang, **self.values)


# ---------------------------------------------------------------- date and time

_DATE_TIME = re.compile(
    r"""^\s*(?P<y>\d{4})\s*[-/.年]\s*(?P<mo>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?
        (?:\s*[T\s]\s*|\s*)
        (?P<h>\d{1,2})\s*[:：时]\s*(?P<mi>\d{2})(?:\s*[:：分]\s*(?P<s>\d{2})(?P<frac>\.\d+)?)?\s*[分秒]?
        (?P<zone>.*?)\s*$""",
    re.X,
)
_OFFSET = re.compile(r"^(?:UTC|GMT|协调世界时)?\s*(?P<sign>[+\-−])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?$", re.I)
_UTC_NAMES = {"z", "utc", "gmt", "协调世界时", "世界时"}
# Names people write instead of an IANA zone. Ambiguous abbreviations (CST, IST) are left out on
# purpose: CST is China Standard Time to some and US Central Time to others.
_ZONE_ALIASES = {
    "北京时间": "Asia/Shanghai",
    "北京": "Asia/Shanghai",
    "beijing": "Asia/Shanghai",
    "beijing time": "Asia/Shanghai",
    "中国时间": "Asia/Shanghai",
    "香港时间": "Asia/Hong_Kong",
    "hkt": "Asia/Hong_Kong",
    "sgt": "Asia/Singapore",
    "jst": "Asia/Tokyo",
    "kst": "Asia/Seoul",
    "台北时间": "Asia/Taipei",
    "东京时间": "Asia/Tokyo",
}
_AMBIGUOUS = {"cst", "ist", "bst", "ast", "est", "pst", "mst", "edt", "pdt", "cdt", "mdt"}


def _zone(text: str):
    """A tzinfo for what followed the time; raises DateTimeError."""
    zone = text.strip().strip("()（）").strip()
    if not zone:
        raise DateTimeError("dt_no_zone")
    low = zone.lower()
    if low in _UTC_NAMES:
        return timezone.utc
    match = _OFFSET.match(zone)
    if match:
        hours, minutes = int(match["h"]), int(match["m"] or 0)
        if hours > 14 or minutes >= 60:
            raise DateTimeError("dt_bad_offset", zone=zone)
        delta = timedelta(hours=hours, minutes=minutes)
        return timezone(-delta if match["sign"] in "-−" else delta)
    if low in _AMBIGUOUS:
        raise DateTimeError("dt_ambiguous_zone", zone=zone)
    name = _ZONE_ALIASES.get(low, zone)
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(name)
    except (ValueError, KeyError, OSError):  # ZoneInfoNotFoundError is a KeyError
        raise DateTimeError("dt_unknown_zone", zone=zone) from None


def parse_datetime(value: str) -> datetime:
    """An aware datetime from what a user types, e.g. "2026-11-25 14:30 +08:00",
    "2026-11-25 14:30 UTC+8", "2026-11-25T14:30:00Z", "2026-11-25 14:30 Asia/Shanghai",
    "2026年11月25日 14:30 北京时间". A time without a zone raises DateTimeError."""
    match = _DATE_TIME.match(value or "")
    if not match:
        if re.match(r"^\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?\s*$", value or ""):
            raise DateTimeError("dt_no_time")
        raise DateTimeError("dt_format")
    tz = _zone(match["zone"])
    try:
        naive = datetime(
            int(match["y"]),
            int(match["mo"]),
            int(match["d"]),
            int(match["h"]),
            int(match["mi"]),
            int(match["s"] or 0),
            int(round(float(match["frac"] or 0) * 1_000_000)) if match["frac"] else 0,
        )
    except ValueError:
        raise DateTimeError("dt_impossible") from None
    return naive.replace(tzinfo=tz)


def utc_text(moment: datetime) -> str:
    """ "2026-11-25 06:30 UTC" (seconds shown only when there are some)."""
    moment = moment.astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC" if moment.second else "%Y-%m-%d %H:%M UTC")


def to_utc_text(value: str) -> str | None:
    """The typed time in UTC for display, or None when it cannot be read."""
    try:
        return utc_text(parse_datetime(value))
    except DateTimeError:
        return None


# ---------------------------------------------------------------- chain formats

_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B58_RIPPLE = "rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz"
_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
# Human-readable parts whose bech32 checksum we verify; other chains pass on shape alone.
_BECH32_HRPS = ("bc", "tb", "bcrt", "ltc", "cosmos", "osmo", "addr", "inj", "celestia", "sei", "kava")
_HEX64 = re.compile(r"^(0x)?[0-9a-fA-F]{64}$")
_EVM = re.compile(r"^0x[0-9a-fA-F]{40}$")


def _b58decode(text: str, alphabet: str = _B58) -> bytes | None:
    number = 0
    for char in text:
        index = alphabet.find(char)
        if index < 0:
            return None
        number = number * 58 + index
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    pad = len(text) - len(text.lstrip(alphabet[0]))
    return b"\0" * pad + body


def _b58check_ok(raw: bytes) -> bool:
    payload, check = raw[:-4], raw[-4:]
    return hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4] == check


def _bech32_ok(text: str) -> bool | None:
    """True/False for a checked bech32(m) string; None when it is not one of ours."""
    low = text.lower()
    hrp, sep, data = low.rpartition("1")
    if not sep or hrp not in _BECH32_HRPS or len(data) < 6 or any(c not in _BECH32 for c in data):
        return None
    if text != low and text != text.upper():
        return False  # bech32 is all lower or all upper case
    values = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp] + [_BECH32.index(c) for c in data]
    chk = 1
    for value in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ value
        for i, gen in enumerate((0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)):
            chk ^= gen if (top >> i) & 1 else 0
    return chk in (1, 0x2BC830A3)  # bech32, bech32m


def _txid_problem(value: str) -> str | None:
    if "/" in value:
        return "txid_link"
    if _EVM.match(value):
        return "txid_is_address"
    if _HEX64.match(value):
        return None  # BTC, ETH and EVM chains, TRON, XRP, Cardano, Cosmos, Aptos …
    if re.fullmatch(r"[1-9A-HJ-NP-Za-km-z]{43,44}|[1-9A-HJ-NP-Za-km-z]{85,90}", value):
        return None  # base58: Solana signatures (86–88), Sui/NEAR digests (43–44)
    if re.fullmatch(r"[A-Z2-7]{52}", value) or re.fullmatch(r"[A-Za-z0-9_\-+/]{43}=?", value):
        return None  # Algorand (base32), TON (base64 hash)
    if re.fullmatch(r"(0x)?[0-9a-fA-F]+", value):
        return "txid_hex_length"
    return "txid_format"


def _address_problem(value: str) -> str | None:
    if _EVM.match(value):
        return None
    if _HEX64.match(value) and not value.startswith("0x"):
        return "address_is_txid"
    if re.search(r"\s", value):
        return "address_space"
    if value.startswith("0x") and re.fullmatch(r"0x[0-9a-fA-F]+", value) and len(value) != 66:
        return "address_evm_length"  # 0x+64 hex is fine: Aptos, Sui
    verdict = _bech32_ok(value)
    if verdict is not None:
        return None if verdict else "address_checksum"
    if value[0] == "r" and 25 <= len(value) <= 35:
        raw = _b58decode(value, _B58_RIPPLE)
        if raw is not None and len(raw) == 25:
            return None if _b58check_ok(raw) else "address_checksum"
    raw = _b58decode(value)
    if raw is not None and len(raw) in (25, 26) and len(value) <= 36:
        # Bitcoin-family, TRON, Dogecoin, Litecoin legacy: version + hash + 4-byte checksum.
        return None if _b58check_ok(raw) else "address_checksum"
    if len(value) < 25:
        return "address_short"
    if not re.fullmatch(r"[A-Za-z0-9:._\-]+", value):
        return "address_chars"
    return None  # Solana, TON, Polkadot, Cardano and friends: accepted on shape


# ---------------------------------------------------------------- validators

_AMOUNT = re.compile(
    r"^(?P<pre>[A-Za-z$¥€]{0,10})\s*(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*(?P<unit>[A-Za-z0-9]{0,15}|[\u4e00-\u9fff]{1,4})$"
)


def amount_value(value: str) -> Decimal | None:
    """The number in "1,234.5 USDT", or None."""
    match = _AMOUNT.match(value.strip())
    if not match:
        return None
    try:
        return Decimal(match["num"].replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern only lets numbers through
        return None


def _check(kind: str, value: str) -> tuple[str, dict] | None:
    """(message key, format values) when `value` is not a valid `kind`, else None."""
    if any(unicodedata.category(c) == "Cc" for c in value) and kind != "multiline" and kind not in ("error", "text"):
        return "control_chars", {}
    if kind == "datetime":
        try:
            moment = parse_datetime(value)
        except DateTimeError as err:
            return err.key, err.values
        if moment > datetime.now(timezone.utc) + timedelta(days=1):
            return "dt_future", {}
        return None
    if kind == "amount":
        number = amount_value(value)
        if number is None:
            return "amount_format", {}
        return None if number > 0 else ("amount_positive", {})
    if kind == "coin":
        return None if re.fullmatch(r"[A-Za-z0-9.\-]{1,20}|[\u4e00-\u9fff]{1,8}", value) else ("coin_format", {})
    if kind == "network":
        return None if len(value) <= 40 and "\n" not in value else ("network_format", {})
    if kind == "txid":
        key = _txid_problem(value)
        return (key, {}) if key else None
    if kind == "address":
        key = _address_problem(value)
        return (key, {}) if key else None
    if kind == "memo":
        return None if len(value) <= 120 and "\n" not in value else ("memo_format", {})
    if kind == "order_id":
        return None if re.fullmatch(r"[A-Za-z0-9_\-]{4,64}", value) else ("order_id_format", {})
    if kind == "uid":
        return None if re.fullmatch(r"\d{6,20}", value) else ("uid_format", {})
    if kind == "email":
        from email_validator import EmailNotValidError, validate_email

        try:
            validate_email(value, check_deliverability=False)
        except EmailNotValidError as err:
            return "email_format", {"reason": str(err)}
        return None
    if kind in ("text", "error"):
        return None if len(value) <= 2000 else ("too_long", {"limit": 2000})
    if kind == "multiline":
        return None if len(value) <= 20000 else ("too_long", {"limit": 20000})
    raise KeyError(f"unknown field kind {kind!r}; known: {', '.join(KINDS)}")


def validate(spec_or_kind, value: str, lang: str = "en") -> str | None:
    """None when `value` suits the field (a FieldSpec or a kind name), else a message.

    An empty value is fine for a kind name or an optional field; a required field says so.
    """
    kind = spec_or_kind if isinstance(spec_or_kind, str) else spec_or_kind.kind
    value = (value or "").strip()
    if not value:
        required = getattr(spec_or_kind, "required", False)
        return t("compose.required", lang) if required else None
    problem = _check(kind, value)
    if problem is None:
        return None
    key, values = problem
    return t(f"compose.{key}", lang, **values)
