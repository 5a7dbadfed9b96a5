"""The user's settings: config.toml in the XDG config directory, private and written atomically.

A damaged or unreadable file never stops the program: it gives defaults and a warning the
interface can show.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

METHODS = ("desktop", "terminal", "eml", "clipboard", "smtp")
SECURITY = ("starttls", "tls")  # no plain-text option: a password never crosses the net in clear
UI_LANGS = ("en", "zh")
# A key list as Textual writes it: "ctrl+n,f10", "question_mark", "x".
_KEY_LIST = re.compile(r"[a-z0-9_+]+(,[a-z0-9_+]+)*")


def config_path() -> Path:
    """<XDG config dir>/okx-helper/config.toml."""
    import platformdirs

    return Path(platformdirs.user_config_dir("okx-helper", appauthor=False)) / "config.toml"


@dataclass
class SmtpConfig:
    host: str = ""
    port: int = 587
    security: str = "starttls"
    user: str = ""

    @property
    def complete(self) -> bool:
        return bool(self.host and self.user)


@dataclass
class Config:
    method: str = ""  # the preferred hand-off method, one of METHODS, or "" for none yet
    mailer: str = ""  # a terminal mail command template such as "neomutt -H {file}"
    save_dir: str = ""  # where .eml files go; "" for the documents directory
    ui_lang: str = ""  # "en", "zh" or "" to follow the locale
    smtp: SmtpConfig = field(default_factory=SmtpConfig)
    # The user's own keys, by binding id ("wizard.next" = "ctrl+n,f10"): see the README.
    keys: dict[str, str] = field(default_factory=dict)
    path: Path | None = field(default=None, compare=False)  # where it was read from / goes
    warning: str = field(default="", compare=False)  # why the file was (partly) ignored, in English
    _warning: tuple = field(default=(), compare=False, repr=False)  # (strings key, values) for warning_text

    def warn(self, key: str, **values) -> None:
        """Record why the file was (partly) ignored; `key` names the entry in strings/handoff.toml."""
        self._warning = (key, values)
        self.warning = _text(key, "en", **values)

    def warning_text(self, lang: str) -> str:
        """The warning in the interface language ("" when there is none)."""
        return _text(self._warning[0], lang, **self._warning[1]) if self._warning else self.warning

    def to_toml_dict(self) -> dict:
        data: dict = {}
        for key in ("method", "mailer", "save_dir", "ui_lang"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        smtp = {k: v for k, v in vars(self.smtp).items() if v not in ("", None)}
        if smtp and self.smtp != SmtpConfig():
            data["smtp"] = smtp
        if self.keys:
            data["keys"] = dict(self.keys)
        return data


def _from_dict(data: dict, config: Config) -> list[str]:
    """Fill `config` from parsed TOML; return the names of values that were ignored."""
    ignored = []
    choices = {"method": METHODS, "ui_lang": UI_LANGS}
    for key in ("method", "mailer", "save_dir", "ui_lang"):
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, str) or (key in choices and value not in choices[key]):
            ignored.append(key)
            continue
        setattr(config, key, value)
    keys = data.get("keys", {})
    if isinstance(keys, dict):
        for binding_id, value in keys.items():
            if isinstance(value, str) and value.strip() and _KEY_LIST.fullmatch(value.strip()):
                config.keys[str(binding_id)] = value.strip()
            else:
                ignored.append(f"keys.{binding_id}")
    else:
        ignored.append("keys")
    smtp = data.get("smtp", {})
    if not isinstance(smtp, dict):
        return ignored + ["smtp"]
    for key in ("host", "user"):
        if key in smtp:
            if isinstance(smtp[key], str):
                setattr(config.smtp, key, smtp[key].strip())
            else:
                ignored.append(f"smtp.{key}")
    if "port" in smtp:
        port = smtp["port"]
        if isinstance(port, int) and not isinstance(port, bool) and 0 < port < 65536:
            config.smtp.port = port
        else:
            ignored.append("smtp.port")
    if "security" in smtp:
        if smtp["security"] in SECURITY:
            config.smtp.security = smtp["security"]
        else:
            ignored.append("smtp.security")
    return ignored


def load_config(path: str | os.PathLike | None = None) -> Config:
    """The saved settings, or defaults with `warning` set when the file is damaged."""
    path = Path(path) if path else config_path()
    config = Config(path=path)
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        return config
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        config.warn("config_unreadable", path=path, error=exc)
        return config
    ignored = _from_dict(data, config)
    if ignored:
        config.warn("config_ignored", path=path, keys=", ".join(ignored))
    return config


def save_config(config: Config, path: str | os.PathLike | None = None) -> Path:
    """Write the settings atomically (temp file, then rename) with mode 0600; return the path."""
    import tomli_w

    path = Path(path or config.path or config_path())
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    data = tomli_w.dumps(config.to_toml_dict()).encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix=".config-", suffix=".toml", dir=path.parent)  # mkstemp: 0600
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    config.path = path
    return path


def _text(key: str, lang: str, **values) -> str:
    from okx_helper.base.i18n import t

    return t(f"handoff.{key}", lang, **values)
