"""`python benchmarks/run_all.py --quick` runs every benchmark and prints each section.

Only that it works is checked: timings depend on the machine and are never asserted.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
    assert "peak RSS MB" in out
    assert "FAILED" not in out
