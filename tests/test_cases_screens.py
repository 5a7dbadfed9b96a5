import io
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime

import pytest
from keyring.backends import fail
from memory_keyring import MemoryKeyring
from rich.console import Console
from textual.app import App

from okx_helper.cases import open_db
from okx_helper.settings.profile import Profile, ProfileStore
from okx_helper.ui.screens.profile import ProfileScreen


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
        assert "profile.json" in screen_text(app)  # where it is stored is shown
    assert ProfileStore(backend=fail.Keyring(), data_dir=tmp_path).load().email == "me@example.com"


# -- the cases screen -------------------------------------------------------------------------
from okx_helper.cases import CaseBook  # noqa: E402
from okx_helper.ui.screens.cases import CasesScreen  # noqa: E402

BODY = "Hello OKX Support,\n\nMy USDT withdrawal is stuck since yesterday.\nTxID: abc123\n"


def sent(subject, when, mid):
    msg = EmailMessage()
    msg["From"] = "me@example.com"
    msg["To"] = "support@okx.com"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = mid
    msg.set_content(BODY)
    return msg


@pytest.fixture
def book(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path / "docs"))
    now = datetime.now(timezone.utc)
    path = tmp_path / "cases.db"
    with open_db(path) as db:
        db.record_sent(sent("Withdrawal stuck", now - timedelta(days=8), "<old@x>"), "withdrawal", "en")
        db.record_sent(sent("How are maker fees computed?", now - timedelta(hours=3), "<new@x>"), "fees", "en")
    return CaseBook(path)


async def test_cases_list_ticket_and_resolved(book):
    app = Host(CasesScreen("en", book, country="US"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "How are maker fees computed?" in text and "Withdrawal stuck" in text
        assert "in 20 hours" in text or "in 21 hours" in text
        assert "overdue by" in text
        assert "spam" in text and "okx.com" in text
        for label in ("Follow up", "Record reply", "Ticket #", "Resolved", "Back"):
            assert label in text
        await pilot.press("down")  # the older case
        await pilot.press("t")
        await pilot.pause()
        await type_text(pilot, "778899")
        await pilot.press("enter")
        await pilot.pause()
        assert book.get(1).ticket == "778899"
        assert "778899" in screen_text(app)
        await pilot.press("d")
        await pilot.pause()
        assert book.get(1).status == "resolved"
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is None


async def test_follow_up_inside_the_window_needs_confirmation(book):
    app = Host(CasesScreen("en", book, country="US"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f")  # the newest case: 3 hours old, a simple question
        await pilot.pause()
        text = screen_text(app)
        assert "not over yet" in text and "Follow-ups already sent in this case: 0" in text
        await pilot.press("n")
        await pilot.pause()
        assert "Follow-up: How are maker fees computed?" not in screen_text(app)
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        text = screen_text(app)
        assert "Follow-up: How are maker fees computed?" in text and "In-Reply-To: <new@x>" in text
        await pilot.press("m")  # the user sent it: recorded in the case
        await pilot.pause()
    case = book.get(2)
    assert len(case.followups) == 1 and case.status == "waiting"
    assert case.message_ids()[0] == "<new@x>"


async def test_overdue_follow_up_lists_other_channels_without_asking(book):
    app = Host(CasesScreen("zh", book, country="CN"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "f")
        await pilot.pause()
        text = screen_text(app)
        assert "跟进：Withdrawal stuck" not in text or "y / n" not in text
        assert "其他官方" in text and "okx.com/help" in text
        await pilot.press("escape")
        await pilot.pause()
    assert book.get(1).followups == []


async def test_record_a_pasted_reply(book):
    app = Host(CasesScreen("en", book, country="US"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "r")
        await pilot.pause()
        await pilot.press("tab")  # from the path field to the paste area
        app.screen.query_one(
            "TextArea"
        ).text = "Dear user, to fix the withdrawal please send us your seed phrase and 2FA code at once."
        await pilot.press("f5")
        await pilot.pause()
        text = screen_text(app)
        assert "fraudulent" in text and "do not answer it" in text and "seed phrase" in text
        await pilot.press("escape")
        await pilot.pause()
        assert "replied" in screen_text(app)
    case = book.get(1)
    assert case.status == "replied" and case.replies[0].verdict == "fraudulent"


async def test_a_damaged_database_is_shown_not_crashed(tmp_path):
    path = tmp_path / "cases.db"
    path.write_bytes(b"this is not sqlite" * 50)
    app = Host(CasesScreen("en", CaseBook(path)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "damaged" in text
        assert "Follow up" not in text  # nothing to act on
    assert path.read_bytes() == b"this is not sqlite" * 50
    assert len(list(tmp_path.glob("cases.db.damaged-*.bak"))) == 1


async def test_follow_up_goes_through_the_hand_off_and_is_recorded(book, private_dirs):
    app = Host(CasesScreen("en", book, country="US"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f", "y")  # inside the window: confirm
        await pilot.pause()
        await pilot.press("h")  # every hand-off method, as for the first email
        await pilot.pause()
        assert type(app.screen).__name__ == "HandoffScreen"
        await pilot.press("e", "enter")  # save the follow-up as .eml
        await pilot.pause()
        saved = list((private_dirs / "documents").glob("*.eml"))
        assert len(saved) == 1 and b"In-Reply-To: <new@x>" in saved[0].read_bytes()
        await pilot.press("i")  # "I sent it"
        await pilot.pause()
    assert len(book.get(2).followups) == 1
