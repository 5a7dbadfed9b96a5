import json
import pickle
from datetime import datetime, timezone
from email import policy
from email.parser import BytesParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okx_helper.settings.profile import Profile
from okx_helper.writing import categories, compose
from okx_helper.writing.completeness import missing, score
from okx_helper.writing.draft import Draft

DEPOSIT = {
    "time": "2026-11-25 14:30 +08:00",
    "coin": "USDT",
    "network": "TRC20",
    "amount": "250 USDT",
    "txid": "5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060",
    "deposit_address": "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
}
PROFILE = Profile(email="lin@example.com", uid="1234567890123456", nickname="Lin")


def parse(data: bytes):
    return BytesParser(policy=policy.default).parsebytes(data)


def deposit_draft(lang="en", **kw) -> Draft:
    return Draft(
        category="deposit",
        email_lang=lang,
        fields=dict(DEPOSIT),
        profile=PROFILE,
        description="I sent 250 USDT from my wallet at 14:30; the explorer shows it confirmed.",
        **kw,
    )


def test_subject_uses_the_suggestion_or_the_users_own():
    assert compose.subject_for(deposit_draft()) == "Deposit not credited: 250 USDT via TRC20"
    assert compose.subject_for(deposit_draft("zh")) == "充值未到账：250 USDT（TRC20 网络）"
    assert compose.subject_for(deposit_draft(subject="  My\r\nown\tsubject ")) == "My own subject"
    assert compose.subject_for(Draft()) == "Request for help with my OKX account"


def test_non_ascii_subject_round_trips_through_rfc2047():
    subject = "充值未到账：250 USDT（TRC20 网络）— Ünïcode"
    msg = compose.new_message(to="support@okx.com", subject=subject, body="你好\n", from_addr="林 <lin@example.com>")
    data = compose.to_eml_bytes(msg)
    raw_headers = data.split(b"\r\n\r\n", 1)[0]
    assert raw_headers.isascii() and b"=?utf-8?" in raw_headers.lower()
    back = parse(data)
    assert back["Subject"] == subject
    assert back["From"].addresses[0].addr_spec == "lin@example.com"
    assert back["From"].addresses[0].display_name == "林"
    assert back.get_content().replace("\r\n", "\n") == "你好\n"


def test_message_headers_and_crlf():
    when = datetime(2026, 11, 25, 6, 30, tzinfo=timezone.utc)
    msg = compose.new_message(
        to="support@okx.com",
        subject="Hello",
        body="Line one\nLine two\n",
        from_addr="lin@example.com",
        date=when,
        in_reply_to="<a@b>",
        references=["<a@b>", "<c@d>"],
    )
    data = compose.to_eml_bytes(msg)
    assert b"\n" not in data.replace(b"\r\n", b"")
    back = parse(data)
    assert back["To"] == "support@okx.com" and back["From"] == "lin@example.com"
    assert back["X-Unsent"] == "1" and back["MIME-Version"] == "1.0"
    assert back["Message-ID"].endswith("@example.com>")
    assert back["In-Reply-To"] == "<a@b>" and back["References"] == "<a@b> <c@d>"
    assert back["Date"].datetime == when
    assert back.get_content_type() == "text/plain" and back.get_content_charset() == "utf-8"
    assert back.get_content().replace("\r\n", "\n") == "Line one\nLine two\n"


@pytest.mark.parametrize(
    "bad", ["support@okx.com\r\nBcc: x@evil.test, y@evil.test", "a, b@c.d", "not an address", "x@"]
)
def test_malformed_addresses_are_refused(bad):
    with pytest.raises(ValueError, match="not an email address"):
        compose.new_message(to=bad, subject="s", body="b")


def test_display_names_survive_and_injection_is_flattened():
    msg = compose.new_message(
        to="OKX Support <support@okx.com>",
        subject="s\r\nBcc: x@evil.test",
        body="b",
        from_addr='"Lin\nBcc: evil" <lin@example.com>',
    )
    back = parse(compose.to_eml_bytes(msg))
    assert back["Bcc"] is None
    assert back["To"].addresses[0].display_name == "OKX Support"
    assert back["From"].addresses[0].addr_spec == "lin@example.com"
    assert back["Subject"] == "s Bcc: x@evil.test"


def test_no_from_and_not_unsent():
    msg = compose.new_message(to="support@okx.com", subject="Hi", body="x", unsent=False)
    assert msg["From"] is None and msg["X-Unsent"] is None
    assert msg["Message-ID"].endswith("@okx-helper.local>")


def test_build_message_from_a_draft():
    back = parse(compose.to_eml_bytes(compose.build_message(deposit_draft("zh"))))
    assert back["From"] == "lin@example.com" and back["To"] == "support@okx.com"
    assert back["Subject"] == "充值未到账：250 USDT（TRC20 网络）"
    body = back.get_content()
    assert DEPOSIT["txid"] in body and "（2026-11-25 06:30 UTC）" in body
    assert body.startswith("欧易客服团队，您好：")


def test_half_typed_registered_email_does_not_break_the_preview():
    draft = deposit_draft()
    draft.profile = Profile(email="lin@", uid="1234567890123456")
    msg = compose.build_message(draft)
    assert msg["From"] is None and msg["To"] == "support@okx.com"
    assert any(item.id == "email" for item in missing(draft))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("cid", [c.id for c in categories.categories()])
