"""Hand-off engines: environment, method plan, mailto, terminal argv, .eml files, desktop opener."""

import email
import email.policy
import stat
import sys
from pathlib import Path
from urllib.parse import unquote

import pytest

from okx_helper.handoff import desktop, eml, mailto, methods, terminal
from okx_helper.handoff.environment import Environment, detect

SUBJECT = "充值未到账：USDT TRC20 #42"
BODY = "您好，\n我的充值还没有到账。\nTxID: abc&def=1?x\n谢谢"


def make_message(to="support@okx.com", subject=SUBJECT, body=BODY, from_addr="user@example.com"):
    from okx_helper.writing.compose import new_message

    return new_message(to=to, subject=subject, body=body, from_addr=from_addr)


def fake_which(*names):
    return lambda program: f"/usr/bin/{program}" if program in names else None


# --- environment -----------------------------------------------------------------------------


def test_ssh_without_display_is_detected():
    env = detect(
        {"SSH_CONNECTION": "1.2.3.4 5 6.7.8.9 22", "TMUX": "/tmp/t,1,0"}, fake_which("neomutt", "xdg-open"), "linux"
    )
    assert env.ssh and not env.display and env.multiplexer == "tmux"
    assert env.clients == {"neomutt": "/usr/bin/neomutt", "xdg-open": "/usr/bin/xdg-open"}
    assert not env.desktop_possible


def test_desktop_linux_and_macos_and_windows():
    linux = detect({"WAYLAND_DISPLAY": "wayland-0"}, fake_which("xdg-open"), "linux")
    assert linux.display and linux.opener == ("/usr/bin/xdg-open",) and linux.desktop_possible
    mac = detect({}, fake_which("open"), "darwin")
    assert mac.platform == "macos" and mac.display and mac.opener == ("/usr/bin/open",)
    mac_ssh = detect({"SSH_TTY": "/dev/pts/1"}, fake_which("open"), "darwin")
    assert not mac_ssh.display
    win = detect({}, fake_which(), "win32")
    assert win.platform == "windows" and win.opener == ("startfile",)


def test_mailer_program_is_looked_up():
    env = detect({"MAILER": "mymail --compose"}, fake_which("mymail"), "linux")
    assert env.mailer == "mymail --compose" and env.clients["mymail"] == "/usr/bin/mymail"


# --- methods ---------------------------------------------------------------------------------


def test_over_ssh_terminal_options_lead_and_desktop_says_why():
    env = detect({"SSH_CONNECTION": "x", "TMUX": "1"}, fake_which("neomutt", "xdg-open"), "linux")
    plan = methods.plan(env)
    assert [m.id for m in plan] == ["terminal", "clipboard", "eml", "smtp", "desktop"]
    desk = plan[-1]
    assert not desk.available and desk.reason == "ssh_no_display"
    assert plan[1].note == "tmux_clipboard"
    assert plan[0].client.kind == "neomutt"


def test_desktop_first_with_display_and_preferred_method_leads():
    env = detect({"DISPLAY": ":0"}, fake_which("xdg-open"), "linux")
    plan = methods.plan(env)
    assert plan[0].id == "desktop" and plan[0].available
    term = next(m for m in plan if m.id == "terminal")
    assert not term.available and term.reason == "no_terminal_client"
    assert methods.plan(env, preferred="eml")[0].id == "eml"
    # a preferred method that cannot work here does not lead
    assert methods.plan(env, preferred="terminal")[0].id == "desktop"


def test_send_only_clients_are_explained():
    env = detect({}, fake_which("s-nail"), "linux")
    term = next(m for m in methods.plan(env) if m.id == "terminal")
    assert not term.available and term.reason == "send_only_client" and term.detail == "s-nail"
    desk = next(m for m in methods.plan(env) if m.id == "desktop")
    assert desk.reason == "no_display"


# --- terminal argv ---------------------------------------------------------------------------


def test_known_clients_argv():
    path = "/tmp/my drafts/draft.eml"
    assert terminal.client_argv(terminal.TerminalClient("neomutt", "/usr/bin/neomutt", "neomutt"), path) == [
        "/usr/bin/neomutt",
        "-H",
        path,
    ]
    assert terminal.client_argv(terminal.TerminalClient("aerc", "aerc", "aerc"), path, "mailto:a@b") == [
        "aerc",
        "mailto:a@b",
    ]


def test_template_is_split_without_a_shell_and_placeholders_stay_one_argument():
    evil = "/tmp/x; rm -rf ~ $(id)/draft.eml"
    assert terminal.template_argv("neomutt -F '/my rc' -H {file}", evil) == ["neomutt", "-F", "/my rc", "-H", evil]
    assert terminal.template_argv("mymail", evil) == ["mymail", evil]
    assert terminal.template_argv("aerc {mailto}", "f", "mailto:x") == ["aerc", "mailto:x"]
    assert terminal.template_argv("m --opt={0.__class__} {file}", "f") == ["m", "--opt={0.__class__}", "f"]


def test_find_client_prefers_config_then_mailer():
    env = detect({"MAILER": "mutt"}, fake_which("neomutt", "mutt"), "linux", configured_command="neomutt -H {file}")
    assert terminal.find_client(env) == terminal.TerminalClient("config", "neomutt -H {file}", "template")
    env = detect({"MAILER": "mutt"}, fake_which("neomutt", "mutt"), "linux")
    assert terminal.find_client(env) == terminal.TerminalClient("$MAILER", "/usr/bin/mutt", "mutt")
    env = detect({"MAILER": "missing-program"}, fake_which("aerc"), "linux")
    assert terminal.find_client(env).kind == "aerc"


