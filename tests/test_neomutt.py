"""The terminal hand-off against a real neomutt in tmux: Chinese subject and body, then quit unsent."""

import os
import shutil
import subprocess
import sys
import time
import uuid

import pytest

from okx_helper.handoff import eml, terminal
from okx_helper.handoff.environment import detect

NEOMUTT, TMUX = shutil.which("neomutt"), shutil.which("tmux")
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not (NEOMUTT and TMUX),
        reason="needs neomutt and tmux on PATH (CI installs them: apt-get install neomutt tmux)",
    ),
]

SUBJECT = "充值未到账：USDT（TRC20）"
BODY = "您好，\n我在 2024-05-01 充值的 USDT 还没有到账。\nTxID：abc123\n谢谢！"
TO = "support@okx.com"


def make_message():
    from okx_helper.writing.compose import new_message

    return new_message(to=TO, subject=SUBJECT, body=BODY, from_addr="用户 <user@example.com>")


class Tmux:
    """One private tmux server (its own socket), killed at the end."""

    def __init__(self, home):
        self.socket = f"okx-test-{uuid.uuid4().hex[:8]}"
        self.env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": str(home), "TERM": "xterm-256color"}
        self.env.pop("TMUX", None)
        conf = home / "tmux.conf"
        conf.write_text("set -g remain-on-exit on\n")
        self.base = [TMUX, "-L", self.socket, "-f", str(conf)]

    def run(self, *args):
        return subprocess.run(self.base + list(args), env=self.env, capture_output=True, text=True, timeout=10)

    def screen(self):
        return self.run("capture-pane", "-p", "-t", "okx").stdout

    def pane(self, fmt):
        return self.run("display-message", "-p", "-t", "okx", fmt).stdout.strip()

    def kill(self):
        self.run("kill-server")


def wait_for(predicate, what, tmux, limit=15.0):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        screen = tmux.screen()
        if predicate(screen):
            return screen
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}; the screen was:\n{tmux.screen()}")


def test_neomutt_opens_the_draft_with_decoded_chinese_subject_and_body(tmp_path):
    home = tmp_path / "home"
    for sub in ("cur", "new", "tmp"):
        (home / "Mail" / "inbox" / sub).mkdir(parents=True)
    sent_marker = tmp_path / "sendmail-was-called"
    sendmail = tmp_path / "sendmail"
    sendmail.write_text(f"#!{sys.executable}\nopen({str(sent_marker)!r}, 'w').write('sent')\n")
    sendmail.chmod(0o700)
    muttrc = home / "muttrc"
    muttrc.write_text(
        'set charset="utf-8"\nset send_charset="utf-8"\nset editor="/bin/true"\n'
        f'set sendmail="{sendmail}"\nset postpone=no\nset recall=no\nset record=""\n'
        f'set folder="{home}/Mail"\nset spoolfile="{home}/Mail/inbox"\nset mbox_type=Maildir\n'
        f'set postponed="{home}/Mail/postponed"\nset header_cache=""\nset wait_key=no\n'
    )
    env = detect({"SSH_CONNECTION": "x", "MAILER": ""}, lambda p: NEOMUTT if p == "neomutt" else None, "linux")
    client = terminal.find_client(env)
    assert client.kind == "neomutt"

    tmux = Tmux(home)
    try:
        with eml.temporary_draft(make_message()) as draft:
            argv = terminal.client_argv(client, str(draft))
            assert argv == [NEOMUTT, "-H", str(draft)]
            # -n -F: only the test's muttrc, never the machine's.
            argv = [argv[0], "-n", "-F", str(muttrc)] + argv[1:]
            started = tmux.run(
                "new-session",
                "-d",
                "-s",
                "okx",
                "-x",
                "100",
                "-y",
                "30",
                "env",
                f"HOME={home}",
                "LANG=C.UTF-8",
                "LC_ALL=C.UTF-8",
                *argv,
            )
            assert started.returncode == 0, started.stderr

            # Depending on its version, neomutt first asks to confirm To and Subject: accept both.
            deadline = time.monotonic() + 20
            while True:
                screen = tmux.screen()
                if "Compose" in screen and "Attachments" in screen:
                    break
                last = [line for line in screen.splitlines() if line.strip()][-1:] or [""]
                if last[0].startswith(("To:", "Subject:")):
                    tmux.run("send-keys", "-t", "okx", "Enter")
                if time.monotonic() > deadline:
                    pytest.fail(f"neomutt's compose screen did not appear:\n{screen}")
                time.sleep(0.3)

            lines = [line.strip() for line in screen.splitlines()]
            assert f"To: {TO}" in lines
            assert f"Subject: {SUBJECT}" in lines
            assert "user@example.com" in screen

            # View the text part: the body must be decoded from quoted-printable UTF-8.
            tmux.run("send-keys", "-t", "okx", "Enter")
            body_screen = wait_for(lambda s: "TxID" in s, "the body in the pager", tmux)
            for line in BODY.splitlines():
                assert line in body_screen
            tmux.run("send-keys", "-t", "okx", "q")
            wait_for(lambda s: "Compose" in s, "the compose screen again", tmux)

            # Quit without sending; postpone=no means nothing is kept either.
            tmux.run("send-keys", "-t", "okx", "q")
            deadline = time.monotonic() + 10
            while tmux.pane("#{pane_dead}") != "1":
                screen = tmux.screen()
                if "([yes]/no)" in screen or "(yes/[no])" in screen or "yes/no" in screen:
                    # "Abort unmodified message?" or the like: yes, abort.
                    tmux.run("send-keys", "-t", "okx", "y")
                if time.monotonic() > deadline:
                    pytest.fail(f"neomutt did not quit:\n{screen}")
                time.sleep(0.2)
    finally:
        tmux.kill()
    assert not sent_marker.exists(), "neomutt must not have sent anything"
    assert not (home / "Mail" / "postponed").exists()
    assert not draft.exists()  # the private temporary draft is gone
