"""Does a domain, or a name, imitate OKX? Homoglyphs, typos, extra words, buried names.

Everything works on a folded "skeleton": full-width and styled letters become ASCII (NFKC, as
IDNA does), letters from other scripts become the Latin letter they imitate (Unicode's
confusables data via confusable-homoglyphs), and 0/3 become o/e. The brand is then looked for
as a word of a label, not as a bare substring, so box.com, okta.com or docx.io stay unrelated.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from okx_helper.base.resources import load_toml

# Digits that stand in for letters in the brand (0kx, 0k3x); others never spell it.
LEET = _LEET = str.maketrans({"0": "o", "3": "e"})
# Label separators IDNA treats as a full stop.
_DOTS = str.maketrans({"\u3002": ".", "\uff0e": ".", "\uff61": "."})
_KEYBOARD = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")


@dataclass(frozen=True)
class Finding:
    """What a domain is: official | legacy | lookalike | unrelated, with reason keys."""

    verdict: str
    reasons: tuple[tuple[str, dict], ...] = ()
    registrable: str = ""


@lru_cache(maxsize=1)
def tables() -> dict:
    """The domain lists from data/contacts_domains.toml, with sets for lookups."""
    raw = load_toml("contacts_domains.toml")
    for key in (
        "official",
        "legacy",
        "brands",
        "brand_aliases",
        "brand_cjk",
        "affix_words",
        "near_brand_unrelated",
        "service_words",
        "service_affixes",
        "service_cjk",
        "freemail",
        "freemail_names",
        "multi_suffixes",
        "restricted_tlds",
        "restricted_suffixes",
    ):
        if not isinstance(raw.get(key), list) or not all(isinstance(v, str) for v in raw[key]):
            raise ValueError(f"contacts_domains.toml: {key} must be a list of strings")
    data = dict(raw)
    data["affix_set"] = frozenset(raw["affix_words"])
    data["service_set"] = frozenset(raw["service_words"])
    data["service_peel"] = frozenset(raw["service_words"] + raw["service_affixes"])
    data["suffix_set"] = frozenset(raw["multi_suffixes"])
    return data


# ---------------------------------------------------------------- folding
@lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """The ASCII letter(s) a character imitates, or the character itself (lower case)."""
    norm = unicodedata.normalize("NFKC", ch).lower()
    if norm.isascii():
        return norm
    from confusable_homoglyphs.confusables import confusables_data

    # Breadth-first over the confusables graph: к -> ĸ -> ᴋ -> K takes a few hops.
    seen, frontier = {norm}, [norm, norm.upper()]
    for _ in range(3):
        nxt = []
        for c in frontier:
            for entry in confusables_data.get(c, ()):
                cand = entry["c"]
                if cand.isascii() and cand.strip() and cand.isalnum():
                    return cand.lower()
                for variant in (cand, cand.upper()):
                    if variant not in seen:
                        seen.add(variant)
                        nxt.append(variant)
        frontier = nxt
    # Accented Latin letters (ó, ķ) fold to their base letter.
    base = "".join(c for c in unicodedata.normalize("NFKD", norm) if not unicodedata.combining(c))
    return base if base.isascii() and base else norm


def fold(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Text folded to its skeleton, and the (original, replacement) pairs that changed."""
    out, swaps = [], []
    for ch in text:
        if ch.isascii():
            f = ch.lower()
        else:
            dot = ch.translate(_DOTS)
            f = dot if dot == "." else fold_char(ch)
        if not ch.isascii() and (ch, f) not in swaps:
            swaps.append((ch, f))
        out.append(f)
    return "".join(out), swaps


def decode_punycode(domain: str) -> str:
    """A domain with its xn-- labels shown in Unicode (left alone when undecodable)."""
    labels = []
    for label in domain.split("."):
        if label.lower().startswith("xn--"):
            try:
                import idna

                label = idna.decode(label)
            except Exception:  # idna refuses some labels browsers still show
                try:
                    label = label.encode("ascii").decode("idna")
                except Exception:
                    pass
        labels.append(label)
    return ".".join(labels)


# ---------------------------------------------------------------- brand matching
def _neighbours(a: str, b: str) -> bool:
    """Keys next to each other on a QWERTY keyboard."""
    pos = {c: (r, i) for r, row in enumerate(_KEYBOARD) for i, c in enumerate(row)}
    if a not in pos or b not in pos:
        return False
    (ra, ia), (rb, ib) = pos[a], pos[b]
    return abs(ra - rb) <= 1 and abs(ia - ib) <= 1


