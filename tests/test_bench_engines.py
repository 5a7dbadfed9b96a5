"""The engines benchmark runs in quick mode and prints its tables (no timing is asserted)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_engines.py"


def test_quick_benchmark_runs_and_prints_the_tables():
    args = [sys.executable, str(BENCH), "--quick"]
    if importlib.util.find_spec("detect_secrets") is None:
        args.append("--no-detect-secrets")
    result = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "5,000-character mixed draft" in out
    assert "privacy" in out and "both engines" in out
    assert "Growth with size" in out
    for name in ("hex digits", "decimal digits", "word-list words", "punctuation"):
        assert name in out
    if "--no-detect-secrets" not in args:
        assert "detect-secrets" in out and "ratio" in out
