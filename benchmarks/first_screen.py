"""Driver for the start-up and memory benchmarks: start one app headless, stop at its first frame.

    python benchmarks/first_screen.py wizard    # okx-helper, through the console script's code
    python benchmarks/first_screen.py minimal   # a Textual app with one Label

Both apps go through the same code here, so the two figures differ only by the app. "Ready" is
the first frame of the app's first screen (the wizard's StartScreen, the minimal app's default
screen with its Label) that Textual composites while no batch update is pending; headless mode
composites frames as usual and only skips writing them to a terminal. The driver then exits at
once and prints one line: `first_frame <time.perf_counter()>`. CLOCK_MONOTONIC is shared by all
processes on Linux, so the parent subtracts the perf_counter it read just before starting us.
"""

from __future__ import annotations

import sys
import time

SIZE = (80, 24)


def main(which: str) -> int:
    from textual.app import App

    first_frame: list[float] = []
    target = {"wizard": "StartScreen", "minimal": "Screen"}[which]
    display = App._display

    def watched_display(self, screen, renderable):
        if not first_frame and renderable is not None and not self._batch_count and type(screen).__name__ == target:
            first_frame.append(time.perf_counter())
            self.call_later(self.exit)
        return display(self, screen, renderable)

    App._display = watched_display
    run = App.run

    def headless_run(self, *args, **kwargs):
        kwargs.update(headless=True, size=SIZE)
        return run(self, *args, **kwargs)

    App.run = headless_run

    if which == "wizard":
        # The path `okx-helper` takes; only the "is this a terminal?" check is skipped, since a
        # headless run has no terminal. A draft or profile on disk is not read: see bench_startup.
        from okx_helper.ui import launch

        launch.terminal_problem = lambda lang: None
        from okx_helper.cli import main as cli_main

        code = cli_main([])
    else:
        from textual.widgets import Label

        class Minimal(App):
            def compose(self):
                yield Label("Hello")

        Minimal().run()
        code = 0
    if not first_frame:
        print("no first frame was composited", file=sys.stderr)
        return 1
    print(f"first_frame {first_frame[0]!r}", flush=True)
    return code


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in ("wizard", "minimal"):
        print(__doc__, file=sys.stderr)
        raise SystemExit(2)
    raise SystemExit(main(sys.argv[1]))
