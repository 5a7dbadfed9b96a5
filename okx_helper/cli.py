"""Command-line entry: the wizard by default, or one of the scriptable commands.

Only the module a command needs is imported, so `okx-helper` starts the wizard
without loading the engines' heavy dependencies first.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

# command name -> module in okx_helper.commands with configure(parser) and run(args)
COMMANDS = {
    "check": "check",
    "compose": "compose",
    "verify-address": "verify_address",
    "verify-reply": "verify_reply",
    "cases": "cases",
}


def _wizard_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="okx-helper",
        description="Write a good, safe email to OKX support. Without a command the interactive wizard starts.",
        epilog="commands: " + ", ".join(COMMANDS) + "  (okx-helper COMMAND --help)",
    )
    parser.add_argument("--lang", choices=["en", "zh"], help="interface language (default: from the locale)")
    parser.add_argument("--new", action="store_true", help="start a fresh draft, ignoring an unfinished one")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in COMMANDS:
        name = argv[0]
        module = importlib.import_module(f"okx_helper.commands.{COMMANDS[name]}")
        parser = argparse.ArgumentParser(prog=f"okx-helper {name}")
        module.configure(parser)
        args = parser.parse_args(argv[1:])
        try:
            return module.run(args)
        except BrokenPipeError:
            # The reader went away (`| head`): stop quietly, as command-line tools do.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 141  # 128 + SIGPIPE, what a shell reports for such a command
    if argv and not argv[0].startswith("-"):
        print(f"okx-helper: unknown command {argv[0]!r}; known: {', '.join(COMMANDS)}", file=sys.stderr)
        return 2
    args = _wizard_parser().parse_args(argv)
    if args.version:
        from okx_helper import __version__

        print(__version__)
        return 0
    from okx_helper.ui.launch import run_wizard

    return run_wizard(lang=args.lang, new=args.new)


if __name__ == "__main__":
    raise SystemExit(main())
