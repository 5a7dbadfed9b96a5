"""One line saying where the user is in the six steps, and which language the email is in."""
from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from okx_helper.i18n import t

STEPS = ("contact", "category", "describe", "privacy", "tone", "review")


class StepIndicator(Static):
    DEFAULT_CSS = """
    StepIndicator { height: 1; background: $panel; color: $text-muted; padding: 0 1; }
    """

    def __init__(self, step: int, ui_lang: str, email_lang: str) -> None:
        super().__init__(self.line(step, ui_lang, email_lang))

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
