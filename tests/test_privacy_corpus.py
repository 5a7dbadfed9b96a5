"""Span-overlap precision and recall of the privacy engine on the labelled corpus.

A found span is a true positive when it overlaps a labelled span of the same kind; a labelled
span is recalled when a found span of its kind overlaps it. Run with -s to see the table.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from okx_helper.guards import privacy

CORPUS = Path(__file__).parent / "data" / "dev" / "privacy_corpus.txt"
_MARK = re.compile(r"⟦([a-z_]+)\|(.*?)⟧", re.DOTALL)


def load_corpus(path: Path = CORPUS) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """(text, [(start, end, kind)]) for every snippet, markers removed."""
    raw = path.read_text(encoding="utf-8")
    lines = raw.split("\n")
    while lines and lines[0].startswith("# "):
        lines.pop(0)
    entries = []
    for chunk in "\n".join(lines).split("\n----\n"):
        text, spans, pos = [], [], 0
        for m in _MARK.finditer(chunk):
            text.append(chunk[pos : m.start()])
            start = sum(map(len, text))
            text.append(m.group(2))
            spans.append((start, start + len(m.group(2)), m.group(1)))
            pos = m.end()
        text.append(chunk[pos:])
        entries.append(("".join(text).rstrip("\n"), spans))
    return entries


def measure(entries):
    """Per kind: [true positives, found, recalled, labelled]; and the mistakes, for reading."""
    stats: dict[str, list[int]] = {}
    mistakes = []
    for text, gold in entries:
        found = [(f.start, f.end, f.kind) for f in privacy.scan(text)]
        for s, e, k in found:
            row = stats.setdefault(k, [0, 0, 0, 0])
            row[1] += 1
            if any(k == gk and s < ge and gs < e for gs, ge, gk in gold):
                row[0] += 1
            else:
                mistakes.append(("false positive", k, text[s:e], text[:60]))
        for gs, ge, gk in gold:
            row = stats.setdefault(gk, [0, 0, 0, 0])
            row[3] += 1
            if any(k == gk and s < ge and gs < e for s, e, k in found):
                row[2] += 1
            else:
                mistakes.append(("missed", gk, text[gs:ge], text[:60]))
    return stats, mistakes


def table(stats) -> str:
    lines = [f"{'kind':<18}{'precision':>10}{'recall':>8}{'found':>7}{'labelled':>9}"]
    totals = [0, 0, 0, 0]
    for kind in sorted(stats):
        tp, found, hit, gold = stats[kind]
        totals = [a + b for a, b in zip(totals, stats[kind], strict=True)]
        lines.append(f"{kind:<18}{_ratio(tp, found):>10}{_ratio(hit, gold):>8}{found:>7}{gold:>9}")
    tp, found, hit, gold = totals
    lines.append(f"{'overall':<18}{_ratio(tp, found):>10}{_ratio(hit, gold):>8}{found:>7}{gold:>9}")
    return "\n".join(lines)


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "-"


@pytest.fixture(scope="module")
def entries():
    return load_corpus()


def test_corpus_is_big_varied_and_mostly_hard_negatives(entries):
    assert len(entries) >= 250
    cjk = sum(1 for text, _ in entries if re.search(r"[\u4e00-\u9fff]{4}", text))
    assert 0.4 <= cjk / len(entries) <= 0.65
    clean = sum(1 for _, gold in entries if not gold)
    assert clean / len(entries) >= 0.40


def test_precision_and_recall(entries):
    stats, mistakes = measure(entries)
    print("\n" + table(stats))
    for mistake in mistakes:
        print(*mistake, sep=" | ")
    tp = sum(r[0] for r in stats.values())
    found = sum(r[1] for r in stats.values())
    hit = sum(r[2] for r in stats.values())
    gold = sum(r[3] for r in stats.values())
    assert tp / found >= 0.95
    assert hit / gold >= 0.95
    for kind, (_, _, kind_hit, kind_gold) in stats.items():
        if kind_gold:
            assert kind_hit / kind_gold >= 0.90, kind
