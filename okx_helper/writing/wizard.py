"""The wizard core: one object owns the draft, its revision and the step, with no user interface.

Every edit goes through here and bumps the revision, so a screen that shows the draft can tell
whether what it shows is current, and every screen and command reads one cached Analysis of
the current revision instead of working the facts out again. The Textual app listens for
changes (to autosave and refresh); a test or a command can drive the same object directly.
"""

from __future__ import annotations

from collections.abc import Callable

from okx_helper.writing import draft_checks
from okx_helper.writing.analysis import Analysis
from okx_helper.writing.draft import DEFAULT_TO, STEPS, Draft
from okx_helper.writing.draft_checks import Located

Listener = Callable[["Wizard"], None]


class Wizard:
    """The draft being written, where the user is, and what the draft implies."""

    def __init__(self, draft: Draft | None = None) -> None:
        self.draft = draft if draft is not None else Draft()
        self.revision = 0
        self._analysis: Analysis | None = None
        self._listeners: list[Listener] = []

    # -- listening -----------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        """Call listener(wizard) after every change (the app autosaves and refreshes on it)."""
        self._listeners.append(listener)

    def changed(self) -> None:
        """The draft changed: a new revision, and everyone listening hears of it."""
        self.revision += 1
        for listener in self._listeners:
            listener(self)

    # -- facts -----------------------------------------------------------------------
    def analysis(self, lang: str = "en") -> Analysis:
        """The facts of the current revision in `lang`, worked out once."""
        cached = self._analysis
        if cached is None or cached.revision != self.revision or cached.lang != lang:
            cached = self._analysis = Analysis(self.draft, lang, self.revision)
        return cached

    # -- steps -----------------------------------------------------------------------
    @property
    def step(self) -> int:
        return self.draft.step

    @property
    def step_name(self) -> str:
        return STEPS[self.draft.step]

    def go_to(self, step: int | str) -> int:
        """Move to a step (index or name); the draft remembers it, to resume there."""
        index = STEPS.index(step) if isinstance(step, str) else step
        index = min(max(index, 0), len(STEPS) - 1)
        if index != self.draft.step:
            self.draft.step = index
            self.changed()
        return index

    def next(self) -> int | None:
        """The next step's index, moved to; None at the last step."""
        if self.draft.step + 1 >= len(STEPS):
            return None
        return self.go_to(self.draft.step + 1)

    def back(self) -> int:
        return self.go_to(self.draft.step - 1)

    # -- edits -----------------------------------------------------------------------
    def edit(self, change: Callable[[Draft], object]) -> None:
        """Apply one change to the draft; a change that leaves it as it was is no new revision."""
        before = self.draft.to_json()
        change(self.draft)
        if self.draft.to_json() != before:
            self.changed()

    def set_part(self, part: str, text: str) -> None:
        """Subject, a field ("field:<id>") or the description, as typed."""
        if draft_checks.get_part(self.draft, part) != text:
            draft_checks.set_part(self.draft, part, text)
            self.changed()

    def set_profile(self, name: str, value: str) -> None:
        if getattr(self.draft.profile, name) != value:
            setattr(self.draft.profile, name, value)
            self.changed()

    def set_to(self, address: str) -> None:
        if self.draft.to != address:
            self.draft.to = address
            self.changed()

    def set_category(self, category_id: str) -> str | None:
        """Choose the category; returns the dedicated address it moved the draft to, if any.

        Values of fields the new category lacks are kept (nothing typed is lost) but stay out of
        the email: only the category's own fields are rendered and scanned.
        """
        from okx_helper.writing import categories

        category = categories.get(category_id)
        moved = None
        if category.suggested_to and self.draft.to == DEFAULT_TO:
            moved = category.suggested_to
        self.edit(lambda draft: _choose(draft, category_id, moved))
        return moved

    def toggle_email_lang(self) -> str:
        self.draft.email_lang = "zh" if self.draft.email_lang == "en" else "en"
        self.changed()
        return self.draft.email_lang

    # -- what the privacy and tone steps do to a finding --------------------------------
    def redact(self, item: Located) -> None:
        self.edit(lambda draft: draft_checks.redact(draft, item))

    def mark_not_sensitive(self, item: Located) -> None:
        self.edit(lambda draft: draft_checks.mark_not_sensitive(draft, item))

    def apply_tone_suggestion(self, item: Located) -> None:
        self.edit(lambda draft: draft_checks.apply_tone_suggestion(draft, item))

    def add_greeting(self) -> None:
        from okx_helper.guards import tone

        self.set_part("description", tone.add_greeting(self.draft.description, self.draft.email_lang))

    def add_closing(self) -> None:
        from okx_helper.guards import tone

        self.set_part("description", tone.add_closing(self.draft.description, self.draft.email_lang))


def _choose(draft: Draft, category_id: str, address: str | None) -> None:
    draft.category = category_id
    if address:
        draft.to = address
