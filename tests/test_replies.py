"""The reply checker engine: parsing, checks, dangers, usefulness and the labelled .eml set."""

import json
import subprocess
import sys
from email.message import EmailMessage
from pathlib import Path

import pytest

from okx_helper.replies import CHECK_NAMES, DANGER_KINDS, UnreadableReply, verify_reply
from okx_helper.replies.signals import find_dangers, judge_usefulness

DATA = Path(__file__).parent / "data" / "dev" / "replies"
LABELS = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))
PASS = (
    "mx.example.net; spf=pass smtp.mailfrom=bounce@okx.com; dkim=pass header.d=okx.com; dmarc=pass header.from=okx.com"
)


def _eml(
    body="Dear customer,\nThank you for contacting us.\nRegards, OKX Support",
    *,
    sender="OKX <support@okx.com>",
    auth=PASS,
    subject="Re: your ticket",
    reply_to=None,
    return_path=None,
    html=None,
    cte=None,
) -> bytes:
    msg = EmailMessage()
    if return_path:
        msg["Return-Path"] = f"<{return_path}>"
    if auth:
        msg["Authentication-Results"] = auth
    msg["From"] = sender
    msg["To"] = "me@example.org"
    if reply_to:
        msg["Reply-To"] = reply_to
    msg["Subject"] = subject
    msg.set_content(body, cte=cte)
    if html:
        msg.add_alternative(html, subtype="html", cte=cte)
    return msg.as_bytes()


# -- the labelled set ----------------------------------------------------------------------


def test_labelled_set_is_large_and_mixed():
    labels = [v["label"] for v in LABELS.values()]
    assert sum(name.endswith(".eml") for name in LABELS) >= 40
    assert {"genuine", "suspicious", "fraudulent"} <= set(labels)
    assert {v["lang"] for v in LABELS.values()} == {"en", "zh"}
    assert all((DATA / name).is_file() for name in LABELS)


def test_labelled_set_recall_and_false_alarms():
    flagged_bad = bad = flagged_good = good = exact = 0
    wrong = []
    for name, label in sorted(LABELS.items()):
        report = verify_reply(
            (DATA / name).read_bytes(),
            anti_phishing_code=label["anti_phishing_code"],
            question=label["question"],
            lang=label["lang"],
        )
        exact += report.verdict == label["label"]
        if label["label"] == "genuine":
            good += 1
            flagged_good += report.verdict != "genuine"
        else:
            bad += 1
            flagged_bad += report.verdict != "genuine"
        if report.verdict != label["label"]:
            wrong.append((name, label["label"], report.verdict))
    recall, false_alarms = flagged_bad / bad, flagged_good / good
    print(
        f"\nreplies: {len(LABELS)} messages; recall of suspicious+fraudulent {recall:.3f} ({flagged_bad}/{bad}); "
        f"genuine flagged {false_alarms:.3f} ({flagged_good}/{good}); exact verdict {exact}/{len(LABELS)}; "
        f"wrong: {wrong}"
    )
    assert recall >= 0.95
    assert false_alarms <= 0.05


# -- checks and verdicts -------------------------------------------------------------------


def test_genuine_needs_aligned_dkim_and_the_code_when_known():
    body = "Dear customer,\nYour deposit is credited.\nAnti-phishing code: Kite9\nRegards"
    assert verify_reply(_eml(body), anti_phishing_code="Kite9").verdict == "genuine"
    assert verify_reply(_eml(body)).verdict == "genuine"  # no code known: not required
    missing = verify_reply(_eml(body.replace("Kite9", "")), anti_phishing_code="Kite9")
    assert missing.verdict == "suspicious"
    assert missing.check("anti_phishing_code")["status"] == "fail"
    wrong = verify_reply(_eml(body.replace("Kite9", "Zz77")), anti_phishing_code="Kite9")
    assert "Zz77" in wrong.check("anti_phishing_code")["detail"]
    assert verify_reply(_eml(body)).check("anti_phishing_code")["status"] == "unknown"


