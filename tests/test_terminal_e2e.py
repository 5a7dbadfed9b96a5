"""The installed okx-helper in a real terminal (tmux, 80x24): all six steps with keys only."""
import shutil

import pytest

from termtools import Tmux, check_eml, okx_helper_program, private_env, walk_wizard

pytestmark = pytest.mark.skipif(not shutil.which("tmux"), reason="tmux is not installed")


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
