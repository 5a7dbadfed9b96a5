"""The wizard's state: one Draft, serialisable to JSON for autosave and the compose command."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

from okx_helper.contacts import DEFAULT_ADDRESS as DEFAULT_TO
from okx_helper.settings.profile import Profile

# The wizard's steps, in order: the one list every screen, the step line and the autosave use.
STEPS = ("contact", "category", "describe", "privacy", "tone", "review")


@dataclass
class Draft:
    to: str = DEFAULT_TO
    category: str = ""  # a category id from data/categories.toml
    email_lang: str = "en"  # the email's language, chosen apart from the interface's
    subject: str = ""  # empty: the category's suggestion
    fields: dict[str, str] = field(default_factory=dict)  # category field id -> value
    description: str = ""
    profile: Profile = field(default_factory=Profile)
    # Excerpts the user marked "not sensitive" in the privacy step, by kind.
    not_sensitive: list[tuple[str, str]] = field(default_factory=list)
    step: int = 0  # index into STEPS: the step the user was on, to resume there

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Draft:
        """Rebuild a draft, ignoring unknown keys and wrong types (an old or damaged autosave)."""
        if not isinstance(data, dict):
            raise ValueError("a draft must be a JSON object")
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        profile = values.pop("profile", None)
        draft = cls(**{k: v for k, v in values.items() if isinstance(v, type(getattr(cls(), k)))})
        if isinstance(profile, dict):
            pnames = {f.name for f in fields(Profile)}
            draft.profile = Profile(**{k: str(v) for k, v in profile.items() if k in pnames})
        draft.fields = {str(k): str(v) for k, v in draft.fields.items()}
        draft.not_sensitive = [
            (str(pair[0]), str(pair[1]))
            for pair in draft.not_sensitive
            if isinstance(pair, (list, tuple)) and len(pair) == 2
        ]
        # Resuming must land on a real step: an unknown category (another version's, or damage)
        # sends the user back to choosing one, and the step stays within STEPS.
        from okx_helper.writing import categories

        if draft.category not in categories.ids():
            draft.category, draft.step = "", min(draft.step, STEPS.index("category"))
        draft.step = min(max(draft.step, 0), len(STEPS) - 1)
        return draft
