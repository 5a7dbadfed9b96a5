"""The hand-off screen in a tiny host app at 80x24: keys, reasons, every method, the result."""

import contextlib
import email
import email.policy
import stat
import sys
from urllib.parse import unquote

import pytest
from textual.app import App
from textual.widgets import Checkbox, Input, Static

from okx_helper.handoff import mailto, smtp
from okx_helper.handoff.environment import Environment, detect
from okx_helper.settings.config import Config, load_config
from okx_helper.ui.screens.handoff import HandoffResult, HandoffScreen

SUBJECT = "充值未到账：USDT TRC20"
BODY = "您好，\n我的充值还没有到账。\n谢谢"


def make_message(body=BODY):
    from okx_helper.writing.compose import new_message

    return new_message(to="support@okx.com", subject=SUBJECT, body=body, from_addr="user@example.com")


def which(*names):
    return lambda program: f"/usr/bin/{program}" if program in names else None


SSH_TMUX = detect({"SSH_CONNECTION": "1 2 3 4", "TMUX": "x"}, which("neomutt", "xdg-open"), "linux")


class Host(App):
    def __init__(self, screen):
        super().__init__()
        self.handoff = screen
        self.results = []

    def on_mount(self):
        self.push_screen(self.handoff, self.results.append)


def status(app):
    return str(app.handoff.query_one("#handoff-status", Static).content)


def methods_text(app):
    return str(app.handoff.query_one("#handoff-methods", Static).content)


@pytest.fixture
def config(tmp_path):
    return Config(path=tmp_path / "config" / "config.toml")


async def test_over_ssh_terminal_options_first_and_desktop_explained(config):
    msg = make_message()
    app = Host(HandoffScreen(msg, "en", SSH_TMUX, config))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.handoff
        text = methods_text(app)
        assert text.index("Terminal mail client: neomutt") < text.index("Copy the text") < text.index("Save as an .eml")
        assert "no display over SSH" in text and "set-clipboard on" in text
        assert "over SSH without a display" in str(screen.query_one("#handoff-ssh", Static).content)
        # Fits 80x24: nothing to scroll before the user does anything.
        assert screen.query_one("#handoff").max_scroll_y == 0
        assert screen.check_action("handoff", ("desktop",)) is False
        assert screen.check_action("handoff", ("terminal",)) is True
        assert screen.check_action("sent", ()) is False  # nothing handed off yet
        await pilot.press("d", "i")  # desktop cannot work here; "I sent it" is not offered yet
        assert app.screen is screen and app.results == []
        await pilot.press("escape")
    assert app.results == [None]
    assert not config.path.exists()


async def test_chinese_interface_fits_too(config):
    app = Host(HandoffScreen(make_message(), "zh", SSH_TMUX, config))
    async with app.run_test(size=(80, 24)):
        assert "SSH 下没有图形界面" in methods_text(app)
        assert app.handoff.query_one("#handoff").max_scroll_y == 0
        labels = {b.binding.description for b in app.screen.active_bindings.values()}
        assert {"终端", "复制", "存 .eml", "返回"} <= labels


async def test_clipboard_copies_the_body_and_i_sent_it_returns_the_result(config):
    msg = make_message()
    app = Host(HandoffScreen(msg, "en", SSH_TMUX, config))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        assert app.clipboard.rstrip("\n") == BODY
        assert "set-clipboard on" in status(app) and SUBJECT in status(app)
        assert app.handoff.check_action("sent", ()) is True
        assert load_config(config.path).method == "clipboard"  # remembered for next time
        await pilot.press("i")
    assert app.results == [HandoffResult("clipboard", str(msg["Message-ID"]))]


async def test_plain_view_shows_the_whole_message(config):
    app = Host(HandoffScreen(make_message(), "en", SSH_TMUX, config))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v")
        text = app.screen.query_one("#plain").text
        assert "To: support@okx.com" in text and f"Subject: {SUBJECT}" in text and BODY in text
        await pilot.press("escape")
        assert app.screen is app.handoff


async def test_terminal_without_suspend_support_explains_instead_of_crashing(config):
    app = Host(HandoffScreen(make_message(), "en", SSH_TMUX, config))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")  # run_test cannot suspend
        assert "cannot hand the screen to neomutt" in status(app)
        assert "/usr/bin/neomutt -H message.eml" in status(app)
        assert app.handoff.check_action("sent", ()) is False


def recording_program(tmp_path, name, exit_code=0):
    """A stand-in program that writes its argv (and a copy of a draft argument) to files."""
    record = tmp_path / f"{name}.argv"
    script = tmp_path / name
    script.write_text(
        f"#!{sys.executable}\nimport sys, os\n"
        f"open({str(record)!r}, 'w', encoding='utf-8').write('\\n'.join(sys.argv[1:]))\n"
        "for arg in sys.argv[1:]:\n"
        "    if arg.endswith('.eml') and os.path.exists(arg):\n"
        f"        open({str(record)!r} + '.eml', 'wb').write(open(arg, 'rb').read())\n"
        f"sys.exit({exit_code})\n"
    )
    script.chmod(0o700)
    return script, record


