"""Read a saved e-mail (RFC 5322 .eml) or pasted reply text into plain parts.

Only the standard library: the email package does MIME, base64, quoted-printable and
RFC 2047 headers; html.parser turns HTML parts into text while keeping link targets.
Nothing here judges the message; replies.py does that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from email.utils import getaddresses, parseaddr
from html.parser import HTMLParser

__all__ = ["Anchor", "ParsedMail", "UnreadableReply", "parse_mail", "clean_text", "find_urls", "find_url_spans"]


class UnreadableReply(Exception):
    """The input is empty, binary, cut off or otherwise not a message we can read.

    `key` names the reason ("binary", "empty", "cut_off", "no_text", "damaged") so the
    interface can say it in the user's language; str() is the English sentence.
    """

    def __init__(self, message: str, key: str = "damaged") -> None:
        super().__init__(message)
        self.key = key


@dataclass(frozen=True)
class Anchor:
    """An HTML link: where it goes, the words shown on it, and the text of its block on either side."""

    href: str
    text: str
    before: str = ""
    after: str = ""


@dataclass
class ParsedMail:
    has_headers: bool = False
    subject: str = ""
    from_raw: str = ""  # display name and address, decoded ("OKX客服 <x@qq.com>")
    from_addr: str = ""
    reply_to: list[str] = field(default_factory=list)  # "name <addr>" strings
    return_path: str = ""
    auth_results: list[str] = field(default_factory=list)  # header values, top first
    dkim_signature_domains: list[str] = field(default_factory=list)
    body_text: str = ""  # the part shown to the user (plain preferred)
    scan_text: str = ""  # every distinct text part, for danger scanning
    links: list[str] = field(default_factory=list)  # href targets and URLs seen in text
    anchors: list[Anchor] = field(default_factory=list)  # HTML links with what they show


# A support reply is a few kB; attachments included, anything past this is not a reply.
MAX_SIZE = 25_000_000

# C0/C1 controls (except tab and newline), DEL, and bidi overrides that can disguise text.
# Zero-width characters and soft hyphens go too: they hide words ("se\u200bed phrase") from checks.
CONTROL_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_BINARY_CHARS = {"\x00"}
_BINARY_RE = re.compile("[\x01-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_HEADER_LINE_RE = re.compile(r"^[!-9;-~]+:")
# Header names that make a pasted block look like a real message rather than prose.
_KNOWN_HEADERS = {
    "from",
    "to",
    "cc",
    "subject",
    "date",
    "received",
    "return-path",
    "message-id",
    "reply-to",
    "mime-version",
    "content-type",
    "content-transfer-encoding",
    "delivered-to",
    "sender",
    "authentication-results",
    "dkim-signature",
    "arc-authentication-results",
    "x-mailer",
    "in-reply-to",
    "references",
    "x-received",
    "received-spf",
}
_URL_RE = re.compile(r"(?i)\b(?:https?://|hxxps?://|www\.)[^\s<>\"'()\[\]{}，。、；！？）】]+")
# Bare host names with a path ("okx-verify.com/login") are links too; plain "okx.com" prose is not worth it.
_BARE_HOST_PATH_RE = re.compile(
    r"(?i)(?<![@\w.\-/])(?:[a-z0-9\-]+\.)+(?:com|net|org|io|co|xyz|top|info|app|site|online|"
    r"cc|me|vip|club|live|link|pro|cn|hk|support|help|services?|biz)/[^\s<>\"'，。]*"
)


def clean_text(text: str) -> str:
    """Text with terminal control characters removed (keeps tabs and newlines)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return CONTROL_CHARS.sub("", text)


def find_urls(text: str) -> list[str]:
    """URLs written in running text, trailing punctuation removed."""
    return [url for url, _, _ in find_url_spans(text)]


def find_url_spans(text: str) -> list[tuple[str, int, int]]:
    """(url, start, end) for each URL written in running text, trailing punctuation removed."""
    found = []
    for pattern in (_URL_RE, _BARE_HOST_PATH_RE):
        for m in pattern.finditer(text):
            url = m.group(0).rstrip(".,;:!?'\"")
            found.append((url, m.start(), m.start() + len(url)))
    return found


