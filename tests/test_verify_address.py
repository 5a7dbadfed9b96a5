"""okx-helper verify-address: output formats, stdin, exit codes."""

import io
import json

from okx_helper.cli import main


def test_all_official_exits_0_and_prints_the_verdict(capsys):
    assert main(["verify-address", "support@okx.com", "p2p@okx.com", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "support@okx.com: OFFICIAL" in out and "p2p@okx.com: OFFICIAL" in out


def test_one_bad_address_exits_1(capsys):
    assert main(["verify-address", "support@okx.com", "support@0kx.com", "--lang", "en"]) == 1
    assert "LOOK-ALIKE" in capsys.readouterr().out


def test_json_is_a_list_with_the_four_keys(capsys):
    code = main(["verify-address", "OKX客服 <12345@qq.com>", "nope", "--format", "json", "--lang", "zh"])
    assert code == 1
    data = json.loads(capsys.readouterr().out)
    assert [set(item) for item in data] == [{"address", "verdict", "normalized", "reasons"}] * 2
    assert data[0]["verdict"] == "freemail_impersonation"
    assert data[0]["address"] == "OKX客服 <12345@qq.com>"
    assert data[0]["normalized"] == "12345@qq.com"
    assert "冒充" in " ".join(data[0]["reasons"])
    assert data[1]["verdict"] == "invalid" and data[1]["normalized"] is None
    assert "@" in data[1]["reasons"][0]  # email-validator's own reason is passed on


def test_dash_reads_one_address_per_line(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("support@okx.com\n\n  P2P@OKX.COM  \n"))
    assert main(["verify-address", "-", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["normalized"] for d in data] == ["support@okx.com", "P2P@okx.com"]  # local part kept, domain lowered


def test_no_address_is_a_usage_error(monkeypatch, capsys):
    assert main(["verify-address"]) == 2
    monkeypatch.setattr("sys.stdin", io.StringIO("\n \n"))
    assert main(["verify-address", "-"]) == 2
    assert capsys.readouterr().err
