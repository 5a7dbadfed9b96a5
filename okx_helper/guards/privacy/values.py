"""Whether the text after a label is a value of the label's kind, and where it ends.

Each function takes the text, the position after the label and its separator, and the link
strength (how clearly the words say "here comes the value"), and returns (start, end, kind)
or None.
"""

from __future__ import annotations

import re
from functools import cache

from okx_helper.guards.privacy import rules
from okx_helper.guards.privacy.numbers import toll_free

# Link strength between label and value: ":" or "=" (SYMBOL), "is"/"是" (STRONG), "to"/"改成"
# (WEAK), nothing. After an English "is", a plain lower-case word is prose ("is expired").
SYMBOL, STRONG, WEAK, NONE = 3, 2, 1, 0
ENGLISH_VERB = re.compile(r"\s*(?:is|was|are|were|is now)\s*$", re.IGNORECASE)
QUOTES = {
    '"': '"',
    "'": "'",
    "“": "”",
    "‘": "’",
    "「": "」",
    "『": "』",
    "《": "》",
    "`": "`",
    "【": "】",
    "〔": "〕",
    "〈": "〉",
}
_TOKEN = re.compile(r"[!-~]+")
_TRAILING = ".,;:)]}>'\""
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_HEX64 = re.compile(r"(?:0[xX])?[0-9a-fA-F]{64}")
# Codes as people copy them: "482913", "482 913", "482-913", "48 29 13".
_DIGITS_CODE = re.compile(r"\d{3}[ \-]\d{3}(?![\d])|\d\d \d\d \d\d(?![\d])|\d{4,8}(?![\d])")
_BASE32 = re.compile(r"[A-Za-z2-7]{4}(?:[ \-]?[A-Za-z2-7]{4}){3,15}(?![A-Za-z0-9])")
_BACKUP = re.compile(
    r"[A-Za-z0-9]{4,12}(?:-[A-Za-z0-9]{3,12})?(?:(?:[ \t]*[,;，；、]?[ \t]*\n?[ \t]*(?:\d{1,2}[.)][ \t]*)?)[A-Za-z0-9]{4,12}(?:-[A-Za-z0-9]{3,12})?){0,15}"
)
_NUMBERISH = re.compile(r"(?:\+|00)?[\dA-Za-z][\dA-Za-z() \-（）]{4,24}")
UNITS = re.compile(
    r"\s*(?:分钟|分|秒|小时|次|天|个|位|年|月|日|号|minutes?|mins?|seconds?|secs?|hours?|hrs?|times|days?|digits?|characters?|chars?|usdt|btc|eth|%)(?![A-Za-z])",
    re.IGNORECASE,
)
_PROSE_NEXT = re.compile(r"[ \t]+[a-z]{2,}")
_PLACEHOLDER = re.compile(r"\{[\w.]*\}|%\(\w+\)s|\$\{?[A-Z_][A-Z0-9_]*\}?$|<\w+>$")
_CONTRACTION = re.compile(r"[A-Za-z]+['’](?:s|t|re|ll|ve|d|m)")
_CODE_TAIL = re.compile(r"[\-/:.]\d|[A-Za-z]")  # a date, a time, a decimal or a word goes on
_SIX_DIGITS = re.compile(r"\d{6}(?!\d)|\d{3}[ \-]\d{3}(?!\d)|\d\d \d\d \d\d(?!\d)")
_CARD_VALUE = re.compile(r"\d{4}(?:[ \-]?\d{2,6}){2,4}|\d{13,19}|\d{3,4}")
_PHONE_VALUE = re.compile(r"(?:\+|00)?\d[\d \-()]{5,18}\d")
_NON_DIGIT = re.compile(r"\D")
_CVV = re.compile(r"(?i)cv[vc]2?|安全码|卡验证码|三位数")
_DATE_VALUE = re.compile(r"\d{4}[\-/.]\d{1,2}[\-/.]\d{1,2}|\d{1,2}[\-/.]\d{1,2}[\-/.]\d{2,4}|\d{1,2}:\d{2}(?::\d{2})?")
_MASK_NEXT = set("0123456789*")
_REDACTED = ("[removed", "[已隐去", "[redacted", "***", "•••", "xxx")


@cache
def _english_words() -> frozenset:
    from mnemonic import Mnemonic

    return frozenset(Mnemonic("english").wordlist) | rules.word_set("values", "not_secret")


def _quoted(text: str, pos: int):
    """(start, end) inside quotes opening at pos, on one line, or None."""
    if pos >= len(text) or text[pos] not in QUOTES:
        return None
    close = QUOTES[text[pos]]
    end = text.find(close, pos + 1, pos + 80)
    if end <= pos + 1 or "\n" in text[pos + 1 : end]:
        return None
    return pos + 1, end


def _token(text: str, pos: int):
    """(start, end, quoted) of the value token at pos: quoted text or a run of ASCII non-spaces."""
    q = _quoted(text, pos)
    if q:
        return q[0], q[1], True
    m = _TOKEN.match(text, pos)
    if not m or m.group()[0] in QUOTES or _PLACEHOLDER.match(m.group()):
        return None  # an unclosed quote, or a template's {placeholder}
    end = m.end()
    while end > pos and text[end - 1] in _TRAILING:
        end -= 1
    return (pos, end, False) if end > pos else None


