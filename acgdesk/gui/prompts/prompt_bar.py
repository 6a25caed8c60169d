"""The detail panel's prompt row: copy the prompt, the negative prompt or the A1111 parameters, and
search for images made with the same prompt, seed or model.

Why its own record: the buttons act on a :class:`GenerationInfo` (every sampler run, LoRA weights),
read on a worker when the shown file changes; the row stays hidden for files without one.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QMenu, QSizePolicy, QToolButton, QWidget

from acgdesk.gui.resources import icon


class PromptBar(QWidget):
    """Buttons only; :class:`acgdesk.gui.prompts.controller.PromptTools` does the work."""

    copy_requested = Signal(str)  # "prompt", "negative", "parameters"
    search_requested = Signal(str)  # "prompt", "seed", "model"

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("promptBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.buttons: dict[str, QToolButton] = {}
        for kind, text, tip in (
            ("prompt", self.tr("Prompt"), self.tr("Copy the prompt")),
            ("negative", self.tr("Negative"), self.tr("Copy the negative prompt")),
            (
                "parameters",
                self.tr("A1111"),
                self.tr("Copy the parameters as Stable Diffusion WebUI writes them"),
            ),
        ):
            button = QToolButton(self, text=text, toolTip=tip, icon=icon("copy"))
            button.setObjectName(f"copy-{kind}")
            button.setToolButtonStyle(button.toolButtonStyle().ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            button.clicked.connect(lambda _=False, k=kind: self.copy_requested.emit(k))
            layout.addWidget(button)
            self.buttons[kind] = button
        self.search_button = QToolButton(self, text=self.tr("Find"), icon=icon("similar"))
        self.search_button.setObjectName("prompt-search")
        self.search_button.setToolTip(self.tr("Search for images made with the same…"))
        self.search_button.setToolButtonStyle(self.search_button.toolButtonStyle().ToolButtonTextBesideIcon)
        self.search_button.setAutoRaise(True)
        self.search_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.search_menu = QMenu(self)
        self.search_actions = {}
        for kind, text in (
            ("prompt", self.tr("Same prompt")),
            ("seed", self.tr("Same seed")),
            ("model", self.tr("Same model")),
        ):
            action = self.search_menu.addAction(text, lambda k=kind: self.search_requested.emit(k))
            self.search_actions[kind] = action
        self.search_button.setMenu(self.search_menu)
        layout.addWidget(self.search_button)
        layout.addStretch(1)
        # never wider than the panel: a narrow panel clips the row instead of growing a scroll bar
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.hide()

    def set_available(self, *, prompt: bool, negative: bool, seed: bool, model: bool) -> None:
        """Show the row for a file with generation data, each button only where it has something."""
        self.buttons["prompt"].setEnabled(prompt)
        self.buttons["negative"].setEnabled(negative)
        self.search_actions["prompt"].setEnabled(prompt)
        self.search_actions["seed"].setEnabled(seed)
        self.search_actions["model"].setEnabled(model)
        self.show()
