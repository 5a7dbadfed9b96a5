import io
import json
import os
import stat
from email import policy
from email.parser import BytesParser

import pytest

from okx_helper.cli import main

TXID = "5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"
DEPOSIT = f'''
lang = "zh"
category = "deposit"
description = """我在 14:30 从另一个钱包转出 250 USDT，区块浏览器显示已确认，但账户余额一直没有变化。"""
[profile]
email = "lin@example.com"
uid = "1234567890123456"
nickname = "Lin"
[fields]
time = "2026-11-25 14:30 +08:00"
coin = "USDT"
network = "TRC20"
amount = "250"
txid = "{TXID}"
deposit_address = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
'''
SEED = "abandon " * 11 + "about"


def answers(tmp_path, text=DEPOSIT, name="answers.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def compose(*argv):
    return main(["compose", "--lang", "en", *argv])


def test_eml_is_written_and_parses_back(tmp_path, capsys):
    out = tmp_path / "out.eml"
    assert compose("--answers", answers(tmp_path), "--eml", str(out)) == 0
    assert str(out) in capsys.readouterr().out
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    data = out.read_bytes()
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    msg = BytesParser(policy=policy.default).parsebytes(data)
    assert msg["Subject"] == "充值未到账：250 USDT（TRC20 网络）"
    assert msg["To"].addresses[0].addr_spec == "support@okx.com"
    assert msg["From"].addresses[0].addr_spec == "lin@example.com"
    assert msg["X-Unsent"] == "1"
    body = msg.get_content()
    assert TXID in body and "2026-11-25 06:30 UTC" in body and "余额一直没有变化" in body


def test_printed_message_when_no_eml(tmp_path, capsys):
    assert compose("--answers", answers(tmp_path)) == 0
    out = capsys.readouterr().out
    assert out.startswith("From: lin@example.com\nTo: support@okx.com\nSubject: 充值未到账")
    assert "欧易客服团队，您好：" in out


def test_json_report(tmp_path, capsys):
    out = tmp_path / "o.eml"
    assert compose("--answers", answers(tmp_path), "--format", "json", "--eml", str(out)) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"subject", "to", "from", "address", "body", "eml", "privacy", "tone", "missing"}
    assert report["address"]["verdict"] == "official"
    assert report["eml"] == str(out) and report["to"] == "support@okx.com" and report["from"] == "lin@example.com"
    assert report["missing"] == [] and report["privacy"] == [] and TXID in report["body"]


def test_missing_information_is_reported_not_fatal(tmp_path, capsys):
    text = 'lang = "en"\ncategory = "withdrawal"\n[fields]\ncoin = "BTC"\n'
    assert compose("--answers", answers(tmp_path, text), "--format", "json") == 0
    missing = json.loads(capsys.readouterr().out)["missing"]
    assert "Withdrawal ID" in missing and any("time zone" in m for m in missing)


