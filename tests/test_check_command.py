"""`okx-helper check`: input handling, JSON contract, masked text report, exit codes."""

from __future__ import annotations

import io
import json
import sys

import pytest

from okx_helper.cli import main

SECRET = "Blue#Sky2024"
CLEAN_EN = "Hello,\n\nmy deposit of 0.5 ETH has not arrived. TxID 0x39abc9b3920b4a437afda69c11fb8682404c79f43a1a173e0915924870939eb5.\n\nThank you,\nAnna\n"


def run(argv, capsys, stdin: bytes | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    code = main(["check", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_contract_and_exit_1_on_a_blocking_finding(tmp_path, capsys):
    path = tmp_path / "draft.txt"
    path.write_text(f"Hello,\nmy password is {SECRET}\nThanks", encoding="utf-8")
    code, out, _ = run([str(path), "--format", "json", "--lang", "en"], capsys)
    data = json.loads(out)
    assert code == 1
    assert set(data) >= {"privacy", "tone", "structure"}
    (finding,) = data["privacy"]
    assert finding["kind"] == "password" and finding["severity"] == "block"
    text = path.read_text(encoding="utf-8")
    assert text[finding["start"] : finding["end"]] == SECRET
    assert finding["message"].startswith("A password")
    assert data["structure"] == {"greeting": True, "closing": True}


def test_clean_text_exits_0(tmp_path, capsys):
    path = tmp_path / "draft.txt"
    path.write_text(CLEAN_EN, encoding="utf-8")
    code, out, _ = run([str(path), "--format", "json"], capsys)
    assert code == 0
    assert json.loads(out)["privacy"] == []


def test_a_warning_alone_does_not_block(tmp_path, capsys):
    path = tmp_path / "draft.txt"
    path.write_text("Hello,\nmy phone is +44 7700 900123, the deposit is late.\nThank you", encoding="utf-8")
    code, out, _ = run([str(path), "--format", "json"], capsys)
    assert [f["severity"] for f in json.loads(out)["privacy"]] == ["warn"]
    assert code == 0


def test_stdin_bom_dropped_offsets_after_it_and_no_newline_translation(capsys, monkeypatch):
    text = "\ufeff您好，\r\n资金密码：135790\r\n谢谢"
    code, out, _ = run(["-", "--format", "json", "--lang", "zh"], capsys, text.encode("utf-8"), monkeypatch)
    (finding,) = json.loads(out)["privacy"]
    assert text[1:][finding["start"] : finding["end"]] == "135790"
    assert "密码" in finding["message"]
    assert code == 1


def test_text_report_masks_the_secret(tmp_path, capsys):
    path = tmp_path / "draft.txt"
    path.write_text(f"Hello,\nmy password is {SECRET} and seed is fine\nThanks", encoding="utf-8")
    code, out, _ = run([str(path), "--lang", "en"], capsys)
    assert code == 1
    assert SECRET not in out
    assert "password" in out and "line 2" in out


@pytest.mark.parametrize("make", ["missing", "directory", "latin1"])
def test_unreadable_input_exits_2_with_one_line(tmp_path, capsys, make):
    path = tmp_path / "x.txt"
    if make == "directory":
        path = tmp_path
    elif make == "latin1":
        path.write_bytes("caf\xe9 password".encode("latin-1"))
    code, out, err = run([str(path)], capsys)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1


def test_a_tone_finding_alone_exits_1(tmp_path, capsys):
    path = tmp_path / "draft.txt"
    path.write_text("Hello,\nwhere is my money?????\nThanks", encoding="utf-8")
    code, out, _ = run([str(path), "--format", "json"], capsys)
    data = json.loads(out)
    assert data["privacy"] == [] and data["tone"]
    assert code == 1


def test_chinese_report_survives_an_ascii_terminal(tmp_path, monkeypatch):
    path = tmp_path / "draft.txt"
    path.write_text("资金密码：135790", encoding="utf-8")
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="ascii"))
    code = main(["check", str(path), "--lang", "zh"])
    sys.stdout.flush()
    out = raw.getvalue().decode("utf-8")
    assert code == 1
    assert "密码" in out and "135790" not in out
