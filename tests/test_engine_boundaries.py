"""Engines and commands are plain Python: importing them must never load Textual (PRODUCT.md)."""

import pkgutil
import subprocess
import sys

import okx_helper


def non_ui_modules() -> list[str]:
    """Every module of the package outside okx_helper.ui (engines, commands, CLI)."""
    names = [m.name for m in pkgutil.walk_packages(okx_helper.__path__, "okx_helper.")]
    return sorted(n for n in names if not n.startswith("okx_helper.ui") and n != "okx_helper.__main__")


def test_the_list_of_modules_is_not_empty():
    found = non_ui_modules()
    for engine in ("guards.privacy", "guards.tone", "contacts", "replies", "writing.compose", "cases", "handoff"):
        assert f"okx_helper.{engine}" in found


def test_engines_and_commands_do_not_import_textual():
    code = (
        "import importlib, sys\n"
        f"for name in {non_ui_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_cli_module_imports_no_engine_or_ui():
    code = (
        "import sys, okx_helper.cli; print(sorted(m for m in sys.modules if m.startswith(('okx_helper.', 'textual'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert eval(result.stdout) == ["okx_helper.cli"]
