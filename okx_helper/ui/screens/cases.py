"""The cases screen: what was sent, how long ago, what to expect, and what to do next.

Keys: f follow up (with the pestering guard), r record a reply, t ticket number,
d mark resolved, Escape back. Dialogs for those live here too: they serve only this screen.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Input, Label, Static, TextArea

from okx_helper.base.i18n import t
from okx_helper.cases import CasesError, expectations
from okx_helper.ui.keys import localize_bindings


def _tr(lang: str, key: str, **values) -> str:
    return t(f"cases.{key}", lang, **values)


class TicketDialog(ModalScreen[str]):
    """Ask for the ticket number; Enter saves, Escape cancels (dismisses with "")."""

    DEFAULT_CSS = """
    TicketDialog { align: center middle; }
    TicketDialog > Vertical { width: 60; height: auto; border: thick $accent; background: $surface; padding: 1 2; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

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


class ReplyDialog(ModalScreen[bool]):
    """Paste a reply or give a .eml path; F5 checks it and records it against the case."""

    DEFAULT_CSS = """
    ReplyDialog { align: center middle; }
    ReplyDialog > Vertical { width: 78; height: 22; border: thick $accent; background: $surface; padding: 0 1; }
    ReplyDialog #reply-title { text-style: bold; }
    ReplyDialog #reply-path { height: 3; }
    ReplyDialog #reply-text { height: 1fr; min-height: 4; }
    ReplyDialog #reply-result { height: auto; max-height: 9; }
    """
    BINDINGS = [Binding("f5", "check", "Check"), Binding("escape", "close", "Close")]

    def __init__(self, ui_lang: str, db, case_id: int, anti_phishing_code: str | None = None) -> None:
        super().__init__()
        self.ui_lang, self.db, self.case_id = ui_lang, db, case_id
        self.anti_phishing_code = anti_phishing_code
        self.recorded = None
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


class FollowupDialog(ModalScreen[bool]):
    """The follow-up draft with its checks; s saves a .eml, m records it as sent."""

    DEFAULT_CSS = """
    FollowupDialog { align: center middle; }
    FollowupDialog > VerticalScroll { width: 78; height: 22; border: thick $accent; background: $surface; padding: 0 1; }
    FollowupDialog .guard { color: $warning; margin: 0 0 1 0; }
    FollowupDialog .checks { color: $text-muted; margin: 0 0 1 0; }
    """
    BINDINGS = [
        Binding("h", "hand_off", "Hand off"),
        Binding("s", "save_eml", "Save .eml"),
        Binding("m", "mark_sent", "Mark sent"),
        Binding("escape", "close", "Close"),
    ]

    class Ready(Message):
        """A follow-up is ready for a hand-off; the app may route it to its hand-off screen."""

        def __init__(self, case_id: int, message) -> None:
            super().__init__()
            self.case_id, self.message = case_id, message

    def __init__(self, ui_lang: str, db, case_id: int, draft, known: tuple = ()) -> None:
        super().__init__()
        self.ui_lang, self.db, self.case_id, self.draft = ui_lang, db, case_id, draft
        self.known = tuple(value for value in known if value)
        self.sent = False
        localize_bindings(self, ui_lang, "cases")

    def compose(self) -> ComposeResult:
        lang, msg = self.ui_lang, self.draft.message
        headers = "\n".join(
            f"{name}: {msg.get(name)}" for name in ("From", "To", "Subject", "In-Reply-To") if msg.get(name)
        )
        with VerticalScroll():
            yield Static(_tr(lang, "followup_title", id=self.case_id), classes="intro")
            yield Static(self.draft.guard.message(lang), classes="guard", markup=False)
            yield Static(self.checks(), classes="checks")
            yield Static(headers + "\n\n" + self.draft.body, markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.post_message(self.Ready(self.case_id, self.draft.message))

    def checks(self) -> str:
        """Privacy and tone findings in the follow-up body (counts; "?" when a check cannot run)."""
        body, lang = self.draft.body, self.ui_lang
        counts: dict = {}
        try:
            from okx_helper.guards import privacy

            # The user's own nickname and UID are in the signature on purpose.
            counts["privacy"] = len(privacy.scan(body, lang, known=self.known))
        except Exception:  # a check that cannot run must not hide the draft
            counts["privacy"] = "?"
        try:
            from okx_helper.guards import tone

            counts["tone"] = len(tone.scan(body, lang))
        except Exception:
            counts["tone"] = "?"
        return _tr(lang, "followup_checks", **counts)

    def action_save_eml(self) -> None:
        try:
            from okx_helper.handoff import eml

            path = eml.save(self.draft.message)
        except Exception as error:  # disk full, no permission, no hand-off module: say so
            self.notify(str(error), severity="error")
            return
        self.notify(_tr(self.ui_lang, "followup_saved", path=str(path)), timeout=10)

    def action_hand_off(self) -> None:
        """Every hand-off method of the wizard; confirming "I sent it" records the follow-up."""
        from okx_helper.ui.screens.handoff import HandoffScreen

        def done(result) -> None:
            if result and result.get("sent"):
                self.action_mark_sent()

        screen = HandoffScreen(self.draft.message, self.ui_lang, environment=getattr(self.app, "environment", None))
        self.app.push_screen(screen, done)

    def action_mark_sent(self) -> None:
        try:
            self.db.add_followup(self.case_id, self.draft.message, sent_at=datetime.now(timezone.utc))
        except CasesError as error:
            self.notify(error.message(self.ui_lang), severity="error")
            return
        self.sent = True
        self.notify(_tr(self.ui_lang, "followup_recorded", id=self.case_id))
        self.dismiss(True)

    def action_close(self) -> None:
        self.dismiss(self.sent)


class CasesScreen(Screen):
    DEFAULT_CSS = """
    CasesScreen #cases { padding: 0 1; }
    CasesScreen #cases-title { text-style: bold; color: $accent; }
    CasesScreen #table { height: auto; max-height: 8; }
    CasesScreen #detail { height: auto; padding: 0 1; border-left: thick $accent; margin: 1 0 0 0; }
    CasesScreen #advice { height: auto; color: $text-muted; margin: 1 0 0 0; }
    CasesScreen #error { color: $error; }
    """
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("f", "follow_up", "Follow up"),
        Binding("r", "record_reply", "Record reply"),
        Binding("t", "add_ticket", "Ticket #"),
        Binding("d", "mark_resolved", "Resolved"),
    ]

    def __init__(
        self, ui_lang: str, db, *, anti_phishing_code: str | None = None, country: str | None = None, profile=None
    ) -> None:
        super().__init__()
        self.ui_lang = ui_lang
        self.db = db
        self.profile = profile  # draft.Profile: nickname, UID and From for follow-ups
        self.anti_phishing_code = anti_phishing_code or (profile.anti_phishing_code if profile else None)
        self.country = expectations.resolve_country(country)
        self.cases: list = []
        self.error = ""
        localize_bindings(self, ui_lang, "cases")

    def tr(self, key: str, **values) -> str:
        return _tr(self.ui_lang, key, **values)

    def compose(self) -> ComposeResult:
        advice = [self.tr("advice_title")] + [
            f"- {self.tr(k)}" for k in ("advice_spam", "advice_allow", "advice_thread")
        ]
        with VerticalScroll(id="cases"):
            yield Static(self.tr("cases_title"), id="cases-title")
            yield DataTable(id="table", cursor_type="row", zebra_stripes=True)
            yield Static(id="detail", markup=False)
            yield Static("\n".join(advice), id="advice", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key in ("cases_col_id", "cases_col_subject", "cases_col_status", "cases_col_sent", "cases_col_expected"):
            table.add_column(self.tr(key), key=key)
        self.reload()
        table.focus()

    # -- data -----------------------------------------------------------------------------
    def reload(self, keep: int | None = None) -> None:
        table = self.query_one(DataTable)
        table.clear()
        try:
            self.cases = self.db.list_cases()
            self.error = ""
        except CasesError as error:
            self.cases, self.error = [], error.message(self.ui_lang)
        now = datetime.now(timezone.utc)
        for case in self.cases:
            expect = expectations.assess(case.last_sent_at(), case.category, self.country, now)
            table.add_row(
                str(case.id),
                case.subject if len(case.subject) <= 30 else case.subject[:29] + "…",
                self.tr(f"status_{case.status}"),
                self.tr("sent_ago", ago=expectations.duration_text(now - case.sent_at, self.ui_lang)),
                self.where(case, expect),
                key=str(case.id),
            )
        if keep is not None:
            for row, case in enumerate(self.cases):
                if case.id == keep:
                    table.move_cursor(row=row)
        self.show_detail()
        self.refresh_bindings()

    def where(self, case, expect) -> str:
        if case.status != "waiting":
            return "—"
        left = expectations.duration_text(abs(expect.remaining), self.ui_lang)
        return self.tr("overdue_by", late=left) if expect.overdue else self.tr("due_in", left=left)

    def selected(self):
        table = self.query_one(DataTable)
        if not self.cases or table.cursor_row is None or table.cursor_row >= len(self.cases):
            return None
        return self.cases[table.cursor_row]

    def show_detail(self) -> None:
        from okx_helper.commands.cases import case_summary, describe_case

        detail = self.query_one("#detail", Static)
        case = self.selected()
        if self.error:
            detail.update(self.error)
        elif case is None:
            detail.update(self.tr("cases_none"))
        else:
            now = datetime.now(timezone.utc)
            data = case_summary(case, self.country, now, self.ui_lang)
            detail.update(describe_case(case, data, self.ui_lang, now))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("follow_up", "record_reply", "add_ticket", "mark_resolved"):
            return bool(self.cases)
        return True

    # -- actions --------------------------------------------------------------------------
    def action_back(self) -> None:
        self.dismiss(None)

    def action_add_ticket(self) -> None:
        case = self.selected()
        if case is None:
            return

        def answered(ticket: str | None) -> None:
            if ticket and self.guarded(lambda: self.db.set_ticket(case.id, ticket)):
                self.notify(self.tr("ticket_saved"))
                self.reload(keep=case.id)

        self.app.push_screen(TicketDialog(self.ui_lang, case.ticket), answered)

    def action_mark_resolved(self) -> None:
        case = self.selected()
        if case is not None and self.guarded(lambda: self.db.set_status(case.id, "resolved")):
            self.notify(self.tr("resolved_done", id=case.id))
            self.reload(keep=case.id)

    def action_record_reply(self) -> None:
        case = self.selected()
        if case is None:
            return
        dialog = ReplyDialog(self.ui_lang, self.db, case.id, self.anti_phishing_code)
        self.app.push_screen(dialog, lambda _recorded: self.reload(keep=case.id))

    def action_follow_up(self) -> None:
        from okx_helper.cases.followup import build_followup

        case = self.selected()
        if case is None:
            return
        profile = self.profile
        draft = build_followup(
            case,
            nickname=getattr(profile, "nickname", ""),
            uid=getattr(profile, "uid", ""),
            from_addr=getattr(profile, "email", ""),
            country=self.country,
        )

        def show(go: bool | None = True) -> None:
            if go:
                known = tuple(getattr(profile, name, "") for name in ("email", "uid", "nickname"))
                self.app.push_screen(
                    FollowupDialog(self.ui_lang, self.db, case.id, draft, known),
                    lambda _sent: self.reload(keep=case.id),
                )

        if draft.guard.needs_confirmation:
            from okx_helper.ui.screens.dialogs import Confirm

            question = self.tr("followup_confirm", guard=draft.guard.message(self.ui_lang))
            self.app.push_screen(Confirm(question, self.ui_lang), show)
        else:
            show()

    def guarded(self, change) -> bool:
        """Run a database change; a locked or damaged database becomes a notice, not a crash."""
        try:
            change()
            return True
        except CasesError as error:
            self.notify(error.message(self.ui_lang), severity="error", timeout=10)
            return False
