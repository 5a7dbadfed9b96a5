"""Help for the screen in front: a scrollable text in the interface language."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from okx_helper.ui.keys import localize_bindings


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
