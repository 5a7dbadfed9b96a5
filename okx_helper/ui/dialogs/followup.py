"""The follow-up draft of a case with its checks: hand it off, save it, or record it as sent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from okx_helper.base.i18n import t
from okx_helper.cases import CasesError
from okx_helper.ui.dialogs.help import HasHelp
from okx_helper.ui.keys import localize_bindings


def _tr(lang: str, key: str, **values) -> str:
    return t(f"cases.{key}", lang, **values)


@dataclass(frozen=True)
class FollowupOutcome:
    """How the follow-up dialog ended: recorded as sent here, or the user chose the hand-off."""

    sent: bool = False
    hand_off: bool = False


class FollowupDialog(HasHelp, ModalScreen[FollowupOutcome]):
    """The follow-up draft with its checks; s saves a .eml, m records it as sent."""

    DEFAULT_CSS = """
    FollowupDialog { align: center middle; }
    FollowupDialog > VerticalScroll { width: 78; height: 22; border: thick $accent; background: $surface; padding: 0 1; }
    FollowupDialog .guard { color: $warning; margin: 0 0 1 0; }
    FollowupDialog .checks { color: $text-muted; margin: 0 0 1 0; }
    """
    HELP = "followup"
    BINDINGS = [
        Binding("h", "hand_off", "Hand off", id="followup.hand_off"),
        Binding("s", "save_eml", "Save .eml", id="followup.save_eml"),
        Binding("m", "mark_sent", "Mark sent", id="followup.mark_sent"),
        Binding("escape", "close", "Close", id="followup.close"),
        Binding("f1", "help", "Help", id="followup.help"),
    ]

    def __init__(self, ui_lang: str, db, case_id: int, draft, known: tuple = ()) -> None:
        super().__init__()
        self.ui_lang, self.db, self.case_id, self.draft = ui_lang, db, case_id, draft
        self.known = tuple(value for value in known if value)
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
        """The cases screen opens the wizard's hand-off for the follow-up; "I sent it" there records it."""
        self.dismiss(FollowupOutcome(hand_off=True))

    def action_mark_sent(self) -> None:
        try:
            self.db.add_followup(self.case_id, self.draft.message, sent_at=datetime.now(timezone.utc))
        except CasesError as error:
            self.notify(error.message(self.ui_lang), severity="error")
            return
        self.notify(_tr(self.ui_lang, "followup_recorded", id=self.case_id))
        self.dismiss(FollowupOutcome(sent=True))

    def action_close(self) -> None:
        self.dismiss(FollowupOutcome())
