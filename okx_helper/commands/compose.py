"""okx-helper compose: write the support email from an answers file, with the wizard's checks.

Exit codes: 0 the message was written (to --eml, or printed); 1 findings: sensitive information
(nothing written, unless --allow-sensitive) or an address that is not an official OKX one
(printed with a warning, but no .eml unless --allow-unofficial); 2 invalid answers or unreadable file.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile

from okx_helper.commands.output import emit, emit_json, error
from okx_helper.writing.draft import DEFAULT_TO

TOP_KEYS = ("lang", "to", "category", "subject", "description", "profile", "fields")
PROFILE_KEYS = ("email", "uid", "nickname")


class AnswersError(Exception):
    """The answers file cannot be used; the message names the key or line."""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Compose the support email from an answers file (TOML), run the privacy and tone checks, "
        "and print it or save it as .eml. Exit 0: written; 1: blocked by sensitive information, or "
        "the address is not an official OKX one; 2: invalid answers or unreadable file."
    )
    parser.add_argument("--answers", metavar="FILE.toml", help="the answers file ('-' reads stdin)")
    parser.add_argument("--eml", metavar="OUT.eml", help="write the message here instead of printing it")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument(
        "--allow-sensitive",
        action="store_true",
        help="write the message even when the privacy check finds blocking information",
    )
    parser.add_argument(
        "--allow-unofficial",
        action="store_true",
        help="write the .eml even when the address is not an official OKX address (look-alike, free mail, legacy)",
    )
    parser.add_argument(
        "--lang", choices=["en", "zh"], help="language of the tool's messages (default: from the locale)"
    )
    parser.add_argument("--list-categories", action="store_true", help="list the categories and their fields")


# ---------------------------------------------------------------- answers file


def _read(path: str, lang: str) -> dict:
    from okx_helper.base.i18n import t
    from okx_helper.base.resources import tomllib

    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as handle:  # closed at once, not whenever the GC gets to it
                data = handle.read()
    except OSError as err:
        raise AnswersError(t("compose.unreadable", lang, path=path, error=err.strerror or err)) from None
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise AnswersError(t("compose.unreadable", lang, path=path, error=f"not UTF-8 ({err.reason})")) from None
    except tomllib.TOMLDecodeError as err:  # its message says "(at line N, column M)"
        raise AnswersError(t("compose.bad_toml", lang, path=path, error=err)) from None


def _text(value, key: str, lang: str) -> str:
    from okx_helper.base.i18n import t

    # An unquoted UID or order ID arrives as an integer; take it as the user meant it.
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise AnswersError(t("compose.not_text", lang, name=key))
    return str(value)


def _check_keys(table: dict, valid, where: str, lang: str) -> None:
    from okx_helper.base.i18n import t

    for key in table:
        if key not in valid:
            raise AnswersError(t("compose.unknown_key", lang, name=key, where=where, valid=", ".join(valid)))


def draft_from_answers(data: dict, lang: str = "en"):
    """A validated Draft from parsed answers; AnswersError naming the key otherwise."""
    from okx_helper.base.i18n import t
    from okx_helper.settings.profile import Profile
    from okx_helper.writing import categories
    from okx_helper.writing.draft import Draft
    from okx_helper.writing.fields import validate

    _check_keys(data, TOP_KEYS, "the answers", lang)
    valid_ids = ", ".join(categories.ids())
    if "category" not in data:
        raise AnswersError(t("compose.missing_category", lang, valid=valid_ids))
    try:
        category = categories.get(_text(data["category"], "category", lang))
    except KeyError:
        raise AnswersError(t("compose.unknown_category", lang, name=data["category"], valid=valid_ids)) from None
    email_lang = _text(data.get("lang", "en"), "lang", lang)
    if email_lang not in categories.LANGS:
        raise AnswersError(t("compose.bad_lang", lang, value=email_lang))

    profile_table = data.get("profile", {})
    if not isinstance(profile_table, dict):
        raise AnswersError(t("compose.not_text", lang, name="profile"))
    _check_keys(profile_table, PROFILE_KEYS, "[profile]", lang)
    profile = Profile(**{key: _text(value, f"profile.{key}", lang).strip() for key, value in profile_table.items()})
    for key, kind in (("email", "email"), ("uid", "uid")):
        problem = validate(kind, getattr(profile, key), lang)
        if problem:
            raise AnswersError(t("compose.field_invalid", lang, field=f"profile.{key}", message=problem))

    field_table = data.get("fields", {})
    if not isinstance(field_table, dict):
        raise AnswersError(t("compose.not_text", lang, name="fields"))
    values = {}
    for key, value in field_table.items():
        if key not in category.field_ids:
            raise AnswersError(
                t("compose.unknown_field", lang, name=key, category=category.id, valid=", ".join(category.field_ids))
            )
        text = _text(value, f"fields.{key}", lang)
        problem = validate(category.field(key).kind, text, lang)
        if problem:
            raise AnswersError(t("compose.field_invalid", lang, field=f"fields.{key}", message=problem))
        values[key] = text.strip() if category.field(key).kind not in ("multiline", "error") else text.strip("\n")

    to = _text(data.get("to") or category.suggested_to or DEFAULT_TO, "to", lang).strip()
    problem = validate("email", to.split("<")[-1].rstrip(">").strip(), lang)
    if problem:
        raise AnswersError(t("compose.field_invalid", lang, field="to", message=problem))
    return Draft(
        to=to,
        category=category.id,
        email_lang=email_lang,
        subject=_text(data.get("subject", ""), "subject", lang),
        fields=values,
        description=_text(data.get("description", ""), "description", lang),
        profile=profile,
    )


# ---------------------------------------------------------------- output


def _list_categories(fmt: str, lang: str) -> int:
    from okx_helper.base.i18n import t
    from okx_helper.writing import categories

    cats = categories.categories()
    if fmt == "json":
        listing = [
            {
                "id": c.id,
                "title": c.title,
                "suggested_to": c.suggested_to,
                "fields": [
                    {"id": f.id, "kind": f.kind, "required": f.required, "label": f.label, "hint": f.hint}
                    for f in c.fields
                ],
            }
            for c in cats
        ]
        emit_json(listing)
        return 0
    for c in cats:
        to = f"  -> {c.suggested_to}" if c.suggested_to else ""
        emit(f"{c.id}: {c.text('title', lang)}{to}")
        for f in c.fields:
            mark = t("compose.required_mark" if f.required else "compose.optional_mark", lang)
            emit(f"    {f.id:<22} {f.kind:<10} {mark}  {f.text('label', lang)}")
    return 0


def _write_private(path: str, data: bytes) -> None:
    """Write atomically (temp file, fsync, rename) with mode 0600: the email is personal."""
    target = os.path.abspath(path)
    fd, tmp = tempfile.mkstemp(prefix=".okx-helper-", dir=os.path.dirname(target))
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _describe(located, kind_attr: str) -> str:
    finding = located.finding
    kind = getattr(finding, kind_attr, "")
    return f"  - {located.part} [{finding.start}:{finding.end}] {kind}: {finding.message}"


def _findings_json(located) -> list[dict]:
    return [{"part": item.part, **item.finding.to_json()} for item in located]


def run(args: argparse.Namespace) -> int:
    from okx_helper.base.i18n import detect_ui_lang, t

    lang = detect_ui_lang(getattr(args, "lang", None))
    if args.list_categories:
        return _list_categories(args.format, lang)
    if not args.answers:
        error("compose", t("compose.answers_required", lang))
        return 2
    try:
        draft = draft_from_answers(_read(args.answers, lang), lang)
    except AnswersError as err:
        error("compose", err)
        return 2

    from okx_helper.writing import compose
    from okx_helper.writing.analysis import Analysis

    facts = Analysis(draft, lang)  # the same facts the wizard's steps and checklist show
    try:
        msg = facts.message
    except ValueError as err:  # an address the email package cannot carry safely
        error("compose", err)
        return 2
    privacy, tone, missing, address = facts.privacy, facts.tone, facts.missing, facts.address
    blocked = bool(facts.blocking) and not args.allow_sensitive
    # A look-alike, free-mail, legacy or unrelated address is a finding: exit 1, and no .eml
    # that the user might send without reading the warning, unless they say they mean it.
    unofficial = not address.ok and not args.allow_unofficial
    withheld = blocked or (unofficial and bool(args.eml))

    eml_path = None
    if args.eml and not withheld:
        try:
            _write_private(args.eml, compose.to_eml_bytes(msg))
        except OSError as err:
            error("compose", f"{args.eml}: {err.strerror or err}")
            return 2
        eml_path = os.path.abspath(args.eml)
    status = 1 if (blocked or unofficial) else 0

    if args.format == "json":
        report = {
            "subject": str(msg["Subject"]),
            "to": str(msg["To"]),
            "from": str(msg["From"] or ""),
            "address": address.to_json(),
            "body": None if blocked else msg.get_content(),
            "eml": eml_path,
            "privacy": _findings_json(privacy),
            "tone": _findings_json(tone),
            "missing": missing,
        }
        emit_json(report)
        return status
    if not address.ok:  # a look-alike or unrelated address: say so before anything else
        verdict = t(f"contacts.verdict_{address.verdict}", lang)
        emit(f"{draft.to}: " + "; ".join([verdict, *address.reasons]), sys.stderr)
    if privacy:
        emit(t("compose.privacy_heading", lang), sys.stderr)
        for item in privacy:
            emit(_describe(item, "kind"), sys.stderr)
    if blocked:
        emit(t("compose.blocked", lang), sys.stderr)
        return 1
    if unofficial and args.eml:
        emit(t("compose.unofficial_withheld", lang), sys.stderr)
        return 1
    if tone:
        emit(t("compose.tone_heading", lang), sys.stderr)
        for item in tone:
            emit(_describe(item, "category"), sys.stderr)
    if missing:
        emit(t("compose.missing_heading", lang), sys.stderr)
        for text in missing:
            emit(f"  - {text}", sys.stderr)
    if eml_path:
        emit(t("compose.written", lang, path=eml_path))
    else:
        for name in ("From", "To", "Subject"):
            if msg[name] is not None:
                emit(f"{name}: {msg[name]}")
        emit()
        emit(msg.get_content().rstrip("\n"))
    return status
