"""okx-helper verify-reply FILE.eml|- : is this reply really from OKX, is it safe, is it useful?

Exit 0 genuine, 1 suspicious or fraudulent, 2 unreadable input (one line on stderr).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from okx_helper.commands.output import emit, emit_json


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = "Check a reply that claims to come from OKX: sender, authentication, dangers, usefulness."
    parser.add_argument("file", help="the saved reply (.eml or plain text), or - to read stdin")
    parser.add_argument(
        "--anti-phishing-code",
        dest="anti_phishing_code",
        default=None,
        help="your OKX anti-phishing code (default: the one in your saved profile, when run from a terminal)",
    )
    parser.add_argument("--question", default=None, help="what you asked, to judge whether the reply answers it")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument("--lang", choices=["en", "zh"], default=None, help="language of the report")


def _saved_code() -> str | None:
    """The anti-phishing code from the saved profile, if there is one (never raises).

    Only for a person at a terminal: in a script, a keyring may block on an unlock prompt,
    so scripts pass --anti-phishing-code instead.
    """
    if not sys.stdin.isatty():
        return None
    try:
        from okx_helper.settings.profile import ProfileStore

        return (ProfileStore().load().anti_phishing_code or "").strip() or None
    except Exception:
        return None


def _read(path: str, lang: str) -> bytes:
    from okx_helper.base.i18n import t

    if path == "-":
        return sys.stdin.buffer.read()
    target = Path(path)
    if target.is_dir():
        raise OSError(t("replies.err_directory", lang, path=path))
    if not target.exists():
        raise OSError(t("replies.err_missing", lang, path=path))
    try:
        return target.read_bytes()
    except OSError as error:
        raise OSError(t("replies.err_unreadable", lang, path=path, error=error.strerror or error)) from None


def format_text(report, lang: str) -> str:
    """The report as plain lines for a terminal."""
    from okx_helper.base.i18n import t

    sep = t("replies.sep", lang)
    lines = [t("replies.cli_verdict", lang, verdict=t(f"replies.verdict_{report.verdict}", lang))]
    if report.subject:
        lines.append(t("replies.cli_subject", lang, subject=report.subject))
    if report.sender:
        lines.append(t("replies.cli_from", lang, sender=report.sender))
    lines += ["", t("replies.cli_checks", lang)]
    for check in report.checks:
        status = t(f"replies.status_{check['status']}", lang)
        lines.append(f"  [{status}] {t('replies.check_' + check['name'], lang)}{sep}{check['detail']}")
    lines.append("")
    if report.dangers:
        lines.append(t("replies.cli_dangers", lang))
        for danger in report.dangers:
            lines.append(f'  ! {t("replies.danger_" + danger["kind"], lang)}{sep}"{danger["excerpt"]}"')
    else:
        lines.append(t("replies.cli_no_dangers", lang))
    lines += ["", t("replies.cli_usefulness", lang)]
    for key, value in report.usefulness.items():
        shown = t("replies.not_known", lang) if value is None else t("replies.yes" if value else "replies.no", lang)
        lines.append(f"  {t('replies.use_' + key, lang)}{sep}{shown}")
    lines += ["", t("replies.cli_advice", lang)]
    lines += [f"  - {line}" for line in report.advice]
    return "\n".join(lines)


def run(args) -> int:
    from okx_helper.base.i18n import detect_ui_lang, t

    lang = detect_ui_lang(getattr(args, "lang", None))
    try:
        from okx_helper.replies import UnreadableReply, verify_reply

        data = _read(args.file, lang)
        code = args.anti_phishing_code if args.anti_phishing_code is not None else _saved_code()
        report = verify_reply(data, anti_phishing_code=code or None, question=args.question, lang=lang)
    except UnreadableReply as error:
        from okx_helper.replies import explain_unreadable

        emit(t("replies.cli_error", lang, error=explain_unreadable(error, lang)), sys.stderr)
        return 2
    except OSError as error:
        emit(t("replies.cli_error", lang, error=error), sys.stderr)
        return 2
    except Exception as error:  # never a traceback for a damaged message
        emit(
            t("replies.cli_error", lang, error=t("replies.err_damaged_kind", lang, kind=type(error).__name__)),
            sys.stderr,
        )
        return 2
    if args.format == "json":
        emit_json(report.to_json())
    else:
        emit(format_text(report, lang))
    return 0 if report.verdict == "genuine" else 1
