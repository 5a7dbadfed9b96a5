"""`python benchmarks/run_all.py --quick` runs every benchmark and prints each section.

Only that it works is checked: timings depend on the machine and are never asserted. This is
the one benchmark smoke test; CI runs it, never the full benchmarks.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e  # runs every benchmark in quick mode: tens of seconds

RUN_ALL = Path(__file__).resolve().parents[1] / "benchmarks" / "run_all.py"


def test_quick_run_of_all_benchmarks_prints_every_section():
    result = subprocess.run([sys.executable, str(RUN_ALL), "--quick"], capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    out = result.stdout
    for header in (
        "=== Start-up ===",
        "=== Typing latency ===",
        "=== Check throughput",
        "=== Peak memory ===",
        "=== Summary ===",
    ):
        assert header in out, header
    # Each section printed its table, not only its header.
    assert "okx-helper wizard" in out and "minimal Textual app" in out
    assert "findings line updated" in out
    assert "5,000-character mixed draft" in out
    assert "privacy" in out and "both engines" in out and "Growth with size" in out
    for family in ("hex digits", "decimal digits", "word-list words", "punctuation"):
        assert family in out
    assert "peak RSS MB" in out
    assert "FAILED" not in out