# --- mailto ----------------------------------------------------------------------------------


def test_mailto_encodes_reserved_characters_and_line_breaks():
    url = mailto.mailto_url("support@okx.com", "a&b=c?d #1 +/", "line 1\nline 2\r\nend")
    assert url == ("mailto:support@okx.com?subject=a%26b%3Dc%3Fd%20%231%20%2B%2F&body=line%201%0D%0Aline%202%0D%0Aend")


def test_mailto_utf8_round_trip():
    url = mailto.mailto_url("support@okx.com", SUBJECT, BODY)
    query = url.split("?", 1)[1]
    fields = dict(pair.split("=", 1) for pair in query.split("&"))
    assert set(fields) == {"subject", "body"}
    assert unquote(fields["subject"]) == SUBJECT
    assert unquote(fields["body"]) == BODY.replace("\n", "\r\n")
    assert all(ord(c) < 128 for c in url)


def test_mailto_address_local_part_is_encoded_but_not_the_separator():
    assert mailto.mailto_url('"not@me"@example.org', "", "") == "mailto:%22not%40me%22@example.org"
    assert mailto.mailto_url("a@x.org, b@y.org", "", "") == "mailto:a@x.org,b@y.org"


def test_subject_line_breaks_cannot_add_fields():
    url = mailto.mailto_url("a@b.org", "hi\r\nBcc: evil@x.org", "")
    assert unquote(url.split("subject=")[1]) == "hi Bcc: evil@x.org"


def test_fit_shortens_long_bodies():
    short = mailto.fit("a@b.org", "s", "x" * 100, "see file")
    assert not short.shortened
    long = mailto.fit("a@b.org", "s", "长" * 1000, "see file")
    assert long.shortened and long.url.endswith("body=see%20file") and len(long.url) <= mailto.SAFE_LENGTH


# --- .eml files ------------------------------------------------------------------------------


def test_save_eml_is_private_marked_unsent_and_never_overwrites(tmp_path):
    msg = make_message(subject="充值 / ../../etc/passwd: 未到账")
    before = msg.as_bytes()
    first = eml.save(msg, tmp_path)
    second = eml.save(msg, tmp_path)
    assert first.parent == tmp_path and second.parent == tmp_path and first != second
    assert "/" not in first.name[len("okx-support-") :] and ".." not in first.name
    assert "充值" in first.name and first.suffix == ".eml"
    assert stat.S_IMODE(first.stat().st_mode) == 0o600
    parsed = email.message_from_bytes(first.read_bytes(), policy=email.policy.default)
    assert parsed["X-Unsent"] == "1"
    assert str(parsed["Subject"]) == "充值 / ../../etc/passwd: 未到账"
    assert parsed.get_body(("plain",)).get_content().replace("\r\n", "\n").rstrip("\n") == BODY
    assert b"\r\n" in first.read_bytes() and b"\n" not in first.read_bytes().replace(b"\r\n", b"")
    assert msg.as_bytes() == before  # the caller's message is not changed
    assert len(parsed.get_all("X-Unsent")) == 1


def test_save_eml_default_dir_falls_back_to_cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("platformdirs.user_documents_dir", lambda: str(tmp_path / "missing"))
    assert eml.save(make_message()).parent == tmp_path


def test_temporary_draft_is_private_and_removed():
    with eml.temporary_draft(make_message()) as path:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        assert b"\r\n" not in path.read_bytes()
    assert not path.exists() and not path.parent.exists()


# --- desktop opener (a recording stub stands in for xdg-open) ---------------------------------


@pytest.fixture
def stub_opener(tmp_path):
    record = tmp_path / "argv.txt"
    script = tmp_path / "opener"
    script.write_text(
        f"#!{sys.executable}\nimport sys\nopen({str(record)!r}, 'w', encoding='utf-8').write('\\n'.join(sys.argv[1:]))\n"
    )
    script.chmod(0o700)
    return Environment(display=True, opener=(str(script),)), record


def test_desktop_opener_receives_the_exact_url(stub_opener, tmp_path):
    env, record = stub_opener
    result = desktop.open_in_client(make_message(), env, "see {path}", tmp_path / "saved")
    expected = mailto.mailto_url("support@okx.com", SUBJECT, BODY)
    assert record.read_text(encoding="utf-8") == expected == result.url
    assert not result.shortened and result.eml_path is None and not (tmp_path / "saved").exists()


def test_desktop_over_length_opens_a_pointer_and_saves_the_eml(stub_opener, tmp_path):
    env, record = stub_opener
    body = "充值没有到账。" * 200
    result = desktop.open_in_client(make_message(body=body), env, "Full text: {path}", tmp_path / "saved")
    assert result.shortened and result.eml_path.is_file()
    expected = mailto.mailto_url("support@okx.com", SUBJECT, f"Full text: {result.eml_path}")
    assert record.read_text(encoding="utf-8") == expected == result.url
    assert len(expected) <= mailto.SAFE_LENGTH
    saved = email.message_from_bytes(result.eml_path.read_bytes(), policy=email.policy.default)
    assert saved.get_body(("plain",)).get_content().strip() == body


def test_no_shell_anywhere_in_the_handoff_code():
    root = Path(eml.__file__).parent
    sources = [p.read_text(encoding="utf-8") for p in root.glob("*.py")]
    screen = root.parent / "ui" / "screens" / "handoff.py"
    if screen.exists():
        sources.append(screen.read_text(encoding="utf-8"))
    for text in sources:
        assert "shell=True" not in text and "os.system" not in text and "os.popen" not in text
