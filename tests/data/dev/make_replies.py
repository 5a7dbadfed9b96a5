"""Generate the labelled .eml set (and two pasted .txt replies) in tests/data/dev/replies/ (run: python tests/data/dev/make_replies.py).

Every message is built with the email package so the MIME details are real: multipart/
alternative with HTML, base64 and quoted-printable bodies, RFC 2047 subjects. labels.json maps
each file to its expected verdict, the user's anti-phishing code (or null) and the language.
The output is deterministic, so re-running only changes files when this script changes.
"""
from __future__ import annotations

import json
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

OUT = Path(__file__).resolve().parent / "replies"
CODE = "Mint42"  # the user's anti-phishing code in most cases

PASS = "mx.example.net; spf=pass smtp.mailfrom=bounce@mail.okx.com; dkim=pass header.d=okx.com header.s=s1; dmarc=pass header.from=okx.com"
PASS_SUB = "mx.example.net; spf=pass smtp.mailfrom=notice@mail.okx.com; dkim=pass header.d=mail.okx.com; dmarc=pass header.from=mail.okx.com"
FAIL_ALL = "mx.example.net; spf=fail smtp.mailfrom=support@okx.com; dkim=fail header.d=okx.com; dmarc=fail (p=REJECT) header.from=okx.com"
FAIL_DMARC = "mx.example.net; spf=pass smtp.mailfrom=mailer@bulk-sender.biz; dkim=pass header.d=bulk-sender.biz; dmarc=fail header.from=okx.com"
SOFT = "mx.qq.com; spf=softfail smtp.mailfrom=okx.com; dkim=none; dmarc=fail header.from=okx.com"
UNALIGNED = "mx.example.net; spf=pass smtp.mailfrom=bounces@sendgrid.net; dkim=pass header.d=sendgrid.net; dmarc=none header.from=okx.com"

EN_GOOD = """Dear customer,

Thank you for contacting OKX Support, and sorry for the wait.

We have checked your USDT deposit with TxID 9c1f4e7a2b8d0c35e6f1a9b7d4c2e8f0a1b3c5d7e9f1a2b4c6d8e0f2a4b6c8d0.
It was sent on the TRC20 network and has now been credited to your funding account.

1. Open the OKX app and go to Assets > Funding.
2. Select USDT to see the deposit record.

For your security, never share your password, 2FA code or seed phrase with anyone; OKX staff will never ask for them.

Anti-phishing code: {code}

Best regards,
OKX Support Team
"""

EN_GOOD_2 = """Hello,

Thanks for your patience. Your withdrawal of 0.5 ETH (order ID 88123456789) is being reviewed by our risk team.
We will get back to you within 1 business day with an update in this thread.

Please note: we will never ask you for your password or verification codes, and never ask you to move funds.

{code}

Kind regards,
OKX Customer Support
"""

EN_GOOD_3 = """Hi there,

Thank you for reaching out. Your account was restricted after several failed login attempts.
To restore access:
1. Log in to the OKX app and go to Profile > Security Center.
2. Reset your password and re-bind Google Authenticator.
3. Contact us again in this thread if the restriction remains.

Do not share the code we sent to your email with anyone.

Your anti-phishing code is {code}.

Regards,
OKX Support
"""

ZH_GOOD = """尊敬的用户，您好：

感谢您联系欧易客服。我们已核实您的充值（TxID 9c1f4e7a2b8d0c35e6f1a9b7d4c2e8f0a1b3c5d7e9f1a2b4c6d8e0f2a4b6c8d0），
该笔 USDT 通过 TRC20 网络转入，现已到账您的资金账户。

1. 打开欧易 App，进入"资产" > "资金账户"。
2. 选择 USDT 查看充值记录。

温馨提示：请勿向任何人透露您的密码、验证码或助记词，欧易工作人员绝不会索要这些信息。

防钓鱼码：{code}

欧易客服团队 敬上
"""

