"""Interface strings: both languages hold the same keys and placeholders, and every key the
code names literally exists.

Keys reach `t` in these ways, all found here by reading the source with `ast`:
- `t("area.key", lang)` directly;
- through a small wrapper whose body is `t(f"area.{key}", ...)` (a screen's `tr`, `_tr`,
  `_say`, `_error`, an exception's __init__ …): calls of it with a literal key, in its module
  or in modules importing from it (a step screen inherits StepScreen.tr);
- `t(f"area.prefix_{kind}", ...)` or `"area.prefix_" + kind` with a computed tail: at least
  one key must start with `prefix_`, and a key such a prefix covers counts as used;
- Footer labels "<area>.key_<action>", named after a Binding's action (okx_helper/ui/keys.py).
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from okx_helper.base.resources import DATA_DIR, PACKAGE_DIR, load_toml

STRINGS_DIR = DATA_DIR / "strings"
AREAS = sorted(p.stem for p in STRINGS_DIR.glob("*.toml"))
SOURCES = sorted(p for p in PACKAGE_DIR.rglob("*.py") if "__pycache__" not in p.parts)


def _table(area: str) -> dict:
    return load_toml(f"strings/{area}.toml")


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _forms(node: ast.AST) -> list[tuple[str, str]]:
    """What a key expression can be: ("literal", text) or ("prefix", constant start)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [("literal", node.value)]
    if isinstance(node, ast.IfExp):
        return _forms(node.body) + _forms(node.orelse)
    if isinstance(node, ast.JoinedStr):
        prefix = ""
        for part in node.values:
            if not (isinstance(part, ast.Constant) and isinstance(part.value, str)):
                break
            prefix += part.value
        return [("prefix", prefix)] if prefix else []
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return [("prefix", text) for _, text in _forms(node.left) if text]
    return []


def _is_t(call: ast.Call) -> bool:
    return isinstance(call.func, ast.Name) and call.func.id == "t" and bool(call.args)


def _wrappers(tree: ast.Module) -> dict[str, tuple[str, int]]:
    """name -> (area, index of the key argument) for functions that only put an area before
    their `key` (`t(f"area.{key}", …)`), directly or through another such function."""
    found: dict[str, tuple[str, int]] = {}
    functions = [f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef)]
    for _ in range(3):  # a wrapper of a wrapper of t is as deep as the package goes
        for func in functions:
            params = [a.arg for a in func.args.posonlyargs + func.args.args]
            if "key" not in params or func.name in found:
                continue
            index = params.index("key") - (1 if params[0] == "self" else 0)
            for call in ast.walk(func):
                if not isinstance(call, ast.Call) or not call.args:
                    continue
                arg = call.args[0]
                if (
                    _is_t(call)
                    and isinstance(arg, ast.JoinedStr)
                    and len(arg.values) == 2
                    and isinstance(arg.values[1], ast.FormattedValue)
                    and getattr(arg.values[1].value, "id", None) == "key"
                ):
                    found[func.name] = (arg.values[0].value.rstrip("."), index)
                    break
                name = getattr(call.func, "id", None) or getattr(call.func, "attr", None)
                if name in found and name != func.name:
                    inner = found[name][1]
                    if inner < len(call.args) and getattr(call.args[inner], "id", None) == "key":
                        found[func.name] = (found[name][0], index)
                        break
    # An exception whose __init__ takes the key is called by its class name.
    for cls in ast.walk(tree):
        if isinstance(cls, ast.ClassDef) and "__init__" in found:
            if any(isinstance(f, ast.FunctionDef) and f.name == "__init__" for f in cls.body):
                found[cls.name] = found["__init__"]
    return found


def _module(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts)


def _inherited(tree: ast.Module, own: dict) -> dict:
    """Wrappers of the package modules this one imports from (a step screen's `tr` comes
    from StepScreen); a name two of them define differently is left out."""
    merged: dict = {}
    clashing = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in own:
            for name, spec in own[node.module].items():
                if merged.get(name, spec) != spec:
                    clashing.add(name)
                merged[name] = spec
    return {name: spec for name, spec in merged.items() if name not in clashing}


