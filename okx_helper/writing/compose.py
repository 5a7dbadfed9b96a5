"""Turn a Draft into the email: subject, body from the jinja2 templates, and an RFC 5322 message."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import datetime, timezone
from email.message import EmailMessage
from functools import lru_cache

from okx_helper.base.i18n import t
from okx_helper.base.resources import templates_dir
from okx_helper.writing import categories
from okx_helper.writing.draft import Draft
from okx_helper.writing.fields import DateTimeError, parse_datetime, utc_text

# Bidirectional overrides and isolates can make a header display differently from what it
# says ("Trojan Source"); they have no business in an address or a subject.
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_LINE_SEPARATORS = {"Zl", "Zp", "Cc"}  # C0, DEL, C1 and U+2028/2029


def sanitize_header(value: str) -> str:
    """A header value with every control character gone and whitespace collapsed to single spaces.

    CR and LF would let a field add headers of its own (header injection); other control
    characters confuse mail clients. Both become spaces, so words stay apart.
    """
    out = []
    for char in str(value or ""):
        if char in _BIDI:
            continue
        out.append(" " if unicodedata.category(char) in _LINE_SEPARATORS else char)
    text = re.sub(r"\s+", " ", "".join(out)).strip()
    # A typed RFC 2047 encoded word ("=?utf-8?q?=0D=0ABcc:...?=") would be decoded by the email
    # package and could smuggle a line break back in: break the "=?" opener.
    return text.replace("=?", "= ?")


def subject_for(draft: Draft) -> str:
    """The draft's own subject, else the category's suggestion, in the email's language."""
    if draft.subject.strip():
        return sanitize_header(draft.subject)
    category = categories.find(draft.category)
    if category is None:
        return sanitize_header(t("compose.generic_subject", draft.email_lang))
    return sanitize_header(category.suggest_subject(draft.fields, draft.email_lang))


@lru_cache(maxsize=1)
def _environment():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # plain text: escaping would put &amp; into the email
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _clean_text(value: str) -> str:
    """Body text with Windows line ends unified and stray control characters (not tabs) removed."""
    value = str(value or "").replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c for c in value if c in "\n\t" or unicodedata.category(c) != "Cc").strip()


def _details(draft: Draft, category, lang: str) -> list[dict]:
    items = []
    for spec in category.fields:
        value = _clean_text(draft.fields.get(spec.id, ""))
        if not value:
            continue
        utc = ""
        if spec.kind == "datetime":
            try:
                moment = parse_datetime(value)
            except DateTimeError:
                pass
            else:
                utc = utc_text(moment) if moment.utcoffset() else ""
        lines = value.split("\n")
        items.append(
            {
                "id": spec.id,
                "label": spec.text("label", lang),
                "value": value,
                "utc": utc,
                "multiline": spec.kind == "multiline" or len(lines) > 1,
                "lines": lines,
            }
        )
    return items


def render_body(draft: Draft) -> str:
    """The email body from the category's template in the draft's email language."""
    lang = draft.email_lang if draft.email_lang in categories.LANGS else "en"
    category = categories.find(draft.category) or categories.get("other")
    values = {spec.id: _clean_text(draft.fields.get(spec.id, "")) for spec in category.fields}
    profile = draft.profile
    context = {
        "lang": lang,
        "title": category.text("title", lang),
        "profile": {
            "uid": sanitize_header(profile.uid),
            "email": sanitize_header(profile.email),
            "nickname": sanitize_header(profile.nickname),
        },
        "fields": {key: sanitize_header(value) for key, value in values.items()},
        "details": _details(draft, category, lang),
        "description": _clean_text(draft.description),
        "signature": sanitize_header(profile.nickname),
    }
    text = _environment().get_template(f"{lang}/{category.template}").render(**context)
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


# A conservative addr-spec: what email-validator accepts for support mail, in plain ASCII.
_ADDR_SPEC = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\-]+@[A-Za-z0-9](?:[A-Za-z0-9.\-]*[A-Za-z0-9])?")


