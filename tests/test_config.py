"""config.toml: defaults, round trip, private atomic writes, damaged files."""

import os
import stat
import sys

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

from okx_helper.settings.config import Config, SmtpConfig, config_path, load_config, save_config


def test_missing_file_gives_defaults_without_warning(tmp_path):
    config = load_config(tmp_path / "none.toml")
    assert config == Config() and config.warning == ""
    assert config.smtp.port == 587 and config.smtp.security == "starttls"


def test_round_trip_is_private_and_atomic(tmp_path):
    path = tmp_path / "sub" / "config.toml"
    config = Config(
        method="terminal",
        mailer="neomutt -H {file}",
        ui_lang="zh",
        smtp=SmtpConfig(host="smtp.example.com", port=465, security="tls", user="我@example.com"),
    )
    assert save_config(config, path) == path
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert os.listdir(path.parent) == ["config.toml"]  # no temp file left behind
    again = load_config(path)
    assert again == config and again.warning == ""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["smtp"]["host"] == "smtp.example.com" and data["method"] == "terminal"


def test_saving_replaces_the_previous_file(tmp_path):
    path = tmp_path / "config.toml"
    save_config(Config(method="eml"), path)
    config = load_config(path)
    config.method = "smtp"
    save_config(config)  # the path it was read from
    assert load_config(path).method == "smtp"


def test_corrupt_file_warns_and_uses_defaults(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("method = 'terminal\n[smtp\n", encoding="utf-8")
    config = load_config(path)
    assert config == Config() and "could not be read" in config.warning
    path.write_bytes(b"\xff\xfe\x00")
    assert load_config(path).warning


def test_invalid_values_are_ignored_one_by_one(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(
        'method = "carrier-pigeon"\nui_lang = "zh"\n'
        '[smtp]\nhost = "mail.example.org"\nport = 99999\nsecurity = "none"\n',
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.ui_lang == "zh" and config.smtp.host == "mail.example.org"
    assert config.method == "" and config.smtp.port == 587 and config.smtp.security == "starttls"
    assert all(word in config.warning for word in ("method", "smtp.port", "smtp.security"))


def test_config_path_follows_xdg(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    if sys.platform.startswith("linux"):
        assert config_path() == tmp_path / "okx-helper" / "config.toml"


def test_warning_in_the_interface_language(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("method = [unclosed", encoding="utf-8")
    config = load_config(path)
    assert "could not be read" in config.warning
    assert "无法读取" in config.warning_text("zh") and str(path) in config.warning_text("zh")
