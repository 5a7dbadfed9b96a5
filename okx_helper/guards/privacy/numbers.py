"""Numbers that identify a person or a card: checked by their check digits, not by shape alone.

UIDs, order IDs and amounts are long digit strings too; a check digit, card-like grouping and
the words before a number keep them apart.
"""

from __future__ import annotations

import datetime
import re
from functools import cache

from okx_helper.guards.privacy.context import names_identifier

# Chinese resident ID: 17 digits and a check character; stdnum checks checksum, date and region.
RIC = re.compile(r"(?<![0-9A-Za-z])[1-9]\d{5}(?:19|20)\d{2}[01]\d[0-3]\d\d{3}[\dXx](?![0-9A-Za-z])")
# Hong Kong: one or two letters, six digits, check digit often in brackets.
# Without brackets a letter and seven digits is too common a shape (tickets, SKUs): a label
# ("HKID A1234567") is needed then, and labelled values are handled elsewhere.
HKID = re.compile(r"(?<![0-9A-Za-z])([A-Z]{1,2})(\d{6})\s?(?:\(([0-9A])\)|（([0-9A])）)")
# Taiwan: a letter, 1 or 2 (sex), eight digits.
TWID = re.compile(r"(?<![0-9A-Za-z])([A-Z])([12]\d{8})(?![0-9A-Za-z])")
# Cards grouped the way they are printed: 4-4-4-4(-3), 4-6-5 (Amex).
_NOT_BEFORE = r"(?<!\d)(?<!\d[\-.])"  # not the tail of a longer number, date or amount
_NOT_AFTER = r"(?!\d)(?![\-.]\d)"
GROUPED_CARD = re.compile(
    _NOT_BEFORE + r"(?:[2-6]\d{3}(?:[ \-]\d{4}){3}(?:[ \-]\d{1,3})?|3[47]\d{2}[ \-]\d{6}[ \-]\d{5})" + _NOT_AFTER
)
PLAIN_CARD = re.compile(_NOT_BEFORE + r"[2-6]\d{12,18}" + _NOT_AFTER)
# Mainland mobile numbers, optionally with +86; never inside a longer digit run.
CN_MOBILE = re.compile(_NOT_BEFORE + r"(?:(?:\+|00)86[ \-]?)?1[3-9]\d(?:[ \-]?\d{4}){2}" + _NOT_AFTER)
# Any number written in international form is a phone number.
INTL_PHONE = re.compile(
    _NOT_BEFORE + r"\+[1-9]\d{0,2}[ \-]?(?:\(\d{1,4}\)[ \-]?)?\d{2,5}(?:[ \-]?\d{2,5}){1,4}" + _NOT_AFTER
)

_HK_VALUES = {c: i + 10 for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}
_TW_CODES = "ABCDEFGHJKLMNPQRSTUVXYWZIO"  # letter -> 10..35 in this order


# First two digits of a resident ID: the province-level region.
_PROVINCES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83".split()
)


def ric_valid(value: str) -> bool:
    """Check digit and birth date via stdnum, province by its code.

    stdnum's full validation also requires the county to have existed in the birth year,
    which rejects real IDs issued after a district was renamed: too strict here.
    """
    _, ric, ValidationError = _stdnum()
    value = value.upper()
    if value[:2] not in _PROVINCES or ric.calc_check_digit(value) != value[-1]:
        return False
    try:
        born = ric.get_birth_date(value)
    except ValidationError:
        return False
    return datetime.date(1900, 1, 1) <= born <= datetime.date.today()


@cache
def _stdnum():
    # python-stdnum is imported on first use, off the wizard's start-up path.
    from stdnum import luhn
    from stdnum.cn import ric
    from stdnum.exceptions import ValidationError

    return luhn, ric, ValidationError


def luhn_valid(digits: str) -> bool:
    return _stdnum()[0].is_valid(digits)


