"""The Models dialog's hub endpoint field and *Find on disk* button (no network: the model store and
the Hugging Face cache point into tmp_path)."""

from __future__ import annotations

import pytest

from acgdesk.models.store import ModelStore
from tests.models.fakehub import isolate_hub_env


@pytest.fixture
def dialog(qtbot, window, tmp_path, monkeypatch):
    from acgdesk.gui.models_dialog import ModelsDialog

    isolate_hub_env(monkeypatch, tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setattr(type(window.backend.library()), "model_store", ModelStore(tmp_path / "models"))
    d = ModelsDialog(window.backend, window.jobs, window.start_job, window)
    qtbot.addWidget(d)
    qtbot.waitUntil(lambda: d.table.rowCount() > 5, timeout=20_000)
    return d


def test_the_hub_endpoint_field_saves_the_mirror_setting(qtbot, dialog, tmp_path):
    dialog.endpoint.setText("https://hf-mirror.example")
    dialog.endpoint.setModified(True)
    dialog.endpoint.editingFinished.emit()
    qtbot.waitUntil(lambda: "Hub endpoint" in dialog.status.text(), timeout=10_000)
    assert ModelStore(tmp_path / "models").hub_endpoint() == "https://hf-mirror.example"


def test_find_on_disk_reports_what_it_found(qtbot, dialog):
    dialog.scan_button.click()
    qtbot.waitUntil(lambda: "found" in dialog.status.text() or "used" in dialog.status.text(), timeout=10_000)
