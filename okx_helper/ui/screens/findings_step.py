"""What the privacy and tone steps share: a list of findings, the highlighted one explained."""

from __future__ import annotations

from collections.abc import Callable

from rich.markup import escape
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from okx_helper.ui.messages import EditPart
from okx_helper.ui.screens.step import StepScreen
from okx_helper.writing.draft_checks import Located


class FindingsStep(StepScreen):
    """A step that lists engine findings; subclasses say what is found and how it reads."""

    def find(self) -> list[Located]:
        raise NotImplementedError

    def option_text(self, item: Located) -> str:
        """One line of the list, as Textual markup."""
        raise NotImplementedError

    def head_text(self) -> str:
        """The line above the list (plain text)."""
        raise NotImplementedError

    def detail_text(self, item: Located) -> str:
        """What the highlighted finding means and what to do (plain text)."""
        return item.finding.message

    def primary(self) -> None:
        """What Enter does on a finding."""

    def compose_body(self) -> ComposeResult:
        with Vertical():
            yield Static("", id="summary")
            yield OptionList(id="findings")
            yield Static("", id="detail", classes="detail")

    shown_revision = -1  # the draft revision the list shows
    # Keys that act on the highlighted finding: shown only while there is one.
    FINDING_ACTIONS: frozenset[str] = frozenset({"redact", "not_sensitive", "apply", "edit"})
    items: list[Located] = []

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.FINDING_ACTIONS:
            return bool(self.items)
        return True

    def on_screen_resume(self) -> None:
        # Also the first showing; after a visit to another step, only when the draft changed there.
        if self.shown_revision != self.wizard.revision:
            self.rescan()
        self.query_one("#findings").focus()

    def rescan(self, keep: int | None = None) -> None:
        """Show the current revision's findings, keeping the cursor near where it was."""
        self.shown_revision = self.wizard.revision
        self.items = self.find()
        self.refresh_bindings()
        menu = self.query_one("#findings", OptionList)
        menu.clear_options()
        menu.add_options(Option(self.option_text(item)) for item in self.items)
        self.query_one("#summary", Static).update(escape(self.head_text()))
        if self.items:
            menu.highlighted = min(keep or 0, len(self.items) - 1)
        else:
            self.query_one("#detail", Static).update("")

    def current(self) -> tuple[int, Located] | None:
        index = self.query_one("#findings", OptionList).highlighted
        return None if index is None or index >= len(self.items) else (index, self.items[index])

    def change_current(self, change: Callable[[Located], None]) -> None:
        """Apply one change of the wizard core to the highlighted finding, then show the new list."""
        current = self.current()
        if current:
            change(current[1])
            self.rescan(keep=current[0])

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        current = self.current()
        if current:
            self.query_one("#detail", Static).update(escape(self.detail_text(current[1])))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.primary()

    def action_edit(self) -> None:
        current = self.current()
        if current:
            self.post_message(EditPart(current[1].part))
