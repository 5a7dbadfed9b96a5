"""Which folder an .eml goes to: Enter saves, Escape cancels."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Static

from okx_helper.base.i18n import t
from okx_helper.ui.dialogs.help import HasHelp
from okx_helper.ui.keys import localize_bindings


def tr(key: str, lang: str, **values) -> str:
    return t(f"handoff.{key}", lang, **values)


class AskFolder(HasHelp, ModalScreen[str | None]):
    """Where the .eml goes: Enter saves, Escape cancels."""

    DEFAULT_CSS = """
    AskFolder { align: center middle; }
    AskFolder > Vertical { width: 76; max-width: 98%; height: auto; border: round $accent;
                           background: $surface; padding: 0 1; }
    """
    HELP = "ask_folder"
    BINDINGS = [
        Binding("escape", "cancel", "Back", id="handoff.back"),
        Binding("f1", "help", "Help", id="ask_folder.help"),
    ]

    def __init__(self, default: str, ui_lang: str) -> None:
        super().__init__()
        self.default = default
        self.ui_lang = ui_lang
        localize_bindings(self, ui_lang, "handoff")

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(tr("eml_prompt", self.ui_lang), markup=False)  # wraps on narrow terminals
            yield Input(self.default, id="folder")
        yield Footer()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or self.default)

    def action_cancel(self) -> None:
        self.dismiss(None)