def test_every_category_renders_in_both_languages(cid, lang):
    category = categories.get(cid)
    empty = compose.render_body(Draft(category=cid, email_lang=lang))
    values = {spec.id: f"value-{spec.id}" for spec in category.fields}
    values.update({spec.id: "2026-11-25 14:30 UTC+8" for spec in category.fields if spec.kind == "datetime"})
    full = compose.render_body(
        Draft(category=cid, email_lang=lang, fields=values, profile=PROFILE, description="Something happened.")
    )
    greeting, closing = (
        ("Dear OKX Support team,", "Best regards,") if lang == "en" else ("欧易客服团队，您好：", "此致")
    )
    for body in (empty, full):
        assert body.startswith(greeting) and closing in body and "\n\n\n" not in body
    for spec in category.fields:
        assert spec.text("label", lang) in full
        assert spec.kind == "datetime" or f"value-{spec.id}" in full
    assert "2026-11-25 06:30 UTC" in full or not any(s.kind == "datetime" for s in category.fields)
    assert "1234567890123456" in full and "lin@example.com" in full and "Something happened." in full


def test_body_is_plain_text_not_html_escaped():
    draft = Draft(category="other", description='Error <b>"5001" & more</b>')
    assert 'Error <b>"5001" & more</b>' in compose.render_body(draft)


def test_multiline_fields_are_indented_and_crlf_unified():
    draft = Draft(category="login_2fa", fields={"what_tried": "reinstalled\r\nreset 2FA"})
    body = compose.render_body(draft)
    assert "- What I already tried:\n    reinstalled\n    reset 2FA\n" in body


def test_sanitize_header_removes_every_control_char():
    nasty = "a\r\nBcc: x@evil.test\x00\x1b[31m\x7f\x85\u2028\u2029\u202eb"
    clean = compose.sanitize_header(nasty)
    assert clean == "a Bcc: x@evil.test [31m b"


@settings(max_examples=200, deadline=None)
@given(
    subject=st.text(),
    nickname=st.text(),
    to_local=st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
    coin=st.text(max_size=30),
)
def test_no_control_character_from_any_field_reaches_a_header(subject, nickname, to_local, coin):
    draft = Draft(
        to=f"support{to_local}@okx.com",
        category="deposit",
        subject=subject,
        fields={**DEPOSIT, "coin": coin},
        profile=Profile(email=f"me{to_local}@example.com", nickname=nickname),
    )
    try:
        msg = compose.build_message(draft)
    except ValueError as err:
        # Refusing a malformed address is fine; the wizard and the command validate it first.
        assert "not an email address" in str(err)
        return
    data = compose.to_eml_bytes(msg)
    head = data.split(b"\r\n\r\n", 1)[0]
    # The only line breaks in the header block are folds (CRLF + space), never a new header.
    names = [line.split(b":", 1)[0] for line in head.split(b"\r\n") if line and line[:1] not in (b" ", b"\t")]
    expected = [
        b"To",
        b"Subject",
        b"Date",
        b"Message-ID",
        b"X-Unsent",
        b"Content-Type",
        b"Content-Transfer-Encoding",
        b"MIME-Version",
    ] + ([b"From"] if msg["From"] else [])
    assert sorted(names) == sorted(expected)
    back = parse(data)
    for name in ("Subject", "To", "From"):
        value = str(back[name])
        assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 or c in "\u2028\u2029" for c in value), (name, value)
    if not subject.strip():
        return
    assert str(back["Subject"]) == compose.sanitize_header(subject)


def test_completeness_names_what_support_will_ask():
    bare = Draft(category="deposit", fields={"time": "2026-11-25 14:30"})  # no zone: still unknown
    kinds = {gap.kind for gap in missing(bare)}
    assert {"when", "identifiers", "what", "profile"} <= kinds
    assert "Transaction ID (TxID)" in missing(bare)
    txid = next(item for item in missing(bare) if item.id == "txid")
    assert txid.kind == "identifiers" and txid.text == "Transaction ID (TxID)"
    assert json.loads(json.dumps(missing(bare)))[0] == missing(bare)[0]
    assert pickle.loads(pickle.dumps(txid)).kind == "identifiers"
    assert "交易哈希（TxID）" in missing(bare, "zh")
    assert score(bare) < 0.2
    assert missing(deposit_draft()) == [] and score(deposit_draft()) == 1.0


def test_completeness_asks_for_the_exact_error_where_expected():
    draft = Draft(
        category="kyc",
        fields={"time": "2026-11-25 14:30 UTC"},
        profile=PROFILE,
        description="My verification was rejected twice this week without a clear reason.",
    )
    assert [gap.kind for gap in missing(draft)] == ["error"]
    assert 0 < score(draft) < 1
    assert not any(gap.kind == "error" for gap in missing(deposit_draft()))


def test_short_chinese_description_counts_by_meaning():
    draft = deposit_draft("zh")
    draft.description = "充值一直没到账，区块浏览器上已经确认了。"
    assert not any(gap.kind == "what" for gap in missing(draft))
    draft.description = "没到账"
    assert any(gap.kind == "what" for gap in missing(draft))


def test_typed_encoded_words_cannot_add_headers():
    from okx_helper.writing.compose import new_message, to_eml_bytes

    sneaky = "=?utf-8?q?=0D=0ABcc:_victim@example.net?="
    msg = new_message(to="support@okx.com", subject=sneaky, body="b", from_addr=f"{sneaky} <user@example.com>")
    head = to_eml_bytes(msg).split(b"\r\n\r\n", 1)[0]
    names = [line.split(b":", 1)[0] for line in head.split(b"\r\n") if line and not line[:1].isspace()]
    assert b"Bcc" not in names
    assert sorted(set(names)) == sorted(
        set(names)
        & {
            b"From",
            b"To",
            b"Subject",
            b"Date",
            b"Message-ID",
            b"MIME-Version",
            b"Content-Type",
            b"Content-Transfer-Encoding",
            b"X-Unsent",
        }
    )