async def test_terminal_client_runs_the_template_as_an_argument_list(tmp_path, config):
    program, record = recording_program(tmp_path, "mail client", exit_code=3)
    config.mailer = f"'{program}' --draft {{file}} --unused"
    env = detect(
        {"SSH_TTY": "/dev/pts/0"},
        lambda p: str(program) if p == str(program) else None,
        "linux",
        configured_command=config.mailer,
    )
    app = Host(HandoffScreen(make_message(), "en", env, config))
    async with app.run_test(size=(80, 24)) as pilot:
        app.suspend = contextlib.nullcontext  # what a real terminal allows
        await pilot.press("t")
        argv = record.read_text(encoding="utf-8").split("\n")
        assert argv[0] == "--draft" and argv[1].endswith("draft.eml") and argv[2] == "--unused"
        draft = email.message_from_bytes((tmp_path / "mail client.argv.eml").read_bytes(), policy=email.policy.default)
        assert str(draft["Subject"]) == SUBJECT and "X-Unsent" not in draft
        assert "exit code 3" in status(app)
        assert app.handoff.check_action("sent", ()) is True
    assert not (tmp_path / argv[1]).exists()  # the private draft was removed


async def test_desktop_opener_gets_the_exact_mailto_url(tmp_path, config):
    opener, record = recording_program(tmp_path, "opener")
    env = Environment(display=True, opener=(str(opener),))
    app = Host(HandoffScreen(make_message(), "en", env, config))
    async with app.run_test(size=(80, 24)) as pilot:
        assert methods_text(app).index("Desktop mail client") < methods_text(app).index("Terminal")
        await pilot.press("d")
        await app.workers.wait_for_complete()  # the opener runs in a thread
        await pilot.pause()
        assert record.read_text(encoding="utf-8") == mailto.mailto_url("support@okx.com", SUBJECT, BODY)
        assert "Opened your mail client" in status(app)
    assert load_config(config.path).method == "desktop"


async def test_desktop_opener_failure_is_reported_briefly(tmp_path, config):
    opener, record = recording_program(tmp_path, "opener", exit_code=4)
    app = Host(HandoffScreen(make_message(), "en", Environment(display=True, opener=(str(opener),)), config))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        await app.workers.wait_for_complete()  # the opener runs in a thread
        await pilot.pause()
        assert status(app) == "Could not open the mail client: exit code 4"
        assert app.handoff.check_action("sent", ()) is False


async def test_desktop_over_length_saves_the_eml_and_says_so(tmp_path, config):
    opener, record = recording_program(tmp_path, "opener")
    config.save_dir = str(tmp_path / "drafts")
    env = Environment(display=True, opener=(str(opener),))
    long_body = "充值没有到账，请帮忙查询。" * 150
    app = Host(HandoffScreen(make_message(long_body), "en", env, config))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        await app.workers.wait_for_complete()  # the opener runs in a thread
        await pilot.pause()
        saved = list((tmp_path / "drafts").glob("*.eml"))
        assert len(saved) == 1
        url = record.read_text(encoding="utf-8")
        assert len(url) <= mailto.SAFE_LENGTH
        assert unquote(url.split("body=")[1]) == (
            f"The full message is in the file {saved[0]}. Please paste its text here before sending."
        )
        assert "too long for a mailto link" in status(app) and str(saved[0]) in status(app).replace("\n", "")


async def test_eml_is_saved_where_the_user_chooses(tmp_path, config):
    app = Host(HandoffScreen(make_message(), "en", SSH_TMUX, config))
    folder = tmp_path / "chosen folder"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        field = app.screen.query_one("#folder", Input)
        field.value = str(folder)
        await pilot.press("enter")
        files = list(folder.glob("*.eml"))
        assert len(files) == 1 and stat.S_IMODE(files[0].stat().st_mode) == 0o600
        assert str(files[0]) in status(app).replace("\n", "")
        await pilot.press("i")
    saved = load_config(config.path)
    assert saved.method == "eml" and saved.save_dir == str(folder)
    assert app.results[0].method == "eml"


# --- SMTP: form, exact confirmation, keyring opt-in --------------------------------------------


async def fill_smtp_form(pilot, app, password="pw"):
    await pilot.press("s")
    form = app.screen
    form.query_one("#host", Input).value = "smtp.example.com"
    form.query_one("#user", Input).value = "user@example.com"
    form.query_one("#password", Input).value = password
    return form


