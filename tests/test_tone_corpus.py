"""Quality of the tone engine on a labelled corpus (tests/data/dev/tone_corpus.jsonl).

Each case is a sentence or paragraph written the way users write, in Chinese (some traditional)
or English, labelled "needs attention" or not, with the categories a reader would flag.
Hard negatives are the point: firm but polite complaints, quoted error messages, tickers,
calm mentions of a regulator or lawyer, polite urgency.

Print the figures: python tests/test_tone_corpus.py   (or pytest -s on this file)
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from okx_helper.guards.tone import CATEGORIES, scan

CORPUS = Path(__file__).parent / "data" / "dev" / "tone_corpus.jsonl"
MIN_PRECISION = 0.90
MIN_RECALL = 0.90


def load_cases() -> list[dict]:
    with open(CORPUS, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def evaluate(cases: list[dict]) -> dict:
    """Case-level precision/recall of "needs attention", recall per category, and the misses."""
    tp = fp = fn = 0
    wanted, found = Counter(), Counter()
    misses = []
    for case in cases:
        got = {f.category for f in scan(case["text"])}
        flagged = bool(got)
        if flagged and case["attention"]:
            tp += 1
        elif flagged:
            fp += 1
            misses.append(("false positive", case["id"], sorted(got), case["text"]))
        elif case["attention"]:
            fn += 1
            misses.append(("missed", case["id"], case["categories"], case["text"]))
        for category in case["categories"]:
            wanted[category] += 1
            found[category] += category in got
    return {
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "per_category": {c: (found[c], wanted[c]) for c in CATEGORIES if wanted[c]},
        "misses": misses,
    }


def report(result: dict, cases: list[dict]) -> str:
    langs = Counter(case["lang"] for case in cases)
    lines = [
        f"cases: {len(cases)} ({langs['en']} en, {langs['zh']} zh), "
        f"needing attention: {sum(c['attention'] for c in cases)}",
        f"precision {result['precision']:.3f}  recall {result['recall']:.3f}",
    ]
    for category, (hit, total) in result["per_category"].items():
        lines.append(f"  {category:<12} recall {hit / total:.2f} ({hit}/{total})")
    for kind, case_id, cats, text in result["misses"]:
        lines.append(f"  {kind}: {case_id} {cats} {text[:70]!r}")
    return "\n".join(lines)


def test_corpus_is_big_balanced_and_labelled():
    cases = load_cases()
    assert len(cases) >= 200
    langs = Counter(case["lang"] for case in cases)
    assert abs(langs["en"] - langs["zh"]) <= len(cases) * 0.1
    for case in cases:
        assert case["attention"] == bool(case["categories"]), case["id"]
        assert set(case["categories"]) <= set(CATEGORIES), case["id"]
    for category in CATEGORIES:
        assert any(category in case["categories"] for case in cases), category


def test_needs_attention_precision_and_recall():
    cases = load_cases()
    result = evaluate(cases)
    print("\n" + report(result, cases))
    assert result["precision"] >= MIN_PRECISION, report(result, cases)
    assert result["recall"] >= MIN_RECALL, report(result, cases)


if __name__ == "__main__":
    all_cases = load_cases()
    print(report(evaluate(all_cases), all_cases))
    sys.exit(0)
