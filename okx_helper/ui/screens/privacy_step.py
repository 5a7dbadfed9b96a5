"""Step 4: nothing that can empty an account or steal an identity leaves this machine."""
from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from okx_helper import draft_checks
from okx_helper.ui.screens.dialogs import Confirm
from okx_helper.ui.screens.step import StepScreen
from okx_helper.ui.widgets.findings import masked, where


class PrivacyScreen(StepScreen):
    STEP = 3
    BINDINGS = [
        Binding("r", "redact", "Redact"),
        Binding("e", "edit", "Edit"),
        Binding("x", "not_sensitive", "Not sensitive"),
    ]

    def compose_body(self) -> ComposeResult:
        with Vertical():
            yield Static("", id="summary")
            yield OptionList(id="findings")
            yield Static("", id="detail", classes="detail")

    def on_mount(self) -> None:
        self.rescan()
        self.query_one("#findings").focus()

    def rescan(self, keep: int | None = None) -> None:
        from okx_helper import privacy

        self.items = draft_checks.privacy_findings(self.draft, self.ui_lang)
        menu = self.query_one("#findings", OptionList)
        menu.clear_options()
        for item in self.items:
            # Plain glyphs: emoji widths differ between terminals and break the columns.
            icon = "[b red]✖[/]" if item.finding.blocking else "[yellow]![/]"
            label = escape(privacy.kind_label(item.finding.kind, self.ui_lang))
            spot = escape(where(self.draft, item, self.ui_lang))
            menu.add_option(Option(f"{icon} {label} · {spot}: {escape(masked(item.excerpt(self.draft)))}"))
        blocking = sum(item.finding.blocking for item in self.items)
        summary = self.tr("privacy_summary", count=len(self.items), blocking=blocking) if self.items else self.tr("privacy_clean")
        self.query_one("#summary", Static).update(escape(summary))
        if self.items:
            menu.highlighted = min(keep or 0, len(self.items) - 1)
        else:
            self.query_one("#detail", Static).update("")

    def _current(self):
        index = self.query_one("#findings", OptionList).highlighted
        return None if index is None or index >= len(self.items) else (index, self.items[index])

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        current = self._current()
        if current:
            self.query_one("#detail", Static).update(escape(current[1].finding.message))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_redact()

    def action_redact(self) -> None:
        current = self._current()
        if current:
            draft_checks.redact(self.draft, current[1])
            self.changed()
            self.rescan(keep=current[0])

    def action_not_sensitive(self) -> None:
        current = self._current()
        if current:
            draft_checks.mark_not_sensitive(self.draft, current[1])
            self.changed()
            self.rescan(keep=current[0])

    def action_edit(self) -> None:
        current = self._current()
        if current:
            self.wizard.edit_part(current[1].part)

    def before_next(self, proceed) -> None:
        blocking = sum(item.finding.blocking for item in self.items)
        if not blocking:
            proceed()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                proceed()

        self.app.push_screen(Confirm(self.tr("privacy_confirm_override", count=blocking), self.ui_lang), answered)

    def on_screen_resume(self) -> None:
        self.rescan()
