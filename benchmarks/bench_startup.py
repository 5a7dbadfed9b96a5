"""Start-up: time from process start to the first screen, okx-helper next to a minimal Textual app.

    python benchmarks/bench_startup.py           # 15 runs of each app
    python benchmarks/bench_startup.py --quick   # 3 runs of each, only to prove it works

Both apps are started the same way, alternately, as `python benchmarks/first_screen.py APP`
(headless, 80x24); the time runs from the parent's perf_counter just before the process is
started to the child's perf_counter at its first composited frame. Goal (issue 8): the median of
okx-helper at most 1.2 times the minimal app's.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DRIVER = HERE / "first_screen.py"
GOAL = 1.2
APPS = (("minimal", "minimal Textual app"), ("wizard", "okx-helper wizard"))


def clean_env(home: Path) -> dict[str, str]:
    """The parent's environment with every per-user directory moved into `home`.

    The wizard then finds no saved draft and no profile: a first start, the same on every run.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "XDG_", "OKX"))}
    for name in ("DATA", "STATE", "CONFIG", "CACHE"):
        env[f"XDG_{name}_HOME"] = str(home / name.lower())
    env["LANG"] = env["LC_ALL"] = "C.UTF-8"  # the same interface language on every machine
    return env


def run_once(which: str, env: dict[str, str]) -> dict[str, float]:
    """One start of the driver: ms to the first frame, ms to exit, and peak RSS in MB."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, str(DRIVER), which],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    out, err = proc.stdout.read(), proc.stderr.read()
    # wait4 rather than Popen.wait: it also returns this one child's resource usage.
    _, status, usage = os.wait4(proc.pid, 0)
    ended = time.perf_counter()
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stdout.close()
    proc.stderr.close()
    marks = [line.split()[1] for line in out.splitlines() if line.startswith("first_frame ")]
    if proc.returncode != 0 or not marks:
        raise RuntimeError(f"{which} driver failed ({proc.returncode}): {err.strip()[-2000:]}")
    return {
        "ready_ms": (float(marks[0]) - start) * 1000,
        "exit_ms": (ended - start) * 1000,
        "cpu_ms": (usage.ru_utime + usage.ru_stime) * 1000,  # until exit; steadier on a busy machine
        "rss_mb": usage.ru_maxrss / 1024,  # Linux reports kilobytes
    }


def measure(runs: int) -> dict[str, list[dict[str, float]]]:
    """`runs` starts of each app, alternating so that a busy moment hits both alike."""
    results: dict[str, list[dict[str, float]]] = {which: [] for which, _ in APPS}
    with tempfile.TemporaryDirectory(prefix="okx-bench-") as home:
        env = clean_env(Path(home))
        for which, _ in APPS:
            run_once(which, env)  # warm-up: disk cache and bytecode files; not counted
        for _ in range(runs):
            for which, _ in APPS:
                results[which].append(run_once(which, env))
    return results


def summary(results: dict[str, list[dict[str, float]]]) -> dict:
    """Medians and the ratio, as printed and as written to RESULTS.md."""
    ready = {which: [r["ready_ms"] for r in rows] for which, rows in results.items()}
    med = {which: statistics.median(values) for which, values in ready.items()}
    return {
        "runs": len(ready["wizard"]),
        "median_ms": med,
        "min_ms": {which: min(values) for which, values in ready.items()},
        "max_ms": {which: max(values) for which, values in ready.items()},
        "exit_median_ms": {which: statistics.median(r["exit_ms"] for r in rows) for which, rows in results.items()},
        "cpu_median_ms": {which: statistics.median(r["cpu_ms"] for r in rows) for which, rows in results.items()},
        "ratio": med["wizard"] / med["minimal"],
        "goal": GOAL,
    }


def report(s: dict) -> None:
    print(f"Start-up to the first screen (headless 80x24, {s['runs']} alternating runs of each):")
    print(f"  {'app':<22} {'median ms':>10} {'min ms':>8} {'max ms':>8} {'to exit ms':>11} {'CPU ms':>7}")
    for which, label in APPS:
        print(
            f"  {label:<22} {s['median_ms'][which]:>10.1f} {s['min_ms'][which]:>8.1f}"
            f" {s['max_ms'][which]:>8.1f} {s['exit_median_ms'][which]:>11.1f} {s['cpu_median_ms'][which]:>7.1f}"
        )
    verdict = "ok" if s["ratio"] <= GOAL else "ABOVE GOAL"
    print(f"  ratio okx-helper / minimal (medians): {s['ratio']:.2f}   (goal <= {GOAL})  {verdict}")
    cpu = s["cpu_median_ms"]
    print(f"  CPU ratio (user+sys until exit, less sensitive to other load): {cpu['wizard'] / cpu['minimal']:.2f}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="3 runs of each app")
    parser.add_argument("--runs", type=int, help="runs of each app (default 15, quick 3)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    runs = args.runs or (3 if args.quick else 15)
    s = summary(measure(runs))
    report(s)
    if args.json:
        args.json.write_text(json.dumps(s, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
