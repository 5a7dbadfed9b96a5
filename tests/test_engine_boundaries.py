"""Engines are plain Python: importing them must never load Textual (PRODUCT.md)."""
import subprocess
import sys

ENGINES = [
    "privacy", "tone", "contacts", "replies", "compose", "categories", "fields", "completeness",
    "draft", "draft_checks", "checklist", "autosave", "cases", "profile", "expectations", "followup",
    "config", "handoff",
]


def test_engines_do_not_import_textual():
    code = (
        "import importlib, sys\n"
        f"for name in {ENGINES!r}:\n"
        "    importlib.import_module('okx_helper.' + name)\n"
        "print(sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_cli_module_imports_no_engine_or_ui():
    code = "import sys, okx_helper.cli; print(sorted(m for m in sys.modules if m.startswith(('okx_helper.', 'textual'))))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    loaded = eval(result.stdout)
    assert loaded == ["okx_helper.cli"]