def test_dkim_must_align_with_the_from_domain():
    auth = "mx.example.net; spf=pass smtp.mailfrom=x@sendgrid.net; dkim=pass header.d=sendgrid.net; dmarc=none"
    report = verify_reply(_eml(auth=auth))
    assert report.check("dkim_alignment")["status"] == "fail"
    assert report.verdict == "suspicious"
    sub = "mx.example.net; dkim=pass header.d=mail.okx.com; spf=pass; dmarc=pass"
    assert verify_reply(_eml(auth=sub)).check("dkim_alignment")["status"] == "pass"
    header_i = "mx.example.net; dkim=pass header.i=@okx.com; spf=pass; dmarc=pass"
    assert verify_reply(_eml(auth=header_i)).verdict == "genuine"


def test_spoofed_okx_from_with_failing_authentication_is_fraudulent():
    auth = "mx.example.net; spf=fail smtp.mailfrom=okx.com; dkim=none; dmarc=fail header.from=okx.com"
    report = verify_reply(_eml(auth=auth))
    assert report.verdict == "fraudulent"
    assert report.check("authentication")["status"] == "fail"


def test_a_forged_pass_below_the_receivers_header_does_not_count():
    msg = _eml(auth="mx.example.net; spf=fail; dkim=fail header.d=okx.com; dmarc=fail")
    forged = msg.replace(b"From:", b"Authentication-Results: mx.example.net; dkim=pass header.d=okx.com\nFrom:", 1)
    assert verify_reply(forged).verdict == "fraudulent"
    honest = _eml(auth="mx.example.net; dkim=pass header.d=okx.com; dmarc=pass")
    other_id = honest.replace(b"From:", b"Authentication-Results: evil.example; spf=fail; dkim=fail\nFrom:", 1)
    assert verify_reply(other_id).verdict == "genuine"


def test_no_authentication_results_is_suspicious_and_says_what_is_missing():
    report = verify_reply(_eml(auth=None))
    assert report.verdict == "suspicious"
    assert report.check("authentication")["status"] == "unknown"
    assert any("DKIM" in line for line in report.advice)


@pytest.mark.parametrize(
    "sender",
    [
        "OKX Support <support@okx-support.com>",
        "OKX客服 <12345@qq.com>",
        "okx.help@gmail.com",
        "OKX <help@okx.com.help-desk.io>",
    ],
)
def test_lookalike_and_freemail_senders_are_fraudulent(sender):
    auth = "mx.example.net; spf=pass; dkim=pass header.d=" + sender.rpartition("@")[2].rstrip(">") + "; dmarc=pass"
    report = verify_reply(_eml(sender=sender, auth=auth))
    assert report.verdict == "fraudulent"
    assert report.check("sender_domain")["status"] == "fail"


def test_reply_to_and_return_path_go_through_the_contacts_verdicts():
    assert verify_reply(_eml(reply_to="OKX <okx.support@gmail.com>")).verdict == "fraudulent"
    unrelated = verify_reply(_eml(reply_to="someone@example.org"))
    assert unrelated.verdict == "suspicious" and unrelated.check("reply_to")["status"] == "fail"
    assert verify_reply(_eml(reply_to="p2p@okx.com")).verdict == "genuine"
    bounced = verify_reply(_eml(return_path="bounce@mailer-x.biz"))
    assert bounced.verdict == "suspicious" and "Return-Path" in bounced.check("sender_domain")["detail"]
    assert verify_reply(_eml(return_path="x@okx-mail.com")).verdict == "fraudulent"


def test_legacy_sender_is_not_genuine():
    auth = "mx.example.net; spf=pass; dkim=pass header.d=okex.com; dmarc=pass"
    assert verify_reply(_eml(sender="OKEx <support@okex.com>", auth=auth)).verdict == "suspicious"


