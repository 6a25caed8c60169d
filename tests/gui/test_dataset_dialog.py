"""The training-set export from the window: the dialog's preview is the real plan (counts, sizes,
sample captions, folder problems), Export runs a job that writes the set, and the options are
remembered. Real images, a real library, the real worker threads."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import QMenu

from acgdesk.gui.dataset.dialog import DatasetDialog

WAIT = 15_000


def select_rows(win, lo: int, hi: int) -> None:
    selection = QItemSelection(win.model.index(lo), win.model.index(hi))
    win.grid.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)


def previewed(qtbot, dialog: DatasetDialog) -> dict:
    with qtbot.waitSignal(dialog.preview_ready, timeout=WAIT):
        dialog.refresh_preview()
    return dialog.preview


def test_export_from_the_selection_with_a_preview_then_a_job(qtbot, window, tmp_path):
    win = window
    select_rows(win, 0, 4)
    scope = win.curation.batch.selection_scope()
    chosen = sorted(scope.ids.tolist())
    out = tmp_path / "sets" / "cats"
    seen: dict = {}

    def confirm(dialog: DatasetDialog) -> bool:
        form = dialog.form
        p = previewed(qtbot, dialog)
        # no folder yet: the counts are there, Export is not
        assert p["exported"] == 5 and not dialog.export_button.isEnabled()
        assert "Choose the folder" in dialog.message.text()
        form.folder.setText(str(out))
        form.layout_format.setCurrentIndex(form.layout_format.findData("hf"))
        form.resize_mode.setCurrentIndex(form.resize_mode.findData("max_side"))
        form.max_side.setValue(128)
        form.image_format.setCurrentIndex(form.image_format.findData("webp"))
        form.trigger.setText("mycat")
        form.blacklist.setText("long_hair")
        p = previewed(qtbot, dialog)
        seen["preview"] = p
        assert p["exported"] == 5 and p["matched"] == 5
        assert dialog.export_button.isEnabled() and dialog.message.text() == ""
        assert dialog.samples.count() == len(p["samples"]) > 0
        output, caption = dialog.samples.item(0).text().split("\n")
        assert output == p["samples"][0]["output"] and output.endswith(".webp")
        assert caption == p["samples"][0]["caption"]
        assert all(s["caption"].startswith("mycat") for s in p["samples"])
        assert all("long hair" not in s["caption"] for s in p["samples"])  # blacklisted
        assert "<b>5 image" in dialog.counts.text()  # "images" once the English plurals are loaded
        # sizes in the preview are the sizes that will be written (longest side 128)
        for size in p["sizes"]:
            w, h = (int(v) for v in size.split("x"))
            assert max(w, h) == 128
        return True

    win.curation.batch.confirm = confirm
    job = win.curation.batch.export_training_set(scope)
    assert job is not None and job.kind == "dataset"
    with qtbot.waitSignal(job.finished, timeout=60_000) as blocker:
        pass
    report, error = blocker.args
    assert error is None and report.exported == 5 and report.written == 5 and not report.errors
    assert job.state == "done" and job.done == job.total == 5
    images = sorted((out / "train").glob("*.webp"))
    assert len(images) == 5
    for path in images:
        with Image.open(path) as im:
            assert im.format == "WEBP" and max(im.size) == 128
    rows = [json.loads(line) for line in (out / "train" / "metadata.jsonl").read_text().splitlines()]
    assert sorted(r["file_name"] for r in rows) == sorted(p.name for p in images)
    assert all(r["text"].startswith("mycat") for r in rows)
    manifest = json.loads((out / "manifest.json").read_text())
    assert sorted(e["file_id"] for e in manifest["entries"]) == chosen
    assert win.statusBar().currentMessage().startswith("Training set: 5 image")
    # the next dialog opens with these options; the folder is left to choose (Choose… starts beside
    # the last one), so another set never replaces this one unasked
    dialog = DatasetDialog(win.backend, scope, win.prefs, win)
    assert dialog.form.folder.text() == "" and dialog.form.start_dir == str(out.parent)
    assert dialog.form.layout_format.currentData() == "hf"
    assert dialog.form.max_side.value() == 128 and dialog.form.trigger.text() == "mycat"
    dialog.form.folder.setText(str(out))  # the same folder again: an update of that export
    p = previewed(qtbot, dialog)
    assert p["earlier"] and "earlier export" in dialog.counts.text()
    assert dialog.export_button.isEnabled()


def test_the_preview_says_why_export_is_off(qtbot, window, tmp_path):
    win = window
    scope = win.curation.batch.results_scope()
    dialog = DatasetDialog(win.backend, scope, None, win)
    form = dialog.form
    p = previewed(qtbot, dialog)
    assert p["exported"] == win.model.rowCount() == 12
    # a folder with other files in it is never filled
    foreign = tmp_path / "holiday"
    foreign.mkdir()
    (foreign / "beach.jpg").write_bytes(b"not ours")
    form.folder.setText(str(foreign))
    previewed(qtbot, dialog)
    assert "not empty" in dialog.message.text() and not dialog.export_button.isEnabled()
    assert sorted(p.name for p in foreign.iterdir()) == ["beach.jpg"]  # nothing written by a preview
    # a folder inside the library is refused unless allowed
    inside = Path(win.backend.root).parent / "art" / "pixiv" / "set"
    form.folder.setText(str(inside))
    previewed(qtbot, dialog)
    assert "inside the library folder" in dialog.message.text() and not dialog.export_button.isEnabled()
    form.inside_library.setChecked(True)
    previewed(qtbot, dialog)
    assert dialog.export_button.isEnabled() and not inside.exists()
    # options that are not allowed: the sentence from the option classes
    form.folder.setText(str(tmp_path / "new"))
    for box in form.ratings.values():
        box.setChecked(False)
    previewed(qtbot, dialog)
    assert "at least one content rating" in dialog.message.text() and not dialog.export_button.isEnabled()
    for box in form.ratings.values():
        box.setChecked(True)
    form.replace.setText("cat_ears")
    previewed(qtbot, dialog)
    assert "old=new" in dialog.message.text()
    form.replace.setText("cat_ears=nekomimi")
    form.ratings["explicit"].setChecked(False)  # the four twitter images are rated explicit
    p = previewed(qtbot, dialog)
    assert p["exported"] == 8 and dialog.export_button.isEnabled()
    assert "<b>8 image" in dialog.counts.text()


def test_the_entry_is_in_the_selection_menu_for_the_selection_and_every_result(qtbot, window):
    win = window
    select_rows(win, 0, 1)
    menu = QMenu()
    win.curation.batch.fill_selection_menu(menu)
    texts = [a.text() for a in menu.actions()]
    assert "Export training set…" in texts
    submenu = next(a.menu() for a in menu.actions() if a.menu() and a.text().startswith("Apply to all"))
    assert "Export training set…" in [a.text() for a in submenu.actions()]


def test_each_tag_category_has_its_threshold_and_they_are_remembered(qtbot, window, tmp_path):
    win = window
    scope = win.curation.batch.results_scope()
    dialog = DatasetDialog(win.backend, scope, win.prefs, win)
    form = dialog.form
    values = {"general": 0.3, "character": 0.9, "copyright": 0.55, "artist": 0.7}
    boxes = {
        "general": form.general_threshold,
        "character": form.character_threshold,
        "copyright": form.copyright_threshold,
        "artist": form.artist_threshold,
    }
    for category, box in boxes.items():
        box.setValue(values[category])
    form.default_threshold.setValue(0.95)
    spec = form.options().captions
    assert spec.thresholds == values and spec.default_threshold == 0.95
    # captions from prompts only: no threshold applies, so none can be edited
    form.caption_source.setCurrentIndex(form.caption_source.findData("prompt"))
    assert not any(box.isEnabled() for box in (*boxes.values(), form.default_threshold))
    form.caption_source.setCurrentIndex(form.caption_source.findData("tags"))
    assert all(box.isEnabled() for box in (*boxes.values(), form.default_threshold))
    dialog.remember()
    again = DatasetDialog(win.backend, scope, win.prefs, win).form
    assert again.options().captions.thresholds == values
    assert again.default_threshold.value() == 0.95
