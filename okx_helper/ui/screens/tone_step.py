"""Step 5: a calm, polite email gets help faster. Flags with calmer wording to use instead."""
from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from okx_helper import draft_checks
from okx_helper.ui.screens.step import StepScreen
from okx_helper.ui.widgets.findings import where


class ToneScreen(StepScreen):
    STEP = 4
    BINDINGS = [
        Binding("a", "apply", "Use suggestion"),
        Binding("e", "edit", "Edit"),
        Binding("g", "greeting", "Add greeting"),
        Binding("c", "closing", "Add closing"),
    ]

    def compose_body(self) -> ComposeResult:
        with Vertical():
            yield Static("", id="structure")
            yield OptionList(id="findings")
            yield Static("", id="detail", classes="detail")

    def on_mount(self) -> None:
        self.rescan()
        self.query_one("#findings").focus()

    def on_screen_resume(self) -> None:
        self.rescan()

    def rescan(self, keep: int | None = None) -> None:
        from okx_helper import tone

        self.items = draft_checks.tone_findings(self.draft, self.ui_lang)
        menu = self.query_one("#findings", OptionList)
        menu.clear_options()
        for item in self.items:
            label = self.tr(f"tone_{item.finding.category}")
            spot = where(self.draft, item, self.ui_lang)
            menu.add_option(Option(escape(f"{label} · {spot}: “{item.excerpt(self.draft)[:40]}”")))
        shape = tone.structure(self.draft.description)
        marks = [
            ("✓ " if shape["greeting"] else "✗ ") + self.tr("tone_greeting"),
            ("✓ " if shape["closing"] else "✗ ") + self.tr("tone_closing"),
        ]
        head = self.tr("tone_summary", count=len(self.items)) if self.items else self.tr("tone_clean")
        self.query_one("#structure", Static).update(escape(head + "   " + "   ".join(marks)))
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
            finding = current[1].finding
            text = finding.message
            if finding.suggestion:
                text += "\n" + self.tr("tone_instead", suggestion=finding.suggestion)
            self.query_one("#detail", Static).update(escape(text))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_apply()

    def action_apply(self) -> None:
        current = self._current()
        if current:
            draft_checks.apply_tone_suggestion(self.draft, current[1])
            self.changed()
            self.rescan(keep=current[0])

    def action_edit(self) -> None:
        current = self._current()
        if current:
            self.wizard.edit_part(current[1].part)

    def action_greeting(self) -> None:
        from okx_helper import tone

        self.draft.description = tone.add_greeting(self.draft.description, self.draft.email_lang)
        self.changed()
        self.rescan()

    def action_closing(self) -> None:
        from okx_helper import tone

        self.draft.description = tone.add_closing(self.draft.description, self.draft.email_lang)
        self.changed()
        self.rescan()
