"""mailto: URLs per RFC 6068, with a fallback when the message is too long for one.

Only to, subject and body are used: other header fields in a mailto URL are ignored or
refused by many clients, and attachments cannot be carried at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

# Browsers and mail clients start truncating or refusing URLs beyond about 2,000 characters.
SAFE_LENGTH = 2000

_LINE_BREAKS = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
# C0 controls except tab and line breaks, DEL and C1 controls: never useful in a message.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _q(text: str) -> str:
    # safe="" so that every reserved character (/ ? # & = + , ; : @ …) is percent-encoded.
    return quote(text, safe="", encoding="utf-8")


def _address(addr: str) -> str:
    local, at, domain = addr.strip().rpartition("@")
    if not at:
        return _q(addr.strip())
    # The one "@" that separates local part and domain stays literal (RFC 6068 section 2).
    return f"{_q(local)}@{_q(domain)}"


def single_line(text: str) -> str:
    """A header value on one line: line breaks become spaces, other controls are dropped."""
    return _CONTROLS.sub("", _LINE_BREAKS.sub(" ", text.replace("\t", " ")))


def mailto_url(to: str, subject: str, body: str) -> str:
    """The RFC 6068 URL for one or more comma-separated addresses, a subject and a body."""
    addresses = ",".join(_address(a) for a in single_line(to).split(",") if a.strip())
    body = _CONTROLS.sub("", _LINE_BREAKS.sub("\r\n", body))  # RFC 6068: line breaks are %0D%0A
    query = []
    if subject:
        query.append("subject=" + _q(single_line(subject)))
    if body:
        query.append("body=" + _q(body))
    return "mailto:" + addresses + ("?" + "&".join(query) if query else "")


@dataclass(frozen=True)
class Mailto:
    url: str
    shortened: bool  # True: the body was replaced by `fallback_body`


def fit(to: str, subject: str, body: str, fallback_body: str, limit: int = SAFE_LENGTH) -> Mailto:
    """The full URL if it fits in `limit` characters, else one whose body is `fallback_body`."""
    url = mailto_url(to, subject, body)
    if len(url) <= limit:
        return Mailto(url, False)
    return Mailto(mailto_url(to, subject, fallback_body), True)
