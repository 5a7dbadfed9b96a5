"""The hand-off screen: the ways to send that work here first, one key each, and why others cannot.

The Review step (and a case's follow-up) pushes it with the finished message; it dismisses with
a HandoffResult once the user says the message went out, or None on Escape. The draft is never
dropped here: a failed or unconfirmed hand-off loses nothing.
"""

from __future__ import annotations

import shlex
import ssl
import subprocess
from dataclasses import dataclass, replace
from email.message import EmailMessage

from rich.markup import escape
from textual import work
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from okx_helper.base.i18n import t
from okx_helper.handoff import eml
from okx_helper.handoff.environment import Environment, detect
from okx_helper.handoff.methods import Method, plan
from okx_helper.settings.config import Config, load_config, save_config
from okx_helper.ui.dialogs.ask_folder import AskFolder
from okx_helper.ui.dialogs.confirm import Confirm
from okx_helper.ui.dialogs.help import HasHelp
from okx_helper.ui.dialogs.plain_view import PlainView
from okx_helper.ui.dialogs.smtp_form import SmtpForm
from okx_helper.ui.keys import QUIT_KEY, localize_bindings

KEYS = {"desktop": "d", "terminal": "t", "eml": "e", "clipboard": "c", "smtp": "s"}


@dataclass(frozen=True)
class HandoffResult:
    """The user confirmed the message went out: how, and under which Message-ID."""

    method: str
    message_id: str


def tr(key: str, lang: str, **values) -> str:
    return t(f"handoff.{key}", lang, **values)


