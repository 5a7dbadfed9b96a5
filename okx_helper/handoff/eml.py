"""The message as a file: serialised bytes, the parts a hand-off needs, a private .eml on disk."""

from __future__ import annotations

import copy
import email
import email.policy
import os
import re
import shutil
import tempfile
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import EmailMessage
from pathlib import Path

# Any control character except tab; a header value must never carry one (header injection).
# U+2028/2029 too: str.splitlines() treats them (and \x1c-\x1e, \x85) as line ends.
_HEADER_CONTROLS = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")
_UNSAFE_NAME = re.compile(r"[^\w-]+")  # no dots: no "..", no hidden files


def _received(name: str, value) -> str | None:
    """The value as a mail client would decode it after folding; None if folding made it unsafe."""
    folded = value.fold(policy=email.policy.SMTP) if hasattr(value, "fold") else f"{name}: {value}\r\n"
    if _HEADER_CONTROLS.search(folded.replace("\r\n", "")):
        return None
    back = email.message_from_string(folded + "\r\n", policy=email.policy.default)
    if len(back.keys()) != 1:
        return None  # folding produced a second field: injection
    text = str(back[name])
    return None if _HEADER_CONTROLS.search(text) else text


def _unsafe(name: str, value) -> bool:
    try:
        text = str(value)
        return bool(_HEADER_CONTROLS.search(text)) or "=?" in text or _received(name, value) is None
    except Exception:  # the email package's parser has crash bugs on odd input: not safe
        return True


def _cleaned(name: str, value) -> str:
    text = str(value)
    if not text.strip() and hasattr(value, "fold"):
        text = value.fold(policy=email.policy.SMTP).partition(":")[2]
    return " ".join(_HEADER_CONTROLS.sub(" ", text).split()).replace("=?", "= ?")


def clean_headers(msg: EmailMessage) -> EmailMessage:
    """A copy whose header values reach the wire without control characters or extra fields.

    Literal "=?" is broken up too: the email package decodes an encoded word it finds inside a
    quoted display name when it folds the header, so "=?utf-8?q?=0D=0ABcc:...?=" typed as a name
    would come out as a real line break and a new Bcc field. Values that still are not safe
    after cleaning make it raise ValueError: nothing is written rather than something unsafe.
    """
    out = copy.deepcopy(msg)
    items = list(out.items())
    if not any(_unsafe(name, value) for name, value in items):
        return out
    for name in {name for name, _ in items}:
        del out[name]
    for name, value in items:  # re-added in the original order
        if _unsafe(name, value):
            try:
                out[name] = _cleaned(name, value)
                safe = not _unsafe(name, out.get_all(name)[-1])
            except Exception:  # see _unsafe
                safe = False
            if not safe:
                raise ValueError(f"the {name} field cannot be written safely")
        else:
            out[name] = value
    return out


def _check_header_block(msg: EmailMessage, data: bytes) -> bytes:
    """Fail closed: the serialised fields must be exactly the message's, none added by folding."""
    head = data.split(b"\r\n\r\n", 1)[0].split(b"\r\n")
    names = sorted(
        line.split(b":", 1)[0].decode("ascii", "replace").lower() for line in head if line[:1] not in (b" ", b"\t")
    )
    if names != sorted(k.lower() for k in msg.keys()):
        raise ValueError("a header value would have produced extra header fields; refusing to write it")
    return data


def to_bytes(msg: EmailMessage) -> bytes:
    """RFC 5322 bytes with CRLF line ends (compose.to_eml_bytes), refused if a header would split."""
    from okx_helper.writing.compose import to_eml_bytes

    msg = clean_headers(msg)
    return _check_header_block(msg, to_eml_bytes(msg))


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
    target.mkdir(parents=True, exist_ok=True, mode=0o700)
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
