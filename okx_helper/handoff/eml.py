"""The message as a file: serialised bytes, the parts a hand-off needs, a private .eml on disk."""
from __future__ import annotations

import copy
import os
import shutil
import tempfile
from contextlib import contextmanager
import re
import time
import unicodedata
from email.message import EmailMessage
from pathlib import Path
from typing import Iterator

# Any control character except tab; a header value must never carry one (header injection).
_HEADER_CONTROLS = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_UNSAFE_NAME = re.compile(r"[^\w-]+")  # no dots: no "..", no hidden files


def clean_headers(msg: EmailMessage) -> EmailMessage:
    """A copy whose header values hold no control characters, whatever built the message."""
    out = copy.deepcopy(msg)
    for name, value in list(out.items()):
        text = str(value)
        if _HEADER_CONTROLS.search(text):
            # Setting the cleaned value re-creates every occurrence; there is one per field here.
            cleaned = " ".join(_HEADER_CONTROLS.sub(" ", text).split())
            del out[name]
            out[name] = cleaned
    return out


def to_bytes(msg: EmailMessage) -> bytes:
    """RFC 5322 bytes with CRLF line ends, through compose.to_eml_bytes when it is available."""
    msg = clean_headers(msg)
    try:
        from okx_helper.compose import to_eml_bytes
    except ImportError:
        import email.policy

        return msg.as_bytes(policy=email.policy.SMTP)
    return to_eml_bytes(msg)


def parts(msg: EmailMessage) -> dict[str, str]:
    """To, From, Subject (decoded) and the plain-text body: what mailto and the screen show."""
    body_part = msg.get_body(preferencelist=("plain",)) if msg.is_multipart() else msg
    body = body_part.get_content() if body_part is not None else ""
    return {
        "to": str(msg.get("To", "") or ""),
        "from": str(msg.get("From", "") or ""),
        "subject": str(msg.get("Subject", "") or ""),
        "body": body.replace("\r\n", "\n").rstrip("\n"),
    }


def safe_file_name(subject: str, when: float | None = None) -> str:
    """okx-support-YYYY-MM-DD-<subject>.eml with only letters, digits, '-' and '_' in the subject part."""
    stem = unicodedata.normalize("NFKC", subject)
    stem = _UNSAFE_NAME.sub("-", stem).strip("-._")[:60].strip("-._")
    day = time.strftime("%Y-%m-%d", time.localtime(when))
    return f"okx-support-{day}" + (f"-{stem}" if stem else "") + ".eml"


def default_dir() -> Path:
    """The XDG documents directory when it exists, otherwise the current directory."""
    try:
        import platformdirs

        documents = Path(platformdirs.user_documents_dir())
    except Exception:  # platformdirs can fail on odd systems: the cwd still works
        documents = None
    return documents if documents and documents.is_dir() else Path.cwd()


def save(msg: EmailMessage, directory: str | os.PathLike | None = None) -> Path:
    """Write the message as a private (0600) .eml marked X-Unsent: 1, never overwriting; return its path."""
    target = Path(directory).expanduser() if directory else default_dir()
    target.mkdir(parents=True, exist_ok=True)
    draft = copy.deepcopy(msg)
    del draft["X-Unsent"]
    draft["X-Unsent"] = "1"  # mail clients open such a file as a draft ready to send
    data = to_bytes(draft)
    name = safe_file_name(parts(msg)["subject"])
    stem, suffix = name[: -len(".eml")], ".eml"
    for n in range(1, 1000):
        path = target / (name if n == 1 else f"{stem}-{n}{suffix}")
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        except FileExistsError:
            continue
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        return path
    raise FileExistsError(f"too many drafts named {name} in {target}")


@contextmanager
def temporary_draft(msg: EmailMessage) -> Iterator[Path]:
    """A private draft file (LF line ends, for Unix mail clients) removed when the block ends."""
    folder = tempfile.mkdtemp(prefix="okx-helper-")  # mkdtemp makes the folder 0700
    path = Path(folder) / "draft.eml"
    msg = copy.deepcopy(msg)
    del msg["X-Unsent"]  # a mail client's own draft needs no marker
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(to_bytes(msg).replace(b"\r\n", b"\n"))
        yield path
    finally:
        shutil.rmtree(folder, ignore_errors=True)
