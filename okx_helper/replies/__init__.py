"""Judge a reply that claims to come from OKX: genuine, suspicious or fraudulent.

Evidence, following OKX's own guidance (shared/facts/okx-support.md): the sender's domain, the
receiving server's Authentication-Results (spf/dkim/dmarc), a DKIM pass whose d= matches the
From domain, Reply-To and Return-Path, the user's anti-phishing code, where links lead, and
what the text asks for. Parsing is in mailparse.py, text signals in signals.py.

May import okx_helper.base and .contacts; never .writing, .cases, .ui or .commands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

from okx_helper.base.i18n import t
from okx_helper.base.resources import load_toml
from okx_helper.replies.mailparse import ParsedMail, UnreadableReply, clean_text, find_url_spans, parse_mail
from okx_helper.replies.signals import find_dangers, judge_usefulness

__all__ = ["ReplyReport", "UnreadableReply", "verify_reply", "explain_unreadable", "CHECK_NAMES", "DANGER_KINDS"]

CHECK_NAMES = ("sender_domain", "authentication", "dkim_alignment", "reply_to", "anti_phishing_code", "links")
DANGER_KINDS = (
    "asks_seed_phrase",
    "asks_private_key",
    "asks_password",
    "asks_2fa_code",
    "remote_access",
    "transfer_request",
    "off_domain_link",
    "urgent_threat",
)
_IMPERSONATION = {"lookalike", "freemail_impersonation"}
_AUTH_FAIL = {"fail", "softfail", "permerror"}
# Suffixes under which the registrable domain has three labels (enough for organisational alignment).
_TWO_LEVEL_SUFFIXES = {
    "co.uk",
    "com.cn",
    "net.cn",
    "org.cn",
    "com.hk",
    "com.tw",
    "com.au",
    "co.jp",
    "com.sg",
    "co.kr",
    "com.br",
    "com.tr",
    "co.za",
    "co.in",
    "com.my",
    "com.ph",
    "com.vn",
}


@dataclass
class ReplyReport:
    """The verdict on one reply, with the evidence behind it."""

    verdict: str
    checks: list[dict]
    dangers: list[dict]
    usefulness: dict
    advice: list[str] = field(default_factory=list)
    subject: str = ""
    sender: str = ""
    body_text: str = ""

    def to_json(self) -> dict:
        """The issue's JSON shape, with the advice as an extra key."""
        return {
            "verdict": self.verdict,
            "checks": [dict(c) for c in self.checks],
            "dangers": [dict(d) for d in self.dangers],
            "usefulness": dict(self.usefulness),
            "advice": list(self.advice),
        }

    def check(self, name: str) -> dict:
        return next(c for c in self.checks if c["name"] == name)


def explain_unreadable(error: UnreadableReply, lang: str = "en") -> str:
    """Why the input could not be read, in the interface language."""
    text = t(f"replies.unreadable_{getattr(error, 'key', '')}", lang)
    return str(error) if text.startswith("replies.") or lang == "en" else text


# -- helpers -------------------------------------------------------------------------------


def _contacts():
    from okx_helper import contacts

    return contacts


def _domain_of(addr: str) -> str:
    return addr.rpartition("@")[2].strip().strip(".").lower() if "@" in addr else ""


def _org_domain(domain: str) -> str:
    labels = domain.lower().strip(".").split(".")
    if len(labels) >= 3 and ".".join(labels[-2:]) in _TWO_LEVEL_SUFFIXES:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def aligned(d_domain: str, from_domain: str) -> bool:
    """DMARC relaxed alignment: the same organisational domain (okx.com ~ mail.okx.com)."""
    if not d_domain or not from_domain:
        return False
    return _org_domain(d_domain) == _org_domain(from_domain)


def _address_verdict(raw: str, lang: str) -> str:
    try:
        return _contacts().check_address(raw, lang=lang).verdict
    except Exception:  # a damaged header must not stop the whole check
        return "invalid"


def _domain_verdict(domain: str, lang: str) -> str:
    try:
        if _contacts().is_official_domain(domain):
            return "official"
        return _contacts().domain_verdict(domain, lang=lang)[0]
    except Exception:
        return "unrelated"


def _check(name: str, status: str, detail: str) -> dict:
    return {"name": name, "status": status, "detail": detail}


# -- authentication ------------------------------------------------------------------------