class HandoffScreen(HasHelp, Screen[HandoffResult | None]):
    """Lists the hand-off methods for this environment and runs the one the user picks."""

    DEFAULT_CSS = """
    HandoffScreen #handoff { padding: 0 1; height: 1fr; }
    HandoffScreen #handoff-title { text-style: bold; color: $accent; }
    HandoffScreen #handoff-env { color: $text-muted; }
    HandoffScreen #handoff-ssh { margin: 1 0 0 0; }
    HandoffScreen #handoff-methods { margin: 1 0 0 0; }
    HandoffScreen #handoff-status { height: auto; max-height: 50%; overflow-y: auto; padding: 0 1; display: none; }
    HandoffScreen #handoff-status.-ok, HandoffScreen #handoff-status.-error { display: block; }
    HandoffScreen #handoff-status.-ok { border-left: thick $success; }
    HandoffScreen #handoff-status.-error { border-left: thick $error; }
    """
    HELP = "handoff"
    BINDINGS = [
        Binding("d", "handoff('desktop')", "Desktop", id="handoff.desktop"),
        Binding("t", "handoff('terminal')", "Terminal", id="handoff.terminal"),
        Binding("e", "handoff('eml')", "Save .eml", id="handoff.eml"),
        Binding("c", "handoff('clipboard')", "Copy", id="handoff.clipboard"),
        Binding("s", "handoff('smtp')", "SMTP", id="handoff.smtp"),
        # Listed in the body with its key; hidden from the Footer to keep it within 80 columns.
        Binding("v", "view", "View", id="handoff.view", show=False),
        Binding("i", "sent", "I sent it", id="handoff.sent"),
        Binding("escape", "back", "Back", id="handoff.back"),
        Binding("f1", "help", "Help", id="handoff.help"),
        QUIT_KEY,
    ]

    def __init__(
        self,
        message: EmailMessage,
        ui_lang: str = "en",
        environment: Environment | None = None,
        config: Config | None = None,
        *,
        ssl_context: ssl.SSLContext | None = None,  # for a private CA (and the tests' server)
    ) -> None:
        super().__init__()
        self.message = message
        self.ui_lang = ui_lang
        self.config = config if config is not None else load_config()
        self.environment = environment if environment is not None else detect(configured_command=self.config.mailer)
        self.plan: list[Method] = plan(self.environment, self.config.method, self.config.smtp.complete)
        self.methods = {m.id: m for m in self.plan}
        self.ssl_context = ssl_context
        self.used = ""  # the last method that handed the message off
        self.message_id = str(message.get("Message-ID", "") or "")
        self._relabel()

    def _relabel(self) -> None:
        localize_bindings(self, self.ui_lang, "handoff")
        # localize_bindings names labels by action; "handoff('eml')" is labelled handoff.key_eml.
        for bindings in self._bindings.key_to_bindings.values():
            for i, binding in enumerate(bindings):
                if binding.action.startswith("handoff('"):
                    method = binding.action[len("handoff('") : -2]
                    bindings[i] = replace(binding, description=self.tr(f"key_{method}"))

    def tr(self, key: str, **values) -> str:
        return tr(key, self.ui_lang, **values)

    # -- layout ----------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        env = self.environment
        with VerticalScroll(id="handoff"):
            yield Static(self.tr("title"), id="handoff-title")
            yield Static(self._environment_line(), id="handoff-env", markup=False)
            if env.ssh and not env.display:
                yield Static(self.tr("ssh_explain"), id="handoff-ssh", markup=False)
            yield Static(self._methods_text(), id="handoff-methods")
        # Outside the scroll area so the latest result is always in view.
        yield Static("", id="handoff-status", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        if self.config.warning:
            self.notify(
                self.tr("config_warning", warning=self.config.warning_text(self.ui_lang)), severity="warning", timeout=8
            )
        self.query_one("#handoff").focus()

    def _environment_line(self) -> str:
        env = self.environment
        parts = [
            self.tr("env_ssh") if env.ssh else self.tr("env_local"),
            self.tr("env_display") if env.display else self.tr("env_no_display"),
            env.platform,
        ]
        if env.multiplexer:
            parts.append(env.multiplexer)
        return " · ".join(parts)

    def _client_label(self, method: Method) -> str:
        client = method.client
        if not client:
            return ""
        return self.tr("client_config") if client.label == "config" else client.label

    def _method_name(self, method: Method) -> str:
        if method.id == "terminal":
            label = self._client_label(method)
            return self.tr("m_terminal", client=label) if label else self.tr("m_terminal_none")
        return self.tr(f"m_{method.id}")

    def _methods_text(self) -> str:
        lines = [f"[b]{escape(self.tr('can_work'))}[/b]"]
        for method in (m for m in self.plan if m.available):
            lines.append(f" [b reverse] {KEYS[method.id]} [/] {escape(self._method_name(method))}")
            if method.note:
                lines.append(f"      [dim]{escape(self.tr('note_' + method.note))}[/dim]")
        lines.append(f" [b reverse] v [/] {escape(self.tr('m_view'))}")
        blocked = [m for m in self.plan if not m.available]
        if blocked:
            lines.append(f"[b]{escape(self.tr('cannot_work'))}[/b]")
            for method in blocked:
                why = self.tr("why_" + method.reason, client=method.detail)
                lines.append(f"  ✗  {escape(self._method_name(method))} — [dim]{escape(why)}[/dim]")
        return "\n".join(lines)

    def show(self, text: str, error: bool = False) -> None:
        status = self.query_one("#handoff-status", Static)
        status.update(text)
        status.set_class(error, "-error")
        status.set_class(not error, "-ok")

    # -- keys --------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "handoff" and parameters:
            method = self.methods.get(str(parameters[0]))
            return bool(method and method.available)  # False hides the key from the Footer
        if action == "sent":
            return bool(self.used)  # offered once something was handed off
        return True

    def action_back(self) -> None:
        self.dismiss(None)

    def action_sent(self) -> None:
        if self.used:
            self.dismiss(HandoffResult(self.used, self.message_id))

    def action_view(self) -> None:
        self.app.push_screen(PlainView(self.message, self.ui_lang))

    def action_handoff(self, method_id: str) -> None:
        method = self.methods.get(method_id)
        if not method or not method.available:
            return
        getattr(self, f"_handoff_{method_id}")(method)

    def handed_off(self, method_id: str, text: str) -> None:
        """Record the hand-off, remember the method for next time, offer "I sent it"."""
        self.used = method_id
        self.show(text + "\n" + self.tr("sent_hint"))
        self.refresh_bindings()
        if self.config.method != method_id:
            self.config.method = method_id
            self._save_config()

    def _save_config(self) -> None:
        try:
            save_config(self.config)
        except OSError as exc:
            self.notify(self.tr("config_failed", error=exc), severity="warning", timeout=8)

    # -- the methods -------------------------------------------------------------------
    def _handoff_desktop(self, method: Method) -> None:
        self._open_desktop()

    @work(thread=True, exclusive=True, group="desktop")
    def _open_desktop(self) -> None:
        """In a thread: an opener that hangs (up to its time-out) must not freeze the wizard."""
        from okx_helper.handoff import desktop

        try:
            result = desktop.open_in_client(
                self.message, self.environment, self.tr("desktop_short_body"), self.config.save_dir or None
            )
        except (OSError, ValueError, subprocess.SubprocessError) as exc:
            # The opener's own exit code is enough; the whole URL would only drown it.
            error = f"exit code {exc.returncode}" if isinstance(exc, subprocess.CalledProcessError) else exc
            self.app.call_from_thread(self.show, self.tr("desktop_failed", error=error), True)
            return
        note = self.tr("desktop_shortened", path=result.eml_path) if result.shortened else self.tr("desktop_opened")
        self.app.call_from_thread(self.handed_off, "desktop", note)

    def _handoff_terminal(self, method: Method) -> None:
        from okx_helper.handoff.mailto import mailto_url
        from okx_helper.handoff.terminal import client_argv

        client = method.client
        if client is None:  # the plan offers the terminal method only with a client
            return
        name = self._client_label(method)
        p = eml.parts(self.message)
        url = mailto_url(p["to"], p["subject"], p["body"])
        try:
            with eml.temporary_draft(self.message) as path:
                argv = client_argv(client, str(path), url)
                with self.app.suspend():
                    completed = subprocess.run(argv)  # an argument list: no shell ever
        except SuspendNotSupported:
            example = shlex.join(client_argv(client, "message.eml", "mailto:…"))
            self.show(self.tr("terminal_no_suspend", client=name, command=example), error=True)
            return
        except (OSError, ValueError) as exc:
            self.show(self.tr("terminal_failed", client=name, error=exc), error=True)
            return
        self.handed_off("terminal", self.tr("terminal_done", client=name, code=completed.returncode))

    def _handoff_eml(self, method: Method) -> None:
        default = self.config.save_dir or str(eml.default_dir())

        def chosen(folder: str | None) -> None:
            if not folder:
                return
            try:
                path = eml.save(self.message, folder)
            except (OSError, ValueError) as exc:
                self.show(self.tr("eml_failed", error=exc), error=True)
                return
            if folder != default:
                self.config.save_dir = folder
            self.handed_off("eml", self.tr("eml_saved", path=path))
            if folder != default and self.config.method == "eml":
                self._save_config()  # handed_off saved only when the method changed

        self.app.push_screen(AskFolder(default, self.ui_lang), chosen)

    def _handoff_clipboard(self, method: Method) -> None:
        p = eml.parts(self.message)
        self.app.copy_to_clipboard(p["body"])
        text = self.tr("copied", count=len(p["body"]), to=p["to"], subject=p["subject"])
        if self.environment.multiplexer == "tmux":
            text += "\n" + self.tr("copied_tmux")
        self.handed_off("clipboard", text)

    def _handoff_smtp(self, method: Method) -> None:
        def filled(answer: dict | None) -> None:
            if not answer:
                return
            settings = answer["settings"]
            p = eml.parts(self.message)
            question = self.tr(
                "smtp_confirm",
                sender=p["from"] or settings.user,
                to=p["to"],
                subject=p["subject"],
                host=settings.host,
                port=settings.port,
                security=settings.security,
                user=settings.user,
            )

            def confirmed(yes: bool | None) -> None:
                if yes:
                    self.show(self.tr("smtp_sending"))
                    self.send_smtp(settings, answer["password"], answer["remember"])

            self.app.push_screen(Confirm(question, self.ui_lang), confirmed)

        self.app.push_screen(SmtpForm(self.config, self.ui_lang), filled)

    @work(thread=True, exclusive=True, group="smtp")
    def send_smtp(self, settings, password: str, remember: bool) -> None:
        """Send in a thread so the interface stays responsive during the network round trip."""
        from okx_helper.handoff import smtp

        try:
            message_id = smtp.send(self.message, settings, password, ssl_context=self.ssl_context)
        except smtp.SendError as exc:
            text = self.tr(f"smtp_err_{exc.kind}") + (f" ({exc.detail})" if exc.detail else "")
            self.app.call_from_thread(self.show, text + "\n" + self.tr("smtp_kept"), True)
            return
        note = ""
        if remember:
            try:
                smtp.store_password(settings, password)
            except smtp.KeyringUnavailable as exc:
                note = "\n" + self.tr("smtp_keyring_failed", error=exc)
        self.app.call_from_thread(self._smtp_sent, settings, message_id, note)

    def _smtp_sent(self, settings, message_id: str, note: str) -> None:
        self.message_id = message_id
        smtp_config = self.config.smtp
        smtp_config.host, smtp_config.port = settings.host, settings.port
        smtp_config.security, smtp_config.user = settings.security, settings.user
        self._save_config()  # the server, never the password
        self.handed_off("smtp", self.tr("smtp_sent", to=eml.parts(self.message)["to"], message_id=message_id) + note)
