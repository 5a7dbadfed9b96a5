"""Drive all six steps with keys only, as a user would, in both interface languages."""

from email import message_from_bytes, policy

import pytest
from termtools import ANSWERS, TXID  # the same answers as the real-terminal runs
from textual import events

from okx_helper.base.i18n import t
from okx_helper.ui.app import WizardApp
from okx_helper.writing import categories
from okx_helper.writing.autosave import DraftStore


async def paste(pilot, text):
    """What the terminal sends on a paste (bracketed paste), into the focused widget."""
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_six_steps_by_keyboard_write_an_eml(lang, private_dirs, no_network):
    answers = ANSWERS[lang]
    store = DraftStore(private_dirs / "state")
    app = WizardApp(ui_lang=lang, store=store, new=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")  # start: new email
        assert type(app.screen).__name__ == "ContactScreen"
        await pilot.press("enter")  # the highlighted official address: support@okx.com
        assert type(app.screen).__name__ == "CategoryScreen"
        ids = [c.id for c in categories.categories()]
        await pilot.press(*["down"] * ids.index("deposit"), "enter")
        assert type(app.screen).__name__ == "DescribeScreen"
        assert app.draft.category == "deposit"
        # The cursor starts in the first empty field; Tab moves through the form.
        for value in ("2026-11-25 14:30 +08:00", "USDT", "TRC20", "1250", TXID, "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE"):
            await paste(pilot, value)
            await pilot.press("tab")
        await pilot.press("tab", "tab")  # memo and error message stay empty
        await paste(pilot, answers["description"])
        await pilot.press("tab")
        await pilot.press(*"me@example.com")  # typed key by key
        await pilot.press("ctrl+n")
        assert type(app.screen).__name__ == "PrivacyScreen"
        assert [x.finding.kind for x in app.screen.items] == ["password"], app.screen.items
        await pilot.press("r")  # redact the password with one key
        assert answers["secret"] not in app.draft.description
        assert answers["marker"] in app.draft.description
        await pilot.press("ctrl+n")
        assert type(app.screen).__name__ == "ToneScreen"
        # The templates greet and close politely, so both are already there; "!!!" is not.
        summary = str(app.screen.query_one("#summary").content)
        assert "✓ " + t("wizard.tone_greeting", lang) in summary and "✓ " + t("wizard.tone_closing", lang) in summary
        before = len(app.screen.items)
        if before:
            await pilot.press("a")  # use the calmer wording for the first finding
            assert len(app.screen.items) == before - 1
        await pilot.press("ctrl+n")
        assert type(app.screen).__name__ == "ReviewScreen"
        await pilot.press("escape")  # back without losing anything
        assert type(app.screen).__name__ == "ToneScreen"
        await pilot.press("ctrl+n", "ctrl+n")  # review, then the hand-off
        assert type(app.screen).__name__ == "HandoffScreen"
        await pilot.press("e", "enter")  # save as .eml in the default folder
        await pilot.pause()
        saved = list(private_dirs.rglob("*.eml"))
        assert len(saved) == 1
        await pilot.press("i")  # "I sent it": the draft becomes a case
        await pilot.pause()
        assert type(app.screen).__name__ == "StartScreen"

    message = message_from_bytes(saved[0].read_bytes(), policy=policy.default)
    assert message["To"] == "support@okx.com"
    assert message["From"] == "me@example.com"
    assert answers["subject_word"] in message["Subject"]
    body = message.get_content()
    assert TXID in body and answers["marker"] in body and answers["secret"] not in body
    assert message["X-Unsent"] == "1"
    assert store.load() is None  # the sent draft is not offered back


async def test_interface_language_switch_is_remembered(private_dirs):
    from okx_helper.settings.config import load_config

    app = WizardApp(ui_lang="en", store=DraftStore(private_dirs / "state"), new=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "f2")
        await pilot.pause()
        assert app.ui_lang == "zh"
        assert type(app.screen).__name__ == "ContactScreen"
        assert "联系" in str(app.screen.query_one("StepIndicator").content)
    assert load_config().ui_lang == "zh"


async def test_unfinished_draft_is_offered_back_and_not_replaced_without_asking(private_dirs):
    from okx_helper.writing.draft import Draft

    store = DraftStore(private_dirs / "state")
    store.save(Draft(category="deposit", description="half-written text", step=2))
    app = WizardApp(ui_lang="en", store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")  # a new email would overwrite it: asked first
        assert type(app.screen).__name__ == "Confirm"
        await pilot.press("n")
        assert type(app.screen).__name__ == "StartScreen"
        await pilot.press("r")  # resume: straight back to the Details step
        assert type(app.screen).__name__ == "DescribeScreen"
        assert app.screen.query_one("#description").text == "half-written text"


async def test_quit_asks_only_when_something_was_written(private_dirs):
    from okx_helper.settings.profile import Profile

    class SavedProfile:
        def load(self):
            return Profile(email="me@example.com", uid="7382910045612345")

    app = WizardApp(ui_lang="en", store=DraftStore(private_dirs / "state"), new=True, profile_store=SavedProfile())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "f3")  # a new draft (profile filled in from the store), email language switched
        assert app.draft.profile.email == "me@example.com"
        assert not app.has_work()
        await pilot.press("enter")  # the official address: still the default, nothing typed
        assert not app.has_work()
        await pilot.press("enter")  # choosing a category is a choice the user made
        assert app.has_work()
        await pilot.press("ctrl+q")
        assert type(app.screen).__name__ == "Confirm"
