"""okx-helper verify-address: is this really OKX's address? Offline verdicts, text or JSON."""

from __future__ import annotations

import argparse
import sys

from okx_helper.commands.output import emit, emit_json


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Check email addresses against OKX's official ones, offline. "
        "Exit 0 when every address is official, 1 otherwise, 2 on a usage error."
    )
    parser.add_argument(
        "addresses",
        nargs="*",
        metavar="ADDRESS",
        help="an address, optionally with a display name ('OKX <support@okx.com>'); '-' reads one per line from stdin",
    )
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument("--lang", choices=["en", "zh"], help="language of the reasons (default: from the locale)")


def _collect(args: argparse.Namespace) -> list[str]:
    items: list[str] = []
    for arg in args.addresses:
        if arg == "-":
            items.extend(line.strip() for line in sys.stdin if line.strip())
        else:
            items.append(arg)
    return items


def run(args: argparse.Namespace) -> int:
    from okx_helper.base.i18n import detect_ui_lang, t
    from okx_helper.contacts import check_address

    lang = detect_ui_lang(getattr(args, "lang", None))
    if not args.addresses:
        emit(t("contacts.cli_usage", lang), sys.stderr)
        return 2
    items = _collect(args)
    if not items:
        emit(t("contacts.cli_nothing", lang), sys.stderr)
        return 2
    checks = [check_address(item, lang) for item in items]
    if args.format == "json":
        emit_json([c.to_json() for c in checks])
    else:
        for check in checks:
            label = t(f"contacts.verdict_{check.verdict}", lang)
            emit(f"{check.address}: {label}")
            if check.normalized and check.normalized != check.address.split("<")[-1].rstrip(">").strip():
                emit(f"  = {check.normalized}")
            for reason in check.reasons:
                emit(f"  - {reason}")
    return 0 if all(c.ok for c in checks) else 1
