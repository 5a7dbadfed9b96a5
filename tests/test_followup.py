import email
import email.policy
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime

import pytest

from okx_helper.cases import open_db
from okx_helper.cases.followup import build_followup, followup_body, followup_subject, pestering_guard, restate

UTC = timezone.utc
SENT = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)  # a Friday
BODY = (
    "Hello OKX Support,\n\n"
    "My USDT deposit on TRC20 from 2026-11-19 has not been credited.\n"
    "TxID: 9f2c1e\n"
    "The app shows 'Deposit pending'.\n"
    "I already waited 12 hours.\n\n"
    "Thank you,\nMing\n"
)


def sent(subject="Deposit not credited", when=SENT, mid="<first@example.com>", body=BODY):
    msg = EmailMessage()
    msg["From"] = "Ming <me@example.com>"
    msg["To"] = "support@okx.com"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = mid
    msg.set_content(body)
    return msg


@pytest.fixture
def db(tmp_path):
    with open_db(tmp_path / "cases.db") as handle:
        yield handle


@pytest.mark.parametrize(
    "subject, lang, ticket, expected",
    [
        ("Deposit not credited", "en", "", "Follow-up: Deposit not credited"),
        ("Deposit not credited", "en", "123", "Follow-up: Deposit not credited [Ticket #123]"),
        ("Follow-up: Deposit not credited [Ticket #123]", "en", "123", "Follow-up: Deposit not credited [Ticket #123]"),
        ("Re: Follow up: Deposit", "en", "", "Follow-up: Deposit"),
        ("充值未到账", "zh", "456", "跟进：充值未到账 [工单号 456]"),
        ("跟进：充值未到账 [工单号 456]", "zh", "456", "跟进：充值未到账 [工单号 456]"),
        ("回复: 跟进: 充值未到账", "zh", "", "跟进：充值未到账"),
        ("Deposit (ticket 1234)", "en", "1234", "Follow-up: Deposit (ticket 1234)"),
    ],
)
def test_subject_is_prefixed_once_and_keeps_the_ticket(subject, lang, ticket, expected):
    assert followup_subject(subject, lang, ticket) == expected
    assert followup_subject(followup_subject(subject, lang, ticket), lang, ticket) == expected


def test_restate_skips_greeting_and_closing():
    assert restate(BODY) == [
        "My USDT deposit on TRC20 from 2026-11-19 has not been credited.",
        "TxID: 9f2c1e",
        "The app shows 'Deposit pending'.",
    ]
    assert len(restate("您好，\n\n" + "长" * 400 + "\n")[0]) == 160


def test_body_cites_date_ticket_and_problem(db):
    cid = db.record_sent(sent(), "deposit", "en")
    db.set_ticket(cid, "123")
    body = followup_body(db.get(cid), "en", nickname="Ming", uid="12345678")
    assert "2026-11-20 09:00 UTC" in body and "ticket #123" in body and '"Deposit not credited"' in body
    assert "TxID: 9f2c1e" in body and "I already waited" not in body
    assert body.rstrip().endswith("UID: 12345678")
    zh = followup_body(db.get(cid), "zh")
    assert "工单号 123" in zh and "2026-11-20 09:00 UTC" in zh and zh.startswith("您好")


def test_guard_asks_for_confirmation_inside_the_window(db):
    cid = db.record_sent(sent(), "deposit", "en")  # complex: 3 business days → Wed 25th 09:00
    case = db.get(cid)
    guard = pestering_guard(case, now=SENT + timedelta(days=1))  # Saturday
    assert guard.needs_confirmation and not guard.overdue
    assert guard.remaining == datetime(2026, 11, 25, 9, tzinfo=UTC) - (SENT + timedelta(days=1))
    assert guard.followups == 0
    text = guard.message("en")
    assert "4 days" in text and "0" in text
    assert "还剩" in guard.message("zh")


