"""What a newcomer trips over (issue 14): each test drives the wizard as a user would."""

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