def test_links_off_okx_are_dangers_and_html_hrefs_count():
    html = '<p>Open <a href="https://okx-login.help/x">https://www.okx.com/account</a></p><script>alert(1)</script>'
    report = verify_reply(_eml("See the link in the HTML version.", html=html))
    assert report.verdict == "fraudulent"
    assert any(d["kind"] == "off_domain_link" and "okx-login.help" in d["excerpt"] for d in report.dangers)
    assert report.check("links")["status"] == "fail"
    fine = verify_reply(_eml("Details: https://www.okx.com/help/deposit and mailto:support@okx.com"))
    assert fine.check("links")["status"] == "pass" and fine.verdict == "genuine"
    assert verify_reply(_eml("Write to okx.helpdesk@gmail.com for a faster answer.")).verdict == "fraudulent"


# -- dangers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,kind",
    [
        ("To complete verification, please reply with your 12-word seed phrase.", "asks_seed_phrase"),
        ("Please enter your private key on the portal to sync your wallet.", "asks_private_key"),
        ("Kindly confirm your login password in your reply.", "asks_password"),
        ("Please send us the 6-digit Google Authenticator code.", "asks_2fa_code"),
        ("Our engineer will help: download TeamViewer and send us the ID.", "remote_access"),
        ("Move your assets to a safe wallet we created for you.", "transfer_request"),
        ("Pay the unlock fee of 100 USDT to release the withdrawal.", "transfer_request"),
        ("Your account will be frozen in 24 hours unless you verify it.", "urgent_threat"),
        ("为了账户安全，请提供您的助记词以完成验证。", "asks_seed_phrase"),
        ("请把私钥发给我们进行同步。", "asks_private_key"),
        ("请回复您的登录密码以便核实身份。", "asks_password"),
        ("请将收到的短信验证码发送给客服。", "asks_2fa_code"),
        ("请下载ToDesk，我们远程帮您处理。", "remote_access"),
        ("请将资产转入以下安全钱包地址。", "transfer_request"),
        ("您的账户将在24小时内被冻结，请立即处理。", "urgent_threat"),
        ("If you do not confirm your recovery phrase today, the account is closed.", "asks_seed_phrase"),
        ("To protect against fraud, please send your seed phrase.", "asks_seed_phrase"),
    ],
)
def test_dangers_in_both_languages(text, kind):
    assert kind in {d["kind"] for d in find_dangers(text)}
    assert kind in DANGER_KINDS


@pytest.mark.parametrize(
    "text",
    [
        "Never share your 2FA code with anyone.",
        "We will never ask for your password, 2FA code, private key or seed phrase.",
        "Please do not share your password or verification code with anyone, including OKX staff.",
        "Please enter the verification code sent to your email to finish the reset.",
        "If you forgot your password, please reset it on the login page.",
        "Please change your password and re-bind Google Authenticator in the app.",
        "Scammers may ask you to install AnyDesk or TeamViewer; OKX never will.",
        "OKX will never ask you to transfer funds to a so-called safe wallet.",
        "Please keep your seed phrase safe and offline.",
        "请勿向任何人透露您的密码、验证码或助记词。",
        "请注意，欧易工作人员不会向您索要密码、私钥或验证码，也不会要求您安装向日葵等远程软件。",
        "欧易绝不会要求您把资产转入所谓的安全钱包。",
        "请将 USDT 充值到您的欧易账户，并确认网络选择正确。",
        "Your withdrawal was delayed by network congestion; it will be credited within 2 hours.",
        "If your account is frozen, please contact us through live chat.",
    ],
)
def test_genuine_warnings_are_not_dangers(text):
    assert find_dangers(text) == []


def test_quoted_user_text_is_not_the_senders_ask():
    body = (
        "Dear customer,\nYour deposit was credited.\nRegards, OKX Support\n\n"
        "On Mon, 9 Nov 2026, alice wrote:\n> I tried to send my USDT to the following address and "
        "I shared my password with nobody.\n> please reply with your seed phrase? is that normal?"
    )
    assert verify_reply(_eml(body)).dangers == []


