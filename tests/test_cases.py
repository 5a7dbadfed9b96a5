import os
import sqlite3
import stat
from datetime import datetime, timezone
from email.message import EmailMessage

import pytest

from okx_helper import cases
from okx_helper.cases import SCHEMA_VERSION, CasesError, find_ticket, next_step, open_db, record_sent


def message(
    subject="Deposit not credited",
    body="Hello OKX Support,\n\nMy USDT deposit has not arrived.\n",
    mid="<first@example.com>",
):
    msg = EmailMessage()
    msg["From"] = "me@example.com"
    msg["To"] = "support@okx.com"
    msg["Subject"] = subject
    msg["Date"] = "Wed, 25 Nov 2026 10:00:00 +0000"
    msg["Message-ID"] = mid
    msg.set_content(body)
    return msg


def test_record_sent_creates_a_private_db_and_a_waiting_case(tmp_path):
    path = tmp_path / "sub" / "cases.db"
    case_id = record_sent(path, message(subject="充值未到账", body="您好，\n\n我的充值没有到账。\n"), "deposit", "zh")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    with open_db(path) as db:
        assert db.version == SCHEMA_VERSION
        case = db.get(case_id)
    assert case.subject == "充值未到账"
    assert case.to_addr == "support@okx.com"
    assert case.category == "deposit" and case.lang == "zh"
    assert case.message_id == "<first@example.com>"
    assert case.sent_at == datetime(2026, 11, 25, 10, tzinfo=timezone.utc)
    assert case.status == "waiting" and case.ticket == ""
    assert "我的充值没有到账" in case.question()


def test_record_sent_accepts_a_connection(tmp_path):
    conn = sqlite3.connect(tmp_path / "c.db")
    case_id = record_sent(conn, message(), "other", "en")
    assert conn.execute("SELECT subject FROM cases WHERE id = ?", (case_id,)).fetchone()[0] == "Deposit not credited"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_ticket_status_followups_and_replies(tmp_path):
    with open_db(tmp_path / "cases.db") as db:
        cid = db.record_sent(message(), "deposit", "en")
        db.set_ticket(cid, " #123456 ")
        follow = message(subject="Follow-up: Deposit not credited", mid="<second@example.com>")
        follow.replace_header("Date", "Mon, 30 Nov 2026 10:00:00 +0000")
        db.add_followup(cid, follow)
        reply = "From: OKX <support@okx.com>\nSubject: Re: Deposit\nMessage-ID: <r1@okx.com>\nDate: Tue, 01 Dec 2026 08:00:00 +0000\n\nPlease send the TxID.\n"
        db.add_reply(cid, reply, verdict="genuine", report={"verdict": "genuine"})
        case = db.get(cid)
        assert case.ticket == "123456"
        assert case.status == "replied"
        assert case.message_ids() == ["<first@example.com>", "<second@example.com>", "<r1@okx.com>"]
        assert case.replies[0].sender == "OKX <support@okx.com>"
        assert case.replied_since_last_sent()
        db.set_status(cid, "resolved")
        assert db.get(cid).status == "resolved"
        with pytest.raises(ValueError):
            db.set_status(cid, "closed")
        assert [c.id for c in db.list_cases()] == [cid]


