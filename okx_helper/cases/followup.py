"""Follow-ups in the same thread, and a guard against writing again too soon.

OKX asks users to keep to the original ticket rather than open new ones ("How do I check on
updates to my support ticket?"), so a follow-up answers the last message of the case
(In-Reply-To) and lists the whole thread (References).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from okx_helper.base.i18n import t
from okx_helper.cases import Case, expectations, parse_message

# Reply/forward/follow-up markers a subject may already carry, in English and Chinese.
_PREFIXES = re.compile(r"^\s*(?:(?:re|fw|fwd|aw|follow[- ]?up|回复|答复|转发|跟进)\s*[:：]\s*)+", re.I)
_GREETING = re.compile(r"^(hello|hi|dear|good (morning|afternoon|evening)|您好|你好|尊敬的)", re.I)
_CLOSING = re.compile(r"^(thank|thanks|best|regards|kind regards|sincerely|cheers|谢谢|感谢|此致|顺祝)", re.I)
RESTATE_LINES = 3
RESTATE_WIDTH = 160


def _ticket_in(subject: str, ticket: str) -> bool:
    return bool(ticket) and re.search(rf"(?<!\d){re.escape(ticket)}(?!\d)", subject) is not None


def followup_subject(subject: str, lang: str, ticket: str = "") -> str:
    """ "Follow-up: " / "跟进：" + the original subject, never twice, with the ticket number kept."""
    base = _PREFIXES.sub("", subject).strip()
    prefix = "跟进：" if lang == "zh" else "Follow-up: "
    result = prefix + base
    if ticket and not _ticket_in(base, ticket):
        result += f" [工单号 {ticket}]" if lang == "zh" else f" [Ticket #{ticket}]"
    return result


def restate(body: str, lines: int = RESTATE_LINES) -> list[str]:
    """The first few lines that say what the problem is (no greeting, closing or quotes)."""
    picked: list[str] = []
    for raw in body.splitlines():
        line = raw.strip()
        if not line or line.startswith(">"):
            continue
        if _GREETING.match(line) and not picked:
            continue
        if _CLOSING.match(line):
            break
        if len(line) > RESTATE_WIDTH:
            line = line[: RESTATE_WIDTH - 1].rstrip() + "…"
        picked.append(line)
        if len(picked) == lines:
            break
    return picked


def followup_body(case: Case, lang: str, *, nickname: str = "", uid: str = "") -> str:
    """A short, polite follow-up citing the first message's date and ticket and restating it."""
    key = lambda name: f"cases.followup_{name}"  # noqa: E731 - a local shorthand
    date = case.sent_at.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M")
    ticket = t(key("ticket"), lang, ticket=case.ticket) if case.ticket else ""
    parts = [t(key("greeting"), lang), "", t(key("intro"), lang, date=date, ticket=ticket, subject=case.subject)]
    summary = restate(case.question())
    if summary:
        parts.append(t(key("restate"), lang))
        parts += [f"  {line}" for line in summary]
    parts += ["", t(key("ask"), lang), "", t(key("closing"), lang)]
    if nickname:
        parts.append(nickname)
    if uid:
        parts.append(f"UID: {uid}")
    return "\n".join(parts) + "\n"


def official_alternatives(lang: str = "en") -> list[dict]:
    """The other official channels (live chat, help center, verification page) from the directory."""
    try:
        from okx_helper import contacts

        channels = contacts.channels()
    except Exception:  # the directory is missing or damaged: say nothing rather than guess
        return []
    found = []
    for channel in channels:
        if channel.kind not in ("chat", "web"):
            continue
        where = channel.url or channel.address or ""
        if not re.match(r"https://(www\.)?okx\.com/", where):
            continue  # regional entities (tr.okx.com …) serve only their own customers
        found.append(
            {
                "id": channel.id,
                "kind": channel.kind,
                "where": where,
                "purpose": channel.text("purpose", lang),
            }
        )
    return found


@dataclass
class Guard:
    """Whether writing again now would be pestering, and what else to do."""

    needs_confirmation: bool
    remaining: timedelta  # until the expected window ends (zero once it has)
    expected_by: datetime
    followups: int  # follow-ups already sent in this case
    overdue: bool  # the window passed and nothing came back
    alternatives: list[dict] = field(default_factory=list)

    def message(self, lang: str = "en") -> str:
        """The guard in a sentence or two, for the screen or the command line."""
        parts = [t("cases.guard_count", lang, n=self.followups)]
        if self.needs_confirmation:
            left = expectations.duration_text(self.remaining, lang)
            parts.append(t("cases.guard_too_soon", lang, left=left))
        elif self.overdue:
            parts.append(t("cases.guard_overdue", lang))
            parts += [f"- {alt['purpose']}: {alt['where']}" for alt in self.alternatives]
        return "\n".join(parts)

    def to_json(self) -> dict:
        return {
            "needs_confirmation": self.needs_confirmation,
            "remaining_seconds": int(self.remaining.total_seconds()),
            "expected_by": self.expected_by.astimezone(timezone.utc).isoformat(timespec="seconds"),
            "followups": self.followups,
            "overdue": self.overdue,
            "alternatives": self.alternatives,
        }


def pestering_guard(case: Case, now: datetime | None = None, country: str | None = None, lang: str = "en") -> Guard:
    """Check the time since the user last wrote against the expected answer window."""
    now = now or datetime.now(timezone.utc)
    last = case.last_sent_at()
    due = expectations.expected_by(last, expectations.complexity(case.category), country)
    left = due - now
    answered = case.replied_since_last_sent()
    # Answering a reply from support is never pestering; only waiting on our own message is.
    too_soon = not answered and left.total_seconds() > 0
    overdue = not answered and not too_soon and case.status != "resolved"
    return Guard(
        needs_confirmation=too_soon,
        remaining=max(left, timedelta(0)),
        expected_by=due,
        followups=len(case.followups),
        overdue=overdue,
        alternatives=official_alternatives(lang) if overdue else [],
    )


@dataclass
class FollowupDraft:
    message: object  # email.message.EmailMessage
    subject: str
    body: str
    in_reply_to: str
    references: list[str]
    guard: Guard


def build_followup(
    case: Case,
    *,
    lang: str | None = None,
    nickname: str = "",
    uid: str = "",
    from_addr: str = "",
    now: datetime | None = None,
    country: str | None = None,
) -> FollowupDraft:
    """A follow-up message for `case`, threaded under its last message, with the guard's view."""
    from okx_helper.writing import compose

    lang = lang or case.lang or "en"
    ids = case.message_ids()
    subject = followup_subject(case.subject, lang, case.ticket)
    body = followup_body(case, lang, nickname=nickname, uid=uid)
    if not from_addr:
        # Write from the address the case was sent from, so support can match the account.
        from_addr = str(parse_message(case.message).get("From", "") or "")
    message = compose.new_message(
        to=case.to_addr,
        subject=subject,
        body=body,
        from_addr=from_addr,
        in_reply_to=ids[-1] if ids else None,
        references=tuple(ids),
    )
    guard = pestering_guard(case, now=now, country=country, lang=lang)
    return FollowupDraft(message, subject, body, ids[-1] if ids else "", ids, guard)