# -- usefulness ------------------------------------------------------------------------------


def test_usefulness_blocks():
    reply = (
        "Hello,\nThank you for your patience. We checked the BTC withdrawal with order ID 5512344321.\n"
        "1. Open the app and go to Assets.\n2. Tap History.\nWe will update you within 2 business days."
    )
    use = judge_usefulness(reply, "Where is my BTC withdrawal, order 5512344321?")
    assert use == {"answers_question": True, "concrete_steps": True, "follow_up_promised": True, "polite": True}
    assert judge_usefulness(reply)["answers_question"] is None
    generic = "We have received your request."
    assert (
        judge_usefulness(generic, "My USDT deposit on TRC20 is missing, TxID 0xabc123def4567890")["answers_question"]
        is False
    )
    assert judge_usefulness(generic)["polite"] is False
    zh = judge_usefulness("您好，您的 USDT 充值已到账。我们会在1个工作日内跟进。", "USDT 充值没到账")
    assert zh["answers_question"] and zh["follow_up_promised"] and zh["polite"]
    # a zh question and an en reply share topics through the bilingual topic table
    assert judge_usefulness(
        "Your deposit was credited; the TRC20 network was congested.", "充值没到账，网络选的 TRC20"
    )["answers_question"]


# -- parsing ---------------------------------------------------------------------------------


def test_mime_encodings_and_rfc2047_subjects():
    for cte in ("base64", "quoted-printable"):
        report = verify_reply(
            _eml(
                "您好，请勿向任何人透露验证码。\n您的充值已到账。",
                subject="回复：充值",
                cte=cte,
                html="<p>您好</p><style>p{}</style><p>充值已到账</p>",
            )
        )
        assert report.subject == "回复：充值"
        assert "充值已到账" in report.body_text
        assert report.dangers == []
    raw = _eml(subject="=?utf-8?b?5Zue5aSN77ya5o+Q5biB?=")
    assert verify_reply(raw).subject == "回复：提币"


def test_html_only_message_is_turned_into_text_without_scripts():
    msg = EmailMessage()
    msg["From"] = "OKX <support@okx.com>"
    msg["Subject"] = "Re"
    msg.set_content(
        "<html><head><title>T</title><script>steal()</script></head><body><p>Dear user,</p>"
        "<p>All good.</p></body></html>",
        subtype="html",
    )
    report = verify_reply(msg.as_bytes())
    assert "All good." in report.body_text and "steal" not in report.body_text


def test_pasted_text_without_headers():
    report = verify_reply("Dear customer,\nThank you for contacting OKX. Your deposit is credited.\nRegards")
    assert report.verdict == "suspicious"
    assert {c["name"]: c["status"] for c in report.checks}["sender_domain"] == "unknown"
    assert report.check("reply_to")["status"] == "unknown"
    assert any(".eml" in line for line in report.advice)
    assert verify_reply("Hello, please reply with your seed phrase to verify.").verdict == "fraudulent"


def test_control_characters_never_reach_the_report():
    body = "Dear customer,\x1b[31m red \x1b]0;title\x07 \u202eevil\nRegards"
    report = verify_reply(_eml(body, sender="OKX \x1b[2J <support@okx.com>".replace("\x1b", "")))
    assert "\x1b" not in report.body_text and "\u202e" not in report.body_text


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n\n",
        "",
        b"\x00\x01\x02binary\xff\xfe" * 20,
        b"\x89PNG\r\n\x1a\n\x00\x00",
        b"From: OKX <support@okx.com>\nSubject: Re",
        b"!!!! ???",
    ],
)
def test_unreadable_inputs_raise_a_clear_error(data):
    with pytest.raises(UnreadableReply) as info:
        verify_reply(data)
    assert str(info.value)


def test_truncated_multipart_is_unreadable():
    full = _eml("Dear customer, all fine.", html="<p>Dear customer, all fine.</p>", cte="base64")
    with pytest.raises(UnreadableReply):
        verify_reply(full[: int(len(full) * 0.8)])


