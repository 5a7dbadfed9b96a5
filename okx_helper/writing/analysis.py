"""What a draft implies, worked out once per revision: the one set of facts every screen and command reads.

The Details meter, the privacy and tone steps, the checklist, the review and `okx-helper compose`
all ask an Analysis; each fact is computed on first use and kept, so a screen that asks twice
(or two screens that ask the same) costs one scan. A new revision of the draft gets a new Analysis.
"""

from __future__ import annotations

from email.message import EmailMessage
from functools import cached_property
from typing import TYPE_CHECKING

from okx_helper.writing import categories, draft_checks
from okx_helper.writing.completeness import Missing
from okx_helper.writing.draft import Draft
from okx_helper.writing.draft_checks import Located

if TYPE_CHECKING:
    from okx_helper.contacts import AddressCheck
    from okx_helper.writing.checklist import Item


class Analysis:
    """The facts of one draft revision, in one interface language (`lang`: messages, labels)."""

    def __init__(self, draft: Draft, lang: str = "en", revision: int = 0) -> None:
        # A copy: the facts must describe this revision even if the draft is edited meanwhile
        # (a big draft is analysed in a thread while the user types on).
        self.draft = Draft.from_json(draft.to_json())
        self.lang = lang
        self.revision = revision

    @cached_property
    def category(self) -> categories.Category | None:
        return categories.find(self.draft.category)

    @cached_property
    def parts(self) -> list[tuple[str, str]]:
        """The user-written texts that end up in the email, in the order it shows them."""
        return draft_checks.parts(self.draft)

    @cached_property
    def size(self) -> int:
        return sum(len(text) for _, text in self.parts)

    @cached_property
    def privacy(self) -> list[Located]:
        return draft_checks.privacy_findings(self.draft, self.lang)

    @cached_property
    def blocking(self) -> list[Located]:
        return [item for item in self.privacy if item.finding.blocking]

    @cached_property
    def tone(self) -> list[Located]:
        return draft_checks.tone_findings(self.draft, self.lang)

    @cached_property
    def missing(self) -> list[Missing]:
        from okx_helper.writing import completeness

        return completeness.missing(self.draft, self.lang)

    @cached_property
    def score(self) -> float:
        from okx_helper.writing import completeness

        return completeness.score(self.draft, self.missing)

    @cached_property
    def structure(self) -> dict[str, bool]:
        """Greeting and closing of the email as it will be sent (the templates add their own)."""
        from okx_helper.guards import tone

        return tone.structure(self.body)

    @cached_property
    def address(self) -> AddressCheck:
        from okx_helper.contacts import check_address

        return check_address(self.draft.to, self.lang)

    @cached_property
    def subject(self) -> str:
        from okx_helper.writing import compose

        return compose.subject_for(self.draft)

    @cached_property
    def body(self) -> str:
        from okx_helper.writing import compose

        return compose.render_body(self.draft)

    @cached_property
    def message(self) -> EmailMessage:
        from okx_helper.writing import compose

        draft = self.draft
        return compose.new_message(
            to=draft.to, subject=self.subject, body=self.body, from_addr=compose.from_address(draft)
        )

    @cached_property
    def checklist(self) -> list[Item]:
        from okx_helper.writing.checklist import checklist

        return checklist(self)