def make_v1(path):
    """The first schema, written by hand as an old okx-helper would have left it."""
    conn = sqlite3.connect(path)
    conn.executescript(cases.MIGRATIONS[0])
    conn.execute(
        "INSERT INTO cases (to_addr, subject, category, lang, message_id, message, sent_at, status)"
        " VALUES ('support@okx.com', 'Old case', 'withdrawal', 'en', '<old@x>', 'Subject: Old case\n\nStuck withdrawal', '2026-01-05T09:00:00+00:00', 'waiting')"
    )
    conn.execute(
        "INSERT INTO followups (case_id, message_id, message, sent_at) VALUES (1, '<f@x>', 'x', '2026-01-09T09:00:00+00:00')"
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def test_migration_from_the_first_schema_keeps_data_and_a_backup(tmp_path):
    path = tmp_path / "cases.db"
    make_v1(path)
    with open_db(path) as db:
        assert db.version == SCHEMA_VERSION == 2
        case = db.get(1)
        assert case.subject == "Old case" and case.category == "withdrawal"
        assert case.ticket == ""  # the column added by v2, with its default
        assert [f.message_id for f in case.followups] == ["<f@x>"]
        db.set_ticket(1, "777")
        db.add_reply(1, "Thanks, we are looking into it.", verdict="suspicious")
        assert db.get(1).replies[0].text.startswith("Thanks")
    backups = list(tmp_path.glob("cases.db.v1-*.bak"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT subject FROM cases").fetchone()[0] == "Old case"
    old.close()


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "cases.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(CasesError, match="newer okx-helper"):
        open_db(path)
    assert path.read_bytes() == before


def test_a_corrupt_database_is_left_intact_with_a_clear_error_and_a_backup(tmp_path):
    path = tmp_path / "cases.db"
    garbage = os.urandom(4096)
    path.write_bytes(garbage)
    with pytest.raises(CasesError) as caught:
        open_db(path)
    text = str(caught.value)
    assert "damaged" in text and "nothing was deleted" in text
    assert path.read_bytes() == garbage  # never deleted nor overwritten
    backups = list(tmp_path.glob("cases.db.damaged-*.bak"))
    assert len(backups) == 1 and backups[0].read_bytes() == garbage
    assert str(backups[0]) in text
    # A second attempt keeps the first backup and does not pile up identical copies.
    with pytest.raises(CasesError) as again:
        record_sent(path, message(), "other", "en")
    assert path.read_bytes() == garbage
    assert list(tmp_path.glob("cases.db.damaged-*.bak*")) == backups
    assert str(backups[0]) in str(again.value)
    # Once the file changes (say, partly repaired by hand), that state gets its own copy.
    path.write_bytes(garbage[:100])
    with pytest.raises(CasesError):
        open_db(path)
    assert len(list(tmp_path.glob("cases.db.damaged-*.bak*"))) == 2
    assert backups[0].read_bytes() == garbage


def test_a_damaged_sqlite_file_is_reported_too(tmp_path):
    path = tmp_path / "cases.db"
    with open_db(path) as db:
        for n in range(30):
            db.record_sent(message(body="x" * 3000, mid=f"<{n}@x>"), "other", "en")
    data = bytearray(path.read_bytes())
    data[4096:12288] = os.urandom(8192)  # keep the header, wreck pages after it
    path.write_bytes(bytes(data))
    with pytest.raises(CasesError, match="damaged"):
        open_db(path)
    assert path.read_bytes() == bytes(data)


def test_a_locked_database_gives_a_clear_error(tmp_path):
    path = tmp_path / "cases.db"
    open_db(path).close()
    holder = sqlite3.connect(path)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(CasesError, match="locked"):
            db = cases.CasesDB(path, timeout=0.1)
            db.record_sent(message(), "other", "en")
    finally:
        holder.rollback()
        holder.close()


def test_default_path_follows_xdg_data_home(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert cases.default_db_path() == tmp_path / "okx-helper" / "cases.db"


@pytest.mark.parametrize(
    "verdict, usefulness, expected",
    [
        ("fraudulent", {"answers_question": True}, "do_not_trust"),
        ("suspicious", {}, "verify_sender"),
        ("genuine", {"answers_question": True}, "mark_resolved"),
        ("genuine", {"answers_question": False, "concrete_steps": True}, "reply_in_thread"),
        ("genuine", {"answers_question": False, "concrete_steps": False, "follow_up_promised": False}, "follow_up"),
    ],
)
def test_next_step(verdict, usefulness, expected):
    assert next_step(verdict, usefulness) == expected


def test_find_ticket():
    assert find_ticket("Your Ticket #4567890 has been updated") == "4567890"
    assert find_ticket("您的工单号：20261125 已受理") == "20261125"
    assert find_ticket("We will get back to you soon.") == ""


def test_record_reply_checks_it_against_the_case(tmp_path):
    with open_db(tmp_path / "cases.db") as db:
        cid = db.record_sent(message(), "deposit", "en")
        pasted = "Hello, your Ticket #4567890 is being handled. Please reply with the TxID of the deposit."
        rec = cases.record_reply(db, cid, pasted, lang="en")
        assert rec.verdict == "suspicious"  # pasted text carries no sender evidence
        assert rec.next_step == "verify_sender"
        case = db.get(cid)
        assert case.status == "replied" and case.ticket == "4567890"
        assert case.replies[0].report["verdict"] == "suspicious"
        assert "usefulness" in case.replies[0].report


def test_database_errors_speak_both_languages(tmp_path):
    from okx_helper.cases import CasesError, open_db

    path = tmp_path / "cases.db"
    path.write_bytes(b"this is not a database at all" * 10)
    try:
        open_db(path)
    except CasesError as error:
        assert "damaged" in str(error) and str(path) in str(error)
        assert "已损坏" in error.message("zh") and str(path) in error.message("zh")
    else:
        raise AssertionError("a damaged database must raise CasesError")
    assert path.read_bytes() == b"this is not a database at all" * 10  # left as it was
