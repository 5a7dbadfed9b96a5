"""The review step's checklist: is this email ready to send?"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from okx_helper.base.i18n import t

if TYPE_CHECKING:
    from okx_helper.writing.analysis import Analysis

# A subject that says nothing ("help!!!", "urgent") is routed slowly.
_VAGUE = re.compile(r"^[\W_]*(help|urgent|hello|hi|problem|issue|question|救命|急|求助|你好|问题)?[\W_]*$", re.I)


@dataclass(frozen=True)
class Item:
    id: str
    ok: bool
    text: str  # what the item checks, in the UI language
    detail: str = ""  # what is missing or wrong, when not ok


def checklist(facts: Analysis) -> list[Item]:
    """The review's checklist, from the same facts the Details meter shows (never a second opinion)."""
    lang = facts.lang
    subject = facts.subject
    missing = facts.missing
    # The UID and the registered email are how support finds the account: identifiers too.
    account = [m for m in missing if m.kind in ("identifiers", "profile")]
    story = [m for m in missing if m.kind in ("when", "what", "error")]
    polite = not facts.tone and facts.structure["greeting"] and facts.structure["closing"]
    blocking = facts.blocking
    return [
        Item(
            "official_address",
            facts.address.ok,
            t("checklist.official_address", lang),
            "; ".join(facts.address.reasons),
        ),
        Item(
            "clear_subject",
            len(subject) >= 8 and not _VAGUE.match(subject),
            t("checklist.clear_subject", lang),
            subject,
        ),
        Item("what_when_error", not story, t("checklist.what_when_error", lang), "; ".join(m.text for m in story)),
        Item("identifiers", not account, t("checklist.identifiers", lang), "; ".join(m.text for m in account)),
        Item(
            "nothing_sensitive",
            not blocking,
            t("checklist.nothing_sensitive", lang),
            str(len(blocking)) if blocking else "",
        ),
        Item("friendly_tone", polite, t("checklist.friendly_tone", lang), str(len(facts.tone)) if facts.tone else ""),
    ]
