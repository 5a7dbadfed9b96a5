"""The "Check a reply" screen, driven by keys in a tiny host app at 80x24."""

from pathlib import Path

from textual.app import App
from textual.widgets import Footer, Input, Static, TextArea

from okx_helper.ui.screens.reply_check import ReplyCheckScreen

DATA = Path(__file__).parent / "data" / "dev" / "replies"


class Host(App):
    def __init__(self, screen: ReplyCheckScreen) -> None:
        super().__init__()
        self.reply_screen = screen

    def on_mount(self) -> None:
        self.push_screen(self.reply_screen)


def _result(app) -> str:
    return str(app.screen.query_one("#reply-result", Static).render())


async def test_pasted_phishing_is_reported_as_fraudulent():
    app = Host(ReplyCheckScreen("en"))
    async with app.run_test(size=(80, 24)) as pilot:
        area = app.screen.query_one("#reply-source", TextArea)
        assert area.has_focus
        area.load_text("Dear user,\nPlease reply with your seed phrase within 24 hours.\nOKX")
        await pilot.press("ctrl+r")
        await pilot.pause()
        text = _result(app)
        assert "Fraudulent" in text
        assert "seed phrase" in text
        assert "Next step" in text
        assert app.screen.report.verdict == "fraudulent"


async def test_load_an_eml_by_path_with_the_code():
    app = Host(ReplyCheckScreen("en", anti_phishing_code="Mint42"))
    async with app.run_test(size=(80, 24)) as pilot:
        path = app.screen.query_one("#reply-path", Input)
        path.focus()
        path.value = str(DATA / "g03_en_base64.eml")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.report.verdict == "genuine"
        assert "Likely genuine" in _result(app)
        assert "Authentication-Results" in app.screen.query_one("#reply-source", TextArea).text
        # the report gets the focus and scrolls with the keyboard
        assert app.screen.query_one("#reply-report").has_focus
        await pilot.press("f9")
        assert app.screen.report is None and app.screen.query_one("#reply-source", TextArea).text == ""


async def test_missing_file_and_empty_input_show_a_message():
    app = Host(ReplyCheckScreen("en"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        assert "Nothing to check" in _result(app)
        app.screen.query_one("#reply-path", Input).value = "/nonexistent/reply.eml"
        await pilot.press("ctrl+l")
        assert "no such file" in _result(app)


async def test_chinese_interface_and_question():
    app = Host(ReplyCheckScreen("zh", anti_phishing_code="Mint42", question="USDT 充值没到账"))
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#reply-path", Input).value = str(DATA / "g05_zh_plain.eml")
        await pilot.press("f4")
        await pilot.pause()
        text = _result(app)
        assert "可能是真的" in text
        assert "回答了您的问题：是" in text
        assert app.screen.report.usefulness["answers_question"] is True


async def test_escape_goes_back_and_everything_fits_80x24():
    app = Host(ReplyCheckScreen("en"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        for selector in (
            "#reply-title",
            "#reply-path",
            "#reply-question",
            "#reply-code",
            "#reply-source",
            "#reply-report",
            Footer,
        ):
            region = screen.query_one(selector).region
            assert region.height >= 1 and region.bottom <= 24 and region.right <= 80, selector
        assert screen.query_one("#reply-report").region.height >= 6
        descriptions = [binding.description for _, binding in screen._bindings]
        assert all(descriptions), descriptions
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ReplyCheckScreen)


async def test_reachable_from_the_start_screen(private_dirs):
    from okx_helper.ui.app import WizardApp
    from okx_helper.writing.autosave import DraftStore

    app = WizardApp(ui_lang="en", store=DraftStore(private_dirs / "state"), new=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ReplyCheckScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ReplyCheckScreen)
