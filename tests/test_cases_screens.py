import io
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime

import keyring.backend
import pytest
from keyring.backends import fail
from rich.console import Console
from textual.app import App

from okx_helper.cases import open_db
from okx_helper.draft import Profile
from okx_helper.profile import ProfileStore
from okx_helper.ui.screens.profile import ProfileScreen


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 10

    def __init__(self):
        super().__init__()
        self.items = {}

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        self.items.pop((service, username), None)


class Host(App):
    """A bare app that shows one screen, as the wizard would push it."""

    def __init__(self, screen):
        super().__init__()
        self.first = screen
        self.result = "not dismissed"

    def on_mount(self):
        def done(value):
            self.result = value

        self.push_screen(self.first, done)


def screen_text(app) -> str:
    """What the terminal shows, as plain text (to check that things fit in 80x24)."""
    w, h = app.size
    console = Console(width=w, height=h, file=io.StringIO(), force_terminal=True, record=True, legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


async def type_text(pilot, text):
    for char in text:
        await pilot.press(char)


async def test_profile_saved_in_the_keyring(tmp_path):
    backend = MemoryKeyring()
    store = ProfileStore(backend=backend, data_dir=tmp_path)
    app = Host(ProfileScreen("en", store))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "keyring" in text and "f5 Save" in text
        assert "Use plain file" not in text  # a keyring is there: no plain-file offer
        await type_text(pilot, "me@example.com")
        await pilot.press("tab")
        await type_text(pilot, "123456789")
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert app.result == Profile(email="me@example.com", uid="123456789")
    assert ProfileStore(backend=backend, data_dir=tmp_path).load().uid == "123456789"
    assert not list(tmp_path.iterdir())


async def test_profile_without_keyring_warns_and_offers_the_plain_file(tmp_path):
    store = ProfileStore(backend=fail.Keyring(), data_dir=tmp_path)
    app = Host(ProfileScreen("zh", store))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "没有可用的系统密钥环" in text and "用明文文件" in text
        await type_text(pilot, "me@example.com")
        await pilot.press("f5")
        await pilot.pause()
        assert store.location == "session" and not list(tmp_path.iterdir())
        await pilot.press("f6")  # explicit choice, with a warning to confirm
        await pilot.pause()
        assert "0600" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert not (tmp_path / "profile.json").exists()
        await pilot.press("f6")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert (tmp_path / "profile.json").is_file()
        assert store.location == "file"
        assert "profile.json" in screen_text(app)  
    assert ProfileStore(backend=fail.Keyring(), data_dir=tmp_path).load().email == "me@example.com"
