import os
import stat

import pytest

from okx_helper.writing.autosave import DraftStore
from okx_helper.writing.draft import Draft


def test_save_then_load_gives_the_draft_back_privately(tmp_path):
    store = DraftStore(tmp_path / "state")
    draft = Draft(category="deposit", description="存款未到账")
    assert store.save(draft)
    assert stat.S_IMODE(os.stat(store.path).st_mode) == 0o600
    assert store.load() == draft
    assert [p.name for p in (tmp_path / "state").iterdir()] == ["draft.json"]  # no temp files left


def test_no_draft_means_none(tmp_path):
    assert DraftStore(tmp_path).load() is None


def test_corrupt_draft_is_moved_aside_and_reported(tmp_path):
    store = DraftStore(tmp_path)
    store.path.write_text("{not json", encoding="utf-8")
    assert store.load() is None
    assert "damaged" in store.warning
    kept = list(tmp_path.glob("draft.corrupt-*.json"))
    assert len(kept) == 1 and kept[0].read_text() == "{not json"


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores directory permissions")
def test_read_only_directory_keeps_working_in_memory(tmp_path):
    tmp_path.chmod(0o500)
    try:
        store = DraftStore(tmp_path / "state")
        assert not store.save(Draft())
        assert "memory" in store.warning
    finally:
        tmp_path.chmod(0o700)


def test_unwritable_location_is_reported_not_raised(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    store = DraftStore(blocker / "state")  # a path under a regular file can never be created
    assert not store.save(Draft())
    assert "memory" in store.warning


def test_discard_removes_the_file(tmp_path):
    store = DraftStore(tmp_path)
    store.save(Draft())
    store.discard()
    assert store.load() is None
    store.discard()  # twice is fine


def test_warnings_speak_the_interface_language(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    store = DraftStore(blocker / "state", lang="zh")
    assert not store.save(Draft())
    assert "自动保存" in store.warning
