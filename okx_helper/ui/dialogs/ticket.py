"""Ask for the ticket number of a case: Enter saves, Escape cancels."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label

from okx_helper.base.i18n import t
from okx_helper.ui.dialogs.help import HasHelp
from okx_helper.ui.keys import localize_bindings


def _tr(lang: str, key: str, **values) -> str:
    return t(f"cases.{key}", lang, **values)


class TicketDialog(HasHelp, ModalScreen[str]):
    """Ask for the ticket number; Enter saves, Escape cancels (dismisses with "")."""

    DEFAULT_CSS = """
    TicketDialog { align: center middle; }
    TicketDialog > Vertical { width: 60; height: auto; border: thick $accent; background: $surface; padding: 1 2; }
    """
    HELP = "ticket"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="ticket.cancel"),
        Binding("f1", "help", "Help", id="ticket.help"),
    ]

    def __init__(self, ui_lang: str, current: str = "") -> None:
        super().__init__()
        self.ui_lang, self.current = ui_lang, current
        localize_bindings(self, ui_lang, "cases")

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(_tr(self.ui_lang, "ticket_prompt"))
            yield Input(self.current, restrict=r"[#0-9A-Za-z\-]*", max_length=40, id="ticket")
        yield Footer()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss("")
