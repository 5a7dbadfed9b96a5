"""Support categories: what each problem needs in the email, loaded from data/categories.toml."""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from functools import lru_cache

from okx_helper.base.resources import load_toml
from okx_helper.writing.fields import KINDS

LANGS = ("en", "zh")
# Longest piece of a field value placed in a subject: a whole error message would drown it.
_SUBJECT_PIECE = 48


@dataclass(frozen=True)
class FieldSpec:
    """One field of a category's form."""

    id: str
    kind: str
    required: bool
    label: dict[str, str]
    hint: dict[str, str]

    def text(self, what: str, lang: str) -> str:
        """ "label" or "hint" in `lang`, falling back to English."""
        table = getattr(self, what)
        return table.get(lang) or table["en"]


@dataclass(frozen=True)
class Category:
    id: str
    title: dict
    subject: dict  # suggestion with {field_id} placeholders
    fields: tuple[FieldSpec, ...]
    tips: dict[str, list[str]]
    template: str  # file name under templates/<lang>/
    subject_generic: dict = field(default_factory=dict)  # used when a placeholder's field is empty

    def text(self, what: str, lang: str):
        """ "title", "subject", "subject_generic" or "tips" in `lang`, falling back to English."""
        table = getattr(self, what)
        return table.get(lang) or table["en"]

    @property
    def suggested_to(self) -> str | None:
        """The dedicated address for this topic from the contact directory (p2p -> p2p@okx.com),
        or None when the general support address is the one."""
        from okx_helper import contacts

        address = contacts.default_address_for(self.id)
        return None if address == contacts.DEFAULT_ADDRESS else address

    @property
    def required(self) -> tuple[FieldSpec, ...]:
        return tuple(spec for spec in self.fields if spec.required)

    @property
    def optional(self) -> tuple[FieldSpec, ...]:
        return tuple(spec for spec in self.fields if not spec.required)

    def field(self, field_id: str) -> FieldSpec:
        for spec in self.fields:
            if spec.id == field_id:
                return spec
        raise KeyError(
            f"unknown field {field_id!r} for category {self.id!r}; valid fields: {', '.join(self.field_ids)}"
        )

    @property
    def field_ids(self) -> tuple[str, ...]:
        return tuple(spec.id for spec in self.fields)

    def suggest_subject(self, values: dict[str, str], lang: str) -> str:
        """The subject suggestion filled from `values`, or the generic one when a value is missing."""
        pattern = self.text("subject", lang)
        names = [name for _, name, _, _ in string.Formatter().parse(pattern) if name]
        values = dict(values)
        coin = str(values.get("coin", "")).strip()
        if coin and str(values.get("amount", "")).strip().lower().endswith(coin.lower()):
            # "250 USDT" next to the coin field would read "250 USDT USDT".
            values["amount"] = str(values["amount"]).strip()[: -len(coin)].strip()
        filled = {}
        for name in names:
            value = re.sub(r"\s+", " ", str(values.get(name, "") or "")).strip()
            if not value:
                return self.text("subject_generic", lang)
            if len(value) > _SUBJECT_PIECE:
                value = value[: _SUBJECT_PIECE - 1].rstrip() + "…"
            filled[name] = value
        return pattern.format(**filled)


def _lang_table(value, where: str) -> dict:
    if not isinstance(value, dict) or not all(
        isinstance(value.get(lang), (str, list)) and value.get(lang) for lang in LANGS
    ):
        raise ValueError(f"categories.toml: {where} needs non-empty 'en' and 'zh' entries")
    return dict(value)


def _load(data: dict) -> list[Category]:
    """Build and validate the categories; a mistake in the data file fails loudly here."""
    defs = data.get("fields", {})
    for field_id, spec in defs.items():
        if spec.get("kind") not in KINDS:
            raise ValueError(f"categories.toml: field {field_id!r} has unknown kind {spec.get('kind')!r}")
        _lang_table(spec.get("label"), f"field {field_id!r} label")
        _lang_table(spec.get("hint"), f"field {field_id!r} hint")
    found: list[Category] = []
    for raw in data.get("category", []):
        cid = raw.get("id", "?")
        specs = []
        for required, key in ((True, "required"), (False, "optional")):
            for field_id in raw.get(key, []):
                if field_id not in defs:
                    raise ValueError(f"categories.toml: category {cid!r} uses undefined field {field_id!r}")
                spec = defs[field_id]
                specs.append(FieldSpec(field_id, spec["kind"], required, dict(spec["label"]), dict(spec["hint"])))
        ids = [spec.id for spec in specs]
        if len(set(ids)) != len(ids):
            raise ValueError(f"categories.toml: category {cid!r} lists a field twice")
        category = Category(
            id=cid,
            title=_lang_table(raw.get("title"), f"category {cid!r} title"),
            subject=_lang_table(raw.get("subject"), f"category {cid!r} subject"),
            subject_generic=_lang_table(raw.get("subject_generic"), f"category {cid!r} subject_generic"),
            fields=tuple(specs),
            tips=_lang_table(raw.get("tips"), f"category {cid!r} tips"),
            template=raw.get("template") or f"{cid}.txt.j2",
        )
        for lang in LANGS:
            for _, name, _, _ in string.Formatter().parse(category.subject[lang]):
                if name and name not in ids:
                    raise ValueError(f"categories.toml: {cid!r} subject names unknown field {name!r}")
        found.append(category)
    if len({c.id for c in found}) != len(found):
        raise ValueError("categories.toml: duplicate category id")
    return found


@lru_cache(maxsize=1)
def categories() -> list[Category]:
    """All categories, in the order the Category step shows them."""
    return _load(load_toml("categories.toml"))


def get(category_id: str) -> Category:
    """The category with this id; KeyError listing the valid ids otherwise."""
    for category in categories():
        if category.id == category_id:
            return category
    raise KeyError(f"unknown category {category_id!r}; valid categories: {', '.join(c.id for c in categories())}")


def find(category_id: str) -> Category | None:
    """The category with this id, or None (a draft not yet categorised, or another version's id)."""
    return next((category for category in categories() if category.id == category_id), None)


def ids() -> list[str]:
    return [category.id for category in categories()]
