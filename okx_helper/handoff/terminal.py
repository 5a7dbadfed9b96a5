"""Command lines for terminal mail clients: always argument lists, never a shell.

A user template such as ``neomutt -H {file}`` is split with shlex first and the
placeholders are replaced inside each argument afterwards, so a path with spaces or
quotes stays one argument and nothing in the message can become a command.
"""

from __future__ import annotations

import os
import shlex
from dataclasses import dataclass

from okx_helper.handoff.environment import TERMINAL_CLIENTS, Environment

PLACEHOLDERS = ("{file}", "{mailto}")


@dataclass(frozen=True)
class TerminalClient:
    """A terminal mail client that can open a prepared draft."""

    label: str  # what the user is shown, e.g. "neomutt" or "$MAILER"
    command: str  # a template, or the program path for a known client
    kind: str  # "template", "neomutt", "mutt" or "aerc"


def template_argv(template: str, file: str, mailto: str = "") -> list[str]:
    """Split a user template into argv and fill {file}/{mailto}; without either, the file goes last."""
    parts = shlex.split(template)
    if not parts:
        raise ValueError("the mail command is empty")
    if not any(p in template for p in PLACEHOLDERS):
        return parts + [file]
    # str.replace, not str.format: a template must not reach Python attributes.
    return [part.replace("{file}", file).replace("{mailto}", mailto) for part in parts]


def client_argv(client: TerminalClient, file: str, mailto: str = "") -> list[str]:
    """The argv that opens `file` (or the mailto URL, for aerc) in `client`."""
    if client.kind == "template":
        return template_argv(client.command, file, mailto)
    if client.kind == "aerc":
        return [client.command, mailto]
    return [client.command, "-H", file]  # neomutt and mutt read a draft with -H


def _known_kind(program: str) -> str:
    base = os.path.basename(program)
    return base if base in TERMINAL_CLIENTS else ""


def _from_command(label: str, command: str, environment: Environment) -> TerminalClient | None:
    try:
        parts = shlex.split(command)
    except ValueError:
        return None
    if not parts or parts[0] not in environment.clients and os.path.basename(parts[0]) not in environment.clients:
        return None
    kind = _known_kind(parts[0])
    if kind and len(parts) == 1 and not any(p in command for p in PLACEHOLDERS):
        # A bare "neomutt" in $MAILER: use the client's own draft option.
        return TerminalClient(label, environment.clients.get(parts[0], parts[0]), kind)
    return TerminalClient(label, command, "template")


def find_client(environment: Environment) -> TerminalClient | None:
    """The configured command, then $MAILER, then neomutt, mutt, aerc: the first that exists."""
    for label, command in (("config", environment.configured_command), ("$MAILER", environment.mailer)):
        if command:
            client = _from_command(label, command, environment)
            if client:
                return client
    for program in TERMINAL_CLIENTS:
        if program in environment.clients:
            return TerminalClient(program, environment.clients[program], program)
    return None
