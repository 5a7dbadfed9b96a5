"""The privacy engine's public API: findings, messages, redaction, and its safety properties."""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from okx_helper import privacy
from okx_helper.privacy import Finding, kind_label, redact, scan

TXID = "39abc9b3920b4a437afda69c11fb8682404c79f43a1a173e0915924870939eb5"
SEED_EN = "plug fashion indoor hero local roof glare skate coral fruit ball wedding"


def kinds(text, **kw):
    return [(f.kind, text[f.start:f.end]) for f in scan(text, **kw)]


def test_finding_json_and_blocking():
    text = "my password is Blue#Sky2024 thanks"
    (finding,) = scan(text)
    assert finding.to_json() == {
        "kind": "password", "severity": "block", "start": 15, "end": 27, "message": finding.message,
    }
    assert finding.blocking
    json.dumps(finding.to_json())


def test_messages_follow_the_ui_language():
    text = "验证码是 483920"
    (en,) = scan(text, "en")
    (zh,) = scan(text, "zh")
    assert "Support never asks" in en.message
    assert "客服从不索要" in zh.message
    assert kind_label("seed_phrase", "zh") == "助记词"
    assert kind_label("api_secret", "en") == "API secret"


def test_every_kind_has_a_label_and_message_in_both_languages():
    for kind in privacy.KINDS:
        for lang in ("en", "zh"):
            assert not kind_label(kind, lang).startswith("privacy.")
            assert not privacy.t(f"privacy.msg_{kind}", lang).startswith("privacy.")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I won't send my password, I know the rules.", []),
        ("我不会把密码告诉任何人。", []),
        (f"TxID: {TXID}", []),
        (f"my private key: {TXID}", [("private_key", TXID)]),
        (f"私钥：0x{TXID}", [("private_key", "0x" + TXID)]),
        ("my API key label is grid-bot-2", []),
        ("API key: 891640a0-b9ff-4931-8f9f-6e4e9086a27b", []),
        ("I reset my 2FA on 2024-05-03", []),
        ("error code 50113, UID 9182352120468492", []),
        ("资金密码：135790，谢谢", [("password", "135790")]),
        ("身份证号码：110105199309289468", [("id_document", "110105199309289468")]),
        ("card 4383 4701 7468 1456 was charged", [("bank_card", "4383 4701 7468 1456")]),
        ("UID 7795174382260922", []),  # Luhn-valid but a UID: no card words, no grouping
        (f"seed: {SEED_EN}", [("seed_phrase", SEED_EN)]),
        ("助记词：辛 快 呢 尖 厅 仍 旱 肯 丛 胎 汪 赴", [("seed_phrase", "辛 快 呢 尖 厅 仍 旱 肯 丛 胎 汪 赴")]),
        ("联系电话 13912345678", [("phone", "13912345678")]),
        ("Password: [removed: password]", []),
        ("密码：[已隐去：密码]", []),
    ],
)
def test_examples(text, expected):
    assert kinds(text) == expected


def test_phone_is_a_warning_not_a_block():
    (finding,) = scan("call me on +44 7700 900123")
    assert finding.severity == "warn" and not finding.blocking


def test_known_profile_values_are_never_findings():
    text = "手机 13912345678，UID 7795174382260922"
    assert kinds(text) == [("phone", "13912345678")]
    assert kinds(text, known=["13912345678"]) == []


def test_redaction_markers_in_the_email_language_and_nothing_else_changes():
    text = "Hi,\r\n  my password is Blue#Sky2024\tand 验证码 483920 。\n"
    findings = scan(text)
    assert redact(text, findings, "en") == "Hi,\r\n  my password is [removed: password]\tand 验证码 [removed: verification code] 。\n"
    assert redact(text, findings, "zh") == "Hi,\r\n  my password is [已隐去：密码]\tand 验证码 [已隐去：验证码] 。\n"
    assert redact(text, [], "zh") == text


def test_redacted_text_scans_clean():
    text = f"password: Blue#Sky2024\nseed: {SEED_EN}\nTxID {TXID}"
    for lang in ("en", "zh"):
        assert scan(redact(text, scan(text), lang)) == []


def test_finding_is_frozen():
    finding = Finding("password", "block", 0, 1, "m")
    with pytest.raises(Exception):
        finding.start = 3  # type: ignore[misc]


# Text made of the pieces that trouble a scanner: labels, digits, hex, list words, CJK, marks.
_PIECES = st.sampled_from([
    "password", "密码", "：", ":", " is ", "验证码", "2FA code", "private key", "TxID", "seed",
    "助记词", "secret key", "passphrase", "身份证", "card", "卡号", "手机", "UID", "abandon",
    "zoo", "wreck", "的", "辛", "快", "0x", "4383 4701 7468 1456", "110105199309289468",
    "13912345678", TXID, "Blue#Sky2024", "483920", "\n", "\r\n", " ", "，", "\"", "「", "」",
    "…", "!!!", "İ", "\ufeff", "👍", "[removed: password]",
])
_TEXTS = st.one_of(st.text(max_size=300), st.lists(_PIECES, max_size=40).map("".join))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_properties_never_raise_spans_sorted_disjoint_in_bounds(text):
    findings = scan(text)
    last_end = 0
    for f in findings:
        assert 0 <= f.start < f.end <= len(text)
        assert f.start >= last_end
        last_end = f.end
        assert f.severity in ("block", "warn") and f.kind in privacy.KINDS


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS, st.sampled_from(["en", "zh"]))
def test_properties_redaction_leaves_no_flagged_secret(text, lang):
    findings = scan(text)
    redacted = redact(text, findings, lang)
    pieces, pos = [], 0
    for f in findings:
        pieces.append(text[pos:f.start])
        pos = f.end
    pieces.append(text[pos:])
    unflagged = "\0".join(pieces)
    for f in findings:
        secret = text[f.start:f.end]
        # Gone, unless the very same characters also stand somewhere unflagged.
        assert secret not in redacted or secret in unflagged
    # and what is left outside the spans is the original text, in order
    pos = 0
    for f in findings:
        assert text[pos:f.start] in redacted
        pos = f.end
