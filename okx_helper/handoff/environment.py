"""Where is the user? SSH or not, a display or not, which mail programs exist.

Everything is read from parameters (`env`, `which`, `platform`) so tests can describe any
machine; the defaults read the real process environment.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

# Programs looked up on PATH, in the order they are offered.
TERMINAL_CLIENTS = ("neomutt", "mutt", "aerc")
# These exist on many servers but cannot open a prepared draft for review (they send at once).
SEND_ONLY_CLIENTS = ("s-nail", "mailx")
OPENERS = ("xdg-email", "xdg-open", "open")


@dataclass(frozen=True)
class Environment:
    """A description of the machine and session the hand-off happens in."""

    platform: str = "linux"  # "linux", "macos", "windows" or "other"
    ssh: bool = False
    display: bool = False
    multiplexer: str = ""  # "tmux", "screen" or ""
    term_program: str = ""  # e.g. "Apple_Terminal", where OSC 52 is not supported
    clients: dict[str, str] = field(default_factory=dict)  # program name -> path, as found
    mailer: str = ""  # the $MAILER value, verbatim
    configured_command: str = ""  # the config file's mailer template
    opener: tuple[str, ...] = ()  # argv prefix that opens a URL on the desktop, or ("startfile",)

    @property
    def desktop_possible(self) -> bool:
        """A desktop mail client needs a display this session reaches (X forwarding counts) and an opener."""
        return self.display and bool(self.opener)


def _platform_name(platform: str) -> str:
    if platform.startswith("linux") or "bsd" in platform:
        return "linux"
    if platform == "darwin":
        return "macos"
    if platform in ("win32", "cygwin"):
        return "windows"
    return "other"


def _first_program(command: str) -> str:
    try:
        parts = shlex.split(command)
    except ValueError:
        return ""
    return parts[0] if parts else ""


def detect(
    env: Mapping[str, str] | None = None,
    which: Callable[[str], str | None] = shutil.which,
    platform: str | None = None,
    configured_command: str = "",
) -> Environment:
    """Describe the current session; every input can be replaced for tests."""
    env = os.environ if env is None else env
    name = _platform_name(platform or sys.platform)
    ssh = bool(env.get("SSH_CONNECTION") or env.get("SSH_TTY") or env.get("SSH_CLIENT"))
    if name == "linux" or name == "other":
        display = bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
    else:
        # macOS and Windows always have a desktop; over SSH it is not the user's screen.
        display = not ssh
    if env.get("TMUX"):
        multiplexer = "tmux"
    elif env.get("STY"):
        multiplexer = "screen"
    else:
        multiplexer = ""

    clients: dict[str, str] = {}
    for program in TERMINAL_CLIENTS + SEND_ONLY_CLIENTS + OPENERS:
        path = which(program)
        if path:
            clients[program] = path
    mailer = env.get("MAILER", "").strip()
    for command in (mailer, configured_command):
        program = _first_program(command)
        if program and program not in clients:
            path = which(program)
            if path:
                clients[program] = path

    opener: tuple[str, ...] = ()
    if name == "windows":
        opener = ("startfile",)  # os.startfile, not a program
    elif name == "macos" and "open" in clients:
        opener = (clients["open"],)
    elif "xdg-open" in clients:
        opener = (clients["xdg-open"],)
    elif "xdg-email" in clients:
        opener = (clients["xdg-email"],)
    return Environment(
        platform=name,
        ssh=ssh,
        display=display,
        multiplexer=multiplexer,
        term_program=env.get("TERM_PROGRAM", ""),
        clients=clients,
        mailer=mailer,
        configured_command=configured_command,
        opener=opener,
    )