def test_p2p_goes_to_the_dedicated_address(tmp_path, capsys):
    text = 'category = "p2p"\n[fields]\norder_id = "1234567890"\n'
    assert compose("--answers", answers(tmp_path, text), "--format", "json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["to"] == "p2p@okx.com" and report["subject"] == "P2P order 1234567890: need help"


def test_blocking_findings_stop_everything(tmp_path, capsys):
    text = DEPOSIT.replace('description = """', f'description = """my seed is {SEED}. ')
    out = tmp_path / "out.eml"
    assert compose("--answers", answers(tmp_path, text), "--eml", str(out)) == 1
    captured = capsys.readouterr()
    assert not out.exists() and captured.out == ""
    assert "seed_phrase" in captured.err and "--allow-sensitive" in captured.err
    assert compose("--answers", answers(tmp_path, text), "--format", "json") == 1
    report = json.loads(capsys.readouterr().out)
    assert report["body"] is None and report["eml"] is None
    assert any(f["kind"] == "seed_phrase" and f["part"] == "description" for f in report["privacy"])
    assert compose("--answers", answers(tmp_path, text), "--eml", str(out), "--allow-sensitive") == 0
    assert out.exists()


def test_header_injection_in_answers_never_reaches_headers(tmp_path):
    text = DEPOSIT + "\n"
    text = text.replace('lang = "zh"', 'lang = "zh"\nsubject = "Help\\r\\nBcc: thief@evil.test\\u0000"')
    out = tmp_path / "out.eml"
    assert compose("--answers", answers(tmp_path, text), "--eml", str(out)) == 0
    msg = BytesParser(policy=policy.default).parsebytes(out.read_bytes())
    assert msg["Bcc"] is None and msg["Subject"] == "Help Bcc: thief@evil.test"


@pytest.mark.parametrize(
    "text, fragments",
    [
        ('category = "deposit"\n[fields]\ncolour = "red"\n', ["colour", "txid", "deposit_address"]),
        ('category = "refund"\n', ["refund", "deposit", "p2p"]),
        ('lang = "en"\n', ["category", "deposit"]),
        ('category = "deposit"\nurgent = true\n', ["urgent", "description"]),
        ('category = "deposit"\n[fields]\ntxid = "https://etherscan.io/tx/0xabc"\n', ["fields.txid", "link"]),
        ('category = "deposit"\n[fields]\ntime = "2026-11-25 14:30"\n', ["fields.time", "time zone"]),
        ('category = "deposit"\nlang = "fr"\n', ["lang", "fr"]),
        ('category = "deposit"\nto = "support@okx"\n', ["to"]),
        ('category = "deposit"\n[profile]\npassword = "x"\n', ["password", "email, uid, nickname"]),
        ('category = "deposit"\n[fields]\namount = [1, 2]\n', ["fields.amount"]),
        ('category = "deposit"\n\ndescription = "unterminated\n', ["line 3"]),
    ],
)
def test_invalid_answers_exit_2_naming_the_problem(tmp_path, capsys, text, fragments):
    assert compose("--answers", answers(tmp_path, text)) == 2
    err = capsys.readouterr().err
    for fragment in fragments:
        assert fragment in err


def test_unreadable_file_and_missing_argument(tmp_path, capsys):
    assert compose("--answers", str(tmp_path / "nope.toml")) == 2
    assert "nope.toml" in capsys.readouterr().err
    assert compose() == 2


def test_answers_from_stdin(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(DEPOSIT.encode())))
    assert compose("--answers", "-", "--format", "json") == 0
    assert json.loads(capsys.readouterr().out)["subject"].startswith("充值未到账")


def test_unquoted_numbers_are_taken_as_text(tmp_path, capsys):
    text = 'category = "p2p"\n[profile]\nuid = 1234567890123456\n[fields]\norder_id = 987654321\namount = 250\n'
    assert compose("--answers", answers(tmp_path, text), "--format", "json") == 0
    assert "987654321" in json.loads(capsys.readouterr().out)["body"]


def test_list_categories(capsys):
    assert compose("--list-categories", "--format", "json") == 0
    listing = json.loads(capsys.readouterr().out)
    by_id = {item["id"]: item for item in listing}
    assert {"deposit", "withdrawal", "p2p", "kyc", "api", "other"} <= set(by_id)
    assert by_id["p2p"]["suggested_to"] == "p2p@okx.com"
    txid = next(f for f in by_id["deposit"]["fields"] if f["id"] == "txid")
    assert txid["kind"] == "txid" and txid["required"] is True and txid["label"]["zh"]
    assert main(["compose", "--list-categories", "--lang", "zh"]) == 0
    assert "充值未到账" in capsys.readouterr().out


def test_a_look_alike_address_is_a_finding(tmp_path, capsys):
    text = DEPOSIT.replace('lang = "zh"', 'lang = "zh"\nto = "support@okx-support.com"')
    assert compose("--answers", answers(tmp_path, text)) == 1  # printed, with the warning first
    captured = capsys.readouterr()
    assert "To: support@okx-support.com" in captured.out
    assert captured.err.startswith("support@okx-support.com: ")


@pytest.mark.parametrize("to", ["okx-support@gmail.com", "support@0kx.com", "support@okex.com"])
def test_no_eml_to_an_unofficial_address_unless_allowed(tmp_path, capsys, to):
    text = DEPOSIT.replace('lang = "zh"', f'lang = "zh"\nto = "{to}"')
    out = tmp_path / "out.eml"
    assert compose("--answers", answers(tmp_path, text), "--eml", str(out)) == 1
    assert not out.exists()
    assert "--allow-unofficial" in capsys.readouterr().err
    assert compose("--answers", answers(tmp_path, text), "--eml", str(out), "--format", "json") == 1
    assert not out.exists() and json.loads(capsys.readouterr().out)["address"]["verdict"] != "official"
    assert compose("--answers", answers(tmp_path, text), "--eml", str(out), "--allow-unofficial") == 0
    assert out.exists()


def test_module_entry_point(tmp_path):
    import subprocess
    import sys

    out = tmp_path / "m.eml"
    result = subprocess.run(
        [sys.executable, "-m", "okx_helper", "compose", "--answers", answers(tmp_path), "--eml", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert BytesParser(policy=policy.default).parsebytes(out.read_bytes())["To"] == "support@okx.com"
