"""Step 6: the final message, the checklist, and the hand-off to where the user sends mail."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from okx_helper.ui.messages import DraftSent
from okx_helper.ui.screens.step import StepScreen


class ReviewScreen(StepScreen):
    STEP = 5
    BINDINGS = [Binding("h,enter", "next", "Hand off", show=False, id="review.next")]

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="review"):
            yield Static("", id="checklist")
            yield Static("", id="message", classes="message")

    def on_screen_resume(self) -> None:
        self.render_review()
        self.query_one("#review").focus()

    def render_review(self) -> None:
        facts = self.facts()
        self.message = facts.message
        lines = [f"[b]{escape(self.tr('review_checklist'))}[/b]"]
        for item in facts.checklist:
            mark = "[green]✓[/]" if item.ok else "[yellow]✗[/]"
            detail = f" [dim]({escape(item.detail)})[/]" if item.detail and not item.ok else ""
            lines.append(f" {mark} {escape(item.text)}{detail}")
        self.query_one("#checklist", Static).update("\n".join(lines))
        self.query_one("#message", Static).update(escape(preview(self.message)))

    def action_next(self) -> None:
        from okx_helper.ui.screens.handoff import HandoffScreen

        screen = HandoffScreen(self.message, self.ui_lang, environment=self.wizard_app.environment)
        self.app.push_screen(screen, self.handed_off)

    def handed_off(self, result) -> None:
        """The hand-off screen closed; when the user confirmed sending, the draft becomes a case."""
        if result is None:
            return
        from okx_helper import cases

        try:
            case_id = cases.record_sent(None, self.message, self.draft.category, self.draft.email_lang)
        except cases.CasesError as error:
            self.notify(error.message(self.ui_lang), severity="error", timeout=10)
            return
        self.notify(self.tr("review_case_recorded", case=case_id), timeout=8)
        self.post_message(DraftSent(case_id))


def preview(message) -> str:
    """Headers a person cares about, then the body, as the mail client will show them."""
    head = [f"{name}: {message[name]}" for name in ("From", "To", "Subject") if message[name]]
    return "\n".join(head) + "\n\n" + message.get_content()
