"""The user's profile (registered email, UID, nickname, anti-phishing code), kept in the keyring.

Over SSH or on a headless box there is often no usable keyring. Then the profile lives in
memory for this session only, unless the user explicitly chooses a plain file (0600 in the
XDG data dir). Nothing here raises because a keyring is missing or misbehaves.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path


@dataclass
class Profile:
    """What identifies the user to support; never secret, but personal."""

    email: str = ""  # the registered email: the message should come from it
    uid: str = ""
    nickname: str = ""
    anti_phishing_code: str = ""


SERVICE = "okx-helper"
ENTRY = "profile"  # the keyring "username" under which the profile JSON is stored
PLAIN_FILE = "profile.json"

# Where the profile is kept.
KEYRING, PLAIN, SESSION = "keyring", "file", "session"


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("okx-helper", appauthor=False))


def _backend_name(backend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__name__}"


def usable_keyring(backend) -> bool:
    """Whether `backend` really keeps secrets: not the fail/null stand-ins, not a plain-text file.

    keyrings.alt's PlaintextKeyring writes secrets unencrypted to disk; using it silently
    would break the promise that a plain file is only used when the user asks for one.
    """
    if backend is None:
        return False
    try:
        from keyring.backends import chainer, fail
    except Exception:  # keyring itself is broken
        return False
    if isinstance(backend, fail.Keyring):
        return False
    name = _backend_name(backend)
    if name.startswith("keyring.backends.null.") or "Plaintext" in name:
        return False
    if isinstance(backend, chainer.ChainerBackend):
        try:
            members = list(backend.backends)
        except Exception:
            return False
        return any(usable_keyring(member) for member in members)
    return True


def detect_keyring():
    """The system keyring backend when one is usable, else None (never raises)."""
    try:
        import keyring

        backend = keyring.get_keyring()
    except Exception:
        return None
    return backend if usable_keyring(backend) else None


def _to_json(profile: Profile, country: str) -> str:
    data = asdict(profile)
    data["country"] = country
    return json.dumps(data, ensure_ascii=False)


def _from_json(raw: str) -> tuple[Profile, str]:
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise ValueError("the stored profile is not a JSON object")
    names = {f.name for f in fields(Profile)}
    profile = Profile(**{k: str(v) for k, v in data.items() if k in names and v is not None})
    return profile, str(data.get("country") or "")


class ProfileStore:
    """Load, save and clear the profile in the best place available.

    `backend` is a keyring backend (default: detected); `data_dir` holds the optional plain file.
    `location` says where the profile lives now: "keyring", "file" or "session".
    `warning` holds the last problem in plain words (None when all is well).
    """

    def __init__(self, *, backend=..., data_dir: Path | str | None = None) -> None:
        self.backend = detect_keyring() if backend is ... else (backend if usable_keyring(backend) else None)
        self.data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
        self.plain_path = self.data_dir / PLAIN_FILE
        self.warning: str | None = None
        self.country = ""  # ISO country for business-day holidays; "" = from the locale
        self._session: Profile | None = None
        self._keyring_failed = False

    # -- where -----------------------------------------------------------------------------
    @property
    def has_keyring(self) -> bool:
        return self.backend is not None and not self._keyring_failed

    @property
    def backend_name(self) -> str:
        return _backend_name(self.backend) if self.backend is not None else ""

    @property
    def location(self) -> str:
        # A plain file exists only because the user chose it: keep honouring that choice.
        if self.plain_path.is_file():
            return PLAIN
        return KEYRING if self.has_keyring else SESSION

    def describe(self, lang: str = "en") -> str:
        """Where the profile is stored, in a sentence for the user."""
        from okx_helper.base.i18n import t

        where = self.location
        if where == KEYRING:
            return t("cases.profile_in_keyring", lang, backend=self.backend_name)
        if where == PLAIN:
            return t("cases.profile_in_file", lang, path=str(self.plain_path))
        return t("cases.profile_in_session", lang)

    # -- load / save / clear -----------------------------------------------------------------
    def load(self) -> Profile:
        """The saved profile, or an empty one; problems end up in `warning`, never raised."""
        where = self.location
        raw = None
        if where == PLAIN:
            try:
                raw = self.plain_path.read_text(encoding="utf-8")
            except OSError as error:
                self.warning = f"could not read {self.plain_path}: {error.strerror or error}"
        elif where == KEYRING:
            try:
                raw = self.backend.get_password(SERVICE, ENTRY)
            except Exception as error:  # locked, D-Bus gone, user cancelled …
                self._keyring_failed = True
                self.warning = f"the keyring could not be read ({type(error).__name__}: {error})"
        if raw:
            try:
                profile, self.country = _from_json(raw)
                self._session = profile
                return profile
            except (ValueError, TypeError) as error:
                self.warning = f"the stored profile is damaged and was ignored ({error})"
        return self._session or Profile()

    def save(self, profile: Profile, country: str | None = None) -> str:
        """Keep the profile; returns where it went ("keyring", "file" or "session")."""
        if country is not None:
            self.country = country.strip().upper()
        self._session = profile
        payload = _to_json(profile, self.country)
        where = self.location
        if where == PLAIN:
            try:
                self._write_plain(payload)
                return PLAIN
            except OSError as error:
                self.warning = f"could not write {self.plain_path} ({error.strerror or error}); kept for this session"
                return SESSION
        if where == KEYRING:
            try:
                self.backend.set_password(SERVICE, ENTRY, payload)
                return KEYRING
            except Exception as error:
                self._keyring_failed = True
                self.warning = (
                    f"the keyring refused the profile ({type(error).__name__}: {error}); kept for this session"
                )
        return SESSION

    def use_plain_file(self, profile: Profile | None = None) -> Path:
        """The user's explicit choice: store the profile unencrypted in a 0600 file.

        Raises OSError when the file cannot be written (the caller shows it).
        """
        if profile is not None:
            self._session = profile
        self._write_plain(_to_json(self._session or Profile(), self.country))
        return self.plain_path

    def clear(self) -> None:
        """Forget the profile everywhere it may be (keyring entry, plain file, memory)."""
        self._session = None
        self.country = ""
        if self.backend is not None:
            try:
                self.backend.delete_password(SERVICE, ENTRY)
            except Exception:  # nothing stored, or the keyring is unavailable: nothing to forget
                pass
        try:
            self.plain_path.unlink()
        except FileNotFoundError:
            pass
        except OSError as error:
            self.warning = f"could not remove {self.plain_path}: {error.strerror or error}"

    def _write_plain(self, payload: str) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, temp = tempfile.mkstemp(prefix=".profile-", suffix=".tmp", dir=self.data_dir)
        try:
            os.fchmod(fd, 0o600) if hasattr(os, "fchmod") else None
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, self.plain_path)
        except BaseException:
            try:
                os.unlink(temp)
            except OSError:
                pass
            raise
