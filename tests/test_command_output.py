"""What the scriptable commands print never carries a terminal control sequence."""

import io
import json
import subprocess
import sys

from okx_helper.commands.output import emit, emit_json

HOSTILE = "see \x1b]52;c;ZXZpbA==\x07 and \x1b[2J and \x9b31m and \u202eevil"


def test_emit_removes_controls_but_keeps_text_and_lines():
    out = io.StringIO()
    emit("line one\n" + HOSTILE, out)
    text = out.getvalue()
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text and "\u202e" not in text
    assert text.startswith("line one\nsee ") and "evil" in text


def test_emit_json_keeps_the_data_but_escapes_controls():
    out = io.StringIO()
    emit_json({"excerpt": HOSTILE, "zh": "您好"}, out)
    text = out.getvalue()
    assert "\x1b" not in text and "\x9b" not in text and "\u202e" not in text
    assert json.loads(text) == {"excerpt": HOSTILE, "zh": "您好"}


def test_check_report_on_hostile_text_prints_no_escape(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("Hello, my password is Tulip-2024 " + HOSTILE + " YOU STOLE MY MONEY!!!", encoding="utf-8")
    for fmt in ("text", "json"):
        result = subprocess.run(
            [sys.executable, "-m", "okx_helper", "check", str(draft), "--format", fmt], capture_output=True
        )
        assert result.returncode == 1
        assert b"\x1b" not in result.stdout and b"\xc2\x9b" not in result.stdout and b"\x07" not in result.stdout
        assert b"Tulip-2024" not in result.stdout  # reports mask the secret (JSON gives offsets only)
