import json
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime

import pytest

from okx_helper.cases import open_db
from okx_helper.cli import main


@pytest.fixture
def home(monkeypatch, tmp_path):
    """Keep every XDG directory inside tmp_path."""
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(tmp_path / var.lower()))
    return tmp_path


def sent(subject, when, mid):
    msg = EmailMessage()
    msg["From"] = "me@example.com"
    msg["To"] = "support@okx.com"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = mid
    msg.set_content("Hello,\n\nMy withdrawal is stuck.\n")
    return msg


def test_json_lists_cases_with_expectations(home, capsys):
    now = datetime.now(timezone.utc)
    db_path = home / "xdg_data_home" / "okx-helper" / "cases.db"
    with open_db(db_path) as db:
        old = db.record_sent(sent("Withdrawal stuck", now - timedelta(days=10), "<a@x>"), "withdrawal", "en")
        db.set_ticket(old, "9876")
        new = db.record_sent(sent("How are fees computed?", now - timedelta(hours=2), "<b@x>"), "fees", "en")
    assert main(["cases", "--format", "json", "--country", "US"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["country"] == "US"
    assert any("spam" in line for line in out["advice"])
    by_id = {c["id"]: c for c in out["cases"]}
    assert [c["id"] for c in out["cases"]] == [new, old]  # newest first
    assert by_id[old]["complexity"] == "complex" and by_id[old]["overdue"] is True
    assert by_id[old]["ticket"] == "9876" and by_id[old]["status"] == "waiting"
    assert by_id[old]["followup_guard"]["needs_confirmation"] is False
    assert by_id[new]["complexity"] == "simple" and by_id[new]["overdue"] is False
    assert 21 * 3600 < by_id[new]["remaining_seconds"] <= 22 * 3600
    assert by_id[new]["followup_guard"]["needs_confirmation"] is True
    assert by_id[new]["elapsed_seconds"] >= 7200


def test_text_in_chinese_with_advice(home, capsys):
    db_path = home / "c.db"
    with open_db(db_path) as db:
        db.record_sent(sent("提现未到账", datetime.now(timezone.utc) - timedelta(hours=1), "<z@x>"), "withdrawal", "zh")
    assert main(["cases", "--db", str(db_path), "--lang", "zh", "--country", "CN"]) == 0
    text = capsys.readouterr().out
    assert "提现未到账" in text and "垃圾邮件" in text and "okx.com" in text
    assert "CN" in text


def test_empty_and_damaged(home, capsys):
    assert main(["cases", "--db", str(home / "none.db"), "--country", "US"]) == 0
    assert "No cases yet" in capsys.readouterr().out
    bad = home / "bad.db"
    bad.write_bytes(b"\x00garbage" * 100)
    assert main(["cases", "--db", str(bad), "--format", "json", "--country", "US"]) == 2
    err = capsys.readouterr().err
    assert "damaged" in err
    assert bad.read_bytes() == b"\x00garbage" * 100
