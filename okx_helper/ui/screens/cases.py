"""The cases screen: what was sent, how long ago, what to expect, and what to do next.

Keys: f follow up (with the pestering guard), r record a reply, t ticket number,
d mark resolved, Escape back. Their dialogs are in okx_helper.ui.dialogs.
"""

from __future__ import annotations

from datetime import datetime, timezone

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from okx_helper.base.i18n import t
from okx_helper.cases import CasesError, expectations
from okx_helper.cases.summary import user_country
from okx_helper.ui.dialogs.followup import FollowupDialog, FollowupOutcome
from okx_helper.ui.dialogs.help import HasHelp
from okx_helper.ui.dialogs.record_reply import ReplyDialog
from okx_helper.ui.dialogs.ticket import TicketDialog
from okx_helper.ui.keys import QUIT_KEY, localize_bindings


def _tr(lang: str, key: str, **values) -> str:
    return t(f"cases.{key}", lang, **values)


class CasesScreen(HasHelp, Screen):
    DEFAULT_CSS = """
    CasesScreen #cases { padding: 0 1; }
    CasesScreen #cases-title { text-style: bold; color: $accent; }
    CasesScreen #table { height: auto; max-height: 8; }
    CasesScreen #detail { height: auto; padding: 0 1; border-left: thick $accent; margin: 1 0 0 0; }
    CasesScreen #advice { height: auto; color: $text-muted; margin: 1 0 0 0; }
    CasesScreen #error { color: $error; }
    """
    HELP = "cases"
    BINDINGS = [
        Binding("escape", "back", "Back", id="cases.back"),
        Binding("f", "follow_up", "Follow up", id="cases.follow_up"),
        Binding("r", "record_reply", "Record reply", id="cases.record_reply"),
        Binding("t", "add_ticket", "Ticket #", id="cases.add_ticket"),
        Binding("d", "mark_resolved", "Resolved", id="cases.mark_resolved"),
        Binding("f1", "help", "Help", id="cases.help"),
        QUIT_KEY,
    ]

    def __init__(
        self,
        ui_lang: str,
        db,
        *,
        anti_phishing_code: str | None = None,
        country: str | None = None,
        profile=None,
        profile_store=None,
    ) -> None:
        super().__init__()
        self.ui_lang = ui_lang
        self.db = db
        self.profile = profile  # draft.Profile: nickname, UID and From for follow-ups
        self.anti_phishing_code = anti_phishing_code or (profile.anti_phishing_code if profile else None)
        # The same holiday country as `okx-helper cases`: given, else the saved profile's, else the locale's.
        self.country = user_country(country, profile_store)
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
        from okx_helper.cases.summary import case_summary, describe_case

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
                    lambda outcome: self.followup_done(case.id, draft.message, outcome),
                )

        if draft.guard.needs_confirmation:
            from okx_helper.ui.dialogs.confirm import Confirm

            question = self.tr("followup_confirm", guard=draft.guard.message(self.ui_lang))
            self.app.push_screen(Confirm(question, self.ui_lang), show)
        else:
            show()

    def followup_done(self, case_id: int, message, outcome: FollowupOutcome | None) -> None:
        """After the follow-up dialog: open the hand-off when asked; "I sent it" there records it."""
        if outcome is None or not outcome.hand_off:
            self.reload(keep=case_id)
            return
        from okx_helper.ui.screens.handoff import HandoffScreen

        def handed_off(result) -> None:
            sent_at = datetime.now(timezone.utc)
            if result is not None and self.guarded(lambda: self.db.add_followup(case_id, message, sent_at=sent_at)):
                self.notify(self.tr("followup_recorded", id=case_id))
            self.reload(keep=case_id)

        screen = HandoffScreen(message, self.ui_lang, environment=getattr(self.app, "environment", None))
        self.app.push_screen(screen, handed_off)

    def guarded(self, change) -> bool:
        """Run a database change; a locked or damaged database becomes a notice, not a crash."""
        try:
            change()
            return True
        except CasesError as error:
            self.notify(error.message(self.ui_lang), severity="error", timeout=10)
            return False
