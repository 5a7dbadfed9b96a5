"""The profile screen: registered email, UID, nickname, anti-phishing code and holiday country.

It says where the profile is kept and, without a keyring, offers the plain file only as an
explicit choice after a warning. Dismisses with the saved Profile (or None when nothing was saved).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, Static

from okx_helper.base.i18n import t
from okx_helper.settings.profile import KEYRING, PLAIN, Profile, ProfileStore
from okx_helper.ui.dialogs.help import HasHelp
from okx_helper.ui.keys import QUIT_KEY, localize_bindings

FIELDS = (
    ("email", "profile_email"),
    ("uid", "profile_uid"),
    ("nickname", "profile_nickname"),
    ("anti_phishing_code", "profile_code"),
    ("country", "profile_country"),
)


class ProfileScreen(HasHelp, Screen):
    DEFAULT_CSS = """
    ProfileScreen #profile { padding: 0 1; }
    ProfileScreen #profile-title { text-style: bold; color: $accent; }
    ProfileScreen .intro { color: $text-muted; margin: 0 0 1 0; }
    ProfileScreen .row { height: 1; margin: 0 0 1 0; }
    ProfileScreen .row Label { width: 20; }
    ProfileScreen .row Input { width: 1fr; height: 1; border: none; padding: 0 1; background: $boost; }
    ProfileScreen .row Input:focus { background: $accent 30%; }
    ProfileScreen #where { height: auto; padding: 0 1; border-left: thick $accent; }
    ProfileScreen #where.no-keyring { border-left: thick $warning; }
    """
    HELP = "profile"
    BINDINGS = [
        Binding("escape", "back", "Back", id="profile.back"),
        # Function keys: Inputs take every letter, and ctrl+s is often flow control in terminals.
        Binding("f5", "save", "Save", id="profile.save"),
        Binding("f6", "plain_file", "Use plain file", id="profile.plain_file"),
        Binding("f8", "forget", "Forget", id="profile.forget"),
        Binding("f1", "help", "Help", id="profile.help"),
        QUIT_KEY,
    ]

    def __init__(self, ui_lang: str, store: ProfileStore) -> None:
        super().__init__()
        self.ui_lang = ui_lang
        self.store = store
        self.profile = store.load()
        self.saved: Profile | None = None
        localize_bindings(self, ui_lang, "cases")

    def tr(self, key: str, **values) -> str:
        return t(f"cases.{key}", self.ui_lang, **values)

    def compose(self) -> ComposeResult:
        values = {**vars(self.profile), "country": self.store.country}
        with VerticalScroll(id="profile"):
            yield Static(self.tr("profile_title"), id="profile-title")
            yield Static(self.tr("profile_intro"), classes="intro")
            for name, label in FIELDS:
                with Horizontal(classes="row"):
                    yield Label(self.tr(label))
                    yield Input(values.get(name, ""), id=f"field-{name}", max_length=16 if name == "country" else 200)
            yield Static(id="where")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#field-email", Input).focus()
        self.show_where()
        if self.store.warning:
            self.notify(self.store.warning, severity="warning", timeout=8)

    # -- helpers --------------------------------------------------------------------------
    def show_where(self) -> None:
        where = self.query_one("#where", Static)
        text = self.store.describe(self.ui_lang)
        no_keyring = self.store.location not in (KEYRING, PLAIN)
        if no_keyring:
            text = self.tr("profile_no_keyring") + "\n" + text
        where.update(text)
        where.set_class(no_keyring, "no-keyring")
        self.refresh_bindings()

    def current(self) -> tuple[Profile, str]:
        def value(name: str) -> str:
            return self.query_one(f"#field-{name}", Input).value.strip()

        profile = Profile(
            email=value("email"),
            uid=value("uid"),
            nickname=value("nickname"),
            anti_phishing_code=value("anti_phishing_code"),
        )
        return profile, value("country")

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "plain_file":
            # Offered only when there is no keyring and the user has not chosen the file yet.
            return self.store.location not in (KEYRING, PLAIN)
        return True

    # -- actions --------------------------------------------------------------------------
    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == f"field-{FIELDS[-1][0]}":
            self.action_save()
        else:
            self.focus_next()

    def action_save(self) -> None:
        profile, country = self.current()
        where = self.store.save(profile, country=country)
        self.saved = profile
        if where == KEYRING:
            self.notify(self.tr("profile_saved_keyring"))
        elif where == PLAIN:
            self.notify(self.tr("profile_saved_file", path=str(self.store.plain_path)))
        else:
            self.notify(self.tr("profile_saved_session"), severity="warning")
        if self.store.warning:
            self.notify(self.store.warning, severity="warning", timeout=8)
        self.show_where()

    def action_plain_file(self) -> None:
        from okx_helper.ui.dialogs.confirm import Confirm

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            profile, country = self.current()
            self.store.country = country.upper()
            try:
                path = self.store.use_plain_file(profile)
            except OSError as error:
                self.notify(self.tr("profile_file_failed", error=error.strerror or str(error)), severity="error")
                return
            self.saved = profile
            self.notify(self.tr("profile_saved_file", path=str(path)))
            self.show_where()

        question = self.tr("profile_plain_warning", path=str(self.store.plain_path))
        self.app.push_screen(Confirm(question, self.ui_lang), answered)

    def action_forget(self) -> None:
        from okx_helper.ui.dialogs.confirm import Confirm

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            self.store.clear()
            for name, _ in FIELDS:
                self.query_one(f"#field-{name}", Input).value = ""
            self.saved = Profile()
            self.notify(self.tr("profile_cleared"))
            self.show_where()

        self.app.push_screen(Confirm(self.tr("profile_forget_confirm"), self.ui_lang), answered)

    def action_back(self) -> None:
        self.dismiss(self.saved)