ZH_GOOD_2 = """您好，

感谢您的耐心等待。您的提币申请（订单号 88123456789）正在由风控团队审核，我们会在1个工作日内在本邮件中回复您。

请注意：欧易不会要求您安装任何远程软件，也不会要求您把资产转入所谓的"安全钱包"。

{code}

祝您生活愉快！
欧易客服
"""

ZH_GOOD_3 = """您好！

关于您的 P2P 订单申诉，我们已联系卖家并要求其在 24 小时内提供付款凭证。
我们将继续跟进，并通过本邮件通知您处理结果。切勿在平台外与对方交易或转账。

您的防钓鱼码是 {code}

此致
欧易 P2P 团队
"""

EN_SEED = """Dear user,

Our system detected unusual activity on your OKX wallet. To complete the security verification,
please reply with your 12-word recovery phrase so we can confirm you are the owner.

Anti-phishing code: {code}

OKX Security Team
"""

EN_REMOTE = """Hello,

Thanks for contacting us. Your withdrawal is stuck because of a technical sync issue.
Our engineer can fix it for you: please download AnyDesk from anydesk.com and send us the 9-digit ID.

OKX Support
"""

EN_SAFE_WALLET = """Dear customer,

Your account has been flagged by our compliance team. To protect your assets, transfer all your funds
to the following safe wallet address within 12 hours: TQ8fX2vKmYc3pD7aN9sL4eR1hJ6uW5zB0y.

OKX Risk Control
"""

EN_2FA = """Hi,

We are processing your withdrawal. For verification, please provide the 6-digit Google Authenticator code
and your login password in your reply.

OKX Support
"""

EN_THREAT = """URGENT NOTICE

Your OKX account will be permanently frozen within 24 hours unless you verify your identity at the link below.
https://okx-verify-account.com/login

OKX Compliance
"""

EN_PRIVKEY = """Hello,

To release your pending deposit we need to sync your wallet. Please enter your private key on our secure portal.

Anti-phishing code: {code}

OKX Wallet Support
"""

ZH_SEED = """您好：

系统检测到您的账户存在异常登录。为了保障资金安全，请立即回复您的助记词以完成身份验证，
否则您的账户将在24小时内被冻结。

欧易安全中心
"""

ZH_REMOTE = """您好，

您的提币卡在链上，需要技术人员远程处理。请下载安装向日葵远程软件，并把识别码和验证码发给我们。

欧易客服
"""

ZH_SAFE = """尊敬的用户：

您的账户涉及反洗钱调查，为了您的资金安全，请将资产转入以下安全钱包地址：TQ8fX2vKmYc3pD7aN9sL4eR1hJ6uW5zB0y，
核查完成后全额退回。

欧易风控部
"""

ZH_FEE = """您好，

您的提现已被冻结，需缴纳 200 USDT 解冻费后方可到账。请尽快支付，逾期资产将被清零。

欧易客服中心
"""

EN_PLAIN_OK = """Dear customer,

Thank you for your message. We have escalated your case to the relevant team and will contact you
within 2 business days. Please keep replying in this thread so we have the full history.

Best regards,
OKX Support
"""

ZH_PLAIN_OK = """您好，

感谢您的来信。您的问题已提交至相关部门，我们会在2个工作日内回复您。请继续在本邮件中回复，不要另开新工单。

欧易客服
"""

EN_QUOTED = """Dear customer,

Thank you for your reply. We confirm the 250 USDT deposit (TRC20) was credited to your funding account today.
Anti-phishing code: {code}

Best regards,
OKX Support

On Mon, 9 Nov 2026 at 10:02, Alice <alice.trader@example.org> wrote:
> A man on Telegram told me to send my USDT to the following address to "unlock" it and asked for
> my seed phrase. Is that you? My deposit of 250 USDT on TRC20 is missing.
"""

ZH_QUOTED = """您好，

您提到的 TRC20 充值已经到账，请在"资产"页面查看。
防钓鱼码：{code}

欧易客服

------------------ 原始邮件 ------------------
> 有人让我把资产转入以下安全钱包地址，还要我的助记词，这是你们吗？
"""

