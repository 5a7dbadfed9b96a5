"""okx-helper verify-reply: exit codes, text and JSON output, and damaged input."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from okx_helper.cli import main
from okx_helper.commands import verify_reply as command

DATA = Path(__file__).parent / "data" / "dev" / "replies"


@pytest.fixture(autouse=True)
def no_saved_profile(monkeypatch):
    # The user's real keyring must not decide these tests.
    monkeypatch.setattr(command, "_saved_code", lambda: None)


def run(capsys, *argv):
    code = main(["verify-reply", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_genuine_reply_exits_0(capsys):
    code, out, err = run(capsys, str(DATA / "g01_en_plain.eml"), "--anti-phishing-code", "Mint42", "--lang", "en")
    assert code == 0, out
    assert out.startswith("Verdict: Likely genuine")
    assert err == ""


def test_suspicious_and_fraudulent_exit_1(capsys):
    assert run(capsys, str(DATA / "c01_en_code_missing.eml"), "--anti-phishing-code", "Mint42")[0] == 1
    code, out, _ = run(capsys, str(DATA / "d01_en_seed_lookalike.eml"), "--lang", "en")
    assert code == 1 and "Fraudulent" in out and "seed phrase" in out


def test_saved_profile_code_is_used(capsys, monkeypatch):
    monkeypatch.setattr(command, "_saved_code", lambda: "Mint42")
    assert run(capsys, str(DATA / "c01_en_code_missing.eml"))[0] == 1
    assert run(capsys, str(DATA / "g01_en_plain.eml"))[0] == 0
    # an explicit empty code means "none known" and wins over the profile
    assert run(capsys, str(DATA / "c01_en_code_missing.eml"), "--anti-phishing-code", "")[0] == 0


def test_json_output_has_the_issue_shape(capsys):
    code, out, _ = run(
        capsys,
        str(DATA / "d12_en_off_domain_link.eml"),
        "--format",
        "json",
        "--anti-phishing-code",
        "Mint42",
        "--question",
        "USDT deposit TRC20",
    )
    data = json.loads(out)
    assert code == 1
    assert data["verdict"] == "fraudulent"
    assert [c["name"] for c in data["checks"]] == [
        "sender_domain",
        "authentication",
        "dkim_alignment",
        "reply_to",
        "anti_phishing_code",
        "links",
    ]
    assert {"kind": "off_domain_link", "excerpt": "https://okx.com-support.help/verify"} in data["dangers"]
    assert data["usefulness"]["answers_question"] is True


def test_chinese_text_output(capsys):
    code, out, _ = run(capsys, str(DATA / "d10_zh_safe_wallet.eml"), "--lang", "zh")
    assert code == 1
    assert out.startswith("结论：诈骗")
    assert "安全钱包" in out


def test_stdin_and_pasted_text(capsys, monkeypatch):
    pasted = "Dear customer,\nPlease send us your seed phrase to unlock the account.\nOKX"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(pasted.encode())))
    code, out, _ = run(capsys, "-", "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["verdict"] == "fraudulent"
    assert data["checks"][0]["status"] == "unknown"


@pytest.mark.parametrize(
    "make",
    [
        lambda tmp: str(tmp / "missing.eml"),
        lambda tmp: str(tmp),
        lambda tmp: _write(tmp, b""),
        lambda tmp: _write(tmp, b"\x00\xff\x10\x88" * 300),
        lambda tmp: _write(tmp, (DATA / "g02_en_alt_html.eml").read_bytes()[:900]),
    ],
)
def test_unreadable_input_exits_2_with_one_line(capsys, tmp_path, make):
    code, out, err = run(capsys, make(tmp_path))
    assert code == 2
    assert out == ""
    assert err.startswith("okx-helper verify-reply: ") and err.count("\n") == 1
    assert "Traceback" not in err


def _write(tmp: Path, data: bytes) -> str:
    path = tmp / "reply.eml"
    path.write_bytes(data)
    return str(path)


def test_escape_sequences_from_the_message_are_stripped(capsys, tmp_path):
    raw = (
        b"From: OKX <support@okx.com>\nSubject: hi \x1b[2J\x1b]0;pwned\x07 there\n\n"
        b"Dear customer,\nplease reply \x1b[31mwith your password\x1b[0m.\n\xe2\x80\xaeevil\n"
    )
    code, out, err = run(capsys, _write(tmp_path, raw))
    assert code == 1
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "password" in out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400))
def test_random_bytes_never_crash(capsys, tmp_path, data):
    code, out, err = run(capsys, _write(tmp_path, data))
    assert code in (1, 2)
    assert "Traceback" not in err
    if code == 2:
        assert err.count("\n") == 1


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(sorted(p.name for p in DATA.glob("*.eml"))), st.floats(0.05, 0.95))
def test_truncated_messages_never_crash(capsys, tmp_path, name, fraction):
    full = (DATA / name).read_bytes()
    code, _, err = run(capsys, _write(tmp_path, full[: int(len(full) * fraction)]))
    assert code in (0, 1, 2)
    assert "Traceback" not in err


def test_the_installed_command_runs():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "okx_helper",
            "verify-reply",
            str(DATA / "g05_zh_plain.eml"),
            "--anti-phishing-code",
            "Mint42",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["verdict"] == "genuine"


def test_errors_in_chinese(capsys, tmp_path):
    code, out, err = run(capsys, _write(tmp_path, b""), "--lang", "zh")
    assert code == 2 and "输入为空" in err
    code, out, err = run(capsys, str(tmp_path / "nope.eml"), "--lang", "zh")
    assert code == 2 and "找不到文件" in err
