"""The wizard core: one draft, one revision, one analysis per revision, read by every screen.

Each test here failed before the core existed: a redaction or a calmer sentence came back when
the user returned to Details, and entering a findings step scanned the draft twice.
"""

import contextlib
import tempfile
from datetime import datetime, timezone
from email.message import EmailMessage

from termtools import TXID
from textual import events

from okx_helper.cases import CaseBook, expectations
from okx_helper.guards import privacy
from okx_helper.handoff.environment import Environment
from okx_helper.settings.profile import Profile
from okx_helper.ui.app import WizardApp
from okx_helper.ui.screens import describe
from okx_helper.writing import categories, draft_checks
from okx_helper.writing.autosave import DraftStore
from okx_helper.writing.draft import Draft
from okx_helper.writing.wizard import Wizard

SECRETS = "My password is Hunter2!xyz and the 2FA code is 482913"


async def to_details(pilot, description: str) -> None:
    """Start a deposit email and fill the form so only the description matters."""
    await pilot.press("n", "enter")
    ids = [c.id for c in categories.categories()]
    await pilot.press(*["down"] * ids.index("deposit"), "enter")
    for value in ("2026-11-25 14:30 +08:00", "USDT", "TRC20", "1250", TXID, "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE"):
        pilot.app.post_message(events.Paste(value))
        await pilot.pause()
        await pilot.press("tab")
    await pilot.press("tab", "tab")
    pilot.app.post_message(events.Paste(description))
    await pilot.pause()


def new_app(private_dirs) -> WizardApp:
    return WizardApp(ui_lang="en", store=DraftStore(private_dirs / "state"), new=True, environment=Environment())


async def test_a_redaction_survives_going_back_and_typing(private_dirs, no_network):
    app = new_app(private_dirs)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_details(pilot, SECRETS)
        await pilot.press("ctrl+n")
        assert type(app.screen).__name__ == "PrivacyScreen"
        assert app.screen.items[0].finding.kind == "password"
        await pilot.press("r")
        assert "Hunter2!xyz" not in app.draft.description
        await pilot.press("escape")  # back to Details
        assert type(app.screen).__name__ == "DescribeScreen"
        assert "Hunter2!xyz" not in app.screen.query_one("#description").text
        app.screen.query_one("#description").focus()
        await pilot.press(".")  # one more key in the description
        assert "Hunter2!xyz" not in app.draft.description
        assert "." in app.draft.description


async def test_a_redaction_survives_edit_on_another_finding(private_dirs, no_network):
    app = new_app(private_dirs)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_details(pilot, SECRETS)
        await pilot.press("ctrl+n", "r")  # the password is redacted
        assert [x.finding.kind for x in app.screen.items] == ["verification_code"]
        await pilot.press("e")  # edit the code by hand: back to Details, cursor in the description
        assert type(app.screen).__name__ == "DescribeScreen"
        await pilot.press("x")
        assert "Hunter2!xyz" not in app.draft.description and "x" in app.draft.description


async def test_a_redaction_survives_the_external_editor(private_dirs, no_network, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(private_dirs))
    monkeypatch.setenv("VISUAL", "true")  # never run: the editor below stands in for it

    def editor(argv, check=False):  # appends to the file it was given, as a user would
        with open(argv[-1], "a", encoding="utf-8") as handle:
            handle.write(" Thanks.")

    monkeypatch.setattr(describe.subprocess, "run", editor)
    monkeypatch.setattr(WizardApp, "suspend", lambda self: contextlib.nullcontext())
    app = new_app(private_dirs)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_details(pilot, SECRETS)
        await pilot.press("ctrl+n", "r", "escape", "ctrl+e")
        assert "Hunter2!xyz" not in app.draft.description
        assert app.draft.description.endswith("Thanks.")


async def test_a_tone_fix_survives_going_back(private_dirs, no_network):
    app = new_app(private_dirs)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_details(pilot, "My deposit is missing. FIX THIS NOW!!!")
        await pilot.press("ctrl+n", "ctrl+n")
        assert type(app.screen).__name__ == "ToneScreen" and app.screen.items
        before = app.draft.description
        await pilot.press("a")
        fixed = app.draft.description
        assert fixed != before
        await pilot.press("escape", "escape")
        assert type(app.screen).__name__ == "DescribeScreen"
        app.screen.query_one("#description").focus()
        await pilot.press("!")  # one more key, wherever the cursor is
        assert "FIX THIS NOW" not in app.draft.description
        assert app.draft.description.replace("!", "") == fixed.replace("!", "")