EN_HIDDEN_LINK = """Dear customer,

Your withdrawal needs one more confirmation. Open your ticket in the Help Center to continue.

Anti-phishing code: {code}

OKX Support
"""

EN_KYC = """Hello,

Thank you for contacting OKX. Your identity verification (KYC) was rejected because the photo of your ID was blurred.
Please upload a new photo through the app: Profile > Verification. Never send ID documents by e-mail.

We will review the new submission within 2 business days.

{code}

Kind regards,
OKX Support
"""

ZH_2FA_HELP = """您好，

关于您重置谷歌验证器的申请：
1. 在欧易 App 中进入"安全中心"。
2. 点击"谷歌验证"，按提示重置并重新绑定。
请注意：客服绝不会向您索要验证码或密码，请勿告诉任何人。

防钓鱼码：{code}

欧易客服团队
"""

PASTED_EN = """Dear customer,

Thank you for contacting OKX Support. Your deposit has been credited.

Best regards,
OKX Support
"""

PASTED_ZH_SEED = """您好，我是欧易官方客服。您的账户存在异常，请回复您的助记词以便我们为您解除冻结，否则24小时内资产将被清零。"""


def _html(text: str, link: str | None = None, link_text: str | None = None) -> str:
    paras = "".join(f"<p>{line}</p>" for line in text.split("\n") if line.strip())
    extra = f'<p><a href="{link}">{link_text or link}</a></p>' if link else ""
    return (f"<html><head><style>p {{ margin: 0 }}</style><script>var x = 1;</script></head>"
            f"<body>{paras}{extra}</body></html>")


CASES: list[dict] = []
PASTED: list[dict] = []  # pasted text without headers, saved as .txt


def case(name, label, lang, sender, subject, body, *, auth=None, code=CODE, user_code=CODE, cte=None,
         html=False, link=None, link_text=None, reply_to=None, return_path=None, extra_auth=None,
         html_only=False, question=None, utf8=False):
    CASES.append(dict(utf8=utf8, name=name, label=label, lang=lang, sender=sender, subject=subject,
                      body=body.replace("{code}", code or ""), auth=auth, user_code=user_code, cte=cte,
                      html=html, link=link, link_text=link_text, reply_to=reply_to,
                      return_path=return_path, extra_auth=extra_auth, html_only=html_only, question=question))


def build(c: dict) -> bytes:
    msg = EmailMessage(policy=default)
    if c["return_path"]:
        msg["Return-Path"] = f"<{c['return_path']}>"
    if c["auth"]:
        msg["Authentication-Results"] = c["auth"]
    if c["extra_auth"]:
        msg["Authentication-Results"] = c["extra_auth"]
    msg["From"] = c["sender"]
    msg["To"] = "alice.trader@example.org"
    if c["reply_to"]:
        msg["Reply-To"] = c["reply_to"]
    msg["Subject"] = c["subject"]
    msg["Date"] = "Tue, 10 Nov 2026 09:30:00 +0000"
    msg["Message-ID"] = f"<{c['name']}@replies.test>"
    cte = c["cte"]
    if c["html_only"]:
        msg.set_content(_html(c["body"], c["link"], c["link_text"]), subtype="html", cte=cte)
    else:
        body = c["body"] + (f"\n{c['link']}\n" if c["link"] and not c["html"] else "")
        msg.set_content(body, cte=cte)
        if c["html"]:
            msg.add_alternative(_html(c["body"], c["link"], c["link_text"]), subtype="html", cte=cte)
    # Non-ASCII addresses travel as raw UTF-8 (SMTPUTF8); RFC 2047 is not allowed inside an address.
    return msg.as_bytes(policy=default.clone(utf8=True)) if c["utf8"] else msg.as_bytes()


