"""A small tmux driver for tests that run the real program in a real terminal.

Every session lives on its own tmux server (a private socket, `tmux -L NAME`), so tests never
touch a user's tmux or each other's, and `close()` kills that server whatever happened.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

_SGR = re.compile(r"\x1b\[([0-9;:]*)m")  # a Select Graphic Rendition sequence and its parameters
# Whitespace, box-drawing and block characters: dropped before comparing, so wrapped text matches.
_NOISE = re.compile(r"[\s\u2500-\u259f]+")


def squash(text: str) -> str:
    """Text without whitespace or frame characters, so a phrase matches however it was wrapped."""
    return _NOISE.sub("", text)


# The pane's shell prints this after the program, with its exit code.
EXIT_MARK = "okx-helper exited with "
TMUX_CONF = """\
set -g status off
set -g remain-on-exit on
set -g history-limit 5000
set -g escape-time 10
set -g set-clipboard on
"""  # set-clipboard on: an OSC 52 that reaches tmux becomes a paste buffer a test can see


def okx_helper_program() -> str:
    """The installed console script: the one next to this Python, else the one on PATH."""
    beside = Path(sys.executable).with_name("okx-helper")
    if beside.exists():
        return str(beside)
    found = shutil.which("okx-helper")
    if not found:
        raise RuntimeError("the okx-helper console script is not installed (pip install -e .)")
    return found


# Loaded by the program under test through PYTHONPATH: any internet socket or name lookup is
# refused and written down, so a test can prove the product opened no connection by itself.
NETWORK_GUARD = """\
import os, socket, traceback

_LOG = os.environ.get("OKX_TEST_NETWORK_LOG", "")
_real_init = socket.socket.__init__
_real_getaddrinfo = socket.getaddrinfo


def _refuse(what):
    if _LOG:
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(what + "\\n" + "".join(traceback.format_stack(limit=12)) + "\\n")
    raise OSError("network access is blocked in this test")


def _guarded_init(self, family=-1, type=-1, proto=-1, fileno=None):
    if fileno is None and family in (-1, socket.AF_INET, socket.AF_INET6):
        _refuse("socket(%r)" % (family,))
    _real_init(self, family, type, proto, fileno)


def _guarded_getaddrinfo(host, *args, **kwargs):
    _refuse("getaddrinfo(%r)" % (host,))


socket.socket.__init__ = _guarded_init
socket.getaddrinfo = _guarded_getaddrinfo
"""


def network_attempts(root: Path) -> str:
    """What the program tried to open on the network (empty: nothing)."""
    log = root / "network-attempts.log"
    return log.read_text(encoding="utf-8") if log.exists() else ""


def private_env(root: Path, **extra: str) -> dict[str, str]:
    """XDG folders and HOME under root, a colour terminal, a UTF-8 locale, and no network."""
    env = {
        "HOME": str(root / "home"),
        "XDG_STATE_HOME": str(root / "state"),
        "XDG_DATA_HOME": str(root / "data"),
        "XDG_CONFIG_HOME": str(root / "config"),
        "XDG_CACHE_HOME": str(root / "cache"),
        "XDG_DOCUMENTS_DIR": str(root / "documents"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        # A keyring backend that needs no desktop and never asks: the profile store stays quiet.
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    for name in ("home", "documents", "netguard"):
        (root / name).mkdir(parents=True, exist_ok=True)
    (root / "netguard" / "sitecustomize.py").write_text(NETWORK_GUARD)
    env["PYTHONPATH"] = str(root / "netguard")
    env["OKX_TEST_NETWORK_LOG"] = str(root / "network-attempts.log")
    env.update(extra)
    return env


_GREY_BASIC = {30, 37, 40, 47, 90, 97, 100, 107}  # black, white and grey among the 16 colours
_GREY_256 = {0, 7, 8, 15} | {16 + 43 * i for i in range(6)} | set(range(232, 256))


def hued_colours(captured: str) -> list[str]:
    """The SGR codes in a `capture-pane -e` text that set a colour with a hue (not black/grey/white).

    NO_COLOR asks for no colour; Textual keeps contrast with shades of grey, which carry no hue.
    """
    found = []
    for params in _SGR.findall(captured):
        parts = [int(p) if p.isdigit() else -1 for p in re.split(r"[;:]", params)]
        i = 0
        while i < len(parts):
            p = parts[i]
            if p in (38, 48, 58) and i + 2 < len(parts) and parts[i + 1] == 5:
                if parts[i + 2] not in _GREY_256:
                    found.append(params)
                i += 3
            elif p in (38, 48, 58) and i + 4 < len(parts) and parts[i + 1] == 2:
                if len(set(parts[i + 2 : i + 5])) > 1:
                    found.append(params)
                i += 5
            elif (30 <= p <= 37 or 40 <= p <= 47 or 90 <= p <= 97 or 100 <= p <= 107) and p not in _GREY_BASIC:
                found.append(params)
                i += 1
            else:
                i += 1
    return found


def children(pid: int) -> list[int]:
    """Processes whose parent is pid, read from /proc (no procps needed)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # it ended meanwhile
            continue
        # "pid (name) state ppid …": the name may contain spaces and parentheses.
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return sorted(found)


