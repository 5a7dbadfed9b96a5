"""Step 4: nothing that can empty an account or steal an identity leaves this machine."""

from __future__ import annotations

from rich.markup import escape
from textual.binding import Binding

from okx_helper.ui.dialogs.confirm import Confirm
from okx_helper.ui.screens.findings_step import FindingsStep
from okx_helper.ui.widgets.findings import masked, where


class PrivacyScreen(FindingsStep):
    STEP = 3
    BINDINGS = [
        Binding("r", "redact", "Redact", id="privacy.redact"),
        Binding("e", "edit", "Edit", id="privacy.edit"),
        Binding("x", "not_sensitive", "Not sensitive", id="privacy.not_sensitive"),
    ]

    def find(self):
        return self.facts().privacy

    def option_text(self, item) -> str:
        from okx_helper.guards import privacy

        # Plain glyphs: emoji widths differ between terminals and break the columns.
        icon = "[b red]✖[/]" if item.finding.blocking else "[yellow]![/]"
        label = privacy.kind_label(item.finding.kind, self.ui_lang)
        spot = where(self.draft, item, self.ui_lang)
        return f"{icon} " + escape(f"{label} · {spot}: {masked(item.excerpt(self.draft))}")

    def head_text(self) -> str:
        if not self.items:
            return self.tr("privacy_clean")
        blocking = sum(item.finding.blocking for item in self.items)
        return self.tr("privacy_summary", count=len(self.items), blocking=blocking)

    def primary(self) -> None:
        self.action_redact()

    def action_redact(self) -> None:
        self.change_current(self.wizard.redact)

    def action_not_sensitive(self) -> None:
        self.change_current(self.wizard.mark_not_sensitive)

    def before_next(self, proceed) -> None:
        blocking = sum(item.finding.blocking for item in self.items)
        if not blocking:
            proceed()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                proceed()

        self.app.push_screen(Confirm(self.tr("privacy_confirm_override", count=blocking), self.ui_lang), answered)
