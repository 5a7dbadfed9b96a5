"""The first screen: write a new email, resume a draft, or the tools for after sending."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from okx_helper.base.i18n import t
from okx_helper.ui.keys import QUIT_KEY, localize_bindings

if TYPE_CHECKING:
    from okx_helper.ui.app import WizardApp


class StartScreen(Screen):
    BINDINGS = [
        Binding("enter", "default", show=False, id="start.default"),
        Binding("n", "new", "New email", id="start.new"),
        Binding("r", "resume", "Resume", id="start.resume"),
        Binding("c", "reply", "Check a reply", id="start.reply"),
        Binding("k", "cases", "Cases", id="start.cases"),
        Binding("p", "profile", "Profile", id="start.profile"),
        Binding("f1,question_mark", "help", "Help", id="start.help"),
        QUIT_KEY,
    ]

    def __init__(self, ui_lang: str) -> None:
        super().__init__()
        self.ui_lang = ui_lang
        localize_bindings(self, ui_lang)

    @property
    def wizard_app(self) -> WizardApp:
        return self.app  # type: ignore[return-value]

    def tr(self, key: str, **values) -> str:
        return t(f"wizard.{key}", self.ui_lang, **values)

    def compose(self) -> ComposeResult:
        # A plain list of letter keys rather than a selection widget: the first screen is the one
        # whose speed users feel, and one key per choice is as quick to use as arrows and Enter.
        resumable = self.wizard_app.resumable
        lines = []
        if resumable is not None:
            what = resumable.subject or self._category_title(resumable.category) or resumable.to
            lines.append(("r", self.tr("start_resume", what=" ".join(what.split())[:50], step=resumable.step + 1)))
        lines += [
            ("n", self.tr("start_new")),
            ("c", self.tr("start_reply")),
            ("k", self.tr("start_cases")),
            ("p", self.tr("start_profile")),
        ]
        menu = "\n".join(f"[b reverse] {key} [/] {escape(text)}" for key, text in lines)
        with Vertical(id="start"):
            yield Static(self.tr("start_title"), id="start-title")
            yield Static(self.tr("start_intro"), id="start-intro")
            yield Static(menu, id="start-menu")
            yield Static(self.tr("start_hint"), id="start-hint")
        yield Footer()

    def _category_title(self, category_id: str) -> str:
        from okx_helper.writing import categories

        try:
            return categories.get(category_id).text("title", self.ui_lang)
        except KeyError:
            return ""

    def action_default(self) -> None:
        """Enter: carry on with the saved draft if there is one, else start a new email."""
        self.action_choose("resume" if self.wizard_app.resumable is not None else "new")

    def action_new(self) -> None:
        self.action_choose("new")

    def action_resume(self) -> None:
        self.action_choose("resume")

    def action_reply(self) -> None:
        self.action_choose("reply")

    def action_cases(self) -> None:
        self.action_choose("cases")

    def action_profile(self) -> None:
        self.action_choose("profile")

    def check_action(self, action: str, parameters) -> bool | None:
        # "Resume" only where there is a draft to resume.
        return self.wizard_app.resumable is not None if action == "resume" else True

    def action_choose(self, what: str) -> None:
        app = self.wizard_app
        if what == "resume" and app.resumable is not None:
            app.start_wizard(app.resumable)
        elif what == "new" and app.resumable is not None:
            from okx_helper.ui.dialogs.confirm import Confirm

            # The autosave holds one draft: a new one would overwrite the unfinished one.
            def answered(yes: bool | None) -> None:
                if yes:
                    app.start_wizard()

            app.push_screen(Confirm(self.tr("start_confirm_new"), self.ui_lang), answered)
        elif what == "new":
            app.start_wizard()
        elif what == "reply":
            from okx_helper.ui.screens.reply_check import ReplyCheckScreen

            profile = app.saved_profile()
            app.push_screen(ReplyCheckScreen(self.ui_lang, anti_phishing_code=profile.anti_phishing_code or None))
        elif what == "cases":
            from okx_helper.cases import CaseBook
            from okx_helper.ui.screens.cases import CasesScreen

            profile = app.saved_profile()
            app.push_screen(
                CasesScreen(
                    self.ui_lang,
                    CaseBook(),
                    anti_phishing_code=profile.anti_phishing_code or None,
                    profile=profile,
                    profile_store=app.profile_store,
                )
            )
        elif what == "profile":
            from okx_helper.ui.screens.profile import ProfileScreen

            app.push_screen(ProfileScreen(self.ui_lang, app.profile_store))

    def action_help(self) -> None:
        from okx_helper.ui.dialogs.help import HelpText

        self.app.push_screen(HelpText(self.tr("help_start") + "\n\n" + self.tr("help_keys"), self.ui_lang))
