"""Values stated after a label: "password: …", "验证码是 …", "secret key = …".

The label alone is never a finding ("I won't send my password"): a value of the kind's shape
must follow it, and the weaker the link between the two, the more the value must look like a
secret.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from okx_helper.privacy import rules
from okx_helper.privacy.context import bounded_matches, names_identifier
from okx_helper.privacy.numbers import toll_free

# Link strength between label and value: ":" or "=" (SYMBOL), "is"/"是" (STRONG), "to"/"改成"
# (WEAK), nothing. After an English "is", a plain lower-case word is prose ("is expired").
SYMBOL, STRONG, WEAK, NONE = 3, 2, 1, 0
_ENGLISH_VERB = re.compile(r"\s*(?:is|was|are|were|is now)\s*$", re.IGNORECASE)

_QUOTES = {'"': '"', "'": "'", "“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", "`": "`"}
_ASIDE = re.compile(r"[ \t]*(?:\([^()\n]{0,24}\)|（[^（）\n]{0,24}）)")
_FILL_EN = re.compile(r"(?:[ \t]+[A-Za-z'’]{1,14}){1,4}?(?=[ \t]*(?:is|was|are|were|:|：|=)(?![A-Za-z]))")
_FILL_ZH = re.compile(r"[\u4e00-\u9fffA-Za-z0-9 ]{1,8}?(?=[ \t]*(?:是|为|為|：|:))")
_TOKEN = re.compile(r"[!-~]+")
_TRAILING = ".,;:)]}>'\""
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_HEX64 = re.compile(r"(?:0[xX])?[0-9a-fA-F]{64}")
_DIGITS_CODE = re.compile(r"\d{3}[ \-]\d{3}(?![\d])|\d{4,8}(?![\d])")
_BASE32 = re.compile(r"[A-Za-z2-7]{4}(?:[ \-]?[A-Za-z2-7]{4}){3,15}(?![A-Za-z0-9])")
_BACKUP = re.compile(r"[A-Za-z0-9]{4,12}(?:-[A-Za-z0-9]{3,12})?(?:(?:[ \t]*[,;，；、]?[ \t]*\n?[ \t]*(?:\d{1,2}[.)][ \t]*)?)[A-Za-z0-9]{4,12}(?:-[A-Za-z0-9]{3,12})?){0,15}")
_NUMBERISH = re.compile(r"(?:\+|00)?[\dA-Za-z][\dA-Za-z() \-（）]{4,24}")
_UNITS = re.compile(r"\s*(?:分钟|分|秒|小时|次|天|个|位|年|月|日|号|minutes?|mins?|seconds?|secs?|hours?|hrs?|times|days?|digits?|characters?|chars?|usdt|btc|eth|%)(?![A-Za-z])", re.IGNORECASE)
_PROSE_NEXT = re.compile(r"[ \t]+[a-z]{2,}")
_PLACEHOLDER = re.compile(r"\{[\w.]*\}|%\(\w+\)s|\$\{?[A-Z_][A-Z0-9_]*\}?$|<\w+>$")
_CONTRACTION = re.compile(r"[A-Za-z]+['’](?:s|t|re|ll|ve|d|m)")
_CODE_TAIL = re.compile(r"[\-/:.]\d|[A-Za-z]")  # a date, a time, a decimal or a word goes on
_SIX_DIGITS = re.compile(r"\d{6}(?!\d)|\d{3} \d{3}(?!\d)")
_CARD_VALUE = re.compile(r"\d{4}(?:[ \-]?\d{2,6}){2,4}|\d{13,19}|\d{3,4}")
_PHONE_VALUE = re.compile(r"(?:\+|00)?\d[\d \-()]{5,18}\d")
_NON_DIGIT = re.compile(r"\D")
_CVV = re.compile(r"(?i)cv[vc]2?|安全码")
_MASK_NEXT = set("0123456789*")
_REDACTED = ("[removed", "[已隐去", "[redacted", "***", "•••", "xxx")


@lru_cache(maxsize=None)
def _separators():
    strong = rules.trie_pattern(rules.data()["separators"]["strong"], flexible=False)
    weak = rules.trie_pattern(rules.data()["separators"]["weak"], flexible=False)
    # Full-width colons and "是：" both end a label; "了" follows Chinese verbs ("改成了").
    return (
        re.compile(rf"[.#\"']?\s*(?:(?:{strong})(?<![A-Za-z])|(?:{strong})(?![A-Za-z]))[ \t]*[:：]?\s*", re.IGNORECASE),
        re.compile(rf"[.#]?[ \t]*(?:(?:{weak})了?(?<![A-Za-z])|(?:{weak})(?![A-Za-z]))[ \t]*", re.IGNORECASE),
    )


@lru_cache(maxsize=None)
def _english_words() -> frozenset:
    from mnemonic import Mnemonic

    return frozenset(Mnemonic("english").wordlist) | rules.word_set("values", "not_secret")


_TOTP_GROUPS = ("verification_code", "totp_secret", "backup_codes")
# A TOTP secret written out: base32, 16+ characters, often in groups of four.
_TOTP_SHAPE = re.compile(r"(?<![A-Za-z0-9])[A-Z2-7]{4}(?:[ \-]?[A-Z2-7]{4}){3,15}(?![A-Za-z0-9])")
_TOTP_REACH = 160


def find(text: str):
    """Yield (start, end, kind) for values after labels, and (start, end, "seed_label")."""
    index = rules.label_index()
    low, is_lowered = rules.lowered(text)
    second_factor: list[int] = []  # ends of 2FA labels: a base32 secret may follow further on
    code_labels: list[int] = []  # ends of code labels: "OTP 6 digits, I typed 483 920"
    for match in bounded_matches(rules.label_regex(not is_lowered), low, 0, len(low)):
        group = index.get(rules.normalise(match.group()))
        if group is None:
            continue
        if group == "seed_phrase":
            yield match.start(), _after_separator(text, match.end()), "seed_label"
            continue
        if group in _TOTP_GROUPS:
            second_factor.append(match.end())
            if group == "verification_code":
                code_labels.append(match.end())
        if group == "bare_code" and _not_verification(text, match.start()):
            continue
        pass_word = False
        if group == "api_secret" and rules.normalise(match.group()) in _PASS_WORDS and not _api_nearby(low, match.start()):
            group = "password"  # "my pass is …" far from any API talk is a login password
            pass_word = True
        end = match.end()
        if match.start() and text[match.start() - 1] in _QUOTES and text[end:end + 1] == _QUOTES[text[match.start() - 1]]:
            end += 1  # the label is quoted itself: "password": "…"
        hit = _value_after(text, end, group, _is_cjk(match.group()[-1]), pass_word)
        if hit:
            yield hit
    if second_factor:
        yield from _totp_secrets(text, second_factor)
    for end in code_labels:
        yield from _codes_nearby(text, end)


_NEAR_CODE = re.compile(r"(?<![\d.,:/\-])(?<!\d[ \-])(?:\d{6}|\d{3} \d{3})(?![\d])(?![.,:/\-]\d)(?! \d)")
_NEAR_REACH = 80


def _codes_nearby(text: str, label_end: int):
    """Six-digit codes a little after a code label, in the same paragraph."""
    stop = text.find("\n\n", label_end, label_end + _NEAR_REACH)
    stop = stop if stop != -1 else min(len(text), label_end + _NEAR_REACH)
    for m in _NEAR_CODE.finditer(text, label_end, stop):
        if _UNITS.match(text, m.end()) or names_identifier(text, m.start()):
            continue
        yield m.start(), m.end(), "verification_code"


_PASS_WORDS = frozenset({"pass"})
_API_WORDS = re.compile(r"(?<![a-z])(?:api|secret|key|bot|sign|okx-access|量化|机器人)")


def _api_nearby(low: str, start: int) -> bool:
    return _API_WORDS.search(low, max(0, start - 120), start + 40) is not None


def _not_verification(text: str, start: int) -> bool:
    before = re.search(r"([A-Za-z\-]+)[ \t]*$", text[max(0, start - 24):start])
    return bool(before) and before.group(1).lower() in rules.word_set("context", "not_verification")


def _totp_secrets(text: str, label_ends: list[int]):
    for m in _TOTP_SHAPE.finditer(text, label_ends[0]):
        value = m.group()
        letters = sum(c.isalpha() for c in value)
        i = bisect.bisect_right(label_ends, m.start())  # the nearest label before the value
        if letters >= 8 and any(c.isdigit() for c in value) and i and m.start() - label_ends[i - 1] <= _TOTP_REACH:
            yield m.start(), m.end(), "verification_code"


def _after_separator(text: str, pos: int) -> int:
    strong, weak = _separators()
    m = _ASIDE.match(text, pos)
    pos = m.end() if m else pos
    m = strong.match(text, pos) or weak.match(text, pos)
    return m.end() if m else pos


def _value_after(text: str, pos: int, group: str, cjk_label: bool, pass_word: bool = False):
    strong, weak = _separators()
    if text[pos:pos + 1] in ("-", "–", "—") and text[pos + 1:pos + 2].isalnum():
        return None  # a compound word: "password-protected", "secret-looking"
    if text[pos:pos + 1] in (".", "#") and text[pos + 1:pos + 2] in (" ", "\t", ":", "：", ""):
        pos += 1  # "ID no. 1234", "card # 1234"
    aside = _ASIDE.match(text, pos)
    if aside:
        inner = aside.group().strip(" \t")[1:-1]
        if _strong_shape(inner) and " " not in inner and group in ("password", "api_secret"):
            start = aside.start() + aside.group().index(inner)
            return start, start + len(inner), group
        pos = aside.end()
    link = NONE
    m = strong.match(text, pos)
    if m:
        link = STRONG
    else:
        m = weak.match(text, pos)
        if m:
            link = WEAK
        else:
            fill = (_FILL_ZH if cjk_label else _FILL_EN).match(text, pos) or (
                _FILL_EN if cjk_label else _FILL_ZH
            ).match(text, pos)
            if fill:
                m = strong.match(text, fill.end())
                link = STRONG if m else NONE
    if m and link == STRONG and not _ENGLISH_VERB.match(m.group()):
        link = SYMBOL
    if pass_word and link < STRONG:
        return None  # "pass" is a verb far more often than a password
    if m:
        pos = m.end()
    elif cjk_label:
        pos += len(text[pos:pos + 2]) - len(text[pos:pos + 2].lstrip(" \t"))
    else:
        gap = len(text[pos:pos + 3]) - len(text[pos:pos + 3].lstrip(" \t"))
        if gap == 0 and pos < len(text) and text[pos].isascii() and text[pos].isalnum():
            return None  # "password123" is one word, not a label and a value
        pos += gap
    return _VALUE[group](text, pos, link)


def _quoted(text: str, pos: int):
    """(start, end) inside quotes opening at pos, on one line, or None."""
    if pos >= len(text) or text[pos] not in _QUOTES:
        return None
    close = _QUOTES[text[pos]]
    end = text.find(close, pos + 1, pos + 80)
    if end <= pos + 1 or "\n" in text[pos + 1:end]:
        return None
    return pos + 1, end


def _token(text: str, pos: int):
    """(start, end, quoted) of the value token at pos: quoted text or a run of ASCII non-spaces."""
    q = _quoted(text, pos)
    if q:
        return q[0], q[1], True
    m = _TOKEN.match(text, pos)
    if not m or m.group()[0] in _QUOTES or _PLACEHOLDER.match(m.group()):
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


def _strong_shape(value: str) -> bool:
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
    if _CONTRACTION.fullmatch(value):
        return True  # a contraction: "it's", "don't"
    if value.isalpha() and value.islower():
        if _PROSE_NEXT.match(text, end):
            return True
        return False
    return low.startswith(("http://", "https://", "www."))


def _plain_start(text: str, start: int, link: int, quoted: bool) -> bool:
    """Without a separator, a value starts with a letter or digit ("set_password(" is code)."""
    return quoted or link != NONE or text[start:start + 1].isalnum()


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
    if value.isdigit():
        if _UNITS.match(text, end) or len(value) > 12:
            return None
        ok = link != NONE or len(value) >= 6
    elif quoted or link == SYMBOL:
        ok = True
    elif link == STRONG:
        # after "is"/"是": an English lower-case word is prose; pinyin after 是 is a password
        ok = not (value.isalpha() and value.islower() and _ENGLISH_VERB.search(text, max(0, pos - 12), pos))
    else:
        ok = _strong_shape(value)
    return (start, end, "password") if ok else None


def _code(text, pos, link):
    q = _quoted(text, pos)
    start = q[0] if q else pos
    m = _DIGITS_CODE.match(text, start)
    if not m:
        tok = _token(text, pos)
        if tok and link >= STRONG:
            value = text[tok[0]:tok[1]]
            if 6 <= len(value) <= 10 and value.isalnum() and any(c.isdigit() for c in value) and any(
                c.isalpha() for c in value
            ):
                return tok[0], tok[1], "verification_code"
        return None
    if _CODE_TAIL.match(text, m.end()) or _UNITS.match(text, m.end()):
        return None  # a date, a time, a quantity or part of a word
    return m.start(), m.end(), "verification_code"


def _totp_secret(text, pos, link):
    q = _quoted(text, pos)
    start = q[0] if q else pos
    m = _BASE32.match(text, start)
    if m and sum(c.isalpha() for c in m.group()) >= 8:
        return m.start(), m.end(), "verification_code"
    return _code(text, pos, link)


_CODE_ITEM = re.compile(r"(?<![A-Za-z0-9\-])(?:[A-Za-z0-9]{4,5}-[A-Za-z0-9]{4,5}|\d{4} \d{4}|[A-Za-z0-9]{8,10})(?![A-Za-z0-9\-])")


def _backup_codes(text, pos, link):
    m = _BACKUP.match(text, pos)
    if m and any(c.isdigit() for c in m.group()) and (link != NONE or _CODE_ITEM.match(text, pos)):
        return pos, m.end(), "verification_code"
    # "… my recovery codes. They are K7Q2-PL9X, …": look a little further, for code-shaped items.
    window_end = text.find("\n\n", pos, pos + 80)
    window_end = window_end if window_end != -1 else min(len(text), pos + 80)
    items = [i for i in _CODE_ITEM.finditer(text, pos, window_end)
             if any(c.isdigit() for c in i.group()) and any(c.isalpha() for c in i.group()) or "-" in i.group()]
    if items:
        last = items[-1].end()
        more = _BACKUP.match(text, items[0].start())
        return items[0].start(), max(last, more.end() if more else last), "verification_code"
    return None


def _bare_code(text, pos, link):
    q = _quoted(text, pos)
    start = q[0] if q else pos
    m = _SIX_DIGITS.match(text, start)
    if not m or _CODE_TAIL.match(text, m.end()) or _UNITS.match(text, m.end()):
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
        ok = len(value) >= 8 and _strong_shape(value)
    return (start, end, "api_secret") if ok else None


def _private_key(text, pos, link):
    tok = _token(text, pos)
    if not tok:
        return None
    start, end, _ = tok
    value = text[start:end]
    if len(value) >= 32 and re.fullmatch(r"(?:0[xX])?[0-9A-Za-z+/=]+", value) and _strong_shape(value):
        return start, end, "private_key"
    return None


def _id_document(text, pos, link):
    m = _NUMBERISH.match(text, pos)
    if not m:
        return None
    value = m.group().rstrip(" -()（）")
    digits = sum(c.isdigit() for c in value)
    if digits < 7 or not re.search(r"\d{3}", value) or _UNITS.match(text, m.start() + len(value)):
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
    if 12 <= len(digits) <= 19 and text[m.end():m.end() + 1] not in _MASK_NEXT:
        return m.start(), m.end(), "bank_card"
    return None


def _is_cvv_label(text, pos) -> bool:
    return _CVV.search(text, max(0, pos - 16), pos) is not None


def _phone(text, pos, link):
    m = _PHONE_VALUE.match(text, pos)
    if not m:
        return None
    digits = _NON_DIGIT.sub("", m.group())
    if not 7 <= len(digits) <= 15 or _UNITS.match(text, m.end()) or toll_free(m.group()):
        return None
    return m.start(), m.end(), "phone"


_VALUE = {
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


def _is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"
