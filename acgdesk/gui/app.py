"""Starting the GUI: the QApplication, theme, translations, first run, and the main window.

Why here and not in the CLI: ``acgdesk.cli`` must never import Qt (scripts and cron jobs stay
light); it imports this module only when the window is asked for.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from acgdesk import __version__
from acgdesk.core.errors import AcgdeskError
from acgdesk.core.paths import resolve_library_dir
from acgdesk.gui import i18n
from acgdesk.gui.backend import LibraryBackend
from acgdesk.gui.main_window import MainWindow
from acgdesk.gui.prefs import Prefs
from acgdesk.gui.resources import icon, style_sheet

THEMES = ("light", "dark")
GIL_SWITCH_INTERVAL = 0.001


def create_app(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (reused when one exists, as under pytest-qt)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    # Worker threads run Python too; when the GUI thread wants the GIL back it waits up to this
    # interval (default 5 ms) for a worker to yield. 1 ms keeps paints and input prompt.
    sys.setswitchinterval(GIL_SWITCH_INTERVAL)
    app.setOrganizationName("acgdesk")
    app.setApplicationName("acgdesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("acgdesk")
    app.setWindowIcon(icon("acgdesk"))
    return app


def install_translations(app: QApplication, language: str = "") -> str:
    """Qt's own strings and acgdesk's for the chosen language ("" follows the system), and a CJK
    fallback font; returns the catalogue in use (see acgdesk.gui.i18n)."""
    lang = i18n.install_translations(app, language)
    i18n.apply_cjk_font(app, lang)
    return lang


def dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor("#1e1f22"), QColor("#2b2d31"), QColor("#e6e6e6")
    for role, color in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, QColor("#34363b")),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, window),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.Highlight, QColor("#4f7fd9")),
        (QPalette.ColorRole.HighlightedText, QColor("#ffffff")),
        (QPalette.ColorRole.ToolTipBase, window),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.PlaceholderText, QColor("#8a8d93")),
    ):
        p.setColor(role, color)
    disabled = QColor("#6b6e75")
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def apply_theme(app: QApplication, theme: str) -> None:
    """Fusion style, a palette per theme, and ``resources/<theme>.qss`` on top."""
    theme = theme if theme in THEMES else "light"
    app.setStyle("Fusion")
    app.setPalette(dark_palette() if theme == "dark" else app.style().standardPalette())
    app.setStyleSheet(style_sheet(theme))


def open_window(library: str | Path | None = None, *, prefs: Prefs | None = None) -> MainWindow:
    prefs = prefs or Prefs()
    root = resolve_library_dir(library or prefs.get("library") or None)
    backend = LibraryBackend(root)
    window = MainWindow(backend, prefs, run_models=prefs.get("run_models"), watch=prefs.get("watch"))
    return window


def run(library: str | None = None, argv: Sequence[str] | None = None) -> int:
    """Open the main window (the first-run dialog first, once) and run the event loop."""
    app = create_app(argv)
    prefs = Prefs()
    install_translations(app, prefs.get("language"))
    apply_theme(app, prefs.get("theme"))
    try:
        window = open_window(library, prefs=prefs)
    except AcgdeskError as exc:
        QMessageBox.critical(None, "acgdesk", str(exc))
        return 1
    window.show()
    QTimer.singleShot(0, window.start)
    if not prefs.get("first_run_done"):
        from acgdesk.gui.first_run import FirstRunDialog

        def first_run() -> None:
            dialog = FirstRunDialog(window.backend, prefs, window)
            if dialog.exec():
                if dialog.chosen_folders():
                    window.add_folders(dialog.chosen_folders())
                for model_id in dialog.chosen_downloads():
                    from acgdesk.gui.jobs import install_job

                    window.start_job(install_job(model_id))
            prefs.set("first_run_done", True)

        QTimer.singleShot(200, first_run)
    return app.exec()
