"""Start the wizard, or explain plainly why this terminal cannot show it."""

from __future__ import annotations

import os
import sys

from okx_helper.base.i18n import detect_ui_lang, t


def terminal_problem(lang: str) -> str | None:
    """Why the wizard cannot run here, or None when it can."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return t("wizard.no_terminal", lang)
    if os.environ.get("TERM", "") in ("dumb", "unknown"):
        return t("wizard.dumb_terminal", lang)
    return None


def run_wizard(lang: str | None = None, new: bool = False) -> int:
    from okx_helper.settings.config import load_config

    config = load_config()
    # --lang, then the language chosen last time in the app (F2), then the locale.
    ui_lang = detect_ui_lang(lang or config.ui_lang or None)
    problem = terminal_problem(ui_lang)
    if problem:
        print(f"okx-helper: {problem}", file=sys.stderr)
        return 2
    from okx_helper.ui.app import WizardApp

    WizardApp(ui_lang=ui_lang, new=new, keymap=config.keys).run()
    return 0
