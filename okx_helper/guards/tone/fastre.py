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
from bisect import bisect_left

from okx_helper.base.wordtrie import trie_pattern

try:  # Python 3.11+
    from re import _compiler as _sre_compile
    from re import _constants as _c
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile as _sre_compile
    import sre_constants as _c
    import sre_parse as _sre_parse

_MAX_ALTERNATIVES = 5000  # distribution is exponential in theory; real rules stay far below
_SMALL_SET = 12  # a character set this small is spread into one alternative per character
_MAX_DEPTH = 24  # how deep literal prefixes are shared (longer ones stay as they are)
# sre's BRANCH compares a candidate character with the first literal of every branch, even after
# the right one failed further on; a draft's common characters (我, 是, 你 …) are candidates all
# the time. So the rules are split by first character into parts, each its own regex: common
# characters in a small part, the long tail in another. Every character belongs to one part, so
# the parts together match exactly where the single regex would.
_COMMON = (
    "我你们的是不了在有这个到一好请您谢账户币提钱款充值转地址问题处理号码吗客服交易资金冻结审核"
    "认证已经没还就什么时候能为要给说人会可以也都和吧呢啊么那天元多少次又再让把被从对等看"
    "上下中大小来去出过后前里面发收用完成功失败错误系统平台官方联系邮件回复"
)
_FIRST_PART = 40  # the commonest characters (and ASCII) form part 0; the rest of _COMMON part 1
_RANK = {char: rank for rank, char in enumerate(dict.fromkeys(_COMMON))}
SPLIT = True  # False: one regex, as before the split (tests compare both ways)
SHARE = True  # False: each finder reads the text itself (see `share`)


def _part(char: str) -> int:
    if char.isascii():
        return 0
    rank = _RANK.get(char)
    return 2 if rank is None else (0 if rank < _FIRST_PART else 1)


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


class Finder:
    """Regexes that together match where any of the rules match (see `start_finder`, `trie`).

    Finders of one language can be `share`d: a single union regex then reads the draft once and
    lists where any of them may match, and each finder only tries its own regexes there."""

    def __init__(self, build, patterns: list[str], word_start: bool, flags: int, plain: str):
        self._build, self._parts, self._plain = build, None, None
        self.patterns, self.word_start, self.flags = list(patterns), word_start, flags
        self._plain_pattern = plain
        self.shared: _Union | None = None

    @property
    def parts(self) -> tuple:
        """The fast regexes, compiled on first use (a shared finder never needs them)."""
        if self._parts is None:
            self._parts = tuple(self._build())
        return self._parts

    @property
    def plain(self) -> re.Pattern:
        """The same matches as one plain regex: cheap to compile, slow to search with; a shared
        finder tries it only where the union matched."""
        if self._plain is None:
            self._plain = re.compile(self._plain_pattern, self.flags)
        return self._plain

    def match(self, text: str, pos: int = 0) -> re.Match | None:
        """A match starting at `pos`, or None (at most one part can match there)."""
        for part in self.parts:
            found = part.match(text, pos)
            if found is not None:
                return found
        return None

    def scanner(self, text: str) -> Scanner:
        return Scanner(self, text)

    def finditer(self, text: str):
        """Successive non-overlapping matches, as re.finditer on the single regex."""
        scan, pos = Scanner(self, text), 0
        while (found := scan.search(pos)) is not None:
            yield found
            pos = found.end() if found.end() > found.start() else found.start() + 1


class _Union:
    """Where any of several finders may match in a text, computed once per text."""

    def __init__(self, finder: Finder):
        self._finder = finder
        self._last: tuple = (None, [])  # (text, starts): one tuple, so threads see a consistent pair

    def starts(self, text: str) -> list[int]:
        last = self._last
        if last[0] is text:
            return last[1]
        found, scan, pos = [], Scanner(self._finder, text), 0
        while (hit := scan.search(pos)) is not None:
            found.append(hit.start())
            pos = hit.start() + 1
        self._last = (text, found)
        return found


def share(*finders: Finder) -> None:
    """Let `finders` (same word_start and flags) read each text through one union regex."""
    union = start_finder([p for f in finders for p in f.patterns], finders[0].word_start, finders[0].flags)
    shared = _Union(union) if SHARE else None
    for finder in finders:
        finder.shared = shared


_UNSET = object()


class Scanner:
    """`search(pos)` over one text: the leftmost match at or after `pos` (pos never decreasing).
    Alone, a part's last answer is reused while it still lies ahead, so the text is read once per
    part; shared, only the union's positions are tried."""

    def __init__(self, finder: Finder, text: str):
        self._text = text
        if finder.shared is not None:
            self._starts, self._plain = finder.shared.starts(text), finder.plain
        else:
            self._starts, self._parts = None, finder.parts
            self._next = [_UNSET] * len(self._parts)

    def search(self, pos: int) -> re.Match | None:
        if self._starts is not None:
            starts, text, plain = self._starts, self._text, self._plain
            for index in range(bisect_left(starts, pos), len(starts)):
                found = plain.match(text, starts[index])
                if found is not None:
                    return found
            return None
        best = None
        for index, part in enumerate(self._parts):
            found = self._next[index]
            if found is _UNSET or (found is not None and found.start() < pos):
                found = self._next[index] = part.search(self._text, pos)
            if found is not None and (best is None or found.start() < best.start()):
                best = found
        return best


def _fast(patterns: list[str], gate: str, word_start: bool, flags: int) -> list[re.Pattern]:
    parsed = _sre_parse.parse("|".join(f"(?:{p})" for p in patterns), flags)
    alternatives: list = []
    _expand(list(parsed.data), word_start, alternatives)
    branches = _grouped(alternatives, parsed.state)
    if word_start or not SPLIT:  # the word-start gate, tried everywhere, costs more than branches
        groups = [branches]
    else:
        groups = [[], [], []]
        for branch in branches:
            literal = branch and branch[0][0] is _c.LITERAL
            groups[_part(chr(branch[0][1])) if literal else 0].append(branch)
    parts = []
    for group in filter(None, groups):
        body = [(_c.BRANCH, (None, [_sre_parse.SubPattern(parsed.state, b) for b in group]))]
        if gate:
            body = list(_sre_parse.parse(gate).data) + body
        parts.append(_sre_compile.compile(_sre_parse.SubPattern(parsed.state, body), parsed.state.flags))
    return parts


def start_finder(patterns: list[str], word_start: bool, flags: int = 0) -> Finder:
    """Regexes matching wherever one of `patterns` (compiled with `flags`) matches (at word
    starts only, if asked)."""
    gate = r"(?<![a-z0-9_])(?=[a-z0-9])" if word_start else ""
    if word_start and flags & re.ASCII:
        gate = r"\b(?=[a-z0-9])"  # the same on lower-cased text, and about twice as fast
    plain = gate + "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")"

    def build() -> list[re.Pattern]:
        try:
            return _fast(patterns, gate, word_start, flags)
        except Exception:  # noqa: BLE001 - any surprise in the parser's shape: plain alternation
            return [re.compile(plain, flags)]

    return Finder(build, patterns, word_start, flags, plain)


def trie(words, flags: int = 0) -> Finder:
    """Matches of any of `words` (non-empty), the longer one where two share a start, as
    okx_helper.base.wordtrie.trie_pattern; split by first character like `start_finder`."""
    groups: list[list[str]] = [[], [], []]
    for word in words:
        groups[_part(word[0]) if SPLIT else 0].append(word)
    whole = trie_pattern(words)
    return Finder(
        lambda: [re.compile(trie_pattern(group), flags) for group in groups if group], [whole], False, flags, whole
    )
