"""The compare window's lower panel: what changed in the generation parameters, in words and colours.

The diffs themselves are computed headless (:mod:`acgdesk.core.genparams`, through
``Library.compare``); this module only writes them out as HTML: each image after the first against
the first, prompt words added, removed or reweighted as coloured chips, then the settings that
changed (old → new) and those that stayed the same.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtWidgets import QTextBrowser, QWidget

from acgdesk.core.genparams import GenerationDiff, WordsDiff, format_value
from acgdesk.gui.view.compare_pane import numbered_name

# Explicit text and background colours read the same on the light and the dark theme.
ADDED = ("#1b5e20", "#dcedc8")
REMOVED = ("#b71c1c", "#ffcdd2")
REWEIGHTED = ("#5d4037", "#ffe0b2")
MUTED = "#888888"


def chip(text: str, colours: tuple[str, str], pad: str = "&nbsp;") -> str:
    """``text``, escaped, on a coloured background (``colours``: text, background)."""
    fg, bg = colours
    return f"<span style='color:{fg}; background-color:{bg}'>{pad}{html.escape(text)}{pad}</span>"


def muted(text: str) -> str:
    """``text``, escaped, in the colour of what did not change."""
    return f"<span style='color:{MUTED}'>{html.escape(text)}</span>"


class GenerationDiffPanel(QTextBrowser):
    """Shows :class:`~acgdesk.core.genparams.GenerationDiff` s, each image against image 1."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareDiff")
        self.setOpenLinks(False)
        self.setPlaceholderText(self.tr("Reading the generation parameters…"))

    def show_diffs(self, diffs: Sequence[GenerationDiff], names: Sequence[str]) -> None:
        """``diffs[i]`` is image ``i + 2`` against image 1; ``names`` name the images in order."""
        self.setHtml(self.diff_html(diffs, names))

    def field_label(self, key: str) -> str:
        labels = {
            "generator": self.tr("Generator"),
            "model": self.tr("Model"),
            "sampler": self.tr("Sampler"),
            "scheduler": self.tr("Scheduler"),
            "steps": self.tr("Steps"),
            "cfg_scale": self.tr("CFG scale"),
            "seed": self.tr("Seed"),
            "size": self.tr("Size"),
            "denoising_strength": self.tr("Denoising strength"),
            "clip_skip": self.tr("Clip skip"),
            "loras": self.tr("LoRAs"),
            "vae": self.tr("VAE"),
        }
        return labels.get(key) or key.replace("_", " ").capitalize()

    def diff_html(self, diffs: Sequence[GenerationDiff], names: Sequence[str]) -> str:
        """The panel's text: each image after the first against the first, in words and colours."""

        def name(index: int) -> str:
            return names[index] if index < len(names) else numbered_name(index + 1, "")

        parts = []
        if len(diffs) > 1:
            parts.append(
                f"<p style='color:{MUTED}'>{html.escape(self.tr('Each image against image 1.'))}</p>"
            )
        for number, diff in enumerate(diffs, start=1):
            title = self.tr("{b} against {a}").format(b=name(number), a=name(0))
            parts.append(f"<p style='margin-top:6px'><b>{html.escape(title)}</b></p>")
            parts.append(self._diff_table(number, diff))
        return "".join(parts)

    def _diff_table(self, number: int, diff: GenerationDiff) -> str:
        if diff.missing:
            text = {
                "a": self.tr("Image 1 has no generation parameters."),
                "b": self.tr("Image {n} has no generation parameters.").format(n=number + 1),
                "both": self.tr("Neither image has generation parameters."),
            }[diff.missing]
            return f"<p>{html.escape(text)}</p>"
        if diff.identical:
            return f"<p>{html.escape(self.tr('The same prompt and settings.'))}</p>"
        rows = [
            (self.tr("Prompt"), self._words_html(diff.prompt)),
            (self.tr("Negative prompt"), self._words_html(diff.negative)),
            (self.tr("Settings"), self._fields_html(diff)),
        ]
        cells = "".join(
            f"<tr><td style='padding:2px 10px 2px 0' valign='top'><b>{html.escape(label)}</b></td>"
            f"<td style='padding:2px 0'>{body}</td></tr>"
            for label, body in rows
        )
        return f"<table cellspacing='0'>{cells}</table>"

    def _words_html(self, words: WordsDiff) -> str:
        if words.same:
            if not words.common:
                return muted(self.tr("none in either"))
            return muted(self.tr("the same {n} words").format(n=len(words.common)))
        pieces = []
        if words.added:
            chips = " ".join(chip("+ " + w, ADDED) for w in words.added)
            pieces.append(f"{html.escape(self.tr('added'))}: {chips}")
        if words.removed:
            chips = " ".join(chip("− " + w, REMOVED) for w in words.removed)
            pieces.append(f"{html.escape(self.tr('removed'))}: {chips}")
        if words.reweighted:
            chips = " ".join(
                chip(f"{w.text} {format_value(w.a)} → {format_value(w.b)}", REWEIGHTED)
                for w in words.reweighted
            )
            pieces.append(f"{html.escape(self.tr('weight changed'))}: {chips}")
        if words.common:
            both = self.tr("in both ({n})").format(n=len(words.common))
            pieces.append(muted(f"{both}: {', '.join(words.common)}"))
        return "<br>".join(pieces)

    def _fields_html(self, diff: GenerationDiff) -> str:
        unknown = self.tr("not recorded")
        changes = [
            f"<b>{html.escape(self.field_label(c.key))}</b> "
            + chip(c.a if c.a is not None else unknown, REMOVED, pad="")
            + " → "
            + chip(c.b if c.b is not None else unknown, ADDED, pad="")
            for c in diff.changed
        ]
        lines = []
        if changes:
            lines.append(" &nbsp; ".join(changes))
        if diff.same:
            same = ", ".join(self.field_label(k) for k in diff.same)
            lines.append(muted(self.tr("same: {f}").format(f=same)))
        return "<br>".join(lines) or html.escape(self.tr("no settings recorded"))
