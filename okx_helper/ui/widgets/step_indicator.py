"""One line saying where the user is in the six steps, and which language the email is in."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget

from okx_helper.base.i18n import t
from okx_helper.writing.draft import STEPS


class StepIndicator(Widget):
    DEFAULT_CSS = """
    StepIndicator { height: 1; background: $panel; color: $text-muted; padding: 0 1; }
    """

    def __init__(self, step: int, ui_lang: str, email_lang: str) -> None:
        super().__init__()
        self.step, self.ui_lang, self.email_lang = step, ui_lang, email_lang

    @property
    def content(self) -> Text:
        return self.line(self.step, self.ui_lang, self.email_lang)

    def render(self) -> Text:
        full = self.content
        if cell_len(full.plain) <= self.content_size.width:
            return full
        # Narrow terminals: "Step 5/6 · Tone" keeps what matters instead of cutting the line.
        return self.short_line(self.step, self.ui_lang, self.email_lang)

    @staticmethod
    def line(step: int, ui_lang: str, email_lang: str) -> Text:
        text = Text()
        for index, name in enumerate(STEPS):
            if index:
                text.append(" › ")
            label = f"{index + 1} {t('wizard.step_' + name, ui_lang)}"
            text.append(label, style="bold reverse" if index == step else "")
        text.append("   " + t("wizard.email_lang", ui_lang, lang=t("wizard.lang_" + email_lang, ui_lang)))
        return text

    @staticmethod
    def short_line(step: int, ui_lang: str, email_lang: str) -> Text:
        text = Text(t("wizard.step_of", ui_lang, step=step + 1, total=len(STEPS)) + " ")
        text.append(t("wizard.step_" + STEPS[step], ui_lang), style="bold reverse")
        text.append("   " + t("wizard.email_lang", ui_lang, lang=t("wizard.lang_" + email_lang, ui_lang)))
        return text