class Tmux:
    """One detached tmux session running one command, with keys in and screen text out."""

    def __init__(self, workdir: Path, cols: int = 80, rows: int = 24) -> None:
        if not shutil.which("tmux"):
            raise RuntimeError("tmux is not installed")
        self.socket = f"okxtest-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.cols, self.rows = cols, rows
        self.workdir = Path(workdir)
        self.conf = self.workdir / f"{self.socket}.conf"
        self.conf.write_text(TMUX_CONF)
        self.started = False

    def _tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["tmux", "-L", self.socket, "-f", str(self.conf), *args],
            capture_output=True,
            text=True,
            check=check,
            timeout=20,
        )

    # -- life cycle ------------------------------------------------------------------
    def start(self, argv: list[str], env: dict[str, str], cwd: Path | None = None) -> None:
        """Run argv in a fresh session, with exactly env (TERM included) inside the pane."""
        # A shell around the program reaps it and prints its exit code on the screen: tmux alone
        # sometimes leaves the exited program a zombie without an exit status.
        assignments = [f"{k}={v}" for k, v in env.items()]
        command = shlex.join(["env", "-i", *assignments, *argv]) + f'; echo "{EXIT_MARK}$?."'
        self._tmux(
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            str(self.cols),
            "-y",
            str(self.rows),
            "-c",
            str(cwd or self.workdir),
            command,
        )
        self.started = True

    def close(self) -> None:
        """Kill the whole tmux server and everything running in it."""
        if self.started:
            self._tmux("kill-server", check=False)
            self.started = False
        try:
            self.conf.unlink()
        except OSError:
            pass

    def __enter__(self) -> Tmux:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- input -----------------------------------------------------------------------
    def keys(self, *keys: str) -> None:
        """Named keys as tmux knows them: Enter, Tab, Escape, Down, C-n, F10 …"""
        self._tmux("send-keys", "-t", "t", *keys)

    def type(self, text: str) -> None:
        """Literal text, character by character as if typed (no key-name lookup)."""
        self._tmux("send-keys", "-t", "t", "-l", text)

    def paste(self, text: str) -> None:
        """Text as a terminal paste: wrapped in bracketed-paste markers when the app asked for them."""
        buffer = f"b{uuid.uuid4().hex[:6]}"
        self._tmux("set-buffer", "-b", buffer, "--", text)
        self._tmux("paste-buffer", "-p", "-d", "-b", buffer, "-t", "t")

    # -- output ----------------------------------------------------------------------
    def screen(self, escapes: bool = False) -> str:
        """What the pane shows now; with escapes=True the colours and attributes as SGR codes."""
        args = ["capture-pane", "-p", "-t", "t"] + (["-e"] if escapes else [])
        return self._tmux(*args).stdout

    def wait_for(self, text: str | list[str], timeout: float = 30.0, gone: bool = False) -> str:
        """Poll until text (any of a list) appears on the screen (or disappears, gone=True).

        Whitespace and frame characters are ignored, so a phrase wrapped over lines still matches.
        """
        wanted = [text] if isinstance(text, str) else list(text)
        squashed = [squash(w) for w in wanted]
        deadline = time.monotonic() + timeout
        shown = ""
        while time.monotonic() < deadline:
            shown = self.screen()
            present = any(w in squash(shown) for w in squashed)
            if present != gone:
                return shown
            time.sleep(0.1)
        state = "still shown" if gone else "not shown"
        raise AssertionError(f"{wanted!r} {state} after {timeout}s; the screen:\n{shown}")

    def settle(self, quiet: float = 0.6, timeout: float = 15.0) -> str:
        """Wait until the screen stops changing for `quiet` seconds (e.g. after a burst of keys)."""
        deadline = time.monotonic() + timeout
        last, since = self.screen(), time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.1)
            now = self.screen()
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                break
        return last

    def record(self, path: Path) -> None:
        """Append everything the program writes to the terminal from now on to path (raw bytes)."""
        self._tmux("pipe-pane", "-O", "-t", "t", "cat >> " + shlex.quote(str(path)))

    def buffers(self) -> str:
        """tmux paste buffers: an OSC 52 sequence reaching tmux would create one (set-clipboard on)."""
        return self._tmux("list-buffers", "-F", "#{buffer_name}: #{buffer_sample}").stdout

    def pane(self, field: str) -> str:
        """A pane format value, e.g. pane_pid, pane_dead, pane_dead_status."""
        return self._tmux("display-message", "-p", "-t", "t", f"#{{{field}}}").stdout.strip()

    def program_pid(self, timeout: float = 10.0) -> int:
        """The pid of the program (the child of the shell the pane runs)."""
        deadline = time.monotonic() + timeout
        shell = self.pane("pane_pid")
        while time.monotonic() < deadline:
            found = children(int(shell))
            if found:
                return found[0]
            time.sleep(0.1)
        raise AssertionError("the program's process was not found")

    def wait_exit(self, timeout: float = 20.0) -> int:
        """Wait for the program to end; its exit status."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            everything = self._tmux("capture-pane", "-p", "-S", "-", "-t", "t").stdout  # with history
            found = re.search(re.escape(EXIT_MARK) + r"(\d+)\.", everything)
            if found:
                return int(found.group(1))
            time.sleep(0.1)
        raise AssertionError(f"the program did not exit in {timeout}s; the screen:\n{self.screen()}")


# -- the six wizard steps, driven with keys only ----------------------------------------
TXID = "3f1c9a7be04d5c2e8b6a9d0f1e2c3b4a5d6e7f8091a2b3c4d5e6f708192a3b4c"
FIELDS = {
    "time": "2026-11-25 14:30 +08:00",
    "coin": "USDT",
    "network": "TRC20",
    "amount": "1250",
    "txid": TXID,
    "deposit_address": "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE",
}
ANSWERS = {
    "en": {
        "description": "Hello, my USDT deposit has not arrived. My password is Tulip-2024!!!",
        "secret": "Tulip-2024",
        "marker": "[removed: password]",
        "subject_word": "Deposit",
    },
    "zh": {
        "description": "您好，我的USDT充值还没有到账。我的登录密码是 Lily@2024",
        "secret": "Lily@2024",
        "marker": "[已隐去：密码]",
        "subject_word": "充值",
    },
}
SENDER = "me@example.com"


def tr(key: str, language: str, /, **values) -> str:
    """A product string as the user sees it (values may include a `lang` placeholder)."""
    from okx_helper.base.i18n import t

    return t(key, language, **values)


def open_describe_step(tm: Tmux, lang: str) -> None:
    """From the start screen to the Details step of a deposit problem."""
    from okx_helper.writing import categories

    tm.wait_for(tr("wizard.start_title", lang), timeout=60)
    tm.keys("n")
    # The step line names all six steps; below 80 columns it says "Step 1/6 Contact" instead.
    steps = ("contact", "category", "describe", "privacy", "tone", "review")
    if tm.cols >= 80:
        for step in steps:
            tm.wait_for(tr(f"wizard.step_{step}", lang))
    else:
        tm.wait_for(tr("wizard.step_of", lang, step=1, total=6))
        tm.wait_for(tr("wizard.step_contact", lang))
    tm.wait_for("support@okx.com")
    tm.keys("Enter")  # the highlighted official address
    deposit = categories.get("deposit")
    tm.wait_for(deposit.text("title", lang))
    ids = [c.id for c in categories.categories()]
    tm.keys(*["Down"] * ids.index("deposit"), "Enter")
    tm.wait_for(deposit.fields[0].text("label", lang) + " *")


def walk_wizard(tm: Tmux, lang: str, documents: Path, on_handoff=None, next_keys=("C-n",)) -> Path:
    """Go through all six steps as a user would, checking each screen; the saved .eml's path.

    `on_handoff(screen_text)` may inspect the hand-off screen before the .eml is saved.
    `next_keys` is what the user presses for "next" (Ctrl+N, or F10 where Ctrl+N is taken).
    """
    from okx_helper.writing import categories

    answers = ANSWERS[lang]
    open_describe_step(tm, lang)
    # The cursor starts in the first empty field. Keys typed right after a Tab could still reach
    # the field being left (Textual moves focus when it handles the Tab), so wait between them.
    for spec in categories.get("deposit").fields:
        value = FIELDS.get(spec.id)
        if value is not None:
            tm.type(value)
            tm.wait_for(value[-10:])
        tm.keys("Tab")
        tm.settle(0.4)
    tm.type(answers["description"])
    tm.wait_for(answers["description"])
    tm.keys("Tab")
    tm.settle(0.4)
    tm.type(SENDER)
    tm.wait_for(SENDER)
    tm.wait_for(tr("wizard.describe_live_secrets", lang, count=1))

    tm.keys(*next_keys)
    tm.wait_for(tr("wizard.privacy_summary", lang, count=1, blocking=1))
    tm.wait_for(tr("wizard.where_description", lang, line=1))
    assert answers["secret"] not in tm.screen(), "the privacy list must not show the secret in full"
    tm.keys("r")
    tm.wait_for(tr("wizard.privacy_clean", lang))

    tm.keys(*next_keys)
    # The templates greet and close politely: the email as sent has both.
    tm.wait_for("✓ " + tr("wizard.tone_greeting", lang))
    tm.wait_for("✓ " + tr("wizard.tone_closing", lang))

    tm.keys(*next_keys)
    tm.wait_for(tr("wizard.review_checklist", lang))
    tm.wait_for("To: support@okx.com")
    tm.keys("Escape")  # back one step, nothing lost
    tm.wait_for("✓ " + tr("wizard.tone_closing", lang))
    tm.keys(*next_keys)
    tm.wait_for(tr("wizard.review_checklist", lang))

    tm.keys(*next_keys)
    shown = tm.wait_for(tr("handoff.title", lang))
    if on_handoff is not None:
        on_handoff(shown)
    tm.keys("e")
    tm.wait_for(tr("handoff.eml_prompt", lang)[:20])  # its end is cut off below 62 columns
    tm.wait_for(str(documents)[-25:])  # the default folder, the documents directory (its end: it scrolls)
    tm.keys("Enter")
    tm.wait_for("i " + tr("handoff.key_sent", lang))  # the footer now offers "I sent it"
    saved = sorted(documents.glob("*.eml"))
    assert len(saved) == 1, saved
    tm.wait_for(str(saved[0]))  # the screen names the file that was written
    tm.keys("i")
    tm.wait_for(tr("wizard.review_case_recorded", lang, case=1))
    tm.wait_for(tr("wizard.start_new", lang))
    return saved[0]


def check_eml(path: Path, lang: str) -> None:
    """The saved message parses back with the address, subject and redacted body expected."""
    from email import message_from_bytes, policy

    answers = ANSWERS[lang]
    raw = path.read_bytes()
    assert b"\x1b" not in raw
    message = message_from_bytes(raw, policy=policy.default)
    assert message["To"] == "support@okx.com"
    assert message["From"] == SENDER
    assert answers["subject_word"] in message["Subject"]
    assert message["X-Unsent"] == "1"
    body = message.get_content()
    assert TXID in body and FIELDS["deposit_address"] in body
    assert answers["marker"] in body and answers["secret"] not in body