def define() -> None:
    okx = "OKX <support@okx.com>"
    okx_zh = "欧易客服 <support@okx.com>"
    rp = "bounce@mail.okx.com"
    # --- genuine-like: official sender, aligned DKIM pass, the user's code -------------------
    case("g01_en_plain", "genuine", "en", okx, "Re: USDT deposit not credited", EN_GOOD, auth=PASS, return_path=rp,
         question="My USDT deposit on TRC20 has not arrived. TxID 9c1f4e7a2b8d0c35e6f1a9b7d4c2e8f0a1b3c5d7e9f1a2b4c6d8e0f2a4b6c8d0")
    case("g02_en_alt_html", "genuine", "en", okx, "Re: Withdrawal under review", EN_GOOD_2, auth=PASS, html=True,
         link="https://www.okx.com/help/withdrawal-review", return_path=rp)
    case("g03_en_base64", "genuine", "en", okx, "Re: Account restricted", EN_GOOD_3, auth=PASS, cte="base64",
         return_path=rp)
    case("g04_en_qp_html", "genuine", "en", "OKX Notifications <noreply@mail.okx.com>", "Re: Withdrawal ETH",
         EN_GOOD_2, auth=PASS_SUB, cte="quoted-printable", html=True, link="https://www.okx.com/account/security",
         return_path="notice@mail.okx.com")
    case("g05_zh_plain", "genuine", "zh", okx_zh, "回复：USDT 充值未到账", ZH_GOOD, auth=PASS, return_path=rp,
         question="我的 USDT 充值（TRC20）一直没到账，TxID 9c1f4e7a2b8d0c35e6f1a9b7d4c2e8f0a1b3c5d7e9f1a2b4c6d8e0f2a4b6c8d0")
    case("g06_zh_base64", "genuine", "zh", okx_zh, "回复：提币审核", ZH_GOOD_2, auth=PASS, cte="base64", return_path=rp)
    case("g07_zh_qp_html", "genuine", "zh", "欧易 P2P <p2p@okx.com>", "回复：P2P 订单申诉", ZH_GOOD_3, auth=PASS,
         cte="quoted-printable", html=True, link="https://www.okx.com/zh-hans/help/p2p-appeal", return_path=rp)
    case("g08_en_no_code_known", "genuine", "en", okx, "Re: Case update", EN_PLAIN_OK, auth=PASS, user_code=None,
         code="", return_path=rp)
    case("g09_zh_no_code_known", "genuine", "zh", okx_zh, "回复：工单进展", ZH_PLAIN_OK, auth=PASS, user_code=None,
         code="", return_path=rp)
    case("g10_en_html_only", "genuine", "en", okx, "Re: Deposit", EN_GOOD, auth=PASS, html_only=True,
         link="https://www.okx.com/balance/recharge", link_text="View deposit", return_path=rp)
    case("g11_zh_html_only_b64", "genuine", "zh", okx_zh, "回复：充值到账", ZH_GOOD, auth=PASS, html_only=True,
         cte="base64", link="https://www.okx.com/zh-hans/balance", link_text="查看资产", return_path=rp)
    case("g12_en_sub_dkim", "genuine", "en", okx, "Re: Withdrawal", EN_GOOD_2, auth=PASS_SUB.replace(
        "header.from=mail.okx.com", "header.from=okx.com"), return_path=rp)
    case("g13_en_code_in_subject", "genuine", "en", okx, f"[{CODE}] Re: Account restricted", EN_GOOD_3.replace(
        "Your anti-phishing code is {code}.", ""), auth=PASS, return_path=rp, code="")
    case("g14_zh_reply_to_official", "genuine", "zh", okx_zh, "回复：P2P 申诉", ZH_GOOD_3, auth=PASS,
         reply_to="p2p@okx.com", return_path=rp)
    case("g15_en_no_return_path", "genuine", "en", okx, "Re: Your ticket", EN_GOOD, auth=PASS)
    case("g16_en_other_code", "genuine", "en", okx, "Re: Deposit", EN_GOOD, auth=PASS, code="zq-77Lx",
         user_code="zq-77Lx", return_path=rp)
    # --- spoofed okx.com From: the receiving server recorded failures ----------------------
    case("s01_en_spoof_fail", "fraudulent", "en", okx, "Re: Withdrawal under review", EN_GOOD_2, auth=FAIL_ALL)
    case("s02_zh_spoof_fail", "fraudulent", "zh", okx_zh, "回复：提币审核", ZH_GOOD_2, auth=FAIL_ALL, cte="base64")
    case("s03_en_spoof_dmarc", "fraudulent", "en", okx, "Account notice", EN_PLAIN_OK, auth=FAIL_DMARC,
         return_path="mailer@bulk-sender.biz")
    case("s04_zh_spoof_soft", "fraudulent", "zh", okx_zh, "账户通知", ZH_PLAIN_OK, auth=SOFT)
    case("s05_en_forged_ar_below", "fraudulent", "en", okx, "Re: Deposit", EN_GOOD, auth=FAIL_ALL,
         extra_auth="mx.example.net; dkim=pass header.d=okx.com; spf=pass smtp.mailfrom=okx.com; dmarc=pass")
    # --- no proof: official From but no authentication results, unaligned DKIM, legacy ------
    case("u01_en_no_auth", "suspicious", "en", okx, "Re: Case update", EN_PLAIN_OK)
    case("u02_zh_no_auth", "suspicious", "zh", okx_zh, "回复：工单进展", ZH_PLAIN_OK, cte="quoted-printable")
    case("u03_en_unaligned_dkim", "suspicious", "en", okx, "Re: Withdrawal", EN_GOOD_2, auth=UNALIGNED,
         return_path="bounces@sendgrid.net")
    case("u04_en_legacy", "suspicious", "en", "OKEx Support <support@okex.com>", "Re: Deposit", EN_GOOD,
         auth=PASS.replace("okx.com", "okex.com"))
    case("u05_en_unrelated", "suspicious", "en", "Crypto Desk <desk@randomexchange-news.com>", "Your ticket",
         EN_PLAIN_OK, auth="mx.example.net; spf=pass; dkim=pass header.d=randomexchange-news.com; dmarc=pass")
    # --- the user's anti-phishing code missing or wrong --------------------------------------
    case("c01_en_code_missing", "suspicious", "en", okx, "Re: Deposit", EN_GOOD, auth=PASS, code="", return_path=rp)
    case("c02_en_code_wrong", "suspicious", "en", okx, "Re: Deposit", EN_GOOD, auth=PASS, code="Blue77",
         return_path=rp)
    case("c03_zh_code_missing", "suspicious", "zh", okx_zh, "回复：充值", ZH_GOOD, auth=PASS, code="", cte="base64",
         return_path=rp)
    case("c04_zh_code_wrong", "suspicious", "zh", okx_zh, "回复：提币审核", ZH_GOOD_2, auth=PASS, code="ABCD99",
         return_path=rp)
    # --- look-alike senders ----------------------------------------------------------------
    case("l01_en_hyphen", "fraudulent", "en", "OKX Support <support@okx-support.com>", "Re: Deposit", EN_PLAIN_OK,
         auth="mx.example.net; spf=pass; dkim=pass header.d=okx-support.com; dmarc=pass")
    case("l02_en_zero", "fraudulent", "en", "OKX <service@0kx.com>", "Re: Withdrawal", EN_GOOD_2,
         auth="mx.example.net; spf=pass; dkim=pass header.d=0kx.com; dmarc=pass")
    case("l03_en_buried", "fraudulent", "en", "OKX Help <help@okx.com.help-desk.io>", "Account review", EN_PLAIN_OK)
    case("l04_zh_typo", "fraudulent", "zh", "欧易客服 <kefu@oikx.com>", "回复：充值问题", ZH_PLAIN_OK, cte="base64")
    case("l05_en_homoglyph", "fraudulent", "en", "OKX <support@оkx.com>", "Re: Your ticket", EN_PLAIN_OK, utf8=True)
    case("l06_zh_punycode", "fraudulent", "zh", "欧易 <support@xn--kx-emc.com>", "回复：工单", ZH_PLAIN_OK)
    case("l07_en_reply_to_lookalike", "fraudulent", "en", okx, "Re: Case", EN_PLAIN_OK, auth=PASS,
         reply_to="OKX Support <support@okx-helpdesk.com>", return_path=rp)
    # --- free-mail impersonation -----------------------------------------------------------
    case("f01_zh_qq", "fraudulent", "zh", "OKX客服 <2849301122@qq.com>", "回复：提币", ZH_PLAIN_OK)
    case("f02_en_gmail", "fraudulent", "en", "okx.support@gmail.com", "Re: Support ticket", EN_PLAIN_OK,
         auth="mx.example.net; spf=pass; dkim=pass header.d=gmail.com; dmarc=pass")
    case("f03_en_outlook_name", "fraudulent", "en", "OKX Support <helpdesk.team2026@outlook.com>", "Ticket update",
         EN_PLAIN_OK, cte="quoted-printable")
    case("f04_zh_163", "fraudulent", "zh", "欧易官方客服 <okx_kefu@163.com>", "账户冻结通知", ZH_PLAIN_OK)
    # --- dangerous asks (some even with good-looking headers) -------------------------------
    case("d01_en_seed_lookalike", "fraudulent", "en", "OKX Security <security@okx-secure.com>",
         "Security verification required", EN_SEED)
    case("d02_en_seed_good_headers", "fraudulent", "en", okx, "Security verification", EN_SEED, auth=PASS,
         return_path=rp)
    case("d03_en_anydesk", "fraudulent", "en", "OKX Support <support@okx-help.net>", "Re: Withdrawal stuck", EN_REMOTE)
    case("d04_en_safe_wallet", "fraudulent", "en", "OKX Risk <risk@okxcompliance.com>", "Urgent: account flagged",
         EN_SAFE_WALLET, cte="base64")
    case("d05_en_2fa", "fraudulent", "en", okx, "Re: Withdrawal", EN_2FA)
    case("d06_en_threat_link_html", "fraudulent", "en", okx, "Final notice", EN_THREAT, html=True,
         link="https://okx-verify-account.com/login", link_text="https://www.okx.com/account/verify", auth=PASS,
         return_path=rp)
    case("d07_en_private_key", "fraudulent", "en", "OKX Wallet <wallet@okx-web3.io>", "Pending deposit", EN_PRIVKEY,
         html=True, link="https://okx-web3-sync.io/portal", link_text="Secure portal")
    case("d08_zh_seed", "fraudulent", "zh", "欧易安全中心 <security@okx.com>", "=?utf-8?b?6LSm5oi35a6J5YWo?=", ZH_SEED)
    case("d09_zh_remote", "fraudulent", "zh", "欧易客服 <support@okx-kefu.com>", "回复：提币卡住", ZH_REMOTE,
         cte="quoted-printable")
    case("d10_zh_safe_wallet", "fraudulent", "zh", "欧易风控 <risk@okx.com>", "反洗钱调查通知", ZH_SAFE, cte="base64")
    case("d11_zh_fee", "fraudulent", "zh", "欧易客服中心 <service@okx-cn.com>", "提现冻结通知", ZH_FEE, html=True)
    case("d12_en_off_domain_link", "fraudulent", "en", okx, "Re: Deposit", EN_GOOD, auth=PASS, html=True,
         link="https://okx.com-support.help/verify", link_text="Open your ticket", return_path=rp)
    case("d13_zh_link_good_headers", "fraudulent", "zh", okx_zh, "回复：充值", ZH_GOOD, auth=PASS, html=True,
         link="http://okx-zh.top/login", link_text="登录查看", return_path=rp)
    case("d14_en_safe_wallet_good_headers", "fraudulent", "en", okx, "Account protection", EN_SAFE_WALLET, auth=PASS,
         return_path=rp)
    # --- more shapes: quoted earlier messages, hidden link targets, KYC and 2FA help ------------
    case("g17_en_quoted_user_text", "genuine", "en", okx, "Re: Missing USDT deposit", EN_QUOTED, auth=PASS,
         return_path=rp, question="My deposit of 250 USDT on TRC20 is missing")
    case("g18_zh_quoted_user_text", "genuine", "zh", okx_zh, "回复：充值", ZH_QUOTED, auth=PASS, cte="base64",
         return_path=rp)
    case("g19_en_kyc_html", "genuine", "en", okx, "Re: KYC rejected", EN_KYC, auth=PASS, html=True,
         link="https://www.okx.com/account/verification", cte="quoted-printable", return_path=rp,
         question="Why was my KYC identity verification rejected?")
    case("g20_zh_2fa_help", "genuine", "zh", okx_zh, "回复：重置谷歌验证", ZH_2FA_HELP, auth=PASS, return_path=rp)
    case("d15_en_hidden_link_target", "fraudulent", "en", okx, "Re: Withdrawal", EN_HIDDEN_LINK, auth=PASS,
         html_only=True, link="https://bit.ly/okx-ticket-4411", link_text="https://www.okx.com/support/ticket",
         return_path=rp)
    case("c05_en_wrong_code_html", "suspicious", "en", okx, "Re: KYC", EN_KYC, auth=PASS, html=True, code="Pine31",
         link="https://www.okx.com/account/verification", return_path=rp)
    case("s06_en_spoof_dmarc_reject_base64", "fraudulent", "en", okx, "Re: KYC rejected", EN_KYC, cte="base64",
         auth="mx.example.net; spf=none smtp.mailfrom=okx.com; dkim=none; dmarc=fail (p=REJECT) header.from=okx.com")
    case("u06_zh_unaligned_html", "suspicious", "zh", okx_zh, "回复：重置谷歌验证", ZH_2FA_HELP, html=True,
         auth="mx.example.net; spf=pass smtp.mailfrom=m@mailgun.org; dkim=pass header.d=mailgun.org; dmarc=none")
    PASTED.append(dict(name="p01_en_pasted_plain", label="suspicious", lang="en", text=PASTED_EN))
    PASTED.append(dict(name="p02_zh_pasted_seed", label="fraudulent", lang="zh", text=PASTED_ZH_SEED))