async def test_entering_a_findings_step_scans_once(private_dirs, no_network, monkeypatch):
    calls = []
    real = draft_checks.privacy_findings

    def counting(draft, lang="en"):
        calls.append(draft.description)
        return real(draft, lang)

    monkeypatch.setattr(draft_checks, "privacy_findings", counting)
    app = new_app(private_dirs)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_details(pilot, SECRETS)
        calls.clear()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert type(app.screen).__name__ == "PrivacyScreen"
        assert len(calls) <= 1  # the Details step's count of this revision may already be there
        calls.clear()
        await pilot.press("ctrl+n", "escape")  # to Tone and back: the draft did not change
        await pilot.pause()
        assert calls == []


def test_every_fact_is_worked_out_once_per_revision(monkeypatch):
    scans = []
    real = privacy.scan
    monkeypatch.setattr(privacy, "scan", lambda *a, **k: scans.append(1) or real(*a, **k))
    wizard = Wizard(Draft(category="deposit", description=SECRETS))
    facts = wizard.analysis("en")
    assert facts.blocking and facts.checklist and facts.missing
    first = len(scans)
    assert wizard.analysis("en") is facts and facts.privacy and len(scans) == first
    wizard.redact(facts.privacy[0])
    assert wizard.revision == 1 and wizard.analysis("en") is not facts
    assert "Hunter2!xyz" not in wizard.draft.description


def test_an_edit_that_changes_nothing_is_no_new_revision():
    wizard = Wizard(Draft(category="deposit", description="text"))
    heard = []
    wizard.subscribe(lambda w: heard.append(w.revision))
    wizard.set_part("description", "text")
    wizard.set_profile("uid", "")
    assert wizard.revision == 0 and heard == []
    wizard.set_part("description", "text!")
    assert heard == [1]


def test_steps_move_in_one_place():
    wizard = Wizard(Draft(category="deposit"))
    assert wizard.step_name == "contact"
    assert [wizard.next() for _ in range(6)] == [1, 2, 3, 4, 5, None]
    assert wizard.back() == 4 and wizard.go_to("describe") == 2 and wizard.draft.step == 2


def test_choosing_p2p_moves_a_default_address_to_the_p2p_one_and_says_so():
    wizard = Wizard(Draft())
    assert wizard.set_category("p2p") == "p2p@okx.com" and wizard.draft.to == "p2p@okx.com"
    typed = Wizard(Draft(to="me@example.org"))
    assert typed.set_category("p2p") is None and typed.draft.to == "me@example.org"


# -- one due date for one case, whichever front end asks -----------------------------------
async def test_my_cases_and_the_cases_command_give_the_same_due_date(private_dirs, monkeypatch):
    import json
    import subprocess
    import sys

    from okx_helper.settings.profile import ProfileStore

    monkeypatch.setenv("LANG", "en_US.UTF-8")  # the locale says US; the saved profile says CN
    data = private_dirs / "data" / "okx-helper"
    profiles = ProfileStore(backend=None, data_dir=data)
    profiles.save(Profile(email="me@example.com"), country="CN")
    profiles.use_plain_file()
    message = EmailMessage()
    message["To"], message["Subject"], message["Message-ID"] = "support@okx.com", "Deposit missing", "<a@x>"
    message.set_content("text")
    # Sent just before China's National Day week: CN and US business days give different dates.
    sent = datetime(2026, 9, 29, 9, 0, tzinfo=timezone.utc)
    CaseBook(data / "cases.db").record_sent(message, "deposit", "en", sent_at=sent)
    us, cn = (expectations.assess(sent, "deposit", country).expected_by for country in ("US", "CN"))
    assert us != cn

    listed = subprocess.run(
        [sys.executable, "-m", "okx_helper", "cases", "--format", "json"], capture_output=True, text=True, check=True
    )
    command = json.loads(listed.stdout)
    assert command["country"] == "CN"
    due = command["cases"][0]["expected_by"][:16].replace("T", " ")

    app = WizardApp(
        ui_lang="en",
        store=DraftStore(private_dirs / "state"),
        new=True,
        profile_store=ProfileStore(backend=None, data_dir=data),
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("k")
        assert type(app.screen).__name__ == "CasesScreen"
        assert app.screen.country == "CN"
        assert due in str(app.screen.query_one("#detail").content)
