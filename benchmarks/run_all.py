"""Run every benchmark of okx-helper and print its tables; optionally record them in RESULTS.md.

    python benchmarks/run_all.py            # full run, a few minutes
    python benchmarks/run_all.py --quick    # small sizes and few runs: proves it works (CI)
    python benchmarks/run_all.py --write    # full run, then rewrite benchmarks/RESULTS.md

Each benchmark runs in its own Python process, so one's imports and memory do not colour
another's figures. The exit code is non-zero when a benchmark fails to run; slow figures never
fail it (they are marked ABOVE GOAL / SLOW in the tables instead).
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"
# (key, title, script, writes --json figures)
SECTIONS = [
    ("startup", "Start-up", "bench_startup.py", True),
    ("typing", "Typing latency", "bench_typing.py", True),
    ("engines", "Check throughput (privacy and tone engines vs detect-secrets)", "bench_engines.py", False),
    ("memory", "Peak memory", "bench_memory.py", True),
]


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    from importlib.metadata import PackageNotFoundError, version

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    system = platform.platform()
    try:
        release = Path("/etc/os-release").read_text(encoding="utf-8")
        pretty = re.search(r'^PRETTY_NAME="?([^"\n]*)"?', release, re.M)
        if pretty:
            system = f"{pretty.group(1)} ({platform.system()} {platform.release()})"
    except OSError:
        pass
    versions = {}
    for name in ("textual", "okx-helper", "detect-secrets"):
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = "not installed"
    return {
        "CPU": cpu,
        "cores": str(os.cpu_count()),
        "OS": system,
        "Python": f"{platform.python_version()} ({platform.python_implementation()})",
        "Textual": versions["textual"],
        "okx-helper": versions["okx-helper"] + commit(),
        "detect-secrets": versions["detect-secrets"],
    }


def commit() -> str:
    try:
        out = subprocess.run(
            ["git", "-C", str(HERE), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=10
        )
    except OSError:
        return ""
    return f" (commit {out.stdout.strip()})" if out.returncode == 0 and out.stdout.strip() else ""


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text(encoding="utf-8").split()[:3])
    except OSError:
        return "unknown"


def run_section(script: str, quick: bool, json_path: Path | None) -> tuple[int, str, float]:
    """Run one benchmark script; its exit code, printed text and wall time in seconds."""
    args = [sys.executable, str(HERE / script)]
    if quick:
        args.append("--quick")
    if json_path is not None:
        args += ["--json", str(json_path)]
    if script == "bench_engines.py" and importlib.util.find_spec("detect_secrets") is None:
        args.append("--no-detect-secrets")
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, cwd=HERE)
    text = done.stdout + (f"\n[stderr]\n{done.stderr.strip()}\n" if done.returncode and done.stderr else "")
    return done.returncode, text, time.perf_counter() - start


def engine_figures(text: str) -> dict[str, float]:
    """The 5,000-character medians from the engines benchmark's printed table."""
    found = {}
    for name in ("privacy", "tone", "both engines"):
        match = re.search(rf"^\s+{name}\s+([\d.]+) ms", text, re.M)
        if match:
            found[name] = float(match.group(1))
    return found


