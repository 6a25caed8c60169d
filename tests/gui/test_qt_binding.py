"""The installed Qt binding does not corrupt reference counts (PySide6 6.12.0 does on Python 3.11).

Why a test: the GUI emits signals and reads item data thousands of times a second; a binding that
drops a reference to True or None per call aborts the interpreter after a few seconds of scrolling.
Python 3.12+ makes these objects immortal, so the check only means something on 3.11.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QListWidgetItem

pytestmark = pytest.mark.skipif(sys.version_info >= (3, 12), reason="True/None are immortal on 3.12+")


class _Emitter(QObject):
    fired = Signal(object)


def test_signal_emit_keeps_the_reference_count_of_true(qapp):
    emitter = _Emitter()
    emitter.fired.connect(lambda _v: None)
    before = sys.getrefcount(True)
    for _ in range(500):
        emitter.fired.emit(None)
    assert sys.getrefcount(True) - before > -50


def test_reading_an_empty_item_role_keeps_the_reference_count_of_none(qapp):
    item = QListWidgetItem("x")
    before = sys.getrefcount(None)
    for _ in range(500):
        assert item.data(Qt.ItemDataRole.UserRole + 7) is None
    assert sys.getrefcount(None) - before > -50