def _sentence_like(value: str) -> bool:
    """Quoted text that is a sentence or Chinese words, not a secret someone chose."""
    return value.count(" ") > 2 or any("\u3400" <= c <= "\u9fff" for c in value)


def _looks_redacted(value: str) -> bool:
    low = value.lower()
    return low.startswith(_REDACTED) or set(low) <= set("*x•·●.-_ ")


def strong_shape(value: str) -> bool:
    """Looks like a chosen secret rather than a word: letters mixed with digits or symbols."""
    has_digit = any(c.isdigit() for c in value)
    has_alpha = any(c.isalpha() for c in value)
    has_symbol = any(not c.isalnum() for c in value)
    inner_upper = any(c.isupper() for c in value[1:]) and any(c.islower() for c in value)
    return len(value) >= 6 and (has_digit and (has_alpha or has_symbol) or (inner_upper and has_symbol))


def _wordy(text: str, start: int, end: int, quoted: bool) -> bool:
    """The value is an ordinary word, or the start of a sentence, not a secret."""
    value = text[start:end]
    low = value.lower().strip("()[]<>{}")
    if low in rules.word_set("values", "not_secret") or low.startswith(_REDACTED):
        return True
    if quoted:
        return False
    if _CONTRACTION.fullmatch(value.strip("()[]（）")):
        return True  # a contraction: "it's", "don't"
    if value.isalpha() and value.islower():
        if _PROSE_NEXT.match(text, end):
            return True
        return False
    return low.startswith(("http://", "https://", "www."))


def _plain_start(text: str, start: int, link: int, quoted: bool) -> bool:
    """Without a separator, a value starts with a letter or digit ("set_password(" is code)."""
    return quoted or link != NONE or text[start : start + 1].isalnum()


def _password(text, pos, link):
    tok = _token(text, pos)
    if not tok:
        return None
    start, end, quoted = tok
    if not _plain_start(text, start, link, quoted):
        return None
    if not quoted and text[start:end].rstrip("!?").isalpha():
        end = start + len(text[start:end].rstrip("!?"))  # "wrong??" is a word and a feeling
    value = text[start:end]
    if len(value) < 4 or len(value) > 64 or _looks_redacted(value) or _wordy(text, start, end, quoted):
        return None
    if quoted and _sentence_like(value):
        return None
    if "@" in value and "." in value.split("@")[-1]:
        return None  # an email address, not a password
    if _DATE_VALUE.fullmatch(value):
        return None  # "修改资金密码是 2024-06-01": when, not what
    if value.isdigit():
        if UNITS.match(text, end) or len(value) > 12:
            return None
        ok = link != NONE or len(value) >= 6
    elif quoted or link == SYMBOL:
        ok = True
    elif link == STRONG:
        # after "is"/"是": an English lower-case word is prose; pinyin after 是 is a password
        ok = not (value.isalpha() and value.islower() and ENGLISH_VERB.search(text, max(0, pos - 12), pos))
    else:
        ok = strong_shape(value)
    return (start, end, "password") if ok else None


# "card … expires 03/29, security code 949": after card words, a short "security code" is a CVV.
_CARD_CUE = re.compile(r"(?i)card|卡|\bexp(?:iry|ires|iration)?\b|有效期|\d\d/\d\d")
_SHORT_CODE = re.compile(r"\d{3}(?!\d)")  # codes are 4+ digits; a CVV is 3


def _code(text, pos, link):
    q = _quoted(text, pos)
    start = q[0] if q else pos
    short = _SHORT_CODE.match(text, start)
    if (
        short
        and not _CODE_TAIL.match(text, short.end())
        and not UNITS.match(text, short.end())
        and _CARD_CUE.search(text, max(0, pos - 80), pos)
    ):
        return short.start(), short.end(), "bank_card"
    m = _DIGITS_CODE.match(text, start)
    if not m:
        tok = _token(text, pos)
        if tok and link >= STRONG:
            value = text[tok[0] : tok[1]]
            if (
                6 <= len(value) <= 10
                and value.isalnum()
                and any(c.isdigit() for c in value)
                and any(c.isalpha() for c in value)
            ):
                return tok[0], tok[1], "verification_code"
        return None
    if _CODE_TAIL.match(text, m.end()) or UNITS.match(text, m.end()):
        return None  # a date, a time, a quantity or part of a word
    digits = len(m.group().replace(" ", "").replace("-", ""))
    before = text[max(0, start - 3) : start].rstrip()
    after_cjk_label = bool(before) and "\u3400" <= before[-1] <= "\u9fff"
    if link == WEAK or (link == NONE and not q and digits != 6 and not after_cjk_label):
        return None  # "reset the 2FA to 2024 settings"; "2FA 123456" is six digits, "验证码7752" any
    return m.start(), m.end(), "verification_code"


