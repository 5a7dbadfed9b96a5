"""What the commands print: never a raw control sequence, and readable on any terminal encoding."""
from __future__ import annotations

import json
import re
import sys

# Anything a terminal could act on: C0 controls but tab and newline, DEL, C1 controls (8-bit
# CSI), and the bidi marks and overrides that reorder what is shown.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe(text) -> str:
    """The text with every terminal-controlling character removed."""
    return _UNSAFE.sub("", str(text))


def emit(text="", stream=None) -> None:
    """Print safe text, in UTF-8 when the terminal's encoding cannot show it (LANG=C, latin-1)."""
    stream = stream or sys.stdout
    text = safe(text)
    try:
        print(text, file=stream)
    except UnicodeEncodeError:
        stream.flush()
        stream.buffer.write((text + "\n").encode("utf-8"))
        stream.flush()


def emit_json(data, stream=None) -> None:
    """JSON with the same data, but controlling characters written as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    text = _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    emit(text, stream)


def error(command: str, message, stream=None) -> None:
    """One line on stderr, prefixed with the command's name."""
    emit(f"okx-helper {command}: {message}", stream or sys.stderr)
