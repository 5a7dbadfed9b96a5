import socket

import pytest


@pytest.fixture
def no_network(monkeypatch):
    """Make every attempt to open an internet socket raise: the product must not need one.

    Unix sockets stay allowed: asyncio's event loop wakes itself through a socketpair.
    """
    real_init = socket.socket.__init__

    def guarded(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None and family in (-1, socket.AF_INET, socket.AF_INET6):
            raise OSError("network access is blocked in this test")
        real_init(self, family, type, proto, fileno)

    def refuse(*args, **kwargs):
        raise OSError("network access is blocked in this test")

    monkeypatch.setattr(socket.socket, "__init__", guarded)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield


@pytest.fixture
def private_dirs(tmp_path, monkeypatch):
    """Point every XDG directory at tmp_path so no test touches the user's real files."""
    for name in ("DATA", "STATE", "CONFIG", "CACHE"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(tmp_path / name.lower()))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path / "documents"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "documents").mkdir()
    (tmp_path / "home").mkdir()
    return tmp_path


@pytest.fixture
def memory_keyring():
    """The process-wide keyring replaced by one in memory for the test; its `items` are the secrets."""
    import keyring
    from memory_keyring import MemoryKeyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