@dataclass
class _Auth:
    results: list[tuple[str, str, str]]  # (method, result, dkim domain or "")
    present: bool


def _parse_auth(parsed: ParsedMail) -> _Auth:
    """Results from the receiving server's Authentication-Results (the topmost authserv-id)."""
    import authres

    results: list[tuple[str, str, str]] = []
    trusted_id = None
    for value in parsed.auth_results:
        try:
            header = authres.AuthenticationResultsHeader.parse_value(value)
        except Exception:
            header = None
        if header is None:
            results.extend(_loose_results(value, parsed))
            continue
        # Headers further down can be forged by the sender: keep the receiver's own id only.
        if trusted_id is None:
            trusted_id = (header.authserv_id or "").lower()
        elif (header.authserv_id or "").lower() != trusted_id:
            continue
        for result in header.results:
            method = (result.method or "").lower()
            outcome = (result.result or "").lower()
            domain = ""
            if method == "dkim":
                domain = _dkim_domain(result, parsed)
            results.append((method, outcome, domain))
    return _Auth(results=results, present=bool(parsed.auth_results))


def _dkim_domain(result, parsed: ParsedMail) -> str:
    for prop in getattr(result, "properties", []):
        if prop.type == "header" and prop.name == "d" and prop.value:
            return prop.value.lower().strip()
    for prop in getattr(result, "properties", []):
        if prop.type == "header" and prop.name == "i" and prop.value:
            return prop.value.rpartition("@")[2].lower().strip()
    if len(set(parsed.dkim_signature_domains)) == 1:
        return parsed.dkim_signature_domains[0]
    return ""


def _loose_results(value: str, parsed: ParsedMail) -> list[tuple[str, str, str]]:
    """A header authres cannot parse: read method=result pairs directly."""
    out = []
    for method, outcome, rest in re.findall(r"\b(spf|dkim|dmarc)\s*=\s*(\w+)([^;]*)", value, re.I):
        domain = ""
        if method.lower() == "dkim":
            match = re.search(r"header\.(?:d|i)\s*=\s*@?([\w.\-]+)", rest)
            domain = (
                match.group(1).lower()
                if match
                else (parsed.dkim_signature_domains[0] if len(set(parsed.dkim_signature_domains)) == 1 else "")
            )
        out.append((method.lower(), outcome.lower(), domain))
    return out


# -- the checks ----------------------------------------------------------------------------


def _sender_check(parsed: ParsedMail, lang: str) -> tuple[dict, str, str]:
    """The sender_domain check, the From verdict, and the Return-Path verdict."""
    if not parsed.has_headers or not parsed.from_raw:
        return _check("sender_domain", "unknown", t("replies.sender_none", lang)), "", ""
    verdict = _address_verdict(parsed.from_raw, lang)
    shown = clean_text(parsed.from_raw)
    detail = t(f"replies.sender_{verdict}", lang, addr=shown)
    status = "pass" if verdict == "official" else "fail"
    rp_verdict = ""
    if parsed.return_path:
        rp_verdict = _address_verdict(parsed.return_path, lang)
        if rp_verdict != "official" and not aligned(_domain_of(parsed.return_path), _domain_of(parsed.from_addr)):
            status = "fail"
            detail += " " + t("replies.return_path_bad", lang, addr=clean_text(parsed.return_path))
    return _check("sender_domain", status, detail), verdict, rp_verdict


