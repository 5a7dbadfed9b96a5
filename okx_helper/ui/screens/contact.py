"""Step 1: where the email goes. Official addresses to pick, or a typed one checked live."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from okx_helper.ui.dialogs.confirm import Confirm
from okx_helper.ui.screens.step import StepScreen

# Listed in the directory for completeness, but not addresses for a support request.
_NOT_FOR_SUPPORT = {"dpo", "enforcement"}
_STYLE = {"official": "green", "legacy": "yellow", "unrelated": "yellow", "invalid": "red"}


class ContactScreen(StepScreen):
    STEP = 0

    def compose_body(self) -> ComposeResult:
        from okx_helper import contacts

        self.channels = [c for c in contacts.email_channels() if c.id not in _NOT_FOR_SUPPORT]
        lang = self.ui_lang
        options = [Option(f"{c.address}  —  {c.text('purpose', lang)}", id=c.address) for c in self.channels]
        with VerticalScroll():
            yield Static(self.tr("contact_intro"), classes="intro")
            yield OptionList(*options, id="channels")
            yield Input(placeholder=self.tr("contact_typed_placeholder"), id="typed")
            yield Static("", id="verdict")
            yield Static(self._other_channels_text(contacts.channels()), id="other-channels", classes="hint")

    def _other_channels_text(self, channels) -> str:
        lines = [self.tr("contact_other_channels")]
        for channel in channels:
            if channel.kind != "email":
                lines.append(f"• {channel.text('purpose', self.ui_lang)}: {channel.url or ''}")
        return "\n".join(lines)

    def on_mount(self) -> None:
        addresses = [c.address for c in self.channels]
        menu = self.query_one("#channels", OptionList)
        if self.draft.to in addresses:
            menu.highlighted = addresses.index(self.draft.to)
            menu.focus()
        else:
            typed = self.query_one("#typed", Input)
            typed.value = self.draft.to
            typed.focus()
            self._show_verdict(self.draft.to)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id and not self.query_one("#typed", Input).value.strip():
            self.wizard.set_to(event.option.id)
            self._show_verdict(event.option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#typed", Input).value = ""
        if event.option.id:
            self.wizard.set_to(event.option.id)
        self.action_next()

    def on_input_changed(self, event: Input.Changed) -> None:
        value = event.value.strip()
        if value:
            self._show_verdict(value)
        else:
            menu = self.query_one("#channels", OptionList)
            if menu.highlighted is not None:
                self.wizard.set_to(self.channels[menu.highlighted].address or self.draft.to)
                self._show_verdict(self.draft.to)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_next()

    def _show_verdict(self, address: str):
        from okx_helper import contacts

        check = contacts.check_address(address, self.ui_lang)
        style = _STYLE.get(check.verdict, "bold red")
        label = self.tr(f"verdict_{check.verdict}")
        reasons = "\n".join(f"  {reason}" for reason in check.reasons)
        box = self.query_one("#verdict", Static)
        box.update(f"[{style}]{label}[/]\n{_escape(reasons)}")
        box.set_class(check.verdict in ("lookalike", "freemail_impersonation"), "danger")
        return check

    def before_next(self, proceed) -> None:
        typed = self.query_one("#typed", Input).value.strip()
        if not typed:
            proceed()
            return
        check = self._show_verdict(typed)
        if check.verdict == "invalid":
            self.notify(self.tr("contact_invalid"), severity="error")
            return
        if check.verdict == "official":
            self.wizard.set_to(check.normalized or typed)
            proceed()
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.wizard.set_to(check.normalized or typed)
                proceed()

        question = self.tr(
            "contact_confirm_" + ("danger" if check.verdict in ("lookalike", "freemail_impersonation") else "other"),
            address=typed,
        )
        self.app.push_screen(Confirm(question, self.ui_lang), answered)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)
