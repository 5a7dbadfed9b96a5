"""Accuracy of the address verdicts on the labelled set in tests/data/dev/addresses.tsv."""

from collections import Counter
from pathlib import Path

from okx_helper.contacts import VERDICTS, check_address

DATA = Path(__file__).parent / "data" / "dev" / "addresses.tsv"
THRESHOLD = 0.97


def labelled() -> list[tuple[str, str]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").split("\n"):
        if not line or line.startswith("#"):
            continue
        verdict, _, address = line.partition("\t")
        rows.append((verdict, address))
    return rows


def test_labelled_set_is_large_and_covers_every_verdict():
    rows = labelled()
    assert len(rows) >= 100
    assert {v for v, _ in rows} == set(VERDICTS)


def test_address_accuracy():
    rows = labelled()
    confusion: Counter = Counter()
    wrong = []
    for expected, address in rows:
        got = check_address(address).verdict
        confusion[(expected, got)] += 1
        if got != expected:
            wrong.append(f"  {address!r}: expected {expected}, got {got}")
    accuracy = sum(n for (e, g), n in confusion.items() if e == g) / len(rows)
    lines = [f"address accuracy {accuracy:.3f} on {len(rows)} addresses", "confusion (expected -> got: n):"]
    lines += [f"  {e} -> {g}: {n}" for (e, g), n in sorted(confusion.items())]
    print("\n".join(lines + wrong))
    assert accuracy >= THRESHOLD, "\n".join(lines + wrong)
