"""Keys: every binding has a stable id, the Footer names keys in one style, and config.toml can remap them."""

import importlib
import inspect
import pkgutil

import pytest
from textual.binding import Binding
from textual.dom import DOMNode

import okx_helper.ui
from okx_helper.settings.config import load_config
from okx_helper.ui.app import WizardApp
from okx_helper.ui.keys import key_label
from okx_helper.writing.autosave import DraftStore


def ui_classes():
    for info in pkgutil.walk_packages(okx_helper.ui.__path__, "okx_helper.ui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, DOMNode) and cls.__module__ == module.__name__ and "BINDINGS" in vars(cls):
                yield cls


def test_every_binding_has_an_id_unique_in_its_class():
    classes = list(ui_classes())
    assert len(classes) >= 15
    for cls in classes:
        ids = [b.id for b in cls.BINDINGS if isinstance(b, Binding)]
        assert all(ids), f"{cls.__name__} has a binding without an id"
        assert len(ids) == len(set(ids)), cls.__name__


@pytest.mark.parametrize(
    "keys, shown",
    [
        ("ctrl+n,f10", "Ctrl+N"),
        ("f3", "F3"),
        ("escape", "Esc"),
        ("r", "r"),
        ("ctrl+e,f4", "Ctrl+E"),
        ("f1,question_mark", "F1"),
    ],
)
def test_keys_are_named_in_one_style(keys, shown):
    assert key_label(keys) == shown


def test_config_keys_are_read_and_bad_ones_reported(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[keys]\n"wizard.next" = "f12"\n"wizard.back" = "not a key!"\n', encoding="utf-8")
    config = load_config(path)
    assert config.keys == {"wizard.next": "f12"}
    assert "keys.wizard.back" in config.warning


async def test_a_remapped_key_moves_the_wizard_and_the_footer_says_so(private_dirs):
    app = WizardApp(ui_lang="en", store=DraftStore(private_dirs / "state"), new=True, keymap={"wizard.next": "f12"})
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.press("n")
        assert type(app.screen).__name__ == "ContactScreen"
        await pilot.press("ctrl+n")  # no longer the Next key
        assert type(app.screen).__name__ == "ContactScreen"
        await pilot.press("f12")
        assert type(app.screen).__name__ == "CategoryScreen"
        assert "F12" in " ".join(str(w.render()) for w in app.screen.query("FooterKey"))
