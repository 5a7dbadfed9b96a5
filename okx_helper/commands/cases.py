"""`okx-helper cases`: the recorded cases with elapsed time, what to expect, and waiting advice.

Exit codes: 0 listed (also when there are none), 2 the database cannot be used.
"""

from __future__ import annotations

import argparse
from datetime import datetime, timezone

from okx_helper.commands.output import emit, emit_json
from okx_helper.commands.output import error as emit_error

ADVICE = ("advice_spam", "advice_allow", "advice_thread", "advice_genuine")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = "List your support cases with elapsed time and when an answer can be expected."
    parser.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: text)")
    parser.add_argument("--lang", choices=["en", "zh"], help="language of the text (default: from the locale)")
    parser.add_argument("--db", help="the cases database (default: cases.db in the XDG data dir)")
    parser.add_argument(
        "--country", help="country code for public holidays, e.g. CN or US (default: profile, then locale)"
    )


def _country(explicit: str | None) -> str | None:
    from okx_helper.cases import expectations

    if explicit:
        return expectations.resolve_country(explicit)
    try:
        from okx_helper.settings.profile import ProfileStore

        store = ProfileStore()
        store.load()
        saved = store.country
    except Exception:  # a broken keyring never stops the listing
        saved = ""
    return expectations.resolve_country(saved)


def case_summary(case, country: str | None, now: datetime, lang: str) -> dict:
    """One case as JSON, with its expectation measured from the user's last message."""
    from okx_helper.cases import expectations
    from okx_helper.cases.followup import pestering_guard

    expect = expectations.assess(case.last_sent_at(), case.category, country, now)
    data = case.to_json()
    data.update(expect.to_json())
    data["elapsed"] = expectations.duration_text(now - case.sent_at, lang)
    data["waiting_since"] = case.last_sent_at().isoformat(timespec="seconds")
    data["followup_guard"] = pestering_guard(case, now=now, country=country, lang=lang).to_json()
    return data


def describe_case(case, data: dict, lang: str, now: datetime) -> str:
    """The case in a few lines: where it went, when, ticket, and where it stands against the window."""
    from okx_helper.base.i18n import t
    from okx_helper.cases import expectations

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


def run(args) -> int:
    from okx_helper.base.i18n import detect_ui_lang, t
    from okx_helper.cases import CasesError, open_db

    lang = detect_ui_lang(args.lang)
    try:
        with open_db(args.db) as db:
            cases = db.list_cases()
    except CasesError as error:
        emit_error("cases", error.message(lang))
        return 2
    now = datetime.now(timezone.utc)
    country = _country(args.country)
    summaries = [(case, case_summary(case, country, now, lang)) for case in cases]
    advice = [t(f"cases.{key}", lang) for key in ADVICE]
    if args.format == "json":
        out = {"country": country, "advice": advice, "cases": [data for _, data in summaries]}
        emit_json(out)
        return 0
    if not cases:
        emit(t("cases.cases_none", lang))
        return 0
    for case, data in summaries:
        emit(f"{case.subject}")
        emit(describe_case(case, data, lang, now))
        emit()
    emit(t("cases.holidays_from", lang, country=country) if country else t("cases.holidays_none", lang))
    emit()
    emit(t("cases.advice_title", lang))
    for line in advice:
        emit(f"- {line}")
    return 0