def is_typo(token: str, brand: str) -> bool:
    """One slip away from the brand: a doubled or stray letter, two swapped letters, or a
    neighbouring key. Dropping a letter does not count: ok.ru and kx.com are real names."""
    if token == brand or token in tables()["near_brand_unrelated"]:
        return False
    if len(token) == len(brand) + 1:
        return any(token[:i] + token[i + 1 :] == brand for i in range(len(token)))
    if len(token) != len(brand):
        return False
    diff = [i for i in range(len(brand)) if token[i] != brand[i]]
    if len(diff) == 1:
        return _neighbours(token[diff[0]], brand[diff[0]])
    if len(diff) == 2 and diff[1] == diff[0] + 1:
        i, j = diff
        return token[i] == brand[j] and token[j] == brand[i]
    return False


@lru_cache(maxsize=4096)
def cores(token: str, words: frozenset) -> frozenset:
    """What is left of a token once known words are peeled off either end (the token itself
    included): supportokxhelp -> {supportokxhelp, okxhelp, supportokx, okx, ...}."""
    found = {token}
    if len(token) > 63:  # longer than any DNS label: not worth peeling
        return frozenset(found)
    for w in words:
        if token.startswith(w) and len(token) >= len(w):
            found |= cores(token[len(w) :], words)
        if token.endswith(w) and len(token) > len(w):
            found |= cores(token[: -len(w)], words)
    return frozenset(found)


def _tokens(label: str) -> list[str]:
    """Letter runs of a label, and all its letters joined (o-k-x, okx-support)."""
    runs = [r for r in re.split(r"[^a-z]+", label) if r]
    joined = "".join(runs)
    return runs + ([joined] if len(runs) > 1 else [])


def brand_match(label: str, allow_typo: bool) -> tuple[str, str, str, bool] | None:
    """(kind, brand, token, digits_used) when a folded label names the brand; kind is exact
    (the label is the brand), words (brand plus other words) or typo (one slip away)."""
    t = tables()
    words = t["affix_set"]
    best = None
    leet = label.translate(_LEET)
    for variant, digits in ((label, False), (leet, True)):
        if digits and leet == label:
            break
        for token in _tokens(variant):
            for brand in t["brands"] + t["brand_aliases"]:
                if token == brand:
                    return ("exact", brand, token, digits)
                found = cores(token, words)
                if brand in found:
                    best = best or ("words", brand, token, digits)
                elif allow_typo and brand in t["brands"] and any(is_typo(c, brand) for c in found if c):
                    best = best or ("typo", brand, token, digits)
                elif token.startswith(brand):
                    best = best or ("words", brand, token, digits)
        if best:
            return best
    return best


def cjk_brand(text: str) -> str | None:
    """OKX's Chinese name, when the text contains it."""
    folded = unicodedata.normalize("NFKC", text)
    return next((name for name in tables()["brand_cjk"] if name in folded), None)


# ---------------------------------------------------------------- domains
def split_domain(domain: str) -> tuple[list[str], str, str]:
    """(subdomain labels, registrable label, public suffix) of a folded domain."""
    labels = [label for label in domain.split(".") if label]
    if len(labels) < 2:
        return [], labels[0] if labels else "", ""
    suffix_len = 2 if len(labels) >= 3 and ".".join(labels[-2:]) in tables()["suffix_set"] else 1
    suffix = ".".join(labels[-suffix_len:])
    return labels[: -suffix_len - 1], labels[-suffix_len - 1], suffix


def _under(domain: str, roots: list[str]) -> bool:
    return any(domain == r or domain.endswith("." + r) for r in roots)


def is_official_domain(domain: str) -> bool:
    """okx.com or one of its subdomains (plain ASCII only: a disguised okx.com is not OKX)."""
    d = domain.strip().rstrip(".").lower()
    return d.isascii() and _under(d, tables()["official"])


def is_freemail(domain: str) -> bool:
    """A free-mail or personal mailbox provider (gmail.com, qq.com, hotmail.co.uk …)."""
    t = tables()
    d = decode_punycode(domain.strip().rstrip(".").lower())
    _, reg, _suffix = split_domain(d)
    return _under(d, t["freemail"]) or reg in t["freemail_names"]


