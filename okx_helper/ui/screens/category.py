"""Step 2: what the problem is about. Each category brings a subject, fields and tips."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from okx_helper.ui.screens.step import StepScreen


class CategoryScreen(StepScreen):
    STEP = 1
    BINDINGS = [
        Binding("a", "use_suggested_address", "Use suggested address", show=False, id="category.use_suggested_address")
    ]

    def compose_body(self) -> ComposeResult:
        from okx_helper.writing import categories

        self.categories = categories.categories()
        options = [Option(c.text("title", self.ui_lang), id=c.id) for c in self.categories]
        with Horizontal():
            yield OptionList(*options, id="categories")
            with VerticalScroll(id="category-info"):
                yield Static("", id="tips")

    def on_mount(self) -> None:
        ids = [c.id for c in self.categories]
        menu = self.query_one("#categories", OptionList)
        menu.highlighted = ids.index(self.draft.category) if self.draft.category in ids else 0
        menu.focus()

    def _highlighted(self):
        index = self.query_one("#categories", OptionList).highlighted
        return None if index is None else self.categories[index]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        category = self._highlighted()
        if category is None:
            return
        email_lang = self.draft.email_lang
        lines = [
            f"[b]{escape(category.text('title', self.ui_lang))}[/b]",
            "",
            f"{self.tr('category_subject')}: {escape(category.suggest_subject(self.draft.fields, email_lang))}",
            "",
        ]
        lines += [f"• {escape(tip)}" for tip in category.tips.get(self.ui_lang, [])]
        if category.suggested_to and category.suggested_to != self.draft.to:
            lines += ["", f"[yellow]{escape(self.tr('category_suggested_to', address=category.suggested_to))}[/]"]
        self.query_one("#tips", Static).update("\n".join(lines))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_next()

    def action_use_suggested_address(self) -> None:
        category = self._highlighted()
        if category and category.suggested_to:
            self.wizard.set_to(category.suggested_to)
            self.notify(self.tr("category_address_set", address=category.suggested_to))

    def before_next(self, proceed) -> None:
        category = self._highlighted()
        if category is None:
            return
        moved = self.wizard.set_category(category.id)
        if moved:
            self.notify(self.tr("category_address_set", address=moved))
        proceed()