def test_guard_counts_from_the_last_follow_up_and_lets_go_after_the_window(db):
    cid = db.record_sent(sent(), "deposit", "en")
    db.add_followup(cid, sent(subject="Follow-up", when=datetime(2026, 11, 26, 9, tzinfo=UTC), mid="<f1@x>"))
    case = db.get(cid)
    # Thursday 26th + 3 business days (weekend skipped) = Tuesday Dec 1st 09:00.
    soon = pestering_guard(case, now=datetime(2026, 11, 30, 9, tzinfo=UTC), country=None)
    assert soon.needs_confirmation and soon.followups == 1
    assert soon.remaining == timedelta(days=1)
    late = pestering_guard(case, now=datetime(2026, 12, 2, 9, tzinfo=UTC), country=None)
    assert not late.needs_confirmation and late.overdue and late.remaining == timedelta(0)
    # The US Thanksgiving week pushes the window a day further.
    us = pestering_guard(case, now=datetime(2026, 12, 1, 12, tzinfo=UTC), country="US")
    assert us.needs_confirmation


def test_guard_does_not_apply_when_answering_a_reply(db):
    cid = db.record_sent(sent(), "deposit", "en")
    db.add_reply(cid, "From: support@okx.com\nDate: Sat, 21 Nov 2026 09:00:00 +0000\n\nPlease send the TxID.\n")
    guard = pestering_guard(db.get(cid), now=SENT + timedelta(days=1, hours=1))
    assert not guard.needs_confirmation and not guard.overdue


def test_threading_headers_parse_back(db):
    cid = db.record_sent(sent(), "deposit", "en")
    db.set_ticket(cid, "123")
    db.add_followup(
        cid, sent(subject="Follow-up: Deposit not credited", when=SENT + timedelta(days=5), mid="<second@example.com>")
    )
    db.add_reply(
        cid,
        "From: support@okx.com\nMessage-ID: <r1@okx.com>\nDate: Thu, 26 Nov 2026 09:00:00 +0000\n\nWe need the TxID.\n",
    )
    draft = build_followup(db.get(cid), now=SENT + timedelta(days=7))
    from okx_helper.writing.compose import to_eml_bytes

    parsed = email.message_from_bytes(to_eml_bytes(draft.message), policy=email.policy.default)
    assert parsed["In-Reply-To"].strip() == "<r1@okx.com>"
    assert parsed["References"].split() == ["<first@example.com>", "<second@example.com>", "<r1@okx.com>"]
    assert str(parsed["Subject"]) == "Follow-up: Deposit not credited [Ticket #123]"
    assert parsed["To"].addresses[0].addr_spec == "support@okx.com"
    assert parsed["From"].addresses[0].addr_spec == "me@example.com"
    assert "ticket #123" in parsed.get_body(("plain",)).get_content()
    assert parsed["Message-ID"] not in parsed["References"]


def test_chinese_followup_subject_is_encoded_and_parsed_back(db):
    cid = db.record_sent(sent(subject="充值未到账"), "deposit", "zh")
    draft = build_followup(db.get(cid), now=SENT + timedelta(hours=1))
    assert draft.guard.needs_confirmation
    from okx_helper.writing.compose import to_eml_bytes

    parsed = email.message_from_bytes(to_eml_bytes(draft.message), policy=email.policy.default)
    assert str(parsed["Subject"]) == "跟进：充值未到账"
    assert parsed["In-Reply-To"].strip() == "<first@example.com>"


def test_after_the_window_other_official_channels_are_listed(db):
    cid = db.record_sent(sent(), "deposit", "en")
    guard = pestering_guard(db.get(cid), now=SENT + timedelta(days=10))
    assert guard.overdue
    kinds = {alt["kind"] for alt in guard.alternatives}
    assert kinds == {"chat", "web"}  # never another email address
    assert any(alt["id"] == "live_chat" for alt in guard.alternatives)
    text = guard.message("en")
    assert "https://www.okx.com/help" in text
