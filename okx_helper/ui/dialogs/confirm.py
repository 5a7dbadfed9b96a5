"""A yes/no question: y or n (Escape is n)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from okx_helper.ui.dialogs.help import HasHelp
from okx_helper.ui.keys import localize_bindings


class Confirm(HasHelp, ModalScreen[bool]):
    """Answer y or n (Escape is n); dismisses with the answer."""

    DEFAULT_CSS = """
    Confirm { align: center middle; }
    Confirm > Vertical { width: 70; max-width: 95%; height: auto; max-height: 90%;
                          border: thick $warning; background: $surface; padding: 1 2; }
    """
    HELP = "confirm"
    BINDINGS = [
        Binding("y", "yes", "Yes", id="confirm.yes"),
        Binding("n,escape", "no", "No", id="confirm.no"),
        Binding("f1", "help", "Help", id="confirm.help"),
    ]

    def __init__(self, question: str, ui_lang: str = "en") -> None:
        super().__init__()
        self.question = question
        self.ui_lang = ui_lang
        localize_bindings(self, ui_lang, "dialogs")

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, markup=False)
        yield Footer()

    def action_yes(self) -> None:
        self.dismiss(True)

    def action_no(self) -> None:
        self.dismiss(False)
