"""The fast paths of the tone engine give exactly the answers of the plain ones.

fastre splits the rules by first character into several regexes (SPLIT), finders of one language
share one union pass over the draft (SHARE), and shouting.py puts the first capital before its
look-behind: all only change how fast the text is read. Compared here on
the whole labelled corpus and on the benchmark's mixed draft.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from okx_helper.base.resources import load_toml
from okx_helper.guards.tone import fastre, rules, scan, shouting, targeted
from okx_helper.guards.tone.normalise import fold

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "dev" / "tone_corpus.jsonl"


def _texts() -> list[str]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from bench_engines import mixed_text
    finally:
        sys.path.pop(0)
    with open(CORPUS, encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    # The corpus as one long draft too: hits close to each other, scanner caches reused.
    return texts + [mixed_text(5000), mixed_text(20000, seed=3), "\n".join(texts)]


def _results(texts: list[str]) -> list[list[dict]]:
    rules._compiled.cache_clear()
    targeted._lexicon.cache_clear()
    targeted._lexicon()  # builds the rules too, and shares the finders of each language
    return [[f.to_json() for f in scan(text)] for text in texts]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts()


@pytest.fixture(scope="module")
def fast(texts) -> list[list[dict]]:
    found = _results(texts)
    assert sum(map(len, found)) > 1000  # the corpus really exercises the rules
    return found


@pytest.mark.parametrize("split, share", [(False, False), (True, False), (False, True)])
def test_fast_paths_give_the_same_findings_as_the_plain_ones(texts, fast, monkeypatch, split, share):
    assert rules._compiled()[0][0].master.shared is not None
    monkeypatch.setattr(fastre, "SPLIT", split)
    monkeypatch.setattr(fastre, "SHARE", share)
    try:
        plain = _results(texts)
        assert (len(rules._compiled()[0][1].master.parts) > 1) == split
        assert (len(targeted._lexicon().zh.parts) > 1) == split
        assert (targeted._lexicon().zh.shared is not None) == share
    finally:
        monkeypatch.undo()
        _results([])
    assert len(rules._compiled()[0][1].master.parts) > 1  # fast again after the undo
    for text, one, other in zip(texts, fast, plain, strict=True):
        assert one == other, text[:80]


def test_shared_positions_follow_the_text_they_were_computed_for():
    a, b = fold("you scammers stole it. 你们就是骗子"), fold("thanks, all fine. 谢谢")
    for text in (a, b, a, b):
        copy = (text + "x")[:-1]  # equal, not the same object
        assert copy is not text
        assert [f.to_json() for f in scan(text)] == [f.to_json() for f in scan(copy)]
    assert scan(a) and not scan(b)


def test_split_finders_match_at_the_same_places(texts):
    finder_parts = [one.master for one in rules._compiled()[0]] + [p[1] for p in targeted._lexicon().patterns]
    lex = targeted._lexicon()
    plain_zh = re.compile("|".join(p.pattern for p in lex.zh.parts))
    long_text = texts[-1]
    assert [m.span() for m in lex.zh.finditer(long_text)] == [m.span() for m in plain_zh.finditer(long_text)]
    for finder in finder_parts:
        scan_ = finder.scanner(long_text)
        starts, pos = [], 0
        while (found := scan_.search(pos)) is not None:
            starts.append(found.start())
            pos = found.start() + 1
        every = [p for p in range(len(long_text)) if any(part.match(long_text, p) for part in finder.parts)]
        assert starts == every


def test_capital_order_words_found_as_with_a_leading_look_behind(texts):
    data = load_toml("tone_lexicon.toml")
    words = "|".join(re.escape(w).replace(r"\ ", "[ \t]+") for w in data["caps"]["demand_words"])
    plain = re.compile(rf"(?<![A-Za-z0-9_'’])(?:{words})(?![A-Za-z0-9_'’])")
    fast = shouting._lexicon()[2]
    extra = ["NOW", "xNOW", "'NOW", "RIGHT  NOW!", "AT\tONCE", "TODAYS", "1TODAY", "KNOW NOW", "_IMMEDIATELY"]
    for text in texts + extra:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text[:60]
