"""The $EDITOR key on the description step: the text goes to the editor and comes back, odd
settings are reported rather than crashing the wizard, and the private temp copy never
outlives the attempt."""

import contextlib
import tempfile

import pytest

from okx_helper.base.i18n import t
from okx_helper.handoff.environment import Environment
from okx_helper.ui.app import WizardApp
from okx_helper.ui.screens import describe
from okx_helper.writing import categories
from okx_helper.writing.autosave import DraftStore


async def _edit(private_dirs, monkeypatch, visual, editor, suspend=True):
    """Type on the description step, press ^e; (notifications, description, editor argv)."""
    monkeypatch.setattr(tempfile, "tempdir", str(private_dirs))  # where mkstemp puts the copy
    for name, value in (("VISUAL", visual), ("EDITOR", editor)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    calls = []

    def fake_editor(argv, check=False):
        calls.append(argv)
        with open(argv[-1], "a", encoding="utf-8") as handle:
            handle.write(" has not arrived.")

    monkeypatch.setattr(describe.subprocess, "run", fake_editor)
    if suspend:  # run_test cannot suspend a terminal; pretend it did
        monkeypatch.setattr(WizardApp, "suspend", lambda self: contextlib.nullcontext())
    app = WizardApp(ui_lang="en", store=DraftStore(private_dirs / "state"), new=True, environment=Environment())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "enter")
        ids = [c.id for c in categories.categories()]
        await pilot.press(*["down"] * ids.index("deposit"), "enter")
        assert type(app.screen).__name__ == "DescribeScreen"
        app.screen.query_one("#description").focus()
        await pilot.press(*"My deposit")
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert type(app.screen).__name__ == "DescribeScreen"
        notes = [(n.severity, n.message) for n in app._notifications]
        text = app.draft.description
    assert not list(private_dirs.glob("okx-helper-*.txt")), "the temp copy of the text must be removed"
    return notes, text, calls


async def test_the_editor_gets_the_text_and_gives_it_back(private_dirs, no_network, monkeypatch):
    notes, text, calls = await _edit(private_dirs, monkeypatch, None, "nano -w")
    assert notes == [] and text == "My deposit has not arrived."
    assert [argv[:2] for argv in calls] == [["nano", "-w"]]


async def test_an_unclosed_quote_in_editor_is_reported(private_dirs, no_network, monkeypatch):
    notes, text, calls = await _edit(private_dirs, monkeypatch, None, 'vim "unclosed')
    assert calls == [] and text == "My deposit"
    assert [severity for severity, _ in notes] == ["error"], notes
    assert 'vim "unclosed' in notes[0][1]
    assert notes[0][1].startswith(t("wizard.describe_editor_failed", "en", error="")), notes


@pytest.mark.parametrize("visual, editor", [("   ", "nano"), (None, "")])
async def test_a_blank_setting_means_vi(visual, editor, private_dirs, no_network, monkeypatch):
    notes, text, calls = await _edit(private_dirs, monkeypatch, visual, editor)
    assert [argv[0] for argv in calls] == ["vi"] and notes == []


async def test_no_suspend_is_a_message(private_dirs, no_network, monkeypatch):
    notes, text, calls = await _edit(private_dirs, monkeypatch, None, "vi", suspend=False)
    assert calls == [] and text == "My deposit"
    assert notes == [("warning", t("wizard.describe_no_editor_here", "en"))], notes


async def test_an_editor_that_removes_its_file_leaves_the_text_alone(private_dirs, no_network, monkeypatch):
    import os

    def removing_editor(argv, check=False):
        os.unlink(argv[-1])

    monkeypatch.setattr(describe.subprocess, "run", removing_editor)
    monkeypatch.setattr(tempfile, "tempdir", str(private_dirs))
    monkeypatch.setenv("EDITOR", "vi")
    monkeypatch.setattr(WizardApp, "suspend", lambda self: contextlib.nullcontext())
    app = WizardApp(ui_lang="en", store=DraftStore(private_dirs / "state"), new=True, environment=Environment())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "enter")
        ids = [c.id for c in categories.categories()]
        await pilot.press(*["down"] * ids.index("deposit"), "enter")
        app.screen.query_one("#description").focus()
        await pilot.press(*"My deposit")
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert app.draft.description == "My deposit"
        assert [(n.severity, n.message) for n in app._notifications] == [
            ("warning", t("wizard.describe_editor_lost", "en"))
        ]
