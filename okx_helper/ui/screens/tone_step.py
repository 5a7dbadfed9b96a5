"""Step 5: a calm, polite email gets help faster. Flags with calmer wording to use instead."""

from __future__ import annotations

from rich.markup import escape
from textual.binding import Binding

from okx_helper.ui.screens.findings_step import FindingsStep
from okx_helper.ui.widgets.findings import where


class ToneScreen(FindingsStep):
    STEP = 4
    BINDINGS = [
        Binding("a", "apply", "Use suggestion", id="tone.apply"),
        Binding("e", "edit", "Edit", id="tone.edit"),
        Binding("g", "greeting", "Add greeting", id="tone.greeting"),
        Binding("c", "closing", "Add closing", id="tone.closing"),
    ]

    def find(self):
        return self.facts().tone

    def option_text(self, item) -> str:
        label = self.tr(f"tone_{item.finding.category}")
        spot = where(self.draft, item, self.ui_lang)
        return escape(f"{label} · {spot}: “{item.excerpt(self.draft)[:40]}”")

    def check_action(self, action: str, parameters) -> bool | None:
        # Offer a greeting or closing only when the email as sent would lack it.
        if action in ("greeting", "closing"):
            return not self.facts().structure[action]
        return super().check_action(action, parameters)

    def head_text(self) -> str:
        shape = self.facts().structure
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
        self.change_current(self.wizard.apply_tone_suggestion)

    def action_greeting(self) -> None:
        self.wizard.add_greeting()
        self.rescan()

    def action_closing(self) -> None:
        self.wizard.add_closing()
        self.rescan()