def main() -> None:
    define()
    OUT.mkdir(parents=True, exist_ok=True)
    for old in [*OUT.glob("*.eml"), *OUT.glob("*.txt")]:
        old.unlink()
    labels = {}
    for c in CASES:
        (OUT / f"{c['name']}.eml").write_bytes(build(c))
        labels[f"{c['name']}.eml"] = {"label": c["label"], "anti_phishing_code": c["user_code"], "lang": c["lang"],
                                      "question": c["question"]}
    for p in PASTED:
        (OUT / f"{p['name']}.txt").write_text(p["text"], encoding="utf-8")
        labels[f"{p['name']}.txt"] = {"label": p["label"], "anti_phishing_code": None, "lang": p["lang"],
                                      "question": None}
    # Hand-written held-out messages (written to measure the checker on text it was not tuned on)
    # live in replies/heldout*/ (one folder per round) with their own labels; they join the labelled
    # set as they are.
    for folder in ("heldout", "heldout2"):
        heldout = OUT / folder / "labels.json"
        if heldout.is_file():
            for name, label in json.loads(heldout.read_text(encoding="utf-8")).items():
                labels[f"{folder}/{name}"] = label
    (OUT / "labels.json").write_text(json.dumps(labels, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                     encoding="utf-8")
    print(f"wrote {len(CASES)} messages and {len(PASTED)} pasted texts to {OUT} ({len(labels)} labelled in all)")


if __name__ == "__main__":
    main()