def hkid_valid(prefix: str, digits: str, check: str) -> bool:
    letters = prefix if len(prefix) == 2 else " " + prefix
    total = (36 if letters[0] == " " else _HK_VALUES[letters[0]]) * 9 + _HK_VALUES[letters[1]] * 8
    total += sum(int(d) * w for d, w in zip(digits, range(7, 1, -1), strict=False))
    expected = (11 - total % 11) % 11
    return check == ("A" if expected == 10 else str(expected))


def twid_valid(letter: str, digits: str) -> bool:
    code = _TW_CODES.index(letter) + 10
    total = code // 10 + (code % 10) * 9
    total += sum(int(d) * w for d, w in zip(digits[:8], range(8, 0, -1), strict=True))
    total += int(digits[8])
    return total % 10 == 0


# Seven or more digits with at most two separators between neighbours: every number below is one.
_CLUSTER = re.compile(r"\d(?:[ \-()（）.]{0,2}\d){6,}")


def _count_digits(value: str) -> int:
    return len(_NON_DIGIT.sub("", value))


def find(text: str, card_context) -> list[tuple[int, int, str]]:
    """(start, end, kind) of ID and card numbers found without a label."""
    # One pass finds the digit clusters; each pattern then only looks around the clusters with
    # enough digits for it.
    windows = []
    for m in _CLUSTER.finditer(text):
        digits = _count_digits(m.group())
        windows.append((max(0, m.start() - 3), min(len(text), m.end() + 8), digits))
    if not windows:
        return []

    def matches(pattern, fewest):
        seen = set()
        for lo, hi, digits in windows:
            if digits < fewest:
                continue
            for m in pattern.finditer(text, lo, hi):
                if m.span() not in seen:
                    seen.add(m.span())
                    yield m

    out: list[tuple[int, int, str]] = []
    for m in matches(RIC, 17):
        if ric_valid(m.group()) and not names_identifier(text, m.start()):
            out.append((m.start(), m.end(), "id_document"))
    for m in matches(HKID, 7):
        check = m.group(3) or m.group(4)
        if hkid_valid(m.group(1), m.group(2), check) and not names_identifier(text, m.start()):
            out.append((m.start(), m.end(), "id_document"))
    for m in matches(TWID, 9):
        if twid_valid(m.group(1), m.group(2)) and not names_identifier(text, m.start()):
            out.append((m.start(), m.end(), "id_document"))
    for m in matches(GROUPED_CARD, 13):
        if _IBAN_HEAD.search(text, max(0, m.start() - 10), m.start()):
            continue  # the middle of an IBAN ("DE89 3704 0044 …"), which support may need
        if luhn_valid(_NON_DIGIT.sub("", m.group())) and not names_identifier(text, m.start()):
            out.append((m.start(), m.end(), "bank_card"))
    for m in matches(PLAIN_CARD, 13):
        # An ungrouped Luhn-valid number may be a UID: only card words nearby make it a card.
        if luhn_valid(m.group()) and card_context(m.start()) and not names_identifier(text, m.start(), 12):
            out.append((m.start(), m.end(), "bank_card"))
    for pattern in (CN_MOBILE, INTL_PHONE):
        for m in matches(pattern, 8):
            digits = sum(c.isdigit() for c in m.group())
            if text[m.end() : m.end() + 1] == "@" or (m.start() and text[m.start() - 1].isalpha()):
                continue  # the local part of an email address, or part of a word
            if 8 <= digits <= 15 and not toll_free(m.group()) and not names_identifier(text, m.start()):
                out.append((m.start(), m.end(), "phone"))
    return out


_NON_DIGIT = re.compile(r"\D")
_IBAN_HEAD = re.compile(r"\b[A-Z]{2}\d{2}[ \-]?(?:[A-Z0-9]{4}[ \-]?)?$")


_TOLL_FREE = re.compile(r"^(?:\+1[ \-]?\(?8(?:00|33|44|55|66|77|88)\)?|(?:\+86[ \-]?)?[48]00)")


def toll_free(number: str) -> bool:
    """Business hotlines (+1 800…, 400-…) are nobody's personal number."""
    return _TOLL_FREE.match(number) is not None
