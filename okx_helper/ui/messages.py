"""What screens tell the app: typed messages instead of calls into the app's methods.

A step posts one of these; it bubbles from the screen to the WizardApp, which moves the wizard
core and pushes or pops screens. Screens never reach into each other.
"""

from __future__ import annotations

from textual.message import Message


class NextStep(Message):
    """The step's own checks passed (or were answered): go on from `step` to the next one."""

    def __init__(self, step: int) -> None:
        super().__init__()
        self.step = step


class PreviousStep(Message):
    """Go back from `step` one step; nothing typed is lost."""

    def __init__(self, step: int) -> None:
        super().__init__()
        self.step = step


class EditPart(Message):
    """Go back to the Details step with the cursor in one part of the draft."""

    def __init__(self, part: str) -> None:
        super().__init__()
        self.part = part  # "subject", "description" or "field:<id>"


class DraftSent(Message):
    """The draft was handed off, confirmed sent and recorded as a case: start afresh."""

    def __init__(self, case_id: int | None) -> None:
        super().__init__()
        self.case_id = case_id
