"""Small modal dialogs: a yes/no question and a help text."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from okx_helper.ui.keys import localize_bindings


class Confirm(ModalScreen[bool]):
    """Answer y or n (Escape is n); dismisses with the answer."""

    DEFAULT_CSS = """
    Confirm { align: center middle; }
    Confirm > Vertical { width: 70; max-width: 95%; height: auto; max-height: 90%;
                          border: thick $warning; background: $surface; padding: 1 2; }
    """
    BINDINGS = [
        Binding("y", "yes", "Yes"),
        Binding("n,escape", "no", "No"),
    ]

    def __init__(self, question: str, ui_lang: str = "en") -> None:
        super().__init__()
        self.question = question
        localize_bindings(self, ui_lang, "dialogs")

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, markup=False)
        yield Footer()

    def action_yes(self) -> None:
        self.dismiss(True)

    def action_no(self) -> None:
        self.dismiss(False)


class HelpText(ModalScreen[None]):
    """A scrollable help text; Escape, q or F1 closes it."""

    DEFAULT_CSS = """
    HelpText { align: center middle; }
    HelpText > VerticalScroll { width: 76; max-width: 98%; height: auto; max-height: 90%;
                                border: round $accent; background: $surface; padding: 0 1; }
    """
    BINDINGS = [Binding("escape,q,f1", "close", "Close")]

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
