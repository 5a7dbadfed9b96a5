"""Step 5: a calm, polite email gets help faster. Flags with calmer wording to use instead."""

from __future__ import annotations

from rich.markup import escape
from textual.binding import Binding

from okx_helper.ui.screens.findings_step import FindingsStep
from okx_helper.ui.widgets.findings import where
from okx_helper.writing import draft_checks


class ToneScreen(FindingsStep):
    STEP = 4
    BINDINGS = [
        Binding("a", "apply", "Use suggestion"),
        Binding("e", "edit", "Edit"),
        Binding("g", "greeting", "Add greeting"),
        Binding("c", "closing", "Add closing"),
    ]

    def find(self):
        return draft_checks.tone_findings(self.draft, self.ui_lang)

    def option_text(self, item) -> str:
        label = self.tr(f"tone_{item.finding.category}")
        spot = where(self.draft, item, self.ui_lang)
        return escape(f"{label} · {spot}: “{item.excerpt(self.draft)[:40]}”")

    def check_action(self, action: str, parameters) -> bool | None:
        # Offer a greeting or closing only when the email as sent would lack it.
        if action in ("greeting", "closing"):
            return not draft_checks.structure(self.draft)[action]
        return True

    def head_text(self) -> str:
        self.refresh_bindings()
        shape = draft_checks.structure(self.draft)
        marks = [
            ("✓ " if shape["greeting"] else "✗ ") + self.tr("tone_greeting"),
            ("✓ " if shape["closing"] else "✗ ") + self.tr("tone_closing"),
        ]
        head = self.tr("tone_summary", count=len(self.items)) if self.items else self.tr("tone_clean")
        return head + "   " + "   ".join(marks)

    def detail_text(self, item) -> str:
        text = item.finding.message
        if item.finding.suggestion:
            text += "\n" + self.tr("tone_instead", suggestion=item.finding.suggestion)
        return text

    def primary(self) -> None:
        self.action_apply()

    def action_apply(self) -> None:
        self.change_current(draft_checks.apply_tone_suggestion)

    def action_greeting(self) -> None:
        from okx_helper.guards import tone

        self.draft.description = tone.add_greeting(self.draft.description, self.draft.email_lang)
        self.changed()
        self.rescan()

    def action_closing(self) -> None:
        from okx_helper.guards import tone

        self.draft.description = tone.add_closing(self.draft.description, self.draft.email_lang)
        self.changed()
        self.rescan()
