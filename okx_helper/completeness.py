"""What support will still ask for: the Description step's completeness meter."""
from __future__ import annotations

import re
from dataclasses import dataclass

from okx_helper import categories
from okx_helper.draft import Draft
from okx_helper.fields import validate
from okx_helper.i18n import t

MIN_DESCRIPTION = 40  # characters; a CJK character counts as three (it says about a word)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
IDENTIFIER_KINDS = {"txid", "order_id", "coin", "network", "amount", "address", "memo", "uid"}


@dataclass(frozen=True)
class Gap:
    """One thing the email still lacks."""

    kind: str  # "when", "what", "error", "identifier", "detail" or "profile"
    id: str  # the field id, "description", "email" or "uid"
    message: str  # in the requested language


def description_weight(text: str) -> int:
    """The description's length in "Latin characters": Chinese says as much in a third of the characters."""
    text = re.sub(r"\s+", " ", text or "").strip()
    cjk = len(_CJK.findall(text))
    return len(text) - cjk + 3 * cjk


def _present(spec, value: str) -> bool:
    return bool((value or "").strip()) and validate(spec.kind, value) is None


def gaps(draft: Draft, lang: str = "en") -> list[Gap]:
    """Everything support would have to ask for, in the order the form shows it."""
    found: list[Gap] = []
    try:
        category = categories.get(draft.category)
    except KeyError:
        category = None
    for spec in category.required if category else ():
        if _present(spec, draft.fields.get(spec.id, "")):
            continue
        if spec.kind == "datetime":
            found.append(Gap("when", spec.id, t("compose.missing_when", lang)))
        elif spec.kind == "error":
            found.append(Gap("error", spec.id, t("compose.missing_error", lang)))
        else:
            kind = "identifier" if spec.kind in IDENTIFIER_KINDS else "detail"
            found.append(Gap(kind, spec.id, t("compose.missing_field", lang, label=spec.text("label", lang))))
    if description_weight(draft.description) < MIN_DESCRIPTION:
        found.append(Gap("what", "description", t("compose.missing_what", lang, min=MIN_DESCRIPTION)))
    if validate("email", draft.profile.email) is not None or not draft.profile.email.strip():
        found.append(Gap("profile", "email", t("compose.missing_email", lang)))
    if validate("uid", draft.profile.uid) is not None or not draft.profile.uid.strip():
        found.append(Gap("profile", "uid", t("compose.missing_uid", lang)))
    return found


def missing(draft: Draft, lang: str = "en") -> list[str]:
    """What support will still ask for, as sentences in `lang`; empty when the email is complete."""
    return [gap.message for gap in gaps(draft, lang)]


def score(draft: Draft) -> float:
    """0..1 for a meter: the share of the expected items that are present."""
    try:
        required = len(categories.get(draft.category).required)
    except KeyError:
        required = 0
    total = required + 3  # description, registered email, UID
    return round(1 - len(gaps(draft)) / total, 3)
