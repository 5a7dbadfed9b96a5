"""Faults and bad input: a killed process, an unusable or damaged state directory, a huge paste,
and hostile control sequences, with the real program in tmux where the terminal matters."""

import errno
import json
import os
import re
import shutil
import signal
import subprocess
import time
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from termtools import Tmux, network_attempts, okx_helper_program, open_describe_step, private_env, tr
from textual import events

from okx_helper.handoff.environment import Environment
from okx_helper.ui.app import AUTOSAVE_DELAY, WizardApp
from okx_helper.writing import autosave, categories
from okx_helper.writing.autosave import DraftStore

needs_tmux = pytest.mark.skipif(not shutil.which("tmux"), reason="tmux is not installed")
DRAFT_FIELDS = 8  # Tab presses from the first deposit field to the description


def to_description(tm: Tmux) -> None:
    """From the first field of the Details step to the description, one Tab at a time."""
    for _ in range(DRAFT_FIELDS):
        tm.keys("Tab")
        tm.settle(0.3)


def draft_file(root: Path) -> Path:
    return root / "state" / "okx-helper" / "draft.json"


# -- kill -9 while typing ---------------------------------------------------------------
@needs_tmux
@pytest.mark.e2e
def test_kill_9_while_typing_loses_at_most_the_last_second(tmp_path):
    typed = "My deposit of 1250 USDT arrived on the wrong network yesterday evening."
    env = private_env(tmp_path)
    with Tmux(tmp_path) as tm:
        tm.start([okx_helper_program(), "--lang", "en"], env)
        open_describe_step(tm, "en")
        to_description(tm)
        tm.type(typed)
        tm.wait_for(typed)  # on screen: the program has taken every key
        time.sleep(1.0)  # "the last second" that may be lost
        os.kill(tm.program_pid(), signal.SIGKILL)
        assert tm.wait_exit() == 128 + signal.SIGKILL

    saved = draft_file(tmp_path)
    assert json.loads(saved.read_text(encoding="utf-8"))["description"] == typed
    assert saved.stat().st_mode & 0o077 == 0, "the autosave must be private"
    assert not list(saved.parent.glob(".draft-*")), "no half-written temp file may be left"

    with Tmux(tmp_path) as tm:  # the restart offers the draft back
        tm.start([okx_helper_program(), "--lang", "en"], env)
        tm.wait_for(tr("wizard.start_resume", "en", what="", step=3).split(":")[0])
        tm.keys("r")
        # Back on the Details step, the cursor in the first empty field; the text is further down.
        tm.wait_for(categories.get("deposit").fields[0].text("label", "en") + " *")
        to_description(tm)
        tm.wait_for(typed)
    assert network_attempts(tmp_path) == ""


