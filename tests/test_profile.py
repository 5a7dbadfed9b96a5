import os
import stat

import keyring
from keyring.backends import chainer, fail
from memory_keyring import MemoryKeyring

from okx_helper.settings.profile import ENTRY, SERVICE, Profile, ProfileStore, detect_keyring, usable_keyring


class BrokenKeyring(MemoryKeyring):
    """Looks usable, but every call fails, like a locked or vanished Secret Service."""

    def get_password(self, service, username):
        raise RuntimeError("D-Bus connection lost")

    set_password = get_password

    def delete_password(self, service, username):
        raise RuntimeError("D-Bus connection lost")


ME = Profile(email="me@example.com", uid="12345678901234567", nickname="小明", anti_phishing_code="Blue42")


def test_keyring_present_round_trip(tmp_path):
    backend = MemoryKeyring()
    store = ProfileStore(backend=backend, data_dir=tmp_path)
    assert store.location == "keyring"
    assert store.save(ME, country="cn") == "keyring"
    assert (SERVICE, ENTRY) in backend.items
    assert not list(tmp_path.iterdir())  # nothing written to disk

    again = ProfileStore(backend=backend, data_dir=tmp_path)
    assert again.load() == ME
    assert again.country == "CN"
    again.clear()
    assert backend.items == {}
    assert ProfileStore(backend=backend, data_dir=tmp_path).load() == Profile()


def test_keyring_set_globally_is_detected(monkeypatch, tmp_path):
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        assert detect_keyring() is backend
        assert ProfileStore(data_dir=tmp_path).location == "keyring"
        keyring.set_keyring(fail.Keyring())
        assert detect_keyring() is None
        assert ProfileStore(data_dir=tmp_path).location == "session"
    finally:
        keyring.set_keyring(previous)


def test_no_keyring_keeps_profile_for_the_session_only(tmp_path):
    store = ProfileStore(backend=fail.Keyring(), data_dir=tmp_path)
    assert not store.has_keyring
    assert store.location == "session"
    assert store.save(ME) == "session"
    assert store.load() == ME  # still there in this session
    assert not list(tmp_path.iterdir())  # but never silently written to a file
    assert "session" in store.describe("en")
    assert ProfileStore(backend=fail.Keyring(), data_dir=tmp_path).load() == Profile()


def test_unusable_backends():
    assert not usable_keyring(fail.Keyring())
    assert not usable_keyring(None)

    class EmptyChainer(chainer.ChainerBackend):
        backends = []  # what keyring builds when no backend is viable

    class FailOnlyChainer(chainer.ChainerBackend):
        backends = [fail.Keyring()]

    assert not usable_keyring(EmptyChainer())
    assert not usable_keyring(FailOnlyChainer())
    from keyrings.alt.file import PlaintextKeyring

    assert not usable_keyring(PlaintextKeyring())  # unencrypted on disk: only by explicit choice
    assert usable_keyring(MemoryKeyring())


def test_plain_file_only_by_explicit_choice(tmp_path):
    store = ProfileStore(backend=None, data_dir=tmp_path / "data")
    path = store.use_plain_file(ME)
    assert path.is_file()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert store.location == "file"
    assert "plain file" in store.describe("en")
    reopened = ProfileStore(backend=None, data_dir=tmp_path / "data")
    assert reopened.load() == ME
    reopened.save(Profile(email="new@example.com"))
    assert ProfileStore(backend=None, data_dir=tmp_path / "data").load().email == "new@example.com"
    reopened.clear()
    assert not path.exists()


def test_a_failing_keyring_never_crashes(tmp_path):
    store = ProfileStore(backend=BrokenKeyring(), data_dir=tmp_path)
    assert store.location == "keyring"
    assert store.load() == Profile()
    assert store.warning and "D-Bus" in store.warning
    assert store.location == "session"  # fell back after the failure
    assert store.save(ME) == "session"
    assert store.load() == ME
    store.clear()  # no exception either


def test_damaged_keyring_entry_is_ignored(tmp_path):
    backend = MemoryKeyring()
    backend.set_password(SERVICE, ENTRY, "{not json")
    store = ProfileStore(backend=backend, data_dir=tmp_path)
    assert store.load() == Profile()
    assert "damaged" in store.warning
