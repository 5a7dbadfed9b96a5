"""Every screen of the wizard with realistic sample drafts, in both languages.

One source for the README's screenshots and the snapshot tests:
    python -m okx_helper.ui.gallery [OUT_DIR]     (default: screenshots/)
writes OUT_DIR/<screen>-<lang>.svg at 80x24.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from okx_helper.settings.profile import Profile
from okx_helper.ui.app import WizardApp
from okx_helper.writing.autosave import DraftStore
from okx_helper.writing.draft import Draft

SIZE = (80, 24)


def sample_draft(lang: str, step: int) -> Draft:
    """A deposit that did not arrive, written in a hurry: one secret and some anger left in."""
    if lang == "zh":
        return Draft(
            to="support@okx.com",
            category="deposit",
            email_lang="zh",
            fields={
                "time": "2026-11-25 14:30 +08:00",
                "coin": "USDT",
                "network": "TRC20",
                "amount": "1,250",
                "txid": "3f1c9a7be04d5c2e8b6a9d0f1e2c3b4a5d6e7f8091a2b3c4d5e6f708192a3b4c",
            },
            description="您好，我昨天充值的 USDT 到现在还没到账！！！我的登录密码是 Lily@2024，你们快点查。",
            profile=Profile(email="li.wei@example.com", uid="7382910045612345", nickname="小李"),
            step=step,
        )
    return Draft(
        to="support@okx.com",
        category="deposit",
        email_lang="en",
        fields={
            "time": "2026-11-25 14:30 +01:00",
            "coin": "USDT",
            "network": "TRC20",
            "amount": "1,250",
            "txid": "3f1c9a7be04d5c2e8b6a9d0f1e2c3b4a5d6e7f8091a2b3c4d5e6f708192a3b4c",
        },
        description="Hello, my USDT deposit from yesterday has still not arrived!!! "
        "My password is Tulip-2024 if you need it. FIX THIS NOW.",
        profile=Profile(email="anna.berg@example.com", uid="7382910045612345", nickname="anna_b"),
        step=step,
    )


def sample_environment():
    """The machine the pictures show: an SSH session with neomutt and no display."""
    from okx_helper.handoff.environment import Environment

    return Environment(platform="linux", ssh=True, display=False, clients={"neomutt": "/usr/bin/neomutt"})


def wizard_app(lang: str, directory: Path, resumable: Draft | None = None) -> WizardApp:
    """A wizard whose files all live under `directory`, on the sample machine, with no keyring."""
    from keyring.backends.fail import Keyring

    from okx_helper.settings.profile import ProfileStore

    store = DraftStore(directory / "state")
    if resumable is not None:
        store.save(resumable)
    profiles = ProfileStore(backend=Keyring(), data_dir=directory / "data")
    return WizardApp(
        ui_lang=lang, store=store, new=resumable is None, environment=sample_environment(), profile_store=profiles
    )


def private_environment(directory: Path) -> None:
    """Keep the gallery's cases, config and documents away from the user's own."""
    for name in ("DATA", "STATE", "CONFIG", "CACHE"):
        os.environ[f"XDG_{name}_HOME"] = str(directory / name.lower())
    os.environ["XDG_DOCUMENTS_DIR"] = str(directory / "documents")


async def _open_step(app: WizardApp, pilot, lang: str, step: int) -> None:
    app.start_wizard(sample_draft(lang, step))
    await pilot.pause()


def _step(step: int) -> Callable:
    async def setup(app, pilot, lang):
        await _open_step(app, pilot, lang, step)

    return setup


async def _start(app, pilot, lang):
    await pilot.pause()


async def _help(app, pilot, lang):
    await _open_step(app, pilot, lang, 0)
    await pilot.press("f1")


async def _quit(app, pilot, lang):
    await _open_step(app, pilot, lang, 2)
    await pilot.press("ctrl+q")


async def _handoff(app, pilot, lang):
    await _open_step(app, pilot, lang, 5)
    await pilot.press("ctrl+n")


async def _reply(app, pilot, lang):
    await pilot.press("c")


async def _cases(app, pilot, lang):
    await pilot.press("k")


async def _profile(app, pilot, lang):
    await pilot.press("p")


# screen name -> (setup, whether the start screen offers a saved draft)
SCREENS: dict[str, tuple[Callable[..., Awaitable[None]], bool]] = {
    "StartScreen": (_start, True),
    "ContactScreen": (_step(0), False),
    "CategoryScreen": (_step(1), False),
    "DescribeScreen": (_step(2), False),
    "PrivacyScreen": (_step(3), False),
    "ToneScreen": (_step(4), False),
    "ReviewScreen": (_step(5), False),
    "HelpText": (_help, False),
    "Confirm": (_quit, False),
    "HandoffScreen": (_handoff, False),
    "ReplyCheckScreen": (_reply, False),
    "CasesScreen": (_cases, False),
    "ProfileScreen": (_profile, False),
}


async def capture(name: str, lang: str, directory: Path) -> str:
    """The SVG of one screen."""
    setup, offers_draft = SCREENS[name]
    app = wizard_app(lang, directory, sample_draft(lang, 2) if offers_draft else None)
    async with app.run_test(size=SIZE) as pilot:
        await setup(app, pilot, lang)
        await pilot.pause()
        return app.export_screenshot(title=f"okx-helper — {name} ({lang})")


async def write_all(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in ("en", "zh"):
        for name in SCREENS:
            with tempfile.TemporaryDirectory() as state:
                private_environment(Path(state))
                svg = await capture(name, lang, Path(state))
            path = out / f"{name}-{lang}.svg"
            path.write_text(svg, encoding="utf-8")
            written.append(path)
    return written


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    for path in asyncio.run(write_all(out)):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
