"""A real, small library for GUI tests: Pillow-made images indexed without models, plus predictions
written through the db helpers (as a tagger would), and a main window on it (offscreen Qt)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

pytest.importorskip("PySide6")

from PySide6.QtCore import QCoreApplication, QSettings

from acgdesk.db.connection import transaction
from acgdesk.db.predictions import TagIds, record_model_run, replace_model_tags, store_scores
from acgdesk.library import Library

TAGGER = "wd-test-tagger@v3"


def art(path: Path, seed: int, size: tuple[int, int] = (320, 240)) -> Path:
    """A picture-like image that differs by seed."""
    rng = np.random.default_rng(seed)
    w, h = size
    y, x = np.mgrid[0:h, 0:w]
    base = np.stack([x * 255 // w, y * 255 // h, np.full_like(x, seed * 37 % 256)], axis=-1)
    im = Image.fromarray(base.astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(im)
    for _ in range(5):
        x0, y0 = int(rng.integers(0, w)), int(rng.integers(0, h))
        draw.ellipse((x0, y0, x0 + w // 3, y0 + h // 3), fill=tuple(int(v) for v in rng.integers(0, 255, 3)))
    path.parent.mkdir(parents=True, exist_ok=True)
    im.save(path)
    return path


@pytest.fixture(autouse=True, scope="session")
def isolated_qsettings(tmp_path_factory):
    """GUI preferences and search history go to a temporary folder, never the user's."""
    folder = tmp_path_factory.mktemp("qsettings")
    QCoreApplication.setOrganizationName("acgdesk-tests")
    QCoreApplication.setApplicationName("acgdesk-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def no_calls_left_running():
    """After each GUI test (its window closed), no background call of any task runner is still
    running, in a live runner or in one already freed. A call left running (stuck on a lock, a
    queue, a join) would otherwise stall the run wherever its pool is finally freed, far from the
    test that left it."""
    from acgdesk.gui import threads

    yield
    stuck = []
    for runner in list(threads.TaskRunner.instances):
        if not runner.sync and id(runner.pool) not in _REPORTED and not runner.wait(20_000):
            stuck.append(f"{runner.name}: {', '.join(runner.running()) or '(queued calls)'}")
            _REPORTED.add(id(runner.pool))
    for retired in list(threads._retired):
        if id(retired.pool) not in _REPORTED and not retired.pool.waitForDone(20_000):
            stuck.append(
                f"{retired.name}: {', '.join(threads.describe_running(retired.running)) or '(queued)'}"
            )
            _REPORTED.add(id(retired.pool))
    threads.retired_busy()  # lets the pools whose calls ended go
    assert not stuck, "background calls still running 20 s after the test: " + "; ".join(stuck)


_REPORTED: set[int] = set()  # pools already reported stuck: one failure each, not one per later test


def pytest_unconfigure(config):
    """A call still stuck at the end would hang the interpreter's own clean-up (freeing its pool
    waits for it) after the report: end the process with a failure instead (the test that left it
    has already failed and said what it was)."""
    from acgdesk.gui import threads

    if threads.retired_busy() or any(r.active() for r in list(threads.TaskRunner.instances)):
        import sys

        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(1)


@pytest.fixture(autouse=True)
def no_unanswered_dialogs(monkeypatch):
    """A modal dialog or message box that a test did not answer fails that test at once. Offscreen,
    nobody can press its buttons: ``exec()`` would wait for ever and hold the whole run (CI stops
    at its time limit with nothing said). A test that means to open one patches it with its answer,
    which replaces this guard for that test."""
    from PySide6.QtGui import QDrag
    from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

    def refuse(what: str):
        def opened(*args, **kwargs):
            title = next((a for a in args if isinstance(a, str)), "")
            raise AssertionError(f"a modal {what} opened in a test that did not answer it: {title!r}")

        return opened

    # (QMenu.exec cannot be replaced: shiboken resolves its static and member overloads first)
    for cls in (QDialog, QMessageBox, QFileDialog, QInputDialog, QDrag):
        monkeypatch.setattr(cls, "exec", refuse(f"{cls.__name__}.exec"))
    for name in ("question", "warning", "critical", "information", "about"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(refuse(f"QMessageBox.{name}")))
    for name in ("getText", "getDouble", "getInt", "getItem", "getMultiLineText"):
        monkeypatch.setattr(QInputDialog, name, staticmethod(refuse(f"QInputDialog.{name}")))
    for name in ("getExistingDirectory", "getOpenFileName", "getOpenFileNames", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(refuse(f"QFileDialog.{name}")))


@pytest.fixture(autouse=True)
def empty_clipboard_afterwards():
    """Tests that copy an image leave the clipboard empty again: pixels still held by the
    clipboard when the QApplication is torn down at the very end crash the offscreen platform
    (exit status 139 after every test passed)."""
    yield
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        QGuiApplication.clipboard().clear()


@pytest.fixture
def art_tree(tmp_path):
    """Two folders of real images (12 in all) and one unreadable file."""
    root = tmp_path / "art"
    for i in range(8):
        art(root / "pixiv" / f"p{i:02d}.png", seed=i)
    for i in range(4):
        art(root / "twitter" / f"t{i:02d}.jpg", seed=100 + i, size=(200, 300))
    (root / "twitter" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n not really")
    return root


def tag_library(lib_root: Path, art_tree: Path) -> Path:
    """Index ``art_tree``'s two folders with no models, then tag and score the files through the db
    helpers as a tagger and a scorer would."""
    with Library.open(lib_root) as lib:
        report = lib.index([art_tree / "pixiv", art_tree / "twitter"], models=(), sequential=True)
        assert report.ok == 12 and report.errors == 1
        rows = {Path(r["path"]).name: r["id"] for r in lib.db.query("SELECT id, path FROM files")}
        tag_ids = TagIds()
        with transaction(lib.db) as conn:
            for name, file_id in rows.items():
                if name == "broken.png":
                    continue
                n = int(name[1:3])
                tags = [("long_hair", "general", 0.6)]
                if name.startswith("p") and n < 3:  # p00, p01, p02: cat ears, Miku, general rating
                    tags += [("cat_ears", "general", 0.92), ("hatsune_miku", "character", 0.97)]
                    tags += [("general", "rating", 0.9)]
                elif name.startswith("t"):
                    tags += [("cat_tail", "general", 0.5), ("explicit", "rating", 0.8)]
                else:
                    tags += [("cat_ears", "general", 0.2), ("sensitive", "rating", 0.7)]  # below 0.35
                replace_model_tags(conn, tag_ids, file_id, TAGGER, tags)
                record_model_run(conn, file_id, TAGGER)
                store_scores(conn, file_id, "aesthetic-test@1", {"aesthetic": n / 10})
    return lib_root


@pytest.fixture
def library_dir(tmp_path, art_tree):
    """The library: indexed with no models, then tagged and scored through the db helpers."""
    return tag_library(tmp_path / "library", art_tree)


def file_ids_by_name(lib_root: Path) -> dict[str, int]:
    with Library.open(lib_root) as lib:
        return {Path(r["path"]).name: r["id"] for r in lib.db.query("SELECT id, path FROM files")}


def show_main_window(qtbot, library_dir: Path, tmp_path: Path, *, watch: bool = False):
    """A main window on ``library_dir`` (prefs in ``tmp_path``), shown at 1200x800 and started;
    without ``watch``, returns once the first results are shown."""
    from acgdesk.gui.backend import LibraryBackend
    from acgdesk.gui.main_window import MainWindow
    from acgdesk.gui.prefs import Prefs

    prefs = Prefs(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    win = MainWindow(LibraryBackend(library_dir), prefs, run_models=False, watch=watch)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    if watch:
        win.start()
    else:
        with qtbot.waitSignal(win.results_shown, timeout=10_000):
            win.start()
    return win


@pytest.fixture
def window(qtbot, library_dir, tmp_path):
    win = show_main_window(qtbot, library_dir, tmp_path)
    yield win
    win.close()
