"""The whole message as read-only text, to copy with the terminal's own selection."""

from __future__ import annotations

from email.message import EmailMessage

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, TextArea

from okx_helper.base.i18n import t
from okx_helper.handoff import eml
from okx_helper.ui.dialogs.help import HasHelp
from okx_helper.ui.keys import localize_bindings


def tr(key: str, lang: str, **values) -> str:
    return t(f"handoff.{key}", lang, **values)


class PlainView(HasHelp, ModalScreen[None]):
    """The whole message as read-only text, for copying with the terminal's own selection."""

    DEFAULT_CSS = """
    PlainView { align: center middle; }
    PlainView > Vertical { width: 100%; height: 100%; background: $surface; padding: 0 1; }
    PlainView TextArea { height: 1fr; }
    """
    HELP = "plain_view"
    BINDINGS = [
        Binding("escape,q", "close", "Close", id="handoff.close"),
        Binding("f1", "help", "Help", id="plain_view.help"),
    ]

    def __init__(self, message: EmailMessage, ui_lang: str) -> None:
        super().__init__()
        self.message = message
        self.ui_lang = ui_lang
        localize_bindings(self, ui_lang, "handoff")

    def compose(self) -> ComposeResult:
        p = eml.parts(self.message)
        head = [f"{name}: {p[key]}" for name, key in (("From", "from"), ("To", "to"), ("Subject", "subject")) if p[key]]
        with Vertical():
            yield Label(tr("view_title", self.ui_lang), markup=False)
            yield TextArea("\n".join(head) + "\n\n" + p["body"], read_only=True, id="plain", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_close(self) -> None:
        self.dismiss(None)
