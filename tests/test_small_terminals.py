"""Small and odd terminals: 60x20 still finishes, TERM=dumb is refused plainly, NO_COLOR is obeyed."""

import os
import pty
import select
import shutil
import subprocess
import time

import pytest
from termtools import Tmux, check_eml, hued_colours, network_attempts, okx_helper_program, private_env, tr, walk_wizard

needs_tmux = pytest.mark.skipif(not shutil.which("tmux"), reason="tmux is not installed")


@needs_tmux
@pytest.mark.e2e
def test_60x20_terminal_still_lets_the_user_finish(tmp_path):
    env = private_env(tmp_path)
    with Tmux(tmp_path, 60, 20) as tm:
        tm.start([okx_helper_program(), "--lang", "en"], env)
        # F10 is the other "next" key, for terminals and multiplexers that take Ctrl+N.
        saved = walk_wizard(tm, "en", tmp_path / "documents", next_keys=("F10",))
        assert all(len(line) <= 60 for line in tm.screen().splitlines())
        tm.keys("C-q")
        assert tm.wait_exit() == 0
    check_eml(saved, "en")
    assert network_attempts(tmp_path) == ""


def run_in_pty(argv: list[str], env: dict[str, str], timeout: float = 30.0) -> tuple[int, str]:
    """Run argv with a pseudo-terminal as stdin/stdout/stderr; its exit code and everything it wrote."""
    master, slave = pty.openpty()
    process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
    os.close(slave)
    output = b""
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(master, 4096)
                except OSError:  # EIO: the program closed the terminal
                    break
                if not chunk:
                    break
                output += chunk
            elif process.poll() is not None:
                break
        code = process.wait(timeout=max(1.0, deadline - time.monotonic()))
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(master)
    return code, output.decode("utf-8", "replace")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_dumb_terminal_is_refused_with_a_clear_message(lang, tmp_path):
    env = private_env(tmp_path, TERM="dumb")
    code, output = run_in_pty([okx_helper_program(), "--lang", lang], env)
    assert code == 2, output
    assert "TERM=dumb" in output
    assert tr("wizard.dumb_terminal", lang) in output
    # Nothing but the message: no attempt to draw the interface (no escape sequences at all).
    assert "\x1b" not in output, repr(output)


@needs_tmux
@pytest.mark.e2e
def test_no_color_is_respected(tmp_path):
    captured = {}
    for name, extra in (("colour", {}), ("no_color", {"NO_COLOR": "1"})):
        root = tmp_path / name
        root.mkdir()
        with Tmux(root, 80, 24) as tm:
            tm.start([okx_helper_program(), "--lang", "en"], private_env(root, **extra))
            tm.wait_for(tr("wizard.start_new", "en"), timeout=60)
            tm.keys("n")  # a step screen too, with its highlighted step and the option list
            tm.wait_for("support@okx.com")
            tm.settle(0.5)
            captured[name] = tm.screen(escapes=True)
            tm.keys("C-q")
            tm.wait_exit()
    # The same screens are drawn in colour normally (so the check below can tell the difference) …
    assert hued_colours(captured["colour"])
    # … and with NO_COLOR=1 without any hue: Textual draws in shades of grey (contrast stays,
    # focus and highlights stay visible), bold and reverse.
    assert hued_colours(captured["no_color"]) == [], captured["no_color"][:2000]
    assert "support@okx.com" in captured["no_color"]