def _auth_checks(parsed: ParsedMail, lang: str, from_official: bool) -> tuple[dict, dict, bool]:
    """The authentication and dkim_alignment checks, and whether an official DKIM pass is aligned."""
    auth = _parse_auth(parsed)
    from_domain = _domain_of(parsed.from_addr)
    summary = ", ".join(f"{m}={r}" + (f" ({d})" if d else "") for m, r, d in auth.results) or "-"
    dkim = [(r, d) for m, r, d in auth.results if m == "dkim"]
    dkim_pass = [d for r, d in dkim if r == "pass"]
    good_dkim = [d for d in dkim_pass if aligned(d, from_domain)]
    official_dkim = bool(good_dkim) and from_official and any(_domain_verdict(d, lang) == "official" for d in good_dkim)

    # OKX: any spf/dkim/dmarc "fail" means not validated. A soft SPF result next to an aligned
    # DKIM pass is how forwarding looks, so only the hard results count then.
    hard = {"fail"} if good_dkim else _AUTH_FAIL
    failures = [(m, r) for m, r, _ in auth.results if (m == "dmarc" and r in _AUTH_FAIL) or (m == "spf" and r in hard)]
    # A second, broken signature (a mailing-list footer …) is harmless next to an aligned pass.
    failures += [("dkim", r) for r, _ in dkim if r in _AUTH_FAIL and not good_dkim]
    passes = {m for m, r, _ in auth.results if r == "pass"}
    if not auth.present or not auth.results:
        auth_check = _check("authentication", "unknown", t("replies.auth_none", lang))
    elif failures:
        auth_check = _check("authentication", "fail", t("replies.auth_fail", lang, results=summary))
    elif "dmarc" in passes or {"spf", "dkim"} <= passes:
        auth_check = _check("authentication", "pass", t("replies.auth_pass", lang, results=summary))
    else:
        auth_check = _check("authentication", "unknown", t("replies.auth_partial", lang, results=summary))

    if official_dkim:
        dkim_check = _check("dkim_alignment", "pass", t("replies.dkim_aligned", lang, domain=good_dkim[0]))
    elif good_dkim:
        dkim_check = _check("dkim_alignment", "fail", t("replies.dkim_not_official", lang, domain=good_dkim[0]))
    elif dkim_pass:
        shown = next((d for d in dkim_pass if d), "?")
        dkim_check = _check(
            "dkim_alignment", "fail", t("replies.dkim_unaligned", lang, domain=shown, from_domain=from_domain or "?")
        )
    elif dkim and any(r in _AUTH_FAIL for r, _ in dkim):
        dkim_check = _check("dkim_alignment", "fail", t("replies.dkim_fail", lang))
    else:
        dkim_check = _check("dkim_alignment", "unknown", t("replies.dkim_none", lang))
    return auth_check, dkim_check, official_dkim


def _reply_to_check(parsed: ParsedMail, lang: str) -> tuple[dict, set[str]]:
    if not parsed.has_headers:
        return _check("reply_to", "unknown", t("replies.sender_none", lang)), set()
    if not parsed.reply_to:
        return _check("reply_to", "pass", t("replies.reply_to_none", lang)), set()
    verdicts = {addr: _address_verdict(addr, lang) for addr in parsed.reply_to}
    bad = [addr for addr, v in verdicts.items() if v != "official"]
    if bad:
        return _check("reply_to", "fail", t("replies.reply_to_bad", lang, addr=clean_text(bad[0]))), set(
            verdicts.values()
        )
    return _check("reply_to", "pass", t("replies.reply_to_ok", lang, addr=clean_text(parsed.reply_to[0]))), set(
        verdicts.values()
    )


_CODE_SHOWN_RE = re.compile(
    r"(?i)(?:anti[- ]?phishing[- ]code|防钓鱼码|防釣魚碼|防钓鱼代码)\s*(?:is|:|：|是|为|為)?\s*[\"'“「]?([A-Za-z0-9_\-]{2,32})"
)


def _code_check(parsed: ParsedMail, own: str, code: str | None, lang: str) -> dict:
    if not code or not code.strip():
        return _check("anti_phishing_code", "unknown", t("replies.code_unknown", lang))
    code = code.strip()
    # Only the sender's own words count: a forger can quote an older, genuine OKX mail.
    haystack = f"{parsed.subject}\n{own}"
    if re.search(r"(?<![A-Za-z0-9])" + re.escape(code) + r"(?![A-Za-z0-9])", haystack, re.I):
        return _check("anti_phishing_code", "pass", t("replies.code_pass", lang))
    shown = _CODE_SHOWN_RE.search(haystack)
    if shown:
        return _check("anti_phishing_code", "fail", t("replies.code_wrong", lang, shown=shown.group(1)))
    return _check("anti_phishing_code", "fail", t("replies.code_fail", lang))


_EMAIL_IN_TEXT_RE = re.compile(r"(?<![\w.+\-])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")