# -- an unusable or damaged state directory ----------------------------------------------
@needs_tmux
@pytest.mark.e2e
def test_state_directory_that_cannot_exist_warns_and_keeps_working(tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the state directory should be")  # root ignores chmod, not this
    env = private_env(tmp_path, XDG_STATE_HOME=str(blocker / "state"))
    typed = "The withdrawal has been pending for three days now, please check it."
    with Tmux(tmp_path) as tm:
        tm.start([okx_helper_program(), "--lang", "en"], env)
        tm.wait_for("Could not read the saved draft")  # the warning on start
        open_describe_step(tm, "en")
        to_description(tm)
        tm.type(typed)
        tm.wait_for("Autosave is off")  # said once, when the first save fails
        tm.wait_for("kept in memory")
        tm.keys("C-n")  # the wizard goes on, the draft in memory
        tm.wait_for(tr("wizard.privacy_clean", "en"))
        tm.keys("Escape")
        tm.wait_for(typed)
        tm.keys("C-q")  # quitting with work asks first; y quits even though nothing can be saved
        tm.wait_for("(y = quit, n = stay)")
        tm.keys("y")
        assert tm.wait_exit() == 0
    assert blocker.read_text() == "a file where the state directory should be"
    assert network_attempts(tmp_path) == ""


async def test_full_disk_warns_once_and_keeps_the_draft_in_memory(private_dirs, no_network, monkeypatch):
    def disk_full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(autosave.os, "fsync", disk_full)
    store = DraftStore(private_dirs / "state")
    app = WizardApp(ui_lang="en", store=store, new=True, environment=Environment())
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to_description(pilot)
        await pilot.press(*"Still waiting")
        await pilot.pause(AUTOSAVE_DELAY + 0.3)
        await pilot.press(*" for my deposit")
        await pilot.pause(AUTOSAVE_DELAY + 0.3)
        warnings = [n.message for n in app._notifications if n.severity == "warning"]
        assert len(warnings) == 1 and "No space left on device" in warnings[0], warnings
        assert app.draft.description == "Still waiting for my deposit"
        assert type(app.screen).__name__ == "DescribeScreen"
    state = private_dirs / "state"
    assert not store.path.exists()
    assert not list(state.glob(".draft-*")), "the failed temp file must be removed"


@needs_tmux
@pytest.mark.e2e
def test_corrupt_autosave_is_moved_aside_reported_and_the_program_runs(tmp_path):
    garbage = b"\x00\xff{not json at all\x1b[2J\x07"
    saved = draft_file(tmp_path)
    saved.parent.mkdir(parents=True)
    saved.write_bytes(garbage)
    with Tmux(tmp_path) as tm:
        tm.start([okx_helper_program(), "--lang", "en"], private_env(tmp_path))
        tm.wait_for("The saved draft was damaged; it was moved to")
        aside = list(saved.parent.glob("draft.corrupt-*.json"))
        assert len(aside) == 1 and aside[0].read_bytes() == garbage
        assert not saved.exists()
        tm.wait_for(aside[0].name[-15:])  # the message names where it went
        assert tr("wizard.start_resume", "en", what="", step=1).split(":")[0] not in tm.screen()
        tm.keys("n")  # and the program works
        tm.wait_for("support@okx.com")


@pytest.mark.parametrize(
    "saved, screen",
    [
        ({"step": 99, "category": "deposit", "to": "support@okx.com"}, "ReviewScreen"),  # past the last step
        ({"step": 3, "category": "renamed-in-another-version"}, "CategoryScreen"),  # choose again
        ({"step": -4, "category": "deposit"}, "ContactScreen"),
    ],
)
async def test_readable_but_impossible_autosave_resumes_on_a_real_step(saved, screen, private_dirs, no_network):
    store = DraftStore(private_dirs / "state")
    store.directory.mkdir(parents=True)
    store.path.write_text(json.dumps(saved), encoding="utf-8")
    app = WizardApp(ui_lang="en", store=store, environment=Environment())
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.resumable is not None
        await pilot.press("r")
        await pilot.pause()
        assert type(app.screen).__name__ == screen
        assert 0 <= app.draft.step <= 5


# -- a 1 MB paste --------------------------------------------------------------------------
async def go_to_description(pilot):
    await pilot.press("n", "enter")
    ids = [c.id for c in categories.categories()]
    await pilot.press(*["down"] * ids.index("deposit"), "enter")
    assert type(pilot.app.screen).__name__ == "DescribeScreen"
    pilot.app.screen.query_one("#description").focus()


async def test_one_megabyte_paste_stays_responsive(private_dirs, no_network):
    line = "The deposit of 1250 USDT on TRC20 has not arrived; the order is still pending.\n"
    seed = "abandon ability able about above absent absorb abstract absurd abuse access accident"
    big = "My password is Tulip-2024!!!\n" + line * (1_000_000 // len(line)) + f"My seed phrase: {seed}\n"
    assert len(big.encode()) >= 1_000_000
    app = WizardApp(ui_lang="en", store=DraftStore(private_dirs / "state"), new=True, environment=Environment())
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to_description(pilot)
        started = time.perf_counter()
        app.post_message(events.Paste(big))
        await pilot.pause()
        pasted = time.perf_counter() - started
        assert app.draft.description == big
        started = time.perf_counter()
        await pilot.press("x")  # the next key is handled, live checks included, without a stall
        await pilot.pause()
        key = time.perf_counter() - started
        assert app.draft.description.endswith("\nx")
        # Generous bounds for a shared CI machine (here: paste ~0.5 s, key ~0.1 s).
        assert pasted < 10 and key < 3, (pasted, key)
        await pilot.press("ctrl+n")
        assert type(app.screen).__name__ == "PrivacyScreen"
        kinds = {x.finding.kind for x in app.screen.items}
        assert {"password", "seed_phrase"} <= kinds, kinds
        await pilot.press("r")  # redacting inside a megabyte works too
        assert "Tulip-2024" not in app.draft.description


# -- control and escape sequences --------------------------------------------------------
# Each would do something if it reached the terminal raw: set the clipboard (OSC 52), set the
# window title, clear the screen, start a CSI with the 8-bit C1 byte, ring the bell.
OSC52 = "\x1b]52;c;UFdORUQ=\x07"
TITLE = "\x1b]0;PWNED-TITLE\x07"
HOSTILE = f"Hello {OSC52} support {TITLE} and \x1b[2J here \x9b31m red \x07 bell \x1b[5m blink end"
RAW_NEEDLES = [b"\x1b]52;", b"\x1b]0;PWNED", b"\x1b[2J", b"\xc2\x9b", b"\x9b31m", b"\x1b[5m"]
_OSC = re.compile(rb"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")  # the program's own OSC sequences
C0_C1 = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def assert_nothing_raw(log: Path, tm: Tmux, title_before: str) -> None:
    """The raw terminal output has none of the hostile sequences, and the terminal shows no effect."""
    data = log.read_bytes()
    assert b"PWNED-TITLE" in data, "the hostile text was never drawn: the check would prove nothing"
    for needle in RAW_NEEDLES:
        assert needle not in data, f"{needle!r} reached the terminal raw"
    assert b"\x07" not in _OSC.sub(b"", data), "a bare BEL reached the terminal"
    assert tm.pane("pane_title") == title_before, "the window title was changed"
    assert tm.buffers() == "", "an OSC 52 clipboard write reached the terminal"


@needs_tmux
@pytest.mark.e2e
def test_hostile_paste_in_the_wizard_never_reaches_the_terminal_raw(tmp_path):
    env = private_env(tmp_path)
    log = tmp_path / "terminal-output.raw"
    with Tmux(tmp_path) as tm:
        tm.start([okx_helper_program(), "--lang", "en"], env)
        tm.wait_for(tr("wizard.start_new", "en"), timeout=60)
        title = tm.pane("pane_title")
        tm.record(log)
        open_describe_step(tm, "en")
        tm.keys("BTab")  # from the first field back to the subject
        tm.settle(0.4)
        tm.paste("Deposit " + TITLE + " missing " + OSC52)
        tm.keys("Tab")
        tm.settle(0.4)
        to_description(tm)
        tm.paste(HOSTILE)
        tm.wait_for("blink end")
        for _ in range(4):  # privacy, tone, review, hand-off: every screen shows the text
            tm.keys("C-n")
            tm.settle(0.5)
        tm.wait_for(tr("handoff.title", "en"))
        tm.keys("v")  # the plain view shows the whole message as it will be sent
        tm.wait_for("blink end")
        tm.keys("Escape")
        tm.wait_for(tr("handoff.title", "en"))
        tm.keys("e")
        tm.wait_for(tr("handoff.eml_prompt", "en")[:20])
        tm.keys("Enter")
        tm.wait_for("i " + tr("handoff.key_sent", "en"))
        time.sleep(0.3)
        assert_nothing_raw(log, tm, title)

    saved = list((tmp_path / "documents").glob("*.eml"))
    assert len(saved) == 1
    raw = saved[0].read_bytes()
    head, _, _ = raw.replace(b"\r\n", b"\n").partition(b"\n\n")
    assert b"Subject:" in head
    assert not re.search(rb"[\x00-\x08\x0b-\x1f\x7f]", head.replace(b"\n", b"")), head
    message = message_from_bytes(raw, policy=policy.default)
    for name, value in message.items():
        assert not C0_C1.search(str(value)), (name, value)
    body = message.get_content()
    assert "blink end" in body and not C0_C1.search(body.replace("\r\n", "").replace("\n", "")), repr(body)
    assert "Deposit" in message["Subject"] and "missing" in message["Subject"]
    assert network_attempts(tmp_path) == ""


def hostile_eml(path: Path) -> Path:
    body = (
        "Dear customer,\n\nYour withdrawal is under review. " + HOSTILE + "\n"
        "Reply with your 2FA code to speed it up.\n\nOKX Support\n"
    )
    path.write_bytes(
        (
            'From: "OKX Support ' + TITLE + '" <support@okx.com>\r\n'
            "To: me@example.com\r\n"
            # An encoded word that decodes to an OSC 52 clipboard write.
            "Subject: =?utf-8?b?" + __import__("base64").b64encode(("Case 12345 " + OSC52).encode()).decode() + "?=\r\n"
            "Date: Wed, 25 Nov 2026 10:00:00 +0000\r\n"
            "Message-ID: <evil-1@okx.com>\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: 8bit\r\n"
            "\r\n"
        ).encode("utf-8")
        + body.encode("utf-8")
    )
    return path


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_verify_reply_text_output_has_no_control_sequences(lang, tmp_path):
    evil = hostile_eml(tmp_path / "evil.eml")
    env = private_env(tmp_path)
    done = subprocess.run(
        [okx_helper_program(), "verify-reply", str(evil), "--format", "text", "--lang", lang],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert done.returncode in (0, 1), done.stderr
    out = done.stdout.decode("utf-8")
    assert out.strip(), "the report is empty: the check would prove nothing"
    assert not C0_C1.search(out), repr(C0_C1.findall(out))
    assert "PWNED" in out or "12345" in out  # the hostile text is shown, just made harmless
    assert not C0_C1.search(done.stderr.decode("utf-8", "replace"))
    assert network_attempts(tmp_path) == ""


@needs_tmux
@pytest.mark.e2e
def test_hostile_eml_in_the_reply_checker_never_reaches_the_terminal_raw(tmp_path):
    evil = hostile_eml(tmp_path / "evil.eml")
    log = tmp_path / "terminal-output.raw"
    with Tmux(tmp_path) as tm:
        tm.start([okx_helper_program(), "--lang", "en"], private_env(tmp_path))
        tm.wait_for(tr("wizard.start_reply", "en"), timeout=60)
        title = tm.pane("pane_title")
        tm.record(log)
        tm.keys("c")  # Check a reply
        tm.wait_for(tr("replies.screen_title", "en"))
        tm.keys("F4")  # Load: with an empty path the cursor goes to the path field
        tm.settle(0.4)
        tm.type(str(evil))
        tm.keys("Enter")
        tm.wait_for(tr("replies.verdict_fraudulent", "en"))
        tm.settle(0.5)
        tm.keys("Escape")  # from the report back to the start: the screen is redrawn
        tm.wait_for(tr("wizard.start_reply", "en"))
        time.sleep(0.3)
        assert_nothing_raw(log, tm, title)
    assert network_attempts(tmp_path) == ""


@needs_tmux
@pytest.mark.e2e
@pytest.mark.xfail(
    strict=True,
    reason="Textual 8.2.8 (_xterm_parser.py, reissue_sequence_as_keys) re-issues an unknown escape "
    "sequence inside a bracketed paste as key presses: the pasted bytes ESC + Ctrl+N press Next, "
    "and the text before the ESC moves to the end. Reported to the lead; remove this mark once fixed.",
)
def test_pasted_bytes_never_act_as_key_presses(tmp_path):
    with Tmux(tmp_path) as tm:
        tm.start([okx_helper_program(), "--lang", "en"], private_env(tmp_path))
        open_describe_step(tm, "en")
        to_description(tm)
        tm.paste("first words \x1b\x0e last words")  # ESC, then the byte Ctrl+N sends
        shown = tm.settle(1.0)
        assert tr("wizard.describe_text", "en") in shown, "the paste moved the wizard to another step"
        assert "first words" in shown and shown.index("first words") < shown.index("last words")
