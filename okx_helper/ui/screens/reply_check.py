"""The "Check a reply" screen: paste a reply or load an .eml, see whether it is really OKX.

The judging is okx_helper.replies; this screen only collects the input and shows the report
in plain words: verdict, checks, danger signs, usefulness, advice and the next step.
Message text is shown through rich Text objects, never as markup, so a hostile message
cannot style or inject anything.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Static, TextArea

from okx_helper.base.i18n import t
from okx_helper.replies.mailparse import clean_text
from okx_helper.ui.dialogs.help import HasHelp
from okx_helper.ui.keys import QUIT_KEY, localize_bindings

_VERDICT_STYLE = {"genuine": "bold green", "suspicious": "bold yellow", "fraudulent": "bold white on red"}
_STATUS_STYLE = {"pass": "green", "fail": "bold red", "unknown": "yellow"}


class ReplyCheckScreen(HasHelp, Screen):
    """Check a reply that claims to come from OKX."""

    DEFAULT_CSS = """
    ReplyCheckScreen { layout: vertical; }
    ReplyCheckScreen #reply-intro { height: auto; max-height: 2; padding: 0 1; color: $text-muted; }
    ReplyCheckScreen #reply-inputs { height: 3; }
    ReplyCheckScreen #reply-path { width: 2fr; }
    ReplyCheckScreen #reply-question { width: 2fr; }
    ReplyCheckScreen #reply-code { width: 1fr; }
    ReplyCheckScreen #reply-source { height: 1fr; min-height: 3; }
    ReplyCheckScreen #reply-report { height: 2fr; border-top: solid $panel-lighten-2; padding: 0 1; }
    ReplyCheckScreen.-checked #reply-source { height: 4; }
    """
    HELP = "reply_check"
    BINDINGS = [
        # F-keys first; ctrl+r / ctrl+l for terminals that eat them. F6/F7 stay with the TextArea.
        Binding("f5,ctrl+r", "check", "Check", priority=True, id="reply_check.check"),
        Binding("f4,ctrl+l", "load", "Load file", priority=True, id="reply_check.load"),
        Binding("f8", "focus_report", "Report", priority=True, id="reply_check.focus_report"),
        Binding("f9", "clear", "Clear", priority=True, id="reply_check.clear"),
        Binding("escape", "back", "Back", id="reply_check.back"),
        Binding("f1", "help", "Help", id="reply_check.help"),
        QUIT_KEY,
    ]

    def __init__(self, ui_lang: str = "en", anti_phishing_code: str | None = None, question: str | None = None) -> None:
        super().__init__()
        self.ui_lang = ui_lang if ui_lang in ("en", "zh") else "en"
        self.anti_phishing_code = anti_phishing_code
        self.question = question
        self.report = None
        self._loaded: tuple[bytes, str] | None = None  # raw bytes of a loaded file and the text shown
        localize_bindings(self, self.ui_lang, "replies")

    def tr(self, key: str, **values) -> str:
        return t(f"replies.{key}", self.ui_lang, **values)

    def compose(self) -> ComposeResult:
        yield Static(Text(self.tr("screen_title"), style="bold"), id="reply-title")
        yield Static(self.tr("screen_intro"), id="reply-intro", markup=False)
        with Horizontal(id="reply-inputs"):
            yield Input(placeholder=self.tr("screen_path_placeholder"), id="reply-path")
            yield Input(self.question or "", placeholder=self.tr("screen_question_placeholder"), id="reply-question")
            yield Input(self.anti_phishing_code or "", placeholder=self.tr("screen_code_placeholder"), id="reply-code")
        yield TextArea(id="reply-source", soft_wrap=True)
        with VerticalScroll(id="reply-report", can_focus=True):
            yield Static(self.tr("screen_empty"), id="reply-result", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#reply-source", TextArea).focus()

    # -- actions -------------------------------------------------------------------------
    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "reply-path":
            self.action_load()
        else:
            self.action_check()

    def action_load(self) -> None:
        """Read the .eml named in the path field, show its source, and check it."""
        path = self.query_one("#reply-path", Input).value.strip()
        if not path:
            self.query_one("#reply-path", Input).focus()
            return
        target = Path(path).expanduser()
        try:
            if target.is_dir():
                raise IsADirectoryError(self.tr("err_directory", path=path))
            data = target.read_bytes()
        except OSError as error:
            message = (
                str(error)
                if isinstance(error, IsADirectoryError)
                else (
                    self.tr("err_missing", path=path)
                    if isinstance(error, FileNotFoundError)
                    else self.tr("err_unreadable", path=path, error=error.strerror or error)
                )
            )
            self._show_error(message)
            return
        shown = clean_text(data.decode("utf-8", "replace"))
        self._loaded = (data, shown)
        self.query_one("#reply-source", TextArea).load_text(shown)
        self.notify(self.tr("screen_loaded", path=path), timeout=3)
        self.action_check()

    def action_check(self) -> None:
        """Run the reply checker on the loaded file or the pasted text and show the report."""
        from okx_helper.replies import UnreadableReply, explain_unreadable, verify_reply

        text = self.query_one("#reply-source", TextArea).text
        data: bytes | str = self._loaded[0] if self._loaded and self._loaded[1] == text else text
        if not (data.strip() if isinstance(data, str) else data.strip()):
            self._show_error(self.tr("screen_empty"))
            return
        code = self.query_one("#reply-code", Input).value.strip() or None
        question = self.query_one("#reply-question", Input).value.strip() or None
        try:
            self.report = verify_reply(data, anti_phishing_code=code, question=question, lang=self.ui_lang)
        except UnreadableReply as error:
            self._show_error(explain_unreadable(error, self.ui_lang))
            return
        self.query_one("#reply-result", Static).update(self.render_report(self.report))
        self.add_class("-checked")
        self.action_focus_report()

    def action_focus_report(self) -> None:
        scroll = self.query_one("#reply-report", VerticalScroll)
        scroll.scroll_home(animate=False)
        scroll.focus()

    def action_clear(self) -> None:
        self._loaded = None
        self.report = None
        self.query_one("#reply-source", TextArea).load_text("")
        self.query_one("#reply-path", Input).value = ""
        self.query_one("#reply-result", Static).update(self.tr("screen_empty"))
        self.remove_class("-checked")
        self.query_one("#reply-source", TextArea).focus()

    def action_back(self) -> None:
        self.dismiss()

    # -- rendering -----------------------------------------------------------------------
    def _show_error(self, message: str) -> None:
        self.report = None
        self.query_one("#reply-result", Static).update(Text(clean_text(message), style="bold red"))

    def render_report(self, report) -> Text:
        """The report as styled text; message content is appended as plain text, never markup."""
        out = Text()
        out.append(self.tr(f"verdict_{report.verdict}"), style=_VERDICT_STYLE[report.verdict])
        out.append("\n")
        if report.advice:
            out.append(report.advice[-1] + "\n", style="bold")
        if report.subject or report.sender:
            out.append(f"{report.sender}  {report.subject}".strip() + "\n", style="dim")
        sep = self.tr("sep")
        # Danger signs first: when there are any, they are what the user must see.
        out.append("\n")
        if report.dangers:
            out.append(self.tr("cli_dangers") + "\n", style="bold red")
            for danger in report.dangers:
                out.append(f"! {self.tr('danger_' + danger['kind'])}{sep}", style="red")
                out.append(f'"{danger["excerpt"]}"\n')
        else:
            out.append(self.tr("cli_no_dangers") + "\n", style="green")
        out.append("\n" + self.tr("cli_checks") + "\n", style="bold")
        for check in report.checks:
            out.append(f"[{self.tr('status_' + check['status'])}] ", style=_STATUS_STYLE[check["status"]])
            out.append(f"{self.tr('check_' + check['name'])}{sep}{check['detail']}\n")
        out.append("\n" + self.tr("cli_usefulness") + "\n", style="bold")
        for key, value in report.usefulness.items():
            shown = self.tr("not_known") if value is None else self.tr("yes" if value else "no")
            out.append(f"{self.tr('use_' + key)}{sep}{shown}\n")
        out.append("\n" + self.tr("cli_advice") + "\n", style="bold")
        for line in report.advice:
            out.append(f"- {line}\n")
        return out
