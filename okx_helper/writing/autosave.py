"""Keep the draft on disk as the user types, so a crash or a closed terminal loses nothing.

Writes are atomic (temp file in the same directory, fsync, rename) and private (0600).
A directory that cannot be written leaves the store working in memory with a warning.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

from okx_helper.writing.draft import Draft

FILE_NAME = "draft.json"


def default_state_dir() -> Path:
    from platformdirs import user_state_dir

    return Path(user_state_dir("okx-helper", appauthor=False))


class DraftStore:
    """The autosaved draft in one file under the state directory."""

    def __init__(self, directory: Path | None = None, lang: str = "en") -> None:
        self.lang = lang  # of the warnings, which the wizard shows as they are
        self.directory = Path(directory) if directory is not None else default_state_dir()
        self.path = self.directory / FILE_NAME
        self.warning: str | None = None  # the last problem, for the UI to show once

    def load(self) -> Draft | None:
        """The unfinished draft, or None. A damaged file is moved aside, never deleted."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            self.warning = self._say("unreadable", error=error.strerror or error)
            return None
        try:
            # Bytes that are not UTF-8 count as damage too (UnicodeDecodeError is a ValueError).
            return Draft.from_json(json.loads(raw.decode("utf-8")))
        except (ValueError, TypeError):
            aside = self.path.with_name(f"draft.corrupt-{time.strftime('%Y%m%d-%H%M%S')}.json")
            try:
                os.replace(self.path, aside)
                self.warning = self._say("damaged", path=aside)
            except OSError:
                self.warning = self._say("damaged_stuck")
            return None

    def save(self, draft: Draft) -> bool:
        """Write the draft atomically; False (with self.warning set) when the disk refuses."""
        data = json.dumps(draft.to_json(), ensure_ascii=False, indent=1).encode("utf-8")
        try:
            self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, temp = tempfile.mkstemp(prefix=".draft-", suffix=".tmp", dir=self.directory)
        except OSError as error:
            self.warning = self._say("off", error=error.strerror or error)
            return False
        try:
            with os.fdopen(fd, "wb") as handle:
                os.fchmod(handle.fileno(), 0o600)
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, self.path)
        except OSError as error:
            self.warning = self._say("failed", error=error.strerror or error)
            try:
                os.unlink(temp)
            except OSError:
                pass
            return False
        self.warning = None
        return True

    def _say(self, key: str, **values) -> str:
        from okx_helper.base.i18n import t

        return t(f"autosave.{key}", self.lang, **values)

    def discard(self) -> None:
        """Forget the draft (after it was sent, or when the user starts anew)."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
