"""Which hand-off methods can work in this environment, best first, and why the others cannot."""

from __future__ import annotations

from dataclasses import dataclass

from okx_helper.handoff.environment import SEND_ONLY_CLIENTS, Environment
from okx_helper.handoff.terminal import TerminalClient, find_client

METHOD_IDS = ("desktop", "terminal", "eml", "clipboard", "smtp")


@dataclass(frozen=True)
class Method:
    """One way to hand the message off; `reason`/`note` are string ids the interface translates."""

    id: str
    available: bool
    reason: str = ""  # why it cannot work here, e.g. "ssh_no_display"
    note: str = ""  # a caveat when it can, e.g. "tmux_clipboard"
    detail: str = ""  # e.g. the terminal client's name
    client: TerminalClient | None = None


def _desktop(env: Environment) -> Method:
    if not env.display:
        return Method("desktop", False, "ssh_no_display" if env.ssh else "no_display")
    if not env.opener:
        return Method("desktop", False, "no_opener")
    note = "x_forwarding" if env.ssh and env.platform == "linux" else "no_attachments"
    return Method("desktop", True, note=note, detail=env.opener[0])


def _terminal(env: Environment) -> Method:
    client = find_client(env)
    if client:
        return Method("terminal", True, detail=client.label, client=client)
    send_only = [name for name in SEND_ONLY_CLIENTS if name in env.clients]
    if send_only:
        # s-nail/mailx would send at once without showing the draft: not a hand-off.
        return Method("terminal", False, "send_only_client", detail=send_only[0])
    return Method("terminal", False, "no_terminal_client")


def _clipboard(env: Environment) -> Method:
    if env.term_program == "Apple_Terminal":
        return Method("clipboard", True, note="apple_terminal")
    if env.multiplexer:
        return Method("clipboard", True, note=f"{env.multiplexer}_clipboard")
    return Method("clipboard", True, note="ssh_clipboard" if env.ssh else "")


def plan(env: Environment, preferred: str = "", smtp_configured: bool = False) -> list[Method]:
    """All methods, those that can work first; the user's preferred one leads when it can work."""
    by_id = {
        "desktop": _desktop(env),
        "terminal": _terminal(env),
        "eml": Method("eml", True),
        "clipboard": _clipboard(env),
        "smtp": Method("smtp", True, note="" if smtp_configured else "smtp_setup"),
    }
    if env.desktop_possible and not env.ssh:
        order = ["desktop", "terminal", "eml", "clipboard", "smtp"]
    else:
        # Over SSH or without a display, what runs in this terminal comes first.
        order = ["terminal", "clipboard", "eml", "smtp", "desktop"]
    if preferred in order and by_id[preferred].available:
        order.remove(preferred)
        order.insert(0, preferred)
    methods = [by_id[i] for i in order]
    return [m for m in methods if m.available] + [m for m in methods if not m.available]