def summary_rows(figures: dict[str, dict], engines_text: str) -> list[tuple[str, str, str, str]]:
    """(measure, okx-helper, reference, goal) rows of the summary table."""
    rows = []
    s = figures.get("startup")
    if s:
        rows.append(
            (
                "Start-up to first screen, median",
                f"{s['median_ms']['wizard']:.0f} ms",
                f"{s['median_ms']['minimal']:.0f} ms (minimal app)",
                f"ratio {s['ratio']:.2f}, goal <= {s['goal']} ({'met' if s['ratio'] <= s['goal'] else 'not met'})",
            )
        )
    s = figures.get("typing")
    if s:
        rows.append(
            (
                "Key press to findings updated, median / p95",
                f"{s['findings_median_ms']:.1f} / {s['findings_p95_ms']:.1f} ms",
                "one frame at 60 Hz: 16 ms",
                f"p95 < {s['goal_ms']:.0f} ms ({'met' if s['findings_p95_ms'] < s['goal_ms'] else 'not met'})",
            )
        )
        rows.append(
            (
                "Key press to next frame, median / p95",
                f"{s['frame_median_ms']:.1f} / {s['frame_p95_ms']:.1f} ms",
                "",
                "for information",
            )
        )
    e = engine_figures(engines_text)
    if "both engines" in e:
        rows.append(
            (
                "Privacy + tone on a 5,000-char draft, median",
                f"{e['both engines']:.2f} ms",
                "see the detect-secrets table below",
                f"<= 3 ms ({'met' if e['both engines'] <= 3 else 'not met'})",
            )
        )
    s = figures.get("memory")
    if s:
        rows.append(
            (
                "Peak RSS at first screen",
                f"{s['peak_rss_mb']['wizard']:.1f} MB",
                f"{s['peak_rss_mb']['minimal']:.1f} MB (minimal app)",
                f"ratio {s['ratio']:.2f}",
            )
        )
    return rows


def write_results(info: dict[str, str], outputs: dict, quick: bool, note: str, loads: tuple[str, str]) -> None:
    """Rewrite RESULTS.md: machine, summary table, and every benchmark's printed tables."""
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Benchmark results",
        "",
        f"Measured {now} with `python benchmarks/run_all.py{' --quick' if quick else ''} --write`"
        " (see README.md in this folder for what each number means).",
        "",
    ]
    if quick:
        lines += ["**Quick mode: small sizes and few runs; these figures only show that it works.**", ""]
    if note:
        lines += [f"Note: {note}", ""]
    lines += ["## Machine", "", "| | |", "|---|---|"]
    lines += [f"| {key} | {value} |" for key, value in info.items()]
    lines += [f"| load average (1, 5, 15 min) | {loads[0]} before, {loads[1]} after |", ""]
    lines += ["## Summary", "", "| measure | okx-helper | reference | goal |", "|---|---|---|---|"]
    lines += [f"| {' | '.join(row)} |" for row in summary_rows(outputs["figures"], outputs.get("engines", ""))]
    lines.append("")
    for key, title, _, _ in SECTIONS:
        lines += [f"## {title}", "", "```", outputs.get(key, "(not run)").rstrip(), "```", ""]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes and few runs (seconds, for CI)")
    parser.add_argument("--write", action="store_true", help="rewrite benchmarks/RESULTS.md with the figures")
    parser.add_argument("--note", default="", help="a remark for RESULTS.md, e.g. about the machine's load")
    parser.add_argument("--only", choices=[key for key, *_ in SECTIONS], action="append", help="run only these")
    args = parser.parse_args(argv)

    info = machine()
    print("Machine: " + "; ".join(f"{key} {value}" for key, value in info.items()))
    load_before = load_average()
    print(f"Load average: {load_before}{'   (quick mode)' if args.quick else ''}")
    outputs: dict = {"figures": {}}
    failed = []
    with tempfile.TemporaryDirectory(prefix="okx-bench-") as tmp:
        for key, title, script, has_json in SECTIONS:
            if args.only and key not in args.only:
                continue
            print(f"\n=== {title} ===", flush=True)
            json_path = Path(tmp) / f"{key}.json" if has_json else None
            code, text, seconds = run_section(script, args.quick, json_path)
            print(text.rstrip())
            print(f"({script}: {seconds:.1f} s)", flush=True)
            outputs[key] = text
            if code != 0:
                failed.append(script)
                print(f"{script} FAILED with exit code {code}")
            elif json_path is not None and json_path.is_file():
                outputs["figures"][key] = json.loads(json_path.read_text(encoding="utf-8"))
    load_after = load_average()
    rows = summary_rows(outputs["figures"], outputs.get("engines", ""))
    if rows:
        print("\n=== Summary ===")
        for row in rows:
            print(f"  {row[0]:<46} {row[1]:>15}   {row[2]:<36} {row[3]}")
    if args.write:
        write_results(info, outputs, args.quick, args.note, (load_before, load_after))
        print(f"\nwrote {RESULTS}")
    if failed:
        print("\nfailed: " + ", ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
