"""Record a reply on a case: a pasted text or an .eml path, checked before it is recorded."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, Static, TextArea

from okx_helper.base.i18n import t
from okx_helper.cases import CasesError, RecordedReply
from okx_helper.ui.dialogs.help import HasHelp
from okx_helper.ui.keys import localize_bindings


def _tr(lang: str, key: str, **values) -> str:
    return t(f"cases.{key}", lang, **values)


class ReplyDialog(HasHelp, ModalScreen[bool]):
    """Paste a reply or give a .eml path; F5 checks it and records it against the case."""

    DEFAULT_CSS = """
    ReplyDialog { align: center middle; }
    ReplyDialog > Vertical { width: 78; height: 22; border: thick $accent; background: $surface; padding: 0 1; }
    ReplyDialog #reply-title { text-style: bold; }
    ReplyDialog #reply-path { height: 3; }
    ReplyDialog #reply-text { height: 1fr; min-height: 4; }
    ReplyDialog #reply-result { height: auto; max-height: 9; }
    """
    HELP = "record_reply"
    BINDINGS = [
        Binding("f5", "check", "Check", id="record_reply.check"),
        Binding("escape", "close", "Close", id="record_reply.close"),
        Binding("f1", "help", "Help", id="record_reply.help"),
    ]

    def __init__(self, ui_lang: str, db, case_id: int, anti_phishing_code: str | None = None) -> None:
        super().__init__()
        self.ui_lang, self.db, self.case_id = ui_lang, db, case_id
        self.anti_phishing_code = anti_phishing_code
        self.recorded: RecordedReply | None = None
        localize_bindings(self, ui_lang, "cases")

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(_tr(self.ui_lang, "reply_title", id=self.case_id), id="reply-title")
            yield Label(_tr(self.ui_lang, "reply_path"))
            yield Input(id="reply-path")
            yield Label(_tr(self.ui_lang, "reply_paste"))
            yield TextArea(id="reply-text", soft_wrap=True)
            yield VerticalScroll(Static(id="reply-result"))
        yield Footer()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        return not (action == "check" and self.recorded is not None)

    def action_check(self) -> None:
        from okx_helper.cases import record_reply
        from okx_helper.replies import UnreadableReply

        lang = self.ui_lang
        result = self.query_one("#reply-result", Static)
        path = self.query_one("#reply-path", Input).value.strip()
        try:
            data: bytes | str = Path(path).expanduser().read_bytes() if path else self.query_one(TextArea).text
        except OSError as error:
            result.update(_tr(lang, "reply_unreadable", error=error.strerror or str(error)))
            return
        if not data or (isinstance(data, str) and not data.strip()):
            result.update(_tr(lang, "reply_empty"))
            return
        try:
            self.recorded = record_reply(
                self.db, self.case_id, data, anti_phishing_code=self.anti_phishing_code, lang=lang
            )
        except UnreadableReply as error:
            result.update(_tr(lang, "reply_unreadable", error=str(error)))
            return
        except CasesError as error:
            result.update(error.message(lang))
            return
        rec = self.recorded
        lines = [
            _tr(lang, "reply_recorded", verdict=_tr(lang, f"verdict_{rec.verdict}")),
            _tr(lang, f"next_{rec.next_step}"),
        ]
        lines += [f"- {line}" for line in rec.advice]
        result.update("\n".join(lines))
        self.refresh_bindings()

    def action_close(self) -> None:
        self.dismiss(self.recorded is not None)