class _HtmlToText(HTMLParser):
    """HTML to readable text; scripts, styles and the head are dropped, link targets kept."""

    _SKIP = {"script", "style", "head", "title", "noscript", "template"}
    _BLOCK = {
        "p",
        "div",
        "br",
        "tr",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "ul",
        "ol",
        "blockquote",
        "section",
        "article",
        "footer",
        "header",
        "hr",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[str] = []
        self._skip_depth = 0
        # (href, index in parts where its text starts, index where it ends or None while open)
        self._anchors: list[list] = []

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self._skip_depth += 1
            return
        if tag in self._BLOCK:
            self.parts.append("\n")
        if tag == "li":
            self.parts.append("- ")
        for name, value in attrs:
            if value and ((tag in ("a", "area") and name == "href") or (tag == "form" and name == "action")):
                self.links.append(value.strip())
                if tag == "a":
                    self._anchors.append([value.strip(), len(self.parts), None])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in self._SKIP:
            self._skip_depth = max(0, self._skip_depth - 1)

    def handle_endtag(self, tag):
        if tag == "a" and self._anchors and self._anchors[-1][2] is None:
            self._anchors[-1][2] = len(self.parts)
        if tag in self._SKIP:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip_depth:
            self.parts.append(data)

    def anchors(self) -> list[Anchor]:
        """Each link with its shown text and the block of text it sits in (a line, a cell)."""
        offsets, total = [], 0
        for part in self.parts:
            offsets.append(total)
            total += len(part)
        offsets.append(total)
        flat = "".join(self.parts)
        out = []
        for href, first, last in self._anchors:
            last = len(self.parts) if last is None else last
            start, end = offsets[first], offsets[last]
            text = _squash(flat[start:end])
            before = flat.rfind("\n", 0, start) + 1
            after = flat.find("\n", end)
            after = len(flat) if after < 0 else after
            out.append(
                Anchor(
                    href=href,
                    text=text,
                    before=_squash(flat[max(before, start - 300) : start]),
                    after=_squash(flat[end : min(after, end + 300)]),
                )
            )
        return out


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _html_parts(html: str) -> tuple[str, list[str], list[Anchor]]:
    """Readable text of an HTML part, the link targets it contains, and where they are."""
    parser = _HtmlToText()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # html.parser is lenient; anything left over is still usable text
        pass
    text = "".join(parser.parts)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    try:
        anchors = parser.anchors()
    except Exception:  # a link we cannot place is still checked by its target alone
        anchors = []
    return text, parser.links, anchors


def _looks_binary(data: bytes) -> bool:
    if not data.strip():
        return False
    if b"\x00" in data[:65536]:
        return True
    sample = data[:65536]
    # ESC is left out: an escape-sequence attack in a real message is text to clean, not binary.
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27) or b == 127)
    return controls / len(sample) > 0.05


def _looks_like_message(text: str) -> bool:
    """True when the text starts with a header block that names at least one mail header."""
    names = []
    for line in text.split("\n"):
        if not line.strip():
            break
        if line[0] in " \t" and names:
            continue
        if not _HEADER_LINE_RE.match(line):
            return False
        names.append(line.split(":", 1)[0].strip().lower())
    return any(name in _KNOWN_HEADERS for name in names)


def _to_text(data: bytes | str) -> tuple[str, bytes | None]:
    """The input as text (for sniffing), and as bytes when it came as bytes."""
    if isinstance(data, str):
        return data, None
    if _looks_binary(data):
        raise UnreadableReply("this looks like a binary file, not an e-mail or text", "binary")
    return data.decode("utf-8", "replace"), data


def _decode_pasted(raw: bytes) -> str:
    """Pasted text saved to a file: UTF-8, else GB18030 (Chinese Windows), else replacement marks."""
    for charset in ("utf-8", "gb18030"):
        try:
            return raw.decode(charset)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "replace")


def _header(msg, name: str) -> list[str]:
    """All values of a header as decoded text; malformed ones fall back to their raw form."""
    values = []
    try:
        raw_values = msg.get_all(name) or []
    except Exception:
        raw_values = []
    for value in raw_values:
        try:
            values.append(str(value))
        except Exception:
            values.append(getattr(value, "_raw", "") or "")
    return [clean_text(v).replace("\n", " ").strip() for v in values]


def _addresses(values: list[str]) -> list[str]:
    out = []
    try:
        pairs = getaddresses(values)
    except Exception:
        pairs = [parseaddr(v) for v in values]
    for name, addr in pairs:
        if not addr:
            continue
        name = name.strip().strip('"')
        out.append(f"{name} <{addr}>" if name else addr)
    return out


def _part_text(part) -> str:
    try:
        text = part.get_content()
        if isinstance(text, bytes):
            text = text.decode("utf-8", "replace")
        return text
    except Exception:
        payload = part.get_payload(decode=True) or b""
        if isinstance(payload, str):
            return payload
        charset = part.get_content_charset() or "utf-8"
        try:
            return payload.decode(charset, "replace")
        except LookupError:
            return payload.decode("utf-8", "replace")


def _check_cut_off(msg) -> None:
    """Raise when the MIME structure shows the file was truncated or damaged."""
    from email import errors

    fatal = (
        errors.StartBoundaryNotFoundDefect,
        errors.CloseBoundaryNotFoundDefect,
        errors.InvalidBase64LengthDefect,
        errors.InvalidBase64CharactersDefect,
    )
    for part in msg.walk():
        for defect in getattr(part, "defects", []):
            if isinstance(defect, fatal):
                raise UnreadableReply(
                    "the message looks cut off or damaged (broken MIME structure); "
                    "save the whole message again as .eml",
                    "cut_off",
                )
        if (
            part.get_content_maintype() == "text"
            and part.get("Content-Transfer-Encoding", "").strip().lower() == "base64"
        ):
            payload = part.get_payload()
            if isinstance(payload, str):
                compact = re.sub(r"\s+", "", payload)
                if compact and (len(compact.rstrip("=")) % 4 == 1 or re.search(r"[^A-Za-z0-9+/=]", compact)):
                    raise UnreadableReply(
                        "a base64 part of the message is cut off or damaged; save the whole message again as .eml",
                        "cut_off",
                    )


