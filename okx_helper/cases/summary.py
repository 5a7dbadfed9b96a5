"""A case as the user reads it: where it stands against the usual answer times, in a few lines.

The cases screen and `okx-helper cases` both describe cases through here, with the same holiday
country (the saved profile's, else the locale's), so both give the same due date.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from okx_helper.base.i18n import t
from okx_helper.cases import expectations

if TYPE_CHECKING:
    from okx_helper.cases import Case
    from okx_helper.settings.profile import ProfileStore

ADVICE = ("advice_spam", "advice_allow", "advice_thread", "advice_genuine")


def user_country(explicit: str | None = None, store: ProfileStore | None = None) -> str | None:
    """The country whose public holidays count: as given, else the saved profile's, else the locale's."""
    if explicit and explicit.strip():
        return expectations.resolve_country(explicit)
    saved = ""
    try:
        if store is None:
            from okx_helper.settings.profile import ProfileStore

            store = ProfileStore()
        store.load()
        saved = store.country
    except Exception:  # a broken keyring never stops the listing
        saved = ""
    return expectations.resolve_country(saved)


def case_summary(case: Case, country: str | None, now: datetime, lang: str) -> dict[str, Any]:
    """One case as JSON, with its expectation measured from the user's last message."""
    from okx_helper.cases.followup import pestering_guard

    expect = expectations.assess(case.last_sent_at(), case.category, country, now)
    data = case.to_json()
    data.update(expect.to_json())
    data["elapsed"] = expectations.duration_text(now - case.sent_at, lang)
    data["waiting_since"] = case.last_sent_at().isoformat(timespec="seconds")
    data["followup_guard"] = pestering_guard(case, now=now, country=country, lang=lang).to_json()
    return data


def describe_case(case: Case, data: dict[str, Any], lang: str, now: datetime) -> str:
    """The case in a few lines: where it went, when, ticket, and where it stands against the window."""
    remaining = data["remaining_seconds"]
    left = expectations.duration_text(abs(datetime.fromisoformat(data["expected_by"]) - now), lang)
    if case.status != "waiting":
        where = t(f"cases.status_{case.status}", lang)
    elif remaining >= 0:
        where = t("cases.due_in", lang, left=left)
    else:
        where = t("cases.overdue_by", lang, late=left)
    return t(
        "cases.detail",
        lang,
        id=case.id,
        to=case.to_addr,
        status=t(f"cases.status_{case.status}", lang),
        sent=case.sent_at.strftime("%Y-%m-%d %H:%M"),
        ago=data["elapsed"],
        ticket=case.ticket or t("cases.no_ticket", lang),
        followups=len(case.followups),
        replies=len(case.replies),
        kind=t(f"cases.kind_{data['complexity']}", lang),
        due=data["expected_by"][:16].replace("T", " "),
        where=where,
    )
