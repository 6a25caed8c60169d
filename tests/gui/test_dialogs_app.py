"""Model manager, settings and first-run dialogs, themes, and how `acgdesk` opens the window."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from acgdesk.library import Library


def test_model_manager_lists_the_catalogue_and_saves_the_models_indexing_runs(qtbot, window, library_dir):
    from acgdesk.gui.models_dialog import ModelsDialog

    dialog = ModelsDialog(window.backend, window.jobs, window.start_job, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 5, timeout=20_000)
    ids = [row["id"] for row in dialog.rows]
    assert "resnet18-anime" in ids and "wd-swinv2-tagger-v3" in ids
    resnet = ids.index("resnet18-anime")
    assert dialog.rows[resnet]["installed"] and dialog.rows[resnet]["offline"]
    wd = ids.index("wd-swinv2-tagger-v3")
    dialog.table.selectRow(wd)
    assert dialog.install_button.isEnabled() == (not dialog.rows[wd]["installed"])
    dialog.table.selectRow(resnet)
    assert not dialog.install_button.isEnabled()  # offline: nothing to download
    for r in range(dialog.table.rowCount()):
        dialog.table.item(r, 0).setCheckState(
            Qt.CheckState.Checked
            if dialog.rows[r]["id"] in ("resnet18-anime", "technical-quality")
            else Qt.CheckState.Unchecked
        )
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "Indexing will run" in dialog.status.text(), timeout=10_000)
    with Library.open(library_dir) as lib:
        assert lib.index_model_ids() == ["resnet18-anime", "technical-quality"]
    qtbot.waitUntil(lambda: "onnxruntime" in dialog.doctor.toPlainText().lower(), timeout=60_000)


def test_settings_store_thresholds_in_the_library_and_prefs_for_this_user(qtbot, window, library_dir):
    from acgdesk.gui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.backend, window.prefs, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.thresholds["general"].isEnabled(), timeout=10_000)
    assert dialog.thresholds["general"].value() == pytest.approx(0.35)
    dialog.thresholds["general"].setValue(0.15)
    dialog.thumb.setValue(128)
    dialog.theme.setCurrentText("dark")
    dialog.accept()
    qtbot.waitUntil(
        lambda: Library.open(library_dir).display_thresholds()["general"] == pytest.approx(0.15),
        timeout=10_000,
    )
    assert window.grid.cell == 128 and window.prefs.get("thumb_size") == 128
    assert window.prefs.get("theme") == "dark"
    # the lower threshold shows the 0.2 cat_ears predictions: a search finds 8 files now
    window.search.set_text("cat_ears")
    with qtbot.waitSignal(window.results_shown, timeout=10_000):
        window.search._submit()
    assert window.model.rowCount() == 8


def test_first_run_offers_folders_and_recommended_downloads(qtbot, window, tmp_path):
    from acgdesk.gui.first_run import FirstRunDialog

    dialog = FirstRunDialog(window.backend, window.prefs, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.models.count() > 5, timeout=20_000)
    texts = [dialog.models.item(i).text() for i in range(dialog.models.count())]
    assert any("ready (offline)" in t for t in texts)
    assert any(t.startswith("Download") for t in texts)
    # recommended downloads are ticked, nothing else; nothing is fetched by the dialog itself
    assert set(dialog.chosen_downloads()) <= {
        dialog.models.item(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(dialog.models.count())
    }
    dialog.add_folder(str(tmp_path))
    dialog.add_folder(str(tmp_path))
    assert dialog.chosen_folders() == [str(tmp_path)]


def test_themes_and_translations_load(qapp):
    from acgdesk.gui.app import apply_theme, install_translations
    from acgdesk.gui.resources import icon, resources_dir

    apply_theme(qapp, "dark")
    assert "searchEdit" in qapp.styleSheet()
    assert qapp.palette().color(qapp.palette().ColorRole.Window).lightness() < 80
    apply_theme(qapp, "light")
    assert qapp.palette().color(qapp.palette().ColorRole.Window).lightness() > 180
    install_translations(qapp, "en")  # English is the source language: nothing to load, no error
    assert (resources_dir() / "acgdesk.desktop").read_text().count("Exec=acgdesk gui") == 1
    for name in ("acgdesk", "folder", "similar", "upscale", "duplicates", "trash"):
        assert not icon(name).isNull(), name


def test_acgdesk_without_arguments_and_acgdesk_gui_open_the_window(monkeypatch):
    import acgdesk.gui
    from acgdesk.cli import main

    opened = []
    monkeypatch.setattr(acgdesk.gui, "main", lambda library=None: opened.append(library) or 0)
    monkeypatch.setenv("DISPLAY", ":99")  # a screen someone looks at: plain `acgdesk` opens the window
    assert main([]) == 0
    assert main(["--library", "/tmp/lib-x", "gui"]) == 0
    assert opened == [None, "/tmp/lib-x"]
    # QT_QPA_PLATFORM=offscreen alone (scripts, CI) is no screen for plain `acgdesk`: it prints help;
    # `acgdesk gui` still honours it.
    monkeypatch.delenv("DISPLAY")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert main([]) == 0
    assert main(["gui"]) == 0
    assert opened == [None, "/tmp/lib-x", None]


def test_other_commands_never_import_qt(tmp_path):
    code = (
        "import sys; from acgdesk.cli import main; "
        f"main(['--library', {str(tmp_path / 'lib')!r}, 'status', '--json']); "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_without_a_display_acgdesk_prints_help_and_acgdesk_gui_says_why(tmp_path):
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    lib = str(tmp_path / "lib")
    plain = subprocess.run(
        [sys.executable, "-m", "acgdesk", "--library", lib], capture_output=True, text=True, env=env
    )
    assert plain.returncode == 0 and "usage: acgdesk" in plain.stdout
    gui = subprocess.run(
        [sys.executable, "-m", "acgdesk", "--library", lib, "gui"], capture_output=True, text=True, env=env
    )
    assert gui.returncode == 1 and "no display" in gui.stderr


def test_an_unanswered_modal_dialog_fails_the_test_instead_of_waiting(qtbot):
    """conftest's guard: offscreen, nobody can press a modal dialog's buttons."""
    from PySide6.QtGui import QDrag
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

    dialog = QDialog()
    qtbot.addWidget(dialog)
    with pytest.raises(AssertionError, match=r"QDialog\.exec"):
        dialog.exec()
    with pytest.raises(AssertionError, match=r"QMessageBox\.question.*'Move to trash'"):
        QMessageBox.question(None, "Move to trash", "12 files?")
    with pytest.raises(AssertionError, match="getExistingDirectory"):
        QFileDialog.getExistingDirectory(None, "A folder")
    with pytest.raises(AssertionError, match=r"QDrag\.exec"):
        QDrag(dialog).exec()


def test_a_call_left_running_is_named_by_where_it_was_written(qtbot):
    """What the conftest check (and a close that timed out) says about a stuck background call."""
    import threading

    from acgdesk.gui.threads import TaskRunner

    release = threading.Event()
    started = threading.Event()
    runner = TaskRunner("probe", 1)

    def waits_for_release():
        started.set()
        release.wait(10)

    runner.submit(lambda: waits_for_release())
    assert started.wait(10)
    try:
        assert not runner.wait(50)
        (running,) = runner.running()
        assert running.startswith("test_dialogs_app.py:") and "waits_for_release" in running
    finally:
        release.set()
    assert runner.wait(10_000) and runner.running() == []


def test_freeing_a_busy_runner_does_not_wait_for_its_call(qtbot):
    """Freeing a QThreadPool waits for its running calls: a runner freed while busy hands its pool
    to threads._retired instead, so whoever freed it (the garbage collector, anywhere) goes on."""
    import gc
    import threading
    import time

    from acgdesk.gui import threads

    release, started = threading.Event(), threading.Event()
    runner = threads.TaskRunner("probe-freed", 1)

    def held():
        started.set()
        release.wait(30)

    runner.submit(lambda: held())
    assert started.wait(10)
    t0 = time.monotonic()
    del runner
    gc.collect()
    assert time.monotonic() - t0 < 2  # not the 30 s the call could take
    assert any(b.startswith("probe-freed: test_dialogs_app.py:") for b in threads.retired_busy())
    release.set()
    qtbot.waitUntil(
        lambda: not any(b.startswith("probe-freed") for b in threads.retired_busy()), timeout=10_000
    )