async def test_smtp_confirms_exactly_what_goes_where_then_sends(monkeypatch, memory_keyring, config):
    sent = []

    def fake_send(msg, settings, password, ssl_context=None):
        sent.append((msg, settings, password))
        return "<sent-id@example.com>"

    monkeypatch.setattr(smtp, "send", fake_send)
    app = Host(HandoffScreen(make_message(), "en", SSH_TMUX, config))
    async with app.run_test(size=(80, 24)) as pilot:
        form = await fill_smtp_form(pilot, app, "s3cret")
        form.query_one("#remember", Checkbox).value = True
        form.query_one("#password", Input).focus()
        await pilot.press("enter")
        question = str(app.screen.query_one(Static).content)
        assert "From: user@example.com\nTo: support@okx.com\nSubject: " + SUBJECT in question
        assert "smtp.example.com:587 (starttls)" in question
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Sent to support@okx.com" in status(app)
        await pilot.press("i")
    ((msg, settings, password),) = sent
    assert settings.host == "smtp.example.com" and settings.security == "starttls" and password == "s3cret"
    assert memory_keyring.items == {("okx-helper", "user@example.com@smtp.example.com:587"): "s3cret"}
    saved = load_config(config.path)
    assert saved.method == "smtp" and saved.smtp.host == "smtp.example.com" and saved.smtp.user == "user@example.com"
    assert "s3cret" not in config.path.read_text(encoding="utf-8")
    assert app.results == [HandoffResult("smtp", "<sent-id@example.com>")]


async def test_smtp_password_is_not_kept_without_consent_and_no_means_no(monkeypatch, memory_keyring, config):
    sent = []
    monkeypatch.setattr(smtp, "send", lambda *a, **k: sent.append(a) or "<id@x>")
    app = Host(HandoffScreen(make_message(), "en", SSH_TMUX, config))
    async with app.run_test(size=(80, 24)) as pilot:
        await fill_smtp_form(pilot, app)
        await pilot.press("f10", "n")  # the confirmation says no
        assert sent == [] and app.screen is app.handoff
        await fill_smtp_form(pilot, app)
        await pilot.press("f10", "y")
        await app.workers.wait_for_complete()
    assert len(sent) == 1 and memory_keyring.items == {}


async def test_smtp_error_is_plain_and_the_draft_stays(monkeypatch, memory_keyring, config):
    def failing(*args, **kwargs):
        raise smtp.SendError("auth", "535 invalid credentials")

    monkeypatch.setattr(smtp, "send", failing)
    app = Host(HandoffScreen(make_message(), "en", SSH_TMUX, config))
    async with app.run_test(size=(80, 24)) as pilot:
        await fill_smtp_form(pilot, app)
        await pilot.press("f10", "y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "refused the user name or password" in status(app) and "draft is kept" in status(app)
        assert app.handoff.check_action("sent", ()) is False
    assert app.results == []


async def test_stored_password_is_used_and_a_missing_keyring_is_reported(monkeypatch, memory_keyring, config):
    config.smtp.host, config.smtp.user = "smtp.example.com", "user@example.com"
    memory_keyring.items[("okx-helper", "user@example.com@smtp.example.com:587")] = "from-keyring"
    sent = []
    monkeypatch.setattr(
        smtp, "send", lambda msg, settings, password, ssl_context=None: sent.append(password) or "<i@x>"
    )
    app = Host(HandoffScreen(make_message(), "en", SSH_TMUX, config))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        assert "saved in the keyring" in str(app.screen.query_one("#password", Input).placeholder)
        await pilot.press("enter")  # the focused, empty password field submits
        await pilot.press("y")
        await app.workers.wait_for_complete()
    assert sent == ["from-keyring"]

    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    app = Host(HandoffScreen(make_message(), "en", SSH_TMUX, config))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        assert app.screen.query_one("#remember", Checkbox).disabled
        assert "No system keyring" in str(app.screen.query_one("#smtp-note", Static).content)


async def test_escape_leaves_every_dialog_without_doing_anything(monkeypatch, memory_keyring, config, tmp_path):
    sent = []
    monkeypatch.setattr(smtp, "send", lambda *a, **k: sent.append(a) or "<id@x>")
    monkeypatch.chdir(tmp_path)
    app = Host(HandoffScreen(make_message(), "zh", SSH_TMUX, config))
    async with app.run_test(size=(80, 24)) as pilot:
        await fill_smtp_form(pilot, app)
        assert isinstance(app.focused, Input)
        labels = {b.binding.description for b in app.screen.active_bindings.values()}
        assert {"返回", "发送"} <= labels
        await pilot.press("escape")
        assert app.screen is app.handoff
        await pilot.press("e", "escape")
        assert app.screen is app.handoff
        await pilot.press("v", "escape")
        assert app.screen is app.handoff and app.handoff.check_action("sent", ()) is False
    assert sent == [] and list(tmp_path.rglob("*.eml")) == [] and not config.path.exists()
