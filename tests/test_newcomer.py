"""What a newcomer trips over (issue 14): each test drives the wizard as a user would."""

import pytest
from textual import events

from okx_helper.handoff.environment import Environment
from okx_helper.ui.app import WizardApp
from okx_helper.writing import categories
from okx_helper.writing.autosave import DraftStore


def new_app(private_dirs, lang: str = "en", **kw) -> WizardApp:
    kw.setdefault("environment", Environment())
    return WizardApp(ui_lang=lang, store=DraftStore(private_dirs / "state"), new=True, **kw)


async def open_deposit_details(pilot) -> None:
    await pilot.press("n", "enter")
    ids = [c.id for c in categories.categories()]
    await pilot.press(*["down"] * ids.index("deposit"), "enter")


async def test_keys_after_tab_go_to_the_next_field_whatever_the_speed(private_dirs):
    app = new_app(private_dirs)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_deposit_details(pilot)
        await pilot.press("tab")  # from the time field to the coin
        # All at once, as a paste tool or a fast typist delivers them: no waiting between keys.
        for key in ["U", "S", "D", "T", "tab", "T", "R", "C", "2", "0", "tab", "1", "0", "0"]:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await pilot.pause(0.3)
        fields = app.draft.fields
        assert (fields.get("coin"), fields.get("network"), fields.get("amount")) == ("USDT", "TRC20", "100")


# -- F1 on every screen and dialog (row 4) -------------------------------------------------
def test_every_screen_and_dialog_binds_f1():
    from test_keys import ui_classes
    from textual.screen import Screen

    from okx_helper.ui.dialogs.help import HelpText

    screens = [cls for cls in ui_classes() if issubclass(cls, Screen) and cls is not HelpText]
    assert len(screens) >= 14
    for cls in screens:
        keys = {key for binding in cls._merged_bindings.key_to_bindings.values() for b in binding for key in [b.key]}
        assert any("f1" in key.split(",") for key in keys), cls.__name__


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("key, screen, help_key", [("k", "CasesScreen", "cases"), ("p", "ProfileScreen", "profile")])
async def test_f1_explains_the_tools_in_the_interface_language(private_dirs, lang, key, screen, help_key):
    from okx_helper.base.i18n import t
    from okx_helper.settings.profile import ProfileStore

    app = new_app(private_dirs, lang, profile_store=ProfileStore(backend=None, data_dir=private_dirs / "data"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(key)
        assert type(app.screen).__name__ == screen
        await pilot.press("f1")
        assert type(app.screen).__name__ == "HelpText"
        text = app.screen.text
        assert t(f"help.{help_key}", lang) in text and t("help.keys", lang) in text
        await pilot.press("escape")
        assert type(app.screen).__name__ == screen


async def test_f1_on_the_hand_off_and_in_a_dialog(private_dirs):
    from okx_helper.base.i18n import t

    app = new_app(private_dirs, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_deposit_details(pilot)
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n", "ctrl+n")
        assert type(app.screen).__name__ == "HandoffScreen"
        await pilot.press("f1")
        assert t("help.handoff", "zh") in app.screen.text
        await pilot.press("escape", "e")  # the .eml folder dialog
        assert type(app.screen).__name__ == "AskFolder"
        await pilot.press("f1")
        assert t("help.ask_folder", "zh") in app.screen.text


# -- keys only when they do something (row 15) ----------------------------------------------
async def test_finding_keys_show_only_when_there_is_a_finding(private_dirs):
    app = new_app(private_dirs)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_deposit_details(pilot)
        await pilot.press("ctrl+n")
        assert type(app.screen).__name__ == "PrivacyScreen" and not app.screen.items
        shown = {b.binding.action for b in app.screen.active_bindings.values() if b.enabled}
        assert not shown & {"redact", "edit", "not_sensitive"}
        await pilot.press("ctrl+n")
        shown = {b.binding.action for b in app.screen.active_bindings.values() if b.enabled}
        assert not shown & {"apply", "edit"}


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_footer_names_keys_in_one_style_and_always_shows_quit(private_dirs, lang):
    app = new_app(private_dirs, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_deposit_details(pilot)
        footer = " ".join(str(key.render()) for key in app.screen.query("FooterKey"))
        for shown in ("Ctrl+E", "Esc", "Ctrl+N", "F1", "Ctrl+Q", "F3", "F2"):
            assert shown in footer, (shown, footer)
        assert "^" not in footer and "$EDITOR" not in footer and "f3" not in footer
        await pilot.press("ctrl+n")  # the privacy step has keys of its own: quit is still there
        footer = " ".join(str(key.render()) for key in app.screen.query("FooterKey"))
        assert "Ctrl+Q" in footer
