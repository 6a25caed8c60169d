"""Settings: display thresholds (stored in the library, shared with the CLI), device, thumbnail size
and layout, blurring by content rating, theme and language (this user's, in QSettings)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
)

from acgdesk.gui.backend import LibraryBackend
from acgdesk.gui.core_errors import error_text
from acgdesk.gui.i18n import LANGUAGES
from acgdesk.gui.prefs import Prefs

DEVICES = ("auto", "cpu", "cuda", "directml", "coreml", "mps")
THRESHOLD_KEYS = ("general", "character", "default")
# blur thumbnails (and the detail preview, the viewer) rated this or higher; "" never
BLUR_LEVELS = (
    ("", QT_TRANSLATE_NOOP("SettingsDialog", "Never")),
    ("sensitive", QT_TRANSLATE_NOOP("SettingsDialog", "Sensitive, questionable and explicit")),
    ("questionable", QT_TRANSLATE_NOOP("SettingsDialog", "Questionable and explicit")),
    ("explicit", QT_TRANSLATE_NOOP("SettingsDialog", "Explicit only")),
)
GRID_LAYOUTS = (
    ("square", QT_TRANSLATE_NOOP("SettingsDialog", "Squares")),
    ("justified", QT_TRANSLATE_NOOP("SettingsDialog", "Justified rows")),
)


class SettingsDialog(QDialog):
    def __init__(self, backend: LibraryBackend, prefs: Prefs, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.backend = backend
        self.prefs = prefs
        form = QFormLayout()
        self.thresholds: dict[str, QDoubleSpinBox] = {}
        for key in THRESHOLD_KEYS:
            spin = QDoubleSpinBox(self, minimum=0.05, maximum=1.0, singleStep=0.05, decimals=2)
            spin.setEnabled(False)  # until the library's values arrive
            self.thresholds[key] = spin
            form.addRow(self.tr("Show {k} tags from").format(k=key), spin)
        self.device = QComboBox(self)
        self.device.addItems(DEVICES)
        self.device.setCurrentText(prefs.get("device"))
        form.addRow(self.tr("Device for models"), self.device)
        self.run_models = QCheckBox(self.tr("Run the chosen models while indexing"), self)
        self.run_models.setChecked(prefs.get("run_models"))
        form.addRow("", self.run_models)
        self.thumb = QSpinBox(self, minimum=64, maximum=384, singleStep=16)
        self.thumb.setValue(prefs.get("thumb_size"))
        form.addRow(self.tr("Thumbnail size"), self.thumb)
        self.grid_layout = QComboBox(self)
        for code, name in GRID_LAYOUTS:
            self.grid_layout.addItem(self.tr(name), code)
        self.grid_layout.setCurrentIndex(max(0, self.grid_layout.findData(prefs.get("grid_layout"))))
        form.addRow(self.tr("Grid layout"), self.grid_layout)
        self.blur = QComboBox(self)
        for code, name in BLUR_LEVELS:
            self.blur.addItem(self.tr(name), code)
        self.blur.setCurrentIndex(max(0, self.blur.findData(prefs.get("blur_from"))))
        self.blur.setToolTip(self.tr("Blurred images are shown when clicked, until the next search"))
        form.addRow(self.tr("Blur images rated"), self.blur)
        self.advance = QCheckBox(self.tr("After a mark key (0-5, F, P, X), go to the next image"), self)
        self.advance.setChecked(prefs.get("advance_after_mark"))
        form.addRow("", self.advance)
        self.theme = QComboBox(self)
        self.theme.addItem(self.tr("light"), "light")
        self.theme.addItem(self.tr("dark"), "dark")
        self.theme.setCurrentIndex(max(0, self.theme.findData(prefs.get("theme"))))
        form.addRow(self.tr("Theme"), self.theme)
        self.language = QComboBox(self)
        for code, name in LANGUAGES:
            self.language.addItem(self.tr(name) if not code else name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.get("language"))))
        form.addRow(self.tr("Language (after restart)"), self.language)
        self.status = QLabel(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        backend.read(lambda lib: lib.display_thresholds(), self._thresholds_loaded)

    def _thresholds_loaded(self, values, error) -> None:
        if error is not None:
            self.status.setText(error_text(error))
            return
        for key, spin in self.thresholds.items():
            spin.setValue(float(values.get(key, values.get("default", 0.35))))
            spin.setEnabled(True)

    def accept(self) -> None:
        from PySide6.QtWidgets import QApplication

        from acgdesk.gui.app import apply_theme

        self.prefs.set("device", self.device.currentText())
        self.prefs.set("run_models", self.run_models.isChecked())
        self.prefs.set("thumb_size", self.thumb.value())
        self.prefs.set("language", self.language.currentData())
        self.prefs.set("blur_from", self.blur.currentData())
        self.prefs.set("grid_layout", self.grid_layout.currentData())
        self.prefs.set("advance_after_mark", self.advance.isChecked())
        if self.theme.currentData() != self.prefs.get("theme"):
            self.prefs.set("theme", self.theme.currentData())
            apply_theme(QApplication.instance(), self.theme.currentData())
        if all(s.isEnabled() for s in self.thresholds.values()):
            values = {k: s.value() for k, s in self.thresholds.items()}
            self.backend.write(lambda lib: lib.set_display_thresholds(values))
        parent = self.parent()
        if parent is not None and hasattr(parent, "grid"):
            parent.grid.set_cell_size(self.thumb.value())
            parent.grid.set_layout_mode(self.grid_layout.currentData())
        if parent is not None and hasattr(parent, "blur"):
            parent.blur.refresh()
        if parent is not None and hasattr(parent, "curation"):
            parent.curation.advance_action.setChecked(self.advance.isChecked())
        super().accept()
