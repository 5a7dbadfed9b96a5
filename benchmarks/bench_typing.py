"""Typing: from a key press in the Description step to the live findings line being updated.

    python benchmarks/bench_typing.py           # 200 key presses
    python benchmarks/bench_typing.py --quick   # 20 key presses, only to prove it works

The wizard runs under Textual's test pilot (headless, 80x24) on the Description step of a deposit
draft whose fields are filled and whose free text holds 5,000 characters of mixed Chinese and
English support mail with secrets in it (the engines benchmark's text). Each key goes in the way a
terminal's keys do (the driver posts a Key event to the app), at the end of the text; typed is a
phrase that adds a password, so the counts change on the way. Two times per key:

- findings: until the screen writes the recounted line into #live-findings (Static.update);
- frame:    until the next frame of the screen is composited after that (headless: not written).

Goal (issue 8): p95 of "findings" under one frame at 60 Hz, 16 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

GOAL_MS = 16.0
PHRASE = " 我的登录密码是 Tulip-2024!! please check my deposit, thank you. 谢谢"
FIELDS = {
    "time": "2026-11-25 14:30 +08:00",
    "coin": "USDT",
    "network": "TRC20",
    "amount": "1250",
    "txid": "3f1c9a7be04d5c2e8b6a9d0f1e2c3b4a5d6e7f8091a2b3c4d5e6f708192a3b4c",
    "deposit_address": "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE",
}


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile: a value that was really measured."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def key_event(character: str):
    from textual import events
    from textual.keys import _character_to_key

    return events.Key(_character_to_key(character), character)


async def measure(presses: int) -> dict:
    from bench_engines import mixed_text
    from textual.widgets import Static, TextArea

    from okx_helper.settings.profile import Profile
    from okx_helper.ui.app import WizardApp
    from okx_helper.writing import categories
    from okx_helper.writing.autosave import DraftStore
    from okx_helper.writing.draft import Draft

    state = tempfile.mkdtemp(prefix="okx-bench-")
    category = categories.get("deposit")
    fields = {spec.id: FIELDS.get(spec.id, "") for spec in category.fields}
    draft = Draft(
        category="deposit",
        fields=fields,
        description=mixed_text(5000),
        profile=Profile(email="me@example.com", uid="9182352120468492"),
        step=2,
    )
    app = WizardApp(ui_lang="en", store=DraftStore(Path(state)), new=True)
    findings_ms: list[float] = []
    frame_ms: list[float] = []
    lines: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.start_wizard(draft)
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "DescribeScreen", type(screen).__name__
        live_id = "#live-findings" if screen.query("#live-findings") else "#missing"
        live = screen.query_one(live_id, Static)
        area = screen.query_one("#description", TextArea)
        assert len(area.text) == 5000
        area.focus()
        area.move_cursor(area.document.end)
        await pilot.pause()

        updated, painted = asyncio.Event(), asyncio.Event()
        stamps: dict[str, float] = {}
        update = live.update

        def watched_update(content="", *args, **kwargs):
            if "findings" not in stamps:
                stamps["findings"] = time.perf_counter()
                updated.set()
            lines.append(str(content))
            return update(content, *args, **kwargs)

        display = app._display

        def watched_display(shown, renderable):
            if "findings" in stamps and "frame" not in stamps and renderable is not None and not app._batch_count:
                stamps["frame"] = time.perf_counter()
                painted.set()
            return display(shown, renderable)

        live.update = watched_update
        app._display = watched_display
        for index in range(presses):
            stamps.clear()
            updated.clear()
            painted.clear()
            event = key_event(PHRASE[index % len(PHRASE)])
            start = time.perf_counter()
            app._driver.send_message(event)
            await asyncio.wait_for(updated.wait(), 5)
            await asyncio.wait_for(painted.wait(), 5)
            findings_ms.append((stamps["findings"] - start) * 1000)
            frame_ms.append((stamps["frame"] - start) * 1000)
            await pilot.pause()  # let the app settle, as between a person's key presses
        typed = len(area.text) - 5000
    if typed != presses:
        raise RuntimeError(f"{presses} keys pressed but {typed} characters arrived")
    return {
        "presses": presses,
        "widget": live_id,
        "distinct_lines": len(set(lines)),
        "findings_median_ms": statistics.median(findings_ms),
        "findings_p95_ms": percentile(findings_ms, 95),
        "findings_max_ms": max(findings_ms),
        "frame_median_ms": statistics.median(frame_ms),
        "frame_p95_ms": percentile(frame_ms, 95),
        "frame_max_ms": max(frame_ms),
        "goal_ms": GOAL_MS,
    }


def report(s: dict) -> None:
    print(f"Typing in the Description step (5,000 characters there, {s['presses']} key presses, {s['widget']}):")
    print(f"  {'key press until':<28} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}")
    print(
        f"  {'findings line updated':<28} {s['findings_median_ms']:>10.2f} {s['findings_p95_ms']:>8.2f} {s['findings_max_ms']:>8.2f}"
    )
    print(
        f"  {'next frame composited':<28} {s['frame_median_ms']:>10.2f} {s['frame_p95_ms']:>8.2f} {s['frame_max_ms']:>8.2f}"
    )
    verdict = "ok" if s["findings_p95_ms"] < GOAL_MS else "ABOVE GOAL"
    print(f"  findings p95 {s['findings_p95_ms']:.2f} ms   (goal < {GOAL_MS:.0f} ms, one frame at 60 Hz)  {verdict}")
    print(f"  the line showed {s['distinct_lines']} different texts while typing (counts changed)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="20 key presses")
    parser.add_argument("--presses", type=int, help="key presses (default 200, quick 20)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    # Keep the user's real draft, profile and settings out of it.
    home = tempfile.mkdtemp(prefix="okx-bench-home-")
    for name in ("DATA", "STATE", "CONFIG", "CACHE"):
        os.environ[f"XDG_{name}_HOME"] = os.path.join(home, name.lower())
    s = asyncio.run(measure(args.presses or (20 if args.quick else 200)))
    report(s)
    if args.json:
        args.json.write_text(json.dumps(s, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
