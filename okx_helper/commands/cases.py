"""`okx-helper cases`: the recorded cases with elapsed time, what to expect, and waiting advice.

Exit codes: 0 listed (also when there are none), 2 the database cannot be used.
"""

from __future__ import annotations

import argparse
from datetime import datetime, timezone

from okx_helper.commands.output import emit, emit_json
from okx_helper.commands.output import error as emit_error


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = "List your support cases with elapsed time and when an answer can be expected."
    parser.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: text)")
    parser.add_argument("--lang", choices=["en", "zh"], help="language of the text (default: from the locale)")
    parser.add_argument("--db", help="the cases database (default: cases.db in the XDG data dir)")
    parser.add_argument(
        "--country", help="country code for public holidays, e.g. CN or US (default: profile, then locale)"
    )


def run(args) -> int:
    from okx_helper.base.i18n import detect_ui_lang, t
    from okx_helper.cases import CasesError, open_db
    from okx_helper.cases.summary import ADVICE, case_summary, describe_case, user_country

    lang = detect_ui_lang(args.lang)
    try:
        with open_db(args.db) as db:
            cases = db.list_cases()
    except CasesError as error:
        emit_error("cases", error.message(lang))
        return 2
    now = datetime.now(timezone.utc)
    country = user_country(args.country)
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