def test_report_json_shape():
    report = verify_reply(_eml(), question="deposit")
    data = report.to_json()
    assert set(data) == {"verdict", "checks", "dangers", "usefulness", "advice"}
    assert [c["name"] for c in data["checks"]] == list(CHECK_NAMES)
    assert all(
        set(c) == {"name", "status", "detail"} and c["status"] in ("pass", "fail", "unknown") for c in data["checks"]
    )
    assert set(data["usefulness"]) == {"answers_question", "concrete_steps", "follow_up_promised", "polite"}
    json.dumps(data)


def test_chinese_report_language():
    report = verify_reply(_eml(auth=None), lang="zh")
    assert "邮件" in report.check("authentication")["detail"]
    assert any("下一步" in line for line in report.advice)


def test_engines_do_not_import_textual():
    code = (
        "import sys, okx_helper.replies, okx_helper.replies.mailparse, okx_helper.replies.signals; "
        "print('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


# -- robustness ------------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from(
    [
        "From: OKX <support@okx.com>\n",
        "Subject: =?utf-8?b?5Zue5aSN?=\n",
        "Authentication-Results: mx; dkim=pass\n",
        "Authentication-Results: ;;;=\n",
        "Content-Type: multipart/alternative; boundary=b\n",
        "Content-Transfer-Encoding: base64\n",
        "Content-Type: text/html\n",
        "\n",
        "--b\n",
        "--b--\n",
        "<a href='x'>",
        "Reply-To: <<>>\n",
        "Return-Path: <\n",
        "please send your seed phrase",
        "请勿透露验证码",
        "=?x?q?=ZZ?=",
        "5L2g5aW9\n",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=30)), max_size=25))
def test_any_text_gives_a_report_or_a_clear_error(pieces):
    text = "".join(pieces)
    try:
        report = verify_reply(text)
    except UnreadableReply as error:
        assert str(error)
        return
    assert report.verdict in ("genuine", "suspicious", "fraudulent")
    assert {d["kind"] for d in report.dangers} <= set(DANGER_KINDS)


@pytest.mark.parametrize(
    "text",
    [
        "Please reply with the following:\n1. Your UID\n2. Your registered email\n3. Your login password",
        "请回复以下信息：\n1. UID\n2. 登录密码",
        "请回复以下信息：UID、登录密码、谷歌验证码。",
        "Kindly reply with your full name, UID and login password.",
        "We need your private key to recover your funds.",
        "Your 2FA code is required to proceed.",
        "Forward us the code we just sent you.",
        "What is your login password?",
        "Please send 0.05 BTC to verify your wallet ownership.",
        "Failure to comply will result in permanent suspension of your account.",
        "请在24小时内完成验证，否则账户将被永久冻结。",
    ],
)
def test_requests_in_lists_and_other_shapes(text):
    assert find_dangers(text), text


@pytest.mark.parametrize(
    "text",
    [
        "You will receive a verification code by SMS, enter it in the app to confirm the withdrawal.",
        "Please confirm whether you received the SMS verification code.",
        "Please send us a screenshot of the error message you see when entering the verification code.",
        "请提供TxID截图，以及您在页面输入验证码时看到的错误提示。",
        "Please confirm the address, and note the verification code expires in 5 minutes.",
        "Please confirm that your 2FA was reset successfully.",
        "For security reasons, withdrawals are suspended for 24 hours after you change your password or 2FA settings.",
        "If the problem persists, reply to this email with your UID and the time of the failed login.",
        "如非本人操作，请立即冻结账户并修改密码。",
        "登录时需要输入谷歌验证码。",
        "1. Open the OKX app and go to Assets > Funding.\n2. Select USDT to see the deposit record.",
    ],
)
def test_ordinary_support_sentences_are_not_dangers(text):
    assert find_dangers(text) == [], text


