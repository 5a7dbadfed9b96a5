"""`okx-helper check [PATH|-]`: the privacy and tone checks of the wizard, for scripts.

Exit codes: 0 nothing blocks sending, 1 a blocking privacy finding or a tone finding,
2 the input cannot be read (missing, a directory, not UTF-8).
"""

from __future__ import annotations

import argparse
import re
import sys

from okx_helper.commands.output import emit, emit_json

_EXCERPT = 24  # characters of context each side of a finding in the text report


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = "Check an email draft for secrets and for tone before sending it to support."
    parser.add_argument("path", nargs="?", default="-", help="UTF-8 text file, or - for standard input (default)")
    parser.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: text)")
    parser.add_argument("--lang", choices=["en", "zh"], help="language of the messages (default: from the locale)")


def read_input(path: str) -> str:
    """The text of PATH or stdin, BOM dropped, newlines untouched; OSError/UnicodeError on failure."""
    if path == "-":
        raw = sys.stdin.buffer.read()
    else:
        with open(path, "rb") as handle:
            raw = handle.read()
    text = raw.decode("utf-8")
    return text[1:] if text.startswith("\ufeff") else text


def _error(key: str, lang: str, **values) -> int:
    from okx_helper.base.i18n import t

    emit(t(f"privacy.{key}", lang, **values), sys.stderr)
    return 2


def run(args) -> int:
    from okx_helper.base.i18n import detect_ui_lang

    lang = detect_ui_lang(args.lang)
    path = args.path
    try:
        text = read_input(path)
    except FileNotFoundError:
        return _error("check_error_missing", lang, path=path)
    except IsADirectoryError:
        return _error("check_error_directory", lang, path=path)
    except UnicodeDecodeError:
        return _error("check_error_encoding", lang, path=path)
    except OSError as exc:
        return _error("check_error_read", lang, path=path, reason=exc.strerror or exc.__class__.__name__)

    report = check(text, lang)
    if args.format == "json":
        emit_json(report["json"])
    else:
        emit(render_text(text, report, lang))
    return 1 if report["blocked"] else 0


def check(text: str, lang: str) -> dict:
    """Privacy findings, tone findings and structure of text, and whether sending is blocked."""
    from okx_helper.guards import privacy, tone

    privacy_findings = privacy.scan(text, lang)
    tone_findings = tone.scan(text, lang)
    structure = dict(tone.structure(text))
    blocked = any(f.blocking for f in privacy_findings) or bool(tone_findings)
    return {
        "privacy": privacy_findings,
        "tone": tone_findings,
        "structure": structure,
        "blocked": blocked,
        "json": {
            "privacy": [f.to_json() for f in privacy_findings],
            "tone": [f.to_json() for f in tone_findings],
            "structure": {"greeting": bool(structure.get("greeting")), "closing": bool(structure.get("closing"))},
        },
    }


def masked(text: str, findings) -> str:
    """text with every finding's characters replaced by •, same length, line breaks kept."""
    chars = list(text)
    for f in findings:
        for i in range(f.start, f.end):
            if chars[i] not in "\r\n":
                chars[i] = "•"
    return "".join(chars)


def _where(text: str, offset: int, lang: str) -> str:
    from okx_helper.base.i18n import t

    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return t("privacy.line_col", lang, line=line, col=col)


def _excerpt(safe: str, start: int, end: int) -> str:
    """One line of context around [start, end) from the masked text."""
    lo, hi = max(0, start - _EXCERPT), min(len(safe), end + _EXCERPT)
    # A run of dots of the secret's length would still tell its length: show a fixed mask.
    piece = re.sub("•+", "••••••", safe[lo:hi].replace("\r", " ").replace("\n", " ⏎ "))
    return ("…" if lo else "") + piece.strip() + ("…" if hi < len(safe) else "")


def render_text(text: str, report: dict, lang: str) -> str:
    """The human report: where each finding is, why, with secrets masked."""
    from okx_helper.base.i18n import t
    from okx_helper.guards.privacy import kind_label

    safe = masked(text, report["privacy"])
    lines = [t("privacy.check_privacy", lang)]
    if not report["privacy"]:
        lines.append("  " + t("privacy.report_none", lang))
    else:
        lines.append("  " + t("privacy.report_count", lang, count=len(report["privacy"])))
    for f in report["privacy"]:
        severity = t("privacy.severity_block" if f.blocking else "privacy.severity_warn", lang)
        lines.append(
            "  "
            + t(
                "privacy.report_line",
                lang,
                where=_where(text, f.start, lang),
                severity=severity,
                label=kind_label(f.kind, lang),
                excerpt=_excerpt(safe, f.start, f.end),
            )
        )
        lines.append("    " + f.message)
    lines.append("")
    lines.append(t("privacy.check_tone", lang))
    if not report["tone"]:
        lines.append("  " + t("privacy.check_tone_none", lang))
    for f in report["tone"]:
        label = t(f"wizard.tone_{f.category}", lang)
        lines.append(f"  {_where(text, f.start, lang)} {label}: {_excerpt(safe, f.start, f.end)}")
        lines.append("    " + f.message)
        if f.suggestion:
            lines.append("    " + t("privacy.check_suggestion", lang, text=f.suggestion))
    lines.append("")
    structure = report["structure"]
    lines.append(t("privacy.check_structure", lang))
    lines.append(
        "  " + t("privacy.check_greeting_ok" if structure.get("greeting") else "privacy.check_greeting_missing", lang)
    )
    lines.append(
        "  " + t("privacy.check_closing_ok" if structure.get("closing") else "privacy.check_closing_missing", lang)
    )
    lines.append("")
    lines.append(t("privacy.check_not_ok" if report["blocked"] else "privacy.check_ok", lang))
    return "\n".join(lines)