def _references():
    """Keys named in the package: literal keys and computed prefixes ("area.prefix_"), each
    with where they were seen; bare prefixes ("known_") built outside any area; and the
    actions of every Binding (their Footer labels are "<area>.key_<action>")."""
    literal, prefixes, bare, actions = [], [], set(), set()
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in SOURCES}
    own = {_module(path): _wrappers(tree) for path, tree in trees.items()}
    known = dict(own)
    for _ in range(4):  # ToneScreen(FindingsStep(StepScreen)) inherits `tr` two modules away
        known = {_module(p): _inherited(tree, known) | own[_module(p)] for p, tree in trees.items()}
    for path, tree in trees.items():
        where = str(path.relative_to(PACKAGE_DIR.parent))
        wrappers = known[_module(path)]
        # Key arguments of t and its wrappers are read below; only other strings are "bare".
        key_args = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and node.args:
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                index = 0 if _is_t(node) else wrappers.get(name, (None, None))[1]
                if index is not None and index < len(node.args):
                    key_args.update(id(n) for n in ast.walk(node.args[index]))
        for node in ast.walk(tree):
            # Any f-string or concatenation starting with "area.…" names keys by prefix,
            # wherever it is built (e.g. a lambda that hands keys to t later).
            if isinstance(node, (ast.JoinedStr, ast.BinOp)):
                for _, text in _forms(node):
                    area, dot, rest = text.partition(".")
                    if dot and area in AREAS and rest:
                        prefixes.append((text, f"{where}:{node.lineno}"))
                    elif text.endswith("_") and len(text) > 3 and "." not in text and id(node) not in key_args:
                        bare.add(text)
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name == "Binding" and len(node.args) > 1 and isinstance(node.args[1], ast.Constant):
                actions.add(node.args[1].value.split("(")[0].rsplit(".", 1)[-1])
            if _is_t(node):
                for kind, text in _forms(node.args[0]):
                    if kind == "literal":
                        literal.append((text, f"{where}:{node.lineno}"))
                continue
            if name not in wrappers:
                continue
            area, index = wrappers[name]
            key = node.args[index] if index < len(node.args) else None
            key = next((k.value for k in node.keywords if k.arg == "key"), key)
            for kind, text in _forms(key) if key is not None else []:
                entry = (f"{area}.{text}", f"{where}:{node.lineno}")
                (literal if kind == "literal" else prefixes).append(entry)
    bare.discard("key_")  # Footer labels are checked against the Bindings' actions instead
    return literal, prefixes, bare, actions


LITERAL, PREFIXES, BARE_PREFIXES, ACTIONS = _references()


@pytest.mark.parametrize("area", AREAS)
def test_both_languages_have_the_same_keys_and_placeholders(area):
    table = _table(area)
    assert set(table) == {"en", "zh"}, f"{area}.toml must hold exactly [en] and [zh]"
    en, zh = table["en"], table["zh"]
    assert sorted(set(en) - set(zh)) == [], f"{area}: keys missing in [zh]"
    assert sorted(set(zh) - set(en)) == [], f"{area}: keys missing in [en]"
    mismatched = {
        key: (sorted(_placeholders(en[key])), sorted(_placeholders(zh[key])))
        for key in en
        if _placeholders(en[key]) != _placeholders(zh[key])
    }
    assert mismatched == {}, f"{area}: placeholders differ between en and zh"
    empty = [key for lang in ("en", "zh") for key, text in table[lang].items() if not str(text).strip()]
    assert empty == [], f"{area}: empty strings"


def test_the_finder_sees_the_ways_keys_are_named():
    # Guards the guard: if a refactor hid every reference from the finder, the test below
    # would pass on nothing.
    seen = {key for key, _ in LITERAL}
    assert {
        "wizard.no_terminal",  # t("…") directly
        "handoff.title",  # a screen's own tr
        "wizard.tone_summary",  # tr inherited from StepScreen through FindingsStep
        "cases.followup_title",  # module-level _tr(lang, key)
        "compose.dt_no_zone",  # DateTimeError("…")
    } <= seen
    assert len(seen) > 150
    assert any(prefix == "contacts.verdict_" for prefix, _ in PREFIXES)


def test_every_literal_key_exists_in_both_languages():
    missing = sorted(
        f"{where}: {key}"
        for key, where in LITERAL
        if key.partition(".")[0] not in AREAS
        or key.partition(".")[2] not in _table(key.partition(".")[0])["en"]
        or key.partition(".")[2] not in _table(key.partition(".")[0])["zh"]
    )
    assert missing == []


def test_every_computed_key_prefix_matches_some_key():
    dangling = sorted(
        f"{where}: {prefix}…"
        for prefix, where in PREFIXES
        if not any(name.startswith(prefix.partition(".")[2]) for name in _table(prefix.partition(".")[0])["en"])
    )
    assert dangling == []


def _names_in_package() -> set[str]:
    """Every string constant in the package's code, and every word of its other data files
    and templates: a key held in a table or tuple and passed to t later is used."""
    names: set[str] = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                names.add(node.value)
    others = [p for p in DATA_DIR.rglob("*") if p.is_file() and STRINGS_DIR not in p.parents]
    templates = PACKAGE_DIR.parent / "templates"
    others += [p for p in templates.rglob("*") if p.is_file()] if templates.is_dir() else []
    for path in others:
        names.update(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", path.read_text(encoding="utf-8", errors="replace")))
    return names


def test_no_key_is_defined_but_never_used():
    names = _names_in_package()
    literal = {key for key, _ in LITERAL}
    unused = []
    for area in AREAS:
        covering = [p.partition(".")[2] for p, _ in PREFIXES if p.startswith(f"{area}.")]
        covering += BARE_PREFIXES
        for name in _table(area)["en"]:
            if f"{area}.{name}" in literal or name in names:
                continue
            if name.startswith("key_") and name[len("key_") :] in ACTIONS:
                continue
            if any(prefix and name.startswith(prefix) for prefix in covering):
                continue
            unused.append(f"{area}.{name}")
    assert unused == []
