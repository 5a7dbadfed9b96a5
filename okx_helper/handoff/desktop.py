"""Open the message in the desktop mail client through a mailto: URL and the system's opener."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from okx_helper.handoff import eml
from okx_helper.handoff.environment import Environment
from okx_helper.handoff.mailto import SAFE_LENGTH, fit


@dataclass(frozen=True)
class DesktopResult:
    url: str
    shortened: bool  # the body was too long for a URL and points to `eml_path` instead
    eml_path: Path | None


def open_url(url: str, opener: tuple[str, ...] | list[str]) -> None:
    """Hand `url` to the opener: an argv prefix, or ("startfile",) for Windows' os.startfile."""
    if not opener:
        raise FileNotFoundError("no program to open links with")
    if tuple(opener) == ("startfile",):
        os.startfile(url)  # type: ignore[attr-defined]  # Windows only
        return
    # No shell: the URL is one argument, whatever it contains.
    subprocess.run(
        [*opener, url],
        check=True,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=30,
    )


def open_in_client(
    msg: EmailMessage,
    environment: Environment,
    fallback_body: str,
    save_dir: str | os.PathLike | None = None,
    limit: int = SAFE_LENGTH,
) -> DesktopResult:
    """Open a mailto: URL; when it would be too long, save the .eml and open a short pointer instead.

    `fallback_body` may hold "{path}", replaced by the saved file's path.
    """
    p = eml.parts(msg)
    result = fit(p["to"], p["subject"], p["body"], "", limit)
    saved = None
    if result.shortened:
        saved = eml.save(msg, save_dir)
        result = fit(p["to"], p["subject"], p["body"], fallback_body.replace("{path}", str(saved)), limit)
    open_url(result.url, environment.opener)
    return DesktopResult(result.url, result.shortened, saved)
