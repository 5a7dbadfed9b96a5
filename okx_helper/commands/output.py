"""What the commands print: never a raw control sequence, and readable on any terminal encoding."""

from __future__ import annotations

import json
import sys

# Anything a terminal could act on (C0 but tab and newline, DEL, C1 such as 8-bit CSI, bidi
# overrides) or that hides text: the same set the reply checker strips from mail it shows.
from okx_helper.replies.mailparse import CONTROL_CHARS, clean_text


def safe(text) -> str:
    """The text with every terminal-controlling character removed."""
    return clean_text(str(text))


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
    text = CONTROL_CHARS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    emit(text, stream)


def error(command: str, message, stream=None) -> None:
    """One line on stderr, prefixed with the command's name."""
    emit(f"okx-helper {command}: {message}", stream or sys.stderr)
