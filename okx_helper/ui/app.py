"""The wizard application: wiring of screens, the draft, autosave and languages."""

from __future__ import annotations

import textual.content
from textual.app import App
from textual.binding import Binding

from okx_helper.base import linebreak
from okx_helper.base.i18n import t
from okx_helper.ui.keys import FOCUS_KEYS, key_label, localize_bindings
from okx_helper.ui.messages import DraftSent, EditPart, NextStep, PreviousStep
from okx_helper.writing.autosave import DraftStore
from okx_helper.writing.draft import Draft
from okx_helper.writing.wizard import Wizard

AUTOSAVE_DELAY = 0.4  # seconds: a save is scheduled at most this long after a change

# Every text the wizard shows wraps by Chinese line-breaking rules (no line starts with "，" or
# "。", a bullet keeps its text); Textual's Content otherwise breaks CJK anywhere. Latin text
# wraps exactly as before. Textual is pinned, so this one hook is checked by the snapshot tests.
textual.content.divide_line = linebreak.divide_line


class WizardApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "okx-helper"
    BINDINGS = [
        # F2 is in every Footer, last. Ctrl+Q asks before quitting (Textual's own binding would
        # quit at once); each screen shows it in its Footer (keys.QUIT_KEY), before the language
        # keys, so that a step's own keys cannot push it out.
        Binding("f2", "toggle_ui_lang", "中文/EN", id="app.ui_lang"),
        Binding("ctrl+q", "request_quit", "Quit", priority=True, show=False, id="app.quit"),
        *FOCUS_KEYS,
    ]

    def __init__(
        self,
        ui_lang: str = "en",
        store: DraftStore | None = None,
        new: bool = False,
        *,
        environment=None,  # handoff.environment.Environment; None: detect this machine
        profile_store=None,  # profile.ProfileStore; None: the default one, opened when needed
        keymap: dict[str, str] | None = None,  # binding id -> keys, from config.toml's [keys]
    ) -> None:
        super().__init__()
        self.ui_lang = ui_lang
        self.environment = environment
        self._profile_store = profile_store
        self._keymap_setting = dict(keymap or {})
        self.store = store if store is not None else DraftStore(lang=ui_lang)
        self.store.lang = ui_lang
        self.wizard = Wizard()
        self._blank: dict | None = None
        self.resumable: Draft | None = None if new else self.store.load()
        self._save_pending = False
        localize_bindings(self, ui_lang)

    @property
    def draft(self) -> Draft:
        return self.wizard.draft

    def get_key_display(self, binding: Binding) -> str:
        return key_label(binding.key)

    # -- screens -------------------------------------------------------------------
    def on_mount(self) -> None:
        from okx_helper.ui.screens.start import StartScreen

        if self._keymap_setting:
            self.set_keymap(self._keymap_setting)
        self.push_screen(StartScreen(self.ui_lang))
        if self.store.warning:
            self.notify(self.store.warning, severity="warning", timeout=8)  # once, at start

    def step_screen(self, step: int):
        from okx_helper.ui.screens import steps

        return steps.SCREENS[step](self.ui_lang)

    def start_wizard(self, draft: Draft | None = None) -> None:
        """Begin the steps with a fresh or a resumed draft (resumed: at its saved step)."""
        fresh = draft is None
        self.wizard = Wizard(
            draft if draft is not None else Draft(email_lang=self.ui_lang, profile=self.saved_profile())
        )
        self.wizard.subscribe(self._draft_changed)
        # What a new draft looks like before the user does anything (its profile comes from the store).
        self._blank = _content(self.draft) if fresh else None
        self.resumable = None
        # While the user reads the first steps, build the engines' word lists and matchers in the
        # background, so the first key typed in the Details step does not wait ~75 ms for them.
        self.run_worker(_warm_up_engines, thread=True, group="warm-up", exclusive=True)
        for step in range(self.wizard.step + 1):
            self.push_screen(self.step_screen(step))

    @property
    def profile_store(self):
        if self._profile_store is None:
            from okx_helper.settings.profile import ProfileStore

            self._profile_store = ProfileStore()
        return self._profile_store

    def saved_profile(self):
        """The saved profile for a new draft; an empty one when none can be read."""
        from okx_helper.settings.profile import Profile

        try:
            return self.profile_store.load()
        except Exception:  # a broken keyring must never stop the user from writing
            return Profile()

    # -- what the steps ask for -------------------------------------------------------
    def on_next_step(self, message: NextStep) -> None:
        # A second key press can post a second NextStep before the first is handled: only the
        # step the wizard is on may move it on.
        if message.step == self.wizard.step and self.wizard.next() is not None:
            self.push_screen(self.step_screen(self.wizard.step))

    def on_previous_step(self, message: PreviousStep) -> None:
        if message.step != self.wizard.step or len(self.screen_stack) <= 2:
            return
        self.wizard.back()
        self.pop_screen()

    def on_edit_part(self, message: EditPart) -> None:
        """Back to the Details step with the cursor in the given part of the draft."""
        from okx_helper.ui.screens.describe import DescribeScreen

        while len(self.screen_stack) > 2 and not isinstance(self.screen, DescribeScreen):
            self.pop_screen()
        self.wizard.go_to("describe")
        if isinstance(self.screen, DescribeScreen):
            self.screen.focus_part(message.part)

    def on_draft_sent(self, message: DraftSent) -> None:
        """The draft was handed off and confirmed sent: forget it and return to the start."""
        self.store.discard()
        self.wizard = Wizard(Draft(email_lang=self.ui_lang, profile=self.draft.profile))
        self._blank = None
        while len(self.screen_stack) > 2:
            self.pop_screen()

    # -- autosave ------------------------------------------------------------------
    def _draft_changed(self, wizard: Wizard) -> None:
        if not self._save_pending:
            self._save_pending = True
            self.set_timer(AUTOSAVE_DELAY, self.save_now)

    def save_now(self) -> None:
        self._save_pending = False
        had_warning = self.store.warning
        saved = self.store.save(self.draft)
        warning = self.store.warning
        if not saved and warning and warning != had_warning:
            self.notify(warning, severity="warning", timeout=8)

    # -- languages and quitting ----------------------------------------------------
    def action_toggle_ui_lang(self) -> None:
        """Switch the interface language; the step screens are rebuilt from the draft."""
        self.ui_lang = "zh" if self.ui_lang == "en" else "en"
        self.store.lang = self.ui_lang
        localize_bindings(self, self.ui_lang)
        self._rebuild_screens()
        self._remember_ui_lang()

    def _remember_ui_lang(self) -> None:
        """Keep the choice for next time (config.toml); a config that cannot be written is no reason to stop."""
        from okx_helper.settings.config import load_config, save_config

        config = load_config()
        config.ui_lang = self.ui_lang
        try:
            save_config(config)
        except OSError:
            pass

    def action_toggle_email_lang(self) -> None:
        email_lang = self.wizard.toggle_email_lang()
        self._rebuild_screens()
        self.notify(t("wizard.email_lang", self.ui_lang, lang=t("wizard.lang_" + email_lang, self.ui_lang)))

    def _rebuild_screens(self) -> None:
        from okx_helper.ui.screens.start import StartScreen
        from okx_helper.ui.screens.step import StepScreen

        steps = [s.STEP for s in self.screen_stack if isinstance(s, StepScreen)]
        if len(self.screen_stack) - 1 != len(steps) + 1:
            return  # a dialog or another tool is open: it keeps its language until reopened
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(StartScreen(self.ui_lang))
        for step in steps:
            self.push_screen(self.step_screen(step))

    def has_work(self) -> bool:
        """The wizard is open on a resumed draft, or on a new one the user changed (moving between
        steps and the email language are no work of their own)."""
        if len(self.screen_stack) <= 2:
            return False
        return self._blank is None or _content(self.draft) != self._blank

    def action_request_quit(self) -> None:
        from okx_helper.ui.dialogs.confirm import Confirm

        if not self.has_work():
            self.exit()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.save_now()
                self.exit()

        self.push_screen(Confirm(t("wizard.confirm_quit", self.ui_lang), self.ui_lang), answered)


def _content(draft: Draft) -> dict:
    """What the user wrote or chose, leaving out where they are and the email language."""
    return {k: v for k, v in draft.to_json().items() if k not in ("step", "email_lang")}


def _warm_up_engines() -> None:
    from okx_helper.guards import privacy, tone

    privacy.warm_up()
    tone.scan("warm up")
