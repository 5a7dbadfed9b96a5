"""Run the privacy and tone engines over every part of a draft that ends up in the email.

The wizard's privacy and tone steps, the review checklist and the compose command share
this, so "what is scanned" is decided in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from okx_helper.writing.draft import Draft


@dataclass(frozen=True)
class Located:
    """A finding from an engine, and the part of the draft it is in."""

    part: str  # "subject", "description" or "field:<id>"
    finding: Any  # privacy.Finding or tone.ToneFinding

    def excerpt(self, draft: Draft) -> str:
        return get_part(draft, self.part)[self.finding.start : self.finding.end]


def parts(draft: Draft) -> list[tuple[str, str]]:
    """The user-written texts of the draft, in the order the email shows them."""
    found = [("subject", draft.subject)]
    found += [(f"field:{key}", draft.fields.get(key, "")) for key in field_ids(draft)]
    found.append(("description", draft.description))
    return [(name, text) for name, text in found if text]


def field_ids(draft: Draft) -> list[str]:
    """The ids of the fields that go into the email: those of the draft's category."""
    from okx_helper.writing import categories

    try:
        return list(categories.get(draft.category).field_ids)
    except KeyError:
        return []


def get_part(draft: Draft, part: str) -> str:
    if part.startswith("field:"):
        return draft.fields.get(part[6:], "")
    return getattr(draft, part)


def set_part(draft: Draft, part: str, text: str) -> None:
    if part.startswith("field:"):
        draft.fields[part[6:]] = text
    else:
        setattr(draft, part, text)


def _known_identifiers(draft: Draft) -> list[str]:
    profile = draft.profile
    return [value for value in (profile.email, profile.uid, profile.nickname) if value]


def privacy_findings(draft: Draft, lang: str = "en") -> list[Located]:
    """Privacy findings in every part, less those the user marked as not sensitive."""
    from okx_helper.guards import privacy

    dismissed = {tuple(pair) for pair in draft.not_sensitive}
    known = _known_identifiers(draft)
    located = []
    for name, text in parts(draft):
        for finding in privacy.scan(text, lang, known=known):
            if (finding.kind, text[finding.start : finding.end]) not in dismissed:
                located.append(Located(name, finding))
    return located


def tone_findings(draft: Draft, lang: str = "en") -> list[Located]:
    from okx_helper.guards import tone

    return [
        Located(name, finding)
        for name in ("subject", "description")
        for finding in tone.scan(get_part(draft, name), lang)
    ]


def structure(draft: Draft) -> dict:
    """Greeting and closing of the email as it will be sent: the templates add their own."""
    from okx_helper.guards import tone
    from okx_helper.writing import compose

    return tone.structure(compose.render_body(draft))


def redact(draft: Draft, located: Located) -> None:
    """Replace one finding's text by a marker in the email's language."""
    from okx_helper.guards import privacy

    text = get_part(draft, located.part)
    set_part(draft, located.part, privacy.redact(text, [located.finding], draft.email_lang))


def mark_not_sensitive(draft: Draft, located: Located) -> None:
    pair = (located.finding.kind, located.excerpt(draft))
    if pair not in draft.not_sensitive:
        draft.not_sensitive.append(pair)


def apply_tone_suggestion(draft: Draft, located: Located) -> None:
    from okx_helper.guards import tone

    text = get_part(draft, located.part)
    set_part(draft, located.part, tone.apply_suggestion(text, located.finding))
