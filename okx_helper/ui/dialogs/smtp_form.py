"""The SMTP server form: server, port, security, user, password and the keyring opt-in."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Footer, Input, Label, Select, Static

from okx_helper.base.i18n import t
from okx_helper.settings.config import Config
from okx_helper.ui.dialogs.help import HasHelp
from okx_helper.ui.keys import localize_bindings


def tr(key: str, lang: str, **values) -> str:
    return t(f"handoff.{key}", lang, **values)


class SmtpForm(HasHelp, ModalScreen[dict | None]):
    """Server, port, security, user, password and the keyring opt-in; Enter on the password sends."""

    DEFAULT_CSS = """
    SmtpForm { align: center middle; }
    SmtpForm > VerticalScroll { width: 78; max-width: 100%; height: auto; max-height: 100%;
                                border: round $accent; background: $surface; padding: 0 1; }
    SmtpForm Horizontal { height: auto; margin: 1 0 0 0; }
    SmtpForm Horizontal > Label { width: 16; }
    SmtpForm Horizontal > Input, SmtpForm Horizontal > Select { width: 1fr; }
    SmtpForm #smtp-note { color: $warning; height: auto; }
    SmtpForm Checkbox { margin: 1 0 0 0; }
    """
    HELP = "smtp_form"
    BINDINGS = [
        Binding("escape", "cancel", "Back", id="handoff.back"),
        Binding("f10", "submit", "Send", id="handoff.send"),
        Binding("f1", "help", "Help", id="smtp_form.help"),
    ]

    def __init__(self, config: Config, ui_lang: str) -> None:
        super().__init__()
        self.config = config
        self.ui_lang = ui_lang
        self.stored: str | None = None
        self.keyring_error = ""
        localize_bindings(self, ui_lang, "handoff")

    def tr(self, key: str, **values) -> str:
        return tr(key, self.ui_lang, **values)

    def compose(self) -> ComposeResult:
        s = self.config.smtp
        options = [(self.tr(f"smtp_security_{v}"), v) for v in ("starttls", "tls")]
        with VerticalScroll():
            yield Label(self.tr("smtp_title"), markup=False)
            for key, widget in (
                ("smtp_host", Input(s.host, id="host", compact=True)),
                ("smtp_port", Input(str(s.port), id="port", type="integer", compact=True)),
                ("smtp_security", Select(options, value=s.security, allow_blank=False, id="security", compact=True)),
                ("smtp_user", Input(s.user, id="user", compact=True)),
                ("smtp_password", Input("", id="password", password=True, compact=True)),
            ):
                with Horizontal():
                    yield Label(self.tr(key), markup=False)
                    yield widget
            yield Checkbox(self.tr("smtp_remember"), False, id="remember", compact=True)
            yield Static("", id="smtp-note", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self._look_up_keyring()
        first_empty = next((w for w in self.query(Input) if not w.value), None)
        (first_empty or self.query_one("#password", Input)).focus()

    def _settings(self):
        from okx_helper.handoff.smtp import SmtpSettings

        port_text = self.query_one("#port", Input).value.strip()
        port = int(port_text) if port_text.isdigit() else 0
        return SmtpSettings(
            host=self.query_one("#host", Input).value.strip(),
            port=port,
            security=str(self.query_one("#security", Select).value),
            user=self.query_one("#user", Input).value.strip(),
        )

    def _look_up_keyring(self) -> None:
        from okx_helper.handoff import smtp

        settings = self._settings()
        self.stored = None
        try:
            if settings.host and settings.user:
                self.stored = smtp.stored_password(settings)
        except smtp.KeyringUnavailable as exc:
            self.keyring_error = str(exc)
            checkbox = self.query_one("#remember", Checkbox)
            checkbox.value = False
            checkbox.disabled = True
            self.query_one("#smtp-note", Static).update(self.tr("smtp_no_keyring", error=exc))
        password = self.query_one("#password", Input)
        password.placeholder = self.tr("smtp_password_saved") if self.stored else ""

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "password":
            self.action_submit()
        else:
            self.focus_next()

    def action_submit(self) -> None:
        settings = self._settings()
        note = self.query_one("#smtp-note", Static)
        if not (settings.host and settings.user and settings.port):
            note.update(self.tr("smtp_missing"))
            return
        if not 0 < settings.port < 65536:
            note.update(self.tr("smtp_bad_port"))
            return
        typed = self.query_one("#password", Input).value
        if not typed and not self.keyring_error:
            # Looked up again only now: a keyring may prompt to unlock, so not on every keystroke.
            self._look_up_keyring()
        password = typed or (self.stored or "")
        remember = self.query_one("#remember", Checkbox).value and bool(self.query_one("#password", Input).value)
        self.dismiss({"settings": settings, "password": password, "remember": remember})

    def action_cancel(self) -> None:
        self.dismiss(None)
