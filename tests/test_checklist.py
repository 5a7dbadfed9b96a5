"""The review step's checklist says what a careful support agent would say about the draft."""

from okx_helper.settings.profile import Profile
from okx_helper.writing.analysis import Analysis
from okx_helper.writing.draft import Draft

TXID = "3f1c9a7be04d5c2e8b6a9d0f1e2c3b4a5d6e7f8091a2b3c4d5e6f708192a3b4c"


def good_draft(**changes) -> Draft:
    draft = Draft(
        to="support@okx.com",
        category="deposit",
        fields={
            "time": "2026-11-25 14:30 +08:00",
            "coin": "USDT",
            "network": "TRC20",
            "amount": "1250",
            "txid": TXID,
            "deposit_address": "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE",
        },
        description="My USDT deposit from yesterday has not been credited yet, although the block explorer "
        "shows it as confirmed. Could you please check it?",
        profile=Profile(email="me@example.com", uid="7382910045612345"),
    )
    for key, value in changes.items():
        setattr(draft, key, value)
    return draft


def status(draft: Draft) -> dict:
    return {item.id: item.ok for item in Analysis(draft, "en").checklist}


def test_a_complete_calm_draft_passes_every_item():
    # No greeting or closing typed: the templates add both to the email as sent.
    assert status(good_draft()) == {
        "official_address": True,
        "clear_subject": True,
        "what_when_error": True,
        "identifiers": True,
        "nothing_sensitive": True,
        "friendly_tone": True,
    }


def test_each_problem_shows_in_its_own_item():
    assert status(good_draft(to="support@0kx.com"))["official_address"] is False
    assert status(good_draft(subject="help!!!"))["clear_subject"] is False
    assert status(good_draft(description="My password is Tulip-2024, please hurry."))["nothing_sensitive"] is False
    assert status(good_draft(description="YOU STOLE MY MONEY!!! Fix it now or else."))["friendly_tone"] is False
    missing_txid = good_draft()
    missing_txid.fields.pop("txid")
    assert status(missing_txid)["identifiers"] is False
    missing_time = good_draft()
    missing_time.fields.pop("time")
    assert status(missing_time)["what_when_error"] is False


def test_a_missing_uid_or_registered_email_is_a_missing_identifier_as_the_details_meter_says():
    for profile in (Profile(email="me@example.com"), Profile(uid="7382910045612345"), Profile()):
        facts = Analysis(good_draft(profile=profile), "en")
        identifiers = next(item for item in facts.checklist if item.id == "identifiers")
        assert identifiers.ok is False
        profile_gaps = [m for m in facts.missing if m.kind == "profile"]
        assert profile_gaps and all(m.text in identifiers.detail for m in profile_gaps)
