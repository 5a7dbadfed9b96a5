"""One regex for many literal words, shaped as a trie (shared by the privacy and tone engines).

sre tries the alternatives of `a|b|c` one by one at every position; a trie makes the cost of a
scan depend on the text's length rather than on how many words there are.
"""

from __future__ import annotations

import re


def trie_pattern(words, space: str | None = None) -> str:
    """A regex matching any of `words`; where two words share a start, the longer one wins.

    With `space`, each " ", "-" or "_" inside a word matches that pattern instead of itself
    (the privacy engine lets "secret key" match secret_key, secret-key and SecretKey).
    """
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = []
        for char in sorted(k for k in node if k):
            head = space if space is not None and char in " -_" else re.escape(char)
            branches.append(head + emit(node[char]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            # A word may end here: the rest is an optional, greedy continuation.
            return body + "?" if len(branches) == 1 and _is_atom(body) else "(?:" + body + ")?"
        return body

    return emit(root)


def _is_atom(pattern: str) -> bool:
    return len(pattern) == 1 or (len(pattern) == 2 and pattern[0] == "\\")