def _link_host(link: str) -> tuple[str, str]:
    """("url"|"mail", host or address) for a link, or ("", "") when it leads nowhere checkable."""
    link = link.strip()
    lowered = link.lower()
    if lowered.startswith("mailto:"):
        return "mail", link[7:].split("?", 1)[0]
    if lowered.startswith(("javascript:", "data:", "file:", "vbscript:")):
        return "script", lowered.split(":", 1)[0] + ":"
    if lowered.startswith("hxxp"):
        link = "http" + link[4:]
    elif not re.match(r"(?i)^[a-z][a-z0-9+.\-]*:", link):
        if link.startswith(("#", "/", "?")) or not link:
            return "", ""
        link = "http://" + link
    try:
        parts = urlsplit(link)
        if parts.scheme.lower() not in ("http", "https"):
            return "", ""
        host = (parts.hostname or "").strip(".").lower()
    except ValueError:
        return "url", link[:60]
    return ("url", host) if host else ("", "")


@lru_cache(maxsize=1)
def _link_rules() -> dict:
    data = load_toml("replies.toml")["links"]
    return {
        "platforms": tuple(data["platforms"]),
        "shorteners": frozenset(data["shorteners"]),
        "cta": re.compile(f"(?:{data['cta_en']})|(?:{data['cta_zh']})", re.IGNORECASE),
        "cta_except": re.compile(data["cta_except"]),
    }


def _under(host: str, domains) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


_IP_HOST_RE = re.compile(r"^(?:\d{1,3}\.){3}\d{1,3}$|^\[?[0-9a-f:]+:[0-9a-f:]*\]?$|^(?:0x[0-9a-f]+|\d{8,10})$", re.I)
_SHOWN_HOST_RE = re.compile(r"(?i)(?:https?://)?((?:[a-z0-9\-]+\.)+[a-z]{2,})(?=$|[/:?#\s)\]>,.;])")
_SENTENCE_END_RE = re.compile(r"[.!?](?=\s)|[。！？]")


def _sentence_around(before: str, after: str) -> str:
    """The words of the sentence a link sits in: what comes after the last sentence end before it."""
    ends = list(_SENTENCE_END_RE.finditer(before))
    head = before[ends[-1].end() :] if ends else before
    stop = _SENTENCE_END_RE.search(after)
    tail = after[: stop.start()] if stop else after
    return f"{head[-200:]} {tail[:200]}"


def _text_link_uses(text: str) -> list[tuple[str, str, str]]:
    """(url, words of its sentence, "") for URLs written in the text.

    Plain-text mail is wrapped at ~76 columns, so the sentence may start lines earlier; a blank
    line or a sentence end stops it.
    """
    uses = []
    for url, start, end in find_url_spans(text):
        before = re.split(r"\n\s*\n", text[max(0, start - 300) : start])[-1]
        after = re.split(r"\n\s*\n", text[end : end + 300])[0]
        uses.append((url, _sentence_around(before, after), ""))
    return uses


def _shown_host_mismatch(shown: str, host: str) -> str:
    """The host the link text displays when it is not where the link goes, else ""."""
    for match in _SHOWN_HOST_RE.finditer(shown):
        named = match.group(1).lower().strip(".")
        if "." not in named or named.rsplit(".", 1)[1].isdigit():
            continue
        if _org_domain(named) != _org_domain(host):
            return named
    return ""


def _link_risk(kind: str, target: str, link: str, words: str, shown: str, lang: str) -> str:
    """How a link is to be judged: official | legacy | platform | other | danger."""
    rules = _link_rules()
    if kind == "script":  # a link that runs code or opens a local file is never support
        return "danger"
    if kind == "mail":
        verdict = _address_verdict(target, lang)
        if verdict in _IMPERSONATION or verdict == "lookalike":
            return "danger"
        mismatch = shown and "@" in shown and _EMAIL_IN_TEXT_RE.search(shown)
        if mismatch and _domain_of(mismatch.group(0)).lower() != _domain_of(target).lower():
            return "danger"
        return verdict if verdict in ("official", "legacy") else "other"
    host = target
    verdict = _domain_verdict(host, lang)
    if verdict == "official":
        return "official"
    if verdict == "lookalike" or _IP_HOST_RE.match(host) or _under(host, rules["shorteners"]):
        return "danger"
    if shown and _shown_host_mismatch(shown, host):
        return "danger"
    context = f"{shown} {words}"
    if rules["cta"].search(context) and not rules["cta_except"].search(context):
        return "danger"
    if verdict == "legacy":
        return "legacy"
    return "platform" if _under(host, rules["platforms"]) else "other"


