"""One fast regex that finds where any of many rules may start.

Python's regex engine tries every alternative of an alternation at every position. It is quick
only when each alternative starts with a literal character (it compares one character and moves
on). This module rewrites a list of rules into that shape, working on the parsed pattern:
leading groups, optional parts and small character sets are distributed ("(?:a|b)c" becomes
"ac|bc"), then alternatives are grouped by their literal prefixes ("abc|abd" becomes "ab(?:c|d)").
The result matches exactly where one of the rules matches, so it only tells the caller where to
look; which rule matched, and how far, is asked of the rules themselves.

It relies on the standard library's pattern parser (re._parser, sre_parse before 3.11). If that
ever changes shape, `start_finder` falls back to the plain alternation: slower, same answers.
"""
from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _compiler as _sre_compile, _constants as _c, _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile as _sre_compile
    import sre_constants as _c
    import sre_parse as _sre_parse

_MAX_ALTERNATIVES = 5000  # distribution is exponential in theory; real rules stay far below
_SMALL_SET = 12  # a character set this small is spread into one alternative per character
_MAX_DEPTH = 24  # how deep literal prefixes are shared (longer ones stay as they are)


class _TooBig(Exception):
    pass


def _set_chars(av) -> list[int] | None:
    chars: list[int] = []
    for op, value in av:
        if op is _c.LITERAL:
            chars.append(value)
        elif op is _c.RANGE and value[1] - value[0] < _SMALL_SET:
            chars.extend(range(value[0], value[1] + 1))
        else:
            return None
    return chars if len(chars) <= _SMALL_SET else None


def _expand(seq: list, word_start: bool, out: list) -> None:
    """Append to `out` sequences, equivalent together to `seq`, that start with a literal."""
    if len(out) > _MAX_ALTERNATIVES:
        raise _TooBig
    if not seq:
        out.append(seq)
        return
    op, av = seq[0]
    rest = seq[1:]
    if op is _c.AT and av is _c.AT_BOUNDARY and word_start:
        _expand(rest, word_start, out)  # the caller's gate already asserts a word start
    elif op is _c.SUBPATTERN and av[0] is None and not av[1] and not av[2]:
        _expand(list(av[-1].data) + rest, word_start, out)
    elif op is _c.BRANCH:
        for alternative in av[1]:
            _expand(list(alternative.data) + rest, word_start, out)
    elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] == 0 and av[1] == 1:
        _expand(list(av[2].data) + rest, word_start, out)
        _expand(rest, word_start, out)
    elif op is _c.MAX_REPEAT and av[0] >= 1 and len(av[2].data) == 1 and av[2].data[0][0] is _c.LITERAL:
        high = av[1] if av[1] is _c.MAXREPEAT else av[1] - 1
        tail = [(op, (av[0] - 1, high, av[2]))] if high is _c.MAXREPEAT or high > 0 else []
        out.append([av[2].data[0]] + tail + rest)
    elif op is _c.IN and _set_chars(av) is not None:
        for char in _set_chars(av):
            out.append([(_c.LITERAL, char)] + rest)
    else:
        out.append(seq)


def _grouped(alternatives: list[list], state, depth: int = 0) -> list:
    """One alternative per first character, each followed by the alternation of the tails, which
    are grouped the same way: a trie over the literal prefixes, so a word start costs one path."""
    by_first: dict[int, list] = {}
    others: list = []
    for seq in alternatives:
        if seq and seq[0][0] is _c.LITERAL:
            by_first.setdefault(seq[0][1], []).append(seq[1:])
        else:
            others.append(seq)
    branches = []
    for char, tails in by_first.items():
        if any(not tail for tail in tails):
            branches.append([(_c.LITERAL, char)])  # the character alone already matches
            continue
        if len(tails) > 1 and depth < _MAX_DEPTH:
            tails = _grouped(tails, state, depth + 1)
        subs = [_sre_parse.SubPattern(state, tail) for tail in tails]
        tail_item = (_c.BRANCH, (None, subs)) if len(subs) > 1 else None
        branches.append([(_c.LITERAL, char)] + ([tail_item] if tail_item else list(tails[0])))
    return branches + others


def _fast(patterns: list[str], gate: str, word_start: bool, flags: int) -> re.Pattern:
    parsed = _sre_parse.parse("|".join(f"(?:{p})" for p in patterns), flags)
    alternatives: list = []
    _expand(list(parsed.data), word_start, alternatives)
    branches = _grouped(alternatives, parsed.state)
    body = [(_c.BRANCH, (None, [_sre_parse.SubPattern(parsed.state, b) for b in branches]))]
    if gate:
        body = list(_sre_parse.parse(gate).data) + body
    return _sre_compile.compile(_sre_parse.SubPattern(parsed.state, body), parsed.state.flags)


def start_finder(patterns: list[str], word_start: bool, flags: int = 0) -> re.Pattern:
    """A regex matching wherever one of `patterns` (compiled with `flags`) matches (at word
    starts only, if asked)."""
    gate = r"(?<![a-z0-9_])(?=[a-z0-9])" if word_start else ""
    if word_start and flags & re.ASCII:
        gate = r"\b(?=[a-z0-9])"  # the same on lower-cased text, and about twice as fast
    try:
        return _fast(patterns, gate, word_start, flags)
    except Exception:  # noqa: BLE001 - any surprise in the parser's shape: plain alternation
        return re.compile(gate + "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")", flags)
