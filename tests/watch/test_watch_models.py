"""The one test with the real default offline models: a new file is searchable within seconds, and
its predictions and embedding stay with it when it is moved (models are not run again)."""

from __future__ import annotations

import os

import pytest

from acgdesk.watch import WatchConfig
from tests.watch.conftest import rows, user_tags, wait_for, write_image


@pytest.mark.slow
def test_new_art_gets_the_default_models_and_keeps_everything_when_moved(tmp_path, lib, watch):
    art = tmp_path / "art"
    art.mkdir()
    lib.add_folders([art])
    loaded = lib.load_models(skip_missing=True)
    if len(loaded) < 3:
        pytest.skip(f"default offline models not installed here: {[m.model.spec.key for m in loaded]}")
    models = [m.model for m in loaded]
    keys = {m.spec.key for m in models}
    w, events = watch(models=models, config=WatchConfig(offline_check=0.5))  # the real settle timings
    assert w.sync(60)
    assert any(e.kind == "models" for e in events)

    path = art / "new_art.jpg"
    write_image(path, 5, size=(900, 1200), fmt="JPEG")

    def searchable():
        row = rows(lib).get(str(path))
        if row is None:
            return None
        ran = {
            r[0]
            for r in lib.db.execute(
                "SELECT model FROM model_runs WHERE file_id = ? AND error IS NULL", (row[0],)
            )
        }
        return row[0] if ran == keys else None

    file_id = wait_for(searchable, 30, "the default models' output")
    info = lib.show(file_id)
    assert info["rating"] is not None and info["rating"]["source"].startswith("nudenet")
    assert {e["model"] for e in info["embeddings"]} == {m.spec.key for m in models if "resnet" in m.spec.id}
    assert {s["model"] for s in info["scores"]} >= {m.spec.key for m in models if "quality" in m.spec.id}
    lib.add_tags(file_id, ["my_oc"])
    before = lib.db.execute(
        "SELECT model, ran_at FROM model_runs WHERE file_id = ? ORDER BY model", (file_id,)
    ).fetchall()

    (art / "sorted").mkdir()
    os.rename(path, art / "sorted" / "kept.jpg")
    wait_for(lambda: rows(lib).get(str(art / "sorted" / "kept.jpg")) == (file_id, "ok"), 20, "the move")
    assert user_tags(lib, file_id) == {"my_oc"}
    after = lib.db.execute(
        "SELECT model, ran_at FROM model_runs WHERE file_id = ? ORDER BY model", (file_id,)
    ).fetchall()
    assert after == before  # the predictions moved with the row; no model ran again
