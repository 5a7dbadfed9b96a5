"""Peak memory: the wizard at its first screen next to a minimal Textual app with one Label.

    python benchmarks/bench_memory.py           # 5 runs of each app
    python benchmarks/bench_memory.py --quick   # 2 runs of each

Each run is a separate process, `python benchmarks/first_screen.py APP` (headless, 80x24), which
exits at its first frame; its peak resident set (ru_maxrss from wait4, i.e. VmHWM) is read by the
parent. The median over runs is shown; peak RSS hardly varies between runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
from pathlib import Path

from bench_startup import APPS, clean_env, run_once


def measure(runs: int) -> dict:
    rss: dict[str, list[float]] = {which: [] for which, _ in APPS}
    with tempfile.TemporaryDirectory(prefix="okx-bench-") as home:
        env = clean_env(Path(home))
        for _ in range(runs):
            for which, _ in APPS:
                rss[which].append(run_once(which, env)["rss_mb"])
    med = {which: statistics.median(values) for which, values in rss.items()}
    return {"runs": runs, "peak_rss_mb": med, "ratio": med["wizard"] / med["minimal"]}


def report(s: dict) -> None:
    print(f"Peak memory at the first screen (headless 80x24, median of {s['runs']} processes each):")
    print(f"  {'app':<22} {'peak RSS MB':>12}")
    for which, label in APPS:
        print(f"  {label:<22} {s['peak_rss_mb'][which]:>12.1f}")
    extra = s["peak_rss_mb"]["wizard"] - s["peak_rss_mb"]["minimal"]
    print(f"  ratio okx-helper / minimal: {s['ratio']:.2f}   (okx-helper uses {extra:+.1f} MB more)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="2 runs of each app")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    s = measure(2 if args.quick else 5)
    report(s)
    if args.json:
        args.json.write_text(json.dumps(s, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
