"""The review step's checklist: is this email ready to send?"""

from __future__ import annotations

import re
from dataclasses import dataclass

from okx_helper.base.i18n import t
from okx_helper.writing.draft import Draft

# A subject that says nothing ("help!!!", "urgent") is routed slowly.
_VAGUE = re.compile(r"^[\W_]*(help|urgent|hello|hi|problem|issue|question|救命|急|求助|你好|问题)?[\W_]*$", re.I)


@dataclass(frozen=True)
class Item:
    id: str
    ok: bool
    text: str  # what the item checks, in the UI language
    detail: str = ""  # what is missing or wrong, when not ok


def checklist(draft: Draft, lang: str = "en") -> list[Item]:
    from okx_helper import contacts
    from okx_helper.writing import completeness, compose, draft_checks

    address = contacts.check_address(draft.to, lang)
    subject = compose.subject_for(draft)
    missing = completeness.missing(draft, lang)
    blocking = [x for x in draft_checks.privacy_findings(draft, lang) if x.finding.blocking]
    tone_issues = draft_checks.tone_findings(draft, lang)
    shape = draft_checks.structure(draft)
    polite = not tone_issues and shape["greeting"] and shape["closing"]
    return [
        Item("official_address", address.ok, t("checklist.official_address", lang), "; ".join(address.reasons)),
        Item(
            "clear_subject",
            len(subject) >= 8 and not _VAGUE.match(subject),
            t("checklist.clear_subject", lang),
            subject,
        ),
        Item(
            "what_when_error",
            not any(m.kind in ("when", "what", "error") for m in missing),
            t("checklist.what_when_error", lang),
            "; ".join(m.text for m in missing if m.kind in ("when", "what", "error")),
        ),
        Item(
            "identifiers",
            not any(m.kind == "identifiers" for m in missing),
            t("checklist.identifiers", lang),
            "; ".join(m.text for m in missing if m.kind == "identifiers"),
        ),
        Item(
            "nothing_sensitive",
            not blocking,
            t("checklist.nothing_sensitive", lang),
            str(len(blocking)) if blocking else "",
        ),
        Item("friendly_tone", polite, t("checklist.friendly_tone", lang), str(len(tone_issues)) if tone_issues else ""),
    ]
