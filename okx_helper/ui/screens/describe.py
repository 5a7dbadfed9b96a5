"""Step 3: the category's fields, the free text, and who the user is to support."""

from __future__ import annotations

import contextlib
import os
import shlex
import subprocess
import tempfile

from rich.markup import escape
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, ProgressBar, Static, TextArea
from textual.worker import get_current_worker

from okx_helper.ui.screens.step import StepScreen

PROFILE_FIELDS = ("email", "uid", "nickname")
LIVE_SCAN_INLINE_LIMIT = 20_000  # characters: both engines take ~10 ms here, well within a frame
LIVE_SCAN_PAUSE = 0.3  # seconds of no typing before a big draft is scanned again


class DescribeScreen(StepScreen):
    STEP = 2
    # Priority: text fields use ctrl+e for "end of line" and would swallow it; End still does that.
    BINDINGS = [Binding("ctrl+e,f4", "external_editor", "Editor", priority=True, id="describe.editor")]
    _live_timer = None
    shown_revision = -1  # the draft revision the form shows

    def compose_body(self) -> ComposeResult:
        from okx_helper.writing import categories, compose

        self.category = categories.get(self.draft.category)
        self.shown_revision = self.wizard.revision
        lang = self.ui_lang
        with VerticalScroll(id="form"):
            with Horizontal(classes="row"):
                yield Label(self.tr("describe_subject"))
                yield Input(self.draft.subject, placeholder=compose.subject_for(self.draft), id="subject")
            for spec in self.category.fields:
                with Horizontal(classes="row"):
                    yield Label(spec.text("label", lang) + (" *" if spec.required else ""))
                    yield Input(
                        self.draft.fields.get(spec.id, ""), placeholder=spec.text("hint", lang), id=f"field-{spec.id}"
                    )
                yield Static("", id=f"note-{spec.id}", classes="field-note")
            yield Label(self.tr("describe_text"), classes="above")
            yield TextArea(self.draft.description, id="description", soft_wrap=True, tab_behavior="focus")
            yield Static(self.tr("describe_profile_note"), classes="hint")
            for name in PROFILE_FIELDS:
                with Horizontal(classes="row"):
                    yield Label(self.tr(f"profile_{name}"))
                    yield Input(getattr(self.draft.profile, name), id=f"profile-{name}")
        with Vertical(id="meter"):
            with Horizontal():
                yield ProgressBar(total=100, show_eta=False, show_percentage=True, id="completeness")
                yield Static("", id="live-findings")
            yield Static("", id="missing")

    def on_mount(self) -> None:
        for spec in self.category.fields:
            self._note(spec, self.draft.fields.get(spec.id, ""))
        self._update_meter()
        # The cursor starts where typing is needed: the first empty field, else the free text.
        empty = [spec.id for spec in self.category.fields if not self.draft.fields.get(spec.id, "").strip()]
        self.query_one(f"#field-{empty[0]}" if empty else "#description").focus()

    def on_screen_resume(self) -> None:
        # Another step changed the draft (a redaction, a calmer sentence, a greeting): show it, so
        # the next key typed here edits the current text, never the old one.
        if self.shown_revision != self.wizard.revision:
            self._show_draft()

    def _show_draft(self) -> None:
        """Put the draft's current values into the form (their change events then find nothing new)."""
        draft = self.draft
        self.query_one("#subject", Input).value = draft.subject
        for spec in self.category.fields:
            self.query_one(f"#field-{spec.id}", Input).value = draft.fields.get(spec.id, "")
        description = self.query_one("#description", TextArea)
        if description.text != draft.description:
            description.load_text(draft.description)
            description.move_cursor(description.document.end)  # typing goes on at the end, not the start
        for name in PROFILE_FIELDS:
            self.query_one(f"#profile-{name}", Input).value = getattr(draft.profile, name)
        self.shown_revision = self.wizard.revision
        self._update_meter()

    # -- edits flow into the draft through the wizard core ------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        name = event.input.id or ""
        if name == "subject":
            self.wizard.set_part("subject", event.value)
        elif name.startswith("field-"):
            spec = self.category.field(name[6:])
            self.wizard.set_part(f"field:{spec.id}", event.value)
            self._note(spec, event.value)
        elif name.startswith("profile-"):
            self.wizard.set_profile(name[8:], event.value)
        else:
            return
        self.shown_revision = self.wizard.revision
        self._update_meter()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.wizard.set_part("description", event.text_area.text)
        self.shown_revision = self.wizard.revision
        self._update_meter()

    def _note(self, spec, value: str) -> None:
        """Under a field: the validator's complaint, or for a time, the same time in UTC."""
        from okx_helper.writing import fields

        note = self.query_one(f"#note-{spec.id}", Static)
        problem = fields.validate(spec, value, self.ui_lang) if value.strip() else None
        if problem:
            note.update(f"[red]{escape(problem)}[/]")
        elif spec.kind == "datetime" and value.strip():
            note.update(f"[green]= {escape(fields.to_utc_text(value) or '')}[/]")
        else:
            note.update("")
        note.display = bool(value.strip()) and (bool(problem) or spec.kind == "datetime")

    def _update_meter(self) -> None:
        facts = self.facts()
        missing = facts.missing
        self.query_one("#completeness", ProgressBar).update(progress=round(facts.score * 100))
        text = (
            self.tr("describe_missing", items="; ".join(m.text for m in missing))
            if missing
            else self.tr("describe_complete")
        )
        self.query_one("#missing", Static).update(escape(text))
        self._update_live_findings()

    def _update_live_findings(self) -> None:
        """Secrets and harsh words are counted as the user types; steps 4 and 5 deal with them.

        A normal draft is scanned at once, on every key. A huge paste would make every key wait
        for the scan, so then the scan runs in a thread after typing pauses, on a copy.
        """
        facts = self.facts()
        if facts.size <= LIVE_SCAN_INLINE_LIMIT:
            self._show_counts(len(facts.blocking), len(facts.tone))
            return
        if self._live_timer is not None:
            self._live_timer.stop()
        self._live_timer = self.set_timer(LIVE_SCAN_PAUSE, self._scan_in_background)

    def _scan_in_background(self) -> None:
        facts = self.facts()  # the analysis keeps its own copy of this revision of the draft
        self.query_one("#live-findings", Static).update(escape(self.tr("describe_live_scanning")))

        def work() -> None:
            counts = len(facts.blocking), len(facts.tone)
            if not get_current_worker().is_cancelled:  # a newer scan replaced this one
                self.app.call_from_thread(self._show_counts, *counts)

        self.run_worker(work, thread=True, exclusive=True, group="live-scan")

    def _show_counts(self, secrets: int, harsh: int) -> None:
        parts = []
        if secrets:
            parts.append(f"[b red]{escape(self.tr('describe_live_secrets', count=secrets))}[/]")
        if harsh:
            parts.append(f"[yellow]{escape(self.tr('describe_live_tone', count=harsh))}[/]")
        self.query_one("#live-findings", Static).update(
            "  ".join(parts) or f"[green]{escape(self.tr('describe_live_clean'))}[/]"
        )

    # -- $EDITOR ---------------------------------------------------------------------
    def action_external_editor(self) -> None:
        """Edit the free text in $VISUAL/$EDITOR on a private temp file, then read it back."""
        setting = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        try:
            command = shlex.split(setting) or ["vi"]  # a blank setting means no choice
        except ValueError as error:  # an unclosed quote: say so rather than crash the wizard
            self.notify(self.tr("describe_editor_failed", error=f"{setting}: {error}"), severity="error")
            return
        handle, path = tempfile.mkstemp(prefix="okx-helper-", suffix=".txt")  # 0600
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(self.draft.description)
            try:
                with self.app.suspend():
                    subprocess.run([*command, path], check=False)
            except SuspendNotSupported:
                self.notify(self.tr("describe_no_editor_here"), severity="warning")
                return
            except OSError as error:
                self.notify(self.tr("describe_editor_failed", error=str(error)), severity="error")
                return
            try:
                with open(path, encoding="utf-8", errors="replace") as file:
                    text = file.read()
            except FileNotFoundError:  # the editor removed its file: keep the text as it was
                self.notify(self.tr("describe_editor_lost"), severity="warning")
                return
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
        self.query_one("#description", TextArea).load_text(text)
        self.wizard.set_part("description", text)
        self.shown_revision = self.wizard.revision
        self._update_meter()

    def before_next(self, proceed) -> None:
        from okx_helper.writing import fields

        for spec in self.category.fields:
            value = self.draft.fields.get(spec.id, "")
            if value.strip() and fields.validate(spec, value, self.ui_lang):
                self.query_one(f"#field-{spec.id}", Input).focus()
                self.notify(self.tr("describe_fix_field", field=spec.text("label", self.ui_lang)), severity="warning")
                return
        proceed()

    def focus_part(self, part: str) -> None:
        """Put the cursor where a finding is (the privacy and tone steps send the user here)."""
        target = {"subject": "#subject", "description": "#description"}.get(part, f"#field-{part[6:]}")
        self.query_one(target).focus()
