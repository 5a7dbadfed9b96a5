"""The privacy engine's public API: findings, messages, redaction, and its safety properties."""

from __future__ import annotations

import dataclasses
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from okx_helper.guards import privacy
from okx_helper.guards.privacy import Finding, kind_label, redact, scan

TXID = "39abc9b3920b4a437afda69c11fb8682404c79f43a1a173e0915924870939eb5"
SEED_EN = "plug fashion indoor hero local roof glare skate coral fruit ball wedding"


def kinds(text, **kw):
    return [(f.kind, text[f.start : f.end]) for f in scan(text, **kw)]


def test_finding_json_and_blocking():
    text = "my password is Blue#Sky2024 thanks"
    (finding,) = scan(text)
    assert finding.to_json() == {
        "kind": "password",
        "severity": "block",
        "start": 15,
        "end": 27,
        "message": finding.message,
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


HEX = "ab" * 32
WIF = "5JJQWmeQDBDcvPovXoVGvWunAc9RoUYeEvUdJa12DZSvewbvrwJ"


@pytest.mark.parametrize(
    "text, expected",
    [
        # the way people actually write values down
        ("my pass is Xyz12345 and I can't log in", [("password", "Xyz12345")]),
        ("API key 891640a0-b9ff-4931-8f9f-6e4e9086a27b, pass Sub#Acc2024", [("api_secret", "Sub#Acc2024")]),
        ("my password (Hello2024!) isn't working", [("password", "Hello2024!")]),
        (
            '{"apiKey": "891640a0-b9ff-4931-8f9f-6e4e9086a27b", "apiSecret": "9F4E2A7C81B3D6E0F5A4C3B2A1908F7E"}',
            [("api_secret", "9F4E2A7C81B3D6E0F5A4C3B2A1908F7E")],
        ),
        ("OKX_PASSPHRASE=Kk#2024pp", [("api_secret", "Kk#2024pp")]),
        ("The password I used was Sunny-Day-99.", [("password", "Sunny-Day-99")]),
        ("登录密码我设置的是Aa112233", [("password", "Aa112233")]),
        ("短信码 482913 收到了", [("verification_code", "482913")]),
        ("I reset my 2FA. New 2FA code: 551 203", [("verification_code", "551 203")]),
        ("SSN: 123-45-6789", [("id_document", "123-45-6789")]),
        ("HKID A123456(3)", [("id_document", "A123456(3)")]),
        ("Visa ending 4242, exp 09/27 cvv 123", [("bank_card", "123")]),
        (f"private_key = '0x{HEX}'", [("private_key", "0x" + HEX)]),
        (f"私钥是 {WIF}", [("private_key", WIF)]),
        (f"{WIF}", [("private_key", WIF)]),  # a valid WIF checksum needs no words around it
        (
            "Abandon, Ability, Able, About, Above, Absent, Absorb, Abstract, Absurd, Abuse, Access, Accident",
            [
                (
                    "seed_phrase",
                    "Abandon, Ability, Able, About, Above, Absent, Absorb, Abstract, Absurd, Abuse, Access, Accident",
                )
            ],
        ),
        ("助记词：教僚甜长黄率咱袁既果钾终，谢谢", [("seed_phrase", "教僚甜长黄率咱袁既果钾终")]),
        ("tel: 138-1234-5678", [("phone", "138-1234-5678")]),
        ("I use Abc12345 as my password", [("password", "Abc12345")]),  # the value first
        ("my password was changed by someone. I changed it back to Mango!River88", [("password", "Mango!River88")]),
        ("信用卡有效期 12/27，安全码 315", [("bank_card", "315")]),
        ("验证码7752", [("verification_code", "7752")]),
        ("Abc12345是我的密码", [("password", "Abc12345")]),
        ("483920 is the code I got", [("verification_code", "483920")]),
        ("验证码为【123456】", [("verification_code", "123456")]),
        ("SK: A7E3C9D1F0B2846E5D3C1B0A9F8E7D6C", [("api_secret", "A7E3C9D1F0B2846E5D3C1B0A9F8E7D6C")]),
        ("验证码：１２３４５６", [("verification_code", "１２３４５６")]),  # full-width digits
        ("资金密码\u00a0135790", [("password", "135790")]),  # a no-break space from a web page
        ('{"password": "Abc12345"}', [("password", "Abc12345")]),
        (
            "1.卫 2.机 3.锅 4.板 5.鱼 6.件 7.末 8.胺 9.商 10.文 11.哥 12.圣",
            [("seed_phrase", "卫 2.机 3.锅 4.板 5.鱼 6.件 7.末 8.胺 9.商 10.文 11.哥 12.圣")],
        ),
        # and what must stay
        ("password is: (hidden)", []),
        ("Password: N/A", []),
        ("the password is required to be 8 characters", []),
        ("Password is case sensitive", []),
        ("请不要向任何人透露您的验证码", []),
        ("资金密码6位数字", []),
        ("密码长度 8-32 位", []),
        ("Referral code: 123456", []),
        ("Error code: 123456", []),
        ("anti-phishing code is ABC123", []),
        ("ID card expires 2027-05-01", []),
        ("Tel: 400-820-1234", []),  # a company hotline is nobody's personal number
        ("password-protected PDF attached", []),
        ("IBAN DE89 3704 0044 0532 0131 00", []),  # Luhn-valid middle, but an IBAN
        ("Order 123456 is the code for support?", []),
        ("I changed my password, then reset the 2FA to 2024 settings", []),
        ("2024-05-01 is my password change date", []),
        ("password: {error}", []),
        ('print("password", keyring.get_password("svc"))', []),
        ("It uses D-Bus `Secret Service`_ to store them", []),
        ("email 13800000000@163.com", []),
        (f"TxID {HEX}, and I never shared my private key", []),
        (f"block hash 0x{HEX}", []),
        ("修改了登录密码并开启了谷歌验证，请帮我检查最近的登录记录", []),
    ],
)
def test_generalises_to_other_wordings(text, expected):
    assert kinds(text) == expected


TALK_ABOUT_SECRETS = """I changed my password 3 times this week
my password expired on 2024-05-01
密码输错5次被锁了
验证码 2 分钟后失效
the 2FA code has 6 digits
I requested the code 3 times
password: see attached screenshot
password: *********
password reset at 14:32 today
The verification code sent at 09:41:07 never arrived
验证码发送到 138****5678 失败
card ending 1456 was charged 104.50
ID number on the KYC page is masked as 110***********9468
Secret key: I have it, not sharing
passphrase: stored in 1Password
助记词一共12个，我抄在纸上了
私钥在冷钱包里，不方便提供
My code (UID) is 9182352120468492
Amount: 13800000000 SHIB
mobile app version 6.85.1
password manager: Bitwarden
密码管理器：1Password
Code: 50113 Invalid Sign
邀请码：123456
防钓鱼码：OKX888
工单号：123456
我 的 账 户 被 冻 结 了 请 帮 我 看 一 下 是 什 么 原 因""".split("\n")


@pytest.mark.parametrize("text", TALK_ABOUT_SECRETS)
def test_talking_about_secrets_without_giving_one_is_clean(text):
    assert kinds(text) == []


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
    assert (
        redact(text, findings, "en")
        == "Hi,\r\n  my password is [removed: password]\tand 验证码 [removed: verification code] 。\n"
    )
    assert redact(text, findings, "zh") == "Hi,\r\n  my password is [已隐去：密码]\tand 验证码 [已隐去：验证码] 。\n"
    assert redact(text, [], "zh") == text


def test_redacted_text_scans_clean():
    text = f"password: Blue#Sky2024\nseed: {SEED_EN}\nTxID {TXID}"
    for lang in ("en", "zh"):
        assert scan(redact(text, scan(text), lang)) == []


def test_finding_is_frozen():
    finding = Finding("password", "block", 0, 1, "m")
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.start = 3  # type: ignore[misc]


# Text made of the pieces that trouble a scanner: labels, digits, hex, list words, CJK, marks.
_PIECES = st.sampled_from(
    [
        "password",
        "密码",
        "：",
        ":",
        " is ",
        "验证码",
        "2FA code",
        "private key",
        "TxID",
        "seed",
        "助记词",
        "secret key",
        "passphrase",
        "身份证",
        "card",
        "卡号",
        "手机",
        "UID",
        "abandon",
        "zoo",
        "wreck",
        "的",
        "辛",
        "快",
        "0x",
        "4383 4701 7468 1456",
        "110105199309289468",
        "13912345678",
        TXID,
        "Blue#Sky2024",
        "483920",
        "\n",
        "\r\n",
        " ",
        "，",
        '"',
        "「",
        "」",
        "…",
        "!!!",
        "İ",
        "\ufeff",
        "👍",
        "[removed: password]",
    ]
)


def _corpus_texts():
    import re
    from pathlib import Path

    raw = (Path(__file__).parent / "data" / "dev" / "privacy_corpus.txt").read_text(encoding="utf-8")
    return [re.sub(r"⟦[a-z_]+\|(.*?)⟧", r"\1", chunk, flags=re.DOTALL) for chunk in raw.split("\n----\n")]


_CORPUS = _corpus_texts()
# Real snippets cut at random places and glued together: labels lose their values, values
# their labels, phrases get split.
_SLICES = st.lists(
    st.tuples(st.sampled_from(_CORPUS), st.integers(0, 400), st.integers(0, 400)).map(
        lambda t: t[0][t[1] : t[1] + t[2]]
    ),
    max_size=6,
).map("".join)
_TEXTS = st.one_of(st.text(max_size=300), st.lists(_PIECES, max_size=40).map("".join), _SLICES)


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
        pieces.append(text[pos : f.start])
        pos = f.end
    pieces.append(text[pos:])
    unflagged = "\0".join(pieces)
    for f in findings:
        secret = text[f.start : f.end]
        # Gone, unless the very same characters also stand somewhere unflagged.
        assert secret not in redacted or secret in unflagged
    # and what is left outside the spans is the original text, in order
    pos = 0
    for f in findings:
        assert text[pos : f.start] in redacted
        pos = f.end


def test_warm_up_makes_the_first_scan_cheap():
    # In a fresh interpreter: in this one earlier tests have already loaded everything.
    import subprocess
    import sys

    code = (
        "import time; from okx_helper.guards import privacy; privacy.warm_up(); t = time.perf_counter(); "
        "privacy.scan('资金密码：135790, seed abandon, card 4383 4701 7468 1456'); "
        "print(time.perf_counter() - t)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert float(out.stdout) < 0.02  # cold it takes ~0.07 s; warm ~0.1 ms


@pytest.mark.parametrize(
    "text, expected",
    [
        # the password named again by a pronoun, a little after its label
        ("my trading password keeps failing, pretty sure it's Mango#42x", [("password", "Mango#42x")]),
        (
            "changed the password twice: the old one was Kite_2020 and the new one is Kite_2021",
            [("password", "Kite_2020"), ("password", "Kite_2021")],
        ),
        ("登录密码被改了，改完以后是 Hz998877a", [("password", "Hz998877a")]),
        ("my password is fine, it was v6.84.0 of the app that broke", []),
        ("the password reset mail, it was 2024-05-01 when I asked", []),
        # user name and password on either side of a slash
        ("account: li.ming@example.com / Lm#556677", [("password", "Lm#556677")]),
        ("login ok / web 2024/05/01", []),
        # filler words and an aside before the separator
        ("the password I chose for the app (stupid, I know) is Pear!1990", [("password", "Pear!1990")]),
        (
            "the api secret they showed me once — 0F9E8D7C6B5A49382716A5B4C3D2E1F0",
            [("api_secret", "0F9E8D7C6B5A49382716A5B4C3D2E1F0")],
        ),
        # codes: told after a pronoun, copied with a dash, named after what they unlock
        ("the code came by email, it's 551902", [("verification_code", "551902")]),
        ("code: 551-902", [("verification_code", "551-902")]),
        ("my withdrawal code is 551902", [("verification_code", "551902")]),
        ("error code 51008, it is shown twice", []),
        ("2FA on; API key 804697a0-9cca-431a-b9da-ea5701077430", []),
        # a plain "card" before a Luhn-valid number; a Luhn-valid UID without card words is fine
        ("card: 4539578763621486 exp 11/26", [("bank_card", "4539578763621486")]),
        ("UID 4539578763621486, the OKX card app crashed", []),
    ],
)
def test_phrasing_families_found_on_unseen_text(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a password set off by commas or dashes after its label, or after an aside in commas
        ("i keep one password for all apps, Otter$771, and never had trouble", [("password", "Otter$771")]),
        ("the fund password — Q1w2e3r4! — stopped working", [("password", "Q1w2e3r4!")]),
        ("my password, as far as I remember, is Lotus2019x", [("password", "Lotus2019x")]),
        ("I changed my password, 2024-06-01, and then it froze", []),
        ("my password, the one I use on OKX, is not the problem", []),
        # Chinese: what the password is made of, then the value
        ("登录密码是我手机尾号加名字 8812wang", [("password", "8812wang")]),
        ("交易密码就是女儿生日 20150307 没改过", [("password", "20150307")]),
        ("修改登录密码是 2024-06-01 那天", []),
        # 码 alone after 的/个; other words ending in 码 stay other things
        ("手机上收到的码为 604118，输进去不对", [("verification_code", "604118")]),
        ("这个码 771203 是谁发的？", [("verification_code", "771203")]),
        ("错误码 500113，订单号码 123456", []),
        # the password told again, a sentence later, with an adverb
        (
            "password was Ab123456c. It's actually Nebula#2025 now",
            [("password", "Ab123456c"), ("password", "Nebula#2025")],
        ),
        # codes listed one a line after the first
        (
            "recovery codes I saved:\n4417 9023\n8810 2234\n6650 1198",
            [("verification_code", "4417 9023\n8810 2234\n6650 1198")],
        ),
        (
            "backup codes (from when I turned on 2FA):\n55201934\n70918362",
            [("verification_code", "55201934\n70918362")],
        ),
        # a hash of a keystore file is a checksum, not a key
        (f"the keystore file's sha256 is {TXID}", []),
        (f"the checksum of my key file: {TXID}", []),
    ],
)
def test_round3_phrasing_families(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a CVV called "security code" after card words; a code elsewhere stays a code
        (
            "Mastercard 5425 2334 3010 9903, exp 08/28, security code 416",
            [("bank_card", "5425 2334 3010 9903"), ("bank_card", "416")],
        ),
        ("the security code is 4407 on my screen", [("verification_code", "4407")]),
        # "passport, number …": the label and its value parted by a comma and "number"
        ("my passport, number G48210937, expires next year", [("id_document", "G48210937")]),
        # a password told in parts
        ("登录密码：lisi（我的名字）加 551203", [("password", "lisi（我的名字）加 551203")]),
        ("password: Rover + 2011", [("password", "Rover + 2011")]),
    ],
)
def test_round4_phrasing_families(text, expected):
    assert kinds(text) == expected