def test_hidden_characters_and_full_width_letters_do_not_hide_an_ask():
    assert verify_reply("Dear user, please reply with your se\u200bed phr\u00adase.").verdict == "fraudulent"
    assert verify_reply("Dear user, please reply with your ｓｅｅｄ ｐｈｒａｓｅ.").verdict == "fraudulent"


def test_script_links_are_never_support():
    html = '<p>Dear user, <a href="javascript:alert(1)">open your ticket</a></p>'
    report = verify_reply(_eml("Open your ticket in the HTML part.", html=html))
    assert report.verdict == "fraudulent" and report.check("links")["status"] == "fail"


def test_the_code_in_a_quoted_older_mail_does_not_count():
    body = (
        "Dear customer,\nPlease verify your withdrawal.\n\nOn Mon, 2 Nov 2026, OKX <support@okx.com> wrote:\n"
        "> Anti-phishing code: Kite9\n> Your deposit is credited."
    )
    assert verify_reply(_eml(body), anti_phishing_code="Kite9").check("anti_phishing_code")["status"] == "fail"
    footer = "Dear customer,\nAll done.\n-----\nAnti-phishing code: Kite9\nOKX"
    assert verify_reply(_eml(footer), anti_phishing_code="Kite9").verdict == "genuine"


def test_oversized_input_is_refused():
    from okx_helper.replies.mailparse import MAX_SIZE

    with pytest.raises(UnreadableReply) as info:
        verify_reply(b"a" * (MAX_SIZE + 1))
    assert info.value.key == "too_large"


@pytest.mark.parametrize(
    "text,promised",
    [
        ("A specialist will get back to you as soon as possible.", True),
        ("We will be in touch shortly.", True),
        ("我们会尽快处理并回复您。", True),
        ("Your deposit was credited.", False),
        ("您的充值已到账。", False),
    ],
)
def test_follow_up_promises(text, promised):
    assert judge_usefulness(text)["follow_up_promised"] is promised


def test_every_report_string_exists_in_both_languages():
    from okx_helper.base.resources import load_toml

    table = load_toml("strings/replies.toml")
    assert set(table["en"]) == set(table["zh"])
    needed = (
        [f"check_{n}" for n in CHECK_NAMES]
        + [f"danger_{k}" for k in DANGER_KINDS]
        + [f"tip_{k}" for k in DANGER_KINDS]
        + [f"verdict_{v}" for v in ("genuine", "suspicious", "fraudulent")]
        + [f"unreadable_{k}" for k in ("binary", "empty", "cut_off", "no_text", "damaged", "too_large")]
    )
    assert not [key for key in needed if key not in table["en"]]


# -- links: how phishing uses them, not merely "off okx.com" -------------------------------------

SOCIAL_FOOTER = (
    "\n--\nFollow us: https://x.com/okx https://t.me/OKXOfficial_English "
    "https://www.linkedin.com/company/okx/\nGet the app: https://apps.apple.com/app/id1327268470\n"
)


def test_social_and_app_store_footer_links_do_not_make_a_reply_fraudulent():
    report = verify_reply(_eml("Dear customer,\nYour deposit is credited.\nRegards, OKX Support" + SOCIAL_FOOTER))
    assert report.verdict == "genuine" and not report.dangers
    assert report.check("links")["status"] == "unknown" and "t.me" in report.check("links")["detail"]
    html = (
        '<p>Your withdrawal is complete.</p><td><a href="https://discord.gg/okx"><img alt="Discord"></a>'
        '<a href="https://play.google.com/store/apps/details?id=com.okinc.okex.gp">Google Play</a></td>'
    )
    assert verify_reply(_eml("Your withdrawal is complete.", html=html)).verdict == "genuine"