def _links_check(parsed: ParsedMail, body: str, lang: str) -> tuple[dict, list[dict]]:
    """The links check, and an off_domain_link danger for each link that leads somewhere dangerous.

    Dangerous: a look-alike host, a shortener, a raw IP or a script/data: link, link text that
    shows another site than the target, or a request to log in / verify / unlock / claim on a
    site that is not OKX's. Other sites fail the check without being a danger; links to
    well-known platforms (OKX's social accounts, app stores, explorers) leave it "unknown".
    """
    uses = [(a.href, _sentence_around(a.before, a.after), a.text) for a in parsed.anchors]
    uses += _text_link_uses(body)
    covered = {use[0] for use in uses}
    # Links left are in the quoted earlier message (often the phishing mail the user asks about):
    # judged by where they lead, and never more than a note.
    quoted = {link for link in parsed.links if link not in covered}
    uses += [(link, "", "") for link in quoted]
    found: dict[str, list] = {}  # risk -> [(target, link)]
    judged: dict[str, str] = {}
    order = ("danger", "legacy", "other", "platform", "quoted", "official")
    for link, words, shown in uses:
        kind, target = _link_host(link)
        if not kind:
            continue
        risk = _link_risk(kind, target, link, words, shown, lang)
        if link in quoted and risk != "official":
            risk = "quoted"
        previous = judged.get(target)
        if previous is not None and order.index(previous) <= order.index(risk):
            continue
        judged[target] = risk
        found.setdefault(risk, []).append((target, link))
    # A host keeps only its worst judgement.
    for risk in found:
        found[risk] = [(host, link) for host, link in dict(found[risk]).items() if judged[host] == risk]
    dangers = [
        {"kind": "off_domain_link", "excerpt": clean_text(link)[:160]} for _, link in found.get("danger", [])[:3]
    ]
    bad = list(found.get("danger", []))
    # Addresses written in the text that impersonate OKX ("write to okx.help@gmail.com").
    for addr in dict.fromkeys(_EMAIL_IN_TEXT_RE.findall(body)):
        if addr in judged or len(dangers) >= 4:
            continue
        judged[addr] = "text"
        if _address_verdict(addr, lang) in _IMPERSONATION:
            bad.append((addr, addr))
            dangers.append({"kind": "off_domain_link", "excerpt": clean_text(addr)})

    def hosts(items) -> str:
        return ", ".join(dict.fromkeys(clean_text(h) for h, _ in items))

    if bad:
        return _check("links", "fail", t("replies.links_bad", lang, hosts=hosts(bad))), dangers
    if found.get("legacy"):
        return _check("links", "fail", t("replies.links_legacy", lang, hosts=hosts(found["legacy"]))), dangers
    if found.get("other"):
        return _check("links", "fail", t("replies.links_other", lang, hosts=hosts(found["other"]))), dangers
    if found.get("quoted"):
        return _check("links", "unknown", t("replies.links_quoted", lang, hosts=hosts(found["quoted"]))), dangers
    if found.get("platform"):
        return _check("links", "unknown", t("replies.links_platform", lang, hosts=hosts(found["platform"]))), dangers
    if not judged:
        return _check("links", "pass", t("replies.links_none", lang)), dangers
    return _check("links", "pass", t("replies.links_ok", lang, count=len(found.get("official", [])))), dangers


_QUOTE_START_RE = re.compile(
    r"(?im)^(?:-{2,}\s*(?:original message|forwarded message|原始邮件|转发邮件)|"
    r"on .{1,200}wrote:\s*$|在.{1,120}写道[:：]?\s*$|.{0,80}于.{1,120}写道[:：]?\s*$|"
    r"[-_]{5,}\s*\n\s*(?:from|发件人|寄件者|发件者)\s*[:：])"
)


def _own_text(text: str) -> str:
    """The reply without the quoted earlier message: the user's own words are not the sender's asks."""
    lines = [line for line in text.split("\n") if not line.lstrip().startswith(">")]
    own = "\n".join(lines)
    match = _QUOTE_START_RE.search(own)
    if match and len(own[: match.start()].strip()) >= 20:
        own = own[: match.start()]
    return own


# -- verdict and advice --------------------------------------------------------------------


