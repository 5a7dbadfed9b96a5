"""Values stated after a label: "password: …", "验证码是 …", "secret key = …".

The label alone is never a finding ("I won't send my password"): a value of the kind's shape
must follow it, and the weaker the link between the two, the more the value must look like a
secret.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from okx_helper.guards.privacy import rules
from okx_helper.guards.privacy.context import bounded_matches, names_identifier
from okx_helper.guards.privacy.values import (
    ENGLISH_VERB,
    NONE,
    QUOTES,
    STRONG,
    SYMBOL,
    UNITS,
    VALUE_CHECKS,
    WEAK,
    strong_shape,
)

_ASIDE = re.compile(r"[ \t]*(?:\([^()\n]{0,40}\)|（[^（）\n]{0,40}）)")
# A few words between label and separator ("the password I use for OKX is …"), perhaps with an
# aside in brackets before the verb ("… (same as my email, I know) is …").
# Or a clause set off by commas: "my password, he says, is …".
_EN_SEPARATOR_AHEAD = r"(?=[ \t]*(?:is|was|are|were|:|：|=|—|–|-[ \t])(?![A-Za-z]))"
_FILL_EN = re.compile(
    r"(?:[ \t]+[A-Za-z'’]{1,14}){1,6}?(?:[ \t]*(?:\([^()\n]{1,60}\)|（[^（）\n]{1,60}）))?" + _EN_SEPARATOR_AHEAD
)
_FILL_COMMAS = re.compile(
    r"(?:[ \t]+[A-Za-z'’]{1,14}){0,4}?[ \t]*,[ \t]*[A-Za-z'’][A-Za-z'’ ]{0,28}," + _EN_SEPARATOR_AHEAD
)
_FILL_ZH = re.compile(r"[\u4e00-\u9fffA-Za-z0-9 ]{1,8}?(?=[ \t]*(?:是|为|為|：|:))")


@cache
def _separators():
    strong = rules.trie_pattern(rules.data()["separators"]["strong"], flexible=False)
    weak = rules.trie_pattern(rules.data()["separators"]["weak"], flexible=False)
    # Full-width colons and "是：" both end a label; "了" follows Chinese verbs ("改成了").
    return (
        re.compile(rf"[.#\"']?\s*(?:(?:{strong})(?<![A-Za-z])|(?:{strong})(?![A-Za-z]))[ \t]*[:：]?\s*", re.IGNORECASE),
        re.compile(rf"[.#]?[ \t]*(?:(?:{weak})了?(?<![A-Za-z])|(?:{weak})(?![A-Za-z]))[ \t]*", re.IGNORECASE),
    )


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
    password_labels: list[int] = []  # "my password was changed … I changed it back to X"
    bare_labels: list[int] = []  # "I got the code by text, it's 483920"
    for match in bounded_matches(rules.label_regex(not is_lowered), low, 0, len(low)):
        group = index.get(rules.normalise(match.group()))
        if group is None:
            continue
        if group == "seed_phrase":
            yield match.start(), _after_separator(text, match.end()), "seed_label"
            continue
        if group == "password":
            password_labels.append(match.end())
        if group in _TOTP_GROUPS:
            second_factor.append(match.end())
            if group == "verification_code":
                code_labels.append(match.end())
        if group == "bare_code":
            if _not_verification(text, match.start()):
                continue
            bare_labels.append(match.end())
        pass_word = False
        if (
            group == "api_secret"
            and rules.normalise(match.group()) in _PASS_WORDS
            and not _api_nearby(low, match.start())
        ):
            group = "password"  # "my pass is …" far from any API talk is a login password
            pass_word = True
        end = match.end()
        if (
            match.start()
            and text[match.start() - 1] in QUOTES
            and text[end : end + 1] == QUOTES[text[match.start() - 1]]
        ):
            end += 1  # the label is quoted itself: "password": "…"
        hit = _value_after(text, end, group, _is_cjk(match.group()[-1]), pass_word)
        if not hit and group == "password":
            hit = _password_aside(text, end) or (_is_cjk(match.group()[-1]) and _password_described(text, end))
        if not hit and group in _BEFORE_GROUPS and not _names_a_thing(text[end : end + 16]):
            hit = _value_before(text, match.start(), group)
        if hit:
            if hit[2] == "password":
                hit = _password_parts(text, hit)
            yield hit
            if hit[2] == "verification_code" and "\n" in text[hit[1] : hit[1] + 4]:
                yield from _listed_after(text, hit[0], hit[1])
    ma = text.find("码", 1)
    while ma != -1:
        if text[ma - 1] in _BARE_MA_BEFORE:
            end = ma + 1
            after = end + len(text[end : end + 2]) - len(text[end : end + 2].lstrip(" \t"))
            hit = VALUE_CHECKS["bare_code"](text, after, NONE) or _value_after(text, end, "bare_code", True)
            if hit:
                yield hit
            else:
                bare_labels.append(end)
        ma = text.find("码", ma + 1)
    if second_factor:
        yield from _totp_secrets(text, second_factor)
    for end in code_labels:
        yield from _codes_nearby(text, end)
    for end in bare_labels:
        yield from _code_told_later(text, end)
    for end in password_labels:
        yield from _new_password_nearby(text, end)
        yield from _told_later(text, end)
    if "/" in text or "|" in text or "／" in text:
        yield from _credential_pairs(text)


# "same password everywhere, Falcon#2291, so …": the value set off by commas or dashes, a few
# words after the label; only a value that looks chosen (letters with digits or symbols).
_ASIDE_VALUE = re.compile(
    r"(?:[ \t]+[A-Za-z'’]{1,14}){0,4}[ \t]*[,，—–][ \t]*[\"'“‘]?([!-~]{6,40}?)[\"'”’]?"
    r"(?=[ \t]*(?:[,，;；)—–]|[.。!?](?:\s|$)|[ \t]+-[ \t]|\n|$))"
)


def _password_aside(text: str, pos: int):
    near = text[pos : pos + 70]
    if "," not in near and "，" not in near and "—" not in near and "–" not in near:
        return None  # cheap test first
    m = _ASIDE_VALUE.match(text, pos)
    if not m:
        return None
    value = m.group(1)
    if (
        not strong_shape(value)
        or _NOT_A_PASSWORD.fullmatch(value)
        or _DATE_OR_TIME.search(value)
        or value[:1] in "([{<"
    ):
        return None
    return m.start(1), m.end(1), "password"


# "资金密码就是我生日 19900101", "密码是我名字加生日 lw0512": a few Chinese words say what the
# password is made of, then the value itself.
_DESCRIBED = re.compile(
    r"[\u4e00-\u9fff ]{0,4}?(?:是|为|為)[ \t]*[\u4e00-\u9fff]{1,8}[ \t]*[:：,，]?[ \t]*"
    r"[\"'“‘「]?([!-~]{4,40})"
)


_DIGITS_THEN_NAME = re.compile(r"\d{4,}[a-z]{3,5}")


def _password_described(text: str, pos: int):
    near = text[pos : pos + 7]
    if "是" not in near and "为" not in near and "為" not in near:
        return None  # cheap test first
    m = _DESCRIBED.match(text, pos)
    if not m:
        return None
    value = m.group(1).rstrip(".,;:)]}>'\"”’」")
    start = m.start(1)
    if _NOT_A_PASSWORD.fullmatch(value) and not (
        (value.isdigit() and 6 <= len(value) <= 12) or _DIGITS_THEN_NAME.fullmatch(value)
    ):
        return None  # an amount, a version or a date; "8812wang" (digits and a name) is chosen
    if _DATE_OR_TIME.search(value) or UNITS.match(text, start + len(value)) or names_identifier(text, start):
        return None
    if strong_shape(value) or (value.isdigit() and 6 <= len(value) <= 12):
        return start, start + len(value), "password"
    return None


# "码" alone names a code only after 的/个/串 ("邮箱收到的码是 774512"); elsewhere it ends other
# words (号码, 错误码, 邀请码).
_BARE_MA_BEFORE = frozenset("的个串組组")

# Codes listed one a line after the first: "backup codes:\n8812 4490\n7731 0254".
_NEXT_LINE_CODE = re.compile(
    r"[ \t]*[,;，；]?[ \t]*\n[ \t]*(?:\d{1,2}[.)][ \t]*)?([A-Za-z0-9][A-Za-z0-9 \-]{3,14}[A-Za-z0-9])[ \t]*(?=\n|$)"
)


def _shape(value: str) -> str:
    return re.sub(r"[A-Za-z]", "a", re.sub(r"\d", "9", value))


def _listed_after(text: str, start: int, end: int):
    shape = _shape(text[start:end])
    for _ in range(16):
        m = _NEXT_LINE_CODE.match(text, end)
        if not m or _shape(m.group(1)) != shape:
            return
        yield m.start(1), m.end(1), "verification_code"
        end = m.end(1)


# "… changed it back to X", "… 改成了 X": a new value, told a little after the label.
_CHANGED_TO = re.compile(
    r"(?:(?:changed|reset|set|updated|switched)[ \t]+(?:it[ \t]+|mine[ \t]+)?(?:back[ \t]+)?to|"
    r"(?:改成|改为|改回|设置为|设为|换成|重置为)了?)[ \t]*[:：]?[ \t]*([!-~]{6,64})"
)
_PASSWORD_REACH = 150


def _new_password_nearby(text: str, label_end: int):
    stop = text.find("\n\n", label_end, label_end + _PASSWORD_REACH)
    stop = stop if stop != -1 else min(len(text), label_end + _PASSWORD_REACH)
    for m in _CHANGED_TO.finditer(text, label_end, stop):
        value = m.group(1).rstrip(".,;:)]}>'\"")
        if strong_shape(value) and "@" not in value and not value.startswith(("http", "www.")):
            yield m.start(1), m.start(1) + len(value), "password"


# "fund password wrong but I'm sure it's X", "old one was X and new one is Y", "我确定是X":
# the password named again by a pronoun, a little after the label.
_TOLD_LATER = re.compile(
    r"(?:(?<![A-Za-z])(?:(?:[Nn]ew|[Oo]ld|[Cc]urrent|[Pp]revious|[Oo]riginal|[Rr]eal|[Cc]orrect|[Rr]ight|[Ff]irst|"
    r"[Ss]econd)[ \t]+one|[Ii]t|[Mm]ine)"
    r"(?:[ \t]*['’][ \t]*s|[ \t]+(?:is|was|should[ \t]+be|must[ \t]+be|has[ \t]+(?:always[ \t]+)?been))"
    r"(?:[ \t]+(?:now|actually|really|still|just|simply))?"
    r"|(?<![A-Za-z])[Ii]ts|(?:新的|旧的|原来的|以前的|现在的|正确的|应该|肯定|确定|一直|明明|都|现在|目前|"
    r"(?:重设|重置|修改|更改|改|换|设置|设)[了完好]{0,2}(?:以后|之后|後|后))(?:是|为|為|成))"
    r"[ \t]*[:：]?[ \t]*[\"'“‘「]?([!-~]{4,40})"
)
_NOT_A_PASSWORD = re.compile(
    r"[\d.,:/\-]+(?:[A-Za-z]{1,5})?|v?\d+(?:\.\d+)+[A-Za-z]*|(?:0[xX])?[0-9a-fA-F]{32,}|.*@.*|https?:.*|www\..*"
)


def _told_later(text: str, label_end: int):
    stop = text.find("\n\n", label_end, label_end + _PASSWORD_REACH)
    stop = stop if stop != -1 else min(len(text), label_end + _PASSWORD_REACH)
    for m in _TOLD_LATER.finditer(text, label_end, stop):
        value = m.group(1).rstrip(".,;:)]}>'\"”’」")
        if len(value) > 30 or _NOT_A_PASSWORD.fullmatch(value) or _DATE_OR_TIME.search(value):
            continue  # an address, a hash, an amount, a version or a date
        if strong_shape(value) or (
            value.isdigit() and 6 <= len(value) <= 12 and not UNITS.match(text, m.start(1) + len(value))
        ):
            yield m.start(1), m.start(1) + len(value), "password"


# "login: me@example.com / Secret#1", "account lucas_m | Pa55word": a user name, a slash, a password.
# Looked for backwards from each slash, so that the cost follows the slashes, not the text.
_USER_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:log[ \-]?in|sign[ \-]?in|credentials?|creds|account|user[ _]?name|user|"
    r"账号|帳號|账户|帳戶|用户名|登录|登入)(?:[ \t]+(?:details|info))?[ \t]*(?:is[ \t]|[:：=])?[ \t]*"
    r"(?:[\w.+\-]{1,64}@[\w\-]{1,63}(?:\.[\w\-]{1,63}){1,4}|[\w.\-]{3,32})[ \t]*$",
    re.IGNORECASE,
)
_SLASH = re.compile(r"[/|／｜][ \t]*([!-~]{4,64})")
_USER_REACH = 110


def _credential_pairs(text: str):
    for m in _SLASH.finditer(text):
        if not _USER_BEFORE.search(text, max(0, m.start() - _USER_REACH), m.start()):
            continue
        value = m.group(1).rstrip(".,;:)]}>'\"")
        if strong_shape(value) and not _NOT_A_PASSWORD.fullmatch(value) and not _DATE_OR_TIME.search(value):
            yield m.start(1), m.start(1) + len(value), "password"


# "I got the code by text, it's 483920", "码发过来了，是 483920": the code after a pronoun or verb.
_CODE_LATER = re.compile(
    r"(?:(?<![A-Za-z])(?:it|that|this)(?:[ \t]*['’][ \t]*s|[ \t]+(?:is|was|reads|says))|是|为|為)"
    r"[ \t]*[:：]?[ \t]*[\"'“‘「]?(\d{6}|\d{3}[ \-]\d{3})(?![\dA-Za-z])(?![.,:/\-][\dA-Za-z])"
)
_CODE_LATER_REACH = 60


def _code_told_later(text: str, label_end: int):
    stop = min(len(text), label_end + _CODE_LATER_REACH)
    newline = text.find("\n", label_end, stop)
    m = _CODE_LATER.search(text, label_end, newline if newline != -1 else stop)
    if m and not UNITS.match(text, m.end(1)) and not names_identifier(text, m.start(1)):
        yield m.start(1), m.end(1), "verification_code"


_NEAR_CODE = re.compile(
    r"(?<![\w.,:/\-])(?<!\d[ \-])(?:\d{6}|\d{3}[ \-]\d{3})(?![\dA-Za-z])(?![.,:/\-][\dA-Za-z])(?! \d)"
)  # a whole token: not the head of a UUID or a word
_NEAR_REACH = 80


def _codes_nearby(text: str, label_end: int):
    """Six-digit codes a little after a code label, in the same paragraph."""
    stop = text.find("\n\n", label_end, label_end + _NEAR_REACH)
    stop = stop if stop != -1 else min(len(text), label_end + _NEAR_REACH)
    for m in _NEAR_CODE.finditer(text, label_end, stop):
        if UNITS.match(text, m.end()) or names_identifier(text, m.start()):
            continue
        yield m.start(), m.end(), "verification_code"


_PASS_WORDS = frozenset({"pass"})
_API_WORDS = re.compile(r"(?<![a-z])(?:api|secret|key|bot|sign|okx-access|量化|机器人)")


def _api_nearby(low: str, start: int) -> bool:
    return _API_WORDS.search(low, max(0, start - 120), start + 40) is not None


def _not_verification(text: str, start: int) -> bool:
    before = re.search(r"([A-Za-z\-]+)[ \t]*$", text[max(0, start - 24) : start])
    return bool(before) and before.group(1).lower() in rules.word_set("context", "not_verification")


def _totp_secrets(text: str, label_ends: list[int]):
    for m in _TOTP_SHAPE.finditer(text, label_ends[0]):
        value = m.group()
        letters = sum(c.isalpha() for c in value)
        i = bisect.bisect_right(label_ends, m.start())  # the nearest label before the value
        if letters >= 8 and any(c.isdigit() for c in value) and i and m.start() - label_ends[i - 1] <= _TOTP_REACH:
            yield m.start(), m.end(), "verification_code"


# The value may come first: "I use Abc12345 as my password", "483920 is the code", "Abc12345是我的密码".
_BEFORE_GROUPS = ("password", "verification_code", "bare_code", "api_secret")
_VALUE_BEFORE = re.compile(
    r"(?<![!-~])([!-~]{4,64}?)[.,;!?]?[ \t]*"
    r"(?:(?:is|was|=)[ \t]+(?:also[ \t]+)?|as[ \t]+|是|为|作为|就是)"
    r"(?:(?:my|the|your|our|a|new|old|current|login|fund|trading|okx|account|email|sms|2fa|google)[ \t]+){0,3}"
    r"(?:我的|我|新的?|旧的?|登录|资金|交易|支付|账户|账号)*$",
    re.IGNORECASE,
)


_DATE_OR_TIME = re.compile(r"\d{4}[\-/.]\d{1,2}[\-/.]\d{1,2}|\d{1,2}:\d{2}")


_CONNECTOR = re.compile(r"(?<![a-z])(?:is|was|as)[ \t]|=|是|为|為", re.IGNORECASE)


def _value_before(text: str, label_start: int, group: str):
    if not _CONNECTOR.search(text, max(0, label_start - 40), label_start):
        return None  # cheap test first: the full pattern is tried at every position before
    m = _VALUE_BEFORE.search(text, max(0, label_start - 60), label_start)
    if not m:
        return None
    start, end = m.span(1)
    value = m.group(1)
    if _DATE_OR_TIME.search(value) or names_identifier(text, start):
        return None  # "2024-05-01 is my password change date", "Order 123456 is the code"
    if group in ("verification_code", "bare_code"):
        if not (value.isdigit() and (6 if group == "bare_code" else 4) <= len(value) <= 8):
            return None
        return start, end, "verification_code"
    if not strong_shape(value) or value.startswith(("http", "www.")) or "@" in value:
        return None
    return start, end, group


def _names_a_thing(fill: str) -> bool:
    """The words after the label make a different noun of it ("password manager")."""
    ascii_nouns, cjk_nouns = _label_nouns()
    fill = fill.strip()
    first = _FIRST_WORD.match(fill)
    return bool(first and first.group().lower() in ascii_nouns) or fill.startswith(cjk_nouns)


_FIRST_WORD = re.compile(r"[A-Za-z]+")


@cache
def _label_nouns():
    nouns = rules.word_set("values", "label_nouns")
    return frozenset(n for n in nouns if n.isascii()), tuple(n for n in nouns if not n.isascii())


def _after_separator(text: str, pos: int) -> int:
    strong, weak = _separators()
    m = _ASIDE.match(text, pos)
    pos = m.end() if m else pos
    m = strong.match(text, pos) or weak.match(text, pos)
    return m.end() if m else pos


_NUMBERED_GROUPS = ("id_document", "bank_card")
_NUMBER_WORD = re.compile(r"[ \t]*[,，][ \t]*(?:(?i:number|num|no\.?|#)|号码|號碼|号)(?![A-Za-z])")
# "zhang（名字拼音）加 770920", "Tiger + 1987": a password told in parts.
_PLUS_PART = re.compile(
    r"[ \t]*(?:\([^()\n]{0,24}\)|（[^（）\n]{0,24}）)?[ \t]*(?:再加上|加上|再加|加|\+|(?i:plus))[ \t]*([!-~]{2,30})"
)


def _password_parts(text: str, hit):
    """The password hit, stretched over a second part joined by 加/+/plus."""
    m = _PLUS_PART.match(text, hit[1])
    if not m:
        return hit
    end = m.start(1) + len(m.group(1).rstrip(".,;:)]}>'\"”’」"))
    return hit[0], end, hit[2]


def _value_after(text: str, pos: int, group: str, cjk_label: bool, pass_word: bool = False):
    strong, weak = _separators()
    if text[pos : pos + 1] in ("-", "–", "—") and text[pos + 1 : pos + 2].isalnum():
        return None  # a compound word: "password-protected", "secret-looking"
    if text[pos : pos + 1] in (".", "#") and text[pos + 1 : pos + 2] in (" ", "\t", ":", "：", ""):
        pos += 1  # "ID no. 1234", "card # 1234"
    if group in _NUMBERED_GROUPS:
        more = _NUMBER_WORD.match(text, pos)
        pos = more.end() if more else pos  # "passport, number E123…", "card, no. 4539…"
    aside = _ASIDE.match(text, pos)
    if aside:
        inner = aside.group().strip(" \t")[1:-1]
        if strong_shape(inner) and " " not in inner and group in ("password", "api_secret"):
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
            # "password as you asked on Telegram: X": the weak word opens a clause, not the value
            hit = _checked_value(text, m.end(), group, link, pass_word)
            if hit:
                return hit
            m = _fill_link(text, pos, cjk_label)
            if not m:
                return None
            link = STRONG
        else:
            m = _fill_link(text, pos, cjk_label)
            if m is False:
                return None
            if m:
                link = STRONG
    if m and link == STRONG and not ENGLISH_VERB.match(m.group()):
        link = SYMBOL
    if pass_word and link < STRONG:
        return None  # "pass" is a verb far more often than a password
    if m:
        return VALUE_CHECKS[group](text, m.end(), link)
    elif cjk_label:
        pos += len(text[pos : pos + 2]) - len(text[pos : pos + 2].lstrip(" \t"))
    else:
        gap = len(text[pos : pos + 3]) - len(text[pos : pos + 3].lstrip(" \t"))
        if gap == 0 and pos < len(text) and text[pos].isascii() and text[pos].isalnum():
            return None  # "password123" is one word, not a label and a value
        pos += gap
    return VALUE_CHECKS[group](text, pos, link)


def _fill_link(text: str, pos: int, cjk_label: bool):
    """The separator after a few filler words, None without one, False when the words make
    the label another noun ("password manager: …", "验证码输入框：…")."""
    strong, _ = _separators()
    fill = (_FILL_ZH if cjk_label else _FILL_EN).match(text, pos) or (_FILL_EN if cjk_label else _FILL_ZH).match(
        text, pos
    )
    if not fill and "," in text[pos : pos + 60]:
        fill = _FILL_COMMAS.match(text, pos)
    if not fill:
        return None
    if _names_a_thing(fill.group()):
        return False
    return strong.match(text, fill.end())


def _checked_value(text: str, pos: int, group: str, link: int, pass_word: bool):
    if pass_word:
        return None
    return VALUE_CHECKS[group](text, pos, link)


def _is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"
