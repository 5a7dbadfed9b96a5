"""Footer labels in the interface language.

Bindings are declared once on the class in English; each screen relabels its own copy
from the strings files ("<area>.key_<action>"), so the Footer follows the language switch.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from okx_helper.base.i18n import t

# The Footer's order: how to move first, then what this screen does, then help and quitting,
# then the language keys, which are the first to be cut on a narrow terminal.
_FIRST = ("back", "next")
_LAST = ("help", "request_quit", "toggle_email_lang", "toggle_ui_lang")


def _rank(action: str) -> int:
    if action in _FIRST:
        return _FIRST.index(action)
    if action in _LAST:
        return 10 + _LAST.index(action)
    return 5


def localize_bindings(node: DOMNode, lang: str, area: str = "wizard") -> None:
    relabelled: dict = {}
    for key, binding in type(node)._merged_bindings or BindingsMap():
        action = binding.action.split("(")[0].rsplit(".", 1)[-1]  # "app.toggle_ui_lang" -> toggle_ui_lang
        name = f"{area}.key_{action}"
        text = t(name, lang)
        if text != name:
            binding = replace(binding, description=text)
        relabelled.setdefault(key, []).append(binding)
    ordered = sorted(relabelled.items(), key=lambda item: _rank(item[1][0].action.split("(")[0].rsplit(".", 1)[-1]))
    node._bindings = BindingsMap.from_keys(dict(ordered))


_NAMES = {"escape": "Esc", "enter": "Enter", "tab": "Tab", "space": "Space", "question_mark": "?", "delete": "Del"}


def key_label(keys: str) -> str:
    """The first of a binding's keys as the Footer shows it, in one style: "Ctrl+N", "F3", "Esc", "r"."""
    first = keys.split(",")[0].strip()
    *modifiers, key = first.split("+")
    name = _NAMES.get(key) or (key.upper() if len(key) > 1 and key[0] == "f" and key[1:].isdigit() else key)
    if modifiers:
        name = name.upper() if len(name) == 1 else name
        return "+".join([m.capitalize() for m in modifiers] + [name])
    return name


# Tab and Shift+Tab move the focus at once, before the keys typed after them are handed to the
# field that had it: without priority, a fast typist's (or a paste tool's) "USDT<Tab>TRC20" lands
# wholly in the first field, because the keys are queued for it before it sees the Tab.
FOCUS_KEYS = [
    Binding("tab", "app.focus_next", "Next field", show=False, priority=True, id="focus.next"),
    Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True, id="focus.previous"),
]

# Quitting, shown on every screen (priority: it works whatever has the focus).
QUIT_KEY = Binding("ctrl+q", "app.request_quit", "Quit", priority=True, id="app.quit")
