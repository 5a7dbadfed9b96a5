"""Send the message over SMTP, only ever with TLS; the password may live in the system keyring.

Errors come back as SendError with a `kind` the interface turns into a plain sentence;
nothing here touches the draft, so a failed send loses nothing.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr

KEYRING_SERVICE = "okx-helper"
SECURITY = ("starttls", "tls")


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: str  # "starttls" (usually port 587) or "tls" (implicit, usually 465)
    user: str
    timeout: float = 30.0


class SendError(Exception):
    """A send that failed; `kind` is auth, tls, refused, timeout, host, insecure, header or network."""

    def __init__(self, kind: str, detail: str = ""):
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind
        self.detail = detail


class KeyringUnavailable(Exception):
    """No usable keyring backend on this system; the password has to be typed each time."""


def prepare(msg: EmailMessage, sender: str = "") -> EmailMessage:
    """A copy ready to send: From, Date and Message-ID present, control characters gone from headers."""
    from okx_helper.handoff.eml import clean_headers

    out = clean_headers(msg)
    if not out.get("From") and sender:
        out["From"] = sender
    if not out.get("Date"):
        out["Date"] = formatdate(localtime=True)
    if not out.get("Message-ID"):
        domain = parseaddr(str(out.get("From", "")))[1].rpartition("@")[2] or None
        out["Message-ID"] = make_msgid(domain=domain)
    del out["X-Unsent"]
    del out["Bcc"]  # never transmitted as a header
    return out


def send(
    msg: EmailMessage,
    settings: SmtpSettings,
    password: str,
    ssl_context: ssl.SSLContext | None = None,
) -> str:
    """Send `msg` (after `prepare`) and return its Message-ID; raise SendError on any failure."""
    if settings.security not in SECURITY:
        # Refuse outright: AUTH over an unencrypted connection would expose the password.
        raise SendError("insecure", settings.security)
    context = ssl_context or ssl.create_default_context()
    from okx_helper.handoff.eml import to_bytes

    try:
        out = prepare(msg, settings.user if "@" in settings.user else "")
        data = to_bytes(out)  # before connecting: an unsafe header stops here
    except ValueError as exc:
        raise SendError("header", str(exc)) from exc
    sender = parseaddr(str(out.get("From", "")))[1]
    recipients = [addr for _, addr in _addresses(out) if addr]
    if not sender or not recipients:
        raise SendError("refused", "no sender or no recipient")
    try:
        if settings.security == "tls":
            client = smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout, context=context)
        else:
            client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
        with client:
            if settings.security == "starttls":
                client.ehlo()
                if not client.has_extn("starttls"):
                    raise SendError("tls", "the server does not offer STARTTLS")
                client.starttls(context=context)
                client.ehlo()
            if settings.user:
                _login(client, settings.user, password)
            client.sendmail(sender, recipients, data)
    except SendError:
        raise
    except smtplib.SMTPAuthenticationError as exc:
        raise SendError("auth", _smtp_detail(exc)) from exc
    except (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as exc:
        raise SendError("refused", str(exc)) from exc
    except ConnectionRefusedError as exc:
        raise SendError("refused", str(exc)) from exc
    except smtplib.SMTPNotSupportedError as exc:
        raise SendError("auth", str(exc)) from exc  # the server offers no login at all
    except (ssl.SSLError, ssl.CertificateError) as exc:
        raise SendError("tls", str(exc)) from exc
    except TimeoutError as exc:
        raise SendError("timeout", str(exc)) from exc
    except smtplib.SMTPServerDisconnected as exc:
        # smtplib wraps a read time-out in "Connection unexpectedly closed".
        if isinstance(exc.__context__, TimeoutError):
            raise SendError("timeout", str(exc)) from exc
        raise SendError("network", str(exc)) from exc
    except socket.gaierror as exc:
        raise SendError("host", str(exc)) from exc
    except (smtplib.SMTPException, OSError) as exc:
        raise SendError("network", str(exc)) from exc
    return str(out["Message-ID"])


def _login(client: smtplib.SMTP, user: str, password: str) -> None:
    """One AUTH PLAIN with UTF-8 (RFC 4616) where offered; smtplib's login only speaks ASCII."""
    import base64

    client.ehlo_or_helo_if_needed()
    if "plain" not in client.esmtp_features.get("auth", "").lower().split():
        client.login(user, password)  # CRAM-MD5 or LOGIN; raises when none is offered
        return
    token = base64.b64encode(f"\0{user}\0{password}".encode()).decode("ascii")
    code, reply = client.docmd("AUTH", "PLAIN " + token)
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def _addresses(msg: EmailMessage):
    from email.utils import getaddresses

    return getaddresses([str(v) for h in ("To", "Cc", "Bcc") for v in msg.get_all(h, [])])


def _smtp_detail(exc: smtplib.SMTPResponseException) -> str:
    text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
    return f"{exc.smtp_code} {text}"


def keyring_username(settings: SmtpSettings) -> str:
    """The keyring entry's user name: one password per server and account."""
    return f"{settings.user}@{settings.host}:{settings.port}"


def _keyring():
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        raise KeyringUnavailable("no keyring backend is installed or running")
    return keyring


def stored_password(settings: SmtpSettings) -> str | None:
    """The saved password, or None; KeyringUnavailable when there is no keyring at all."""
    from keyring.errors import KeyringError

    kr = _keyring()
    try:
        return kr.get_password(KEYRING_SERVICE, keyring_username(settings))
    except KeyringError as exc:
        raise KeyringUnavailable(str(exc)) from exc


def store_password(settings: SmtpSettings, password: str) -> None:
    """Keep the password in the system keyring; call only after the user agreed."""
    from keyring.errors import KeyringError

    kr = _keyring()
    try:
        kr.set_password(KEYRING_SERVICE, keyring_username(settings), password)
    except KeyringError as exc:
        raise KeyringUnavailable(str(exc)) from exc