def _collect_body(msg, parsed: ParsedMail) -> None:
    plain, html_texts, links, anchors = [], [], [], []
    for part in msg.walk():
        if part.is_multipart():
            continue
        if part.get_content_disposition() == "attachment":
            continue
        ctype = part.get_content_type()
        if ctype == "text/plain":
            plain.append(_part_text(part))
        elif ctype == "text/html":
            text, hrefs, found = _html_parts(_part_text(part))
            html_texts.append(text)
            links.extend(hrefs)
            anchors.extend(found)
    plain = [clean_text(p).strip() for p in plain if p and p.strip()]
    html_texts = [clean_text(h).strip() for h in html_texts if h and h.strip()]
    parsed.body_text = "\n\n".join(plain) if plain else "\n\n".join(html_texts)
    seen, scan = set(), []
    for text in plain + html_texts:
        key = re.sub(r"\s+", " ", text)
        if key not in seen:
            seen.add(key)
            scan.append(text)
    parsed.scan_text = "\n\n".join(scan)
    parsed.links = links + find_urls(parsed.scan_text)
    parsed.anchors = [Anchor(*(clean_text(v) for v in (a.href, a.text, a.before, a.after))) for a in anchors]


def _read_message(msg, parsed: ParsedMail) -> None:
    """Fill `parsed` from a parsed message: headers, then the text parts."""
    _check_cut_off(msg)
    subjects = _header(msg, "Subject")
    parsed.subject = subjects[0] if subjects else ""
    froms = _addresses(_header(msg, "From"))
    if froms:
        parsed.from_raw = froms[0]
        parsed.from_addr = parseaddr(froms[0])[1]
    parsed.reply_to = _addresses(_header(msg, "Reply-To"))
    paths = _addresses(_header(msg, "Return-Path"))
    parsed.return_path = parseaddr(paths[0])[1] if paths else ""
    parsed.auth_results = _header(msg, "Authentication-Results")
    for sig in _header(msg, "DKIM-Signature"):
        match = re.search(r"(?:^|;)\s*d\s*=\s*([^;\s]+)", sig)
        if match:
            parsed.dkim_signature_domains.append(match.group(1).lower())
    _collect_body(msg, parsed)


def parse_mail(data: bytes | str) -> ParsedMail:
    """Parse a message or pasted text; raise UnreadableReply when there is nothing to read."""
    import email
    from email import policy

    if data is None:
        raise UnreadableReply("no input", "empty")
    if len(data) > MAX_SIZE:
        raise UnreadableReply(
            f"the input is larger than {MAX_SIZE // 1_000_000} MB; save only the reply itself", "too_large"
        )
    text, raw = _to_text(data)
    text = text.lstrip("\ufeff")
    stripped = text.lstrip("\r\n\t ")
    if not stripped.strip():
        raise UnreadableReply("the input is empty", "empty")
    if any(ch in _BINARY_CHARS for ch in stripped[:4096]) or len(_BINARY_RE.findall(stripped[:65536])) > 0.05 * min(
        len(stripped), 65536
    ):
        raise UnreadableReply("this looks like a binary file, not an e-mail or text", "binary")
    normalized = stripped.replace("\r\n", "\n").replace("\r", "\n")
    if normalized.startswith("From ") and "\n" in normalized:  # mbox separator line
        normalized = normalized.split("\n", 1)[1]
    parsed = ParsedMail()
    if not _looks_like_message(normalized):
        if raw is not None:
            normalized = _decode_pasted(raw).lstrip("\ufeff\r\n\t ")
        body = clean_text(normalized).strip()
        _require_letters(body)
        parsed.body_text = parsed.scan_text = body
        parsed.links = find_urls(body)
        return parsed

    try:
        if raw is not None:
            raw = raw.lstrip(b"\xef\xbb\xbf\r\n\t ")
            if raw.startswith(b"From ") and b"\n" in raw:  # mbox separator line
                raw = raw.split(b"\n", 1)[1]
            msg = email.message_from_bytes(raw, policy=policy.default)
        else:
            msg = email.message_from_string(normalized, policy=policy.default)
    except Exception as exc:  # the parser is lenient; this is a last resort
        raise UnreadableReply(f"the message cannot be parsed ({type(exc).__name__})", "damaged") from None

    parsed.has_headers = True
    try:
        _read_message(msg, parsed)
    except UnreadableReply:
        raise
    except Exception as exc:  # a header or part the email package chokes on
        raise UnreadableReply(f"the message cannot be read ({type(exc).__name__})", "damaged") from None
    if not parsed.scan_text.strip():
        raise UnreadableReply("the message has no readable text (no body, or it was cut off)", "no_text")
    return parsed


def _require_letters(text: str) -> None:
    letters = sum(1 for c in text if c.isalpha())
    if letters < 2:
        raise UnreadableReply("the input has no readable text", "no_text")
    bad = text.count("\ufffd")
    if bad and bad > letters / 3:
        raise UnreadableReply("the input is not readable text (wrong encoding or binary)", "binary")