def _totp_secret(text, pos, link):
    q = _quoted(text, pos)
    start = q[0] if q else pos
    m = _BASE32.match(text, start)
    if m and sum(c.isalpha() for c in m.group()) >= 8:
        return m.start(), m.end(), "verification_code"
    return _code(text, pos, link)


# One backup code: "K7Q2-PL9X", "4821 7730", "8812449013".
_CODE_ITEM = re.compile(
    r"(?<![A-Za-z0-9\-])(?:[A-Za-z0-9]{4,5}-[A-Za-z0-9]{4,5}|\d{4} \d{4}|[A-Za-z0-9]{8,10})(?![A-Za-z0-9\-])"
)


def _backup_codes(text, pos, link):
    m = _BACKUP.match(text, pos)
    if m and any(c.isdigit() for c in m.group()) and (link != NONE or _CODE_ITEM.match(text, pos)):
        return pos, m.end(), "verification_code"
    # "… my recovery codes. They are K7Q2-PL9X, …": look a little further, for code-shaped items.
    window_end = text.find("\n\n", pos, pos + 80)
    window_end = window_end if window_end != -1 else min(len(text), pos + 80)
    items = [
        i
        for i in _CODE_ITEM.finditer(text, pos, window_end)
        if any(c.isdigit() for c in i.group()) and any(c.isalpha() for c in i.group()) or "-" in i.group()
    ]
    if items:
        last = items[-1].end()
        more = _BACKUP.match(text, items[0].start())
        return items[0].start(), max(last, more.end() if more else last), "verification_code"
    return None


def _bare_code(text, pos, link):
    q = _quoted(text, pos)
    start = q[0] if q else pos
    m = _SIX_DIGITS.match(text, start)
    if not m or _CODE_TAIL.match(text, m.end()) or UNITS.match(text, m.end()):
        return None
    return m.start(), m.end(), "verification_code"


def _api_secret(text, pos, link):
    tok = _token(text, pos)
    if not tok:
        return None
    start, end, quoted = tok
    if not _plain_start(text, start, link, quoted):
        return None
    value = text[start:end]
    if _UUID.fullmatch(value):
        return None  # the public API key: fine to share
    if len(value) < 6 or _looks_redacted(value) or _wordy(text, start, end, quoted):
        return None
    if quoted and _sentence_like(value):
        return None
    if _HEX64.fullmatch(value):
        return start, end, "private_key"
    if link >= STRONG or quoted:
        ok = not (value.isalpha() and value.islower() and value in _english_words())
    else:
        ok = len(value) >= 8 and strong_shape(value)
    return (start, end, "api_secret") if ok else None


def _private_key(text, pos, link):
    tok = _token(text, pos)
    if not tok:
        return None
    start, end, _ = tok
    value = text[start:end]
    if len(value) >= 32 and re.fullmatch(r"(?:0[xX])?[0-9A-Za-z+/=]+", value) and strong_shape(value):
        return start, end, "private_key"
    return None


def _id_document(text, pos, link):
    m = _NUMBERISH.match(text, pos)
    if not m:
        return None
    value = m.group().rstrip(" -()（）")
    digits = sum(c.isdigit() for c in value)
    if digits < 7 or not re.search(r"\d{3}", value) or UNITS.match(text, m.start() + len(value)):
        return None
    if re.fullmatch(r"(?:19|20)\d\d[\-/.](?:0?[1-9]|1[0-2])[\-/.]\d{1,2}", value.strip()):
        return None  # a date ("ID card expires 2027-05-01")
    if link == NONE and not re.match(r"[A-Za-z]{0,2}\d", value):
        return None
    return m.start(), m.start() + len(value), "id_document"


def _bank_card(text, pos, link):
    m = _CARD_VALUE.match(text, pos)
    if not m:
        return None
    digits = _NON_DIGIT.sub("", m.group())
    if len(digits) in (3, 4):
        # a CVV is secret; "card ending in 1234" is not
        if _is_cvv_label(text, pos):
            return m.start(), m.end(), "bank_card"
        return None
    if 12 <= len(digits) <= 19 and text[m.end() : m.end() + 1] not in _MASK_NEXT:
        return m.start(), m.end(), "bank_card"
    return None


def _is_cvv_label(text, pos) -> bool:
    return _CVV.search(text, max(0, pos - 16), pos) is not None


def _phone(text, pos, link):
    m = _PHONE_VALUE.match(text, pos)
    if not m:
        return None
    digits = _NON_DIGIT.sub("", m.group())
    if not 7 <= len(digits) <= 15 or UNITS.match(text, m.end()) or toll_free(m.group()):
        return None
    return m.start(), m.end(), "phone"


# label group -> the check of the value after it
VALUE_CHECKS = {
    "password": _password,
    "verification_code": _code,
    "totp_secret": _totp_secret,
    "backup_codes": _backup_codes,
    "bare_code": _bare_code,
    "api_secret": _api_secret,
    "private_key": _private_key,
    "id_document": _id_document,
    "bank_card": _bank_card,
    "phone": _phone,
}
