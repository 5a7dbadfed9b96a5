"""Hand-written raw messages in shapes the generated set does not use (folded Gmail headers,
DKIM-Signature without header.d, CRLF line ends, GBK bodies, mbox lines …): verdicts must hold."""

import base64

import pytest

from okx_helper.replies import verify_reply

GMAIL_PASS = (
    "Authentication-Results: mx.google.com;\r\n"
    "       dkim=pass header.i=@okx.com header.s=okx2024 header.b=AbCdEf12;\r\n"
    "       spf=pass (google.com: domain of noreply@okx.com designates 203.0.113.5 as permitted sender)"
    " smtp.mailfrom=noreply@okx.com;\r\n"
    "       dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=okx.com\r\n"
)


def raw(headers: str, body: str, *, ctype="text/plain; charset=utf-8", cte="8bit") -> bytes:
    return (
        headers + f"MIME-Version: 1.0\r\nContent-Type: {ctype}\r\nContent-Transfer-Encoding: {cte}\r\n\r\n" + body
    ).encode("utf-8")


GENUINE_BODY = (
    "Dear customer,\r\n\r\nYour withdrawal has been completed. Anti-phishing code: Owl55\r\n\r\nOKX Support\r\n"
)

CASES = [
    # (id, message, anti-phishing code, expected verdict)
    (
        "gmail_folded_pass",
        raw(GMAIL_PASS + "From: OKX <noreply@okx.com>\r\nSubject: Withdrawal completed\r\n", GENUINE_BODY),
        "Owl55",
        "genuine",
    ),
    (
        "dkim_signature_only_domain",
        raw(
            "Authentication-Results: mx.example.org; dkim=pass; spf=pass; dmarc=pass\r\n"
            "DKIM-Signature: v=1; a=rsa-sha256; d=okx.com; s=s1; h=from:subject; bh=x; b=y\r\n"
            "From: support@okx.com\r\nSubject: Re: ticket\r\n",
            GENUINE_BODY,
        ),
        "Owl55",
        "genuine",
    ),
    (
        "mbox_line_and_bom",
        b"\xef\xbb\xbfFrom MAILER-DAEMON Tue Nov 10 09:00:00 2026\n"
        + raw(GMAIL_PASS + "From: OKX <noreply@okx.com>\r\nSubject: Done\r\n", GENUINE_BODY),
        "Owl55",
        "genuine",
    ),
    (
        "gbk_body_zh",
        (
            GMAIL_PASS + "From: =?gbk?b?xbfS18a9zKg=?= <noreply@okx.com>\r\n"
            "Subject: =?gbk?b?zOGx0s3qs8k=?=\r\nMIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=gbk\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        ).encode()
        + "您好，您的提币已完成。防钓鱼码：Owl55。请勿向任何人透露验证码。".encode("gbk"),
        "Owl55",
        "genuine",
    ),
    (
        "spf_softfail_but_aligned_dkim",
        raw(
            "Authentication-Results: mx.example.org; spf=softfail smtp.mailfrom=fwd.example.org; "
            "dkim=pass header.d=okx.com; dmarc=pass header.from=okx.com\r\n"
            "From: OKX <support@okx.com>\r\nSubject: Re\r\n",
            GENUINE_BODY,
        ),
        "Owl55",
        "genuine",
    ),
    (
        "html_tracking_links_on_okx",
        raw(
            GMAIL_PASS + "From: OKX <noreply@okx.com>\r\nSubject: Update\r\n",
            '<html><body><p>Dear customer,</p><p>See <a href="https://click.okx.com/t/abc?u=1">your ticket</a> and '
            '<a href="mailto:support@okx.com">support@okx.com</a>.</p><p>Anti-phishing code: Owl55</p>'
            "<p>Never share your seed phrase or 2FA code with anyone.</p></body></html>",
            ctype="text/html; charset=utf-8",
        ),
        "Owl55",
        "genuine",
    ),
    (
        "base64_zh_warning",
        raw(
            GMAIL_PASS + "From: =?utf-8?b?5qyn5piT?= <noreply@okx.com>\r\nSubject: =?utf-8?q?=E5=9B=9E=E5=A4=8D?=\r\n",
            base64.encodebytes(
                "您好：\n欧易工作人员绝不会索要您的密码、私钥或助记词，也不会要求您安装 AnyDesk。\n防钓鱼码：Owl55\n".encode()
            ).decode(),
            cte="base64",
        ),
        "Owl55",
        "genuine",
    ),
    # --- flagged ---------------------------------------------------------------------------
    (
        "gmail_fail",
        raw(
            GMAIL_PASS.replace("dkim=pass", "dkim=fail")
            .replace("spf=pass", "spf=fail")
            .replace("dmarc=pass", "dmarc=fail")
            + "From: OKX <noreply@okx.com>\r\nSubject: Done\r\n",
            GENUINE_BODY,
        ),
        "Owl55",
        "fraudulent",
    ),
    (
        "no_auth_header_okx",
        raw("From: OKX <support@okx.com>\r\nSubject: Done\r\n", GENUINE_BODY),
        "Owl55",
        "suspicious",
    ),
    (
        "dkim_signature_but_no_result",
        raw(
            "DKIM-Signature: v=1; d=okx.com; s=s1; b=forged\r\nFrom: OKX <support@okx.com>\r\nSubject: Re\r\n",
            GENUINE_BODY,
        ),
        "Owl55",
        "suspicious",
    ),
    (
        "display_name_is_an_okx_address",
        raw(
            "Authentication-Results: mx.example.org; dkim=pass header.d=mailer-host.biz; spf=pass; dmarc=pass\r\n"
            'From: "support@okx.com" <ops@mailer-host.biz>\r\nSubject: Re\r\n',
            GENUINE_BODY,
        ),
        "Owl55",
        "fraudulent",
    ),
    (
        "shortened_link",
        raw(
            GMAIL_PASS + "From: OKX <noreply@okx.com>\r\nSubject: Verify\r\n",
            "Dear customer, verify here: https://bit.ly/3okxv. Anti-phishing code: Owl55",
        ),
        "Owl55",
        "fraudulent",
    ),
    (
        "punycode_link_html",
        raw(
            GMAIL_PASS + "From: OKX <noreply@okx.com>\r\nSubject: Login\r\n",
            '<p>Dear user, <a href="https://www.xn--kx-emc.com/login">https://www.okx.com/login</a> Owl55</p>',
            ctype="text/html; charset=utf-8",
        ),
        "Owl55",
        "fraudulent",
    ),
    (
        "wrong_code_only",
        raw(GMAIL_PASS + "From: OKX <noreply@okx.com>\r\nSubject: Done\r\n", GENUINE_BODY),
        "Fox11",
        "suspicious",
    ),
    (
        "zh_threat_with_good_headers",
        raw(
            GMAIL_PASS + "From: OKX <noreply@okx.com>\r\nSubject: =?utf-8?b?6K2m5ZGK?=\r\n",
            "您好，您的账户存在风险，请在12小时内完成验证，否则账户将被永久冻结。防钓鱼码：Owl55",
        ),
        "Owl55",
        "fraudulent",
    ),
    (
        "en_remote_good_headers",
        raw(
            GMAIL_PASS + "From: OKX <noreply@okx.com>\r\nSubject: Help\r\n",
            "Hello, to fix the sync error our engineer needs screen sharing: install "
            "TeamViewer QuickSupport and send us the ID. Owl55",
        ),
        "Owl55",
        "fraudulent",
    ),
    (
        "reply_to_unrelated",
        raw(
            GMAIL_PASS + "From: OKX <noreply@okx.com>\r\nReply-To: agent.lee@protonmail.com\r\nSubject: Done\r\n",
            GENUINE_BODY,
        ),
        "Owl55",
        "suspicious",
    ),
    (
        "return_path_lookalike",
        raw(
            "Return-Path: <bounce@okx-mailer.com>\r\n"
            + GMAIL_PASS
            + "From: OKX <noreply@okx.com>\r\nSubject: Done\r\n",
            GENUINE_BODY,
        ),
        "Owl55",
        "fraudulent",
    ),
    (
        "fullwidth_lookalike_sender",
        raw("From: OKX <support@ｏｋｘ.com>\r\nSubject: Re\r\n", GENUINE_BODY),
        "Owl55",
        "fraudulent",
    ),
    (
        "genuine_p2p_dispute_with_reminder",
        raw(
            GMAIL_PASS + "From: OKX <noreply@okx.com>\r\nSubject: P2P\r\n",
            "Hi Bob,\r\nWe reviewed P2P order 1234567890123 and contacted the merchant. The merchant has 12 hours to "
            "respond. If they do not, the order will be resolved in your favour and the USDT released to your funding "
            "account.\r\nPlease keep all communication on the OKX platform. OKX will never ask you for your password, "
            "seed phrase or verification codes.\r\nOwl55\r\n",
        ),
        "Owl55",
        "genuine",
    ),
    (
        "genuine_memo_recovery_asks_for_txid",
        raw(
            GMAIL_PASS + "From: OKX <noreply@okx.com>\r\nSubject: Memo\r\n",
            "Hello,\r\nTo recover the XRP deposit sent without a memo, please reply with the TxID and a screenshot of "
            "the transfer from the sending platform. Do not share your password or 2FA codes with anyone, including us."
            "\r\nWe will process the recovery within 3-5 business days.\r\nOwl55\r\n",
        ),
        "Owl55",
        "genuine",
    ),
    (
        "zh_genuine_unlock_steps",
        raw(
            GMAIL_PASS + "From: =?utf-8?b?5qyn5piT?= <noreply@okx.com>\r\nSubject: x\r\n",
            "您好！您的账户因多次输入错误密码被临时锁定，现已为您解锁。\r\n建议您：\r\n1. 登录后前往个人中心修改登录密码；\r\n"
            "2. 开启谷歌验证。\r\n温馨提示：欧易客服不会以任何形式向您索要密码、验证码或助记词，请谨防诈骗。\r\n防钓鱼码：Owl55\r\n",
        ),
        "Owl55",
        "genuine",
    ),
    (
        "activation_fee_good_headers",
        raw(
            GMAIL_PASS + "From: OKX <noreply@okx.com>\r\nSubject: Hold\r\n",
            "Dear user,\r\nTo release your withdrawal, a one-time activation fee of 150 USDT must be paid to the "
            "address below.\r\nOwl55\r\n",
        ),
        "Owl55",
        "fraudulent",
    ),
    (
        "password_and_sms_code_needed",
        raw(
            GMAIL_PASS + "From: OKX <noreply@okx.com>\r\nSubject: Verify\r\n",
            "Dear user,\r\nTo finish the verification we need your current login password and the SMS code you will "
            "receive.\r\nOwl55\r\n",
        ),
        "Owl55",
        "fraudulent",
    ),
    (
        "zh_safe_account_good_headers",
        raw(
            GMAIL_PASS + "From: OKX <noreply@okx.com>\r\nSubject: x\r\n",
            "您好，您的资金存在风险，请尽快把余额转到我们为您开设的安全账户。防钓鱼码：Owl55",
        ),
        "Owl55",
        "fraudulent",
    ),
    # "Re:" repeats the user's own subject: their fear is not the sender's request.
    (
        "reply_subject_repeats_user_fear",
        raw(
            GMAIL_PASS + "From: OKX <noreply@okx.com>\r\n"
            "Subject: Re: [#5512] Someone asked me to send my seed phrase\r\n",
            "Hello,\r\nThat message was not from OKX. Your account is safe.\r\nOwl55\r\n",
        ),
        "Owl55",
        "genuine",
    ),
    (
        "zh_reply_subject_repeats_user_fear",
        raw(
            GMAIL_PASS + "From: OKX <noreply@okx.com>\r\n"
            "Subject: =?utf-8?b?" + base64.b64encode("回复：有人让我提供助记词".encode()).decode() + "?=\r\n",
            "您好，该信息并非欧易发送，您的账户安全。防钓鱼码：Owl55\r\n",
        ),
        "Owl55",
        "genuine",
    ),
    (
        "own_subject_still_counts",
        raw(
            GMAIL_PASS + "From: OKX <noreply@okx.com>\r\n"
            "Subject: Action required: send your seed phrase to verify the wallet\r\n",
            "Hello,\r\nSee the subject.\r\nOwl55\r\n",
        ),
        "Owl55",
        "fraudulent",
    ),
    # Moving the case to a chat app, whatever the verb.
    (
        "telegram_continue_conversation",
        raw(
            GMAIL_PASS + "From: OKX <noreply@okx.com>\r\nSubject: Re: dispute\r\n",
            "Hi,\r\nA senior agent has your case. Please continue the conversation with him on Telegram: "
            "@OKX_Agent_Mike\r\nOwl55\r\n",
        ),
        "Owl55",
        "fraudulent",
    ),
    (
        "zh_wechat_continue",
        raw(
            GMAIL_PASS + "From: OKX <noreply@okx.com>\r\nSubject: x\r\n",
            "您好，您的问题已转交专属经理，请在微信上与他继续沟通，微信号 okx_vip_01。防钓鱼码：Owl55\r\n",
        ),
        "Owl55",
        "fraudulent",
    ),
    # Moving funds to a "custody" place, in passive or with "withdraw"; the user's own deposit address is fine.
    (
        "custody_migration_passive",
        raw(
            GMAIL_PASS + "From: OKX <noreply@okx.com>\r\nSubject: Audit\r\n",
            "Dear customer,\r\nAll balances must be migrated to a segregated custody wallet before 30 April.\r\n"
            "Owl55\r\n",
        ),
        "Owl55",
        "fraudulent",
    ),
    (
        "withdraw_to_custody_address",
        raw(
            GMAIL_PASS + "From: OKX <noreply@okx.com>\r\nSubject: Audit\r\n",
            "Please withdraw your full balance to the address 0x9aE41c7B3d2F5e8A1b6C0d4E7f3A9b2C5d8E1f04.\r\nOwl55\r\n",
        ),
        "Owl55",
        "fraudulent",
    ),
    (
        "zh_migrate_to_custody",
        raw(
            GMAIL_PASS + "From: OKX <noreply@okx.com>\r\nSubject: x\r\n",
            "您好，请将全部资产迁移至托管地址。防钓鱼码：Owl55\r\n",
        ),
        "Owl55",
        "fraudulent",
    ),
    (
        "send_to_own_deposit_address",
        raw(
            GMAIL_PASS + "From: OKX <noreply@okx.com>\r\nSubject: Re: how to deposit\r\n",
            "Hi,\r\nPlease send your USDT to the deposit address shown in the app, on the TRC20 network. "
            "Funds must be sent to the correct deposit address for the chosen network.\r\nOwl55\r\n",
        ),
        "Owl55",
        "genuine",
    ),
    (
        "warning_never_continue_on_telegram",
        raw(
            GMAIL_PASS + "From: OKX <noreply@okx.com>\r\nSubject: x\r\n",
            "Hi,\r\nWe never continue support conversations on Telegram or WhatsApp; stay in this ticket.\r\nOwl55\r\n",
        ),
        "Owl55",
        "genuine",
    ),
]


@pytest.mark.parametrize("name,message,code,expected", CASES, ids=[c[0] for c in CASES])
def test_variant(name, message, code, expected):
    report = verify_reply(message, anti_phishing_code=code)
    assert report.verdict == expected, (report.checks, report.dangers)
