"""okx-helper over a real SSH session: a private sshd on 127.0.0.1, `ssh -tt` inside tmux.

The test makes a throw-away host key and client key, starts sshd on a free port, runs the
whole wizard through it, and stops sshd at the end so nothing keeps listening.
"""

import os
import pwd
import shlex
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
from termtools import Tmux, check_eml, network_attempts, okx_helper_program, private_env, squash, tr, walk_wizard

SSHD = shutil.which("sshd") or ("/usr/sbin/sshd" if os.access("/usr/sbin/sshd", os.X_OK) else None)
SSH = shutil.which("ssh")
KEYGEN = shutil.which("ssh-keygen")

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not (SSHD and SSH and KEYGEN), reason="sshd, ssh or ssh-keygen is not installed"),
    pytest.mark.skipif(not shutil.which("tmux"), reason="tmux is not installed"),
]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def listening(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def keygen(path: Path) -> None:
    subprocess.run([KEYGEN, "-q", "-t", "ed25519", "-N", "", "-f", str(path)], check=True, timeout=30)


@pytest.fixture
def sshd(tmp_path):
    """A private sshd on 127.0.0.1 that lets this user in with a throw-away key; stopped after."""
    keys = tmp_path / "ssh"
    keys.mkdir(mode=0o700)
    keygen(keys / "host_key")
    keygen(keys / "client_key")
    shutil.copy(keys / "client_key.pub", keys / "authorized_keys")
    port = free_port()
    config = keys / "sshd_config"
    config.write_text(
        "\n".join(
            [
                f"Port {port}",
                "ListenAddress 127.0.0.1",
                f"HostKey {keys / 'host_key'}",
                f"AuthorizedKeysFile {keys / 'authorized_keys'}",
                f"PidFile {keys / 'sshd.pid'}",
                "PermitRootLogin yes",  # the tests run as root in CI
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "StrictModes no",
                "UsePAM no",
                "X11Forwarding no",
                "AcceptEnv TERM LANG LC_*",
                "LogLevel ERROR",
                "",
            ]
        )
    )
    try:
        Path("/run/sshd").mkdir(exist_ok=True)  # the privilege separation directory sshd insists on
    except OSError:
        pass  # not root: sshd says so in its log if it needs it
    log = open(keys / "sshd.log", "wb")
    server = subprocess.Popen([SSHD, "-D", "-e", "-f", str(config)], stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 20
        while not listening(port):
            if server.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail(f"sshd did not start: {(keys / 'sshd.log').read_text(errors='replace')}")
            time.sleep(0.1)
        yield {"port": port, "key": keys / "client_key", "log": keys / "sshd.log"}
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
        log.close()
    assert not listening(port), "sshd must not keep listening after the test"


def ssh_command(sshd, remote_env: dict[str, str], argv: list[str]) -> list[str]:
    """`ssh -tt` to the private sshd running argv with remote_env; TERM comes from the pty request."""
    remote = shlex.join(["env", *(f"{k}={v}" for k, v in remote_env.items()), *argv])
    return [
        SSH,
        "-tt",
        "-F",
        "/dev/null",
        "-p",
        str(sshd["port"]),
        "-i",
        str(sshd["key"]),
        "-o",
        "IdentitiesOnly=yes",
        "-o",
        "BatchMode=yes",
        "-o",
        "StrictHostKeyChecking=no",
        "-o",
        "UserKnownHostsFile=/dev/null",
        "-o",
        "LogLevel=ERROR",
        "-o",
        "SendEnv=TERM LANG LC_*",
        f"{pwd.getpwuid(os.getuid()).pw_name}@127.0.0.1",
        remote,
    ]


def test_ssh_session_passes_term_and_has_no_display(sshd, tmp_path):
    """What the wizard sees on the far side: TERM from the client, SSH variables, no DISPLAY."""
    command = ssh_command(sshd, {}, ["sh", "-c", 'echo "term=$TERM ssh=${SSH_TTY:+yes} display=${DISPLAY:-none}"'])
    env = dict(os.environ, TERM="xterm-256color")
    env.pop("DISPLAY", None)
    done = subprocess.run(command, capture_output=True, text=True, timeout=30, env=env, stdin=subprocess.DEVNULL)
    assert "term=xterm-256color ssh=yes display=none" in done.stdout, (done.stdout, done.stderr)


def test_wizard_over_ssh_detects_the_session_and_saves_the_eml(sshd, tmp_path):
    env = private_env(tmp_path)
    local = {k: env[k] for k in ("TERM", "LANG", "LC_ALL", "PATH", "HOME")}
    # The remote side gets its own private folders, but not TERM: that must come through SSH.
    remote = {k: v for k, v in env.items() if k not in ("TERM", "LANG", "LC_ALL")}
    remote["LANG"] = remote["LC_ALL"] = "C.UTF-8"
    seen = {}

    def on_handoff(screen: str) -> None:
        seen["handoff"] = screen

    with Tmux(tmp_path, 80, 24) as tm:
        tm.start(ssh_command(sshd, remote, [okx_helper_program(), "--lang", "en"]), local)
        tm.wait_for(tr("wizard.start_title", "en"), timeout=60)
        saved = walk_wizard(tm, "en", tmp_path / "documents", on_handoff=on_handoff)
        tm.keys("C-q")
        assert tm.wait_exit() == 0, tm.screen()

    screen = squash(seen["handoff"])
    # Detected: an SSH session without a display …
    assert squash(tr("handoff.env_ssh", "en") + " · " + tr("handoff.env_no_display", "en")) in screen
    assert squash(tr("handoff.ssh_explain", "en")[:60]) in screen
    # … so the desktop client is ruled out, and a terminal client and OSC 52 copy are offered.
    assert squash(tr("handoff.why_ssh_no_display", "en")[:40]) in screen
    assert squash(tr("handoff.m_clipboard", "en")) in screen
    assert squash(tr("handoff.note_ssh_clipboard", "en")[:30]) in screen
    can_work = squash(tr("handoff.can_work", "en"))
    if any(shutil.which(client) for client in ("neomutt", "mutt", "aerc")):
        # A terminal mail client is the first suggestion: it works right here in the SSH session.
        assert can_work + "t" + squash(tr("handoff.m_terminal_none", "en")) in screen
    else:
        assert squash(tr("handoff.why_no_terminal_client", "en")[:30]) in screen
    check_eml(saved, "en")
    assert network_attempts(tmp_path) == ""
