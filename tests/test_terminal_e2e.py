"""The installed okx-helper in a real terminal (tmux, 80x24): all six steps with keys only."""

import json
import shutil
import subprocess
import sys

import pytest
from termtools import (
    FIELDS,
    Tmux,
    check_eml,
    network_attempts,
    okx_helper_program,
    open_describe_step,
    private_env,
    tr,
    walk_wizard,
)

from okx_helper.writing import categories

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(not shutil.which("tmux"), reason="tmux is not installed")]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_six_steps_in_tmux_write_the_eml(lang, tmp_path):
    env = private_env(tmp_path)
    with Tmux(tmp_path, 80, 24) as tm:
        tm.start([okx_helper_program(), "--lang", lang], env)
        saved = walk_wizard(tm, lang, tmp_path / "documents")
        # Nothing is left to lose, so Ctrl+Q quits at once, with exit code 0.
        tm.keys("C-q")
        assert tm.wait_exit() == 0
    check_eml(saved, lang)
    assert saved.stat().st_mode & 0o077 == 0, "the .eml must be readable by its owner only"
    # The sent draft is not offered back next time.
    assert not (tmp_path / "state" / "okx-helper" / "draft.json").exists()
    assert network_attempts(tmp_path) == "", "the wizard opened a network connection by itself"


def test_network_guard_would_catch_a_connection(tmp_path):
    """The guard the terminal tests rely on does refuse and record a connection attempt."""
    code = "import socket\ntry:\n    socket.create_connection(('127.0.0.1', 9), timeout=1)\nexcept OSError:\n    pass\n"
    subprocess.run([sys.executable, "-c", code], env=private_env(tmp_path), check=True, timeout=30)
    assert "getaddrinfo('127.0.0.1')" in network_attempts(tmp_path)


def test_f2_f3_switch_languages_and_ctrl_q_keeps_the_draft(tmp_path):
    env = private_env(tmp_path)
    time_label = categories.get("deposit").fields[0].text("label", "zh")
    with Tmux(tmp_path, 80, 24) as tm:
        tm.start([okx_helper_program(), "--lang", "en"], env)
        open_describe_step(tm, "en")
        tm.type(FIELDS["time"])
        tm.wait_for(FIELDS["time"])
        tm.keys("F2")  # the interface in Chinese, the typed value kept
        tm.wait_for(tr("wizard.step_describe", "zh"))
        tm.wait_for(time_label)
        tm.wait_for(FIELDS["time"])
        tm.keys("F3")  # the email in Chinese too
        tm.wait_for(tr("wizard.email_lang", "zh", lang=tr("wizard.lang_zh", "zh")))
        tm.keys("F2")
        tm.wait_for(tr("wizard.step_describe", "en"))
        tm.keys("C-q")  # there is work: asked first
        tm.wait_for(tr("wizard.confirm_quit", "en").split("\n")[0])
        tm.keys("y")
        assert tm.wait_exit() == 0
    saved = json.loads((tmp_path / "state" / "okx-helper" / "draft.json").read_text(encoding="utf-8"))
    assert saved["fields"]["time"] == FIELDS["time"] and saved["email_lang"] == "zh" and saved["step"] == 2
    assert network_attempts(tmp_path) == ""