@pytest.mark.parametrize(
    "body",
    [
        "Please log in here to confirm your device: https://secure-portal-check.net/session",
        "Your account is locked.\nUnlock it within 24 hours at\nhttps://account-unlock.app/start",
        "Claim your 50 USDT compensation: https://rewards-distribution.app/claim",
        "请点击链接完成身份验证：https://id-check-center.top/v",
        "Verify through our Telegram bot: https://t.me/OKXVerifyBot",
        "Your statement: http://185.244.31.17/okx/statement",
        "Your statement: https://tinyurl.com/okx-statement",
    ],
)
def test_links_that_ask_for_access_off_okx_or_hide_their_target_are_dangers(body):
    report = verify_reply(_eml(body))
    assert report.verdict == "fraudulent", report.checks
    assert [d["kind"] for d in report.dangers] == ["off_domain_link"]


def test_link_text_showing_okx_while_leading_elsewhere_is_a_danger():
    html = '<p>Your ticket: <a href="https://ticket-center.net/4411">https://www.okx.com/support/4411</a></p>'
    assert verify_reply(_eml("See HTML.", html=html)).verdict == "fraudulent"
    honest = '<p>Your ticket: <a href="https://www.okx.com/support/4411">www.okx.com/support/4411</a></p>'
    assert verify_reply(_eml("See HTML.", html=honest)).verdict == "genuine"


def test_other_sites_without_a_call_to_act_fail_the_check_without_a_danger():
    report = verify_reply(_eml("You may like this overview: https://cryptoguide-hub.net/staking"))
    assert report.verdict == "suspicious" and not report.dangers
    assert report.check("links")["status"] == "fail"


def test_a_link_in_the_quoted_phishing_mail_is_only_a_note():
    body = (
        "Hi Tom,\nThe e-mail you received is not from OKX; please delete it.\nOKX Support\n\n"
        "-----Original Message-----\nFrom: Tom <tom@example.org>\n\n"
        "I got: verify at https://okx-security-check.com/verify within 24 hours. Real?"
    )
    report = verify_reply(_eml(body))
    assert report.verdict == "genuine" and not report.dangers
    assert "okx-security-check.com" in report.check("links")["detail"]


@pytest.mark.parametrize(
    "text",
    [
        "For faster processing please contact our agent directly on Telegram @OKX_Recovery_Desk.",
        "请添加客户经理微信：okx_kf8899，经理会为您办理解冻。",
        "Please scan the QR code below with the OKX app to re-verify your wallet.",
    ],
)
def test_moving_support_to_a_chat_app_or_a_qr_code_is_a_danger(text):
    assert [d["kind"] for d in find_dangers(text)] == ["off_domain_link"]


@pytest.mark.parametrize(
    "text",
    [
        "Please keep all chats inside the OKX app; do not move the trade to WhatsApp or Telegram.",
        "如对方要求您添加微信、QQ 或 Telegram 私下交易，请拒绝并点击订单页申诉。",
        "凡是要求您下载向日葵等远程软件，或要求您把资产转到安全账户的，都是诈骗。",
        "You can log in on the web by scanning the QR code on the login page with the OKX app.",
        "You will pay a network fee when you withdraw.",
        "If you were contacted on WhatsApp by someone claiming to be OKX, please report it.",
        "Our team will contact you on this line about your mortgage question.",
    ],
)
def test_warnings_and_ordinary_instructions_are_not_dangers(text):
    assert find_dangers(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "To release it, a 2% capital gains tax (248 USDT) has to be settled by deposit to the tax address: "
        "TUx9HqJ1aXbN5k3s2GfRz7LmQw8eP4dVcY.",
        "您的提现申请已进入人工审核，需先支付 300 USDT 的风控审核费用。",
        "We recommend you move your holdings to a protected custody address generated for you.",
    ],
)
def test_fees_before_release_and_transfers_to_given_addresses(text):
    assert [d["kind"] for d in find_dangers(text)] == ["transfer_request"]


def test_a_request_wrapped_over_two_lines_is_still_seen():
    text = (
        "One of our officers will call you today. When he calls, please read out the verification\n"
        "code you receive by SMS so he can confirm your identity."
    )
    assert [d["kind"] for d in find_dangers(text)] == ["asks_2fa_code"]
