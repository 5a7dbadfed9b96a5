"""Help for the screen in front: a scrollable text in the interface language."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from okx_helper.base.i18n import t
from okx_helper.ui.keys import key_label, localize_bindings


class HelpText(ModalScreen[None]):
    """A scrollable help text; Escape, q or F1 closes it."""

    DEFAULT_CSS = """
    HelpText { align: center middle; }
    HelpText > VerticalScroll { width: 76; max-width: 98%; height: auto; max-height: 90%;
                                border: round $accent; background: $surface; padding: 0 1; }
    """
    BINDINGS = [Binding("escape,q,f1", "close", "Close", id="help.close")]

    def __init__(self, text: str, ui_lang: str = "en") -> None:
        super().__init__()
        self.text = text
        localize_bindings(self, ui_lang, "dialogs")

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(self.text, markup=False)
        yield Footer()

    def action_close(self) -> None:
        self.dismiss(None)


class HasHelp:
    """F1 on a screen or dialog: what it is for, then the keys that work there, in its language.

    Set HELP to a key of data/strings/help.toml and add a Binding("f1", "help", ...) to BINDINGS.
    """

    HELP: ClassVar[str] = ""
    ui_lang: str

    def help_text(self) -> str:
        lang = self.ui_lang
        lines = [t(f"help.{self.HELP}", lang), "", t("help.keys", lang)]
        seen = set()
        for _, binding in self._bindings:  # type: ignore[attr-defined]
            if binding.show and binding.description and binding.action not in seen:
                seen.add(binding.action)
                lines.append(f"  {key_label(binding.key)}  {binding.description}")
        lines += ["", t("help.keys_everywhere", lang)]
        return "\n".join(lines)

    def action_help(self) -> None:
        self.app.push_screen(HelpText(self.help_text(), self.ui_lang))  # type: ignore[attr-defined]
