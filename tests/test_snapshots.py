"""Every screen, in both languages, at 80x24, compared with its stored SVG.

Update after an intended change: python -m pytest tests/test_snapshots.py --snapshot-update
"""

import pytest

from okx_helper.ui import gallery


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", list(gallery.SCREENS))
def test_screen(name, lang, snap_compare, private_dirs):
    setup, offers_draft = gallery.SCREENS[name]
    app = gallery.wizard_app(lang, private_dirs, gallery.sample_draft(lang, 2) if offers_draft else None)

    async def run_before(pilot):
        await setup(app, pilot, lang)

    assert snap_compare(app, terminal_size=gallery.SIZE, run_before=run_before)
