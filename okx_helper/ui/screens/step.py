"""What every wizard step shares: the step line, Back/Next/Help keys, and the draft."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.screen import Screen
from textual.widgets import Footer

from okx_helper.base.i18n import t
from okx_helper.ui.dialogs.help import HelpText
from okx_helper.ui.keys import QUIT_KEY, localize_bindings
from okx_helper.ui.messages import NextStep, PreviousStep
from okx_helper.ui.widgets.step_indicator import STEPS, StepIndicator

if TYPE_CHECKING:
    from okx_helper.ui.app import WizardApp
    from okx_helper.writing.analysis import Analysis
    from okx_helper.writing.draft import Draft
    from okx_helper.writing.wizard import Wizard


class StepScreen(Screen):
    STEP: ClassVar[int] = 0
    BINDINGS = [
        Binding("escape", "back", "Back", id="wizard.back"),
        # ctrl+n is the chord; F10 is the fallback for terminals or multiplexers that eat it.
        Binding("ctrl+n,f10", "next", "Next", id="wizard.next"),
        # "?" reaches the step only when no text field has the focus: fields take it as text.
        Binding("f1,question_mark", "help", "Help", id="wizard.help"),
        Binding("f3", "app.toggle_email_lang", "Email lang", id="wizard.email_lang"),
        QUIT_KEY,
    ]

    def __init__(self, ui_lang: str) -> None:
        super().__init__()
        self.ui_lang = ui_lang
        localize_bindings(self, ui_lang)

    @property
    def wizard_app(self) -> WizardApp:
        return self.app  # type: ignore[return-value]

    @property
    def wizard(self) -> Wizard:
        """The wizard core: the draft, its revision, and the analysis every step reads."""
        return self.wizard_app.wizard

    @property
    def draft(self) -> Draft:
        return self.wizard.draft

    def facts(self) -> Analysis:
        """The analysis of the draft as it is now, in the interface language (cached per revision)."""
        return self.wizard.analysis(self.ui_lang)

    def tr(self, key: str, **values) -> str:
        return t(f"wizard.{key}", self.ui_lang, **values)

    def compose(self) -> ComposeResult:
        yield StepIndicator(self.STEP, self.ui_lang, self.draft.email_lang)
        with Container(id="step-body"):
            yield from self.compose_body()
        yield Footer(compact=True)

    def compose_body(self) -> ComposeResult:
        raise NotImplementedError

    def action_back(self) -> None:
        self.post_message(PreviousStep(self.STEP))

    def action_next(self) -> None:
        self.before_next(self.go_on)

    def go_on(self) -> None:
        """Ask the app to move on from this step (its checks passed or were answered)."""
        self.post_message(NextStep(self.STEP))

    def before_next(self, proceed: Callable[[], None]) -> None:
        """Check the step; call proceed() when the user may go on. Steps override it."""
        proceed()

    def action_help(self) -> None:
        self.app.push_screen(
            HelpText(self.tr(f"help_{STEPS[self.STEP]}") + "\n\n" + self.tr("help_keys"), self.ui_lang)
        )