def _advice(verdict: str, report_bits: dict, lang: str) -> list[str]:
    advice = [t(f"replies.advice_{verdict}", lang)]
    if verdict == "suspicious" and report_bits["missing"]:
        items = "; " if lang == "en" else "；"
        advice.append(
            t(
                "replies.advice_missing",
                lang,
                items=items.join(t(f"replies.missing_{m}", lang) for m in report_bits["missing"]),
            )
        )
    for kind in dict.fromkeys(d["kind"] for d in report_bits["dangers"]):
        advice.append(t(f"replies.tip_{kind}", lang))
    if not report_bits["has_headers"]:
        advice.append(t("replies.advice_pasted", lang))
    if report_bits["code_unknown"] and verdict != "fraudulent":
        advice.append(t("replies.advice_set_code", lang))
    use = report_bits["usefulness"]
    if verdict == "fraudulent":
        advice.append(t("replies.next_fraudulent", lang))
    elif verdict == "suspicious":
        advice.append(t("replies.next_suspicious", lang))
    elif use["answers_question"] is False:
        advice.append(t("replies.next_not_answered", lang))
    elif use["concrete_steps"]:
        advice.append(t("replies.next_steps", lang))
    elif use["follow_up_promised"]:
        advice.append(t("replies.next_wait", lang))
    else:
        advice.append(t("replies.next_genuine", lang))
    return advice


# "Re: …" / "回复：…" repeats the user's own subject ("Someone asked for my seed phrase"): those
# are the user's words, like a quoted message, so they are not the sender's request.
_REPLY_SUBJECT_RE = re.compile(
    r"^\s*(?:\[[^\]]{0,60}\]\s*)*(?:re|aw|sv|回复|回覆|答复|答覆)\s*(?:\[\d+\])?\s*[:：]", re.I
)


def _subject_words(subject: str) -> str:
    """The part of the subject written by the sender: empty for a reply to the user's subject."""
    return "" if _REPLY_SUBJECT_RE.match(subject or "") else (subject or "")


def verify_reply(
    data: bytes | str, *, anti_phishing_code: str | None = None, question: str | None = None, lang: str = "en"
) -> ReplyReport:
    """Check a reply (.eml bytes/text or pasted text); raise UnreadableReply when it cannot be read."""
    lang = lang if lang in ("en", "zh") else "en"
    parsed = parse_mail(data)
    own = _own_text(parsed.scan_text)

    sender, from_verdict, rp_verdict = _sender_check(parsed, lang)
    from_official = from_verdict == "official"
    auth_check, dkim_check, official_dkim = _auth_checks(parsed, lang, from_official)
    reply_to, reply_to_verdicts = _reply_to_check(parsed, lang)
    code = _code_check(parsed, own, anti_phishing_code, lang)
    links, link_dangers = _links_check(parsed, own, lang)
    dangers = find_dangers(f"{_subject_words(parsed.subject)}\n{own}") + link_dangers
    checks = [sender, auth_check, dkim_check, reply_to, code, links]

    impersonation = (
        from_verdict in _IMPERSONATION or rp_verdict in _IMPERSONATION or bool(reply_to_verdicts & _IMPERSONATION)
    )
    if dangers or impersonation or (from_official and auth_check["status"] == "fail"):
        verdict = "fraudulent"
    elif (
        from_official
        and official_dkim
        and sender["status"] == "pass"
        and auth_check["status"] != "fail"
        and reply_to["status"] == "pass"
        and links["status"] != "fail"
        and code["status"] != "fail"
    ):
        verdict = "genuine"
    else:
        verdict = "suspicious"

    missing = []
    if not parsed.has_headers:
        missing.append("headers")
    else:
        if sender["status"] != "pass":
            missing.append("sender")
        if dkim_check["status"] != "pass":
            missing.append("dkim")
        if auth_check["status"] != "pass":
            missing.append("auth")
        if reply_to["status"] == "fail":
            missing.append("reply_to")
    if code["status"] == "fail":
        missing.append("code")
    if links["status"] == "fail":
        missing.append("links")

    usefulness = judge_usefulness(own, question)
    advice = _advice(
        verdict,
        {
            "missing": missing,
            "dangers": dangers,
            "has_headers": parsed.has_headers,
            "code_unknown": code["status"] == "unknown",
            "usefulness": usefulness,
        },
        lang,
    )
    return ReplyReport(
        verdict=verdict,
        checks=checks,
        dangers=dangers,
        usefulness=usefulness,
        advice=advice,
        subject=clean_text(parsed.subject),
        sender=clean_text(parsed.from_raw),
        body_text=parsed.body_text,
    )
