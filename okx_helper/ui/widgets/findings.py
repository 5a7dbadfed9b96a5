"""How findings are shown: where in the draft they are, and their text masked."""

from __future__ import annotations

from okx_helper.base.i18n import t
from okx_helper.writing.draft import Draft
from okx_helper.writing.draft_checks import Located, get_part


def where(draft: Draft, located: Located, lang: str) -> str:
    """ "Description, line 3" or the field's label, in the interface language."""
    part = located.part
    if part.startswith("field:"):
        from okx_helper.writing import categories

        try:
            return categories.get(draft.category).field(part[6:]).text("label", lang)
        except KeyError:
            return part[6:]
    if part == "description":
        line = get_part(draft, part).count("\n", 0, located.finding.start) + 1
        return t("wizard.where_description", lang, line=line)
    return t("wizard.where_subject", lang)


def masked(text: str) -> str:
    """Enough to recognise the spot, never the secret: 'pa••••••'."""
    text = " ".join(text.split())
    return text[:2] + "•" * min(max(len(text) - 2, 1), 8)
