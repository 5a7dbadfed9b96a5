"""What support will still ask for: the Description step's completeness meter."""

from __future__ import annotations

import re

from okx_helper.base.i18n import t
from okx_helper.writing import categories
from okx_helper.writing.draft import Draft
from okx_helper.writing.fields import validate

MIN_DESCRIPTION = 40  # characters; a CJK character counts as three (it says about a word)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


class Missing(str):
    """One thing the email still lacks: the sentence itself, plus what kind of thing it is.

    A str, so it prints and serialises as the message; `.kind` is "when", "what", "error",
    "identifiers" or "profile" (the review checklist groups by it), `.id` the field id,
    "description", "email" or "uid".
    """

    kind: str
    id: str

    def __new__(cls, kind: str, id: str, text: str) -> Missing:
        self = super().__new__(cls, text)
        self.kind = kind
        self.id = id
        return self

    @property
    def text(self) -> str:
        return str(self)

    @property
    def message(self) -> str:
        return str(self)

    def __reduce__(self):
        return (Missing, (self.kind, self.id, str(self)))


def description_weight(text: str, enough: int = MIN_DESCRIPTION) -> int:
    """The description's length in "Latin characters": Chinese says as much in a third of the characters.

    Counting stops once `enough` is certain: this runs on every key, also under a 1 MB paste.
    """
    text = re.sub(r"\s+", " ", (text or "")[: enough * 50]).strip()
    cjk = len(_CJK.findall(text))
    return len(text) - cjk + 3 * cjk


def _present(spec, value: str) -> bool:
    return bool((value or "").strip()) and validate(spec.kind, value) is None


def missing(draft: Draft, lang: str = "en") -> list[Missing]:
    """What support will still ask for, in the order the form shows it; empty when complete.

    Each item is the sentence in `lang` (a str) with `.kind` and `.id`.
    """
    found: list[Missing] = []
    category = categories.find(draft.category)
    for spec in category.required if category else ():
        if _present(spec, draft.fields.get(spec.id, "")):
            continue
        if spec.kind == "datetime":
            found.append(Missing("when", spec.id, t("compose.missing_when", lang)))
        elif spec.kind == "error":
            found.append(Missing("error", spec.id, t("compose.missing_error", lang)))
        else:
            # Free-text accounts (what was noticed, what was tried) belong to "what happened";
            # everything else (IDs, coin, pair, counterparty, endpoint …) is how support finds it.
            kind = "what" if spec.kind == "multiline" else "identifiers"
            found.append(Missing(kind, spec.id, t("compose.missing_field", lang, label=spec.text("label", lang))))
    if description_weight(draft.description) < MIN_DESCRIPTION:
        found.append(Missing("what", "description", t("compose.missing_what", lang, min=MIN_DESCRIPTION)))
    if validate("email", draft.profile.email) is not None or not draft.profile.email.strip():
        found.append(Missing("profile", "email", t("compose.missing_email", lang)))
    if validate("uid", draft.profile.uid) is not None or not draft.profile.uid.strip():
        found.append(Missing("profile", "uid", t("compose.missing_uid", lang)))
    return found


def score(draft: Draft, missing_items: list[Missing] | None = None) -> float:
    """0..1 for a meter: the share of the expected items that are present.

    Pass the draft's `missing()` when it is already known, so it is not worked out twice.
    """
    category = categories.find(draft.category)
    total = (len(category.required) if category else 0) + 3  # description, registered email, UID
    if missing_items is None:
        missing_items = missing(draft)
    return round(1 - len(missing_items) / total, 3)
