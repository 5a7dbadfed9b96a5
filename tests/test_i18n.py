from okx_helper.base.i18n import detect_ui_lang, t


def test_explicit_language_wins(monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert detect_ui_lang("en") == "en"


def test_locale_decides_without_explicit_choice(monkeypatch):
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert detect_ui_lang(None) == "zh"
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert detect_ui_lang(None) == "en"


def test_unknown_key_falls_back_to_the_key():
    assert t("nowhere.nothing", "zh") == "nowhere.nothing"