def analyse(domain: str) -> Finding:
    """Classify a domain as typed (before any normalisation) against okx.com."""
    t = tables()
    typed = domain.strip().rstrip(".")
    puny = any(label.lower().startswith("xn--") for label in typed.translate(_DOTS).split("."))
    shown = decode_punycode(typed)
    folded, swaps = fold(shown)
    folded = folded.rstrip(".")
    plain = shown.lower()
    subs, reg, suffix = split_domain(folded)
    registrable = ".".join(x for x in (reg, suffix) if x)

    if plain.isascii() and not puny:
        if _under(plain, t["official"]):
            return Finding("official", (("official", {"domain": plain}),), registrable)
        if _under(plain, t["legacy"]):
            return Finding("legacy", (("legacy", {"domain": plain}),), registrable)

    disguise: list[tuple[str, dict]] = []
    if puny:
        disguise.append(("punycode", {"ascii": typed.lower(), "unicode": shown}))
    styled = [(a, b) for a, b in swaps if unicodedata.normalize("NFKC", a).isascii()]
    changed = [(a, b) for a, b in swaps if (a, b) not in styled and b.isascii() and a.lower() != b]
    accented = [(a, b) for a, b in changed if _script(a) == "LATIN"]
    foreign = [pair for pair in changed if pair not in accented]
    if styled:
        disguise.append(("fullwidth", {"chars": _pairs(styled)}))
    if foreign:
        disguise.append(("homoglyph", {"chars": _pairs(foreign, named=True)}))
    if accented:
        disguise.append(("accented", {"chars": _pairs(accented)}))

    reasons: list[tuple[str, dict]] = []
    if _under(folded, t["official"] + t["legacy"]):
        reasons.append(("imitates", {"domain": shown, "target": _target(folded)}))
    elif name := cjk_brand(shown):
        reasons.append(("cjk_name", {"name": name}))
    elif hit := _label_hit(subs, reg, suffix, registrable):
        reasons.append(hit)
    elif styled or _homograph(shown):
        # Not OKX's name, but still written to pass for another Latin domain (раураl.com).
        reasons.append(("disguised", {"domain": shown, "target": folded}))
    if reasons:
        return Finding("lookalike", tuple(disguise + reasons + [("lookalike_advice", {})]), registrable)

    extra: list[tuple[str, dict]] = []
    known = t.get("known", {}).get(registrable)
    if known:
        extra.append((f"known_{known}", {"domain": registrable}))
    # Letters of a real word in another script are not a disguise: only say how it is written.
    shown_as = [r for r in disguise if r[0] == "punycode"]
    return Finding("unrelated", tuple(shown_as + extra), registrable)


def _homograph(domain: str) -> bool:
    """A label whose non-Latin letters all imitate Latin ones, alone (раураl) or mixed in
    with Latin letters (pаypal). Real words in other scripts (яндекс, 例子) have letters that
    imitate nothing, so they pass."""
    for label in domain.split("."):
        letters = [c for c in label if c.isalpha()]
        foreign = [c for c in letters if not c.isascii() and _script(c) != "LATIN"]
        imitating = all(fold_char(c).isascii() and fold_char(c).isalpha() for c in foreign)
        if len(letters) >= 2 and foreign and imitating:
            return True
    return False


def _label_hit(subs: list[str], reg: str, suffix: str, registrable: str) -> tuple[str, dict] | None:
    """Why the labels of a folded domain name OKX, if they do."""
    t = tables()
    # Nobody can register a typo under .edu or .gov, so only the name itself counts there.
    restricted = suffix.split(".")[-1] in t["restricted_tlds"] or suffix in t["restricted_suffixes"]
    match = brand_match(reg, allow_typo=not restricted)
    if match:
        kind, brand, token, digits = match
        if digits and _under(registrable.translate(_LEET), t["official"] + t["legacy"]):
            return ("digits", {"domain": registrable, "target": registrable.translate(_LEET)})
        if reg.translate(_LEET) == brand:
            return ("other_suffix", {"domain": registrable, "brand": brand})
        if kind == "typo":
            return ("typo", {"name": token, "brand": brand, "domain": registrable})
        return ("words", {"domain": registrable, "brand": brand})
    for label in subs:
        if brand_match(label, allow_typo=False):
            return ("buried", {"registrable": registrable})
    return None


def _target(folded: str) -> str:
    t = tables()
    return next(r for r in t["official"] + t["legacy"] if folded == r or folded.endswith("." + r))


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ")[0] if name else "?"


def _pairs(pairs: list[tuple[str, str]], named: bool = False) -> str:
    if named:
        return ", ".join(f"{a} ({unicodedata.name(a, '?').title()}) → {b}" for a, b in pairs)
    return ", ".join(f"{a} → {b}" for a, b in pairs)