# "addr" or "Display Name <addr>": one mailbox, nothing else (no lists, no groups).
_MAILBOX = re.compile(r"(?P<name>[^<>]*?)\s*<(?P<addr>[^<>\s]+)>|(?P<bare>[^<>\s,;]+)")


def _address(value: str, header: str):
    """One mailbox for To/From as a headerregistry.Address; ValueError when it is not one.

    A malformed address would be folded into a broken header by the email package, so it is
    refused here instead of being written.
    """
    from email.headerregistry import Address

    text = sanitize_header(value)
    match = _MAILBOX.fullmatch(text)
    addr = (match["addr"] or match["bare"]) if match else ""
    name = (match["name"] or "").strip() if match else ""
    if len(name) >= 2 and name[0] == name[-1] == '"':
        name = name[1:-1].replace('\\"', '"')
    local = addr.rpartition("@")[0]
    if not _ADDR_SPEC.fullmatch(addr) or ".." in addr or local.startswith(".") or local.endswith(".") or '"' in name:
        raise ValueError(f"{header}: not an email address: {text!r}")
    try:
        return Address(display_name=sanitize_header(name), addr_spec=addr)
    except ValueError:  # the email package's own stricter checks (header defects)
        raise ValueError(f"{header}: not an email address: {text!r}") from None


def _msgid_domain(from_addr: str) -> str:
    from email.utils import parseaddr

    address = parseaddr(from_addr)[1]
    domain = address.rpartition("@")[2].lower() if "@" in address else ""
    if domain and re.fullmatch(r"[a-z0-9.\-]+", domain) and "." in domain:
        return domain
    return "okx-helper.local"


def new_message(
    *,
    to: str,
    subject: str,
    body: str,
    from_addr: str = "",
    in_reply_to: str | None = None,
    references: Sequence[str] = (),
    unsent: bool = True,
    date: datetime | None = None,
    message_id: str | None = None,
) -> EmailMessage:
    """An RFC 5322 message with a UTF-8 text/plain body; every header value is sanitized first.

    Raises ValueError when `to` or `from_addr` is not a single email address.
    """
    from email.utils import format_datetime, make_msgid

    msg = EmailMessage()  # policy.default: RFC 2047 for non-ASCII headers, strict header parsing
    if from_addr.strip():
        msg["From"] = _address(from_addr, "From")
    msg["To"] = _address(to, "To")
    msg["Subject"] = sanitize_header(subject)
    msg["Date"] = format_datetime((date or datetime.now(timezone.utc)).astimezone())
    msg["Message-ID"] = sanitize_header(message_id) if message_id else make_msgid(domain=_msgid_domain(from_addr))
    if in_reply_to:
        msg["In-Reply-To"] = sanitize_header(in_reply_to)
    refs = [sanitize_header(ref) for ref in references if sanitize_header(ref)]
    if refs:
        msg["References"] = " ".join(refs)
    if unsent:
        msg["X-Unsent"] = "1"  # desktop clients (Outlook, Thunderbird) open the file as a draft
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    plain = body.isascii() and all(len(line) <= 998 for line in body.split("\n"))
    # Quoted-printable survives any relay, including ones without 8BITMIME.
    msg.set_content(body, subtype="plain", charset="utf-8", cte="7bit" if plain else "quoted-printable")
    return msg


def from_address(draft: Draft) -> str:
    """From: the registered email when it is well-formed; "" for a half-typed one (the completeness
    check asks for it), so the preview never fails on it."""
    try:
        return str(_address(draft.profile.email, "From")) if draft.profile.email.strip() else ""
    except ValueError:
        return ""


def build_message(draft: Draft, **kw) -> EmailMessage:
    """The draft as a message; a malformed To raises ValueError."""
    kw.setdefault("from_addr", from_address(draft))
    return new_message(to=draft.to, subject=subject_for(draft), body=render_body(draft), **kw)


def to_eml_bytes(msg: EmailMessage) -> bytes:
    """The message as .eml bytes with CRLF line ends, as mail clients expect."""
    return msg.as_bytes(policy=msg.policy.clone(linesep="\r\n"))
